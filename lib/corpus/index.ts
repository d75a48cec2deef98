/**
 * Ingestion: input files in any supported layout → one clean, de-duplicated `Corpus`.
 * `readCorpus` is the entry point; everything else in lib/corpus is a pure step it calls.
 */
import path from 'node:path';
import type { Corpus, FileReport, RejectedRecord } from './types';
import type { ParseReject, ParseResult, RawRecord } from './raw-record';
import { InputError } from './errors';
import { LAYOUTS, LINE_LAYOUTS, detectLayout, isLayout, type Layout } from './detect';
import {
  findManifest,
  listInputFiles,
  readChunks,
  readLines,
  readSample,
  readSmallText,
  readWholeText,
  type InputFile,
  type TextEncoding,
  type TextSource,
} from './read-files';
import { FORMATS, detectFormat, findFormat } from './formats/index';
import type { FormatSpec } from './format-spec';
import { findManifestEntry, parseManifest, type ManifestEntry } from './manifest';
import { parseFileNameYear } from './dates';
import { buildCandidate, type Candidate, type RecordContext } from './normalize-record';
import { PaperMerger } from './dedupe';
import type { AbstractSink } from './abstract-file';
import { buildReferenceTargets } from './references';
import { parseArxivAuthorPage } from './parse-arxiv-author-page';
import { parseAuthorsTldrAbstract } from './parse-authors-tldr-abstract';
import { parseHfDailyPapers } from './parse-hf-daily-papers';
import { parseHfPapersListing } from './parse-hf-papers-listing';
import { parseNumberedListing } from './parse-numbered-listing';
import {
  buildFieldResolver,
  buildRecordFromFields,
  parseArxivLine,
  parseJsonDocument,
  parseJsonLine,
} from './parse-json';
import { createJsonRecordParser } from './json-stream';
import { createCsvLayoutParser } from './parse-csv';
import { PARALLEL_MIN_BYTES, canReadInBlocks, readBlocks } from './read-blocks';
import { parseBibtex } from './parse-bibtex';

export { InputError } from './errors';
export { LAYOUTS } from './detect';
export { FORMATS } from './formats/index';
export type { Layout } from './detect';
export type { TextEncoding } from './read-files';
export type * from './types';

/** Options of `readCorpus`. */
export interface IngestOptions {
  /** Our field name → the input's field name, e.g. `{ abstract: 'summary_text' }` (JSON, CSV, TSV). */
  fieldMap?: Record<string, string>;
  /** Year for records with none (overrides the manifest's and the file name's year). */
  year?: number;
  /** Path to a sources.json; default: `sources.json` inside an input folder (or beside an input file). */
  manifest?: string;
  /** Force a layout (one of `LAYOUTS`) instead of detecting it. */
  format?: string;
  /** Read every input in this encoding instead of detecting it. */
  encoding?: TextEncoding;
  /**
   * Parse files of the formats that allow it (OpenAlex works) in blocks of about this many
   * characters on several threads, whatever their size (tests); by default only files of 16 MB or
   * more are, in blocks of 1 MB.
   */
  blockChars?: number;
}

/** Progress while reading: which file, how many records so far, and raw bytes read of all files. */
export interface IngestProgress {
  file: string;
  fileIndex: number;
  fileCount: number;
  records: number;
  bytesRead: number;
  bytesTotal: number;
}

const PROGRESS_EVERY = 5000;

/** Venue for layouts that imply one, used when neither the record nor the manifest names one. */
const LAYOUT_VENUE: Partial<Record<Layout, string>> = { 'arxiv-jsonl': 'arXiv', 'arxiv-author-page': 'arXiv' };

/** Records handed to de-duplication at a time: a file of any size is never held whole. */
const MERGE_BLOCK = 4096;

/** Sorts records by their place in the file (stable, so a no-op for the usual in-order parser). */
function sortByRecord(items: Candidate[]): void {
  for (let i = 1; i < items.length; i++) {
    if (items[i].source.record < items[i - 1].source.record) {
      items.sort((a, b) => a.source.record - b.source.record);
      return;
    }
  }
}

/** True for a format of the registry or one of the older layouts. */
function isKnownFormat(name: string): boolean {
  return findFormat(name) !== undefined || isLayout(name);
}

/** Every format name, for messages. */
function formatNames(): string {
  return [...FORMATS.map((f) => f.name), ...LAYOUTS].join(', ');
}

/** The part of a reject reason used for counting: `bad JSON: Unexpected token` → `bad JSON`. */
function reasonKey(reason: string): string {
  const colon = reason.indexOf(':');
  return colon > 0 ? reason.slice(0, colon) : reason;
}

