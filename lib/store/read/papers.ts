/**
 * Read questions about papers: the paper page, the short summary a hover card shows, lists of
 * papers in the shape every page uses, and a sample of the map to place one paper on.
 */
import type Database from 'better-sqlite3';
import { openBuild } from '../db';
import { formatReference, type ReferenceDisplay } from '../../viz/reference';
import { cachedPerBuild, selectAll, selectOne } from './statements';

/** A paper as a line in a list (search hits, representatives, an author's papers). */
export interface PaperListItem {
  id: number;
  title: string;
  titleDerived: boolean;
  year: number | null;
  date: string | null;
  venue: string | null;
  /** 'A, B, C' as listed; empty when the source gave no names. */
  authorsText: string;
  authorCount: number | null;
  topicId: number | null;
  topicLabel: string | null;
}

/** Everything the paper page shows. */
export interface PaperDetail extends PaperListItem {
  abstract: string;
  tldr: string | null;
  label: string | null;
  externalId: string | null;
  /** Named authors in order; empty when the source only counted them (see authorCount). */
  authors: { id: number; name: string; position: number }[];
  sources: { file: string; record: number; venue: string | null; layout: string | null }[];
  topic: { id: number; label: string; confidence: number; distance: number } | null;
  /**
   * Its nearest topics with fuzzy membership weights (shares of its membership over all topics, so
   * the few listed may sum to less than 1), nearest first; empty when it has no topic.
   */
  memberships: PaperMembership[];
  /** The part of its topic it falls in; null when the topic is not split. */
  subtopic: { id: number; label: string } | null;
  /**
   * How far it sits from its topic's typical paper: a robust z-score of its distance, and whether
   * that is above the build's threshold. Null when it has no topic.
   */
  outlier: { score: number; isOutlier: boolean; threshold: number | null } | null;
  /** Position on the topic map, or null when the paper was not mapped. */
  position: { x: number; y: number } | null;
  similar: (PaperListItem & { similarity: number })[];
  doi: string | null;
  /** Other identifiers (WoS, Scopus, PMID, OpenAlex, …), as stored. */
  ids: { scheme: string; value: string }[];
  /** Times cited as the source counts it, and which format reported it. */
  citedBy: { count: number; source: string | null } | null;
  docType: string | null;
  keywords: { keyword: string; kind: string }[];
  /** Affiliations in order of first author, each with the 0-based author positions it belongs to. */
  affiliations: { id: number; name: string; country: string | null; positions: number[] }[];
  /** The first `REFERENCES_SHOWN` references, the cited corpus paper where one resolved. */
  references: {
    position: number;
    raw: string;
    doi: string | null;
    cited: PaperListItem | null;
    /** How the list shows a reference outside the corpus (its title or a line naming it, and a link out). */
    display: ReferenceDisplay;
  }[];
  referenceCount: number;
  resolvedReferenceCount: number;
  /** Papers of the corpus citing this one (at most `CITING_SHOWN`, most cited first), and how many in all. */
  citedByCorpus: PaperListItem[];
  citedByCorpusCount: number;
  /** Papers of the corpus this one cites (at most `CITING_SHOWN`, most cited first), and how many in all. */
  citesCorpus: PaperListItem[];
  citesCorpusCount: number;
  /** For the papers of both lists: their citations from the corpus, and the count their source reported. */
  citationCounts: Record<number, { local: number; global: number | null }>;
  /** Its citation cluster, and whether the citation network view draws it; null when it is in none. */
  citationCluster: { id: number; label: string; drawn: boolean } | null;
  /** For a paper merged from several records: which record gave each field. */
  fieldSources: { field: string; file: string; record: number }[];
  /** Other versions the sources name (a preprint, the published article), with the corpus paper when it is one. */
  versions: { kind: string; doi: string; paper: PaperListItem | null }[];
}

/** One of a paper's nearest topics with its soft membership weight. */
export interface PaperMembership {
  /** 0 = nearest. */
  rank: number;
  topicId: number;
  label: string;
  /** Share of the paper's membership over all topics, 0..1. */
  weight: number;
}

/** References listed on the paper page; the rest are counted. */
export const REFERENCES_SHOWN = 200;
/** Citing papers listed on the paper page. */
export const CITING_SHOWN = 50;

