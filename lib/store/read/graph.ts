/**
 * Read questions for the co-author graph: the precomputed layout ready to draw, an author's ego
 * network, author search, and a summary that says honestly how many papers carry no names.
 */
import type Database from 'better-sqlite3';
import { openBuild } from '../db';
import { formatSourceLabel } from './map';
import { escapeLike, prepareCached } from './statements';

/** Which laid-out authors to draw: the whole network, or one community's detail view. */
export interface GraphViewQuery {
  /** null: the network view (each drawn community's core in its region). */
  community: number | null;
  /** Papers counted for links and activity: years (inclusive), a topic, and joint papers a link needs. */
  from: number | null;
  to: number | null;
  topic: number | null;
  minJoint: number;
}

export const DEFAULT_GRAPH_VIEW: GraphViewQuery = { community: null, from: null, to: null, topic: null, minJoint: 1 };

/** The drawn authors and the links among them, as parallel arrays (edges index into nodes). */
export interface GraphLayout {
  view: 'network' | 'community';
  community: number | null;
  nodes: {
    id: number[];
    name: string[];
    x: number[];
    y: number[];
    papers: number[];
    community: number[];
    sub: number[];
    /** The author's main topic, -1 when none. */
    topic: number[];
    /** Papers of the author that pass the period and topic filter (= papers when none is set). */
    active: number[];
  };
  edges: {
    source: number[];
    target: number[];
    /** Joint papers that pass the filter. */
    papers: number[];
  };
  /** Extent of the coordinates: the network's box, or the unit disc (-1..1) of a community. */
  bounds: { x0: number; y0: number; x1: number; y1: number };
  /** True when a period or topic filter chose the papers the links count. */
  filtered: boolean;
  /** True when the links were cut to the strongest `GRAPH_MAX_EDGES`. */
  truncated: boolean;
}

export const GRAPH_MAX_EDGES = 60_000;

const layoutCache = new WeakMap<Database.Database, Map<string, GraphLayout>>();

/**
 * The authors a view draws, at their stored positions (filters never move anyone), with the links
 * among them. Without a period or topic filter the links are the stored co-author edges; with one,
 * joint papers are counted over the papers that pass it (papers over the graph's author limit
 * count as the pipeline counted them). Links below `minJoint` joint papers are left out.
 */