function parseWholeText(layout: Layout, text: string, fieldMap: Record<string, string>): ParseResult {
  switch (layout) {
    case 'json':
      return parseJsonDocument(text, fieldMap);
    case 'bibtex':
      return parseBibtex(text);
    case 'numbered-listing':
      return parseNumberedListing(text);
    case 'hf-daily-papers':
      return parseHfDailyPapers(text);
    case 'arxiv-author-page':
      return parseArxivAuthorPage(text);
    case 'authors-tldr-abstract':
      return parseAuthorsTldrAbstract(text);
    case 'hf-papers-listing':
      return parseHfPapersListing(text);
    default:
      throw new Error(`layout ${layout} is read line by line`);
  }
}

async function loadManifests(
  files: readonly InputFile[],
  manifestPath: string | undefined,
): Promise<Map<string, ManifestEntry[]>> {
  const byRoot = new Map<string, ManifestEntry[]>();
  const load = async (file: string): Promise<ManifestEntry[]> => {
    try {
      return parseManifest(await readSmallText(file, file));
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(file, `bad manifest: ${(e as Error).message}`);
    }
  };
  if (manifestPath !== undefined) {
    const entries = await load(manifestPath);
    for (const f of files) byRoot.set(f.root, entries);
    return byRoot;
  }
  for (const root of new Set(files.map((f) => f.root))) {
    const found = await findManifest(root);
    byRoot.set(root, found === null ? [] : await load(found));
  }
  return byRoot;
}

/** Where the ingest loop puts each normalized record: `endFile` is called after each file's last. */
interface CandidateSink {
  add(c: Candidate): void;
  endFile(): void;
}

/**
 * The ingest loop: every input file detected, streamed through its reader and normalized, each
 * usable record handed to `sink` in input order; returns the per-file reports and the rejects.
 */