/** What a hover card shows about a paper. */
export interface PaperSummary {
  id: number;
  title: string;
  titleDerived: boolean;
  year: number | null;
  venue: string | null;
  /** At most the first five names. */
  authors: string[];
  authorCount: number | null;
  topic: { id: number; label: string } | null;
}

/** A thinned-out copy of the map for small static views, plus its full extent. */
export interface PaperMapSample {
  points: { x: number; y: number; topicId: number }[];
  extent: { minX: number; maxX: number; minY: number; maxY: number };
  /** Papers on the map in total (the sample holds at most the limit asked for). */
  total: number;
}

interface PaperListRow {
  id: number;
  title: string;
  title_derived: number;
  year: number | null;
  date: string | null;
  venue: string | null;
  authors_text: string;
  author_count: number | null;
  topic_id: number | null;
  topic_label: string | null;
}

/** Columns of PaperListRow, for queries joining `papers p` with its topic (`pt`, `t`). */
export const PAPER_LIST_COLUMNS = `p.id AS id, p.title AS title, p.title_derived AS title_derived, p.year AS year,
  p.date AS date, p.venue AS venue, p.authors_text AS authors_text, p.author_count AS author_count,
  pt.topic_id AS topic_id, t.label AS topic_label`;

/** The joins PAPER_LIST_COLUMNS needs. */
export const PAPER_TOPIC_JOINS = `LEFT JOIN paper_topics pt ON pt.paper_id = p.id
  LEFT JOIN topics t ON t.id = pt.topic_id`;

/** Turns a row selected with PAPER_LIST_COLUMNS into a PaperListItem. */
export function toPaperListItem(row: PaperListRow): PaperListItem {
  return {
    id: row.id,
    title: row.title,
    titleDerived: row.title_derived === 1,
    year: row.year,
    date: row.date,
    venue: row.venue,
    authorsText: row.authors_text,
    authorCount: row.author_count,
    topicId: row.topic_id,
    topicLabel: row.topic_label,
  };
}

/** Papers by id, in the order asked; unknown ids are skipped. */
export function readPaperListItems(ids: readonly number[], db: Database.Database = openBuild()): PaperListItem[] {
  if (ids.length === 0) return [];
  // json_each keeps one cached statement for any number of ids.
  const rows = selectAll<PaperListRow>(
    db,
    `SELECT ${PAPER_LIST_COLUMNS} FROM papers p ${PAPER_TOPIC_JOINS}
     WHERE p.id IN (SELECT value FROM json_each(?))`,
    JSON.stringify(ids),
  );
  const byId = new Map(rows.map((r) => [r.id, toPaperListItem(r)]));
  return ids.flatMap((id) => {
    const item = byId.get(id);
    return item ? [item] : [];
  });
}

