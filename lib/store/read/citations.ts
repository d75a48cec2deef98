/**
 * Read questions of the citation layer: whether the corpus has reference lists at all, the field's
 * foundations (most cited papers inside the corpus, most cited references outside it), and a topic's
 * most cited papers and references.
 */
import type Database from 'better-sqlite3';
import { openBuild } from '../db';
import { formatShortCitation } from '../../viz/format';
import { formatReference, type ReferenceDisplay } from '../../viz/reference';
import { parseReferenceParts } from '../../citations/reference-parts';
import { cachedPerBuild, prepareCached } from './statements';

export interface CitationSummary {
  papers: number;
  papersWithReferences: number;
  references: number;
  /** References resolved to a corpus paper, and the distinct citing → cited pairs they make. */
  resolved: number;
  citations: number;
}

export interface CitedPaper {
  id: number;
  title: string;
  year: number | null;
  authors: string;
  /** Citations from corpus papers. */
  local: number;
  /** The count the source reported, when it did. */
  global: number | null;
}

export interface CitedReference {
  key: string;
  raw: string;
  doi: string | null;
  citations: number;
  /** The cited work's title: the corpus paper's when the reference resolves to one, else one a
   * source's reference writes; null when none does. */
  title: string | null;
  /** The corpus paper it resolves to, if any. */
  paperId: number | null;
  /** How the panels show it (title, or a line naming it, and where it links out). */
  display: ReferenceDisplay;
}

type CitedReferenceRow = Omit<CitedReference, 'display'>;

function withDisplay(rows: CitedReferenceRow[]): CitedReference[] {
  return rows.map((r) => {
    const title = r.title ?? parseReferenceParts(r.raw, r.key).title;
    return { ...r, title, display: formatReference({ ...r, title }) };
  });
}

/** Papers, papers with references, references, those resolved to a corpus paper, local citations. */
export function readCitationSummary(db: Database.Database = openBuild()): CitationSummary {
  return prepareCached(
    db,
    `SELECT (SELECT COUNT(*) FROM papers) AS papers,
            (SELECT COUNT(DISTINCT paper_id) FROM paper_references) AS papersWithReferences,
            (SELECT COUNT(*) FROM paper_references) AS "references",
            (SELECT COUNT(*) FROM paper_references WHERE cited_paper_id IS NOT NULL) AS resolved,
            (SELECT COUNT(*) FROM citations) AS citations`,
  ).get() as CitationSummary;
}

/** The most locally cited corpus papers (optionally of one topic, or from `from` on). */
export function readMostCitedPapers(
  opts: { limit?: number; topic?: number | null } = {},
  db: Database.Database = openBuild(),
): CitedPaper[] {
  const limit = Math.min(200, Math.max(1, Math.floor(opts.limit ?? 20)));
  const inTopic = opts.topic !== undefined && opts.topic !== null;
  // Without citations SQLite may still walk the topic's papers looking for some (180 ms for the
  // largest topic of 300,000 papers).
  if (
    !cachedPerBuild(db, 'has citations', () => prepareCached(db, 'SELECT 1 FROM citations LIMIT 1').get() !== undefined)
  )
    return [];
  return prepareCached(
    db,
    `SELECT p.id, p.title, p.year, p.authors_text AS authors, COUNT(*) AS local, p.cited_by AS global
       FROM citations c JOIN papers p ON p.id = c.cited_id
       ${inTopic ? 'JOIN paper_topics t ON t.paper_id = p.id AND t.topic_id = @topic' : ''}
      GROUP BY c.cited_id ORDER BY local DESC, p.id LIMIT @limit`,
  ).all({ topic: inTopic ? opts.topic : null, limit }) as CitedPaper[];
}

/** The most locally cited papers published in one period (a span of years). */
export interface CitedPeriod {
  /** '2016' or '2015–2019'. */
  period: string;
  from: number;
  to: number;
  papers: CitedPaper[];
}

/** Spans of years tried for the periods, shortest first: the first that gives at most `maxPeriods`. */
const PERIOD_SPANS = [1, 2, 5, 10, 20, 50];

