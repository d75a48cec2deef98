import { describe, expect, it } from 'vitest';
import {
  buildClassTerms,
  buildRepresentatives,
  buildTopicDisplay,
  buildTopicSimilarity,
  buildTopicTree,
  formatTopicLabel,
} from '../../lib/model/labels';
import { tokenizeCorpus } from '../../lib/text/index';

/** A CSR matrix from dense rows. */
function csr(rows: number[][]) {
  const indptr = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const r of rows) {
    r.forEach((v, c) => {
      if (v !== 0) {
        indices.push(c);
        values.push(v);
      }
    });
    indptr.push(indices.length);
  }
  return {
    rows: rows.length,
    cols: rows[0].length,
    indptr: Int32Array.from(indptr),
    indices: Int32Array.from(indices),
    values: Float64Array.from(values),
  };
}

describe('buildClassTerms', () => {
  it('matches c-TF-IDF worked by hand', () => {
    // Topic 0 = docs 0,1; topic 1 = doc 2. Columns 0..2 map to term ids 10, 11, 12.
    const counts = csr([
      [2, 1, 0],
      [1, 0, 0],
      [0, 1, 3],
    ]);
    const result = buildClassTerms(counts, Int32Array.from([10, 11, 12]), Int32Array.from([0, 0, 1]), 2);
    // Topic counts: t0 = (3,1,0) total 4; t1 = (0,1,3) total 4; A = 4; f = (3,2,3).
    const w = (tf: number, total: number, f: number) => (tf / total) * Math.log(1 + 4 / f);
    expect(result[0].termIds).toEqual([10, 11]);
    expect(result[0].weights[0]).toBeCloseTo(w(3, 4, 3), 12);
    expect(result[0].weights[1]).toBeCloseTo(w(1, 4, 2), 12);
    expect(result[1].termIds).toEqual([12, 11]);
    expect(result[1].weights[0]).toBeCloseTo(w(3, 4, 3), 12);
  });
});

describe('label order', () => {
  it("orders a topic's terms by LDAvis relevance for its label", () => {
    // Term 0 is common to both topics, term 1 only in topic 0, term 2 only in topic 1.
    const counts = csr([
      [30, 6, 0],
      [30, 0, 6],
    ]);
    const columns = Int32Array.from([0, 1, 2]);
    const topics = Int32Array.from([0, 1]);
    // c-TF-IDF puts the common term first in topic 0: (30/36)·ln(1 + 36/60) > (6/36)·ln(1 + 36/6).
    const [t0] = buildClassTerms(counts, columns, topics, 2, 30, 0.2);
    expect(t0.termIds).toEqual([0, 1]);
    // Relevance at λ = 0.2: term 0 = 0.2·ln(30/36) + 0.8·ln(1) ≈ -0.036;
    // term 1 = 0.2·ln(6/36) + 0.8·ln((6/36) / (6/72)) ≈ 0.196: the distinctive term leads.
    expect(t0.labelOrder).toEqual([1, 0]);
    // At λ = 1 relevance is the plain frequency in the topic.
    expect(buildClassTerms(counts, columns, topics, 2, 30, 1)[0].labelOrder).toEqual([0, 1]);
  });
});

