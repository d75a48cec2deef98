/**
 * The citation views' read questions on a real SQLite file: six papers in two citing triangles
 * (the fixture of tests/citations/network.test.ts), written by the pipeline's own writer and read
 * back as the network page and the paper page ask for them.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHistoriograph } from '@/lib/citations/historiograph';
import {
  buildCitationNetwork,
  buildDirectCitationGraph,
  DEFAULT_CITATION_NETWORK_OPTIONS,
} from '@/lib/citations/network';
import {
  readCitationClusterPapers,
  readCitationNetwork,
  readFoundations,
  readHistoriograph,
  readMostCitedByPeriod,
  readTopicReferences,
} from '@/lib/store/read/citations';
import { readPaper } from '@/lib/store/read/papers';
import { writeCitationNetwork } from '@/lib/store/write-analytics';
import { createSmallBuild } from '../fixtures/store/small-build';

let dir: string;
let db: Database.Database;

// Citing → cited, as corpus indices (store ids are one more): two triangles and a bridge 3 → 2.
const PAIRS: [number, number][] = [
  [1, 0],
  [2, 0],
  [2, 1],
  [3, 2],
  [4, 3],
  [5, 3],
  [5, 4],
];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'topicscope-read-citations-'));
  const file = path.join(dir, 'analytics.db');
  const years = [2000, 2001, 2002, 2003, 2004, 2004];
  const build = createSmallBuild({}, file)
    .insert(
      'papers',
      years.map((year, p) => ({
        id: p + 1,
        title: `Paper ${p + 1}`,
        title_derived: 0,
        abstract: '',
        year,
        authors_text: `Ann Lee${p}, Bo Chen`,
        cited_by: p === 0 ? 40 : null,
      })),
    )
    .insert(
      'citations',
      PAIRS.map(([a, b]) => ({ citing_id: a + 1, cited_id: b + 1 })),
    );
  const localCitedBy = Int32Array.from([2, 1, 1, 2, 1, 0]);
  const layer = {
    citing: Int32Array.from(PAIRS, (p) => p[0]),
    cited: Int32Array.from(PAIRS, (p) => p[1]),
    localCitedBy,
  };
  const vocab = { terms: ['graph', 'protein'], display: ['graphs', 'protein'], df: Int32Array.from([3, 3]) };
  const network = buildCitationNetwork(
    buildDirectCitationGraph(6, layer),
    localCitedBy,
    (p) => Int32Array.of(p < 3 ? 0 : 1),
    vocab,
    { ...DEFAULT_CITATION_NETWORK_OPTIONS, minClusterSize: 3 },
  );
  writeCitationNetwork(build.db, network, buildHistoriograph(layer, years, 3), [1, 2, 3, 4, 5, 6]);
  // Papers 4 and 5 (topic 0) both cite a bare OpenAlex work, a WoS line whose title only another
  // source's reference wrote (kept in cited_references), paper 1 (resolved) and a Scopus reference.
  const kamada = 'KAMADA T, 1989, INFORM PROCESS LETT, V31, P7, DOI 10.1016/x';
  for (const paper of [4, 5]) {
    build
      .insert('paper_topics', { paper_id: paper, topic_id: 0, distance: 0, confidence: 1, x: 0, y: 0 })
      .insertColumns(
        'paper_references',
        ['paper_id', 'position', 'ref_key', 'raw', 'doi', 'cited_paper_id'],
        [
          [paper, 0, 'openalex:w123', 'https://openalex.org/W123', null, null],
          [paper, 1, 'doi:10.1016/x', kamada, '10.1016/x', null],
          [paper, 2, 'openalex:w1', 'https://openalex.org/W1', null, 1],
          [
            paper,
            3,
            'bach|2002|v287|p2106',
            'Bach, P.B., Schrag, D., Survival of blacks and whites after a cancer diagnosis (2002) JAMA, 287, pp. 2106-2113',
            null,
            null,
          ],
        ],
      );
  }
  build.insertColumns(
    'cited_references',
    ['rank', 'ref_key', 'citations', 'raw', 'doi', 'title'],
    [
      [0, 'openalex:w123', 2, 'https://openalex.org/W123', null, null],
      [1, 'doi:10.1016/x', 2, kamada, '10.1016/x', 'Drawing general undirected graphs'],
    ],
  );
  build.db.close();
  db = new Database(file, { readonly: true });
});

afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('citation network reads', () => {
  it('gives the drawn papers with their names, clusters and counts, and the citations among them', () => {
    const data = readCitationNetwork(db)!;
    expect(data.network).toBe('citations');
    expect([data.linked, data.clustered, data.drawn, data.limit]).toEqual([6, 6, 6, 1500]);
    expect(data.clusters.map((c) => [c.id, c.label, c.size, c.drawn])).toEqual([
      [0, 'graphs', 3, 3],
      [1, 'protein', 3, 3],
    ]);
    // Ordered by cluster, then rank inside it (most links inside the cluster first).
    expect(data.nodes.id.slice().sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const at = (id: number) => data.nodes.id.indexOf(id);
    expect(data.nodes.name[at(1)]).toBe('Lee0 2000');
    expect([data.nodes.local[at(1)], data.nodes.global[at(1)]]).toEqual([2, 40]);
    expect(data.nodes.cluster[at(4)]).toBe(1);
    const links = data.edges.source.map((s, e) => [data.nodes.id[s], data.nodes.id[data.edges.target[e]]]);
    expect(links).toEqual(PAIRS.map(([a, b]) => [a + 1, b + 1]));
  });

  it('lists every clustered paper for the CSV, most cited first within its cluster', () => {
    expect(readCitationClusterPapers(db).map((p) => [p.cluster, p.label, p.id, p.local])).toEqual([
      [0, 'graphs', 1, 2],
      [0, 'graphs', 2, 1],
      [0, 'graphs', 3, 1],
      [1, 'protein', 4, 2],
      [1, 'protein', 5, 1],
      [1, 'protein', 6, 0],
    ]);
  });

  it('gives the historiograph with its links as positions', () => {
    // Top three by local citations, ties by year: paper 1 (2), paper 4 (2), paper 2 (1, 2001).
    const h = readHistoriograph(db);
    expect(h.papers.map((p) => [p.id, p.rank, p.year, p.local, p.name])).toEqual([
      [1, 0, 2000, 2, 'Lee0 2000'],
      [4, 1, 2003, 2, 'Lee3 2003'],
      [2, 2, 2001, 1, 'Lee1 2001'],
    ]);
    // Among them only 2 → 1 (positions 2 → 0).
    expect(h.links).toEqual([{ citing: 2, cited: 0 }]);
    expect(h.undated).toBe(0);
  });

  it('gives a paper page what it cites and what cites it, with both counts', () => {
    const paper = readPaper(3, db)!;
    expect(paper.citesCorpus.map((p) => p.id)).toEqual([1, 2]);
    expect(paper.citedByCorpus.map((p) => p.id)).toEqual([4]);
    expect([paper.citesCorpusCount, paper.citedByCorpusCount]).toEqual([2, 1]);
    expect(paper.citationCounts).toEqual({
      1: { local: 2, global: 40 },
      2: { local: 1, global: null },
      4: { local: 2, global: null },
    });
    expect(paper.citationCluster).toEqual({ id: 0, label: 'graphs', drawn: true });
  });

  it('gives the most cited papers per period of publication, spans widened to fit the periods asked for', () => {
    // Cited papers by id (year, local citations): 1 (2000, 2), 2 (2001, 1), 3 (2002, 1), 4 (2003, 2), 5 (2004, 1).
    const byYear = readMostCitedByPeriod({ perPeriod: 3 }, db);
    expect(byYear.map((p) => [p.period, p.papers.map((x) => [x.id, x.local])])).toEqual([
      ['2004', [[5, 1]]],
      ['2003', [[4, 2]]],
      ['2002', [[3, 1]]],
      ['2001', [[2, 1]]],
      ['2000', [[1, 2]]],
    ]);
    // Two periods at most: spans of 2 years give three (2000-01, 2002-03, 2004), of 5 one.
    const wide = readMostCitedByPeriod({ perPeriod: 3, maxPeriods: 2 }, db);
    expect(wide.map((p) => [p.period, p.from, p.to, p.papers.map((x) => x.id)])).toEqual([
      ['2000\u20132004', 2000, 2004, [1, 4, 2]],
    ]);
    expect(wide[0].papers[0]).toEqual({
      id: 1,
      title: 'Paper 1',
      year: 2000,
      authors: 'Ann Lee0, Bo Chen',
      local: 2,
      global: 40,
    });
  });
});

describe('cited references, as the panels show them', () => {
  it('names a bare OpenAlex work and links it out; gives a title another source wrote with its WoS line', () => {
    expect(readFoundations(10, db).map((r) => [r.key, r.title, r.paperId, r.display])).toEqual([
      ['openalex:w123', null, null, { text: 'OpenAlex W123', detail: null, href: 'https://openalex.org/W123' }],
      [
        'doi:10.1016/x',
        'Drawing general undirected graphs',
        null,
        {
          text: 'Drawing general undirected graphs',
          detail: 'KAMADA T (1989) INFORM PROCESS LETT 31, p. 7',
          href: 'https://doi.org/10.1016/x',
        },
      ],
    ]);
  });

  it('gives a topic’s references the corpus paper’s title, the stored title, or the one its text writes', () => {
    expect(readTopicReferences(0, 10, db).map((r) => [r.key, r.citations, r.title, r.paperId, r.display])).toEqual([
      [
        'bach|2002|v287|p2106',
        2,
        'Survival of blacks and whites after a cancer diagnosis',
        null,
        {
          text: 'Survival of blacks and whites after a cancer diagnosis',
          detail: 'Bach, P.B. (2002) JAMA 287, p. 2106',
          href: null,
        },
      ],
      [
        'doi:10.1016/x',
        2,
        'Drawing general undirected graphs',
        null,
        {
          text: 'Drawing general undirected graphs',
          detail: 'KAMADA T (1989) INFORM PROCESS LETT 31, p. 7',
          href: 'https://doi.org/10.1016/x',
        },
      ],
      ['openalex:w1', 2, 'Paper 1', 1, { text: 'Paper 1', detail: 'OpenAlex W1', href: 'https://openalex.org/W1' }],
      ['openalex:w123', 2, null, null, { text: 'OpenAlex W123', detail: null, href: 'https://openalex.org/W123' }],
    ]);
  });
});
