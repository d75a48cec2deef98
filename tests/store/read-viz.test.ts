/**
 * The map, graph and trends read questions on a real SQLite file built from the one schema with a
 * small hand-made fixture, so every expected value below can be checked by eye.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMapMeta, readMapPaperCards, readMapPoints, OTHER_SOURCE_INDEX } from '@/lib/store/read/map';
import { readPaper } from '@/lib/store/read/papers';
import { readTopic, parseSubtopicTerms } from '@/lib/store/read/topics';
import { POINT_FLAG_OUTLIER } from '@/lib/viz/point-payload';
import { countSourceFilePapers } from '@/lib/store/write';
import { createSmallBuild } from '../fixtures/store/small-build';
import {
  DEFAULT_GRAPH_VIEW,
  readCommunityMap,
  readEgoNetwork,
  readGraphLayout,
  readGraphSummary,
  searchAuthors,
} from '@/lib/store/read/graph';
import {
  readRelatedTerms,
  readTermMovers,
  readTermsByDisplay,
  readTermSeries,
  readTopicShares,
  readTrendPeriods,
  searchTerms,
} from '@/lib/store/read/trends';

let dir: string;
let db: Database.Database;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'topicscope-read-viz-'));
  const file = path.join(dir, 'analytics.db');
  const build = createSmallBuild(
    {
      granularity: 'year',
      graph_modularity: '0.42',
      graph_layout_width: '120',
      graph_layout_height: '80',
      graph_options: '{"maxAuthorsPerPaper":25,"largePaperRule":"skip"}',
      trends_options: '{"minPeriodPapers":20,"smoothing":3}',
    },
    file,
  );
  const fileCounts = { duplicates_merged: 0, rejected: 0, reject_reasons: '{}', merged_by: '{}', merged_with: '{}' };
  build.insert(
    'source_files',
    [
      { file: 'a.txt', layout: 'x', venue: 'ICLR', year: 2021, records_read: 3, papers_kept: 3, ...fileCounts },
      { file: 'b.txt', layout: 'x', venue: null, year: null, records_read: 2, papers_kept: 2, ...fileCounts },
    ].map((f) => ({ ...f, without_abstract: 0, warnings: '[]' })),
  );
  build.insertColumns(
    'papers',
    ['id', 'title', 'title_derived', 'abstract', 'year', 'venue', 'author_count', 'authors_text'],
    [
      [1, 'Alpha', 0, '', 2020, 'ICLR', 2, 'Ann Lee, Bo Chen'],
      [2, 'Beta', 0, '', 2021, 'ICLR', 3, 'Ann Lee, Bo Chen, Cy Diaz'],
      [3, 'Gamma', 0, '', null, 'ICLR', 1, 'Dee Ek'],
      [4, 'Delta', 0, '', 2021, null, 4, ''],
      [5, 'Unmapped', 0, '', 2021, null, 2, ''],
    ],
  );
  build.insertColumns(
    'paper_sources',
    ['paper_id', 'file', 'record'],
    [
      [1, 'a.txt', 1],
      [2, 'a.txt', 2],
      [3, 'a.txt', 3],
      [4, 'b.txt', 1],
      [4, 'a.txt', 9],
      [5, 'b.txt', 2],
    ],
  );
  countSourceFilePapers(build.db);
  build.insertColumns(
    'topics',
    ['id', 'label', 'size', 'x', 'y', 'node_id', 'coherence'],
    [
      [0, 'graphs', 2, 0.5, 0.5, 0, null],
      [1, 'vision', 2, -1, 2, 1, null],
    ],
  );
  build.insertColumns(
    'paper_topics',
    ['paper_id', 'topic_id', 'distance', 'confidence', 'x', 'y', 'outlier', 'is_outlier', 'subtopic_id'],
    [
      [1, 0, 0.1, 0.9, 0.25, 0.5, 0.2, 0, 0],
      [2, 0, 0.1, 0.9, 0.75, 0.5, 3.1, 1, 1],
      [3, 1, 0.1, 0.9, -1, 2, -0.4, 0, null],
      [4, 1, 0.1, 0.9, -1, 2.5, 2.7, 1, null],
    ],
  );
  build.insertColumns(
    'subtopics',
    ['topic_id', 'id', 'label', 'size', 'x', 'y', 'terms'],
    [
      [0, 0, 'graph kernels', 1, 0.25, 0.5, '[["kernel",0.5],["graph",0.25]]'],
      [0, 1, 'graph neural nets', 1, 0.75, 0.5, '[["gnn",0.4],["bad"],7]'],
    ],
  );
  build.insertColumns(
    'paper_memberships',
    ['paper_id', 'rank', 'topic_id', 'weight'],
    [
      [1, 0, 0, 0.9],
      [1, 1, 1, 0.05],
      [2, 0, 0, 0.6],
      [2, 1, 1, 0.3],
      [3, 0, 1, 0.8],
      [3, 1, 0, 0.15],
      [4, 0, 0, 0.45],
      [4, 1, 1, 0.4],
    ],
  );
  build.insert('quality', {
    metric: 'outlier_threshold',
    value: 2.5,
    note: 'robust z-score above which a paper is an outlier',
  });
  build.insertColumns(
    'authors',
    ['id', 'key', 'name'],
    [
      [1, 'lee', 'Ann Lee'],
      [2, 'chen', 'Bo Chen'],
      [3, 'diaz', 'Cy Diaz'],
      [4, 'ek', 'Dee Ek'],
    ],
  );
  build.insertColumns(
    'paper_authors',
    ['paper_id', 'author_id', 'position'],
    [
      [1, 1, 0],
      [1, 2, 1],
      [2, 1, 0],
      [2, 2, 1],
      [2, 3, 2],
      [3, 4, 0],
    ],
  );
  build.insertColumns(
    'author_stats',
    [
      'author_id',
      'papers',
      'coauthors',
      'first_year',
      'last_year',
      'degree',
      'weighted_degree',
      'betweenness',
      'community_id',
      'component_id',
      'main_topics',
    ],
    [
      [1, 2, 2, 2020, 2021, 2, 1.5, 0.5, 0, 0, '[]'],
      [2, 2, 2, 2020, 2021, 2, 1.5, 0.0, 0, 0, '[]'],
      [3, 1, 2, 2021, 2021, 2, 1.0, 0.0, 1, 0, '[]'],
      [4, 1, 0, null, null, 0, 0, 0.0, 2, 1, '[]'],
    ],
  );
  build.insertColumns(
    'coauthor_edges',
    ['source', 'target', 'papers', 'weight'],
    [
      [1, 2, 2, 1.5],
      [1, 3, 1, 0.5],
      [2, 3, 1, 0.5],
    ],
  );
  build.insertColumns(
    'communities',
    [
      'id',
      'size',
      'papers',
      'topic_id',
      'topic_share',
      'top_authors',
      'mapped',
      'x',
      'y',
      'radius',
      'detail',
      'network',
      'sub_communities',
    ],
    [
      [0, 2, 2, 0, 1.0, '[1,2]', 1, 30, 40, 20, 2, 2, 1],
      [1, 1, 1, 0, 1.0, '[3]', 1, 90, 40, 12, 1, 1, 1],
      [2, 1, 1, 1, 1.0, '[4]', 0, null, null, null, 0, 0, 0],
    ],
  );
  build.insert('community_links', { source: 0, target: 1, papers: 2, weight: 1.0, strength: 1.5 });
  build.insertColumns(
    'components',
    ['id', 'size', 'laid_out'],
    [
      [0, 3, 1],
      [1, 1, 0],
    ],
  );
  build.insertColumns(
    'author_layout',
    ['author_id', 'community_id', 'rank', 'sub_community', 'local_x', 'local_y', 'x', 'y', 'in_network'],
    [
      [1, 0, 0, 0, -1, 0, 10, 40, 1],
      [2, 0, 1, 0, 1, 0, 50, 40, 1],
      [3, 1, 0, 0, 0, 0, 90, 40, 0],
    ],
  );
  build.insertColumns(
    'terms',
    ['id', 'term', 'display', 'is_phrase', 'df'],
    [
      [1, 'neural', 'neural', 0, 3],
      [2, 'neural_network', 'neural network', 1, 2],
      [3, 'kernel', 'kernel', 0, 1],
      [4, 'net', 'Net', 0, 9],
    ],
  );
  build.insertColumns(
    'periods',
    ['period', 'ordinal', 'papers'],
    [
      ['2020', 0, 1],
      ['2021', 1, 3],
    ],
  );
  build.insertColumns(
    'term_periods',
    ['term_id', 'period', 'papers', 'share'],
    [
      [1, '2020', 1, 1.0],
      [1, '2021', 2, 0.6667],
      [2, '2021', 2, 0.6667],
      [3, '2020', 1, 1.0],
    ],
  );
  build.insertColumns(
    'term_trends',
    ['term_id', 'support', 'slope', 'recent_share', 'score', 'subject_score', 'subject_rank', 'new_rank'],
    [
      [1, 3, 0.02, 0.6667, 0.5, 0.5, 1, null],
      [2, 2, 0.05, 0.6667, 1.5, 1.5, 0, 0],
      [3, 1, -0.04, 0.0, -2.0, -2.0, 0, null],
    ],
  );
  build.insertColumns(
    'term_bursts',
    ['term_id', 'start', 'end', 'strength', 'lift', 'score', 'rank', 'same_as'],
    [
      [2, '2021', '2021', 3.5, 4, 3, 0, null],
      [1, '2020', '2021', 1.0, 1.5, 0.5, 2, null],
      [1, '2021', '2021', 2.0, 2, 1, 1, null],
    ],
  );
  build.insertColumns(
    'term_related',
    ['term_id', 'rank', 'other_id', 'papers', 'npmi'],
    [
      [1, 0, 2, 2, 0.9],
      [1, 1, 3, 1, 0.1],
    ],
  );
  build.insertColumns(
    'topic_periods',
    ['topic_id', 'period', 'papers', 'share'],
    [
      [0, '2020', 1, 1.0],
      [0, '2021', 1, 0.3333],
      [1, '2021', 1, 0.3333],
    ],
  );
  build.db.close();
  db = new Database(file, { readonly: true });
});

afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('map reads', () => {
  it('describes topics, sources (with paper counts) and the year span of mapped papers', () => {
    const meta = readMapMeta(db);
    expect(meta.papers).toBe(4);
    expect(meta.topics.map((t) => t.label)).toEqual(['graphs', 'vision']);
    expect(meta.sources).toEqual([
      { index: 0, file: 'a.txt', label: 'ICLR 2021', papers: 4 },
      { index: 1, file: 'b.txt', label: 'x', papers: 2 }, // no venue: the layout names it
    ]);
    expect(meta.years).toEqual([2020, 2021]);
    expect(meta.undated).toBe(1);
    expect(meta.subtopics).toEqual([
      { topicId: 0, id: 0, label: 'graph kernels', size: 1, x: 0.25, y: 0.5 },
      { topicId: 0, id: 1, label: 'graph neural nets', size: 1, x: 0.75, y: 0.5 },
    ]);
    expect(meta.outliers).toEqual({ count: 2, threshold: 2.5 });
  });

  it('returns every mapped paper as parallel arrays, in id order, first source by file name', () => {
    const p = readMapPoints(db);
    expect(Array.from(p.ids)).toEqual([1, 2, 3, 4]);
    expect(Array.from(p.x)).toEqual([0.25, 0.75, -1, -1]);
    expect(Array.from(p.y)).toEqual([0.5, 0.5, 2, 2.5]);
    expect(Array.from(p.topic)).toEqual([0, 0, 1, 1]);
    expect(Array.from(p.year)).toEqual([2020, 2021, 0, 2021]);
    expect(Array.from(p.source)).toEqual([0, 0, 0, 0]); // paper 4: 'a.txt' < 'b.txt'
    expect(Array.from(p.flags)).toEqual([0, POINT_FLAG_OUTLIER, 0, POINT_FLAG_OUTLIER]);
    expect(OTHER_SOURCE_INDEX).toBe(255);
  });

  it('gives cards in the order asked and skips unknown ids', () => {
    const cards = readMapPaperCards([4, 99, 1], db);
    expect(cards.map((c) => [c.id, c.title, c.topicLabel, c.source])).toEqual([
      [4, 'Delta', 'vision', 'a.txt'],
      [1, 'Alpha', 'graphs', 'a.txt'],
    ]);
    expect(cards[1].authors).toBe('Ann Lee, Bo Chen');
    expect(cards.map((c) => [c.subtopicLabel, c.outlier])).toEqual([
      [null, true],
      ['graph kernels', false],
    ]);
    expect(readMapPaperCards([], db)).toEqual([]);
  });
});

describe('sub-topics, outliers and soft membership', () => {
  it('gives a topic its parts with their share, terms and place, and its outliers with their nearest other topic', () => {
    const topic = readTopic(0, db)!;
    expect(topic.subtopics).toEqual([
      {
        topicId: 0,
        id: 0,
        label: 'graph kernels',
        size: 1,
        share: 0.5,
        terms: [
          { term: 'kernel', weight: 0.5 },
          { term: 'graph', weight: 0.25 },
        ],
        x: 0.25,
        y: 0.5,
      },
      // Malformed entries of the terms JSON are skipped.
      {
        topicId: 0,
        id: 1,
        label: 'graph neural nets',
        size: 1,
        share: 0.5,
        terms: [{ term: 'gnn', weight: 0.4 }],
        x: 0.75,
        y: 0.5,
      },
    ]);
    expect(topic.subtopicMinPapers).toBe(120);
    expect(topic.outliers.count).toBe(1);
    expect(topic.outliers.threshold).toBe(2.5);
    expect(topic.outliers.papers.map((p) => [p.id, p.title, p.score, p.nearestOther])).toEqual([
      [2, 'Beta', 3.1, { id: 1, label: 'vision', weight: 0.3 }],
    ]);
    // Topic 1 is not split; its outlier (paper 4) leans more to topic 0 than to its own: topic 0 is
    // still its nearest other topic.
    const other = readTopic(1, db)!;
    expect(other.subtopics).toEqual([]);
    expect(other.outliers.papers.map((p) => [p.id, p.nearestOther?.id, p.nearestOther?.weight])).toEqual([
      [4, 0, 0.45],
    ]);
  });

  it('gives a paper its memberships, its part and its outlier score', () => {
    const paper = readPaper(2, db)!;
    expect(paper.memberships).toEqual([
      { rank: 0, topicId: 0, label: 'graphs', weight: 0.6 },
      { rank: 1, topicId: 1, label: 'vision', weight: 0.3 },
    ]);
    expect(paper.subtopic).toEqual({ id: 1, label: 'graph neural nets' });
    expect(paper.outlier).toEqual({ score: 3.1, isOutlier: true, threshold: 2.5 });
    const inside = readPaper(3, db)!;
    expect([inside.subtopic, inside.outlier]).toEqual([null, { score: -0.4, isOutlier: false, threshold: 2.5 }]);
    // An unmapped paper has no topic, so neither membership nor outlier score.
    const unmapped = readPaper(5, db)!;
    expect([unmapped.memberships, unmapped.subtopic, unmapped.outlier]).toEqual([[], null, null]);
  });

  it('reads the terms JSON of a sub-topic defensively', () => {
    expect(parseSubtopicTerms('[["a", 1]]')).toEqual([{ term: 'a', weight: 1 }]);
    expect(parseSubtopicTerms('not json')).toEqual([]);
    expect(parseSubtopicTerms('{"a": 1}')).toEqual([]);
  });
});

describe('graph reads', () => {
  it('draws the network view: the authors in it at their network positions, links as node indices', () => {
    const net = readGraphLayout(DEFAULT_GRAPH_VIEW, db);
    expect(net.view).toBe('network');
    expect(net.nodes.id).toEqual([1, 2]);
    expect(net.nodes.name).toEqual(['Ann Lee', 'Bo Chen']);
    expect([net.nodes.x, net.nodes.y]).toEqual([
      [10, 50],
      [40, 40],
    ]);
    expect(net.nodes.community).toEqual([0, 0]);
    expect(net.edges).toEqual({ source: [0], target: [1], papers: [2] });
    expect(net.bounds).toEqual({ x0: 0, y0: 0, x1: 120, y1: 80 });
    expect(net.filtered).toBe(false);
    expect(net.nodes.active).toEqual([2, 2]);
  });

  it("draws a community's members at their local positions", () => {
    const one = readGraphLayout({ ...DEFAULT_GRAPH_VIEW, community: 0 }, db);
    expect(one.view).toBe('community');
    expect(one.nodes.id).toEqual([1, 2]);
    expect(one.nodes.x).toEqual([-1, 1]);
    expect(readGraphLayout({ ...DEFAULT_GRAPH_VIEW, community: 1 }, db).nodes.id).toEqual([3]);
  });

  it('counts links over the papers a filter keeps and fades authors without any, moving nobody', () => {
    // Paper 1 (2020): Ann + Bo; paper 2 (2021): Ann + Bo + Cy. In 2021 each pair has one joint paper.
    const y2021 = readGraphLayout({ ...DEFAULT_GRAPH_VIEW, community: 0, from: 2021, to: 2021 }, db);
    expect(y2021.filtered).toBe(true);
    expect(y2021.edges).toEqual({ source: [0], target: [1], papers: [1] });
    expect(y2021.nodes.active).toEqual([1, 1]);
    expect(y2021.nodes.x).toEqual([-1, 1]);
    const y2019 = readGraphLayout({ ...DEFAULT_GRAPH_VIEW, from: 2019, to: 2019 }, db);
    expect(y2019.edges.source).toEqual([]);
    expect(y2019.nodes.active).toEqual([0, 0]);
    const vision = readGraphLayout({ ...DEFAULT_GRAPH_VIEW, topic: 1 }, db);
    expect(vision.edges.source).toEqual([]);
    const graphs = readGraphLayout({ ...DEFAULT_GRAPH_VIEW, topic: 0, minJoint: 2 }, db);
    expect(graphs.edges).toEqual({ source: [0], target: [1], papers: [2] });
    expect(readGraphLayout({ ...DEFAULT_GRAPH_VIEW, minJoint: 3 }, db).edges.source).toEqual([]);
  });

  it('reads the map of communities with names, links and the count of small ones', () => {
    const map = readCommunityMap(db);
    expect(map.communities.map((c) => [c.id, c.size, c.topicLabel, c.topAuthors.map((a) => a.name)])).toEqual([
      [0, 2, 'graphs', ['Ann Lee', 'Bo Chen']],
      [1, 1, 'graphs', ['Cy Diaz']],
    ]);
    expect(map.links).toEqual([{ source: 0, target: 1, papers: 2, weight: 1, strength: 1.5 }]);
    expect(map.small).toEqual({ communities: 1, authors: 1 });
    expect([map.width, map.height]).toEqual([120, 80]);
  });

  it('searches names, prefix matches first, and escapes LIKE wildcards', () => {
    // A word starting with the query (Ek) before names that only contain it.
    expect(searchAuthors('e', 10, db).map((a) => a.name)).toEqual(['Dee Ek', 'Ann Lee', 'Bo Chen']);
    expect(searchAuthors('d', 10, db).map((a) => a.name)).toEqual(['Dee Ek', 'Cy Diaz']);
    expect(searchAuthors('%', 10, db)).toEqual([]);
    expect(searchAuthors('  ', 10, db)).toEqual([]);
  });

  it('answers an ego network: co-authors by joint papers and the links among them', () => {
    const ego = readEgoNetwork(3, 150, db)!;
    expect(ego.author).toMatchObject({ id: 3, name: 'Cy Diaz', papers: 1, laidOut: true });
    expect(ego.coauthors.map((c) => [c.id, c.joint])).toEqual([
      [1, 1],
      [2, 1],
    ]);
    expect(ego.edges).toEqual([
      { source: 1, target: 2, papers: 2 },
      { source: 1, target: 3, papers: 1 },
      { source: 2, target: 3, papers: 1 },
    ]);
    // Limited to one: the strongest tie (two joint papers with author 2), picked before the join.
    const one = readEgoNetwork(1, 1, db)!;
    expect(one.truncated).toBe(true);
    expect(one.coauthors.map((c) => [c.id, c.joint])).toEqual([[2, 2]]);
    expect(readEgoNetwork(4, 150, db)).toMatchObject({ coauthors: [], edges: [], truncated: false });
    expect(readEgoNetwork(999, 150, db)).toBeNull();
  });

  it('counts papers without names per source', () => {
    const s = readGraphSummary(db);
    expect(s).toMatchObject({
      papers: 5,
      authors: 4,
      edges: 3,
      papersWithNames: 3,
      papersWithoutNames: 2,
      modularity: 0.42,
      laidOut: 3,
    });
    expect(s.bySource).toEqual([
      { file: 'a.txt', label: 'ICLR 2021', papers: 4, named: 3 },
      { file: 'b.txt', label: 'x', papers: 2, named: 0 },
    ]);
    expect(s.communities[0]).toEqual({ id: 0, size: 2, topAuthors: ['Ann Lee', 'Bo Chen'] });
    expect(s.components).toEqual([
      { id: 0, size: 3, laidOut: true },
      { id: 1, size: 1, laidOut: false },
    ]);
  });
});

describe('trend reads', () => {
  it('lists periods in order with their granularity', () => {
    expect(readTrendPeriods(db)).toEqual({
      granularity: 'year',
      periods: ['2020', '2021'],
      papers: [1, 3],
      minPeriodPapers: 20,
    });
  });

  it('completes terms by prefix, then substring, most frequent first', () => {
    // 'kernel' contains 'ne' in the middle, so it comes after the prefix matches.
    expect(searchTerms('ne', 10, db).map((t) => t.display)).toEqual(['Net', 'neural', 'neural network', 'kernel']);
    expect(searchTerms('network', 10, db).map((t) => [t.display, t.isPhrase])).toEqual([['neural network', true]]);
  });

  it('resolves displays case-insensitively and aligns series to the periods (0 where absent)', () => {
    const terms = readTermsByDisplay(['KERNEL', 'nope', 'neural network', 'kernel'], db);
    expect(terms.map((t) => t.id)).toEqual([3, 2]);
    const series = readTermSeries(terms, db);
    expect(series[0]).toMatchObject({ display: 'kernel', papers: [1, 0], share: [1, 0] });
    expect(series[1]).toMatchObject({ display: 'neural network', papers: [0, 2], share: [0, 0.6667] });
  });

  it('ranks rising, falling and each term’s strongest burst', () => {
    const m = readTermMovers(10, db);
    expect(m.rising.map((t) => [t.display, t.score])).toEqual([
      ['neural network', 1.5],
      ['neural', 0.5],
    ]);
    expect(m.falling.map((t) => t.display)).toEqual(['kernel']);
    expect(m.bursting.map((t) => [t.display, t.start, t.end, t.strength])).toEqual([
      ['neural network', '2021', '2021', 3.5],
      ['neural', '2021', '2021', 2.0],
    ]);
    expect(m.rising[1].papers).toEqual([1, 2]);
    const phrases = readTermMovers(10, db, 'phrases');
    expect(phrases.rising.map((t) => t.display)).toEqual(['neural network']);
    expect(phrases.falling).toEqual([]);
    expect(phrases.bursting.map((t) => t.display)).toEqual(['neural network']);
  });

  it('gives topic papers per period and related terms in rank order', () => {
    expect(readTopicShares(db)).toEqual({
      topics: [
        { id: 0, label: 'graphs', size: 2 },
        { id: 1, label: 'vision', size: 2 },
      ],
      papers: [
        [1, 1],
        [0, 1],
      ],
    });
    expect(readRelatedTerms(1, 10, db).map((r) => [r.display, r.papers, r.npmi])).toEqual([
      ['neural network', 2, 0.9],
      ['kernel', 1, 0.1],
    ]);
  });
});
