/**
 * npm run pipeline -- [--input PATH ...] [--out DIR] [options]
 * Builds data/build/analytics.db from the paper records in data/raw (or the given inputs).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { currentHeapLimitMb, heapLimitMb, MemoryBudgetError } from '../lib/cli/memory';
import { createProgress, formatCount, formatDuration } from '../lib/cli/progress';
import { InputError, type TextEncoding } from '../lib/corpus/index';
import {
  MIN_TITLE_WORDS,
  defaultPipelineOptions,
  runPipeline,
  type PipelineOptions,
  type PipelineResult,
} from '../lib/pipeline';

const HELP = `Usage: npm run pipeline -- [options]

Reads paper records, builds topics, the map, the co-author graph and trends, and writes one
SQLite database. The previous build is replaced only when the new one is complete.

Input
  --input PATH        file or folder to read (repeatable; default data/raw)
  --out DIR           build folder (default data/build)
  --format LAYOUT     read every input as this layout instead of detecting it
  --encoding ENC      read every input in this encoding (utf-8, utf-16le, utf-16be, windows-1252)
                      instead of detecting it
  --field-map MAP     field names of your JSON/CSV, e.g. title=Title,abstract=Summary,authors=By
  --year N            year for records that carry none (overrides the file-name year)
  --manifest FILE     a sources.json describing the input files (default: one inside an input folder)

Topic model
  --topics K|auto     number of topics (default auto: best silhouette over a range of k)
  --cluster NAME      smoothed (k-means on LSA vectors smoothed over the similar-papers graph),
                      hybrid (smoothed over the similar papers and the citation links together),
                      kmeans (on the LSA vectors), or kmeans-reference (ml-kmeans); default hybrid
                      when at least 30% of the papers have a citation link in the corpus, else smoothed
  --citations-weight F  share of each hybrid smoothing step along citation links (default 0.5)
  --k-min N, --k-max N  range searched when automatic
  --dims N            LSA dimensions (default 100)
  --min-df N          drop terms in fewer than N papers (default 2)
  --max-df F          drop terms in more than this share of papers (default 0.5)

Graph and trends
  --max-authors N     papers with more authors do not add co-author links (default 25)
  --min-support N     minimum papers for a term to get a trend (default: scaled to the corpus)

Citations
  --citation-network N  papers drawn in the citation network view (default 1500)
  --historiograph N   papers in the historiograph, the most locally cited (default 30, at most 200)

General
  --seed N            seed for every random choice (default 42)
  --quiet             no progress output
  --help              this text
`;

function parseFieldMap(value: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of value.split(',')) {
    const [ours, theirs] = pair.split('=').map((s) => s.trim());
    if (!ours || !theirs) throw new UsageError(`--field-map expects ours=theirs pairs, got "${pair}"`);
    map[ours] = theirs;
  }
  return map;
}

class UsageError extends Error {}

function parseNumber(
  name: string,
  value: string | undefined,
  opts: { integer?: boolean; min?: number; max?: number } = {},
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || (opts.integer && !Number.isInteger(n)))
    throw new UsageError(`--${name} expects a number, got "${value}"`);
  if (opts.min !== undefined && n < opts.min) throw new UsageError(`--${name} must be at least ${opts.min}`);
  if (opts.max !== undefined && n > opts.max) throw new UsageError(`--${name} must be at most ${opts.max}`);
  return n;
}

/** Turns command-line arguments into pipeline options. */
export function parsePipelineArgs(
  argv: string[],
  root = process.cwd(),
): { options: PipelineOptions; quiet: boolean; help: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      input: { type: 'string', multiple: true },
      out: { type: 'string' },
      format: { type: 'string' },
      encoding: { type: 'string' },
      'field-map': { type: 'string' },
      year: { type: 'string' },
      manifest: { type: 'string' },
      topics: { type: 'string' },
      cluster: { type: 'string' },
      'citations-weight': { type: 'string' },
      'k-min': { type: 'string' },
      'k-max': { type: 'string' },
      dims: { type: 'string' },
      'min-df': { type: 'string' },
      'max-df': { type: 'string' },
      'max-authors': { type: 'string' },
      'min-support': { type: 'string' },
      'citation-network': { type: 'string' },
      historiograph: { type: 'string' },
      seed: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
  const options = defaultPipelineOptions(root);
  if (values.input?.length) options.inputs = values.input.map((p) => path.resolve(p));
  if (values.out) options.outDir = path.resolve(values.out);
  if (values.format) options.ingest.format = values.format;
  if (values.encoding) {
    const encoding = values.encoding
      .toLowerCase()
      .replace(/^(?:cp|latin-?1|iso-8859-1)$/, 'windows-1252')
      .replace(/^cp1252$/, 'windows-1252');
    if (!['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'].includes(encoding)) {
      throw new UsageError(`--encoding expects utf-8, utf-16le, utf-16be or windows-1252, got "${values.encoding}"`);
    }
    options.ingest.encoding = encoding as TextEncoding;
  }
  if (values['field-map']) options.ingest.fieldMap = parseFieldMap(values['field-map']);
  const year = parseNumber('year', values.year, { integer: true, min: 1000, max: 3000 });
  if (year !== undefined) options.ingest.year = year;
  if (values.manifest) options.ingest.manifest = path.resolve(values.manifest);
  if (values.topics && values.topics !== 'auto') {
    options.model.topics = parseNumber('topics', values.topics, { integer: true, min: 2, max: 500 });
  }
  if (values.cluster !== undefined) {
    if (
      values.cluster !== 'smoothed' &&
      values.cluster !== 'hybrid' &&
      values.cluster !== 'kmeans' &&
      values.cluster !== 'kmeans-reference'
    ) {
      throw new UsageError(`--cluster expects smoothed, hybrid, kmeans or kmeans-reference, got "${values.cluster}"`);
    }
    options.model.cluster = values.cluster;
  }
  const citationsWeight = parseNumber('citations-weight', values['citations-weight'], { min: 0, max: 1 });
  if (citationsWeight !== undefined) options.model.citationsWeight = citationsWeight;
  const kMin = parseNumber('k-min', values['k-min'], { integer: true, min: 2 });
  const kMax = parseNumber('k-max', values['k-max'], { integer: true, min: 2 });
  if (kMin !== undefined || kMax !== undefined) options.model.kRange = [kMin ?? 5, kMax ?? 40];
  const dims = parseNumber('dims', values.dims, { integer: true, min: 2, max: 1000 });
  if (dims !== undefined) options.model.dims = dims;
  const minDf = parseNumber('min-df', values['min-df'], { min: 0 });
  if (minDf !== undefined) options.model.minDf = minDf;
  const maxDf = parseNumber('max-df', values['max-df'], { min: 0 });
  if (maxDf !== undefined) options.model.maxDf = maxDf;
  const maxAuthors = parseNumber('max-authors', values['max-authors'], { integer: true, min: 2 });
  if (maxAuthors !== undefined) options.graph.maxAuthorsPerPaper = maxAuthors;
  const minSupport = parseNumber('min-support', values['min-support'], { integer: true, min: 1 });
  if (minSupport !== undefined) options.trends.minSupport = minSupport;
  const networkPapers = parseNumber('citation-network', values['citation-network'], {
    integer: true,
    min: 10,
    max: 20_000,
  });
  const historiograph = parseNumber('historiograph', values.historiograph, { integer: true, min: 2, max: 200 });
  if (networkPapers !== undefined || historiograph !== undefined) options.citations = { networkPapers, historiograph };
  const seed = parseNumber('seed', values.seed, { integer: true, min: 0 });
  if (seed !== undefined) options.seed = seed;
  return { options, quiet: Boolean(values.quiet), help: Boolean(values.help) };
}

