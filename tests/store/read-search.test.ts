/**
 * The read module against a tiny hand-made build (schema from lib/store/schema.ts, six papers),
 * so every count, order and highlight can be checked exactly.
 */
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rankTopicAuthors } from '@/lib/graph/topic-authors';
import { createSmallBuild } from '../fixtures/store/small-build';
import {
  toFtsQuery,
  buildTopicTerms,
  buildTopicTree,
  findAuthorIdByName,
  searchAuthors,
  readAuthor,
  readOverview,
  readPaper,
  readPaperSummary,
  readQualityReport,
  readTopic,
  readTopicTree,
  listTopics,
  parseMarkedText,
  openSearchExport,
  searchPapers,
  type SearchFilters,
} from '@/lib/store/read';

let db: Database.Database;

const PAPERS: [number, string, number, string, number | null, string][] = [
  // id, title, title_derived, abstract, year, authors_text
  [
    1,
    'Diffusion models for images',
    0,
    'We study denoising diffusion with $x^2$ terms.',
    2021,
    'Ada Lovelace, Alan Turing',
  ],
  [2, 'Graph neural networks', 0, 'Message passing on graphs; diffusion appears once.', 2022, 'Alan Turing'],
  [3, 'A derived title about transformers', 1, 'Transformers attend to tokens.', 2023, ''],
  [4, 'Diffusion diffusion diffusion', 0, 'Diffusion everywhere: diffusion processes.', 2023, 'Grace Hopper'],
  [5, 'Undated note on GPT-4', 0, 'GPT-4 is evaluated.', null, 'Ada Lovelace'],
  [6, 'Quoted "title" with <b>tags</b>', 0, 'Plain abstract about robustness.', 2020, 'Grace Hopper, Ada Lovelace'],
];

