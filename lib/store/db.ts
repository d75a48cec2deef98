/**
 * The app's connection to the build. Opened read-only at request time and reopened when the
 * pipeline swaps in a new database file, so a running server shows the new corpus without a
 * rebuild of the app.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE, SCHEMA_VERSION } from './schema';

/** Why there is no usable build: the app shows a page that says how to make one. */
export class BuildUnavailableError extends Error {
  constructor(
    message: string,
    readonly reason: 'missing' | 'version' | 'corrupt',
  ) {
    super(message);
    this.name = 'BuildUnavailableError';
  }
}

/** The build folder: $TOPICSCOPE_BUILD, or data/build under the working directory. */
export function resolveBuildDir(): string {
  // The build is read at request time, not bundled: keep the file tracer out of this path.
  return path.resolve(
    /* turbopackIgnore: true */ process.env.TOPICSCOPE_BUILD ??
      path.join(/* turbopackIgnore: true */ process.cwd(), 'data', 'build'),
  );
}

/** Path of the database file of the current build. */
export function resolveDatabasePath(): string {
  return path.join(resolveBuildDir(), DATABASE_FILE);
}

interface OpenBuild {
  db: Database.Database;
  file: string;
  ino: number;
  mtimeMs: number;
  size: number;
}

// One connection per server process, kept on globalThis so Next's dev reloads share it.
const holder = globalThis as unknown as { __topicscopeDb?: OpenBuild | null };

/**
 * Returns a read-only connection to the current build, reopening it when the file on disk is a
 * different one (the pipeline replaces it by rename, which gives a new inode).
 * Throws BuildUnavailableError when there is no build or it has another schema version.
 */
export function openBuild(): Database.Database {
  const file = resolveDatabasePath();
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    closeBuild();
    throw new BuildUnavailableError(
      `No build found at ${file}. Run \`npm run pipeline\` (or \`npm start\`) to make one.`,
      'missing',
    );
  }
  const current = holder.__topicscopeDb;
  if (
    current &&
    current.file === file &&
    current.ino === stat.ino &&
    current.mtimeMs === stat.mtimeMs &&
    current.size === stat.size
  ) {
    return current.db;
  }
  closeBuild();
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('query_only = ON');
    db.pragma('cache_size = -65536');
    db.pragma('mmap_size = 268435456');
  } catch (error) {
    throw new BuildUnavailableError(`The build at ${file} cannot be opened: ${(error as Error).message}`, 'corrupt');
  }
  let version: number | null = null;
  try {
    const row = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as
      { value: string } | undefined;
    version = row ? Number(row.value) : null;
  } catch {
    version = null;
  }
  if (version !== SCHEMA_VERSION) {
    db.close();
    throw new BuildUnavailableError(
      `The build at ${file} has schema version ${version ?? 'unknown'}, this app reads version ${SCHEMA_VERSION}. ` +
        'Rebuild it with `npm run pipeline`.',
      'version',
    );
  }
  holder.__topicscopeDb = { db, file, ino: stat.ino, mtimeMs: stat.mtimeMs, size: stat.size };
  return db;
}

/** Closes the current connection, if any. */
export function closeBuild(): void {
  const current = holder.__topicscopeDb;
  if (current) {
    try {
      current.db.close();
    } catch {
      // already closed
    }
  }
  holder.__topicscopeDb = null;
}