/** The closing summary: per file, the model's quality, the stages' times. */
export function formatSummary(result: PipelineResult): string {
  const lines: string[] = [];
  lines.push('', 'Files');
  const files = result.corpus.files;
  const fileWidth = files.reduce((w, f) => Math.max(w, f.file.length), 4);
  lines.push(
    `  ${'file'.padEnd(fileWidth)}  ${'format'.padEnd(18)} ${'read'.padStart(7)} ${'kept'.padStart(7)} ${'merged'.padStart(7)} ${'rejected'.padStart(8)} ${'no abstract'.padStart(11)}`,
  );
  for (const f of files) {
    const reasons = Object.entries(f.rejectReasons)
      .map(([reason, n]) => `${reason}: ${n}`)
      .join('; ');
    lines.push(
      `  ${f.file.padEnd(fileWidth)}  ${f.layout.padEnd(18)} ${formatCount(f.recordsRead).padStart(7)} ${formatCount(f.papersKept).padStart(7)} ${formatCount(f.duplicatesMerged).padStart(7)} ${formatCount(f.rejected).padStart(8)} ${formatCount(f.withoutAbstract).padStart(11)}${reasons ? `  (${reasons})` : ''}`,
    );
    if (f.duplicatesMerged > 0) {
      const how = (['doi', 'id', 'title', 'abstract'] as const)
        .filter((k) => f.mergedBy[k] > 0)
        .map((k) => `${formatCount(f.mergedBy[k])} by ${k === 'id' ? 'identifier' : k}`);
      const into = Object.entries(f.mergedWith).map(
        ([file, n]) => `${formatCount(n)} into papers of ${file === f.file ? 'this file' : file}`,
      );
      lines.push(`    merged ${how.join(', ')}; ${into.join(', ')}`);
    }
    for (const w of f.warnings) lines.push(`    note: ${w}`);
  }
  const shown = result.corpus.rejects.slice(0, 5);
  for (const r of shown) lines.push(`  rejected ${r.file}:${r.record}: ${r.reason}`);
  if (result.corpus.rejects.length > shown.length) {
    lines.push(
      `  … and ${formatCount(result.corpus.rejects.length - shown.length)} more rejected records (table rejected_records)`,
    );
  }
  const { references } = result.corpus;
  if (references.total > 0) {
    lines.push(
      `  references: ${formatCount(references.total)}, ${formatCount(references.resolved)} resolved to papers of the corpus (${((100 * references.resolved) / references.total).toFixed(1)}%)`,
    );
  }
  const withoutTopic = result.corpus.papers.length - result.model.papers.topic.length;
  if (withoutTopic > 0) {
    lines.push(
      `  ${formatCount(withoutTopic)} papers have no topic: no abstract and a title of fewer than ${MIN_TITLE_WORDS} words`,
    );
  }
  for (const a of result.model.adaptations) lines.push(`  small corpus: ${a}`);
  const q = result.model.quality;
  lines.push('', `Topics: ${result.model.topics.length}`);
  for (const t of result.model.topics.slice(0, 100))
    lines.push(`  ${String(t.id).padStart(3)}  ${formatCount(t.size).padStart(6)}  ${t.label}`);
  lines.push('', 'Quality');
  for (const [metric, value] of Object.entries(q)) {
    if (typeof value === 'number')
      lines.push(`  ${metric.padEnd(24)} ${Number.isInteger(value) ? value : value.toFixed(4)}`);
  }
  lines.push('', 'Stages');
  for (const t of result.timings)
    lines.push(
      `  ${t.stage.padEnd(12)} ${formatDuration(t.seconds).padStart(9)}  peak RSS ${t.peakRssMb} MB` +
        (t.rssMb === undefined ? '' : `, now ${t.rssMb} MB`),
    );
  lines.push('', `Build: ${result.databaseFile}`);
  return lines.join('\n');
}

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parsePipelineArgs>;
  try {
    parsed = parsePipelineArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const progress = createProgress(process.stderr, { quiet: parsed.quiet });
  try {
    const result = await runPipeline(parsed.options, progress);
    if (!parsed.quiet) process.stdout.write(`${formatSummary(result)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`\nError: ${error.message}\nThe previous build, if any, is untouched.\n`);
      return 1;
    }
    if (error instanceof MemoryBudgetError) {
      process.stderr.write(`\nError: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(
      `\nThe pipeline failed: ${(error as Error).stack ?? String(error)}\nThe previous build, if any, is untouched.\n`,
    );
    return 1;
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  // V8's default heap limit (about 4 GB) is far below what a million papers need: run again with
  // a limit of three quarters of the machine's memory, unless this process already has it.
  const wanted = heapLimitMb();
  if (currentHeapLimitMb() < wanted * 0.9 && process.env.TOPICSCOPE_HEAP_SET !== '1') {
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, `--max-old-space-size=${wanted}`, ...process.argv.slice(1)],
      { stdio: 'inherit', env: { ...process.env, TOPICSCOPE_HEAP_SET: '1' } },
    );
    process.exit(child.status ?? 1);
  }
  main().then((code) => process.exit(code));
}