beforeAll(() => {
  const build = createSmallBuild({ granularity: 'year' });
  db = build.db;
  build.insert(
    'papers',
    PAPERS.map(([id, title, derived, abstract, year, authors]) => ({
      id,
      title,
      title_derived: derived,
      abstract,
      year,
      venue: 'Fixture',
      author_count: authors ? authors.split(', ').length : 5,
      authors_text: authors,
    })),
  );
  build.indexPapers();
  const authors = ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'];
  build.insert(
    'authors',
    authors.map((name, i) => ({ id: i + 1, key: name.toLowerCase(), name })),
  );
  build.insert(
    'paper_authors',
    PAPERS.flatMap(([id, , , , , text]) =>
      text
        .split(', ')
        .filter(Boolean)
        .map((name, position) => ({ paper_id: id, author_id: authors.indexOf(name) + 1, position })),
    ),
  );
  const file = (name: string, layout: string, venue: string | null, year: number | null, counts: number[]) => ({
    file: name,
    layout,
    venue,
    year,
    records_read: counts[0],
    papers_kept: counts[1],
    duplicates_merged: counts[2],
    rejected: counts[3],
    reject_reasons: counts[3] > 0 ? '{"no abstract":1}' : '{}',
    merged_by: '{}',
    merged_with: '{}',
    without_abstract: 0,
    warnings: '[]',
  });
  build.insert('source_files', [
    file('a.txt', 'listing', 'Venue A', 2021, [5, 4, 1, 0]),
    file('b.jsonl', 'json', null, null, [3, 2, 0, 1]),
  ]);
  build.insert('rejected_records', { file: 'b.jsonl', record: 3, reason: 'no abstract' });
  build.insert(
    'paper_sources',
    (
      [
        [1, 'a.txt'],
        [2, 'a.txt'],
        [3, 'a.txt'],
        [4, 'a.txt'],
        [5, 'b.jsonl'],
        [6, 'b.jsonl'],
        [1, 'b.jsonl'],
      ] as const
    ).map(([paper, name]) => ({ paper_id: paper, file: name, record: paper * 10 })),
  );
  // Two topics: 0 = diffusion (papers 1, 2, 4), 1 = the rest.
  build.insert('topics', [
    { id: 0, label: 'diffusion / images', size: 3, x: 0, y: 0, node_id: 0, coherence: 0.2 },
    { id: 1, label: 'transformers / robustness', size: 3, x: 1, y: 1, node_id: 1, coherence: null },
  ]);
  const topicOf: Record<number, number> = { 1: 0, 2: 0, 4: 0, 3: 1, 5: 1, 6: 1 };
  // Topic 0 split in two parts: papers 1 and 4, and paper 2; topic 1 not split.
  const subtopicOf: Record<number, number | null> = { 1: 0, 2: 1, 4: 0, 3: null, 5: null, 6: null };
  build.insert(
    'paper_topics',
    Object.entries(topicOf).map(([paper, topic]) => ({
      paper_id: Number(paper),
      topic_id: topic,
      distance: 0.1,
      confidence: 0.9,
      x: Number(paper),
      y: -Number(paper),
      subtopic_id: subtopicOf[Number(paper)],
    })),
  );
  // As the pipeline writes it: papers in id order, author ids as in paper_authors.
  const topAuthors = rankTopicAuthors(
    PAPERS.map(([id]) => topicOf[id]),
    PAPERS.map(([, , , , , text]) =>
      text
        .split(', ')
        .filter(Boolean)
        .map((name) => authors.indexOf(name) + 1),
    ),
    2,
    (author) => authors[author - 1],
    20,
  );
  build.insert(
    'topic_authors',
    topAuthors.flatMap((list, topic) =>
      list.map((a, rank) => ({ topic_id: topic, rank, author_id: a.author, papers: a.papers })),
    ),
  );
  build.insert('topic_terms', [
    { topic_id: 0, rank: 0, term: 'diffusion', weight: 0.5, count: 6, term_id: 1 },
    { topic_id: 0, rank: 1, term: 'images', weight: 0.3, count: 2, term_id: 2 },
    { topic_id: 0, rank: 2, term: 'graphs', weight: 0.1, count: 0, term_id: 3 },
    { topic_id: 1, rank: 0, term: 'transformers', weight: 0.4, count: 1, term_id: 4 },
  ]);
  build.insert('terms', [
    { id: 1, term: 'diffus', display: 'diffusion', is_phrase: 0, df: 3 },
    { id: 2, term: 'imag', display: 'images', is_phrase: 0, df: 1 },
  ]);
  build.insert('topic_tree', [
    { node_id: 0, parent_id: 2, topic_id: 0, height: 0, size: 3 },
    { node_id: 1, parent_id: 2, topic_id: 1, height: 0, size: 3 },
    { node_id: 2, parent_id: null, topic_id: null, height: 0.7, size: 6 },
  ]);
  build.insert('topic_similarity', [
    { topic_id: 0, other_id: 1, similarity: 0.25 },
    { topic_id: 1, other_id: 0, similarity: 0.25 },
  ]);
  build.insert('topic_representatives', [
    { topic_id: 0, rank: 0, paper_id: 4 },
    { topic_id: 0, rank: 1, paper_id: 1 },
  ]);
  build.insert('similar_papers', [
    { paper_id: 1, rank: 0, similar_id: 4, similarity: 0.8 },
    { paper_id: 1, rank: 1, similar_id: 2, similarity: 0.5 },
  ]);
  build.insert('periods', [
    { period: '2021', ordinal: 0, papers: 1 },
    { period: '2022', ordinal: 1, papers: 1 },
    { period: '2023', ordinal: 2, papers: 2 },
  ]);
  build.insert('topic_periods', [
    { topic_id: 0, period: '2021', papers: 1, share: 1.0 },
    { topic_id: 0, period: '2023', papers: 1, share: 0.5 },
  ]);
  build.insert('term_trends', [
    { term_id: 1, support: 3, slope: 0.1, recent_share: 0.5, score: 2.0, subject_score: 2.0, subject_rank: 0 },
    { term_id: 2, support: 1, slope: -0.1, recent_share: 0.0, score: -1.0, subject_score: -1.0, subject_rank: 0 },
  ]);
  build.insert('term_periods', [
    { term_id: 1, period: '2021', papers: 1, share: 1.0 },
    { term_id: 1, period: '2023', papers: 1, share: 0.5 },
  ]);
  build.insert('k_scores', [
    { k: 2, silhouette: 0.12, chosen: 1 },
    { k: 3, silhouette: 0.08, chosen: 0 },
  ]);
  build.insert('quality', [
    { metric: 'silhouette', value: 0.12, note: null },
    { metric: 'ari', value: null, note: 'no labels' },
  ]);
  const stats = (author: number, papers: number, coauthors: number, years: [number, number], degree: number) => ({
    author_id: author,
    papers,
    coauthors,
    first_year: years[0],
    last_year: years[1],
    degree,
    weighted_degree: author === 1 ? 1.5 : 1.0,
    betweenness: author === 1 ? 0.5 : 0.0,
    community_id: author === 3 ? 1 : 0,
    component_id: 0,
    main_topics: author === 3 ? '[[1,1]]' : `[[0,${author}]]`,
  });
  build.insert('author_stats', [
    stats(1, 3, 2, [2020, 2021], 2),
    stats(2, 2, 1, [2021, 2022], 1),
    stats(3, 2, 1, [2020, 2023], 1),
  ]);
  build.insert('coauthor_edges', [
    { source: 1, target: 2, papers: 1, weight: 1.0 },
    { source: 1, target: 3, papers: 1, weight: 1.0 },
  ]);
  const community = (id: number, size: number) => ({
    id,
    size,
    papers: size,
    topic_share: 0,
    top_authors: '[]',
    mapped: 0,
    detail: 0,
    network: 0,
    sub_communities: 0,
  });
  build.insert('communities', [community(0, 2), community(1, 1)]);
  build.insert('components', { id: 0, size: 3, laid_out: 1 });
});

