/**
 * Facts about the current build, and the guard every page and route uses to turn "no build" or
 * "wrong schema version" into an explanation instead of a crash.
 */
import type Database from 'better-sqlite3';
import { BuildUnavailableError, openBuild, resolveDatabasePath } from '../db';
import { SCHEMA_VERSION } from '../schema';
import { selectAll } from './statements';

export { BuildUnavailableError } from '../db';

/** The meta table of a build, with the few keys the app shows pulled out. */
export interface BuildInfo {
  schemaVersion: number;
  buildId: string | null;
  builtAt: string | null;
  /** 'year' or 'month': how papers are grouped into periods. */
  granularity: string | null;
  meta: Record<string, string>;
}

/** Which method made the topics and why (the build's `topic_method`; lib/model's TopicMethod). */
export interface TopicMethodInfo {
  cluster: string;
  /** 'option' when asked for, 'default' when chosen from the corpus. */
  chosenBy: 'option' | 'default';
  papers: number;
  linkedPapers: number;
  citationsWeight: number | null;
  /** Why this method, without naming it (a build from before `why` was stored: its whole reason). */
  why: string;
  reason: string;
}

/** The topic method a build's meta records, or null for a build from before it was recorded. */
export function parseTopicMethod(meta: Record<string, string>): TopicMethodInfo | null {
  if (!meta.topic_method) return null;
  try {
    const m = JSON.parse(meta.topic_method) as Partial<TopicMethodInfo>;
    if (typeof m.cluster !== 'string' || typeof m.reason !== 'string') return null;
    return {
      cluster: m.cluster,
      chosenBy: m.chosenBy === 'option' ? 'option' : 'default',
      papers: Number(m.papers ?? 0),
      linkedPapers: Number(m.linkedPapers ?? 0),
      citationsWeight: typeof m.citationsWeight === 'number' ? m.citationsWeight : null,
      why: typeof m.why === 'string' ? m.why : m.reason,
      reason: m.reason,
    };
  } catch {
    return null;
  }
}

/** The topic method of the current build. */
export function readTopicMethod(db: Database.Database = openBuild()): TopicMethodInfo | null {
  return parseTopicMethod(readBuildInfo(db).meta);
}

/** Why the app cannot read a build, in words a user can act on. */
export interface BuildProblem {
  reason: 'missing' | 'version' | 'corrupt';
  message: string;
  /** Where the app looked for the database. */
  file: string;
  /** The schema version this app reads. */
  expectedVersion: number;
}

/** A read that either produced a value or found no usable build. */
export type ReadResult<T> = { ok: true; value: T } | { ok: false; problem: BuildProblem };

/** Every key of the meta table. */
export function readBuildInfo(db: Database.Database = openBuild()): BuildInfo {
  const rows = selectAll<{ key: string; value: string }>(db, 'SELECT key, value FROM meta ORDER BY key');
  const meta = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return {
    schemaVersion: Number(meta.schema_version ?? SCHEMA_VERSION),
    buildId: meta.build_id ?? null,
    builtAt: meta.built_at ?? meta.created_at ?? null,
    granularity: meta.granularity ?? null,
    meta,
  };
}

/** Describes a BuildUnavailableError for the "no build yet" page and 503 responses. */
export function describeBuildProblem(error: BuildUnavailableError): BuildProblem {
  return {
    reason: error.reason,
    message: error.message,
    file: resolveDatabasePath(),
    expectedVersion: SCHEMA_VERSION,
  };
}

/**
 * Runs a read; a missing, outdated or unreadable build becomes `{ ok: false, problem }`, any other
 * error is thrown on (it is a bug, not a state of the data).
 */
export function readOrExplain<T>(read: () => T): ReadResult<T> {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    if (isBuildUnavailable(error)) return { ok: false, problem: describeBuildProblem(error) };
    throw error;
  }
}

/** True for the error `openBuild` throws when there is no usable build. Checked by name too, since
 * a bundler may give route handlers and pages separate copies of the class. */
export function isBuildUnavailable(error: unknown): error is BuildUnavailableError {
  return error instanceof BuildUnavailableError || (error instanceof Error && error.name === 'BuildUnavailableError');
}
