/**
 * `npm start` after scripts/ensure-build.ts: builds the app with `next build` only when its code
 * changed since the last build (a fingerprint of app/, lib/, the configs and the lock file is kept
 * in .next/), then serves it with `next start` on PORT (default 3000).
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'node_modules', '.bin');
const DIST_DIR = path.join(ROOT, '.next');
const FINGERPRINT_FILE = path.join(DIST_DIR, 'topicscope-app-fingerprint');
/** What the built app is made of: its code, the library it imports, and the build's settings. */
const SOURCES = ['app', 'lib', 'next.config.js', 'tsconfig.json', 'package-lock.json', 'eslint.config.js'];

function listFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [entry];
  return fs
    .readdirSync(full, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((d) => listFiles(path.join(entry, d.name)));
}

/** A hash of every source file's path and bytes. */
function readAppFingerprint(): string {
  const hash = crypto.createHash('sha256');
  for (const file of SOURCES.flatMap(listFiles)) {
    hash.update(`${file}\n`);
    hash.update(fs.readFileSync(path.join(ROOT, file)));
  }
  return hash.digest('hex');
}

function run(args: string[]): number {
  const result = spawnSync(path.join(BIN, 'next'), args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  return result.status ?? 1;
}

function main(): number {
  const port = process.env.PORT ?? '3000';
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) {
    process.stderr.write(`PORT must be a port number, got "${port}"\n`);
    return 2;
  }
  const fingerprint = readAppFingerprint();
  const built =
    fs.existsSync(path.join(DIST_DIR, 'BUILD_ID')) &&
    fs.existsSync(FINGERPRINT_FILE) &&
    fs.readFileSync(FINGERPRINT_FILE, 'utf8') === fingerprint;
  if (built) process.stderr.write('The app is built from the current code: skipping next build.\n');
  else {
    // next build may add its type paths to tsconfig.json: keep the committed file as it was.
    const tsconfig = fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8');
    const status = run(['build']);
    if (fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8') !== tsconfig)
      fs.writeFileSync(path.join(ROOT, 'tsconfig.json'), tsconfig);
    if (status !== 0) return status;
    fs.writeFileSync(FINGERPRINT_FILE, fingerprint);
  }
  return run(['start', '-p', port]);
}

process.exit(main());
