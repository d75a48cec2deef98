import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    '.next/**',
    '.next-*/**',
    'node_modules/**',
    'data/**',
    'next-env.d.ts',
    'tests/browser/screenshots/**',
    '.tmp*',
  ]),
  {
    // Layering is one-way: lib/ never reaches into the app or React.
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/app/*', '../app/*', '../../app/*', '../../../app/*'],
              message: 'lib/ must not import from app/.',
            },
            { group: ['react', 'react-dom', 'next', 'next/*'], message: 'lib/ is framework-free.' },
          ],
        },
      ],
    },
  },
  {
    // Client components draw; they never open the database.
    files: ['app/**/*.tsx', 'app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['better-sqlite3'], message: 'Only lib/store talks to SQLite.' }],
        },
      ],
    },
  },
  {
    // The product's code handles corpora of a million papers: no spread of an unbounded array.
    files: ['lib/**/*.ts', 'app/**/*.ts', 'app/**/*.tsx', 'scripts/**/*.ts'],
    rules: {
      // A spread passes every element as an argument: past ~100k it overflows the stack.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name=/^(max|min)$/] > SpreadElement",
          message: 'Math.max/min(...xs) overflows on large arrays: use maxOf/minOf from lib/viz/extent.',
        },
        {
          selector: "CallExpression[callee.property.name='push'] > SpreadElement",
          message: 'push(...xs) overflows on large arrays: push in a loop.',
        },
        {
          selector: "CallExpression[callee.property.name='fromCharCode'] > SpreadElement",
          message: 'String.fromCharCode(...codes) overflows on large arrays: decode in chunks.',
        },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
]);