/**
 * The most locally cited papers per period of publication (bibliometrix's most cited per year,
 * grouped): the cited papers' years in spans of 1, 2, 5, 10… years aligned to multiples of the
 * span, the shortest that gives at most `maxPeriods` periods with a cited paper; `perPeriod`
 * papers each, most cited first. Cited papers without a year are left out.
 */
export function readMostCitedByPeriod(
  opts: { perPeriod?: number; maxPeriods?: number } = {},
  db: Database.Database = openBuild(),
): CitedPeriod[] {
  const perPeriod = Math.min(20, Math.max(1, Math.floor(opts.perPeriod ?? 3)));
  const maxPeriods = Math.min(20, Math.max(1, Math.floor(opts.maxPeriods ?? 6)));
  const years = (
    prepareCached(
      db,
      `SELECT DISTINCT p.year FROM citations c JOIN papers p ON p.id = c.cited_id
        WHERE p.year IS NOT NULL ORDER BY p.year`,
    ).all() as { year: number }[]
  ).map((r) => r.year);
  if (years.length === 0) return [];
  const span =
    PERIOD_SPANS.find((s) => new Set(years.map((y) => Math.floor(y / s))).size <= maxPeriods) ?? PERIOD_SPANS.at(-1)!;
  const rows = prepareCached(
    db,
    `SELECT * FROM (
       SELECT id, title, year, authors, local, global,
              ROW_NUMBER() OVER (PARTITION BY year / CAST(@span AS INTEGER) ORDER BY local DESC, id) AS rank
         FROM (SELECT p.id, p.title, p.year, p.authors_text AS authors, COUNT(*) AS local, p.cited_by AS global
                 FROM citations c JOIN papers p ON p.id = c.cited_id
                WHERE p.year IS NOT NULL GROUP BY c.cited_id))
      WHERE rank <= @perPeriod ORDER BY year / CAST(@span AS INTEGER) DESC, rank`,
  ).all({ span, perPeriod }) as (CitedPaper & { rank: number })[];
  const periods: CitedPeriod[] = [];
  for (const { rank: _rank, ...paper } of rows) {
    const from = Math.floor(paper.year! / span) * span;
    let last = periods.at(-1);
    if (last?.from !== from) {
      const to = from + span - 1;
      periods.push((last = { period: span === 1 ? String(from) : `${from}\u2013${to}`, from, to, papers: [] }));
    }
    last.papers.push(paper);
  }
  return periods;
}

/** The references outside the corpus its papers cite most (the field's foundations). */
export function readFoundations(limit = 20, db: Database.Database = openBuild()): CitedReference[] {
  return withDisplay(
    prepareCached(
      db,
      'SELECT ref_key AS key, raw, doi, citations, title, NULL AS paperId FROM cited_references ORDER BY rank LIMIT ?',
    ).all(Math.min(2000, Math.max(1, Math.floor(limit)))) as CitedReferenceRow[],
  );
}

/** The references a topic's papers cite most, inside or outside the corpus (by normalized key). */
export function readTopicReferences(topic: number, limit = 10, db: Database.Database = openBuild()): CitedReference[] {
  return withDisplay(
    prepareCached(
      db,
      `SELECT x.key, x.raw, x.doi, x.citations, COALESCE(p.title, c.title) AS title, p.id AS paperId
         FROM (SELECT r.ref_key AS key, MIN(r.raw) AS raw, MAX(r.doi) AS doi,
                      COUNT(DISTINCT r.paper_id) AS citations, MAX(r.cited_paper_id) AS cited
                 FROM paper_topics t JOIN paper_references r ON r.paper_id = t.paper_id
                WHERE t.topic_id = ? AND r.ref_key IS NOT NULL
                GROUP BY r.ref_key HAVING citations >= 2
                ORDER BY citations DESC, r.ref_key LIMIT ?) x
         LEFT JOIN papers p ON p.id = x.cited
         LEFT JOIN cited_references c ON c.ref_key = x.key
        ORDER BY x.citations DESC, x.key`,
    ).all(topic, Math.min(100, Math.max(1, Math.floor(limit)))) as CitedReferenceRow[],
  );
}