async function readInputs(
  inputs: string[],
  opts: IngestOptions,
  onProgress: ((p: IngestProgress) => void) | undefined,
  sink: CandidateSink,
): Promise<{ files: InputFile[]; reports: FileReport[]; rejects: RejectedRecord[] }> {
  const fieldMap = opts.fieldMap ?? {};
  if (opts.format !== undefined && !isKnownFormat(opts.format)) {
    throw new InputError(opts.format, `unknown format; the formats are: ${formatNames()}`);
  }
  const files = await listInputFiles(inputs);
  const manifests = await loadManifests(files, opts.manifest);
  const bytesTotal = files.reduce((s, f) => s + f.size, 0);
  let bytesRead = 0;
  const rejects: RejectedRecord[] = [];
  const reports: FileReport[] = [];

  for (let fileIndex = 0; fileIndex < files.length; fileIndex++) {
    const f = files[fileIndex];
    const entry = findManifestEntry(manifests.get(f.root) ?? [], f.name);
    let records = 0;
    const progress = (): void =>
      onProgress?.({ file: f.name, fileIndex, fileCount: files.length, records, bytesRead, bytesTotal });
    progress();

    const sample = await readSample(f, opts.encoding);
    const source: TextSource = { path: f.path, name: f.name, member: f.member, encoding: sample.encoding };
    const forced = opts.format ?? entry?.format ?? null;
    if (forced !== null && !isKnownFormat(forced)) {
      throw new InputError(f.name, `unknown format "${forced}" in the manifest; the formats are: ${formatNames()}`);
    }
    const spec: FormatSpec | undefined = forced !== null ? findFormat(forced) : detectFormat(sample);
    const layout: string | null =
      spec?.name ??
      (forced !== null && isLayout(forced) ? forced : detectLayout(sample.text, sample.complete, fieldMap));
    if (layout === null) {
      const hint = !sample.complete && !sample.text.includes('\n') ? ' (its first 64 KB hold no line break)' : '';
      throw new InputError(f.name, `unrecognized layout${hint}; tried: ${formatNames()}`);
    }
    const warnings: string[] = sample.warning === null ? [] : [sample.warning];
    const ctx: RecordContext = {
      file: f.name,
      fileIndex,
      venue: entry?.venue ?? spec?.defaultVenue ?? (isLayout(layout) ? LAYOUT_VENUE[layout] : undefined) ?? null,
      year: opts.year ?? entry?.year ?? parseFileNameYear(f.name.replace(/\.gz$/i, '')),
      referenceYear: entry?.referenceYear ?? null,
      layout,
    };
    const fileRejects: RejectedRecord[] = [];
    const reject = (r: ParseReject): void => {
      fileRejects.push({ file: f.name, record: r.record, reason: r.reason });
    };
    const accept = (raw: RawRecord): void => {
      const c = buildCandidate(raw, ctx);
      if ('reason' in c) reject(c);
      else sink.add(c);
    };
    const onBytes = (n: number): void => {
      bytesRead += n;
    };

    const emit = (out: RawRecord | ParseReject): void => {
      records++;
      if ('reason' in out) reject(out);
      else accept(out);
      if (records % PROGRESS_EVERY === 0) progress();
    };
    if (
      spec !== undefined &&
      canReadInBlocks(spec) &&
      (f.size >= PARALLEL_MIN_BYTES || opts.blockChars !== undefined)
    ) {
      await readBlocks(
        source,
        spec,
        ctx,
        ({ out }) => {
          for (const o of out) {
            records++;
            if ('reason' in o) reject(o);
            else sink.add(o);
            if (records % PROGRESS_EVERY === 0) progress();
          }
        },
        onBytes,
        opts.blockChars,
      );
    } else if (spec !== undefined) {
      const parser = spec.createParser({ file: f.name, fieldMap, warn: (m) => warnings.push(m) }, emit);
      if (spec.input === 'lines') {
        await readLines(
          source,
          (l) => {
            if (l.tooLong) emit({ record: l.line, reason: `line too long: ${l.length} characters` });
            else parser.push(l.text, l.line);
          },
          onBytes,
        );
      } else {
        await readChunks(source, (text, line) => parser.push(text, line), onBytes);
      }
      parser.finish();
    } else if (layout === 'csv' || layout === 'tsv') {
      // The delimiter is sniffed (`,` `;` `|` or tab) unless the user forced tsv.
      const csv = createCsvLayoutParser(forced === 'tsv' ? '\t' : null, fieldMap, emit);
      await readLines(
        source,
        (l) => {
          if (l.tooLong) emit({ record: l.line, reason: `line too long: ${l.length} characters` });
          else csv.push(l.text, l.line);
        },
        onBytes,
      );
      csv.finish();
      if (csv.columns === null) throw new InputError(f.name, 'the CSV file has no header row');
    } else if (layout === 'json' && sample.text.trimStart().startsWith('[')) {
      // A JSON array streams record by record (a document holding its records under a key is read whole).
      const parser = createJsonRecordParser(emit, (value, line, out) => {
        if (value === null || typeof value !== 'object' || Array.isArray(value))
          out({ record: line, reason: 'not a JSON object' });
        else
          out(
            buildRecordFromFields(
              value as Record<string, unknown>,
              line,
              buildFieldResolver(Object.keys(value), fieldMap),
            ),
          );
      });
      await readChunks(source, (text, line) => parser.push(text, line), onBytes);
      parser.finish();
    } else if (isLayout(layout) && LINE_LAYOUTS.has(layout)) {
      const parseLine = layout === 'arxiv-jsonl' ? parseArxivLine : parseJsonLine;
      await readLines(
        source,
        (l) => {
          if (l.tooLong) emit({ record: l.line, reason: `line too long: ${l.length} characters` });
          else if (l.text.trim() !== '') emit(parseLine(l.text, l.line, fieldMap));
        },
        onBytes,
      );
    } else {
      const text = await readWholeText(source, onBytes);
      let result: ParseResult;
      try {
        result = parseWholeText(layout as Layout, text, fieldMap);
      } catch (e) {
        if (e instanceof SyntaxError) throw new InputError(f.name, `cannot read as ${layout}: ${e.message}`);
        throw e;
      }
      records = result.records.length + result.rejects.length;
      for (const r of result.rejects) reject(r);
      for (const raw of result.records) accept(raw);
    }
    fileRejects.sort((a, b) => a.record - b.record);
    for (const r of fileRejects) rejects.push(r);
    const rejectReasons: Record<string, number> = {};
    for (const r of fileRejects) rejectReasons[reasonKey(r.reason)] = (rejectReasons[reasonKey(r.reason)] ?? 0) + 1;
    sink.endFile();
    reports.push({
      file: f.name,
      layout,
      venue: entry?.venue ?? null,
      year: ctx.year,
      notes: entry?.notes ?? null,
      recordsRead: records,
      papersKept: 0,
      duplicatesMerged: 0,
      mergedBy: { doi: 0, id: 0, title: 0, abstract: 0 },
      mergedWith: {},
      withoutAbstract: 0,
      rejected: fileRejects.length,
      rejectReasons,
      warnings,
    });
    progress();
  }
  return { files, reports, rejects };
}

/**
 * Reads input files and folders into one de-duplicated corpus.
 * Throws `InputError` for a missing, empty, binary, undecidable or unrecognized file (naming it and
 * the formats tried) and when no usable paper remains; broken records are rejected and counted.
 *
 * Records stream: they are parsed, normalized and de-duplicated a block at a time. With
 * `abstracts`, each paper's abstract goes there as it is read and the papers hold only its length
 * (the pipeline's way at any size); without, the papers hold their abstracts.
 */
