/**
 * Prepared statements of the read module, cached per connection: a WeakMap keyed by the database,
 * so a swapped build (a new connection from `openBuild`) starts a fresh cache and the old one is
 * collected with its connection.
 */
import type Database from 'better-sqlite3';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The prepared statement for `sql` on `db`, prepared once per connection. */
export function prepareCached(db: Database.Database, sql: string): Database.Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}

/** All rows of a cached statement, typed by the caller's row shape. */
export function selectAll<Row>(db: Database.Database, sql: string, ...params: unknown[]): Row[] {
  return prepareCached(db, sql).all(...params) as Row[];
}

/** The first row of a cached statement, or undefined. */
export function selectOne<Row>(db: Database.Database, sql: string, ...params: unknown[]): Row | undefined {
  return prepareCached(db, sql).get(...params) as Row | undefined;
}

/** `text` with LIKE's wildcards escaped, for patterns written with `ESCAPE '\\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const computed = new WeakMap<Database.Database, Map<string, unknown>>();

/**
 * A value read from the whole build (a count over every paper, a sample of the map), computed once
 * per connection: a build never changes once written (a new one comes as a new connection), and
 * at a million papers such a scan costs more than the rest of a page. The value is shared by every
 * request: callers must not change it.
 */
export function cachedPerBuild<T>(db: Database.Database, key: string, compute: () => T): T {
  let values = computed.get(db);
  if (!values) {
    values = new Map();
    computed.set(db, values);
  }
  if (values.has(key)) return values.get(key) as T;
  const value = compute();
  values.set(key, value);
  return value;
}
