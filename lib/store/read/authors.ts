/**
 * Read questions about authors: the author page (papers, co-authors with joint-paper counts,
 * topics, years, graph statistics, ego network) and name lookup for autocomplete.
 */
import type Database from 'better-sqlite3';
import { openBuild } from '../db';
import { readEgoNetwork, type EgoNetwork } from './graph';
import { PAPER_LIST_COLUMNS, PAPER_TOPIC_JOINS, toPaperListItem, type PaperListItem } from './papers';
import { prepareCached, selectAll, selectOne } from './statements';

/** Graph statistics of an author (author_stats), null fields when the build has none. */
export interface AuthorGraphStats {
  degree: number;
  weightedDegree: number;
  /** Normalized betweenness centrality (sampled on large graphs). */
  betweenness: number;
  communityId: number | null;
  communitySize: number | null;
  componentId: number;
  componentSize: number | null;
}

/** Everything the author page shows. */
export interface AuthorDetail {
  id: number;
  name: string;
  /** The newest AUTHOR_PAGE_PAPERS papers; the rest are a search away (`/search?author=`). */
  papers: PaperListItem[];
  /** All their papers. */
  paperCount: number;
  /** Co-authors by joint papers (from the author lists, so every shared paper counts), the first
   * AUTHOR_PAGE_COAUTHORS. */
  coauthors: { id: number; name: string; joint: number }[];
  /** All their co-authors. */
  coauthorCount: number;
  topics: { id: number; label: string; papers: number }[];
  years: { first: number; last: number } | null;
  stats: AuthorGraphStats | null;
  /** The author, their strongest co-authors and the links among them, from coauthor_edges. */
  ego: EgoNetwork | null;
  /** Affiliations the author gave on their papers, most papers first (at most 20). */
  affiliations: {
    id: number;
    name: string;
    country: string | null;
    papers: number;
    first: number | null;
    last: number | null;
  }[];
  /** Identifiers the sources gave for the author (ORCID, Scopus, OpenAlex, …). */
  identifiers: { scheme: string; value: string }[];
}

/** An author as an autocomplete suggestion. */
const EGO_LIMIT = 40;
/** Papers listed on the author page (newest first); a search by author pages through the rest. */
export const AUTHOR_PAGE_PAPERS = 100;
/** Co-authors listed on the author page. */
export const AUTHOR_PAGE_COAUTHORS = 200;

/**
 * An author's co-authors by joint papers, most first (then by name and id), the first `limit`, and
 * how many there are. The joint papers are counted here from the bylines of the author's papers
 * (a few thousand rows for the most prolific author of a million papers), and names are read only
 * for the co-authors that can be shown: grouping and naming every byline row in SQL took 60 ms.
 */
function readCoauthors(
  id: number,
  limit: number,
  db: Database.Database,
): { coauthors: AuthorDetail['coauthors']; coauthorCount: number } {
  const joint = new Map<number, number>();
  // One row a paper, its other authors' ids joined by commas: far fewer rows to hand to JavaScript
  // than one a pair (27,000 for the most prolific author at a million papers). An author named twice
  // on one paper counts once.
  const bylines = prepareCached(
    db,
    `SELECT group_concat(other.author_id)
     FROM paper_authors mine JOIN paper_authors other ON other.paper_id = mine.paper_id
     WHERE mine.author_id = @id AND other.author_id != @id
     GROUP BY mine.paper_id`,
  )
    .pluck()
    .all({ id }) as (string | null)[];
  const onPaper = new Set<number>();
  for (const byline of bylines) {
    if (byline === null) continue;
    onPaper.clear();
    for (const part of byline.split(',')) {
      const other = Number(part);
      if (onPaper.has(other)) continue;
      onPaper.add(other);
      joint.set(other, (joint.get(other) ?? 0) + 1);
    }
  }
  if (joint.size === 0) return { coauthors: [], coauthorCount: 0 };
  // Every co-author with as many joint papers as the limit-th has (ties are ordered by name).
  const counts = Array.from(joint.values()).sort((a, b) => b - a);
  const floor = counts[Math.min(limit, counts.length) - 1];
  const shown: [number, number][] = [];
  for (const [other, n] of joint) if (n >= floor) shown.push([other, n]);
  const coauthors = selectAll<{ id: number; name: string; joint: number }>(
    db,
    `SELECT a.id AS id, a.name AS name, j.value ->> '$[1]' AS joint
     FROM json_each(@shown) j JOIN authors a ON a.id = j.value ->> '$[0]'
     ORDER BY joint DESC, a.name, a.id LIMIT @limit`,
    { shown: JSON.stringify(shown), limit },
  );
  return { coauthors, coauthorCount: joint.size };
}