export async function readCorpus(
  inputs: string[],
  opts: IngestOptions = {},
  onProgress?: (p: IngestProgress) => void,
  abstracts?: AbstractSink,
): Promise<Corpus> {
  const merger = new PaperMerger(0, abstracts ?? null);
  // Usable records keep input order; within a block they are sorted by line in case a parser
  // reported them out of order.
  let pending: Candidate[] = [];
  const flush = (): void => {
    sortByRecord(pending);
    for (const c of pending) merger.add(c);
    pending = [];
  };
  const { files, reports, rejects } = await readInputs(inputs, opts, onProgress, {
    add: (c) => {
      pending.push(c);
      if (pending.length === MERGE_BLOCK) flush();
    },
    endFile: flush,
  });
  const { papers, kept, merged, mergedBy, mergedWith } = merger.finish(files.length);
  reports.forEach((r, i) => {
    r.papersKept = kept[i];
    r.duplicatesMerged = merged[i];
    r.mergedBy = mergedBy[i];
    for (const [file, count] of [...mergedWith[i]].sort((a, b) => a[0] - b[0]))
      r.mergedWith[reports[file].file] = count;
  });
  const fileOf = new Map(reports.map((r, i) => [r.file, i]));
  for (const p of papers) if (p.abstractLength === 0) reports[fileOf.get(p.sources[0].file) ?? 0].withoutAbstract++;
  if (papers.length === 0) {
    const read = reports.reduce((s, r) => s + r.recordsRead, 0);
    const counts: Record<string, number> = {};
    for (const r of rejects) counts[reasonKey(r.reason)] = (counts[reasonKey(r.reason)] ?? 0) + 1;
    const why = Object.entries(counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ');
    const label = files.length === 1 ? files[0].name : inputs.map((i) => path.normalize(i)).join(', ');
    throw new InputError(label, `no usable papers: ${read} records read${why ? `, all rejected (${why})` : ''}`);
  }
  const { targets, keys, references, resolved } = buildReferenceTargets(papers);
  return {
    papers,
    files: reports,
    rejects,
    referenceTargets: targets,
    referenceKeys: keys,
    references: { total: references, resolved },
  };
}

/** What `scanCorpus` measured. */
export interface CorpusScan {
  files: FileReport[];
  rejects: number;
  /** Usable records, and those whose DOI, identifier or title key was already seen. */
  records: number;
  duplicates: number;
  /** Keys held by the de-duplication index (DOIs, identifiers, title keys), and their characters. */
  indexKeys: number;
  indexChars: number;
  /** The index itself, kept alive as long as the scan is, so a caller can weigh it on the heap. */
  index: ReadonlySet<string>;
}

/**
 * A copy of `text` that holds no part of a larger string. A key cut from a decoded chunk (a 1 MB
 * external string on large reads) would keep the whole chunk alive: without the copy the index of
 * 100,000 WoS records held all 1.2 GB of their decoded text.
 */
function ownCopy(text: string): string {
  // Concatenation makes a new string; slicing it flattens it into one of its own.
  return `${text}\u0000`.slice(0, -1);
}

/**
 * Reads and normalizes every record like `readCorpus`, but keeps only a de-duplication index of
 * their keys, not the records: the cost of parsing and normalizing, and the memory that must grow
 * with the corpus (the index), measured apart from the papers a build holds (scripts/bench.ts).
 */
export async function scanCorpus(
  inputs: string[],
  opts: IngestOptions = {},
  onProgress?: (p: IngestProgress) => void,
): Promise<CorpusScan> {
  const seen = new Set<string>();
  let records = 0;
  let duplicates = 0;
  let chars = 0;
  const remember = (key: string): boolean => {
    if (seen.has(key)) return true;
    seen.add(ownCopy(key));
    chars += key.length;
    return false;
  };
  const { reports, rejects } = await readInputs(inputs, opts, onProgress, {
    add: (c) => {
      records++;
      let dup = false;
      if (c.doi !== null) dup = remember(`doi:${c.doi}`) || dup;
      for (const id of c.ids) dup = remember(`${id.scheme}:${id.value}`) || dup;
      if (c.titleKey !== null) dup = remember(c.titleKey) || dup;
      if (dup) duplicates++;
    },
    endFile: () => undefined,
  });
  return {
    files: reports,
    rejects: rejects.length,
    records,
    duplicates,
    indexKeys: seen.size,
    indexChars: chars,
    index: seen,
  };
}
