import { describe, expect, it } from 'vitest';
import type { MapPaperCard } from '@/lib/store/read/map';
import { formatCardsUrl, formatSelectionCsv } from '@/lib/viz/map-selection';

describe('map selection', () => {
  it('writes the cards URL and the CSV with quoting and the outlier flag', () => {
    expect(formatCardsUrl([3, 1, 2])).toBe('/api/map/papers?ids=3,1,2');
    const card: MapPaperCard = {
      id: 7,
      title: 'Graphs, "again"',
      authors: 'A. One; B. Two',
      year: 2021,
      venue: null,
      topicId: 2,
      topicLabel: 'graphs',
      subtopicLabel: null,
      outlier: true,
      source: 'x.json',
    };
    expect(formatSelectionCsv([card]).split(/\r?\n/).slice(0, 2)).toEqual([
      'id,title,authors,year,venue,topic_id,topic,subtopic,outlier,source',
      '7,"Graphs, ""again""",A. One; B. Two,2021,,2,graphs,,1,x.json',
    ]);
  });
});
