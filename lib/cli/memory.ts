/**
 * Memory the machine has, and a check before a stage that would not fit: a build that cannot
 * finish must stop before it starts the stage, say how much it needs and how much is free, and
 * leave the previous build in place (the pipeline writes into a temporary file until its end).
 */
import fs from 'node:fs';
import os from 'node:os';
import v8 from 'node:v8';

const MB = 2 ** 20;

/** Memory the kernel says can be used without swapping (MemAvailable), in MB; free memory where /proc is absent. */
export function availableMemoryMb(meminfo?: string): number {
  let text = meminfo;
  if (text === undefined) {
    try {
      text = fs.readFileSync('/proc/meminfo', 'utf8');
    } catch {
      return Math.floor(os.freemem() / MB);
    }
  }
  const m = /^MemAvailable:\s+(\d+)\s+kB/m.exec(text);
  return m ? Math.floor(Number(m[1]) / 1024) : Math.floor(os.freemem() / MB);
}

/** The JavaScript heap limit a pipeline process should run with: three quarters of the machine's memory. */
export function heapLimitMb(totalBytes = os.totalmem()): number {
  return Math.max(2048, Math.floor((0.75 * totalBytes) / MB));
}

/** The heap limit this process runs with, in MB. */
export function currentHeapLimitMb(): number {
  return Math.floor(v8.getHeapStatistics().heap_size_limit / MB);
}

/** Thrown before a stage that needs more memory than the machine has free. */
export class MemoryBudgetError extends Error {
  constructor(
    readonly stage: string,
    readonly neededMb: number,
    readonly availableMb: number,
  ) {
    super(
      `not enough memory for the ${stage} stage: it needs about ${formatMb(neededMb)} more and ${formatMb(availableMb)} is available. ` +
        'The previous build is left in place. Free memory, run on a machine with more, or read fewer papers.',
    );
    this.name = 'MemoryBudgetError';
  }
}

function formatMb(mb: number): string {
  return mb >= 1024 ? `${(mb / 1024).toFixed(1)} GB` : `${Math.round(mb)} MB`;
}

/**
 * Memory a stage adds, in MB, from measured bytes per paper (see STAGE_BYTES_PER_PAPER) plus a
 * fixed floor, so a small corpus never trips the check.
 */
export function estimateStageMb(stage: keyof typeof STAGE_BYTES_PER_PAPER, papers: number): number {
  return 64 + (STAGE_BYTES_PER_PAPER[stage] * papers) / MB;
}

/**
 * What each stage adds to the resident set per paper, from the 1M resampled arXiv run of
 * `npm run bench -- --only scale` (2026-12-07, streaming ingest) with about a quarter of headroom:
 * the store stage (corpus tables, the full-text index on its worker) added 2.8 GB, the topic model
 * (tokens to labels) 4.0 GB; the later stages did not raise the peak (they reuse what the model
 * let go of), so theirs are estimates from their own arrays (authors and edges; term series;
 * citation pairs).
 */
export const STAGE_BYTES_PER_PAPER = {
  model: 5200,
  graph: 4000,
  trends: 1500,
  citations: 1000,
  write: 3600,
} as const;

/**
 * Throws MemoryBudgetError when the stage's estimate is more than the memory available now.
 * `available` is injectable for tests.
 */
export function checkStageMemory(
  stage: keyof typeof STAGE_BYTES_PER_PAPER,
  papers: number,
  available: number = availableMemoryMb(),
): void {
  const needed = estimateStageMb(stage, papers);
  if (needed > available) throw new MemoryBudgetError(stage, needed, available);
}