export interface CitationClusterRow {
  id: number;
  label: string;
  size: number;
  drawn: number;
  terms: string[];
  x: number;
  y: number;
  radius: number;
}

/** The citation network view: drawn papers (parallel arrays), the citations among them and the clusters. */
export interface CitationNetworkData {
  /** The network the clusters and places come from. */
  network: 'citations' | 'coupling';
  /** Papers with a link in that network, in a cluster, and drawn. */
  linked: number;
  clustered: number;
  drawn: number;
  /** The most papers the view draws (the pipeline's `--citation-network`). */
  limit: number;
  modularity: number;
  width: number;
  height: number;
  nodes: {
    id: number[];
    title: string[];
    /** First author and year. */
    name: string[];
    year: (number | null)[];
    x: number[];
    y: number[];
    cluster: number[];
    /** Main topic, -1 when none. */
    topic: number[];
    local: number[];
    global: (number | null)[];
  };
  /** Citations among the drawn papers, as node positions (citing → cited). */
  edges: { source: number[]; target: number[] };
  /** When the clusters come from coupling: the coupling links among the drawn papers that the
   * coupling map keeps (node positions, source < target), with how many references they share. */
  couplingEdges: { source: number[]; target: number[]; shared: number[] };
  clusters: CitationClusterRow[];
  topics: { id: number; label: string }[];
}

/** The citation network view, or null when the build has none (no citations or too few). */
export function readCitationNetwork(db: Database.Database = openBuild()): CitationNetworkData | null {
  const meta = prepareCached(db, "SELECT value FROM meta WHERE key = 'citation_network'").get() as
    { value: string } | undefined;
  if (!meta) return null;
  const facts = JSON.parse(meta.value) as Omit<
    CitationNetworkData,
    'nodes' | 'edges' | 'couplingEdges' | 'clusters' | 'topics'
  >;
  const rows = prepareCached(
    db,
    `SELECT n.paper_id, p.title, p.authors_text, p.year, n.x, n.y, n.cluster_id, COALESCE(t.topic_id, -1),
            (SELECT COUNT(*) FROM citations c WHERE c.cited_id = n.paper_id), p.cited_by
       FROM citation_network n
       JOIN papers p ON p.id = n.paper_id
       LEFT JOIN paper_topics t ON t.paper_id = n.paper_id
      ORDER BY n.cluster_id, n.rank`,
  )
    .raw()
    .all() as [number, string, string, number | null, number, number, number, number, number, number | null][];
  if (rows.length === 0) return null;
  const nodes: CitationNetworkData['nodes'] = {
    id: [],
    title: [],
    name: [],
    year: [],
    x: [],
    y: [],
    cluster: [],
    topic: [],
    local: [],
    global: [],
  };
  const index = new Map<number, number>();
  for (const [id, title, authors, year, x, y, cluster, topic, local, global] of rows) {
    index.set(id, nodes.id.length);
    nodes.id.push(id);
    nodes.title.push(title);
    nodes.name.push(formatShortCitation(authors, year, title));
    nodes.year.push(year);
    nodes.x.push(x);
    nodes.y.push(y);
    nodes.cluster.push(cluster);
    nodes.topic.push(topic);
    nodes.local.push(local);
    nodes.global.push(global);
  }
  const edges: CitationNetworkData['edges'] = { source: [], target: [] };
  for (const [citing, cited] of prepareCached(
    db,
    `SELECT c.citing_id, c.cited_id FROM citations c
       JOIN citation_network a ON a.paper_id = c.citing_id
       JOIN citation_network b ON b.paper_id = c.cited_id
      ORDER BY c.citing_id, c.cited_id`,
  )
    .raw()
    .iterate() as IterableIterator<[number, number]>) {
    edges.source.push(index.get(citing)!);
    edges.target.push(index.get(cited)!);
  }
  const couplingEdges: CitationNetworkData['couplingEdges'] = { source: [], target: [], shared: [] };
  if (facts.network === 'coupling') {
    // The coupling map's items are papers (each item's one paper at rank 0).
    for (const [a, b, shared] of prepareCached(
      db,
      `SELECT pa.paper_id, pb.paper_id, l.papers FROM cooccurrence_links l
         JOIN cooccurrence_papers pa ON pa.map = l.map AND pa.item_id = l.source AND pa.rank = 0
         JOIN cooccurrence_papers pb ON pb.map = l.map AND pb.item_id = l.target AND pb.rank = 0
        WHERE l.map = 'coupling'
        ORDER BY pa.paper_id, pb.paper_id`,
    )
      .raw()
      .iterate() as IterableIterator<[number, number, number]>) {
      const s = index.get(a);
      const t = index.get(b);
      if (s === undefined || t === undefined) continue;
      couplingEdges.source.push(Math.min(s, t));
      couplingEdges.target.push(Math.max(s, t));
      couplingEdges.shared.push(shared);
    }
  }
  const clusters = (
    prepareCached(
      db,
      'SELECT id, label, size, drawn, terms, x, y, radius FROM citation_clusters ORDER BY id',
    ).all() as (Omit<CitationClusterRow, 'terms'> & { terms: string })[]
  ).map((c) => ({ ...c, terms: JSON.parse(c.terms) as string[] }));
  const topics = prepareCached(db, 'SELECT id, label FROM topics ORDER BY id').all() as { id: number; label: string }[];
  return { ...facts, nodes, edges, couplingEdges, clusters, topics };
}

