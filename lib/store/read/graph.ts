/**
 * Read questions for the co-author graph: the precomputed layout ready to draw, an author's ego
 * network, author search, and a summary that says honestly how many papers carry no names.
 */
import type Database from 'better-sqlite3';
import { openBuild } from '../db';
import { formatSourceLabel } from './map';
import { escapeLike, prepareCached } from './statements';

/** The laid-out authors and the edges among them, as parallel arrays (edges index into nodes). */
export interface GraphLayout {
  nodes: {
    id: number[];
    name: string[];
    x: number[];
    y: number[];
    papers: number[];
    community: number[];
  };
  edges: {
    source: number[];
    target: number[];
    papers: number[];
    weight: number[];
  };
  /** Authors with a layout in the build, before any bound. */
  laidOut: number;
  /** True when nodes or edges were cut to the bounds. */
  truncated: boolean;
}

export interface GraphAuthor {
  id: number;
  name: string;
  papers: number;
  coauthors: number;
  community: number | null;
  component: number;
  laidOut: boolean;
}

export interface EgoNetwork {
  author: GraphAuthor;
  coauthors: (GraphAuthor & { joint: number })[];
  /** Links among the ego set (the author included), source < target. */
  edges: { source: number; target: number; papers: number }[];
  /** True when the author has more co-authors than were returned. */
  truncated: boolean;
}

export interface SourceNames {
  file: string;
  /** Venue or layout of the file, for display. */
  label: string;
  papers: number;
  /** Papers of this file with at least one named author. */
  named: number;
}

export interface GraphSummary {
  papers: number;
  authors: number;
  edges: number;
  /** Papers with at least one named author. */
  papersWithNames: number;
  /** Papers that list no names (some sources give only an author count). */
  papersWithoutNames: number;
  bySource: SourceNames[];
  componentCount: number;
  components: { id: number; size: number; laidOut: boolean }[];
  communityCount: number;
  communities: { id: number; size: number; topAuthors: string[] }[];
  modularity: number | null;
  laidOut: number;
}

export const GRAPH_MAX_NODES = 30_000;
export const GRAPH_MAX_EDGES = 120_000;

const layoutCache = new WeakMap<Database.Database, Map<string, GraphLayout>>();

/**
 * The laid-out authors (largest first by papers, at most `maxNodes`) with at least `minPapers`
 * papers, and the strongest edges among them (at most `maxEdges`).
 */
export function readGraphLayout(
  opts: { minPapers?: number; maxNodes?: number; maxEdges?: number } = {},
  db: Database.Database = openBuild(),
): GraphLayout {
  const minPapers = Math.max(1, Math.floor(opts.minPapers ?? 1));
  const maxNodes = Math.min(GRAPH_MAX_NODES, Math.max(1, Math.floor(opts.maxNodes ?? GRAPH_MAX_NODES)));
  const maxEdges = Math.min(GRAPH_MAX_EDGES, Math.max(0, Math.floor(opts.maxEdges ?? GRAPH_MAX_EDGES)));
  const key = `${minPapers}:${maxNodes}:${maxEdges}`;
  let byKey = layoutCache.get(db);
  const hit = byKey?.get(key);
  if (hit) return hit;

  const laidOut = (prepareCached(db, 'SELECT COUNT(*) AS n FROM author_layout').get() as { n: number }).n;
  const rows = prepareCached(
    db,
    `SELECT l.author_id, a.name, l.x, l.y, s.papers, s.community_id
       FROM author_layout l
       JOIN authors a ON a.id = l.author_id
       JOIN author_stats s ON s.author_id = l.author_id
       WHERE s.papers >= ?
       ORDER BY s.papers DESC, l.author_id
       LIMIT ?`,
  )
    .raw()
    .all(minPapers, maxNodes + 1) as [number, string, number, number, number, number | null][];
  let truncated = rows.length > maxNodes;
  if (truncated) rows.length = maxNodes;
  const layout: GraphLayout = {
    nodes: { id: [], name: [], x: [], y: [], papers: [], community: [] },
    edges: { source: [], target: [], papers: [], weight: [] },
    laidOut,
    truncated,
  };
  const index = new Map<number, number>();
  for (const [id, name, x, y, papers, community] of rows) {
    index.set(id, layout.nodes.id.length);
    layout.nodes.id.push(id);
    layout.nodes.name.push(name);
    layout.nodes.x.push(x);
    layout.nodes.y.push(y);
    layout.nodes.papers.push(papers);
    layout.nodes.community.push(community ?? -1);
  }
  const edgeRows = prepareCached(
    db,
    `SELECT e.source, e.target, e.papers, e.weight
       FROM coauthor_edges e
       JOIN author_layout ls ON ls.author_id = e.source
       JOIN author_layout lt ON lt.author_id = e.target
       ORDER BY e.weight DESC, e.source, e.target`,
  )
    .raw()
    .iterate() as IterableIterator<[number, number, number, number]>;
  for (const [source, target, papers, weight] of edgeRows) {
    const s = index.get(source);
    const t = index.get(target);
    if (s === undefined || t === undefined) continue;
    if (layout.edges.source.length >= maxEdges) {
      truncated = true;
      break;
    }
    layout.edges.source.push(s);
    layout.edges.target.push(t);
    layout.edges.papers.push(papers);
    layout.edges.weight.push(weight);
  }
  layout.truncated = truncated;
  if (!byKey) {
    byKey = new Map();
    layoutCache.set(db, byKey);
  }
  byKey.set(key, layout);
  return layout;
}

