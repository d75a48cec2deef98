/**
 * The 'scale' part of scripts/bench.ts: the whole pipeline on the arXiv corpus (75k) and on
 * resampled copies of it (300k, 1M by default; 3M as a dry run of ingest, tokens and TF-IDF), one
 * child process per size so each peak RSS is its own. Each stage is reported in seconds, peak RSS
 * and seconds per 1,000 papers; across sizes, a stage's growth exponent (log t2/t1 over log n2/n1)
 * says whether it stays near-linear.
 *
 * The resampled corpora are made by `../shared/corpora/resample.py` (standard-library Python) and
 * kept in a cache folder (default `$TMPDIR/topicscope-scale`), never in the project.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createProgress } from '../lib/cli/progress';
import { AbstractFile } from '../lib/corpus/abstract-file';
import { readCorpus } from '../lib/corpus/index';
import { buildModelRows, defaultPipelineOptions, runPipeline, type StageTiming } from '../lib/pipeline';
import { buildExactNeighbours, neighbourRecall } from '../lib/model/neighbours';
import { buildTfidf } from '../lib/model/tfidf';
import { sampleIndices } from '../lib/random';
import { tokenizeCorpus } from '../lib/text/index';
import type { BenchRow, PartResult } from './bench-parts';

/** What one size's child reports. */
export interface ScaleRun {
  papers: number;
  timings: StageTiming[];
  totalSeconds: number;
  peakRssMb: number;
  /** Bytes of analytics.db, or null for a dry run. */
  databaseBytes: number | null;
  /** Recall of the similar-papers lists against exact search for 2,000 seeded query papers. */
  recall?: number;
  /** Share of each paper's 10 LSA neighbours kept among its 10 map neighbours (the build's figure). */
  mapKept?: number;
}

/** Query papers of the recall measure. */
const RECALL_QUERIES = 2000;

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** Parses "300k", "1m", "1000000". */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!m) throw new Error(`not a corpus size: "${text}" (e.g. 300k, 1m)`);
  const unit = m[2].toLowerCase() === 'k' ? 1e3 : m[2].toLowerCase() === 'm' ? 1e6 : 1;
  return Math.round(Number(m[1]) * unit);
}