/** The paper page: the paper, its authors, sources, topic, map position and similar papers. */
export function readPaper(id: number, db: Database.Database = openBuild()): PaperDetail | null {
  const row = selectOne<
    PaperListRow & {
      abstract: string;
      tldr: string | null;
      label: string | null;
      external_id: string | null;
      confidence: number | null;
      distance: number | null;
      x: number | null;
      y: number | null;
      outlier: number | null;
      is_outlier: number | null;
      subtopic_id: number | null;
      subtopic_label: string | null;
    }
  >(
    db,
    `SELECT ${PAPER_LIST_COLUMNS}, p.abstract AS abstract, p.tldr AS tldr, p.label AS label,
            p.external_id AS external_id, pt.confidence AS confidence, pt.distance AS distance, pt.x AS x, pt.y AS y,
            pt.outlier AS outlier, pt.is_outlier AS is_outlier, pt.subtopic_id AS subtopic_id, s.label AS subtopic_label
     FROM papers p ${PAPER_TOPIC_JOINS}
     LEFT JOIN subtopics s ON s.topic_id = pt.topic_id AND s.id = pt.subtopic_id
     WHERE p.id = ?`,
    id,
  );
  if (!row) return null;
  const authors = selectAll<{ id: number; name: string; position: number }>(
    db,
    `SELECT a.id AS id, a.name AS name, pa.position AS position
     FROM paper_authors pa JOIN authors a ON a.id = pa.author_id
     WHERE pa.paper_id = ? ORDER BY pa.position`,
    id,
  );
  const sources = selectAll<{ file: string; record: number; venue: string | null; layout: string | null }>(
    db,
    `SELECT ps.file AS file, ps.record AS record, sf.venue AS venue, sf.layout AS layout
     FROM paper_sources ps LEFT JOIN source_files sf ON sf.file = ps.file
     WHERE ps.paper_id = ? ORDER BY ps.file, ps.record`,
    id,
  );
  const similarRows = selectAll<{ similar_id: number; similarity: number }>(
    db,
    'SELECT similar_id, similarity FROM similar_papers WHERE paper_id = ? ORDER BY rank',
    id,
  );
  const similarity = new Map(similarRows.map((r) => [r.similar_id, r.similarity]));
  const similar = readPaperListItems(
    similarRows.map((r) => r.similar_id),
    db,
  ).map((p) => ({ ...p, similarity: similarity.get(p.id) ?? 0 }));
  const bib = readPaperBibliography(id, db);
  const memberships = selectAll<PaperMembership>(
    db,
    `SELECT m.rank AS rank, m.topic_id AS topicId, COALESCE(t.label, 'Topic ' || m.topic_id) AS label, m.weight AS weight
     FROM paper_memberships m LEFT JOIN topics t ON t.id = m.topic_id
     WHERE m.paper_id = ? ORDER BY m.rank`,
    id,
  );
  const threshold =
    row.topic_id != null
      ? (selectOne<{ value: number | null }>(db, "SELECT value FROM quality WHERE metric = 'outlier_threshold'")
          ?.value ?? null)
      : null;
  return {
    ...bib,
    ...toPaperListItem(row),
    abstract: row.abstract,
    tldr: row.tldr,
    label: row.label,
    externalId: row.external_id,
    authors,
    sources,
    topic:
      row.topic_id != null
        ? {
            id: row.topic_id,
            label: row.topic_label ?? `Topic ${row.topic_id}`,
            confidence: row.confidence ?? 0,
            distance: row.distance ?? 0,
          }
        : null,
    position: row.x != null && row.y != null ? { x: row.x, y: row.y } : null,
    similar,
    memberships,
    subtopic:
      row.subtopic_id != null
        ? { id: row.subtopic_id, label: row.subtopic_label ?? `Part ${row.subtopic_id + 1}` }
        : null,
    outlier: row.topic_id != null ? { score: row.outlier ?? 0, isOutlier: row.is_outlier === 1, threshold } : null,
  };
}

/** A paper's identifiers, keywords, affiliations, references, citing papers and field provenance. */
function readPaperBibliography(
  id: number,
  db: Database.Database,
): Pick<
  PaperDetail,
  | 'doi'
  | 'ids'
  | 'citedBy'
  | 'docType'
  | 'keywords'
  | 'affiliations'
  | 'references'
  | 'referenceCount'
  | 'resolvedReferenceCount'
  | 'citedByCorpus'
  | 'citedByCorpusCount'
  | 'citesCorpus'
  | 'citesCorpusCount'
  | 'citationCounts'
  | 'citationCluster'
  | 'fieldSources'
  | 'versions'
