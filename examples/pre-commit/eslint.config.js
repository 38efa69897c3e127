import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import catchwise from '@catchwise/eslint-plugin';

export default defineConfig(
  tseslint.configs.recommended,
  catchwise.configs.recommended,
  { languageOptions: { parserOptions: { tsconfigRootDir: import.meta.dirname } } },
);
