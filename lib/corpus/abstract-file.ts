/**
 * Abstracts kept on disk while a large corpus is read. At a million papers the abstracts (and their
 * plain-word copies) are gigabytes of strings; the pipeline hands them to an `AbstractFile` as
 * records are read and holds only the papers' other fields. The store, the full-text index and the
 * token stage read them back in ranges of papers (on worker threads too: the file is an ordinary
 * SQLite file any thread can open).
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';

/** Where de-duplication puts a paper's abstract when the corpus does not hold it in memory. */
export interface AbstractSink {
  /** Sets (or replaces, when a duplicate brings a longer one) the abstract of paper `index` (0-based). */
  put(index: number, abstract: string, plain: string): void;
}

/** Papers' abstracts as read back: paper index → text, for one range of papers. */
export type AbstractColumn = 'abstract' | 'plain';

/** Rows per insert statement (one call into SQLite for this many abstracts). */
const INSERT_BATCH = 64;

const TABLE_SQL = 'CREATE TABLE abstracts (paper INTEGER PRIMARY KEY, abstract TEXT NOT NULL, plain TEXT NOT NULL)';

/**
 * A side SQLite file of abstracts, written during ingest (`put`, then `finish`) and read after it
 * (`readRange`, or `readAbstractRange` from any thread). Papers without an abstract have no row.
 */
export class AbstractFile implements AbstractSink {
  private db: Database.Database;
  private readonly values: unknown[] = [];
  private readonly insertBatch: Database.Statement;
  private readonly insertOne: Database.Statement;
  private writing = true;

  constructor(readonly file: string) {
    fs.rmSync(file, { force: true });
    this.db = new Database(file);
    // A scratch file deleted at the end of the run: no journal, no syncing.
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.pragma('page_size = 16384');
    this.db.exec(TABLE_SQL);
    const row = '(?, ?, ?)';
    this.insertBatch = this.db.prepare(
      `INSERT OR REPLACE INTO abstracts (paper, abstract, plain) VALUES ${new Array(INSERT_BATCH).fill(row).join(', ')}`,
    );
    this.insertOne = this.db.prepare('INSERT OR REPLACE INTO abstracts (paper, abstract, plain) VALUES (?, ?, ?)');
    this.db.exec('BEGIN');
  }

  put(index: number, abstract: string, plain: string): void {
    if (!this.writing) throw new Error(`${this.file}: abstracts are read-only once finished`);
    // A replacement must not be overtaken by the original still waiting in the batch.
    for (let i = 0; i < this.values.length; i += 3) {
      if (this.values[i] === index) {
        this.values[i + 1] = abstract;
        this.values[i + 2] = plain;
        return;
      }
    }
    this.values.push(index, abstract, plain);
    if (this.values.length === INSERT_BATCH * 3) {
      this.insertBatch.run(this.values);
      this.values.length = 0;
    }
  }

  /** Writes what is pending and makes the file readable by other connections. */
  finish(): void {
    if (!this.writing) return;
    for (let i = 0; i < this.values.length; i += 3)
      this.insertOne.run(this.values[i], this.values[i + 1], this.values[i + 2]);
    this.values.length = 0;
    this.db.exec('COMMIT');
    this.writing = false;
  }

  /** The abstracts of papers [from, to): an array of to - from texts, '' where a paper has none. */
  readRange(from: number, to: number, column: AbstractColumn): string[] {
    if (this.writing) this.finish();
    return readRows(this.db, from, to, column);
  }

  close(): void {
    if (this.db.open) {
      if (this.writing) this.finish();
      this.db.close();
    }
  }

  /** Closes the file and deletes it. */
  remove(): void {
    this.close();
    fs.rmSync(this.file, { force: true });
  }
}

function readRows(db: Database.Database, from: number, to: number, column: AbstractColumn): string[] {
  const out = new Array<string>(Math.max(0, to - from)).fill('');
  const rows = db
    .prepare(`SELECT paper, ${column} AS text FROM abstracts WHERE paper >= ? AND paper < ?`)
    .raw()
    .all(from, to) as [number, string][];
  for (const [paper, text] of rows) out[paper - from] = text;
  return out;
}

/** Reads abstracts of papers [from, to) from an `AbstractFile`'s file, opened read-only for the call
 * (for worker threads, which cannot share the writer's connection). */
export function readAbstractRange(file: string, from: number, to: number, column: AbstractColumn): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return readRows(db, from, to, column);
  } finally {
    db.close();
  }
}

/** Reads the abstracts of the given papers (ascending indices) from an `AbstractFile`'s file, in
 * blocks, calling `each(k, text)` for the k-th paper of `papers` in order. */
export function forEachAbstract(
  file: string,
  papers: Int32Array,
  column: AbstractColumn,
  each: (k: number, text: string) => void,
  block = 4096,
): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    for (let start = 0; start < papers.length; start += block) {
      const end = Math.min(papers.length, start + block);
      const from = papers[start];
      const texts = readRows(db, from, papers[end - 1] + 1, column);
      for (let k = start; k < end; k++) each(k, texts[papers[k] - from]);
    }
  } finally {
    db.close();
  }
}
