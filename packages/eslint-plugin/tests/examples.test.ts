// The seed's handlers in examples/service (see its README table): exactly these are reported by
// configs.recommended, and the deliberate ones (rethrow, narrow-then-rethrow, JSON.parse probe) are not.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin from '../src/index.js';

const dir = fileURLToPath(new URL('../../../examples/service/src/', import.meta.url));
const files = ['circuit-breaker.ts', 'index.ts', 'kafka-client.ts', 'kafka-pool-manager.ts', 'logger.ts', 'postgres-client.ts'];

it('reports exactly the seed findings in examples/service', () => {
  const linter = new Linter({ configType: 'flat' });
  const config = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs.recommended] as unknown as Linter.Config[];
  const reports = files.flatMap((file) =>
    linter.verify(readFileSync(`${dir}${file}`, 'utf8'), config, { filename: file }).map((message) => `${file}:${message.line} ${message.ruleId}`),
  );
  expect(reports).toEqual([
    'circuit-breaker.ts:32 catchwise/no-silent-catch',
    'kafka-client.ts:35 catchwise/no-silent-catch',
    'kafka-client.ts:43 catchwise/no-broad-catch',
    'kafka-client.ts:44 catchwise/log-error-object',
    'kafka-pool-manager.ts:25 catchwise/no-silent-catch',
    'postgres-client.ts:25 catchwise/no-silent-catch',
    'postgres-client.ts:39 catchwise/no-broad-catch',
    'postgres-client.ts:72 catchwise/no-silent-catch',
  ]);
});

// DESIGN §8: the handlers the rules report are exactly the ones the analysis API hands the codemod.
it('findHandlerFindings returns exactly the handlers no-silent-catch and no-broad-catch report', async () => {
  const { parseForESLint } = await import('@typescript-eslint/parser');
  const { findHandlerFindings, findLogCallFindings } = await import('../src/analysis/index.js');
  const linter = new Linter({ configType: 'flat' });
  const config = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs.recommended] as unknown as Linter.Config[];
  for (const file of files) {
    const text = readFileSync(`${dir}${file}`, 'utf8');
    const { ast, scopeManager } = parseForESLint(text, { range: true, loc: true, comment: true, sourceType: 'module', filePath: file });
    const input = { program: ast as never, scopeManager: scopeManager as never, sourceText: text, fileName: file };
    const api = [
      ...findHandlerFindings(input).map((finding) => `${finding.handler.node.loc.start.line} ${finding.ruleId}`),
      ...findLogCallFindings(input).map((finding) => `${finding.call.loc.start.line} ${finding.ruleId}`),
    ].sort();
    const rules = linter
      .verify(text, config, { filename: file })
      .map((message) => `${message.line} ${message.ruleId?.replace('catchwise/', '')}`)
      .sort();
    expect(api, file).toEqual(rules);
  }
});
