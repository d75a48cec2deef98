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
import type { Corpus, Paper } from '../corpus/types';
import type { AbstractFile } from '../corpus/abstract-file';
import { getAuthorIndex, type AuthorIndex } from '../graph/authors';
import { MAP_PAYLOAD_VERSION } from '../viz/point-payload';
import { encodeMapPayload, readMapMeta } from './read/map';
import {
  DATABASE_FILE,
  FTS_BULK_SQL,
  FTS_SHADOW_TABLES,
  FTS_SQL,
  SCHEMA_VERSION,
  TABLES_SQL,
  splitIndexes,
} from './schema';

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

/** Opens a fresh database file for writing with the tables in place; secondary indexes come
 * after the bulk load (writeCorpus's tables at its end, the others in finishBuildDatabase). */
export function createBuildDatabase(file: string): Database.Database {
  const db = openForBulkWrite(file);
  db.exec(splitIndexes(TABLES_SQL).tables);
  db.exec(FTS_SQL);
  db.exec(FTS_BULK_SQL);
  return db;
}

/** Writes meta facts (strings; objects as JSON). */
export function writeMeta(
  db: Database.Database,
  meta: Record<string, string | number | boolean | object | null>,
): void {
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

/** The corpus's authors as the build stores them: the co-author graph's index (store id = index
 * id + 1, so the graph's and the build's authors always agree) and per paper its 'A, B, C' text
 * in the display spellings. */
export interface AuthorTable extends AuthorIndex {
  authorsText: string[];
}

// startFullTextIndex, writeCorpus and writeTopicModel all need the table of one corpus.
const authorTables = new WeakMap<Corpus, AuthorTable>();

/** The author table of `corpus` (keys, identifiers, names, each paper's author ids and byline
 * text), made once per corpus and kept while the corpus lives. */
export function authorTableOf(corpus: Corpus): AuthorTable {
  let table = authorTables.get(corpus);
  if (table === undefined) {
    const index = getAuthorIndex(corpus.papers);
    const authorsText = index.paperAuthors.map((ids) => {
      let text = '';
      for (let i = 0; i < ids.length; i++) text += i === 0 ? index.names[ids[i]] : `, ${index.names[ids[i]]}`;
      return text;
    });
    table = { ...index, authorsText };
    authorTables.set(corpus, table);
  }
  return table;
}

/**
 * Inserts rows into one table many at a time: a statement of `batch` rows costs one call into
 * SQLite instead of `batch`, which is most of the cost of a narrow row.
 */
export class RowWriter {
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
    return this.db.prepare(
      `INSERT INTO ${this.table} (${this.columns.join(', ')}) VALUES ${new Array(rows).fill(row).join(', ')}`,
    );
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

/** Papers per block of abstracts read back from an AbstractFile. */
const ABSTRACT_BLOCK = 4096;

/** Papers, authors, sources and rejected records (the full-text index is built beside, see
 * startFullTextIndex). The abstracts come from the papers, or from `abstracts` when the corpus
 * was read with that file as its sink. */
export function writeCorpus(db: Database.Database, corpus: Corpus, abstracts?: AbstractFile): void {
  const { keys, identifiers, names, paperAuthors: authorIds, authorsText } = authorTableOf(corpus);
  const insertFile = db.prepare(
    `INSERT INTO source_files (file, layout, venue, year, notes, records_read, papers_kept, duplicates_merged, rejected, reject_reasons,
       merged_by, merged_with, without_abstract, warnings)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertReject = db.prepare('INSERT INTO rejected_records (file, record, reason) VALUES (?, ?, ?)');
  const papers = new RowWriter(
    db,
    'papers',
    [
      'id',
      'title',
      'title_derived',
      'abstract',
      'tldr',
      'year',
      'date',
      'venue',
      'label',
      'external_id',
      'author_count',
      'authors_text',
      'doi',
      'cited_by',
      'cited_by_source',
      'doc_type',
      'volume',
      'first_page',
    ],
    16,
  );
  const paperIds = new RowWriter(db, 'paper_ids', ['paper_id', 'scheme', 'value'], 64);
  const keywords = new RowWriter(db, 'paper_keywords', ['paper_id', 'keyword', 'kind'], 64);
  const affiliations = new RowWriter(db, 'affiliations', ['id', 'name', 'country', 'ext_id'], 64);
  const authorAffiliations = new RowWriter(db, 'author_affiliations', ['paper_id', 'position', 'affiliation_id'], 64);
  const authorIdRows = new RowWriter(db, 'author_ids', ['author_id', 'scheme', 'value'], 64);
  const references = new RowWriter(
    db,
    'paper_references',
    ['paper_id', 'position', 'ref_key', 'raw', 'doi', 'cited_paper_id'],
    32,
  );
  const fieldSources = new RowWriter(db, 'paper_field_sources', ['paper_id', 'field', 'file', 'record'], 64);
  const links = new RowWriter(db, 'paper_links', ['paper_id', 'kind', 'doi', 'linked_paper_id'], 64);
  // DOI → paper id, for the version links (built only when some paper has one).
  const byDoi = new Map<string, number>();
  if (corpus.papers.some((p) => p.relations.length > 0))
    for (const p of corpus.papers) if (p.doi !== null) byDoi.set(p.doi, p.id);
  const affiliationIds = new Map<string, number>();
  const authors = new RowWriter(db, 'authors', ['id', 'key', 'name'], 64);
  const paperAuthors = new RowWriter(db, 'paper_authors', ['paper_id', 'author_id', 'position'], 64);
  const paperSources = new RowWriter(db, 'paper_sources', ['paper_id', 'file', 'record'], 64);

  db.transaction(() => {
    for (const f of corpus.files) {
      const reasons: Record<string, number> = {};
      for (const key of Object.keys(f.rejectReasons).sort()) reasons[key] = f.rejectReasons[key];
      insertFile.run(
        f.file,
        f.layout,
        f.venue,
        f.year,
        f.notes,
        f.recordsRead,
        f.papersKept,
        f.duplicatesMerged,
        f.rejected,
        JSON.stringify(reasons),
        JSON.stringify(f.mergedBy),
        JSON.stringify(f.mergedWith),
        f.withoutAbstract,
        JSON.stringify(f.warnings),
      );
    }
    for (const r of corpus.rejects) insertReject.run(r.file, r.record, r.reason);
    for (let i = 0; i < keys.length; i++) {
      authors.add(i + 1, keys[i], names[i]);
      for (const id of identifiers[i]) {
        const colon = id.indexOf(':');
        authorIdRows.add(i + 1, id.slice(0, colon), id.slice(colon + 1));
      }
    }
    authors.flush();
    authorIdRows.flush();
    let block: string[] = [];
    corpus.papers.forEach((p, i) => {
      if (abstracts !== undefined && i % ABSTRACT_BLOCK === 0)
        block = abstracts.readRange(i, Math.min(corpus.papers.length, i + ABSTRACT_BLOCK), 'abstract');
      papers.add(
        p.id,
        p.title,
        p.titleDerived ? 1 : 0,
        abstracts === undefined ? p.abstract : block[i % ABSTRACT_BLOCK],
        p.tldr,
        p.year,
        p.date,
        p.venue,
        p.label,
        p.externalId,
        p.authors.length > 0 ? p.authors.length : p.authorCount,
        authorsText[i],
        p.doi,
        p.citedBy,
        p.citedBySource,
        p.docType,
        p.volume,
        p.firstPage,
      );
      for (const id of p.ids) paperIds.add(p.id, id.scheme, id.value);
      for (const k of p.keywords) keywords.add(p.id, k.keyword, k.kind);
      for (const a of p.affiliations) {
        let affId = affiliationIds.get(a.name);
        if (affId === undefined) {
          affId = affiliationIds.size + 1;
          affiliationIds.set(a.name, affId);
          affiliations.add(affId, a.name, a.country, a.id);
        }
        if (a.authors.length === 0) authorAffiliations.add(p.id, null, affId);
        for (const position of a.authors) authorAffiliations.add(p.id, position, affId);
      }
      const targets = corpus.referenceTargets[i];
      p.references.forEach((r, k) => {
        const target = targets !== undefined && targets[k] >= 0 ? corpus.papers[targets[k]].id : null;
        references.add(p.id, k, r.key, r.raw, r.doi, target);
      });
      for (const r of p.relations) links.add(p.id, r.kind, r.doi, byDoi.get(r.doi) ?? null);
      if (p.sources.length > 1) {
        for (const field of Object.keys(p.fieldSources).sort() as (keyof typeof p.fieldSources)[]) {
          const s = p.fieldSources[field];
          if (s !== undefined) fieldSources.add(p.id, field, s.file, s.record);
        }
      }
      const ids = authorIds[i];
      for (let position = 0; position < ids.length; position++) paperAuthors.add(p.id, ids[position] + 1, position);
      for (const s of p.sources) paperSources.add(p.id, s.file, s.record);
    });
    for (const w of [
      papers,
      paperAuthors,
      paperSources,
      paperIds,
      keywords,
      affiliations,
      authorAffiliations,
      references,
      fieldSources,
      links,
    ])
      w.flush();
  })();
  // These tables are complete: index them now, while the full-text index is still being built
  // on its worker, rather than after it.
  createIndexes(db, CORPUS_TABLES);
  countSourceFilePapers(db);
  // The page cache filled by the load is not read again soon: give it back for the stages to come.
  db.pragma('shrink_memory');
}

// The worker is plain JavaScript (no TypeScript loader needed) and gets better-sqlite3's resolved path.
// The texts go straight into the index (no copy of them in a table and 'rebuild' from it), with an
// in-memory hash large enough to hold the whole index: one segment written once, nothing to merge.
const FULL_TEXT_WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.sqlitePath);
const { file, pageSize, ftsSql, bulkSql, hashSize, abstractsFile } = workerData;
const db = new Database(file);
// Abstracts kept in an AbstractFile are read here, a batch's range at a time, not sent.
const abstracts = abstractsFile === null ? null : new Database(abstractsFile, { readonly: true, fileMustExist: true });
const readAbstracts = abstracts === null ? null : abstracts.prepare('SELECT paper, abstract FROM abstracts WHERE paper >= ? AND paper < ?').raw();
db.pragma('page_size = ' + pageSize);
db.pragma('journal_mode = OFF');
db.pragma('synchronous = OFF');
// The index is written once, front to back: a small page cache does.
db.pragma('cache_size = -65536');
db.exec(ftsSql);
db.exec(bulkSql);
db.exec("INSERT INTO papers_fts (papers_fts, rank) VALUES ('hashsize', " + hashSize + ")");
const insert = db.prepare('INSERT INTO papers_fts (rowid, title, abstract, authors_text) VALUES (?, ?, ?, ?)');
db.exec('BEGIN');
parentPort.on('message', (batch) => {
  if (batch !== null) {
    const { ids, offsets, from } = batch;
    const bytes = Buffer.from(batch.text);
    const text = (k) => bytes.toString('utf8', offsets[k], offsets[k + 1]);
    let stored = null;
    if (readAbstracts !== null) {
      stored = new Array(ids.length).fill('');
      for (const [paper, abstract] of readAbstracts.all(from, from + ids.length)) stored[paper - from] = abstract;
    }
    for (let i = 0; i < ids.length; i++)
      insert.run(ids[i], text(3 * i), stored === null ? text(3 * i + 1) : stored[i], text(3 * i + 2));
    return;
  }
  db.exec('COMMIT');
  if (abstracts !== null) abstracts.close();
  // A no-op when the hash held everything; merges the segments when it did not.
  db.exec("INSERT INTO papers_fts (papers_fts) VALUES ('optimize')");
  // The hash size is a setting for this build only: the index keeps SQLite's default.
  db.unsafeMode(true);
  db.exec("DELETE FROM papers_fts_config WHERE k = 'hashsize'");
  db.close();
  parentPort.postMessage('done');
  parentPort.close();
});
`;

/** FTS5's in-memory limit for pending index data ('hashsize'): the index of about 250,000 arXiv
 * abstracts (70 MB for 75,000), written in one segment; a larger corpus's index is written in a
 * few segments merged at the end ('optimize'), on the worker, rather than held whole in memory
 * (a gigabyte at a million papers). */
const FULL_TEXT_HASH_SIZE = 1 << 28;

/** Papers per message to the full-text worker: it starts indexing the first while the rest are encoded. */
const FULL_TEXT_BATCH = 4096;

/** The texts of papers [from, to) as one UTF-8 buffer with offsets: title, abstract ('' when the
 * worker reads it from the abstracts file), authors per paper. */
function encodeTexts(
  papers: readonly Paper[],
  authorsText: readonly string[],
  from: number,
  to: number,
  withAbstracts: boolean,
) {
  const n = to - from;
  const offsets = new Int32Array(3 * n + 1);
  const abstractOf = (p: Paper) => (withAbstracts ? p.abstract : '');
  for (let i = 0; i < n; i++) {
    const p = papers[from + i];
    offsets[3 * i + 1] = offsets[3 * i] + Buffer.byteLength(p.title);
    offsets[3 * i + 2] = offsets[3 * i + 1] + Buffer.byteLength(abstractOf(p));
    offsets[3 * i + 3] = offsets[3 * i + 2] + Buffer.byteLength(authorsText[from + i]);
  }
  const text = new ArrayBuffer(offsets[3 * n]);
  const bytes = Buffer.from(text);
  for (let i = 0; i < n; i++) {
    const p = papers[from + i];
    bytes.write(p.title, offsets[3 * i]);
    bytes.write(abstractOf(p), offsets[3 * i + 1]);
    bytes.write(authorsText[from + i], offsets[3 * i + 2]);
  }
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) ids[i] = papers[from + i].id;
  return { ids, offsets, text, from };
}

/**
 * Builds the full-text index of the papers in a side database on a worker thread, so it costs
 * no time on the main thread; attachFullTextIndex copies it into the build when it is ready.
 * With `abstracts` (the corpus's AbstractFile, finished) the worker reads the abstracts from it.
 */
export function startFullTextIndex(corpus: Corpus, file: string, abstracts?: AbstractFile): Promise<void> {
  fs.rmSync(file, { force: true });
  const workerData = {
    sqlitePath: createRequire(import.meta.url).resolve('better-sqlite3'),
    file,
    pageSize: PAGE_SIZE,
    ftsSql: FTS_SQL,
    bulkSql: FTS_BULK_SQL,
    hashSize: FULL_TEXT_HASH_SIZE,
    abstractsFile: abstracts === undefined ? null : abstracts.file,
  };
  const worker = new Worker(FULL_TEXT_WORKER, { eval: true, workerData });
  const finished = new Promise<void>((resolve, reject) => {
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
  // The texts travel as UTF-8 buffers, moved (not copied) to the worker: cloning tens of
  // megabytes of strings would double their memory.
  const { authorsText } = authorTableOf(corpus);
  const { papers } = corpus;
  for (let from = 0; from < papers.length; from += FULL_TEXT_BATCH) {
    const batch = encodeTexts(
      papers,
      authorsText,
      from,
      Math.min(papers.length, from + FULL_TEXT_BATCH),
      abstracts === undefined,
    );
    worker.postMessage(batch, [batch.ids.buffer, batch.offsets.buffer, batch.text]);
  }
  worker.postMessage(null);
  return finished;
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

/** The schema's secondary indexes, each with its table. */
const INDEXES = [...splitIndexes(TABLES_SQL).indexes.matchAll(/CREATE (?:UNIQUE )?INDEX (\w+) ON (\w+)[^;]*;/g)].map(
  (m) => ({
    name: m[1],
    table: m[2],
    sql: m[0],
  }),
);

/** The tables writeCorpus fills, complete when it returns. */
const CORPUS_TABLES = new Set([
  'source_files',
  'rejected_records',
  'papers',
  'authors',
  'paper_authors',
  'paper_sources',
  'paper_ids',
  'paper_keywords',
  'affiliations',
  'author_affiliations',
  'author_ids',
  'paper_references',
  'paper_field_sources',
  'paper_links',
]);

/** Creates the secondary indexes not yet there (of `tables` only, when given). */
function createIndexes(db: Database.Database, tables?: ReadonlySet<string>): void {
  const existing = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all());
  for (const index of INDEXES) {
    if (!existing.has(index.name) && (tables === undefined || tables.has(index.table))) db.exec(index.sql);
  }
}

/** Each input file's papers, merged ones included (source_files.papers), counted once when the
 * corpus is written for the pages that show them (a second of counting at a million papers). */
export function countSourceFilePapers(db: Database.Database): void {
  db.exec(
    'UPDATE source_files SET papers = (SELECT COUNT(DISTINCT ps.paper_id) FROM paper_sources ps WHERE ps.file = source_files.file)',
  );
}

/** Stores the topic map's gzipped point payload, read back from the finished tables, with the
 * mapped papers' count and years (what the map's first request would otherwise count); once. */
function writeMapPayload(db: Database.Database): void {
  if (db.prepare('SELECT 1 FROM map_payload LIMIT 1').get() !== undefined) return;
  const bytes = encodeMapPayload(db);
  const { papers, years, undated, outliers } = readMapMeta(db);
  db.prepare(
    `INSERT INTO map_payload (encoding, version, points, year_min, year_max, undated, outliers, bytes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    'gzip',
    MAP_PAYLOAD_VERSION,
    papers,
    years?.[0] ?? null,
    years?.[1] ?? null,
    undated,
    outliers.count,
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  );
}

/** The remaining secondary indexes and the map's payload: what finishing a build does before its
 * statistics, here while the full-text index is still being built on its worker. */
export function indexBuildDatabase(db: Database.Database): void {
  createIndexes(db);
  writeMapPayload(db);
}

/** Finishes a build file: the remaining secondary indexes and the map's payload (unless
 * indexBuildDatabase made them), statistics for the query planner, then closes it. */
export function finishBuildDatabase(db: Database.Database): void {
  createIndexes(db);
  writeMapPayload(db);
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
