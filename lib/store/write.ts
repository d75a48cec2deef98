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
import { buildAuthorIndex, type AuthorIndex } from '../graph/authors';
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
  // Every id is assigned here, so the references hold by construction; checking each of half a
  // million rows against two tables doubled the load time (tests/store/write.test.ts checks them).
  db.pragma('foreign_keys = OFF');
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

/** The corpus's authors as the build stores them: ids (1-based, first appearance), display names
 * (the most frequent spelling) and per paper its author ids and 'A, B, C' text. The same ids as
 * the co-author graph's (which are 0-based), since both come from buildAuthorIndex. */
interface AuthorTable {
  index: AuthorIndex;
  /** Per paper: its author names as displayed and searched. */
  authorsText: string[];
}

// startFullTextIndex and writeCorpus both need the table of one corpus: build it once.
const authorTables = new WeakMap<Corpus, AuthorTable>();

function getAuthorTable(corpus: Corpus): AuthorTable {
  let table = authorTables.get(corpus);
  if (table === undefined) {
    const index = buildAuthorIndex(corpus.papers);
    const { names, paperAuthors } = index;
    const authorsText = new Array<string>(paperAuthors.length);
    for (let p = 0; p < paperAuthors.length; p++) {
      let text = '';
      for (let k = 0; k < paperAuthors[p].length; k++) text += k === 0 ? names[paperAuthors[p][k]] : `, ${names[paperAuthors[p][k]]}`;
      authorsText[p] = text;
    }
    table = { index, authorsText };
    authorTables.set(corpus, table);
  }
  return table;
}

/** Author ids (1-based) by identity key, in order of first appearance over the papers. */
export function buildAuthorIds(corpus: Corpus): Map<string, number> {
  return new Map(getAuthorTable(corpus).index.keys.map((key, i) => [key, i + 1]));
}

/** Each paper's author names as displayed and searched: 'A, B, C' in the most frequent spellings. */
export function buildAuthorsText(corpus: Corpus): string[] {
  return getAuthorTable(corpus).authorsText;
}

/**
 * Inserts rows into one table many at a time: a statement of `batch` rows costs one call into
 * SQLite instead of `batch`, which is most of the cost of a narrow row.
 */
class RowWriter {
  private readonly values: unknown[] = [];
  private readonly width: number;
  private readonly full: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly table: string,
    private readonly columns: readonly string[],
    private readonly batch: number,
  ) {
    this.width = columns.length;
    this.full = this.prepare(batch);
  }

  private prepare(rows: number): Database.Statement {
    const row = `(${new Array(this.width).fill('?').join(', ')})`;
    return this.db.prepare(`INSERT INTO ${this.table} (${this.columns.join(', ')}) VALUES ${new Array(rows).fill(row).join(', ')}`);
  }

  /** Adds one row: its values in the order of `columns`. */
  add(...row: unknown[]): void {
    for (const v of row) this.values.push(v);
    if (this.values.length === this.batch * this.width) {
      this.full.run(this.values);
      this.values.length = 0;
    }
  }

  /** Writes the rows still held. */
  flush(): void {
    if (this.values.length === 0) return;
    this.prepare(this.values.length / this.width).run(this.values);
    this.values.length = 0;
  }
}

/** Papers, authors, sources and rejected records (the full-text index is built beside, see
 * startFullTextIndex). */
