/**
 * The 'app-scale' bench part: the dashboard's server pages and search on a big build made
 * elsewhere (`npm run bench -- --only app-scale --build DIR`, e.g. a build the scale part kept):
 * median of 20 requests per page, and the size of analytics.db table by table. Builds the app into
 * .next-bench first, unless BENCH_NEXT_DIST names a build to serve.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../lib/store/schema';
import { freePort, stopServer, timeRequests, waitForServer } from './next-server';
import type { BenchRow, PartResult } from './bench-parts';

/** Two-word queries whose words are in a large share of a computer-science corpus. */
const QUERIES = ['language models', 'neural networks', 'deep learning', 'diffusion models', 'reinforcement learning'];
const REQUESTS = 20;

/** Bytes of each table and index of the build, largest first (SQLite's dbstat table). */
export function tableSizes(db: Database.Database): { name: string; bytes: number }[] {
  return db.prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC').all() as {
    name: string;
    bytes: number;
  }[];
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

export async function benchAppScale(buildDir: string): Promise<PartResult> {
  const file = path.join(path.resolve(buildDir), DATABASE_FILE);
  if (!buildDir || !fs.existsSync(file)) {
    throw new Error(`app-scale needs a build: --build DIR with ${DATABASE_FILE} in it (none at ${file})`);
  }
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const db = new Database(file, { readonly: true });
  const papers = (db.prepare('SELECT COUNT(*) AS n FROM papers').get() as { n: number }).n;
  const topic = (db.prepare('SELECT id FROM topics ORDER BY size DESC, id LIMIT 1').get() as { id: number }).id;
  const paper = (
    db.prepare('SELECT id FROM papers ORDER BY id LIMIT 1 OFFSET ?').get(Math.floor(papers / 2)) as { id: number }
  ).id;
  const author = (
    db.prepare('SELECT author_id AS id FROM author_stats ORDER BY papers DESC, author_id LIMIT 1').get() as
      { id: number } | undefined
  )?.id;
  const size = fs.statSync(file).size;
  rows.push({
    part: 'app-scale',
    stage: 'analytics.db',
    seconds: null,
    peakRssMb: null,
    figures: `${papers} papers, ${mb(size)} (${Math.round(size / papers)} B a paper)`,
  });
  try {
    const sizes = tableSizes(db);
    notes.push(
      `analytics.db by table and index (dbstat): ${sizes
        .slice(0, 20)
        .map((s) => `${s.name} ${mb(s.bytes)}`)
        .join(', ')}`,
    );
  } catch (error) {
    notes.push(`no per-table sizes: ${error instanceof Error ? error.message : String(error)}`);
  }
  db.close();

  const root = process.cwd();
  const next = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  // BENCH_NEXT_DIST names a Next build of this code to serve instead of building one (e.g.
  // `.next-test`, left by `npm run test:browser`).
  const reuse = process.env.BENCH_NEXT_DIST;
  const env = {
    ...process.env,
    NEXT_DIST_DIR: reuse ?? '.next-bench',
    TOPICSCOPE_BUILD: path.resolve(buildDir),
    NEXT_TELEMETRY_DISABLED: '1',
  };
  if (reuse) {
    if (!fs.existsSync(path.join(root, reuse, 'BUILD_ID')))
      throw new Error(`BENCH_NEXT_DIST: no Next build in ${reuse}`);
    notes.push(`served the Next build in ${reuse}`);
  } else {
    process.stderr.write('  next build…\n');
    const build = spawnSync(process.execPath, [next, 'build'], { cwd: root, env, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
  }
  const port = await freePort();
  const server = spawn(process.execPath, [next, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env,
    stdio: 'ignore',
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  const time = async (stage: string, url: string, extra = '') => {
    const r = await timeRequests(base + url, REQUESTS);
    rows.push({
      part: 'app-scale',
      stage,
      seconds: r.median / 1000,
      peakRssMb: null,
      figures: `median of ${REQUESTS}, ${url}, HTTP ${r.status}${extra}`,
    });
    return r;
  };
  try {
    await waitForServer(base, server);
    await time('overview', '/');
    await time('topic page (largest)', `/topics/${topic}`);
    await time('paper page', `/papers/${paper}`);
    if (author !== undefined) await time('author page (most papers)', `/authors/${author}`);
    for (const q of QUERIES) {
      const url = `/api/search?q=${encodeURIComponent(q)}`;
      const first = JSON.parse((await fetch(base + url).then((r) => r.text())) || '{}') as {
        total?: number;
        totalCapped?: boolean;
        ranking?: string;
        next?: string | null;
      };
      const matches = `${first.totalCapped ? 'more than ' : ''}${first.total} matches, ${first.ranking}`;
      await time(`search API "${q}"`, url, `; ${matches}`);
      if (q === QUERIES[0]) {
        await time('search page', `/search?q=${encodeURIComponent(q)}`, `; ${matches}`);
        if (first.next) await time('search API, page 2 by cursor', `${url}&page=2&after=${first.next}`);
        // A cursor deep in the matches: page 500's, read once through an old page= link.
        const deep = JSON.parse(await fetch(`${base}${url}&page=500`).then((r) => r.text())) as {
          next?: string | null;
        };
        if (deep.next) await time('search API, page 501 by cursor', `${url}&page=501&after=${deep.next}`);
        await time('search API, old link page=50', `${url}&page=50`);
      }
    }
  } finally {
    await stopServer(server);
  }
  return { rows, notes };
}