export function readGraphLayout(query: GraphViewQuery, db: Database.Database = openBuild()): GraphLayout {
  const key = JSON.stringify(query);
  let byKey = layoutCache.get(db);
  const hit = byKey?.get(key);
  if (hit) return hit;
  const inView = query.community === null ? 'l.in_network = 1' : `l.community_id = ${Math.floor(query.community)}`;
  const local = query.community !== null;
  const rows = prepareCached(
    db,
    `SELECT l.author_id, a.name, ${local ? 'l.local_x, l.local_y' : 'l.x, l.y'}, s.papers, l.community_id,
            l.sub_community, COALESCE(json_extract(s.main_topics, '$[0][0]'), -1)
       FROM author_layout l
       JOIN authors a ON a.id = l.author_id
       JOIN author_stats s ON s.author_id = l.author_id
      WHERE ${inView}
      ORDER BY l.community_id, l.rank`,
  )
    .raw()
    .all() as [number, string, number, number, number, number, number, number][];
  const layout: GraphLayout = {
    view: local ? 'community' : 'network',
    community: query.community,
    nodes: { id: [], name: [], x: [], y: [], papers: [], community: [], sub: [], topic: [], active: [] },
    edges: { source: [], target: [], papers: [] },
    bounds: local ? { x0: -1.15, y0: -1.15, x1: 1.15, y1: 1.15 } : readNetworkBounds(db),
    filtered: query.from !== null || query.to !== null || query.topic !== null,
    truncated: false,
  };
  const index = new Map<number, number>();
  for (const [id, name, x, y, papers, community, sub, topic] of rows) {
    index.set(id, layout.nodes.id.length);
    layout.nodes.id.push(id);
    layout.nodes.name.push(name);
    layout.nodes.x.push(x);
    layout.nodes.y.push(y);
    layout.nodes.papers.push(papers);
    layout.nodes.community.push(community);
    layout.nodes.sub.push(sub);
    layout.nodes.topic.push(topic);
    layout.nodes.active.push(layout.filtered ? 0 : papers);
  }
  const ids = JSON.stringify(layout.nodes.id);
  let edgeRows: Iterable<[number, number, number]>;
  if (!layout.filtered) {
    edgeRows = prepareCached(
      db,
      `SELECT e.source, e.target, e.papers
         FROM coauthor_edges e
        WHERE e.source IN (SELECT value FROM json_each(@ids)) AND e.target IN (SELECT value FROM json_each(@ids))
          AND e.papers >= @minJoint
        ORDER BY e.weight DESC, e.source, e.target`,
    )
      .raw()
      .iterate({ ids, minJoint: query.minJoint }) as IterableIterator<[number, number, number]>;
  } else {
    const filter = {
      ids,
      from: query.from ?? -1e9,
      to: query.to ?? 1e9,
      topic: query.topic,
      minJoint: query.minJoint,
      ...readAuthorLimit(db),
    };
    const passing = `SELECT DISTINCT pa.paper_id AS id
                       FROM paper_authors pa JOIN papers p ON p.id = pa.paper_id
                      WHERE pa.author_id IN (SELECT value FROM json_each(@ids))
                        AND COALESCE(p.year, -1e9) BETWEEN @from AND @to
                        AND (@topic IS NULL OR EXISTS (SELECT 1 FROM paper_topics t WHERE t.paper_id = p.id AND t.topic_id = @topic))`;
    for (const [id, count] of prepareCached(
      db,
      `SELECT pa.author_id, COUNT(*) FROM paper_authors pa
        WHERE pa.paper_id IN (${passing}) AND pa.author_id IN (SELECT value FROM json_each(@ids))
        GROUP BY pa.author_id`,
    )
      .raw()
      .iterate({ ids, from: filter.from, to: filter.to, topic: filter.topic }) as IterableIterator<[number, number]>) {
      const i = index.get(id);
      if (i !== undefined) layout.nodes.active[i] = count;
    }
    edgeRows = prepareCached(
      db,
      `WITH kept AS (
         SELECT paper_id FROM paper_authors WHERE paper_id IN (${passing})
          GROUP BY paper_id HAVING @firstAuthors = 1 OR COUNT(*) <= @maxAuthors)
       SELECT a.author_id AS s, b.author_id AS t, COUNT(*) AS joint
         FROM kept k
         JOIN paper_authors a ON a.paper_id = k.paper_id
         JOIN paper_authors b ON b.paper_id = k.paper_id AND b.author_id > a.author_id
        WHERE a.author_id IN (SELECT value FROM json_each(@ids)) AND b.author_id IN (SELECT value FROM json_each(@ids))
          AND a.position < @maxAuthors AND b.position < @maxAuthors
        GROUP BY a.author_id, b.author_id
       HAVING joint >= @minJoint
        ORDER BY joint DESC, s, t`,
    )
      .raw()
      .iterate(filter) as IterableIterator<[number, number, number]>;
  }
  for (const [source, target, papers] of edgeRows) {
    const s = index.get(source);
    const t = index.get(target);
    if (s === undefined || t === undefined) continue;
    if (layout.edges.source.length >= GRAPH_MAX_EDGES) {
      layout.truncated = true;
      break;
    }
    layout.edges.source.push(s);
    layout.edges.target.push(t);
    layout.edges.papers.push(papers);
  }
  if (!byKey) {
    byKey = new Map();
    layoutCache.set(db, byKey);
  }
  if (byKey.size > 64) byKey.clear();
  byKey.set(key, layout);
  return layout;
}

/** The network view's box, from the build's record. */
function readNetworkBounds(db: Database.Database): GraphLayout['bounds'] {
  const rows = prepareCached(
    db,
    "SELECT key, value FROM meta WHERE key IN ('graph_layout_width', 'graph_layout_height')",
  ).all() as { key: string; value: string }[];
  const get = (k: string) => Number(rows.find((r) => r.key === k)?.value ?? 0) || 0;
  return { x0: 0, y0: 0, x1: get('graph_layout_width'), y1: get('graph_layout_height') };
}

/** How the pipeline treated papers with many authors (graph_options in meta). */
function readAuthorLimit(db: Database.Database): { maxAuthors: number; firstAuthors: number } {
  const row = prepareCached(db, "SELECT value FROM meta WHERE key = 'graph_options'").get() as
    { value: string } | undefined;
  const options = row ? (JSON.parse(row.value) as { maxAuthorsPerPaper?: number; largePaperRule?: string }) : {};
  return {
    maxAuthors: options.maxAuthorsPerPaper ?? 25,
    firstAuthors: options.largePaperRule === 'first-authors' ? 1 : 0,
  };
}

