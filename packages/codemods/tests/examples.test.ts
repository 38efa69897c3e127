// DESIGN §8 on every file of examples/: the handlers the rules report are the ones the codemod
// rewrites; after it the rules report nothing; a second run is a no-op.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { transformSource } from '../src/index.js';
import { lintCatchwise } from './lint.js';

const examples = fileURLToPath(new URL('../../../examples/', import.meta.url));
const HANDLER_RULES = new Set(['catchwise/no-silent-catch', 'catchwise/no-broad-catch']);

function sources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(path));
    else if (/\.[cm]?[jt]sx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') && !entry.name.includes('.config.')) out.push(path);
  }
  return out.sort();
}

const files = readdirSync(examples, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => sources(join(examples, entry.name, 'src')));

describe('examples/', () => {
  it('has sources, and the service has handlers to rewrite', () => {
    expect(files.some((file) => file.includes('/service/src/'))).toBe(true);
    const total = files.reduce((sum, file) => sum + transformSource(readFileSync(file, 'utf8'), { fileName: file }).findings, 0);
    expect(total).toBeGreaterThan(3);
  });

  it.each(files.map((file) => ({ file: file.slice(examples.length) , path: file })))('$file', ({ path }) => {
    const text = readFileSync(path, 'utf8');
    const result = transformSource(text, { fileName: path });
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const reported = lintCatchwise(text, path).filter((m) => m.ruleId && HANDLER_RULES.has(m.ruleId));
    expect(reported.length).toBe(result.findings);
    expect(lintCatchwise(result.output, path).filter((m) => m.ruleId?.startsWith('catchwise/'))).toEqual([]);
    expect(transformSource(result.output, { fileName: path }).output).toBe(result.output);
  });
});
