/**
 * The read module against a tiny hand-made build (schema from lib/store/schema.ts, six papers),
 * so every count, order and highlight can be checked exactly.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_SQL, SCHEMA_VERSION } from '@/lib/store/schema';
import { rankTopicAuthors } from '@/lib/graph/topic-authors';
import {
  buildFtsQuery,
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
  readSearchExportRows,
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
  db = new Database(':memory:');
  db.exec(SCHEMA_SQL);
  db.prepare("INSERT INTO meta VALUES ('schema_version', ?)").run(String(SCHEMA_VERSION));
  db.prepare("INSERT INTO meta VALUES ('granularity', 'year')").run();
  const insertPaper = db.prepare(
    `INSERT INTO papers (id, title, title_derived, abstract, tldr, year, date, venue, label, external_id, author_count, authors_text)
     VALUES (?, ?, ?, ?, NULL, ?, NULL, 'Fixture', NULL, NULL, ?, ?)`,
  );
  for (const [id, title, derived, abstract, year, authors] of PAPERS) {
    insertPaper.run(id, title, derived, abstract, year, authors ? authors.split(', ').length : 5, authors);
  }
  db.exec("INSERT INTO papers_fts(papers_fts) VALUES ('rebuild')");
  const authors = ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'];
  authors.forEach((name, i) => db.prepare('INSERT INTO authors VALUES (?, ?, ?)').run(i + 1, name.toLowerCase(), name));
  const insertPa = db.prepare('INSERT INTO paper_authors VALUES (?, ?, ?)');
  for (const [id, , , , , text] of PAPERS) {
    text
      .split(', ')
      .filter(Boolean)
      .forEach((name, pos) => insertPa.run(id, authors.indexOf(name) + 1, pos));
  }
  db.prepare(
    "INSERT INTO source_files VALUES ('a.txt', 'listing', 'Venue A', 2021, NULL, 5, 4, 1, 0, '{}', '{}', '{}', 0, '[]'), ('b.jsonl', 'json', NULL, NULL, NULL, 3, 2, 0, 1, '{\"no abstract\":1}', '{}', '{}', 0, '[]')",
  ).run();
  db.prepare("INSERT INTO rejected_records VALUES ('b.jsonl', 3, 'no abstract')").run();
  for (const [paper, file] of [
    [1, 'a.txt'],
    [2, 'a.txt'],
    [3, 'a.txt'],
    [4, 'a.txt'],
    [5, 'b.jsonl'],
    [6, 'b.jsonl'],
    [1, 'b.jsonl'],
  ] as const) {
    db.prepare('INSERT INTO paper_sources VALUES (?, ?, ?)').run(paper, file, paper * 10);
  }
  // Two topics: 0 = diffusion (papers 1, 2, 4), 1 = the rest.
  db.prepare(
    "INSERT INTO topics VALUES (0, 'diffusion / images', 3, 0, 0, 0, 0.2), (1, 'transformers / robustness', 3, 1, 1, 1, NULL)",
  ).run();
  const topicOf: Record<number, number> = { 1: 0, 2: 0, 4: 0, 3: 1, 5: 1, 6: 1 };
  // Topic 0 split in two parts: papers 1 and 4, and paper 2; topic 1 not split.
  const subtopicOf: Record<number, number | null> = { 1: 0, 2: 1, 4: 0, 3: null, 5: null, 6: null };
  for (const [paper, topic] of Object.entries(topicOf)) {
    db.prepare(
      'INSERT INTO paper_topics (paper_id, topic_id, distance, confidence, x, y, subtopic_id) VALUES (?, ?, 0.1, 0.9, ?, ?, ?)',
    ).run(Number(paper), topic, Number(paper), -Number(paper), subtopicOf[Number(paper)]);
  }
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
  topAuthors.forEach((list, topic) =>
    list.forEach((a, rank) =>
      db.prepare('INSERT INTO topic_authors VALUES (?, ?, ?, ?)').run(topic, rank, a.author, a.papers),
    ),
  );
  db.prepare(
    "INSERT INTO topic_terms VALUES (0, 0, 'diffusion', 0.5, 6, 1), (0, 1, 'images', 0.3, 2, 2), (0, 2, 'graphs', 0.1, 0, 3), (1, 0, 'transformers', 0.4, 1, 4)",
  ).run();
  db.prepare(
    "INSERT INTO terms (id, term, display, is_phrase, df) VALUES (1, 'diffus', 'diffusion', 0, 3), (2, 'imag', 'images', 0, 1)",
  ).run();
  db.prepare('INSERT INTO topic_tree VALUES (0, 2, 0, 0, 3), (1, 2, 1, 0, 3), (2, NULL, NULL, 0.7, 6)').run();
  db.prepare('INSERT INTO topic_similarity VALUES (0, 1, 0.25), (1, 0, 0.25)').run();
  db.prepare('INSERT INTO topic_representatives VALUES (0, 0, 4), (0, 1, 1)').run();
  db.prepare('INSERT INTO similar_papers VALUES (1, 0, 4, 0.8), (1, 1, 2, 0.5)').run();
  db.prepare("INSERT INTO periods VALUES ('2021', 0, 1), ('2022', 1, 1), ('2023', 2, 2)").run();
  db.prepare("INSERT INTO topic_periods VALUES (0, '2021', 1, 1.0), (0, '2023', 1, 0.5)").run();
  db.prepare(
    'INSERT INTO term_trends VALUES (1, 3, 0.1, 0.5, 2.0, 2.0, 0, NULL), (2, 1, -0.1, 0.0, -1.0, -1.0, 0, NULL)',
  ).run();
  db.prepare("INSERT INTO term_periods VALUES (1, '2021', 1, 1.0), (1, '2023', 1, 0.5)").run();
  db.prepare('INSERT INTO k_scores VALUES (2, 0.12, 1), (3, 0.08, 0)').run();
  db.prepare("INSERT INTO quality VALUES ('silhouette', 0.12, NULL), ('ari', NULL, 'no labels')").run();
  db.prepare(
    `INSERT INTO author_stats VALUES (1, 3, 2, 2020, 2021, 2, 1.5, 0.5, 0, 0, '[[0,1]]'),
       (2, 2, 1, 2021, 2022, 1, 1.0, 0.0, 0, 0, '[[0,2]]'), (3, 2, 1, 2020, 2023, 1, 1.0, 0.0, 1, 0, '[[1,1]]')`,
  ).run();
  db.prepare('INSERT INTO coauthor_edges VALUES (1, 2, 1, 1.0), (1, 3, 1, 1.0)').run();
  db.prepare(
    `INSERT INTO communities (id, size, papers, topic_share, top_authors, mapped, detail, network, sub_communities)
     VALUES (0, 2, 2, 0, '[]', 0, 0, 0, 0), (1, 1, 1, 0, '[]', 0, 0, 0, 0)`,
  ).run();
  db.prepare('INSERT INTO components VALUES (0, 3, 1)').run();
});

afterAll(() => db.close());

describe('buildFtsQuery', () => {
  it('quotes every word, ANDs them and makes the last word a prefix', () => {
    expect(buildFtsQuery('graph neur')).toBe('"graph" "neur"*');
    expect(buildFtsQuery('graph neural ')).toBe('"graph" "neural"');
  });
  it('keeps quoted phrases and hyphenated chunks as phrases', () => {
    expect(buildFtsQuery('"graph neural" net')).toBe('"graph neural" "net"*');
    expect(buildFtsQuery('gpt-4')).toBe('"gpt 4"');
  });
  it('turns FTS5 syntax into plain words and returns null when nothing is left', () => {
    expect(buildFtsQuery('a AND (b OR')).toBe('"a" "and" "b" "or"*');
    expect(buildFtsQuery('NEAR(x y)')).toBe('"near x" "y"');
    expect(buildFtsQuery('"')).toBeNull();
    expect(buildFtsQuery('*** ---')).toBeNull();
    expect(buildFtsQuery('   ')).toBeNull();
  });
  it('does not make a one-letter last word a prefix', () => {
    expect(buildFtsQuery('vitamin c')).toBe('"vitamin" "c"');
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
    expect(readSearchExportRows('', { topic: 0, subtopic: 0 }, 0, 10, db).map((r) => r.id)).toEqual([4, 1]);
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
    const rows = readSearchExportRows('diffusion', {}, 0, 10, db);
    expect(rows.map((r) => r.id)).toEqual([4, 1, 2]);
    expect(rows[1].sources).toBe('a.txt:10; b.jsonl:10');
    expect(readSearchExportRows('diffusion', {}, 2, 10, db).map((r) => r.id)).toEqual([2]);
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
      expect(readSearchExportRows(q, filters, 0, 100, db).map((r) => r.id)).toEqual(shown);
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