> {
  const row = selectOne<{
    doi: string | null;
    cited_by: number | null;
    cited_by_source: string | null;
    doc_type: string | null;
  }>(db, 'SELECT doi, cited_by, cited_by_source, doc_type FROM papers WHERE id = ?', id);
  const ids = selectAll<{ scheme: string; value: string }>(
    db,
    'SELECT scheme, value FROM paper_ids WHERE paper_id = ? ORDER BY rowid',
    id,
  );
  const keywords = selectAll<{ keyword: string; kind: string }>(
    db,
    'SELECT keyword, kind FROM paper_keywords WHERE paper_id = ? ORDER BY rowid',
    id,
  );
  const links = selectAll<{ affiliation_id: number; position: number | null; name: string; country: string | null }>(
    db,
    `SELECT aa.affiliation_id AS affiliation_id, aa.position AS position, a.name AS name, a.country AS country
     FROM author_affiliations aa JOIN affiliations a ON a.id = aa.affiliation_id
     WHERE aa.paper_id = ? ORDER BY aa.rowid`,
    id,
  );
  const byAffiliation = new Map<number, PaperDetail['affiliations'][number]>();
  for (const l of links) {
    let a = byAffiliation.get(l.affiliation_id);
    if (a === undefined)
      byAffiliation.set(
        l.affiliation_id,
        (a = { id: l.affiliation_id, name: l.name, country: l.country, positions: [] }),
      );
    if (l.position !== null && !a.positions.includes(l.position)) a.positions.push(l.position);
  }
  // Numbered as a paper's title page numbers them: by the first author who gives each.
  const affiliations = [...byAffiliation.values()].sort(
    (x, y) => firstPosition(x.positions) - firstPosition(y.positions),
  );
  const counts = selectOne<{ total: number; resolved: number }>(
    db,
    'SELECT COUNT(*) AS total, COUNT(cited_paper_id) AS resolved FROM paper_references WHERE paper_id = ?',
    id,
  ) ?? { total: 0, resolved: 0 };
  const refRows = selectAll<{
    position: number;
    raw: string;
    ref_key: string | null;
    doi: string | null;
    cited_paper_id: number | null;
  }>(
    db,
    'SELECT position, raw, ref_key, doi, cited_paper_id FROM paper_references WHERE paper_id = ? ORDER BY position LIMIT ?',
    id,
    REFERENCES_SHOWN,
  );
  const cited = new Map(
    readPaperListItems(
      refRows.flatMap((r) => (r.cited_paper_id !== null ? [r.cited_paper_id] : [])),
      db,
    ).map((p) => [p.id, p]),
  );
  // Both lists from the direct citations (each pair once, no self-citations), most cited first.
  type Linked = { id: number; local: number; global: number | null };
  const linkedPapers = (sql: string) => selectAll<Linked>(db, sql, id, CITING_SHOWN);
  const citing = linkedPapers(
    `SELECT c.citing_id AS id, (SELECT COUNT(*) FROM citations x WHERE x.cited_id = c.citing_id) AS local,
            p.cited_by AS global
       FROM citations c JOIN papers p ON p.id = c.citing_id
      WHERE c.cited_id = ? ORDER BY local DESC, COALESCE(global, -1) DESC, id LIMIT ?`,
  );
  const citesList = linkedPapers(
    `SELECT c.cited_id AS id, (SELECT COUNT(*) FROM citations x WHERE x.cited_id = c.cited_id) AS local,
            p.cited_by AS global
       FROM citations c JOIN papers p ON p.id = c.cited_id
      WHERE c.citing_id = ? ORDER BY local DESC, COALESCE(global, -1) DESC, id LIMIT ?`,
  );
  const linkCounts = selectOne<{ citedBy: number; cites: number }>(
    db,
    `SELECT (SELECT COUNT(*) FROM citations WHERE cited_id = @id) AS citedBy,
            (SELECT COUNT(*) FROM citations WHERE citing_id = @id) AS cites`,
    { id },
  ) ?? { citedBy: 0, cites: 0 };
  const cluster = selectOne<{ id: number; label: string; drawn: number }>(
    db,
    `SELECT c.id, c.label, EXISTS (SELECT 1 FROM citation_network n WHERE n.paper_id = m.paper_id) AS drawn
       FROM paper_citation_clusters m JOIN citation_clusters c ON c.id = m.cluster_id WHERE m.paper_id = ?`,
    id,
  );
  const citationCounts: Record<number, { local: number; global: number | null }> = {};
  for (const p of [...citing, ...citesList]) citationCounts[p.id] = { local: p.local, global: p.global };
  const fieldSources = selectAll<{ field: string; file: string; record: number }>(
    db,
    'SELECT field, file, record FROM paper_field_sources WHERE paper_id = ? ORDER BY field',
    id,
  );
  const versionLinks = selectAll<{ kind: string; doi: string; linked_paper_id: number | null }>(
    db,
    'SELECT kind, doi, linked_paper_id FROM paper_links WHERE paper_id = ? ORDER BY rowid',
    id,
  );
  const linked = new Map(
    readPaperListItems(
      versionLinks.flatMap((l) => (l.linked_paper_id !== null ? [l.linked_paper_id] : [])),
      db,
    ).map((p) => [p.id, p]),
  );
  return {
    versions: versionLinks.map((l) => ({
      kind: l.kind,
      doi: l.doi,
      paper: l.linked_paper_id !== null ? (linked.get(l.linked_paper_id) ?? null) : null,
    })),
    doi: row?.doi ?? null,
    ids,
    citedBy: row?.cited_by != null ? { count: row.cited_by, source: row.cited_by_source } : null,
    docType: row?.doc_type ?? null,
    keywords,
    affiliations,
    references: refRows.map((r) => ({
      position: r.position,
      raw: r.raw,
      doi: r.doi,
      cited: r.cited_paper_id !== null ? (cited.get(r.cited_paper_id) ?? null) : null,
      display: formatReference({ key: r.ref_key, raw: r.raw, doi: r.doi }),
    })),
    referenceCount: counts.total,
    resolvedReferenceCount: counts.resolved,
    citedByCorpus: readPaperListItems(
      citing.map((c) => c.id),
      db,
    ),
    citedByCorpusCount: linkCounts.citedBy,
    citesCorpus: readPaperListItems(
      citesList.map((c) => c.id),
      db,
    ),
    citesCorpusCount: linkCounts.cites,
    citationCounts,
    citationCluster: cluster ? { id: cluster.id, label: cluster.label, drawn: cluster.drawn === 1 } : null,
    fieldSources,
  };
}