afterAll(() => db.close());

describe('toFtsQuery', () => {
  it('quotes every word, ANDs them and makes the last word a prefix', () => {
    expect(toFtsQuery('graph neur')).toBe('"graph" "neur"*');
    expect(toFtsQuery('graph neural ')).toBe('"graph" "neural"');
  });
  it('keeps quoted phrases and hyphenated chunks as phrases', () => {
    expect(toFtsQuery('"graph neural" net')).toBe('"graph neural" "net"*');
    expect(toFtsQuery('gpt-4')).toBe('"gpt 4"');
  });
  it('turns FTS5 syntax into plain words and returns null when nothing is left', () => {
    expect(toFtsQuery('a AND (b OR')).toBe('"a" "and" "b" "or"*');
    expect(toFtsQuery('NEAR(x y)')).toBe('"near x" "y"');
    expect(toFtsQuery('"')).toBeNull();
    expect(toFtsQuery('*** ---')).toBeNull();
    expect(toFtsQuery('   ')).toBeNull();
  });
  it('does not make a one-letter last word a prefix', () => {
    expect(toFtsQuery('vitamin c')).toBe('"vitamin" "c"');
  });
});

describe('parseMarkedText', () => {
  it('splits on the private-use markers and merges neighbours of the same kind', () => {
    expect(parseMarkedText('a \uE000b\uE001 c \uE000d\uE001')).toEqual([
      { text: 'a ', hit: false },
      { text: 'b', hit: true },
      { text: ' c ', hit: false },
      { text: 'd', hit: true },
    ]);
    expect(parseMarkedText('<b>x</b>')).toEqual([{ text: '<b>x</b>', hit: false }]);
    // Matches with only white space between them are one highlight.
    expect(parseMarkedText('new \uE000diffusion\uE001 \uE000models\uE001 for \uE000video\uE001')).toEqual([
      { text: 'new ', hit: false },
      { text: 'diffusion models', hit: true },
      { text: ' for ', hit: false },
      { text: 'video', hit: true },
    ]);
    expect(parseMarkedText(' \uE000a\uE001')).toEqual([
      { text: ' ', hit: false },
      { text: 'a', hit: true },
    ]);
    expect(parseMarkedText('')).toEqual([]);
  });
});

