/**
 * Writing a build. The database is written to a temporary file beside the target and renamed
 * over it only when complete, so a failed run leaves the last good build untouched and a running
 * app never sees a half-written file.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Corpus } from '../corpus/types';
import { DATABASE_FILE, SCHEMA_SQL, SCHEMA_VERSION } from './schema';

/** Opens a fresh database file for writing with the schema in place. */
export function createBuildDatabase(file: string): Database.Database {
  fs.rmSync(file, { force: true });
  const db = new Database(file);
  // The file is a temporary one until renamed: durability is pointless, speed is not.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('cache_size = -262144');
  db.exec(SCHEMA_SQL);
  return db;
}

/** Writes meta facts (strings; objects as JSON). */
export function writeMeta(db: Database.Database, meta: Record<string, string | number | boolean | object | null>): void {
  const insert = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  db.transaction(() => {
    insert.run('schema_version', String(SCHEMA_VERSION));
    for (const key of Object.keys(meta).sort()) {
      const value = meta[key];
      if (value === null || value === undefined) continue;
      insert.run(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
    }
  })();
}

/** Author ids (1-based) by identity key, in order of first appearance over the papers. */
export function buildAuthorIds(corpus: Corpus): Map<string, number> {
  const ids = new Map<string, number>();
  for (const paper of corpus.papers) {
    for (const author of paper.authors) {
      if (!ids.has(author.key)) ids.set(author.key, ids.size + 1);
    }
  }
  return ids;
}

/** Picks each author's display name: the most frequent spelling, ties to the first seen. */
function buildAuthorNames(corpus: Corpus): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const paper of corpus.papers) {
    for (const author of paper.authors) {
      let spellings = counts.get(author.key);
      if (!spellings) counts.set(author.key, (spellings = new Map()));
      spellings.set(author.name, (spellings.get(author.name) ?? 0) + 1);
    }
  }
  const names = new Map<string, string>();
  for (const [key, spellings] of counts) {
    let best = '';
    let bestCount = -1;
    for (const [name, count] of spellings) {
      if (count > bestCount) {
        best = name;
        bestCount = count;
      }
    }
    names.set(key, best);
  }
  return names;
}

/** Papers, authors, sources, rejected records and the full-text index. */
export function writeCorpus(db: Database.Database, corpus: Corpus): void {
  const authorIds = buildAuthorIds(corpus);
  const authorNames = buildAuthorNames(corpus);
  const insertFile = db.prepare(
    `INSERT INTO source_files (file, layout, venue, year, notes, records_read, papers_kept, duplicates_merged, rejected, reject_reasons)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertReject = db.prepare('INSERT INTO rejected_records (file, record, reason) VALUES (?, ?, ?)');
  const insertPaper = db.prepare(
    `INSERT INTO papers (id, title, title_derived, abstract, tldr, year, date, venue, label, external_id, author_count, authors_text)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAuthor = db.prepare('INSERT INTO authors (id, key, name) VALUES (?, ?, ?)');
  const insertPaperAuthor = db.prepare('INSERT INTO paper_authors (paper_id, author_id, position) VALUES (?, ?, ?)');
  const insertSource = db.prepare('INSERT INTO paper_sources (paper_id, file, record) VALUES (?, ?, ?)');

  db.transaction(() => {
    for (const f of corpus.files) {
      const reasons: Record<string, number> = {};
      for (const key of Object.keys(f.rejectReasons).sort()) reasons[key] = f.rejectReasons[key];
      insertFile.run(f.file, f.layout, f.venue, f.year, f.notes, f.recordsRead, f.papersKept, f.duplicatesMerged, f.rejected, JSON.stringify(reasons));
    }
    for (const r of corpus.rejects) insertReject.run(r.file, r.record, r.reason);
    for (const [key, id] of authorIds) insertAuthor.run(id, key, authorNames.get(key) ?? key);
    for (const p of corpus.papers) {
      const names = p.authors.map((a) => authorNames.get(a.key) ?? a.name);
      insertPaper.run(
        p.id,
        p.title,
        p.titleDerived ? 1 : 0,
        p.abstract,
        p.tldr,
        p.year,
        p.date,
        p.venue,
        p.label,
        p.externalId,
        p.authors.length > 0 ? p.authors.length : p.authorCount,
        names.join(', '),
      );
      p.authors.forEach((a, position) => insertPaperAuthor.run(p.id, authorIds.get(a.key)!, position));
      for (const s of p.sources) insertSource.run(p.id, s.file, s.record);
    }
    db.exec("INSERT INTO papers_fts (papers_fts) VALUES ('rebuild')");
  })();
}

/** Finishes a build file: statistics for the query planner, then closes it. */
export function finishBuildDatabase(db: Database.Database): void {
  db.exec("INSERT INTO papers_fts (papers_fts) VALUES ('optimize')");
  db.exec('ANALYZE');
  db.close();
}

/** A temporary path beside the final database, unique to this process. */
export function temporaryDatabasePath(outDir: string): string {
  return path.join(outDir, `.${DATABASE_FILE}.tmp-${process.pid}`);
}

/** Atomically replaces the build's database with the finished temporary file. */
export function swapInBuild(tempFile: string, outDir: string): string {
  const target = path.join(outDir, DATABASE_FILE);
  fs.renameSync(tempFile, target);
  return target;
}