describe('formatTopicLabel', () => {
  const terms = ['network', 'graph neural network', 'graph', 'train', 'node', 'model'];
  const display = ['networks', 'graph neural networks', 'graphs', 'training', 'nodes', 'models'];
  it('skips terms that share a stem or contain each other', () => {
    // graph neural network (1) first; network (0) and graph (2) share a stem with it.
    expect(formatTopicLabel([1, 0, 2, 4, 3], terms, display)).toBe('graph neural networks, nodes, training');
    expect(formatTopicLabel([0, 1, 3], terms, display, 2)).toBe('networks, training');
  });
  it('leaves out the words it is told to avoid (a topic’s, in its parts’ labels), unless too few are left', () => {
    // The topic says "networks": its part is labelled by what sets it apart.
    expect(formatTopicLabel([0, 4, 3, 5], terms, display, 3, undefined, new Set(['network']))).toBe(
      'nodes, training, models',
    );
    // "graph neural network" holds an avoided word too.
    expect(formatTopicLabel([1, 4, 3], terms, display, 3, undefined, new Set(['network']))).toBe('nodes, training');
    // Only one term left: the avoided words come back.
    expect(formatTopicLabel([0, 1, 4], terms, display, 3, undefined, new Set(['network', 'node']))).toBe(
      'networks, nodes',
    );
  });
  it('compares display forms too', () => {
    expect(formatTopicLabel([0, 1], ['a', 'b'], ['learning', 'deep learning'])).toBe('learning');
  });
  it('lets a heavy enough phrase stand in for its word, and falls back to the word on a clash', () => {
    const t = ['sens', 'remot sens', 'imageri', 'remot', 'satellit'];
    const d = ['sensing', 'remote sensing', 'imagery', 'remote', 'satellite'];
    expect(formatTopicLabel([0, 2, 1, 3, 4], t, d, 3, [1, 0.5, 0.4, 0.3, 0.2])).toBe(
      'remote sensing, imagery, satellite',
    );
    // Below 30% of the word's weight the phrase does not stand in.
    expect(formatTopicLabel([0, 2, 1, 3, 4], t, d, 3, [1, 0.5, 0.29, 0.2, 0.1])).toBe('sensing, imagery, remote');
    // "adversarial attacks" clashes with "attacks" already taken: "adversarial" itself joins.
    const t2 = ['attack', 'adversari', 'adversari attack', 'defens'];
    const d2 = ['attacks', 'adversarial', 'adversarial attacks', 'defense'];
    expect(formatTopicLabel([0, 1, 2, 3], t2, d2, 3, [1, 0.8, 0.28, 0.2])).toBe('attacks, adversarial, defense');
  });
  it('treats an acronym and its phrase as the same term', () => {
    const t = [
      'llm',
      'languag',
      'larg languag model',
      'evalu',
      'larg',
      'prompt',
      'rag',
      'retrieval-aug gener',
      '3dg',
      '3d gaussian splat',
    ];
    const d = [
      'llms',
      'language',
      'large language models',
      'evaluation',
      'large',
      'prompt',
      'rag',
      'retrieval-augmented generation',
      '3dgs',
      '3d gaussian splatting',
    ];
    expect(formatTopicLabel([0, 1, 2, 3, 4, 5], t, d, 3, [1, 0.9, 0.8, 0.5, 0.4, 0.3])).toBe(
      'llms, evaluation, prompt',
    );
    expect(formatTopicLabel([6, 7, 3], t, d, 3)).toBe('rag, evaluation');
    expect(formatTopicLabel([9, 8, 5], t, d, 3)).toBe('3d gaussian splatting, prompt');
  });
});

