import { describe, expect, it } from 'vitest';
import { parseTopicsNote } from '@/lib/viz/quality-metrics';

describe('the topics note of the quality table', () => {
  it('splits how the number was set from how the topics were found', () => {
    expect(
      parseTopicsNote('chosen by silhouette; k-means on LSA vectors smoothed over the similar-papers graph'),
    ).toEqual({
      choice: 'chosen by silhouette',
      method: 'k-means on LSA vectors smoothed over the similar-papers graph',
    });
    // An older build's note names only the choice.
    expect(parseTopicsNote('chosen by silhouette')).toEqual({ choice: 'chosen by silhouette', method: null });
    expect(parseTopicsNote(null)).toEqual({ choice: null, method: null });
  });
});
