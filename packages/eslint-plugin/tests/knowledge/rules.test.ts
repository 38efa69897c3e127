// The rules with the knowledge module: with `parserOptions.projectService` their messages name the
// expected types (config, @throws, catalog); `settings.catchwise` is the config; without types the
// messages stay as they were, except the abort note, which needs no types.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { NO_IDIOMS } from './helpers.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/knowledge/libs');
const noTests = { idioms: NO_IDIOMS };

function eslintFor(typed: boolean, settings?: Record<string, unknown>): ESLint {
  return new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: {
          parser: tsParser,
          parserOptions: typed ? { projectService: { allowDefaultProject: [] }, tsconfigRootDir: root } : {},
        },
        plugins: { catchwise: plugin as never },
        rules: { 'catchwise/no-silent-catch': ['error', noTests], 'catchwise/no-broad-catch': ['error', noTests] },
        ...(settings ? { settings } : {}),
      },
    ],
  });
}

async function messages(eslint: ESLint, file: string): Promise<string[]> {
  const path = join(root, file);
  const [result] = await eslint.lintText(readFileSync(path, 'utf8'), { filePath: path });
  return result!.messages.map((message) => `${message.line}: ${message.message}`);
}

describe('rules name the expected types with projectService', () => {
  const typed = eslintFor(true);
  const untyped = eslintFor(false);

  it('pg: DatabaseError from the catalog', async () => {
    expect(await messages(typed, 'pg-named.ts')).toEqual([
      '8: This catch clause discards the error: it is empty; expected here: DatabaseError (catalog).',
    ]);
    expect(await messages(untyped, 'pg-named.ts')).toEqual(['8: This catch clause discards the error: it is empty.']);
  }, 60_000);

  it('kafkajs, axios, zod and JSON.parse by @throws in TypeScript’s own lib', async () => {
    expect((await messages(typed, 'kafka.ts')).every((message) => message.includes('expected here: KafkaJSError (catalog)'))).toBe(true);
    expect(await messages(typed, 'axios-client.ts')).toEqual([expect.stringContaining('expected here: AxiosError (catalog)')]);
    expect(await messages(typed, 'zod-schema.ts')).toEqual([expect.stringContaining('expected here: ZodError (catalog)')]);
    expect(await messages(typed, 'node-builtins.ts')).toEqual([
      expect.stringContaining('expected here: SyntaxError (@throws), ErrnoException (ENOENT, EACCES, EISDIR) (catalog)'),
      expect.stringContaining('expected here: TypeError (catalog), URIError (catalog)'),
      // The abort is cancellation, not an expected error; the note says the handler would swallow it.
      expect.stringMatching(/it would also swallow an abort of `signal` \(the AbortSignal parameter at line 19\); expected here: TypeError \(catalog\)\.$/),
    ]);
    // Without types: the abort note (syntax), no expected types.
    expect((await messages(untyped, 'node-builtins.ts'))[2]).toMatch(/returns '' without logging or rethrowing it; it would also swallow an abort of `signal` \(the AbortSignal parameter at line 19\)\.$/);
  }, 60_000);

  it('settings.catchwise is the config; a bad one names itself and the field', async () => {
    const withConfig = eslintFor(true, { catchwise: { errors: { pg: [{ name: 'UniqueViolation', guard: 'code', codes: ['23505'] }] } } });
    expect(await messages(withConfig, 'pg-named.ts')).toEqual([expect.stringContaining('expected here: UniqueViolation (config), DatabaseError (catalog).')]);
    const bad = eslintFor(false, { catchwise: { errors: { pg: 'DatabaseError' } } });
    await expect(messages(bad, 'pg-named.ts')).rejects.toThrow(/ESLint settings\.catchwise: errors\["pg"\] must be an array/);
  }, 60_000);

  it('the suggestion is the rewrite with the same knowledge', async () => {
    const path = join(root, 'pg-named.ts');
    const [result] = await typed.lintText(readFileSync(path, 'utf8'), { filePath: path });
    const suggestion = result!.messages[0]!.suggestions?.[0];
    expect(suggestion?.fix.text).toContain('error instanceof DatabaseError');
  }, 60_000);
});
