import { describe, expect, it } from 'vitest';
import { countStems, findBigrams, findTrigrams, mergeBigrams, noBigrams, wordUnits } from '../../lib/text/find-phrases';
import { indexStems, scanDocuments } from '../../lib/text/surface-stream';

// graph 4, network 3, learning 3, deep 2: 12 words. Adjacent pairs: graph network 3,
// network learning 2, deep learning 1, deep graph 1.
const texts = ['graph network learning', 'graph network', 'deep learning', 'deep graph', 'graph network learning'];

function prepare() {
  const stream = scanDocuments(
    texts.map((text) => ({ title: '', text })),
    0,
  );
  const index = indexStems(stream.surfaceStems);
  const word = (w: string) => stream.surfaces.indexOf(w);
  const stem = (w: string) => index.stems.indexOf(w);
  return { stream, index, word, stem };
}

/** NPMI by hand: log(p(ab) / (p(a) p(b))) / -log p(ab). */
const npmi = (ab: number, a: number, b: number, n: number) => Math.log((ab * n) / (a * b)) / -Math.log(ab / n);

describe('countStems', () => {
  it('sums the words of a stem', () => {
    const { stream, index, stem } = prepare();
    const { stemCount, total } = countStems(stream.surfaceCount, index);
    expect(total).toBe(12);
    expect(stemCount[stem('graph')]).toBe(4);
    expect(stemCount[stem('learn')]).toBe(3);
    expect(stemCount[stem('deep')]).toBe(2);
  });
});

describe('findBigrams', () => {
  it('scores the frequent pairs by NPMI and rejects the rare ones', () => {
    const { stream, index, word } = prepare();
    const bigrams = findBigrams(stream, index, countStems(stream.surfaceCount, index), { minCount: 2, minNpmi: 0.5 });
    const [graph, network, learning, deep] = ['graph', 'network', 'learning', 'deep'].map(word);
    expect(bigrams.score(graph, network)).toBeCloseTo(npmi(3, 4, 3, 12), 12); // 0.792
    expect(bigrams.score(network, learning)).toBeCloseTo(npmi(2, 3, 3, 12), 12); // 0.547
    expect(bigrams.score(deep, learning)).toBe(-Infinity); // seen once
    expect(bigrams.score(network, graph)).toBe(-Infinity); // never in that order
    expect(bigrams.merge(graph, network)).toBe(stream.surfaces.length + bigrams.pairs.find(graph, network));
    expect(bigrams.pairs.counts[bigrams.pairs.find(graph, network)]).toBe(3);
  });

  it('keeps nothing above the NPMI threshold', () => {
    const { stream, index, word } = prepare();
    const bigrams = findBigrams(stream, index, countStems(stream.surfaceCount, index), { minCount: 2, minNpmi: 0.8 });
    expect(bigrams.score(word('graph'), word('network'))).toBe(-Infinity);
  });

  it('has no pairs when phrases are off', () => {
    const { stream, index, word } = prepare();
    const none = noBigrams(stream, index);
    expect(none.pairs.size).toBe(0);
    expect(none.score(word('graph'), word('network'))).toBe(-Infinity);
  });
});

describe('mergeBigrams', () => {
  it('merges the stronger of two overlapping phrases and leaves the rest', () => {
    const { stream, index, word } = prepare();
    const bigrams = findBigrams(stream, index, countStems(stream.surfaceCount, index), { minCount: 2, minNpmi: 0.5 });
    const units = mergeBigrams(stream, bigrams);
    const gn = bigrams.merge(word('graph'), word('network'));
    const doc = (d: number) => Array.from(units.units.subarray(units.start[d], units.start[d + 1]));
    expect(doc(0)).toEqual([-1, gn, word('learning'), -1]);
    expect(doc(1)).toEqual([-1, gn, -1]);
    expect(doc(3)).toEqual([-1, word('deep'), word('graph'), -1]);
    expect(Array.from(units.titleEnd)).toEqual(Array.from(units.start.subarray(0, texts.length)));
    expect(wordUnits(stream).units).toBe(stream.tok);
  });
});

describe('findTrigrams', () => {
  it('scores a bigram next to a word on the merged stream', () => {
    const { stream, index, word } = prepare();
    const bigrams = findBigrams(stream, index, countStems(stream.surfaceCount, index), { minCount: 2, minNpmi: 0.5 });
    const units = mergeBigrams(stream, bigrams);
    const gn = bigrams.merge(word('graph'), word('network'));
    // Units: "graph network" 3, learning 3, deep 2, graph 1: 9; "graph network" + learning 2.
    const loose = findTrigrams(units, bigrams, { minCount: 2, minNpmi: 0.4 });
    expect(loose.score(gn, word('learning'))).toBeCloseTo(npmi(2, 3, 3, 9), 12); // 0.461
    expect(loose.score(word('deep'), word('learning'))).toBe(-Infinity); // two words
    expect(loose.base).toBe(stream.surfaces.length + bigrams.pairs.size);
    expect(loose.merge(gn, word('learning'))).toBe(loose.base);
    expect(loose.triples.size).toBe(1);
    expect(loose.triples.second[0]).toBe(word('learning'));
    const strict = findTrigrams(units, bigrams, { minCount: 2, minNpmi: 0.5 });
    expect(strict.score(gn, word('learning'))).toBe(-Infinity);
  });
});
