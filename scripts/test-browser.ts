/**
 * Browser tests against a production build: makes sure the bundled corpus is built, runs
 * `next build` into .next-test, starts `next start` on a free port (and beside it servers of an
 * export fixture, the bundled corpus with 40 topics and, when ../shared/formats is here, a citation
 * sample), runs the browser test files
 * (tests/browser/*.test.ts, real Chromium through playwright-core), and stops the server.
 *
 *   npm run test:browser                 # everything
 *   npm run test:browser -- pages        # only test files matching "pages"
 *   npm run test:browser -- --skip-build # reuse .next-test from the last run
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, stopServer, waitForServer } from './next-server';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST_DIR = '.next-test';
const BIN = path.join(ROOT, 'node_modules', '.bin');
const TSCONFIG = path.join(ROOT, 'tsconfig.json');

function log(message: string): void {
  process.stderr.write(`[test-browser] ${message}\n`);
}

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const skipBuild = args.includes('--skip-build');
  const filters = args.filter((a) => !a.startsWith('--'));

  if (!fs.existsSync('/usr/bin/chromium') && !process.env.CHROMIUM_PATH) {
    log('Chromium not found at /usr/bin/chromium (set CHROMIUM_PATH): install it with `apt-get install chromium`.');
    return 1;
  }

  log('making sure the bundled corpus is built');
  if (run(path.join(BIN, 'tsx'), ['scripts/ensure-build.ts']) !== 0) return 1;

  if (!skipBuild || !fs.existsSync(path.join(ROOT, DIST_DIR))) {
    log(`next build (${DIST_DIR})`);
    // next build adds its dist folder's type paths to tsconfig.json; keep the committed file as it was.
    const tsconfig = fs.readFileSync(TSCONFIG, 'utf8');
    const status = run(path.join(BIN, 'next'), ['build'], { NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' });
    if (fs.readFileSync(TSCONFIG, 'utf8') !== tsconfig) fs.writeFileSync(TSCONFIG, tsconfig);
    if (status !== 0) return status;
  }

  // A second build, from database exports (WoS, Scopus, OpenAlex records of the same papers), served
  // beside the bundled corpus's for the pages that show what exports carry.
  const exportsBuild = fs.mkdtempSync(path.join(os.tmpdir(), 'topicscope-exports-build-'));
  log('building the export fixture (tests/fixtures/corpus/cross-service)');
  const built = run(path.join(BIN, 'tsx'), [
    'scripts/pipeline.ts',
    '--input',
    'tests/fixtures/corpus/cross-service',
    '--out',
    exportsBuild,
    '--quiet',
  ]);
  if (built !== 0) return built;
  // A third: the bundled corpus with 40 topics, for the views that must stay readable with many.
  const manyTopicsBuild = fs.mkdtempSync(path.join(os.tmpdir(), 'topicscope-40-topics-build-'));
  log('building the bundled corpus with 40 topics');
  const builtMany = run(path.join(BIN, 'tsx'), [
    'scripts/pipeline.ts',
    '--topics',
    '40',
    '--out',
    manyTopicsBuild,
    '--quiet',
  ]);
  if (builtMany !== 0) return builtMany;
  // A fourth, when the shared export samples are on this machine: the OpenAlex works of
  // ../shared/formats/openalex/synergy__Donners_2021 (258 papers citing each other 801 times), read
  // in place, for the citation views that need citations to draw.
  const citationSample = [
    process.env.TOPICSCOPE_SHARED_DIR ? path.join(process.env.TOPICSCOPE_SHARED_DIR, 'formats') : null,
    path.resolve(ROOT, '../shared/formats'),
    '/work/shared/formats',
  ]
    .filter((dir): dir is string => dir !== null)
    .map((dir) => path.join(dir, 'openalex', 'synergy__Donners_2021'))
    .find((dir) => fs.existsSync(dir));
  const citationsBuild = citationSample ? fs.mkdtempSync(path.join(os.tmpdir(), 'topicscope-citations-build-')) : null;
  if (citationSample && citationsBuild) {
    log(`building the citation sample (${citationSample})`);
    const builtCitations = run(path.join(BIN, 'tsx'), [
      'scripts/pipeline.ts',
      '--input',
      citationSample,
      '--out',
      citationsBuild,
      '--quiet',
    ]);
    if (builtCitations !== 0) return builtCitations;
  } else {
    log('../shared/formats not found: the citation views are tested on their empty state only');
  }

  const start = async (build: string | null): Promise<{ url: string; server: ReturnType<typeof spawn> }> => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    log(`next start on ${url}${build ? ` (build ${build})` : ''}`);
    const server = spawn(path.join(BIN, 'next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NEXT_DIST_DIR: DIST_DIR,
        NEXT_TELEMETRY_DISABLED: '1',
        ...(build ? { TOPICSCOPE_BUILD: build } : {}),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
    });
    return { url, server };
  };
  const main = await start(null);
  const exportsServer = await start(exportsBuild);
  const manyTopicsServer = await start(manyTopicsBuild);
  const citationsServer = citationsBuild ? await start(citationsBuild) : null;
  const stopAll = () =>
    Promise.all([
      stopServer(main.server),
      stopServer(exportsServer.server),
      stopServer(manyTopicsServer.server),
      ...(citationsServer ? [stopServer(citationsServer.server)] : []),
    ]);
  const stop = () => void stopAll().then(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await waitForServer(`${main.url}/api/papers/1`, main.server);
    await waitForServer(`${exportsServer.url}/api/papers/1`, exportsServer.server);
    await waitForServer(`${manyTopicsServer.url}/api/papers/1`, manyTopicsServer.server);
    if (citationsServer) await waitForServer(`${citationsServer.url}/api/papers/1`, citationsServer.server);
    log('running the browser tests');
    return run(path.join(BIN, 'vitest'), ['run', '--config', 'tests/browser/vitest.config.ts', ...filters], {
      TOPICSCOPE_BASE_URL: main.url,
      TOPICSCOPE_EXPORTS_URL: exportsServer.url,
      TOPICSCOPE_40_TOPICS_URL: manyTopicsServer.url,
      ...(citationsServer ? { TOPICSCOPE_CITATIONS_URL: citationsServer.url } : {}),
    });
  } finally {
    await stopAll();
    fs.rmSync(exportsBuild, { recursive: true, force: true });
    fs.rmSync(manyTopicsBuild, { recursive: true, force: true });
    if (citationsBuild) fs.rmSync(citationsBuild, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
