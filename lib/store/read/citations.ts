/**
 * Read questions of the citation layer: whether the corpus has reference lists at all, the field's
 * foundations (most cited papers inside the corpus, most cited references outside it), and a topic's
 * most cited papers and references.
 */
import type Database from 'better-sqlite3';
import { openBuild } from '../db';
import { prepareCached } from './statements';

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
}

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
  return prepareCached(
    db,
    `SELECT p.id, p.title, p.year, p.authors_text AS authors, COUNT(*) AS local, p.cited_by AS global
       FROM citations c JOIN papers p ON p.id = c.cited_id
       ${inTopic ? 'JOIN paper_topics t ON t.paper_id = p.id AND t.topic_id = @topic' : ''}
      GROUP BY c.cited_id ORDER BY local DESC, p.id LIMIT @limit`,
  ).all({ topic: inTopic ? opts.topic : null, limit }) as CitedPaper[];
}

/** The references outside the corpus its papers cite most (the field's foundations). */
export function readFoundations(limit = 20, db: Database.Database = openBuild()): CitedReference[] {
  return prepareCached(
    db,
    'SELECT ref_key AS key, raw, doi, citations FROM cited_references ORDER BY rank LIMIT ?',
  ).all(Math.min(2000, Math.max(1, Math.floor(limit)))) as CitedReference[];
}

/** The references a topic's papers cite most, inside or outside the corpus (by normalized key). */
export function readTopicReferences(topic: number, limit = 10, db: Database.Database = openBuild()): CitedReference[] {
  return prepareCached(
    db,
    `SELECT r.ref_key AS key, MIN(r.raw) AS raw, MAX(r.doi) AS doi, COUNT(DISTINCT r.paper_id) AS citations
       FROM paper_topics t JOIN paper_references r ON r.paper_id = t.paper_id
      WHERE t.topic_id = ? AND r.ref_key IS NOT NULL
      GROUP BY r.ref_key HAVING citations >= 2
      ORDER BY citations DESC, r.ref_key LIMIT ?`,
  ).all(topic, Math.min(100, Math.max(1, Math.floor(limit)))) as CitedReference[];
}
