// The recommended and strict configs run through both supported ESLint majors, on TypeScript
// (typescript-eslint's parser) and on JavaScript parsed by espree (each version's default parser).
import { describe, expect, it } from 'vitest';
import { Linter as Linter10 } from 'eslint';
import { Linter as Linter9 } from 'eslint9';
import tsParser from '@typescript-eslint/parser';
import plugin from '../src/index.js';

const source = [
  'export async function load(pool, path) {',
  '  try {',
  '    await pool.end();',
  '  } catch {}',
  '  try {',
  '    return await read(path);',
  '  } catch (err) {',
  '    if (err.code === "ENOENT") return null;',
  '    logger.warn(`read failed: ${err.message}`);',
  '    return null;',
  '  }',
  '}',
].join('\n');

const expected = [
  { ruleId: 'catchwise/no-silent-catch', line: 4 },
  { ruleId: 'catchwise/no-broad-catch', line: 7 },
  { ruleId: 'catchwise/log-error-object', line: 9 },
];

type AnyLinter = { verify(code: string, config: unknown, options?: unknown): { ruleId: string | null; line: number; message: string }[] };

const linters: [string, AnyLinter][] = [
  ['eslint 10', new Linter10({ configType: 'flat' }) as unknown as AnyLinter],
  ['eslint 9', new Linter9({ configType: 'flat' }) as unknown as AnyLinter],
];

describe.each(linters)('%s', (_name, linter) => {
  it('runs configs.recommended on JavaScript parsed by espree', () => {
    const messages = linter.verify(source, [plugin.configs.recommended], { filename: 'load.js' });
    expect(messages.map(({ ruleId, line }) => ({ ruleId, line }))).toEqual(expected);
  });

  it('runs configs.recommended on TypeScript', () => {
    const messages = linter.verify(source, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs.recommended], {
      filename: 'load.ts',
    });
    expect(messages.map(({ ruleId, line }) => ({ ruleId, line }))).toEqual(expected);
  });

  it('configs.strict also requires narrowing where the error is only logged', () => {
    const code = 'try { f(); } catch (e) { console.error(e); }';
    expect(linter.verify(code, [plugin.configs.recommended], { filename: 'a.js' })).toEqual([]);
    const strict = linter.verify(code, [plugin.configs.strict], { filename: 'a.js' });
    expect(strict.map((message) => message.ruleId)).toEqual(['catchwise/no-broad-catch']);
  });
});