/** The resampled corpus of `size` papers in `cache`, made with resample.py when it is not there. */
export function ensureResampled(source: string, size: number, cache: string): string {
  fs.mkdirSync(cache, { recursive: true });
  const file = path.join(cache, `arxiv-${size}.jsonl.gz`);
  if (fs.existsSync(file)) return file;
  const script = path.join(path.dirname(source), 'resample.py');
  const partial = `${file}.partial`;
  process.stderr.write(`Writing ${path.basename(file)} with resample.py (a few minutes for 1M)…\n`);
  const res = spawnSync('python3', [script, source, String(size), partial], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (res.status !== 0) throw new Error(`resample.py failed (exit ${res.status}) for ${size} papers`);
  fs.renameSync(partial, file);
  return file;
}

/** Child mode, full run: the whole pipeline on `corpus` into `work`. */
export async function runScaleChild(corpus: string, work: string, keep: string | null = null): Promise<ScaleRun> {
  const opts = defaultPipelineOptions();
  opts.inputs = [corpus];
  // A kept build (--keep-builds) goes beside the corpora, for measuring the dashboard at that size.
  opts.outDir =
    keep !== null
      ? path.join(keep, `build-${path.basename(corpus).replace(/\.jsonl(\.gz)?$/, '')}`)
      : fs.mkdtempSync(path.join(work, 'scale-'));
  // Plain lines per stage when not on a terminal: a long run shows where it is.
  const progress = createProgress(process.stderr);
  const t0 = performance.now();
  const result = await runPipeline(opts, progress);
  const totalSeconds = (performance.now() - t0) / 1000;
  const databaseBytes = fs.statSync(result.databaseFile).size;
  // Similar papers against exact search over the whole build, for 2,000 query papers.
  const { vectors, papers } = result.model;
  const queries = sampleIndices(vectors.rows, RECALL_QUERIES, 2026);
  const exact = buildExactNeighbours(vectors, papers.neighbours, queries);
  const recall = neighbourRecall(
    { k: papers.neighbours, indices: papers.similar, similarities: papers.similarity },
    exact,
    queries,
  );
  if (keep === null) fs.rmSync(opts.outDir, { recursive: true, force: true });
  const run: ScaleRun = {
    papers: result.corpus.papers.length,
    timings: result.timings,
    totalSeconds,
    peakRssMb: peakRssMb(),
    databaseBytes,
    recall,
    mapKept: result.model.quality.mapNeighbourPreservation,
  };
  // Each size's figures as soon as they are known: a long run cut short keeps the sizes done.
  process.stderr.write(`scale run ${JSON.stringify(run)}\n`);
  return run;
}

/** Child mode, dry run: ingest, tokens and TF-IDF only (the 3M scale, where the rest does not fit yet). */
export async function runScaleDryChild(corpus: string): Promise<ScaleRun> {
  const timings: StageTiming[] = [];
  let start = performance.now();
  const t0 = start;
  const mark = (stage: string) => {
    const now = performance.now();
    timings.push({
      stage,
      seconds: (now - start) / 1000,
      peakRssMb: peakRssMb(),
      rssMb: Math.round(process.memoryUsage.rss() / 2 ** 20),
    });
    start = now;
  };
  // As the pipeline reads: the abstracts go to a side file and the tokens read them back from it.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'topicscope-dry-'));
  const abstracts = new AbstractFile(path.join(dir, 'abstracts.db'));
  let papers: number;
  let modelRows: number;
  let tfidf: ReturnType<typeof buildTfidf>;
  try {
    const corpusRead = await readCorpus([corpus], {}, undefined, abstracts);
    abstracts.finish();
    mark('ingest');
    const rows = buildModelRows(corpusRead.papers);
    papers = corpusRead.papers.length;
    modelRows = rows.length;
    const tokens = tokenizeCorpus({
      titles: Array.from(rows, (i) => corpusRead.papers[i].title),
      abstractFile: abstracts.file,
      papers: rows,
    });
    mark('tokens');
    tfidf = buildTfidf(tokens);
    mark('tfidf');
  } finally {
    abstracts.remove();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (tfidf.matrix.rows !== modelRows) throw new Error('TF-IDF rows do not match the papers');
  return {
    papers,
    timings,
    totalSeconds: (performance.now() - t0) / 1000,
    peakRssMb: peakRssMb(),
    databaseBytes: null,
  };
}

/** Growth exponent of a stage between two sizes: 1 is linear, 2 quadratic. */
export function growthExponent(n1: number, t1: number, n2: number, t2: number): number | null {
  if (!(n1 > 0 && n2 > n1 && t1 > 0 && t2 > 0)) return null;
  return Math.log(t2 / t1) / Math.log(n2 / n1);
}

/** Growth exponent fitted over several sizes: the least-squares slope of log seconds on log papers
 * (1 is linear); null with fewer than two usable sizes. */
export function fittedExponent(points: readonly (readonly [papers: number, seconds: number])[]): number | null {
  const logs = points.filter(([n, t]) => n > 0 && t > 0).map(([n, t]) => [Math.log(n), Math.log(t)] as const);
  if (logs.length < 2) return null;
  const mx = logs.reduce((s, [x]) => s + x, 0) / logs.length;
  const my = logs.reduce((s, [, y]) => s + y, 0) / logs.length;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of logs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) * (x - mx);
  }
  return sxx > 0 ? sxy / sxx : null;
}

