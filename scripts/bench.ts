/**
 * Benchmarks on the real corpora in ../shared/corpora, beside the scikit-learn reference in the
 * same run. Each measured part runs in its own child process, so its peak RSS is its own.
 *
 *   npm run bench                       # everything
 *   npm run bench -- --only ingest,model # some parts: ingest, model, graph-trends, neurips, app, exports, citations, hybrid, map-render
 *   npm run bench -- --no-reference      # skip scikit-learn
 *   npm run bench -- --only citations-scale   # the citation stage at 1M papers, 30M references (not in the default set)
 *   npm run bench -- --only scale --sizes 300k,1m,3m-dry   # the pipeline at scale (not in the default set;
 *                                       # --keep-builds keeps each build beside the corpora in --scale-cache)
 *   npm run bench -- --only app-scale --build DIR   # server pages and search on a big build (not in the default set)
 *   npm run bench -- --only ann [--sizes 1m]   # similar papers: ours vs usearch's HNSW (not in the default set)
 *   npm run bench -- --only map-render --map-builds /tmp/b-300k,/tmp/b-1m
 *                                       # the map page in Chromium on given builds (default: arXiv)
 *
 * Prints a table: part, stage, wall time, peak RSS, and the quality figures.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatDuration } from '../lib/cli/progress';
import { runBenchPart, type BenchRow, type PartResult } from './bench-parts';
import { collectScale, ensureResampled, scaleSizes, type ScaleRun } from './bench-scale';
import { heapLimitMb } from '../lib/cli/memory';
import { maxOf } from '@/lib/viz/extent';

const root = process.cwd();
const corporaDir = path.resolve(root, '..', 'shared', 'corpora');
const referenceScript = path.resolve(root, '..', 'shared', 'reference', 'sklearn_pipeline.py');
const formatsDir = path.resolve(root, '..', 'shared', 'formats');

interface ReferenceResult {
  docs: number;
  vocab: number;
  readSeconds: number;
  tfidfSeconds: number;
  svdSeconds: number;
  kmeansSeconds: number;
  totalSeconds: number;
  peakRssMb: number;
  ari: number;
  nmi: number;
  knnTfidf: number | null;
  knnLsa: number | null;
}

function parseReference(out: string): ReferenceResult {
  const num = (re: RegExp) => {
    const m = out.match(re);
    return m ? Number(m[1]) : NaN;
  };
  const knn = out.match(/kNN10 acc tfidf=([\d.]+) lsa=([\d.]+)/);
  return {
    docs: num(/docs=(\d+)/),
    vocab: num(/vocab=(\d+)/),
    readSeconds: num(/read=([\d.]+)s/),
    tfidfSeconds: num(/tfidf=([\d.]+)s/),
    svdSeconds: num(/svd=([\d.]+)s/),
    kmeansSeconds: num(/kmeans=([\d.]+)s/),
    totalSeconds: num(/total=([\d.]+)s/),
    peakRssMb: num(/maxrss=(\d+)MB/),
    ari: num(/ARI=([\d.]+)/),
    nmi: num(/NMI=([\d.]+)/),
    knnTfidf: knn ? Number(knn[1]) : null,
    knnLsa: knn ? Number(knn[2]) : null,
  };
}

function runReference(corpus: string, n?: number, k = 30): ReferenceResult | null {
  if (!fs.existsSync('/usr/bin/python3') || !fs.existsSync(referenceScript)) return null;
  const args = [referenceScript, corpus];
  if (n !== undefined) args.push(String(n), String(k));
  else args.push(String(10 ** 9), String(k));
  const res = spawnSync('/usr/bin/python3', args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (res.status !== 0) {
    process.stderr.write(`reference failed: ${res.stderr}\n`);
    return null;
  }
  return parseReference(res.stdout);
}

/** Runs one part in a child process and returns its result. */
function runPartInChild(part: string, args: string[], nodeFlags: string[] = []): PartResult {
  const res = spawnSync(
    process.execPath,
    ['--expose-gc', ...nodeFlags, '--import', 'tsx', path.join(root, 'scripts', 'bench.ts'), '--part', part, ...args],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const line = res.stdout.split('\n').find((l) => l.startsWith('BENCH '));
  if (res.status !== 0 || !line) throw new Error(`bench part ${part} failed (exit ${res.status}):\n${res.stdout}`);
  return JSON.parse(line.slice(6)) as PartResult;
}

function formatTable(rows: BenchRow[]): string {
  const header = ['part', 'stage', 'wall', 'peak RSS', 'figures'];
  const body = rows.map((r) => [
    r.part,
    r.stage,
    r.seconds === null
      ? ''
      : r.seconds < 1
        ? `${(r.seconds * 1000).toFixed(r.seconds < 0.1 ? 1 : 0)} ms`
        : formatDuration(r.seconds),
    r.peakRssMb === null ? '' : `${r.peakRssMb} MB`,
    r.figures ?? '',
  ]);
  const widths = header.map((h, i) => {
    const lengths = body.map((b) => b[i].length);
    return maxOf(lengths, h.length);
  });
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i === 2 || i === 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(fmt)].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      part: { type: 'string' },
      corpus: { type: 'string' },
      work: { type: 'string' },
      only: { type: 'string' },
      'no-reference': { type: 'boolean' },
      arxiv: { type: 'string' },
      neurips: { type: 'string' },
      sizes: { type: 'string' },
      'scale-cache': { type: 'string' },
      'keep-builds': { type: 'boolean' },
      keep: { type: 'string' },
      build: { type: 'string' },
      'map-builds': { type: 'string' },
    },
  });
  const mapBuilds = (values['map-builds'] ?? '')
    .split(',')
    .filter(Boolean)
    .map((dir) => path.resolve(dir));
  if (values.part) {
    // Child mode: one part, result as a JSON line.
    const result = await runBenchPart(values.part, {
      corpus: values.corpus ?? '',
      work: values.work ?? '',
      keep: values.keep,
      builds: mapBuilds,
    });
    process.stdout.write(`BENCH ${JSON.stringify(result)}\n`);
    return;
  }

  const arxiv = path.resolve(values.arxiv ?? path.join(corporaDir, 'arxiv-cs-2025.jsonl.gz'));
  const neurips = path.resolve(values.neurips ?? path.join(corporaDir, 'neurips-1987-2021.csv.gz'));
  const only = new Set(
    (values.only ?? 'exports,ingest,model,topics,graph-trends,neurips,app,citations,hybrid,map-render').split(','),
  );
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'topicscope-bench-'));
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  process.stderr.write(
    `Benchmark work folder: ${work}\nMachine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}\n`,
  );

  let reference: ReferenceResult | null = null;
  let reference20k: ReferenceResult | null = null;
  if (!values['no-reference'] && (only.has('model') || only.has('ingest'))) {
    process.stderr.write('Running the scikit-learn reference (full corpus, k=30)…\n');
    reference = runReference(arxiv);
    process.stderr.write('Running the scikit-learn reference (first 20,000 papers, for 10-NN accuracy)…\n');
    reference20k = runReference(arxiv, 20000, 30);
    if (reference) {
      rows.push({
        part: 'sklearn',
        stage: 'read',
        seconds: reference.readSeconds,
        peakRssMb: null,
        figures: `${reference.docs} docs`,
      });
      rows.push({
        part: 'sklearn',
        stage: 'tfidf',
        seconds: reference.tfidfSeconds,
        peakRssMb: null,
        figures: `vocab ${reference.vocab}`,
      });
      rows.push({ part: 'sklearn', stage: 'svd', seconds: reference.svdSeconds, peakRssMb: null, figures: '' });
      rows.push({ part: 'sklearn', stage: 'kmeans', seconds: reference.kmeansSeconds, peakRssMb: null, figures: '' });
      rows.push({
        part: 'sklearn',
        stage: 'total',
        seconds: reference.totalSeconds,
        peakRssMb: reference.peakRssMb,
        figures: `ARI ${reference.ari.toFixed(3)} NMI ${reference.nmi.toFixed(3)}`,
      });
    } else {
      notes.push('scikit-learn reference not run (apt-get install -y python3-sklearn)');
    }
    if (reference20k?.knnTfidf !== null && reference20k) {
      rows.push({
        part: 'sklearn-20k',
        stage: '10-NN acc',
        seconds: null,
        peakRssMb: null,
        figures: `tfidf ${reference20k.knnTfidf?.toFixed(3)} lsa ${reference20k.knnLsa?.toFixed(3)}`,
      });
    }
  }

  // A part that fails is reported and the others still run: one broken part must not lose the
  // numbers of the rest.
  const failed: string[] = [];
  const runPart = (
    part: string,
    title: string,
    corpus: string,
    extra: string[] = [],
    nodeFlags: string[] = [],
  ): PartResult | null => {
    if (!only.has(part)) return null;
    process.stderr.write(`${title}…\n`);
    try {
      const r = runPartInChild(part, ['--corpus', corpus, '--work', work, ...extra], nodeFlags);
      for (const row of r.rows) rows.push(row);
      for (const note of r.notes) notes.push(note);
      return r;
    } catch (error) {
      failed.push(part);
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${message}\n`);
      notes.push(`part ${part} FAILED: ${message.split('\n')[0]}`);
      return null;
    }
  };
  // Each export in its own process, so each peak RSS is its own.
  if (only.has('exports')) {
    only.add('exports-wos');
    only.add('exports-openalex');
  }
  runPart('exports-wos', 'Reading a 100,000-record WoS plain-text export', formatsDir);
  runPart('exports-openalex', 'Reading a 100,000-work OpenAlex JSONL.gz export', formatsDir);
  runPart('ingest', 'Ingest of the arXiv corpus into the store', arxiv);
  const model = runPart('model', 'Topic model on the arXiv corpus (k=30, as the reference)', arxiv);
  if (model && reference) {
    if (model.coreSeconds !== undefined) {
      notes.push(
        `ingest+tokens+tfidf+lsa+kmeans: ours ${model.coreSeconds.toFixed(1)} s vs scikit-learn ${reference.totalSeconds.toFixed(1)} s → ratio ${(model.coreSeconds / reference.totalSeconds).toFixed(2)}`,
      );
    }
    if (model.nmi !== undefined)
      notes.push(`NMI at k=30: ours ${model.nmi.toFixed(3)} vs scikit-learn ${reference.nmi.toFixed(3)}`);
  }
  runPart('topics', 'Topic quality vs scikit-learn on arXiv and two balanced corpora (five seeds each)', arxiv);
  runPart('graph-trends', 'Graph + trends on the arXiv corpus', arxiv);
  runPart('neurips', 'Graph + trends on the NeurIPS corpus', neurips);
  runPart('app', 'Dashboard on the arXiv build', arxiv);
  if (only.has('app-scale') && !values.build) notes.push('part app-scale needs --build DIR (a build folder)');
  else runPart('app-scale', `Dashboard on the build in ${values.build}`, path.resolve(values.build ?? ''));
  runPart('citations', 'Citation stage on 50,000 synthetic OpenAlex works in 40 planted fields', '');
  runPart(
    'citations-scale',
    'Citation stage at 1,000,000 synthetic papers and 30,000,000 references (resolution, coupling, co-citation)',
    '',
    [],
    [`--max-old-space-size=${heapLimitMb()}`],
  );
  if (only.has('scale')) {
    // The arXiv file itself, then its resampled copies: one child per size, so each peak RSS is its own.
    const cache = path.resolve(values['scale-cache'] ?? path.join(os.tmpdir(), 'topicscope-scale'));
    const runs: ScaleRun[] = [];
    try {
      for (const { size, dry } of [{ size: 0, dry: false }, ...scaleSizes(values.sizes)]) {
        const file = size === 0 ? arxiv : ensureResampled(arxiv, size, cache);
        process.stderr.write(
          `Scale: ${dry ? 'ingest, tokens and TF-IDF of' : 'whole pipeline on'} ${path.basename(file)}…\n`,
        );
        const r = runPartInChild(
          dry ? 'scale-dry' : 'scale',
          // --keep-builds: each build stays beside the corpora (build-<corpus>), for app-scale and map-render.
          ['--corpus', file, '--work', work, ...(values['keep-builds'] ? ['--keep', cache] : [])],
          [`--max-old-space-size=${heapLimitMb()}`],
        );
        if (r.scale) runs.push(r.scale);
      }
    } catch (error) {
      failed.push('scale');
      notes.push(`part scale FAILED: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
    }
    if (runs.length > 0) {
      const scale = collectScale(runs);
      for (const row of scale.rows) rows.push(row);
      for (const note of scale.notes) notes.push(note);
    }
  }
  if (only.has('ann')) {
    // The arXiv file, then the resampled sizes asked for (`--sizes`; dry sizes left out).
    const cache = path.resolve(values['scale-cache'] ?? path.join(os.tmpdir(), 'topicscope-scale'));
    for (const { size, dry } of [{ size: 0, dry: false }, ...(values.sizes ? scaleSizes(values.sizes) : [])]) {
      if (dry) continue;
      const file = size === 0 ? arxiv : ensureResampled(arxiv, size, cache);
      runPart(
        'ann',
        `Similar papers: ours vs usearch's HNSW on the LSA vectors of ${path.basename(file)}`,
        file,
        [],
        [`--max-old-space-size=${heapLimitMb()}`],
      );
    }
  }
  runPart(
    'hybrid',
    'Hybrid topics (words and citations) vs words alone on the samples and 50,000 synthetic works',
    formatsDir,
  );
  runPart('map-render', 'Map page in Chromium: payload, first paint, pan frames (WebGL and Canvas 2D)', arxiv, [
    ...(mapBuilds.length ? ['--map-builds', mapBuilds.join(',')] : []),
  ]);

  process.stdout.write(`\n${formatTable(rows)}\n\n${notes.map((n) => `- ${n}`).join('\n')}\n`);
  fs.rmSync(work, { recursive: true, force: true });
  if (failed.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
