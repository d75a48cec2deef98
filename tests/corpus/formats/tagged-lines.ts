/**
 * Test helpers for the line-based readers (WoS, RIS, MEDLINE): drive a parser over a file's or a
 * string's lines as the ingest loop does (BOM dropped, LF or CRLF, a trailing `\r` removed), and
 * build the detection sample of a file (its first 64 KB).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FormatSample, FormatSpec } from '../../../lib/corpus/format-spec';
import type { ParseReject, RawRecord } from '../../../lib/corpus/raw-record';
import { SAMPLES_DIR } from './samples';

/** What a parser emitted, split into records and rejects (in emit order). */
export interface Parsed {
  records: RawRecord[];
  rejects: ParseReject[];
  /** Records and rejects together. */
  emitted: number;
  /** Notes the parser gave about the whole file. */
  warnings: string[];
}

/** Feeds `text` line by line (numbered from 1) to a fresh parser of `spec`. */
export function parseText(spec: FormatSpec, text: string): Parsed {
  const out: Parsed = { records: [], rejects: [], emitted: 0, warnings: [] };
  const parser = spec.createParser({ file: 'test', fieldMap: {}, warn: (m) => out.warnings.push(m) }, (o) => {
    out.emitted++;
    if ('reason' in o) out.rejects.push(o);
    else out.records.push(o);
  });
  const lines = text.replace(/^\ufeff/, '').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((l, i) => parser.push(l.endsWith('\r') ? l.slice(0, -1) : l, i + 1));
  parser.finish();
  return out;
}

/** Parses a file (UTF-8) with `spec`. */
export function parseFile(spec: FormatSpec, file: string): Parsed {
  return parseText(spec, readFileSync(file, 'utf8'));
}

/** The detection sample of a file: its first 64 KB decoded, BOM removed. */
export function buildSample(file: string): FormatSample {
  const buf = readFileSync(file);
  const complete = buf.length <= 64 * 1024;
  const text = new TextDecoder('utf-8').decode(complete ? buf : buf.subarray(0, 64 * 1024));
  return { text: text.replace(/^\ufeff/, ''), complete };
}

/** Every sample file under ../shared/formats (README and zip archives left out). */
export function listSampleFiles(): string[] {
  if (SAMPLES_DIR === null) return [];
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name !== 'README.md' && !name.endsWith('.zip')) out.push(p);
    }
  };
  walk(SAMPLES_DIR);
  return out;
}

/** The bundled seeds (data/raw) and the corpus fixtures beside them (not in subfolders): files no export reader may claim. */
export function listOtherInputs(): string[] {
  const root = path.resolve(import.meta.dirname, '../../..');
  const out: string[] = [];
  for (const dir of [path.join(root, 'data/raw'), path.join(root, 'tests/fixtures/corpus')]) {
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (name.endsWith('.gz') || name === 'README.md' || statSync(p).isDirectory()) continue;
      out.push(p);
    }
  }
  return out;
}

/** The number of records for which `has` holds. */
export function countWith(records: readonly RawRecord[], has: (r: RawRecord) => boolean): number {
  return records.filter(has).length;
}
