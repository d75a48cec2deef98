/**
 * The 'map-render' part of scripts/bench.ts: the topic map page in headless Chromium (software
 * WebGL: SwiftShader, as in the browser tests) against `next start` on one or more builds
 * (`--map-builds DIR,DIR`; default the arXiv corpus built into the work folder). Per build and
 * renderer (WebGL, and Canvas 2D through `?renderer=canvas`):
 * - the payload's bytes on the wire (gzip) and decoded, and the server's first (cold) answer;
 * - first paint: the renderer's performance mark (MapEngine's FIRST_PAINT_MARK), in ms from the
 *   navigation's start, with the points the frame drew;
 * - frame times over a scripted 5 s pan (a mouse drag in circles, as a user pans), from the page's
 *   requestAnimationFrame timestamps: median, 95th percentile, worst.
 * Targets (issue 18): first paint of 1M points < 3 s, pan frames < 50 ms at 75k and < 200 ms at 1M,
 * payload < 8 MB on the wire at 1M.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { createProgress } from '../lib/cli/progress';
import { defaultPipelineOptions, runPipeline } from '../lib/pipeline';
import { formatCount } from '../lib/viz/format';
import { launchChromium } from './chromium';
import { freePort, stopServer, waitForServer } from './next-server';
import type { BenchRow, PartResult } from './bench-parts';

const FIRST_PAINT_MARK = 'topicscope:map-first-paint';
const PAN_MS = 5000;

interface RenderFigures {
  firstPaintMs: number;
  drawn: string;
  renderer: string;
  wireBytes: number;
  frames: number[];
}

const ms = (v: number) => v / 1000;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MB`;

function quantile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
}

/** One page load and pan of /map with `renderer`. */
export async function measurePage(
  browser: Browser,
  base: string,
  renderer: 'webgl' | 'canvas',
): Promise<RenderFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let wireBytes = 0;
  page.on('requestfinished', async (request) => {
    if (!request.url().includes('/api/map/points')) return;
    wireBytes = (await request.sizes()).responseBodySize;
  });
  try {
    await page.goto(`${base}/map${renderer === 'canvas' ? '?renderer=canvas' : ''}`, { waitUntil: 'commit' });
    const firstPaintMs = (await (
      await page.waitForFunction((mark) => performance.getEntriesByName(mark)[0]?.startTime, FIRST_PAINT_MARK, {
        timeout: 120_000,
        polling: 20,
      })
    ).jsonValue()) as number;
    await page.waitForSelector('[data-testid=map-timing]');
    const drawn = (await page.locator('[data-testid=map-timing]').textContent()) ?? '';
    const used = await page.locator('[data-testid=topic-map-canvas]').getAttribute('data-renderer');
    await page.waitForLoadState('networkidle');
    const box = (await page.locator('[data-testid=topic-map-canvas]').boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const r = Math.min(box.width, box.height) / 4;
    // Strings, not functions: tsx would wrap a named function in a helper the page does not have.
    await page.evaluate(`(() => {
      window.__frames = [];
      window.__stop = false;
      const loop = (t) => {
        window.__frames.push(t);
        if (!window.__stop) requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    })()`);
    // A drag in circles for PAN_MS: each step waits for the page to take the event, as a hand would.
    await page.mouse.move(cx + r, cy);
    await page.mouse.down();
    const start = Date.now();
    let step = 0;
    while (Date.now() - start < PAN_MS) {
      const a = (step++ / 40) * 2 * Math.PI;
      await page.mouse.move(cx + r * Math.cos(a), cy + r * Math.sin(a));
    }
    await page.mouse.up();
    const stamps = (await page.evaluate('(() => { window.__stop = true; return window.__frames; })()')) as number[];
    const frames: number[] = [];
    for (let i = 1; i < stamps.length; i++) frames.push(stamps[i] - stamps[i - 1]);
    if (errors.length) throw new Error(`errors on /map: ${errors.join('; ')}`);
    return { firstPaintMs, drawn: drawn.trim(), renderer: used ?? '?', wireBytes, frames };
  } finally {
    await context.close();
  }
}