/** The bench rows of the scale runs: stages per size, then each stage's exponent and per-1000 ratio to 75k. */
export function formatScaleRows(runs: ScaleRun[]): { rows: BenchRow[]; notes: string[] } {
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const label = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(n % 1e6 === 0 ? 0 : 1)}M` : `${Math.round(n / 1e3)}k`);
  const base = runs[0];
  for (const run of runs) {
    const part = `scale ${label(run.papers)}`;
    for (const t of run.timings) {
      const per1000 = (1000 * t.seconds) / run.papers;
      const baseStage = base.timings.find((b) => b.stage === t.stage);
      const ratio = run !== base && baseStage ? per1000 / ((1000 * baseStage.seconds) / base.papers) : null;
      const exponent =
        run !== base && baseStage ? growthExponent(base.papers, baseStage.seconds, run.papers, t.seconds) : null;
      rows.push({
        part,
        stage: t.stage,
        seconds: t.seconds,
        peakRssMb: t.peakRssMb,
        figures:
          `${per1000.toFixed(3)} s/1000` +
          (ratio !== null ? `, ×${ratio.toFixed(2)} of 75k per paper` : '') +
          (exponent !== null ? `, exponent ${exponent.toFixed(2)}` : '') +
          (ratio !== null && ratio > 1.5 ? ' (grows faster than near-linear)' : '') +
          (t.rssMb !== undefined ? `, RSS after ${t.rssMb} MB` : '') +
          (t.cpuSeconds !== undefined && t.seconds > 0 ? `, ${(t.cpuSeconds / t.seconds).toFixed(2)} cores busy` : ''),
      });
    }
    rows.push({
      part,
      stage: run.databaseBytes === null ? 'total (dry run: ingest, tokens, tfidf)' : 'total',
      seconds: run.totalSeconds,
      peakRssMb: run.peakRssMb,
      figures:
        `${run.papers.toLocaleString('en-US')} papers` +
        (run.databaseBytes !== null ? `, analytics.db ${(run.databaseBytes / 2 ** 20).toFixed(0)} MB` : '') +
        (run.recall !== undefined ? `, similar papers' recall ${run.recall.toFixed(3)} (2,000 queries)` : '') +
        (run.mapKept !== undefined ? `, map keeps ${run.mapKept.toFixed(3)} of 10-NN` : ''),
    });
  }
  // A stage that grows faster than near-linear at some size is named with its exponent fitted over
  // every size of the bench (75k, 300k and 1M in the default run).
  const whole = runs.filter((r) => r.databaseBytes !== null);
  if (whole.length >= 3) {
    for (const t of base.timings) {
      const basePer = t.seconds / base.papers;
      const points = whole.flatMap((r) => {
        const s = r.timings.find((x) => x.stage === t.stage)?.seconds;
        return s === undefined ? [] : [[r.papers, s] as const];
      });
      const faster = points.some(([n, s]) => basePer > 0 && s / n / basePer > 1.5);
      const fitted = fittedExponent(points);
      if (faster && fitted !== null)
        notes.push(
          `${t.stage} grows faster than near-linear: exponent ${fitted.toFixed(2)} fitted over ${points.map(([n]) => label(n)).join(', ')}`,
        );
    }
  }
  const targets: [number, number, number][] = [
    [300_000, 300, 4096],
    [1_000_000, 900, 10_240],
  ];
  for (const [n, s, mb] of targets) {
    const run = runs.find((r) => r.papers >= n * 0.95 && r.papers <= n * 1.05 && r.databaseBytes !== null);
    if (!run) continue;
    const ok = run.totalSeconds < s && run.peakRssMb < mb;
    notes.push(
      `${label(n)}: whole pipeline ${run.totalSeconds.toFixed(0)} s (target < ${s}), peak RSS ${run.peakRssMb} MB (target < ${mb}) ${ok ? '✓' : '✗'}`,
    );
  }
  notes.push(`scale machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB`);
  return { rows, notes };
}

/** Sizes the parent runs: the arXiv file itself, then each resampled size. */
export function scaleSizes(spec: string | undefined): { size: number; dry: boolean }[] {
  const parts = (spec ?? '300k,1m').split(',').filter((s) => s.trim() !== '');
  return parts.map((p) => {
    const dry = p.trim().endsWith('-dry');
    return { size: parseSize(dry ? p.trim().slice(0, -4) : p), dry };
  });
}

/** Parent side: merges the children's runs into rows. */
export function collectScale(runs: ScaleRun[]): PartResult {
  const { rows, notes } = formatScaleRows(runs);
  return { rows, notes };
}
