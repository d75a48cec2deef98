/**
 * Runs before `npm start`: builds the analytics for the bundled corpus when the build is missing
 * or stale (its fingerprint of inputs, options and pipeline version differs), otherwise does nothing.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { createProgress } from '../lib/cli/progress';
import { InputError } from '../lib/corpus/index';
import { defaultPipelineOptions, readInputFingerprint, runPipeline } from '../lib/pipeline';
import { readBuildInfo } from '../lib/store/read/build';
import { DATABASE_FILE } from '../lib/store/schema';

function readBuildId(file: string): string | null {
  if (!fs.existsSync(file)) return null;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return readBuildInfo(db).buildId;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  const options = defaultPipelineOptions();
  const file = path.join(options.outDir, DATABASE_FILE);
  const current = readBuildId(file);
  const wanted = readInputFingerprint(options);
  if (current === wanted) {
    process.stderr.write(`Build is up to date: ${path.relative(process.cwd(), file)}\n`);
    return 0;
  }
  process.stderr.write(
    current ? 'The build is stale: rebuilding the bundled corpus.\n' : 'No build yet: building the bundled corpus.\n',
  );
  try {
    const result = await runPipeline(options, createProgress(process.stderr));
    process.stderr.write(
      `Built ${result.corpus.papers.length} papers into ${path.relative(process.cwd(), result.databaseFile)}\n`,
    );
    return 0;
  } catch (error) {
    const message = error instanceof InputError ? error.message : ((error as Error).stack ?? String(error));
    process.stderr.write(`\nThe pipeline failed: ${message}\n`);
    return 1;
  }
}

main().then((code) => process.exit(code));
