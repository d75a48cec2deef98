/**
 * Writing a build. The database is written to a temporary file beside the target and renamed
 * over it only when complete, so a failed run leaves the last good build untouched and a running
 * app never sees a half-written file.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Corpus } from '../corpus/types';
import { DATABASE_FILE, FTS_BULK_SQL, FTS_SHADOW_TABLES, FTS_SQL, SCHEMA_VERSION, TABLES_SQL, splitIndexes } from './schema';

const PAGE_SIZE = 16384;

function openForBulkWrite(file: string): Database.Database {
  fs.rmSync(file, { force: true });
  const db = new Database(file);
  // Large rows (abstracts) and a large full-text index: bigger pages write faster.
  db.pragma(`page_size = ${PAGE_SIZE}`);
  // The file is a temporary one until renamed: durability is pointless, speed is not.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -262144');
  return db;
}

/** Opens a fresh database file for writing with the tables in place; secondary indexes come in
 * finishBuildDatabase, after the bulk load. */
export function createBuildDatabase(file: string): Database.Database {
  const db = openForBulkWrite(file);
  db.exec(splitIndexes(TABLES_SQL).tables);
  db.exec(FTS_SQL);
  db.exec(FTS_BULK_SQL);
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

/** Each paper's author names as displayed and searched: 'A, B, C' in the most frequent spellings. */
export function buildAuthorsText(corpus: Corpus, authorNames = buildAuthorNames(corpus)): string[] {
  return corpus.papers.map((p) => p.authors.map((a) => authorNames.get(a.key) ?? a.name).join(', '));
}

/** Papers, authors, sources and rejected records (the full-text index is built beside, see
 * startFullTextIndex). */
export function writeCorpus(db: Database.Database, corpus: Corpus): void {
  const authorIds = buildAuthorIds(corpus);
  const authorNames = buildAuthorNames(corpus);
  const authorsText = buildAuthorsText(corpus, authorNames);
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
    corpus.papers.forEach((p, index) => {
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
        authorsText[index],
      );
      p.authors.forEach((a, position) => insertPaperAuthor.run(p.id, authorIds.get(a.key)!, position));
      for (const s of p.sources) insertSource.run(p.id, s.file, s.record);
    });
  })();
}

// The worker is plain JavaScript (no TypeScript loader needed) and gets better-sqlite3's resolved path.
const FULL_TEXT_WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.sqlitePath);
const { file, pageSize, ftsSql, bulkSql, ids, offsets } = workerData;
const bytes = Buffer.from(workerData.text);
const text = (k) => bytes.toString('utf8', offsets[k], offsets[k + 1]);
const db = new Database(file);
db.pragma('page_size = ' + pageSize);
db.pragma('journal_mode = OFF');
db.pragma('synchronous = OFF');
db.pragma('cache_size = -262144');
db.exec('CREATE TABLE papers (id INTEGER PRIMARY KEY, title TEXT NOT NULL, abstract TEXT NOT NULL, authors_text TEXT NOT NULL)');
db.exec(ftsSql);
db.exec(bulkSql);
const insert = db.prepare('INSERT INTO papers (id, title, abstract, authors_text) VALUES (?, ?, ?, ?)');
db.transaction(() => { for (let i = 0; i < ids.length; i++) insert.run(ids[i], text(3 * i), text(3 * i + 1), text(3 * i + 2)); })();
db.exec("INSERT INTO papers_fts (papers_fts) VALUES ('rebuild')");
db.exec("INSERT INTO papers_fts (papers_fts) VALUES ('optimize')");
db.close();
parentPort.postMessage('done');
`;

/**
 * Builds the full-text index of the papers in a side database on a worker thread, so it costs
 * no time on the main thread; attachFullTextIndex copies it into the build when it is ready.
 */
export function startFullTextIndex(corpus: Corpus, file: string): Promise<void> {
  fs.rmSync(file, { force: true });
  // The texts travel as one UTF-8 buffer, moved (not copied) to the worker: cloning tens of
  // megabytes of strings would double their memory.
  const authorsText = buildAuthorsText(corpus);
  const n = corpus.papers.length;
  const offsets = new Int32Array(3 * n + 1);
  for (let i = 0; i < n; i++) {
    const p = corpus.papers[i];
    offsets[3 * i + 1] = offsets[3 * i] + Buffer.byteLength(p.title);
    offsets[3 * i + 2] = offsets[3 * i + 1] + Buffer.byteLength(p.abstract);
    offsets[3 * i + 3] = offsets[3 * i + 2] + Buffer.byteLength(authorsText[i]);
  }
  const text = new ArrayBuffer(offsets[3 * n]);
  const bytes = Buffer.from(text);
  for (let i = 0; i < n; i++) {
    const p = corpus.papers[i];
    bytes.write(p.title, offsets[3 * i]);
    bytes.write(p.abstract, offsets[3 * i + 1]);
    bytes.write(authorsText[i], offsets[3 * i + 2]);
  }
  const workerData = {
    sqlitePath: createRequire(import.meta.url).resolve('better-sqlite3'),
    file,
    pageSize: PAGE_SIZE,
    ftsSql: FTS_SQL,
    bulkSql: FTS_BULK_SQL,
    ids: Int32Array.from(corpus.papers, (p) => p.id),
    offsets,
    text,
  };
  return new Promise((resolve, reject) => {
    const worker = new Worker(FULL_TEXT_WORKER, { eval: true, workerData, transferList: [text] });
    let done = false;
    worker.once('message', () => {
      done = true;
      resolve();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`the full-text index worker stopped with code ${code}`));
    });
  });
}

/** Copies the full-text index built by startFullTextIndex into the build, then deletes the side file.
 * The index is over the same ids and texts as the build's papers table (its external content). */
export function attachFullTextIndex(db: Database.Database, file: string): void {
  db.prepare('ATTACH DATABASE ? AS fts').run(file);
  // Writing FTS5 shadow tables needs SQLite's defensive mode off, for this copy only.
  db.unsafeMode(true);
  try {
    db.transaction(() => {
      for (const [table, order] of FTS_SHADOW_TABLES) {
        db.exec(`DELETE FROM main.${table}`);
        db.exec(`INSERT INTO main.${table} SELECT * FROM fts.${table} ORDER BY ${order}`);
      }
    })();
  } finally {
    db.unsafeMode(false);
    db.exec('DETACH DATABASE fts');
    fs.rmSync(file, { force: true });
  }
}

/** Finishes a build file: secondary indexes, statistics for the query planner, then closes it. */
export function finishBuildDatabase(db: Database.Database): void {
  db.exec(splitIndexes(TABLES_SQL).indexes);
  db.exec('ANALYZE');
  db.close();
}

/** A temporary path beside the final database, unique to this process (and `part`). */
export function temporaryDatabasePath(outDir: string, part = 'tmp'): string {
  return path.join(outDir, `.${DATABASE_FILE}.${part}-${process.pid}`);
}

/** Atomically replaces the build's database with the finished temporary file. */
export function swapInBuild(tempFile: string, outDir: string): string {
  const target = path.join(outDir, DATABASE_FILE);
  fs.renameSync(tempFile, target);
  return target;
}
