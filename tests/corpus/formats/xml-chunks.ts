/**
 * Test helper for the chunk readers (PubMed XML, EndNote XML): drive a parser over a text cut into
 * pieces as the ingest loop does (each piece with the line it starts on), at fixed or random sizes.
 */
import type { FormatSpec } from '../../../lib/corpus/format-spec';
import type { ParseReject, RawRecord } from '../../../lib/corpus/raw-record';
import { createRandom } from '../../../lib/random';

/** What a parser emitted, split into records and rejects, plus the file warnings. */
export interface ParsedChunks {
  records: RawRecord[];
  rejects: ParseReject[];
  warnings: string[];
}

/** Piece sizes: a fixed size, or a seeded random size in 1..max for each piece. */
export type ChunkSizes = number | { randomUpTo: number; seed: number };

/** Feeds `text` (BOM removed) in pieces to a fresh parser of `spec`, then finishes it. */
export function parseChunks(spec: FormatSpec, text: string, sizes: ChunkSizes = 65536): ParsedChunks {
  const out: ParsedChunks = { records: [], rejects: [], warnings: [] };
  const parser = spec.createParser({ file: 'test', fieldMap: {}, warn: (m) => out.warnings.push(m) }, (o) => {
    if ('reason' in o) out.rejects.push(o);
    else out.records.push(o);
  });
  const body = text.replace(/^\ufeff/, '');
  const random = typeof sizes === 'number' ? null : createRandom(sizes.seed);
  let line = 1;
  for (let i = 0; i < body.length;) {
    const size =
      random === null ? (sizes as number) : 1 + Math.floor(random() * (sizes as { randomUpTo: number }).randomUpTo);
    const piece = body.slice(i, i + size);
    parser.push(piece, line);
    for (let at = piece.indexOf('\n'); at >= 0; at = piece.indexOf('\n', at + 1)) line++;
    i += size;
  }
  parser.finish();
  return out;
}
