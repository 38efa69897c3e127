// The repository lints itself with its own plugin, next to typescript-eslint's recommended config.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import catchwise from '@catchwise/eslint-plugin';

export default defineConfig(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.bench-out/**',
      // Inputs kept wrong on purpose: the demo and the tests lint and rewrite them.
      'examples/service/**',
      'packages/codemods/tests/fixtures/**',
      'packages/eslint-plugin/tests/fixtures/**',
    ],
  },
  tseslint.configs.recommended,
  catchwise.configs.recommended,
  { languageOptions: { parserOptions: { tsconfigRootDir: import.meta.dirname } } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The analysis also runs outside ESLint (the codemod): a value import of @typescript-eslint/utils
    // loads ESLint itself (~0.13 s per process and per worker); node types come from @typescript-eslint/types.
    files: ['packages/eslint-plugin/src/analysis/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: '@typescript-eslint/utils', message: 'Import AST_NODE_TYPES from @typescript-eslint/types; only type imports from utils here.', allowTypeImports: true }] },
      ],
    },
  },
);
