/**
 * Progress for long runs: a bar with the stage name and counts on a terminal, plain lines when
 * the output is not a TTY (CI logs, pipes), nothing when quiet.
 */

/** What the orchestrator tells the user while it works. */
export interface ProgressReporter {
  /** Starts a stage; `total` is the unit count when known (records, papers, ...). */
  start(stage: string, total?: number, unit?: string): void;
  /** Work done so far in the current stage. */
  update(done: number, total?: number): void;
  /** Ends the current stage, with an optional note ("74,726 papers"). */
  end(note?: string): void;
  /** A line of information outside any bar. */
  log(line: string): void;
}

interface Writable {
  write(chunk: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

/** Formats seconds as "1.2 s" or "1 m 05 s". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds - m * 60);
  return `${m} m ${String(s).padStart(2, '0')} s`;
}

/** Formats an integer with thousands separators, the same on every machine. */
export function formatCount(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Creates a reporter writing to `out` (stderr by default). */
export function createProgress(out: Writable = process.stderr, opts: { quiet?: boolean } = {}): ProgressReporter {
  if (opts.quiet) {
    return { start() {}, update() {}, end() {}, log() {} };
  }
  const tty = Boolean(out.isTTY);
  let stage = '';
  let unit = '';
  let total = 0;
  let done = 0;
  let startedAt = 0;
  let lastDraw = 0;
  let lastPlainQuarter = -1;
  const nowSeconds = () => performance.now() / 1000;

  const draw = (force: boolean) => {
    const now = performance.now();
    if (!force && now - lastDraw < 80) return;
    lastDraw = now;
    const width = Math.max(10, Math.min(30, (out.columns ?? 80) - 60));
    const elapsed = formatDuration(nowSeconds() - startedAt);
    let line: string;
    if (total > 0) {
      const fraction = Math.min(1, done / total);
      const filled = Math.round(fraction * width);
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      line = `${stage.padEnd(12)} ${bar} ${String(Math.round(fraction * 100)).padStart(3)}% ${formatCount(done)}/${formatCount(total)} ${unit} ${elapsed}`;
    } else {
      line = `${stage.padEnd(12)} ${done > 0 ? formatCount(done) + ' ' + unit : '…'} ${elapsed}`;
    }
    out.write(`\r\x1b[2K${line}`);
  };

  return {
    start(name, stageTotal = 0, stageUnit = '') {
      stage = name;
      unit = stageUnit;
      total = stageTotal;
      done = 0;
      startedAt = nowSeconds();
      lastPlainQuarter = -1;
      if (tty) draw(true);
      else out.write(`[${name}] started${total ? ` (${formatCount(total)} ${unit})` : ''}\n`);
    },
    update(value, newTotal) {
      done = value;
      if (newTotal !== undefined) total = newTotal;
      if (tty) {
        draw(false);
      } else if (total > 0) {
        // Plain logs get a line per quarter, not a flood.
        const quarter = Math.floor((4 * Math.min(done, total)) / total);
        if (quarter > lastPlainQuarter && quarter < 4) {
          if (lastPlainQuarter >= 0)
            out.write(`[${stage}] ${quarter * 25}% (${formatCount(done)}/${formatCount(total)} ${unit})\n`);
          lastPlainQuarter = quarter;
        }
      }
    },
    end(note) {
      const elapsed = formatDuration(nowSeconds() - startedAt);
      const text = `${stage.padEnd(12)} done in ${elapsed}${note ? ` — ${note}` : ''}`;
      if (tty) out.write(`\r\x1b[2K✔ ${text}\n`);
      else out.write(`[${stage}] done in ${elapsed}${note ? ` — ${note}` : ''}\n`);
    },
    log(line) {
      if (tty) out.write(`\r\x1b[2K${line}\n`);
      else out.write(`${line}\n`);
    },
  };
}
