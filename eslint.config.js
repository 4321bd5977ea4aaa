// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Dependency direction (ARCHITECTURE.md): core imports none of ours and nothing
 * platform-bound; backend never reaches the shell or the UI; the renderer never reaches
 * the backend or the shell; preload may import types only.
 */
const platform = [
  'electron',
  'react',
  'react-dom',
  'react/*',
  'better-sqlite3',
  'ws',
  'fs',
  'path',
  'os',
];

const restrict = (
  /** @type {string[]} */ groups,
  /** @type {string} */ message,
  allowTypeImports = false,
) => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    { patterns: [{ group: groups, message, allowTypeImports }] },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'coverage/', 'scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: restrict(
      [...platform, 'node:*', '**/backend/**', '**/main/**', '**/preload/**', '**/renderer/**'],
      'src/core is pure TypeScript: no platform modules and none of the other layers.',
    ),
  },
  {
    files: ['src/backend/**/*.ts'],
    rules: restrict(
      ['electron', 'react', 'react-dom', '**/main/**', '**/preload/**', '**/renderer/**'],
      'src/backend may import only src/core and Node: it runs without Electron.',
    ),
  },
  {
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.tsx'],
    rules: restrict(
      ['electron', 'better-sqlite3', 'ws', 'node:*', '**/backend/**', '**/main/**'],
      'src/renderer may import only src/core (and types from preload): it runs in a sandboxed page.',
    ),
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict(
      ['**/backend/**', '**/main/**', '**/renderer/**', '**/core/**'],
      'src/preload imports types only.',
      true,
    ),
  },
);
