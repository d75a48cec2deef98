#!/usr/bin/env node
/**
 * Adds to package-lock.json the platform-specific optional packages that this machine's npm
 * registry does not serve (e.g. @next/swc-darwin-arm64): npm leaves them out of a lock written
 * here, and `npm ci` then refuses the lock as out of sync. Each entry gets the version its parent
 * asks for and the os/cpu/libc read from its name, so npm skips it on other platforms without
 * fetching it, exactly as with a lock written where the registry has them.
 *
 *   node scripts/complete-lockfile.mjs   # after any `npm install`
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));

let report = '';
try {
  execFileSync('npm', ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'], {
    encoding: 'utf8',
    stdio: 'pipe',
  });
} catch (error) {
  report = `${error.stdout ?? ''}${error.stderr ?? ''}`;
}
const missing = [...report.matchAll(/Missing: (@?[^@\s]+)@\S* from lock file/g)].map((m) => m[1]);
if (missing.length === 0) {
  console.log('package-lock.json is complete');
  process.exit(0);
}

const OS = {
  darwin: 'darwin',
  win32: 'win32',
  linux: 'linux',
  android: 'android',
  freebsd: 'freebsd',
  openharmony: 'openharmony',
};
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'loong64', 'ppc64', 'riscv64', 's390x', 'wasm32'];

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS[p]);
  const cpu = parts.find((p) => CPU.includes(p));
  const libc =
    parts.includes('musl') || parts.includes('musleabihf')
      ? 'musl'
      : parts.includes('gnu') || parts.includes('gnueabihf')
        ? 'glibc'
        : null;
  return { os, cpu, libc };
}

for (const name of missing) {
  const parent = Object.entries(lock.packages).find(([, pkg]) => pkg.optionalDependencies?.[name]);
  if (!parent) throw new Error(`no package in the lock asks for ${name}`);
  const version = parent[1].optionalDependencies[name].replace(/^[\^~=]/, '');
  const { os, cpu, libc } = platformOf(name);
  const entry = { version, optional: true };
  if (parent[1].dev) entry.dev = true;
  if (cpu) entry.cpu = [cpu];
  if (libc) entry.libc = [libc];
  if (os) entry.os = [os];
  lock.packages[`node_modules/${name}`] = entry;
  console.log(`added ${name}@${version} (${[os, cpu, libc].filter(Boolean).join(', ')})`);
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)),
);
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
