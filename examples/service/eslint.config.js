// The service's own lint config: typescript-eslint's parser and catchwise's recommended rules.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import catchwise from '@catchwise/eslint-plugin';

export default defineConfig(
  {
    files: ['src/**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { tsconfigRootDir: import.meta.dirname } },
  },
  catchwise.configs.recommended,
);