export function writeCorpus(db: Database.Database, corpus: Corpus): void {
  const { index, authorsText } = getAuthorTable(corpus);
  const insertFile = db.prepare(
    `INSERT INTO source_files (file, layout, venue, year, notes, records_read, papers_kept, duplicates_merged, rejected, reject_reasons)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertReject = db.prepare('INSERT INTO rejected_records (file, record, reason) VALUES (?, ?, ?)');
  const papers = new RowWriter(
    db,
    'papers',
    ['id', 'title', 'title_derived', 'abstract', 'tldr', 'year', 'date', 'venue', 'label', 'external_id', 'author_count', 'authors_text'],
    16,
  );
  const authors = new RowWriter(db, 'authors', ['id', 'key', 'name'], 64);
  const paperAuthors = new RowWriter(db, 'paper_authors', ['paper_id', 'author_id', 'position'], 64);
  const paperSources = new RowWriter(db, 'paper_sources', ['paper_id', 'file', 'record'], 64);

  db.transaction(() => {
    for (const f of corpus.files) {
      const reasons: Record<string, number> = {};
      for (const key of Object.keys(f.rejectReasons).sort()) reasons[key] = f.rejectReasons[key];
      insertFile.run(f.file, f.layout, f.venue, f.year, f.notes, f.recordsRead, f.papersKept, f.duplicatesMerged, f.rejected, JSON.stringify(reasons));
    }
    for (const r of corpus.rejects) insertReject.run(r.file, r.record, r.reason);
    for (let i = 0; i < index.keys.length; i++) authors.add(i + 1, index.keys[i], index.names[i]);
    authors.flush();
    corpus.papers.forEach((p, i) => {
      papers.add(
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
        authorsText[i],
      );
      const ids = index.paperAuthors[i];
      for (let position = 0; position < ids.length; position++) paperAuthors.add(p.id, ids[position] + 1, position);
      for (const s of p.sources) paperSources.add(p.id, s.file, s.record);
    });
    papers.flush();
    paperAuthors.flush();
    paperSources.flush();
  })();
}

// The worker is plain JavaScript (no TypeScript loader needed) and gets better-sqlite3's resolved path.
// The texts go straight into the index (no copy of them in a table and 'rebuild' from it), with an
// in-memory hash large enough to hold the whole index: one segment written once, nothing to merge.
const FULL_TEXT_WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.sqlitePath);
const { file, pageSize, ftsSql, bulkSql, hashSize, ids, offsets } = workerData;
const bytes = Buffer.from(workerData.text);
const text = (k) => bytes.toString('utf8', offsets[k], offsets[k + 1]);
const db = new Database(file);
db.pragma('page_size = ' + pageSize);
db.pragma('journal_mode = OFF');
db.pragma('synchronous = OFF');
db.pragma('cache_size = -262144');
db.exec(ftsSql);
db.exec(bulkSql);
db.exec("INSERT INTO papers_fts (papers_fts, rank) VALUES ('hashsize', " + hashSize + ")");
const insert = db.prepare('INSERT INTO papers_fts (rowid, title, abstract, authors_text) VALUES (?, ?, ?, ?)');
db.transaction(() => { for (let i = 0; i < ids.length; i++) insert.run(ids[i], text(3 * i), text(3 * i + 1), text(3 * i + 2)); })();
// A no-op when the hash held everything; merges the segments when it did not.
db.exec("INSERT INTO papers_fts (papers_fts) VALUES ('optimize')");
// The hash size is a setting for this build only: the index keeps SQLite's default.
db.unsafeMode(true);
db.exec("DELETE FROM papers_fts_config WHERE k = 'hashsize'");
db.close();
parentPort.postMessage('done');
`;

/** FTS5's in-memory limit for pending index data ('hashsize'): above the index of any corpus
 * we read (about 70 MB for 75,000 arXiv abstracts), so the index is written in one segment. */
const FULL_TEXT_HASH_SIZE = 1 << 30;

/**
 * Builds the full-text index of the papers in a side database on a worker thread, so it costs
 * no time on the main thread; attachFullTextIndex copies it into the build when it is ready.
 */
export function startFullTextIndex(corpus: Corpus, file: string): Promise<void> {
  fs.rmSync(file, { force: true });
  // The texts travel as one UTF-8 buffer, moved (not copied) to the worker: cloning tens of
  // megabytes of strings would double their memory.
  const { authorsText } = getAuthorTable(corpus);
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
    hashSize: FULL_TEXT_HASH_SIZE,
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