const AUTHOR_COLUMNS = `a.id AS id, a.name AS name, s.papers AS papers, s.coauthors AS coauthors,
  s.community_id AS community, s.component_id AS component,
  EXISTS (SELECT 1 FROM author_layout l WHERE l.author_id = a.id) AS laidOut`;

interface AuthorRowRaw extends Omit<GraphAuthor, 'laidOut'> {
  laidOut: number;
}

function toAuthor(row: AuthorRowRaw): GraphAuthor {
  return { ...row, laidOut: row.laidOut === 1 };
}

/** Authors whose name starts with (first) or contains `query`, most prolific first. */
export function searchAuthors(query: string, limit = 10, db: Database.Database = openBuild()): GraphAuthor[] {
  const q = query.trim();
  if (!q) return [];
  const bounded = Math.min(50, Math.max(1, Math.floor(limit)));
  const rows = prepareCached(
    db,
    `SELECT ${AUTHOR_COLUMNS},
              CASE WHEN a.name LIKE ? ESCAPE '\\' THEN 0 ELSE 1 END AS rankPrefix
       FROM authors a JOIN author_stats s ON s.author_id = a.id
       WHERE a.name LIKE ? ESCAPE '\\'
       ORDER BY rankPrefix, s.papers DESC, a.name
       LIMIT ?`,
  ).all(`${escapeLike(q)}%`, `%${escapeLike(q)}%`, bounded) as (AuthorRowRaw & { rankPrefix: number })[];
  return rows.map(({ rankPrefix: _rank, ...row }) => toAuthor(row));
}

/** One author with their stats, or null. */
export function readGraphAuthor(id: number, db: Database.Database = openBuild()): GraphAuthor | null {
  const row = prepareCached(
    db,
    `SELECT ${AUTHOR_COLUMNS} FROM authors a JOIN author_stats s ON s.author_id = a.id WHERE a.id = ?`,
  ).get(id) as AuthorRowRaw | undefined;
  return row ? toAuthor(row) : null;
}

/**
 * An author, their co-authors (strongest ties first, at most `limit`) and the links among all of
 * them; null when the author is unknown.
 */
