// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/** Import boundaries (DESIGN.md): the domain is pure; contracts know only zod and the domain. */
const frameworkAndIo = [
  'node:*',
  'fs',
  'path',
  'crypto',
  'kysely',
  'pg',
  '@electric-sql/*',
  'hono',
  'hono/*',
  '@hono/*',
  'react',
  'react-dom',
  'zod',
  '@kezek/db',
  '@kezek/server',
  '@kezek/contracts',
  '@kezek/web',
  '@kezek/cli',
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'coverage/**', '.tmp/**', 'e2e/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['packages/domain/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: frameworkAndIo, message: 'The domain is pure: no I/O, framework or database code.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'The domain takes time as an argument; use LocalDate / Instant values.' },
        { name: 'process', message: 'The domain reads no environment.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'The domain is deterministic.' },
      ],
    },
  },
  {
    files: ['packages/contracts/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                'kysely',
                'pg',
                '@electric-sql/*',
                'hono',
                '@kezek/db',
                '@kezek/server',
                '@kezek/web',
                '@kezek/cli',
              ],
              message: 'Contracts are shared with the browser: zod and the domain only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/server/src/**/*.ts'],
    ignores: [
      'packages/server/src/**/*.repository.ts',
      'packages/server/src/**/*.test.ts',
      'packages/server/src/testing/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['pg', '@electric-sql/*'],
              message: 'SQL lives in *.repository.ts files and @kezek/db.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                'kysely',
                'pg',
                '@electric-sql/*',
                '@kezek/db',
                '@kezek/server',
                '@kezek/cli',
              ],
              message: 'The web app talks to the server over HTTP only.',
            },
          ],
        },
      ],
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  // Tools (ESLint, Vitest, Vite) read their configuration from a default export.
  { files: ['*.config.{js,ts}', 'packages/*/vite.config.ts'], rules: { 'no-restricted-syntax': 'off' } },
  prettier,
);
