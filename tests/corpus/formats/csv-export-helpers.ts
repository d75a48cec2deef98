/**
 * Test helpers for the CSV export readers: run a format's parser over a file or a string, line by
 * line as `readCorpus` feeds it, and build a detection sample from a file's first 64 KB.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { FormatSample } from '../../../lib/corpus/format-spec';
import type { RawRecord } from '../../../lib/corpus/raw-record';

/** What a parser emitted, split into records and rejects, plus its warnings. */
/** What a parser made of a text: the same helper as the tagged-line formats'. */
export type { Parsed as ParsedFile } from './tagged-lines';
export { parseFile, parseText } from './tagged-lines';

/** The detection sample of a file: its first 64 KB decoded (gunzipped when `.gz`), BOM dropped. */
export function buildSample(file: string): FormatSample {
  let bytes = readFileSync(file);
  if (file.endsWith('.gz')) bytes = gunzipSync(bytes);
  const complete = bytes.length <= 64 * 1024;
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, 64 * 1024)).replace(/^\ufeff/, '');
  return { text, complete };
}

/** How many records carry a field. */
export function countWith(records: readonly RawRecord[], has: (r: RawRecord) => boolean): number {
  return records.filter(has).length;
}

const ROOT = path.resolve(import.meta.dirname, '../../..');

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(full));
    else if (e.isFile() && !/^(?:README\.md|sources\.json)$/.test(e.name)) out.push(full);
  }
  return out.sort();
}

/**
 * Every file a detector must judge: the real samples (`samplesDir`), the seeds in data/raw and
 * the corpus fixtures.
 */
export function listDetectionFiles(samplesDir: string): string[] {
  return [
    ...listFiles(samplesDir),
    ...listFiles(path.join(ROOT, 'data/raw')),
    ...listFiles(path.join(ROOT, 'tests/fixtures/corpus')),
  ];
}