describe('searchPapers on the fixture', () => {
  it('ranks the paper with the term in its title first and counts every match', () => {
    const r = searchPapers('diffusion', {}, 1, 20, db);
    expect(r.total).toBe(3);
    expect(r.hits.map((h) => h.paper.id)).toEqual([4, 1, 2]);
    expect(r.hits[1].titleParts).toEqual([
      { text: 'Diffusion', hit: true },
      { text: ' models for images', hit: false },
    ]);
    expect(r.hits[2].snippetParts.some((p) => p.hit && p.text === 'diffusion')).toBe(true);
  });
  it('matches prefixes, author names and phrases', () => {
    expect(searchPapers('diffus', {}, 1, 20, db).total).toBe(3);
    expect(
      searchPapers('hopper', {}, 1, 20, db)
        .hits.map((h) => h.paper.id)
        .sort(),
    ).toEqual([4, 6]);
    expect(searchPapers('gpt-4', {}, 1, 20, db).hits.map((h) => h.paper.id)).toEqual([5]);
  });
  it('applies topic, year, source and author filters', () => {
    expect(searchPapers('diffusion', { topic: 1 }, 1, 20, db).total).toBe(0);
    expect(
      searchPapers('diffusion', { from: 2022 }, 1, 20, db)
        .hits.map((h) => h.paper.id)
        .sort(),
    ).toEqual([2, 4]);
    expect(searchPapers('diffusion', { to: 2021 }, 1, 20, db).hits.map((h) => h.paper.id)).toEqual([1]);
    expect(searchPapers('', { source: 'b.jsonl' }, 1, 20, db).hits.map((h) => h.paper.id)).toEqual([1, 6, 5]);
    expect(searchPapers('', { author: 3 }, 1, 20, db).total).toBe(2);
  });
  it('filters matches by author, source and several filters at once, ranked as unfiltered', () => {
    expect(searchPapers('diffusion', { author: 1 }, 1, 20, db).hits.map((h) => h.paper.id)).toEqual([1]);
    expect(searchPapers('diffusion', { author: 2 }, 1, 20, db).hits.map((h) => h.paper.id)).toEqual([1, 2]);
    expect(searchPapers('diffusion', { source: 'b.jsonl' }, 1, 20, db).hits.map((h) => h.paper.id)).toEqual([1]);
    expect(searchPapers('diffusion', { source: 'a.txt' }, 1, 20, db).hits.map((h) => h.paper.id)).toEqual([4, 1, 2]);
    expect(
      searchPapers('diffusion', { topic: 0, from: 2022, to: 2023 }, 1, 20, db).hits.map((h) => h.paper.id),
    ).toEqual([4, 2]);
    expect(searchPapers('diffusion', { topic: 0, source: 'a.txt', author: 3 }, 1, 20, db).total).toBe(1);
    // Undated papers never pass a year bound.
    expect(searchPapers('gpt', { from: 1900 }, 1, 20, db).total).toBe(0);
    expect(searchPapers('gpt', { topic: 1 }, 1, 20, db).total).toBe(1);
    expect(searchPapers('diffusion', { author: 99 }, 1, 20, db).total).toBe(0);
  });
  it('filters by a sub-topic of the topic, and ignores a sub-topic without its topic', () => {
    expect(searchPapers('diffusion', { topic: 0, subtopic: 0 }, 1, 20, db).hits.map((h) => h.paper.id)).toEqual([4, 1]);
    expect(searchPapers('', { topic: 0, subtopic: 0 }, 1, 20, db).hits.map((h) => h.paper.id)).toEqual([4, 1]);
    expect(searchPapers('', { topic: 0, subtopic: 1 }, 1, 20, db).hits.map((h) => h.paper.id)).toEqual([2]);
    expect(searchPapers('diffusion', { topic: 0, subtopic: 1, from: 2023 }, 1, 20, db).total).toBe(0);
    // Topic 1 is not split: no paper is in any of its parts.
    expect(searchPapers('', { topic: 1, subtopic: 0 }, 1, 20, db).total).toBe(0);
    expect(searchPapers('diffusion', { subtopic: 1 }, 1, 20, db).total).toBe(3);
    expect(
      openSearchExport('', { topic: 0, subtopic: 0 }, db)
        .readRows(10)
        .map((r) => r.id),
    ).toEqual([4, 1]);
  });
  it('pages a filtered search, marking up each page', () => {
    const p2 = searchPapers('diffus', { topic: 0 }, 2, 2, db);
    expect([p2.total, p2.pageCount, p2.page]).toEqual([3, 2, 2]);
    expect(p2.hits.map((h) => h.paper.id)).toEqual([2]);
    expect(p2.hits[0].snippetParts.filter((p) => p.hit).map((p) => p.text)).toEqual(['diffusion']);
    const past = searchPapers('diffus', { topic: 0 }, 9, 2, db);
    expect([past.total, past.page, past.hits.map((h) => h.paper.id)]).toEqual([3, 2, [2]]);
    const none = searchPapers('diffusion', { topic: 1 }, 3, 2, db);
    expect([none.total, none.page, none.pageCount, none.hits]).toEqual([0, 1, 1, []]);
  });
  it('marks every match of a prefix and author names, and a page again after another', () => {
    const r = searchPapers('diffus', {}, 1, 20, db);
    // Three matches side by side read as one highlight.
    expect(r.hits[0].titleParts).toEqual([{ text: 'Diffusion diffusion diffusion', hit: true }]);
    expect(r.hits[0].snippetParts.filter((p) => p.hit).map((p) => p.text)).toEqual(['Diffusion', 'diffusion']);
    expect(searchPapers('lovelace', {}, 1, 20, db).hits.find((h) => h.paper.id === 1)?.authorParts).toEqual([
      { text: 'Ada ', hit: false },
      { text: 'Lovelace', hit: true },
      { text: ', Alan Turing', hit: false },
    ]);
    // The scratch index holds one page at a time: an earlier page leaves nothing behind.
    expect(searchPapers('diffusion', {}, 1, 20, db).hits.map((h) => h.paper.id)).toEqual([4, 1, 2]);
    expect(
      searchPapers('once', {}, 1, 20, db).hits.map((h) => [h.paper.id, h.snippetParts.find((p) => p.hit)?.text]),
    ).toEqual([[2, 'once']]);
  });
  it('never throws on malformed syntax and lists everything when nothing is searchable', () => {
    for (const q of ['"', 'AND', '(', 'a OR', '*', 'NEAR(', '^x', 'title:foo']) {
      expect(() => searchPapers(q, {}, 1, 20, db)).not.toThrow();
    }
    const all = searchPapers('***', {}, 1, 20, db);
    expect(all.match).toBeNull();
    expect(all.total).toBe(6);
    // Newest first, undated last.
    expect(all.hits.map((h) => h.paper.id)).toEqual([3, 4, 2, 1, 6, 5]);
  });
  it('pages with a total count and clamps the page', () => {
    const p2 = searchPapers('', {}, 2, 4, db);
    expect(p2.pageCount).toBe(2);
    expect(p2.hits.map((h) => h.paper.id)).toEqual([6, 5]);
    expect(searchPapers('', {}, 99, 4, db).page).toBe(2);
    expect(searchPapers('', {}, -3, 4, db).page).toBe(1);
  });
  it('keeps markup-looking titles as text', () => {
    const r = searchPapers('tags', {}, 1, 20, db);
    expect(r.hits[0].titleParts.map((p) => p.text).join('')).toBe('Quoted "title" with <b>tags</b>');
  });
  it('exports the same order as flat rows with sources', () => {
    const rows = openSearchExport('diffusion', {}, db).readRows(10);
    expect(rows.map((r) => r.id)).toEqual([4, 1, 2]);
    expect(rows[1].sources).toBe('a.txt:10; b.jsonl:10');
    // Slice by slice, each after the last: the same rows, then none.
    const reader = openSearchExport('diffusion', {}, db);
    expect([reader.readRows(2), reader.readRows(2), reader.readRows(2)].map((s) => s.map((r) => r.id))).toEqual([
      [4, 1],
      [2],
      [],
    ]);
  });
  it('exports filtered searches and listings in the order the search pages show them', () => {
    const cases: [string, SearchFilters][] = [
      ['diffusion', { topic: 0 }],
      ['diffusion', { source: 'b.jsonl' }],
      ['diffusion', { from: 2022 }],
      ['', { topic: 1 }],
      ['', {}],
    ];
    for (const [q, filters] of cases) {
      const shown = searchPapers(q, filters, 1, 20, db).hits.map((h) => h.paper.id);
      expect(shown.length).toBeGreaterThan(0);
      expect(
        openSearchExport(q, filters, db)
          .readRows(100)
          .map((r) => r.id),
      ).toEqual(shown);
    }
  });
});

