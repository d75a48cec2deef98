/**
 * A digest of every table of a build, so that "the output did not change" is checked rather than
 * claimed: a refactor of a stage must leave every table's hash as it was. meta.build_id (the
 * fingerprint of the pipeline's code) is left out; the full-text index's shadow tables too (they
 * follow from `papers`, and their layout is SQLite's).
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

/** Per table, its row count and the SHA-256 of its rows in the order of all their columns. */
export type TableHashes = Record<string, { rows: number; sha256: string }>;

/** The table hashes of the build at `file`. */
export function readTableHashes(file: string): TableHashes {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'papers_fts%' ORDER BY name")
      .pluck()
      .all() as string[];
    const out: TableHashes = {};
    for (const table of tables) {
      const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map(
        (c) => `"${c.name}"`,
      );
      const where = table === 'meta' ? " WHERE key <> 'build_id'" : '';
      const hash = createHash('sha256');
      let rows = 0;
      for (const row of db
        .prepare(`SELECT * FROM "${table}"${where} ORDER BY ${columns.join(', ')}`)
        .raw()
        .iterate() as IterableIterator<unknown[]>) {
        rows++;
        hash.update(JSON.stringify(row, (_key, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)));
        hash.update('\n');
      }
      out[table] = { rows, sha256: hash.digest('hex') };
    }
    return out;
  } finally {
    db.close();
  }
}
