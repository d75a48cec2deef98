/**
 * Parallel ingest of one large JSON record file (OpenAlex works): the splitter cuts the records out
 * on the calling thread as it reads, blocks of them are parsed and normalized on worker threads
 * (lib/parallel), and the records and rejects come back in file order, so the output is exactly
 * what one reader over the whole file gives: same records, same line numbers, same reject reasons.
 */
import type { Emit, FormatSpec } from './format-spec';
import { findFormat } from './formats/index';
import { JsonItemSplitter } from './json-stream';
import { buildCandidate, type Candidate, type RecordContext } from './normalize-record';
import type { ParseReject, RawRecord } from './raw-record';
import { readChunks, type TextSource } from './read-files';
import { createOrderedRunner, parallelThreads } from '../parallel/pool';
import { TASKS } from '../parallel/tasks';

/** Records of a JSON file as its splitter cut them out, and the splitter's rejects, in file order. */
export interface ItemsBlock {
  format: string;
  ctx: RecordContext;
  /** Per entry: its 1-based start line, and either its text or why it was rejected. */
  lines: number[];
  texts: (string | null)[];
  reasons: (string | null)[];
}

/** What one block gave, in file order: normalized records and rejects (one per entry). */
export interface ParsedBlock {
  out: (Candidate | ParseReject)[];
}

/**
 * Parses and normalizes one block, as the ingest loop does for a whole file (the worker task
 * `parseBlock`): the format's records become candidates (or rejects, when they have neither title
 * nor abstract), its rejects and the splitter's stay rejects.
 */
export function parseBlock(block: ItemsBlock): ParsedBlock {
  const take = findFormat(block.format)?.takeItem;
  if (take === undefined) throw new Error(`format ${block.format} has no takeItem`);
  const out: (Candidate | ParseReject)[] = [];
  const emit: Emit = (r: RawRecord | ParseReject) => {
    out.push('reason' in r ? r : buildCandidate(r, block.ctx));
  };
  for (let i = 0; i < block.lines.length; i++) {
    const text = block.texts[i];
    if (text === null) emit({ record: block.lines[i], reason: block.reasons[i] ?? 'broken record' });
    else take(text, block.lines[i], emit);
  }
  return { out };
}

/** Characters of record text a block holds, about: big enough that posting it costs little beside
 * parsing it. */
const BLOCK_CHARS = 1 << 20;
/** Files smaller than this are read on one thread: starting workers would cost more than it saves. */
export const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;

/** Whether `readBlocks` can read a file of this format on several threads now. */
export function canReadInBlocks(spec: FormatSpec): boolean {
  return spec.input === 'chunks' && spec.takeItem !== undefined && parallelThreads() > 1;
}

/**
 * Reads one file of a format with `takeItem` in blocks parsed on several threads (each block to a
 * free worker, or on this thread when none is free), handing each block's output to `sink` in file
 * order. `blockChars` (tests) sets the block size.
 */
export async function readBlocks(
  source: TextSource,
  spec: FormatSpec,
  ctx: RecordContext,
  sink: (parsed: ParsedBlock) => void,
  onRawBytes: (n: number) => void,
  blockChars = BLOCK_CHARS,
): Promise<void> {
  const runner = createOrderedRunner(TASKS.parseBlock, parseBlock, sink);
  const empty = (): ItemsBlock => ({ format: spec.name, ctx, lines: [], texts: [], reasons: [] });
  let block = empty();
  let chars = 0;
  // The same splitter `createJsonTextParser` uses: records and rejects come out as one reader cuts them.
  const splitter = new JsonItemSplitter(
    (text, line) => {
      block.lines.push(line);
      block.texts.push(text);
      block.reasons.push(null);
      chars += text.length;
    },
    (line, reason) => {
      block.lines.push(line);
      block.texts.push(null);
      block.reasons.push(reason);
    },
  );
  const close = (): void => {
    runner.push(block);
    block = empty();
    chars = 0;
  };
  try {
    await readChunks(
      source,
      (text, line) => {
        splitter.push(text, line);
        if (chars >= blockChars) close();
      },
      onRawBytes,
    );
    splitter.finish();
    if (block.lines.length > 0) close();
  } finally {
    // Also when the file breaks off (an InputError): no worker is left holding an answer.
    runner.finish();
  }
}