/** A drawn community on the map of communities. */
export interface MapCommunity {
  id: number;
  size: number;
  papers: number;
  topic: number | null;
  topicLabel: string | null;
  topicShare: number;
  topAuthors: { id: number; name: string }[];
  /** Centre and radius of its region (network units). */
  x: number;
  y: number;
  radius: number;
  detail: number;
  subCommunities: number;
}

/** The map of communities: drawn communities, the links among them, and what is not drawn. */
export interface CommunityMapData {
  communities: MapCommunity[];
  links: { source: number; target: number; papers: number; weight: number; strength: number }[];
  /** Communities too small to draw, and their authors. */
  small: { communities: number; authors: number };
  width: number;
  height: number;
}

/** The drawn communities with their names, the links among them, and a count of the rest. */
export function readCommunityMap(db: Database.Database = openBuild()): CommunityMapData {
  const rows = prepareCached(
    db,
    `SELECT c.id, c.size, c.papers, c.topic_id AS topic, t.label AS topicLabel, c.topic_share AS topicShare,
            c.top_authors AS topAuthors, c.x, c.y, c.radius, c.detail, c.sub_communities AS subCommunities
       FROM communities c LEFT JOIN topics t ON t.id = c.topic_id
      WHERE c.mapped = 1 ORDER BY c.id`,
  ).all() as (Omit<MapCommunity, 'topAuthors'> & { topAuthors: string })[];
  const names = prepareCached(db, 'SELECT name FROM authors WHERE id = ?').pluck();
  const communities = rows.map((r) => ({
    ...r,
    topAuthors: (JSON.parse(r.topAuthors) as number[]).map((id) => ({ id, name: String(names.get(id) ?? '') })),
  }));
  const links = prepareCached(
    db,
    'SELECT source, target, papers, weight, strength FROM community_links ORDER BY source, target',
  ).all() as CommunityMapData['links'];
  const small = prepareCached(
    db,
    'SELECT COUNT(*) AS communities, COALESCE(SUM(size), 0) AS authors FROM communities WHERE mapped = 0',
  ).get() as { communities: number; authors: number };
  const bounds = readNetworkBounds(db);
  return { communities, links, small, width: bounds.x1, height: bounds.y1 };
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
  /** Years of the papers with named authors, for the period filter. */
  years: { min: number; max: number } | null;
  /** Topics by size, for the topic filter. */
  topics: { id: number; label: string }[];
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

/**
 * The one author search of the app (every autocomplete asks it): names that start with the query
 * first, then names with a word starting with it, then any that contain it; most prolific first
 * within each; at most `limit` (1-50).
 */
export function searchAuthors(query: string, limit = 10, db: Database.Database = openBuild()): GraphAuthor[] {
  const q = query.trim().replace(/\s+/g, ' ');
  if (!q) return [];
  const bounded = Math.min(50, Math.max(1, Math.floor(limit)));
  const escaped = escapeLike(q);
  const rows = prepareCached(
    db,
    `SELECT a.id AS id, a.name AS name,
            COALESCE(s.papers, (SELECT COUNT(*) FROM paper_authors pa WHERE pa.author_id = a.id)) AS papers,
            COALESCE(s.coauthors, 0) AS coauthors, s.community_id AS community, COALESCE(s.component_id, -1) AS component,
            EXISTS (SELECT 1 FROM author_layout l WHERE l.author_id = a.id) AS laidOut,
            CASE WHEN a.name LIKE @prefix ESCAPE '\\' THEN 0
                 WHEN a.name LIKE @word ESCAPE '\\' THEN 1 ELSE 2 END AS matchRank
       FROM authors a LEFT JOIN author_stats s ON s.author_id = a.id
       WHERE a.name LIKE @contains ESCAPE '\\'
       ORDER BY matchRank, papers DESC, a.name
       LIMIT @limit`,
  ).all({ prefix: `${escaped}%`, word: `% ${escaped}%`, contains: `%${escaped}%`, limit: bounded }) as (AuthorRowRaw & {
    matchRank: number;
  })[];
  return rows.map(({ matchRank: _rank, ...row }) => toAuthor(row));
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
  // The strongest ties are picked from the edges alone, then joined to their authors: a prolific
  // author has thousands of edges.
  const rows = prepareCached(
    db,
    `SELECT ${AUTHOR_COLUMNS}, e.papers AS joint
       FROM (SELECT other, papers, weight
             FROM (SELECT target AS other, papers, weight FROM coauthor_edges WHERE source = @id
                   UNION ALL
                   SELECT source AS other, papers, weight FROM coauthor_edges WHERE target = @id)
             ORDER BY papers DESC, weight DESC, other
             LIMIT @limit) e
       JOIN authors a ON a.id = e.other
       JOIN author_stats s ON s.author_id = a.id
       ORDER BY e.papers DESC, e.weight DESC, a.id`,
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
  const span = prepareCached(
    db,
    'SELECT MIN(p.year) AS lo, MAX(p.year) AS hi FROM papers p WHERE EXISTS (SELECT 1 FROM paper_authors pa WHERE pa.paper_id = p.id)',
  ).get() as { lo: number | null; hi: number | null };
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
    years: span.lo !== null && span.hi !== null ? { min: span.lo, max: span.hi } : null,
    topics: prepareCached(db, 'SELECT id, label FROM topics ORDER BY size DESC, id').all() as {
      id: number;
      label: string;
    }[],
  };
}

/** The co-occurrence maps a build has: `terms`, and `keywords`, `institutions`, `countries` when
 * the corpus carries them. */
export type CooccurrenceMapKind = 'terms' | 'keywords' | 'institutions' | 'countries' | 'cocitation' | 'coupling';

export const COOCCURRENCE_KINDS: readonly CooccurrenceMapKind[] = [
  'terms',
  'keywords',
  'institutions',
  'countries',
  'cocitation',
  'coupling',
];

export interface CooccurrenceMapData {
  kind: CooccurrenceMapKind;
  items: { id: number; label: string; papers: number; cluster: number; x: number; y: number }[];
  links: { source: number; target: number; papers: number; strength: number }[];
  clusters: number;
  width: number;
  height: number;
}

/** The kinds of co-occurrence map stored in the build, in the order the page offers them. */
export function readCooccurrenceKinds(db: Database.Database = openBuild()): CooccurrenceMapKind[] {
  const have = new Set(
    (prepareCached(db, 'SELECT DISTINCT map FROM cooccurrence_items').all() as { map: string }[]).map((r) => r.map),
  );
  return COOCCURRENCE_KINDS.filter((k) => have.has(k));
}

/** One co-occurrence map, or null when the build has none of that kind. */
export function readCooccurrenceMap(
  kind: CooccurrenceMapKind,
  db: Database.Database = openBuild(),
): CooccurrenceMapData | null {
  const items = prepareCached(
    db,
    'SELECT id, label, papers, cluster, x, y FROM cooccurrence_items WHERE map = ? ORDER BY id',
  ).all(kind) as CooccurrenceMapData['items'];
  if (items.length === 0) return null;
  const links = prepareCached(
    db,
    'SELECT source, target, papers, strength FROM cooccurrence_links WHERE map = ? ORDER BY source, target',
  ).all(kind) as CooccurrenceMapData['links'];
  let width = 0;
  let height = 0;
  let clusters = 0;
  for (const item of items) {
    width = Math.max(width, item.x + 20);
    height = Math.max(height, item.y + 20);
    clusters = Math.max(clusters, item.cluster + 1);
  }
  return { kind, items, links, clusters, width, height };
}

/** The papers of a co-occurrence map's item (most cited first), with the item; null when unknown. */
export function readCooccurrencePapers(
  kind: CooccurrenceMapKind,
  item: number,
  limit = 20,
  db: Database.Database = openBuild(),
): {
  item: { id: number; label: string; papers: number };
  papers: { id: number; title: string; year: number | null; authors: string; citedBy: number | null }[];
} | null {
  const found = prepareCached(db, 'SELECT id, label, papers FROM cooccurrence_items WHERE map = ? AND id = ?').get(
    kind,
    item,
  ) as { id: number; label: string; papers: number } | undefined;
  if (!found) return null;
  const papers = prepareCached(
    db,
    `SELECT p.id, p.title, p.year, p.authors_text AS authors, p.cited_by AS citedBy
       FROM cooccurrence_papers c JOIN papers p ON p.id = c.paper_id
      WHERE c.map = ? AND c.item_id = ? ORDER BY c.rank LIMIT ?`,
  ).all(kind, item, Math.min(200, Math.max(1, Math.floor(limit)))) as {
    id: number;
    title: string;
    year: number | null;
    authors: string;
    citedBy: number | null;
  }[];
  return { item: found, papers };
}