export function readEgoNetwork(authorId: number, limit = 150, db: Database.Database = openBuild()): EgoNetwork | null {
  const author = readGraphAuthor(authorId, db);
  if (!author) return null;
  const bounded = Math.min(500, Math.max(1, Math.floor(limit)));
  const rows = prepareCached(
    db,
    `SELECT ${AUTHOR_COLUMNS}, e.papers AS joint
       FROM (SELECT target AS other, papers, weight FROM coauthor_edges WHERE source = @id
             UNION ALL
             SELECT source AS other, papers, weight FROM coauthor_edges WHERE target = @id) e
       JOIN authors a ON a.id = e.other
       JOIN author_stats s ON s.author_id = a.id
       ORDER BY e.papers DESC, e.weight DESC, a.id
       LIMIT @limit`,
  ).all({ id: authorId, limit: bounded + 1 }) as (AuthorRowRaw & { joint: number })[];
  const truncated = rows.length > bounded;
  if (truncated) rows.length = bounded;
  const coauthors = rows.map((r) => ({ ...toAuthor(r), joint: r.joint }));
  const ids = [authorId, ...coauthors.map((c) => c.id)];
  const edges = prepareCached(
    db,
    `SELECT e.source AS source, e.target AS target, e.papers AS papers
       FROM coauthor_edges e
       WHERE e.source IN (SELECT value FROM json_each(@ids)) AND e.target IN (SELECT value FROM json_each(@ids))
       ORDER BY e.source, e.target`,
  ).all({ ids: JSON.stringify(ids) }) as { source: number; target: number; papers: number }[];
  return { author, coauthors, edges, truncated };
}

/** Counts for the graph page, including how many papers list no author names at all. */
export function readGraphSummary(db: Database.Database = openBuild()): GraphSummary {
  const counts = prepareCached(
    db,
    `SELECT (SELECT COUNT(*) FROM papers) AS papers,
              (SELECT COUNT(*) FROM author_stats) AS authors,
              (SELECT COUNT(*) FROM coauthor_edges) AS edges,
              (SELECT COUNT(DISTINCT paper_id) FROM paper_authors) AS named,
              (SELECT COUNT(*) FROM components) AS componentCount,
              (SELECT COUNT(*) FROM communities) AS communityCount,
              (SELECT COUNT(*) FROM author_layout) AS laidOut,
              (SELECT value FROM meta WHERE key IN ('graph_modularity', 'modularity') ORDER BY key LIMIT 1) AS modularity`,
  ).get() as {
    papers: number;
    authors: number;
    edges: number;
    named: number;
    componentCount: number;
    communityCount: number;
    laidOut: number;
    modularity: string | null;
  };
  const bySource = (
    prepareCached(
      db,
      `SELECT ps.file AS file, sf.venue AS venue, sf.year AS year, sf.layout AS layout,
              COUNT(DISTINCT ps.paper_id) AS papers,
              COUNT(DISTINCT CASE WHEN EXISTS (SELECT 1 FROM paper_authors pa WHERE pa.paper_id = ps.paper_id)
                                  THEN ps.paper_id END) AS named
       FROM paper_sources ps LEFT JOIN source_files sf ON sf.file = ps.file
       GROUP BY ps.file ORDER BY ps.file`,
    ).all() as {
      file: string;
      venue: string | null;
      year: number | null;
      layout: string | null;
      papers: number;
      named: number;
    }[]
  ).map((r) => ({
    file: r.file,
    label: formatSourceLabel(r.file, r.venue, r.year, r.layout),
    papers: r.papers,
    named: r.named,
  }));
  const components = (
    prepareCached(db, 'SELECT id, size, laid_out FROM components ORDER BY size DESC, id LIMIT 10').all() as {
      id: number;
      size: number;
      laid_out: number;
    }[]
  ).map((c) => ({ id: c.id, size: c.size, laidOut: c.laid_out === 1 }));
  const topAuthors = prepareCached(
    db,
    `SELECT a.name FROM author_stats s JOIN authors a ON a.id = s.author_id
     WHERE s.community_id = ? ORDER BY s.papers DESC, s.degree DESC, a.id LIMIT 3`,
  );
  const communities = (
    prepareCached(db, 'SELECT id, size FROM communities ORDER BY size DESC, id LIMIT 12').all() as {
      id: number;
      size: number;
    }[]
  ).map((c) => ({ ...c, topAuthors: (topAuthors.all(c.id) as { name: string }[]).map((r) => r.name) }));
  const modularity = counts.modularity != null && counts.modularity !== '' ? Number(counts.modularity) : null;
  return {
    papers: counts.papers,
    authors: counts.authors,
    edges: counts.edges,
    papersWithNames: counts.named,
    papersWithoutNames: counts.papers - counts.named,
    bySource,
    componentCount: counts.componentCount,
    components,
    communityCount: counts.communityCount,
    communities,
    modularity: modularity != null && Number.isFinite(modularity) ? modularity : null,
    laidOut: counts.laidOut,
  };
}