/** Builds the app into `.next-bench` (as the 'app' part does). */
function nextBuild(root: string, env: NodeJS.ProcessEnv): void {
  process.stderr.write('  next build…\n');
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
}

export async function benchMapRender(corpus: string, work: string, builds: string[]): Promise<PartResult> {
  const root = process.cwd();
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  if (builds.length === 0) {
    const outDir = path.join(work, 'arxiv-build');
    if (!fs.existsSync(path.join(outDir, 'analytics.db'))) {
      process.stderr.write('  building the arXiv corpus…\n');
      await runPipeline(
        { ...defaultPipelineOptions(), inputs: [corpus], outDir },
        createProgress(process.stderr, { quiet: true }),
      );
    }
    builds = [outDir];
  }
  for (const dir of builds) {
    if (!fs.existsSync(path.join(dir, 'analytics.db'))) throw new Error(`map-render: no analytics.db in ${dir}`);
  }
  const baseEnv = { ...process.env, NEXT_DIST_DIR: '.next-bench', NEXT_TELEMETRY_DISABLED: '1' };
  nextBuild(root, baseEnv);
  const browser = await launchChromium();
  try {
    for (const dir of builds) {
      const port = await freePort();
      const server = spawn(
        process.execPath,
        [
          path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'),
          'start',
          '-p',
          String(port),
          '-H',
          '127.0.0.1',
        ],
        { cwd: root, env: { ...baseEnv, TOPICSCOPE_BUILD: dir }, stdio: 'ignore', detached: true },
      );
      const base = `http://127.0.0.1:${port}`;
      try {
        await waitForServer(base, server);
        // The server's first answer reads the payload the build stored (gzipped, as the page asks
        // for it); later ones are cached.
        const t0 = performance.now();
        const cold = await fetch(`${base}/api/map/points?encoding=gzip`);
        const coldMs = performance.now() - t0;
        const points = Number(cold.headers.get('x-point-count'));
        const wire = (await cold.arrayBuffer()).byteLength;
        const raw = (await (await fetch(`${base}/api/map/points?encoding=identity`)).arrayBuffer()).byteLength;
        const label = `${formatCount(points)} papers`;
        process.stderr.write(`  ${label} (${dir})…\n`);
        rows.push({
          part: 'map-render',
          stage: `${label}: payload`,
          seconds: ms(coldMs),
          peakRssMb: null,
          figures: `${mb(wire)} on the wire (gzip), ${mb(raw)} decoded; time = server's first answer (the payload stored in the build)`,
        });
        for (const renderer of ['webgl', 'canvas'] as const) {
          const f = await measurePage(browser, base, renderer);
          const sorted = f.frames.slice().sort((a, b) => a - b);
          rows.push({
            part: 'map-render',
            stage: `${label}: ${f.renderer} first paint`,
            seconds: ms(f.firstPaintMs),
            peakRssMb: null,
            figures: `from navigation start; ${f.drawn}; payload ${mb(f.wireBytes)} on the wire`,
          });
          rows.push({
            part: 'map-render',
            stage: `${label}: ${f.renderer} pan frame`,
            seconds: ms(quantile(sorted, 0.5)),
            peakRssMb: null,
            figures: `median of ${sorted.length} frames over a ${PAN_MS / 1000} s drag; p95 ${quantile(sorted, 0.95).toFixed(0)} ms, worst ${sorted.at(-1)?.toFixed(0)} ms`,
          });
        }
      } finally {
        await stopServer(server);
      }
    }
  } finally {
    await browser.close();
  }
  notes.push('map-render: headless Chromium, software WebGL (SwiftShader), 1280×800 at devicePixelRatio 1');
  return { rows, notes };
}
