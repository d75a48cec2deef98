/**
 * Where the real export samples live: `../shared/formats` beside the project (read in place, never
 * copied in), or TOPICSCOPE_SHARED_DIR/formats. Tests of the samples are skipped, with a note, on a
 * machine that does not have them.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

function findSamplesDir(): string | null {
  const candidates = [
    process.env.TOPICSCOPE_SHARED_DIR ? path.join(process.env.TOPICSCOPE_SHARED_DIR, 'formats') : null,
    path.resolve(import.meta.dirname, '../../../../shared/formats'),
    '/work/shared/formats',
  ];
  for (const c of candidates) if (c !== null && existsSync(path.join(c, 'README.md'))) return c;
  return null;
}

/** The samples folder, or null when this machine has none. */
export const SAMPLES_DIR = findSamplesDir();

if (SAMPLES_DIR === null)
  console.warn('tests/corpus/formats: ../shared/formats not found; the real-export tests are skipped');

/** Absolute path of a sample, e.g. `sample('wos/tethne__wos2.txt')`. */
export function sample(relative: string): string {
  if (SAMPLES_DIR === null) throw new Error('no samples folder');
  return path.join(SAMPLES_DIR, relative);
}

/** True when the samples are here (use with `describe.runIf`). */
export const HAVE_SAMPLES = SAMPLES_DIR !== null;