describe('papers, topics, authors, overview and quality on the fixture', () => {
  it('reads a paper with authors, sources, topic, position and similar papers', () => {
    const p = readPaper(1, db)!;
    expect(p.authors.map((a) => a.name)).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(p.sources.map((s) => `${s.file}:${s.record}`)).toEqual(['a.txt:10', 'b.jsonl:10']);
    expect(p.topic).toEqual({ id: 0, label: 'diffusion / images', confidence: 0.9, distance: 0.1 });
    expect(p.position).toEqual({ x: 1, y: -1 });
    expect(p.similar.map((s) => [s.id, s.similarity])).toEqual([
      [4, 0.8],
      [2, 0.5],
    ]);
    expect(readPaper(3, db)!.titleDerived).toBe(true);
    expect(readPaper(99, db)).toBeNull();
    expect(readPaperSummary(6, db)!.authors).toEqual(['Grace Hopper', 'Ada Lovelace']);
  });
  it('computes relevance ingredients by hand-checkable formulas', () => {
    const t = readTopic(0, db)!;
    // p(w|t) = count / (6 + 2 + 0); p(w) = df / 6 papers; a zero count counts as half.
    expect(t.terms[0].logPwt).toBeCloseTo(Math.log(6 / 8), 12);
    expect(t.terms[0].logLift).toBeCloseTo(Math.log(6 / 8) - Math.log(3 / 6), 12);
    expect(t.terms[1].logLift).toBeCloseTo(Math.log(2 / 8) - Math.log(1 / 6), 12);
    expect(t.terms[2].logPwt).toBeCloseTo(Math.log(0.5 / 8), 12);
    expect(t.terms[2].logLift).toBeNull();
    expect(t.representatives.map((p) => p.id)).toEqual([4, 1]);
    expect(t.periods).toEqual([
      { period: '2021', papers: 1, share: 1 },
      { period: '2022', papers: 0, share: 0 },
      { period: '2023', papers: 1, share: 0.5 },
    ]);
    expect(t.related).toEqual([{ id: 1, label: 'transformers / robustness', size: 3, similarity: 0.25 }]);
    expect(t.topAuthors.map((a) => [a.name, a.papers])).toEqual([
      ['Alan Turing', 2],
      ['Ada Lovelace', 1],
      ['Grace Hopper', 1],
    ]);
    expect(readTopic(7, db)).toBeNull();
  });
  it('lists topics with shares and nests the tree', () => {
    const topics = listTopics(db);
    expect(topics.map((t) => [t.id, t.share, t.topTerms.length])).toEqual([
      [0, 0.5, 3],
      [1, 0.5, 1],
    ]);
    const tree = readTopicTree(db)!;
    expect(tree.topics).toBe(2);
    expect(tree.children.map((c) => c.topicId)).toEqual([0, 1]);
    expect(tree.label).toBe('diffusion / images · transformers / robustness');
    expect(buildTopicTree([], new Map())).toBeNull();
  });
  it('reads an author with joint-paper counts and the ego network', () => {
    const a = readAuthor(1, db)!;
    expect(a.papers.map((p) => p.id)).toEqual([1, 6, 5]);
    expect(a.coauthors).toEqual([
      { id: 2, name: 'Alan Turing', joint: 1 },
      { id: 3, name: 'Grace Hopper', joint: 1 },
    ]);
    expect([a.paperCount, a.coauthorCount]).toEqual([3, 2]);
    expect(a.years).toEqual({ first: 2020, last: 2021 });
    expect(a.stats?.communitySize).toBe(2);
    expect(a.ego?.coauthors.map((c) => c.id).sort()).toEqual([2, 3]);
    expect(readAuthor(42, db)).toBeNull();
  });
  it('finds authors by prefix or word, escaping LIKE wildcards', () => {
    expect(searchAuthors('tur', 10, db).map((a) => a.name)).toEqual(['Alan Turing']);
    // Names starting with the query first, then any that contain it.
    expect(searchAuthors('a', 10, db).map((a) => a.name)).toEqual(['Ada Lovelace', 'Alan Turing', 'Grace Hopper']);
    expect(searchAuthors('hop', 10, db).map((a) => a.name)).toEqual(['Grace Hopper']);
    expect(searchAuthors('%', 10, db)).toEqual([]);
    expect(findAuthorIdByName('grace HOPPER', db)).toBe(3);
  });
  it('sums up the corpus and the quality report', () => {
    const o = readOverview(db);
    expect([o.papers, o.authors, o.papersWithNames, o.undatedPapers]).toEqual([6, 3, 5, 1]);
    expect(o.years).toEqual({ first: 2020, last: 2023 });
    expect(o.sources[1].rejectReasons).toEqual({ 'no abstract': 1 });
    expect(o.risingTerms.map((t) => [t.term, t.series.map((s) => s.share)])).toEqual([['diffusion', [1, 0, 0.5]]]);
    expect(o.topAuthors[0].name).toBe('Ada Lovelace');
    const q = readQualityReport(db);
    expect(q.chosenK).toBe(2);
    expect(q.metrics.ari).toEqual({ metric: 'ari', value: null, note: 'no labels' });
    expect(q.rejectedByReason).toEqual([{ reason: 'no abstract', records: 1 }]);
  });
});

describe('buildTopicTerms', () => {
  it('leaves logLift null when the corpus size is unknown', () => {
    const [t] = buildTopicTerms([{ rank: 0, term: 'x', weight: 1, count: 2, df: 1 }], 0);
    expect(t.logPwt).toBe(0);
    expect(t.logLift).toBeNull();
  });
});
