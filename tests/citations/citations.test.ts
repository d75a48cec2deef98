/**
 * The citation layer on a hand-made corpus (counts worked out by hand), and the known answer of the
 * OpenAlex sample in ../shared/formats: its 258 works cite each other 801 times.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildHistoriograph } from '@/lib/citations/historiograph';
import { buildCitationLayer } from '@/lib/citations/index';
import { readCorpus } from '@/lib/corpus/index';
import { buildReferenceKeys } from '@/lib/corpus/references';
import type { Corpus, PaperReference } from '@/lib/corpus/types';
import { SAMPLES_DIR } from '../corpus/formats/samples';
import { makePaper } from '../fixtures/graph/papers';

const ref = (raw: string, key: string | null, doi: string | null = null): PaperReference => ({
  raw,
  key,
  doi,
  ids: [],
  partsKey: null,
  titleKey: null,
});

describe('citation layer', () => {
  // Paper 0 cites 1 (twice, by DOI and by key), itself, and two outside works; paper 2 cites 1 and
  // the same outside work as paper 0; paper 1 cites nothing.
  const papers = [0, 1, 2].map((i) => makePaper(i + 1, [[`Author ${i}`, `a${i}`]], 2020));
  papers[0].references = [
    ref('Lee A, 2019, J X, V1, P2, DOI 10.1/one', 'doi:10.1/one', '10.1/one'),
    ref('Lee A, 2019, J X, V1, P2', 'lee|2019|v1|p2'),
    ref('Self cite', 'doi:10.1/zero', '10.1/zero'),
    ref('Smith J, 2001, NATURE, V5, P10', 'smith|2001|v5|p10'),
    ref('Garbage', null),
  ];
  papers[2].references = [
    ref('Lee, A. (2019). One. J X 1, 2.', 'doi:10.1/one', '10.1/one'),
    ref('SMITH J, 2001, NATURE, V5, P10', 'smith|2001|v5|p10'),
  ];
  const corpus = {
    papers,
    files: [],
    rejects: [],
    referenceTargets: [Int32Array.from([1, 1, 0, -1, -1]), new Int32Array(0), Int32Array.from([1, -1])],
    referenceKeys: buildReferenceKeys(papers),
    references: { total: 7, resolved: 4 },
  } as Corpus;
  const layer = buildCitationLayer(corpus);

  it('keeps each citing → cited pair once and leaves self-citations out', () => {
    expect(Array.from(layer.citing)).toEqual([0, 2]);
    expect(Array.from(layer.cited)).toEqual([1, 1]);
    expect(Array.from(layer.localCitedBy)).toEqual([0, 2, 0]);
  });

  it('groups the outside references by key, counting citing papers, and names them as most write them', () => {
    expect(layer.foundations).toEqual([
      { key: 'smith|2001|v5|p10', citations: 2, raw: 'SMITH J, 2001, NATURE, V5, P10', doi: null, title: null },
    ]);
    expect(layer.papersWithReferences).toBe(2);
    expect(layer.unresolved).toBe(3);
  });
});

const donners = SAMPLES_DIR ? path.join(SAMPLES_DIR, 'openalex', 'synergy__Donners_2021') : '';

describe.runIf(donners !== '' && fs.existsSync(donners))('the OpenAlex sample (known answer)', () => {
  it('finds all 801 citations among its 258 works', async () => {
    const corpus = await readCorpus([donners]);
    expect(corpus.papers.length).toBe(258);
    const layer = buildCitationLayer(corpus);
    expect(layer.citing.length).toBe(801);
    expect(corpus.references.total).toBe(7528);
  });

  it('ranks the historiograph by the citations counted straight from the works’ referenced_works', async () => {
    // The independent count: for every work of the sample, how many works of the sample list it.
    type Work = { id: string; publication_year: number; referenced_works?: string[] };
    const works: Work[] = [];
    for (const file of fs.readdirSync(donners).filter((f) => f.endsWith('.json'))) {
      const data = JSON.parse(fs.readFileSync(path.join(donners, file), 'utf8')) as Work[] | { results: Work[] };
      for (const w of Array.isArray(data) ? data : data.results) works.push(w);
    }
    const inSample = new Set(works.map((w) => w.id));
    const counted = new Map<string, number>();
    for (const w of works) {
      for (const ref of new Set(w.referenced_works ?? [])) {
        if (inSample.has(ref) && ref !== w.id) counted.set(ref, (counted.get(ref) ?? 0) + 1);
      }
    }
    const expected = [...counted.values()].sort((a, b) => b - a).slice(0, 30);

    const corpus = await readCorpus([donners]);
    const layer = buildCitationLayer(corpus);
    const history = buildHistoriograph(
      layer,
      corpus.papers.map((p) => p.year),
      30,
    );
    expect(history.nodes.map((n) => n.localCitations)).toEqual(expected);
    expect(expected[0]).toBe(86);
    // Its links are citations among those 30 papers, every one of them in the layer.
    const pairs = new Set(Array.from(layer.citing, (c, i) => `${c} ${layer.cited[i]}`));
    for (const l of history.links) {
      expect(pairs.has(`${history.nodes[l.citing].paper} ${history.nodes[l.cited].paper}`)).toBe(true);
    }
    expect(history.links.length).toBeGreaterThan(30);
  });
});