/** The author page, or null when there is no such author. */
export function readAuthor(id: number, db: Database.Database = openBuild()): AuthorDetail | null {
  const author = selectOne<{ id: number; name: string }>(db, 'SELECT id, name FROM authors WHERE id = ?', id);
  if (!author) return null;
  const papers = selectAll<Parameters<typeof toPaperListItem>[0]>(
    db,
    // The newest are chosen on the index of years and dates (papers_id_year), then only they are read.
    `SELECT ${PAPER_LIST_COLUMNS}
     FROM (SELECT p.id AS id FROM paper_authors pa JOIN papers p ON p.id = pa.paper_id
           WHERE pa.author_id = ?
           ORDER BY p.year IS NULL, p.year DESC, p.date DESC, p.id LIMIT ${AUTHOR_PAGE_PAPERS}) newest
     JOIN papers p ON p.id = newest.id ${PAPER_TOPIC_JOINS}
     ORDER BY p.year IS NULL, p.year DESC, p.date DESC, p.id`,
    id,
  ).map(toPaperListItem);
  const { coauthors, coauthorCount } = readCoauthors(id, AUTHOR_PAGE_COAUTHORS, db);
  const paperCount =
    selectOne<{ n: number }>(db, 'SELECT COUNT(DISTINCT paper_id) AS n FROM paper_authors WHERE author_id = ?', id)
      ?.n ?? papers.length;
  const topics = selectAll<{ id: number; label: string; papers: number }>(
    db,
    `SELECT t.id AS id, t.label AS label, COUNT(*) AS papers
     FROM paper_authors pa JOIN paper_topics pt ON pt.paper_id = pa.paper_id JOIN topics t ON t.id = pt.topic_id
     WHERE pa.author_id = ?
     GROUP BY t.id ORDER BY papers DESC, t.id`,
    id,
  );
  const span = selectOne<{ first: number | null; last: number | null }>(
    db,
    `SELECT MIN(p.year) AS first, MAX(p.year) AS last
     FROM paper_authors pa JOIN papers p ON p.id = pa.paper_id WHERE pa.author_id = ?`,
    id,
  );
  const statsRow = selectOne<{
    degree: number;
    weighted_degree: number;
    betweenness: number;
    community_id: number | null;
    component_id: number;
    community_size: number | null;
    component_size: number | null;
  }>(
    db,
    `SELECT s.degree, s.weighted_degree, s.betweenness, s.community_id, s.component_id,
            c.size AS community_size, k.size AS component_size
     FROM author_stats s
     LEFT JOIN communities c ON c.id = s.community_id
     LEFT JOIN components k ON k.id = s.component_id
     WHERE s.author_id = ?`,
    id,
  );
  return {
    id: author.id,
    name: author.name,
    papers,
    paperCount,
    coauthors,
    coauthorCount,
    topics,
    years: span && span.first != null && span.last != null ? { first: span.first, last: span.last } : null,
    stats: statsRow
      ? {
          degree: statsRow.degree,
          weightedDegree: statsRow.weighted_degree,
          betweenness: statsRow.betweenness,
          communityId: statsRow.community_id,
          communitySize: statsRow.community_size,
          componentId: statsRow.component_id,
          componentSize: statsRow.component_size,
        }
      : null,
    ego: readEgoNetwork(id, EGO_LIMIT, db),
    affiliations: selectAll(
      db,
      `SELECT af.id AS id, af.name AS name, af.country AS country, COUNT(DISTINCT pa.paper_id) AS papers,
              MIN(p.year) AS first, MAX(p.year) AS last
       FROM paper_authors pa
       JOIN author_affiliations aa ON aa.paper_id = pa.paper_id AND aa.position = pa.position
       JOIN affiliations af ON af.id = aa.affiliation_id
       JOIN papers p ON p.id = pa.paper_id
       WHERE pa.author_id = ?
       GROUP BY af.id ORDER BY papers DESC, last DESC, af.name LIMIT 20`,
      id,
    ),
    identifiers: selectAll(db, 'SELECT scheme, value FROM author_ids WHERE author_id = ? ORDER BY scheme, value', id),
  };
}

/** The id of the author with exactly this name (ignoring case), the most prolific if several. */
export function findAuthorIdByName(name: string, db: Database.Database = openBuild()): number | null {
  const row = selectOne<{ id: number }>(
    db,
    `SELECT a.id AS id FROM authors a WHERE a.name = ? COLLATE NOCASE
     ORDER BY (SELECT COUNT(*) FROM paper_authors pa WHERE pa.author_id = a.id) DESC, a.id LIMIT 1`,
    name.trim(),
  );
  return row?.id ?? null;
}

/** An author's display name, or null. */
export function readAuthorName(id: number, db: Database.Database = openBuild()): string | null {
  return selectOne<{ name: string }>(db, 'SELECT name FROM authors WHERE id = ?', id)?.name ?? null;
}
