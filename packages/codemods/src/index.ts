// @catchwise/codemods: the programmatic API (pure transforms, and the runner behind the CLI).
import { getTransform } from './transforms/index.js';
import type { TransformOptions, TransformResult } from './types.js';

export type { Diagnostic, ExpectedError, RewrittenHandler, TextEdit, Transform, TransformOptions, TransformResult } from './types.js';
export { transforms, getTransform } from './transforms/index.js';
export { run, UsageError } from './runner.js';
export type { FileResult, FileStatus, RunOptions, RunSummary } from './runner.js';
export { applyEdits } from './edits.js';
/** For `catchwise.config.ts`: `export default defineConfig({ … })` (the plugin's, re-exported). */
export { defineConfig, type CatchwiseConfig } from '@catchwise/eslint-plugin/analysis';

/** The name a text without `fileName` is parsed and named under: TypeScript reads JavaScript too. */
export const DEFAULT_FILE_NAME = 'input.ts';

/**
 * Rewrites one file's text with a transform (default `specific-catch`). Pure: no file system,
 * no type checker. `output === text` when nothing changes or the rewrite is refused. `fileName`
 * (its extension picks the syntax, its base name the place in messages at the top level) defaults
 * to `input.ts`.
 */
export function transformSource(text: string, options: Partial<TransformOptions> & { transform?: string } = {}): TransformResult {
  const { transform = 'specific-catch', fileName = DEFAULT_FILE_NAME, ...rest } = options;
  return getTransform(transform).transform(text, { ...rest, fileName });
}