/** The hover-card summary of a paper, or null when there is no such paper. */
export function readPaperSummary(id: number, db: Database.Database = openBuild()): PaperSummary | null {
  const row = selectOne<PaperListRow>(
    db,
    `SELECT ${PAPER_LIST_COLUMNS} FROM papers p ${PAPER_TOPIC_JOINS} WHERE p.id = ?`,
    id,
  );
  if (!row) return null;
  const names = selectAll<{ name: string }>(
    db,
    `SELECT a.name AS name FROM paper_authors pa JOIN authors a ON a.id = pa.author_id
     WHERE pa.paper_id = ? ORDER BY pa.position LIMIT 5`,
    id,
  );
  return {
    id: row.id,
    title: row.title,
    titleDerived: row.title_derived === 1,
    year: row.year,
    venue: row.venue,
    authors: names.map((n) => n.name),
    authorCount: row.author_count,
    topic: row.topic_id != null ? { id: row.topic_id, label: row.topic_label ?? `Topic ${row.topic_id}` } : null,
  };
}

/**
 * At most `limit` map points, every n-th paper by id so the sample is spread evenly and the same
 * on every request; the extent is that of all points, so a highlighted paper always fits.
 */
export function readPaperMapSample(limit = 1500, db: Database.Database = openBuild()): PaperMapSample {
  // Two scans of every paper's position, the same for every paper page: once per build.
  return cachedPerBuild(db, `paper map sample ${limit}`, () => scanPaperMapSample(limit, db));
}

function scanPaperMapSample(limit: number, db: Database.Database): PaperMapSample {
  const stats = selectOne<{
    n: number;
    minX: number | null;
    maxX: number | null;
    minY: number | null;
    maxY: number | null;
  }>(db, 'SELECT COUNT(*) AS n, MIN(x) AS minX, MAX(x) AS maxX, MIN(y) AS minY, MAX(y) AS maxY FROM paper_topics');
  const total = stats?.n ?? 0;
  if (!stats || total === 0 || stats.minX == null || stats.maxX == null || stats.minY == null || stats.maxY == null) {
    return { points: [], extent: { minX: 0, maxX: 1, minY: 0, maxY: 1 }, total: 0 };
  }
  const step = Math.max(1, Math.ceil(total / Math.max(1, limit)));
  const points = selectAll<{ x: number; y: number; topicId: number }>(
    db,
    `SELECT x, y, topic_id AS topicId FROM paper_topics WHERE paper_id % ? = 0 ORDER BY paper_id LIMIT ?`,
    step,
    limit,
  );
  return {
    points,
    extent: { minX: stats.minX, maxX: stats.maxX, minY: stats.minY, maxY: stats.maxY },
    total,
  };
}

function firstPosition(positions: readonly number[]): number {
  return positions.reduce((m, p) => Math.min(m, p), Number.MAX_SAFE_INTEGER);
}
