import path from 'node:path';
import { defineConfig } from 'vitest/config';

/** Browser tests: run by scripts/test-browser.ts against `next start`, one file at a time. */
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname, '..', '..') } },
  test: {
    include: ['tests/browser/**/*.test.ts'],
    root: path.resolve(import.meta.dirname, '..', '..'),
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
