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
);
