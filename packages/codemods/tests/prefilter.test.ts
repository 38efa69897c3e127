// The runner's text prefilter: a file it rejects is never parsed, so it must pass every text that
// holds a handler the rules report, and may reject text that only has `catch` inside a longer word.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { transformSource, transforms } from '../src/index.js';

const prefilter = transforms['specific-catch']!.prefilter;
const dir = new URL('./fixtures/specific-catch/', import.meta.url);

describe('specific-catch prefilter', () => {
  it('passes every handler form, spaced or not', () => {
    const handlers = [
      'try { f(); } catch {}',
      'try { f(); } catch (e) { return 0; }',
      'p.catch(() => {});',
      'p.then (ok, () => {});',
      'p\n  .then(ok, () => 0);',
      'p?.then(ok, () => null);',
    ];
    for (const text of handlers) {
      expect(prefilter(text), text).toBe(true);
      const program = `export async function f(db: { load(): Promise<number> }, ok: () => void): Promise<void> {\n  ${text.replace(/\bp\b/, 'db.load()').replace('f()', 'ok()')}\n}\n`;
      expect(transformSource(program, { fileName: '/project/src/a.ts' }).findings, program).toBe(1);
    }
  });

  it('passes every fixture that has a finding', () => {
    for (const name of readdirSync(dir).filter((file) => file.includes('.input.'))) {
      const text = readFileSync(new URL(name, dir), 'utf8');
      if (transformSource(text, { fileName: `/project/src/${name}` }).findings > 0) expect(prefilter(text), name).toBe(true);
    }
  });

  it('rejects text with `catch` only inside longer words', () => {
    expect(prefilter("import { catchError } from 'rxjs';\nexport const tool = 'catchwise';\n")).toBe(false);
    expect(prefilter('export const thenable = { thenBy: 1 };\n')).toBe(false);
  });

  it('rejects prose "then" outside a member access', () => {
    expect(prefilter('// If the cache misses, then load from disk.\nexport const then = 1;\n')).toBe(false);
  });
});