describe('topic display forms', () => {
  // Two topics that write the stem "adapt" differently; the corpus as a whole says "adaptive".
  const docs = [
    { title: 'Adaptive filters', text: 'adaptive filters adaptive step sizes adaptive gains' },
    { title: 'Adaptive control', text: 'adaptive control adaptive controllers adaptive gains' },
    { title: 'Domain adaptation', text: 'domain adaptation for segmentation models' },
    { title: 'Adaptation of language models', text: 'adaptation of models to new domains by adaptation' },
  ];
  const corpus = tokenizeCorpus(docs, { minPhraseCount: 100 });
  const { vocab, forms } = corpus;
  const adapt = vocab.terms.indexOf('adapt');
  const filter = vocab.terms.indexOf('filter');

  it('keeps the forms of terms written more than one way, document by document', () => {
    expect(forms).toBeDefined();
    const f = forms!;
    expect(vocab.display[adapt]).toBe('adaptive');
    const adaptForms = f.text.filter((_, i) => f.term[i] === adapt).sort();
    expect(adaptForms).toEqual(['adaptation', 'adaptive']);
    // "filters" is the only form of its term: not kept.
    expect(Array.from(f.term)).not.toContain(filter);
    // Document 2 says "adaptation" in its title and in its text.
    const doc2 = Array.from(f.tokens.subarray(f.docStart[2], f.docStart[3]), (i) => f.text[i]);
    expect(doc2.filter((w) => w.startsWith('adapt'))).toEqual(['adaptation', 'adaptation']);
    expect(f.docStart[docs.length]).toBe(f.tokens.length);
  });

  it('names each topic with the form its own papers use, only where it differs', () => {
    const assignments = Int32Array.from([0, 0, 1, 1]);
    const shown = buildTopicDisplay(forms!, assignments, 2, [[adapt, filter], [adapt]], vocab.display);
    expect(shown[0].size).toBe(0);
    expect(shown[1].get(adapt)).toBe('adaptation');
    const label = formatTopicLabel([adapt], vocab.terms, (id) => shown[1].get(id) ?? vocab.display[id]);
    expect(label).toBe('adaptation');
  });

  it('breaks a tie between forms alphabetically', () => {
    const tie = tokenizeCorpus(
      [
        { title: 'Sampling', text: 'samples and sampling' },
        { title: 'x', text: 'samples sampling' },
      ],
      { minPhraseCount: 100 },
    );
    const term = tie.vocab.terms.indexOf('sampl');
    const shown = buildTopicDisplay(
      tie.forms!,
      Int32Array.from([0, 0]),
      1,
      [[term]],
      tie.vocab.display.map(() => ''),
    );
    // "sampling" 3 times (title counted once) against "samples" twice: sampling; then a tie.
    expect(shown[0].get(term)).toBe('sampling');
    const even = tokenizeCorpus([{ title: 'x', text: 'samples sampling' }], { minPhraseCount: 100 });
    const t2 = even.vocab.terms.indexOf('sampl');
    expect(
      buildTopicDisplay(
        even.forms!,
        Int32Array.from([0]),
        1,
        [[t2]],
        even.vocab.display.map(() => ''),
      )[0].get(t2),
    ).toBe('samples');
  });
});

describe('topic similarity and tree', () => {
  it('merges the closest centroids first (average linkage on cosine distance)', () => {
    // Topics 0 and 1 point almost the same way, 2 and 3 too; the pairs are orthogonal.
    const centroids = { rows: 4, cols: 2, data: Float64Array.from([1, 0, 1, 0.1, 0, 1, 0.2, 1]) };
    const sim = buildTopicSimilarity(centroids);
    expect(sim[0 * 4 + 1]).toBeCloseTo(1 / Math.sqrt(1.01), 12);
    expect(sim[0 * 4 + 2]).toBeCloseTo(0, 12);
    const tree = buildTopicTree(sim, [5, 6, 7, 8]);
    expect(tree).toHaveLength(7);
    // First merge: 0+1 (distance 1 - 1/√1.01 ≈ 0.005) before 2+3 (1 - 1/√1.04 ≈ 0.0194).
    expect(tree[4].children).toEqual([0, 1]);
    expect(tree[4].height).toBeCloseTo(1 - 1 / Math.sqrt(1.01), 12);
    expect(tree[5].children).toEqual([2, 3]);
    expect(tree[6].children).toEqual([4, 5]);
    // Root height: mean of the four cross distances.
    const cross = [
      [0, 2],
      [0, 3],
      [1, 2],
      [1, 3],
    ].map(([a, b]) => 1 - sim[a * 4 + b]);
    expect(tree[6].height).toBeCloseTo(cross.reduce((s, v) => s + v, 0) / 4, 12);
    expect(tree[6].parent).toBe(-1);
    expect(tree[6].size).toBe(26);
    expect(tree[0].parent).toBe(4);
  });
  it('representatives are the rows closest to the centroid', () => {
    const vectors = { rows: 4, cols: 2, data: Float64Array.from([1, 0, 0.8, 0.6, 0, 1, 0.6, 0.8]) };
    const centroids = { rows: 2, cols: 2, data: Float64Array.from([1, 0.1, 0.1, 1]) };
    expect(buildRepresentatives(vectors, centroids, Int32Array.from([0, 0, 1, 1]), 5)).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });
});
