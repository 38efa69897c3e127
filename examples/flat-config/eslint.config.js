// The smallest useful setup: typescript-eslint's recommended rules plus catchwise's.
// `configs.recommended` registers the plugin under the `catchwise/` prefix; use
// `configs.strict` to also require narrowing before a fallback that only logs.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import catchwise from '@catchwise/eslint-plugin';

export default defineConfig(
  tseslint.configs.recommended,
  catchwise.configs.recommended,
  { languageOptions: { parserOptions: { tsconfigRootDir: import.meta.dirname } } },
);
