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
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
]);
