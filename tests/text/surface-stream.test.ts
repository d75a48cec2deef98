import { describe, expect, it } from 'vitest';
import { scanShareWithTable } from '../../lib/text/scan';
import { indexStems, mergeScannedShares, scanDocuments } from '../../lib/text/surface-stream';

const docs = [
  { title: 'Graph networks', text: 'Neural networks, the graph network.' },
  { title: 'Deep graphs', text: 'A graph network of 3 networks' },
];

describe('scanDocuments', () => {
  it('lays every document out as title ids, a break, text ids, a break, ids in order of first use', () => {
    const s = scanDocuments(docs, 1);
    expect(s.surfaces.slice(0, 3)).toEqual(['graph', 'networks', 'neural']);
    const word = (w: string) => s.surfaces.indexOf(w);
    const [graph, networks, neural, network, deep, graphs] = [
      'graph',
      'networks',
      'neural',
      'network',
      'deep',
      'graphs',
    ].map(word);
    // "the", "a", "of" and "3" are never emitted: the comma and the stop words break the text.
    expect(Array.from(s.tok)).toEqual([
      ...[graph, networks, -1, neural, networks, -1, graph, network, -1],
      ...[deep, graphs, -1, graph, network, -1, networks, -1],
      0,
    ]);
    expect(Array.from(s.docStart)).toEqual([0, 9, 17]);
    expect(Array.from(s.titleEnd)).toEqual([2, 11]);
    expect(s.surfaceCount[graph]).toBe(3);
    expect(s.surfaceCount[networks]).toBe(3);
    expect(s.surfaceCount[word('the')]).toBe(0);
    expect(s.surfaceStems[graphs]).toBe('graph');
    expect(s.surfaceStems[word('the')]).toBe('');
  });

  it('leaves the titles out when their weight is 0', () => {
    const s = scanDocuments(docs, 0);
    expect(s.surfaces).not.toContain('deep');
    // Each document starts with its (empty) title's break.
    expect(Array.from(s.titleEnd)).toEqual(Array.from(s.docStart.subarray(0, 2)));
    expect(s.tok[s.titleEnd[1]]).toBe(-1);
  });
});

describe('mergeScannedShares', () => {
  it('gives the ids, counts and stream of one scan over all documents', () => {
    const all = scanDocuments(docs, 1);
    const first = scanShareWithTable({ titles: [docs[0].title], texts: [docs[0].text], titleWeight: 1 });
    const second = scanShareWithTable({ titles: [docs[1].title], texts: [docs[1].text], titleWeight: 1 });
    const merged = mergeScannedShares([first.share, second.share], first.table);
    expect(Array.from(merged.tok)).toEqual(Array.from(all.tok));
    expect(Array.from(merged.docStart)).toEqual(Array.from(all.docStart));
    expect(Array.from(merged.titleEnd)).toEqual(Array.from(all.titleEnd));
    // The second share's dropped words ("a", "of", "3") get no id: the single scan has them.
    const kept = all.surfaces.filter((w) => !['a', 'of', '3'].includes(w));
    expect(merged.surfaces).toEqual(kept);
    expect(merged.surfaceCount).toEqual(kept.map((w) => all.surfaceCount[all.surfaces.indexOf(w)]));
    expect(merged.surfaceStems).toEqual(kept.map((w) => all.surfaceStems[all.surfaces.indexOf(w)]));
  });
});

describe('indexStems', () => {
  it('numbers stems in order of their first word and maps every word to its stem', () => {
    const { stems, stemOf } = indexStems(['graph', 'network', '', 'network', 'graph', 'deep']);
    expect(stems).toEqual(['graph', 'network', '', 'deep']);
    expect(Array.from(stemOf)).toEqual([0, 1, 2, 1, 0, 3]);
  });
});