/** A paper of the historiograph. */
export interface HistoriographPaper {
  id: number;
  rank: number;
  year: number;
  lane: number;
  title: string;
  /** First author and year. */
  name: string;
  authors: string;
  local: number;
  global: number | null;
}

export interface HistoriographData {
  papers: HistoriographPaper[];
  /** Citations among them, as positions in `papers` (citing → cited). */
  links: { citing: number; cited: number }[];
  lanes: number;
  /** The most cited papers left out for want of a year. */
  undated: number;
}

/** The historiograph of the build; no papers when the corpus has no citations inside it. */
export function readHistoriograph(db: Database.Database = openBuild()): HistoriographData {
  const rows = prepareCached(
    db,
    `SELECT h.paper_id AS id, h.rank, h.year, h.lane, p.title, p.authors_text AS authors,
            h.local_citations AS local, p.cited_by AS global
       FROM historiograph h JOIN papers p ON p.id = h.paper_id ORDER BY h.rank`,
  ).all() as Omit<HistoriographPaper, 'name'>[];
  const papers = rows.map((r) => ({ ...r, name: formatShortCitation(r.authors, r.year, r.title) }));
  const position = new Map(papers.map((p, i) => [p.id, i]));
  const links = (
    prepareCached(
      db,
      `SELECT c.citing_id AS citing, c.cited_id AS cited FROM citations c
         JOIN historiograph a ON a.paper_id = c.citing_id
         JOIN historiograph b ON b.paper_id = c.cited_id
        ORDER BY a.rank, b.rank`,
    ).all() as { citing: number; cited: number }[]
  ).map((l) => ({ citing: position.get(l.citing)!, cited: position.get(l.cited)! }));
  const meta = prepareCached(db, "SELECT value FROM meta WHERE key = 'historiograph'").get() as
    { value: string } | undefined;
  const facts = meta ? (JSON.parse(meta.value) as { lanes: number; undated: number }) : { lanes: 0, undated: 0 };
  return { papers, links, lanes: facts.lanes, undated: facts.undated };
}

/** Every clustered paper with its cluster, for the CSV of the citation clusters. */
export function readCitationClusterPapers(db: Database.Database = openBuild()): {
  cluster: number;
  label: string;
  id: number;
  title: string;
  year: number | null;
  local: number;
  global: number | null;
}[] {
  return prepareCached(
    db,
    `SELECT m.cluster_id AS cluster, c.label, p.id, p.title, p.year,
            (SELECT COUNT(*) FROM citations x WHERE x.cited_id = p.id) AS local, p.cited_by AS global
       FROM paper_citation_clusters m
       JOIN citation_clusters c ON c.id = m.cluster_id
       JOIN papers p ON p.id = m.paper_id
      ORDER BY m.cluster_id, local DESC, p.id`,
  ).all() as ReturnType<typeof readCitationClusterPapers>;
}
