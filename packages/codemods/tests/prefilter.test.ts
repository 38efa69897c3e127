// The runner's text prefilter: a file it rejects is never parsed, so it must pass every text that
// holds a handler the rules report, and may reject text that only has `catch` inside a longer word.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findHandlers } from '@catchwise/eslint-plugin/analysis';
import { transformSource, transforms } from '../src/index.js';
import { mayHoldHandler, parseForAnalysis, parseTypeScript } from '../src/parse.js';

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

// After the text prefilter, TypeScript's tree decides whether a file gets an ESTree, scopes and the
// analysis: it must hold a handler wherever the plugin's handler finder finds one.
describe('specific-catch tree check (mayHoldHandler)', () => {
  const holds = (text: string, fileName = '/project/src/a.ts'): boolean => mayHoldHandler(parseTypeScript(text, fileName));
  const found = (text: string, fileName = '/project/src/a.ts'): number => findHandlers(parseForAnalysis(text, fileName).program as never, parseForAnalysis(text, fileName).scopeManager).length;

  const HANDLERS = [
    'try { f(); } catch {}',
    'try { f(); } catch (e) { g(e); } finally { h(); }',
    'p.catch(() => {});',
    'p?.catch(noop);',
    'p.then(ok, () => 0);',
    'p?.then(ok, (e) => { throw e; });',
    '(p.catch)(() => {});',
    '(p.catch as (cb: () => void) => void)(() => {});',
    'p.catch<void>(() => {});',
    'p!.catch(() => undefined);',
    'const f = async () => { await load().then((v) => v, function onError() { return null; }); };',
    'class C { m() { return this.p.then(ok, () => null); } }',
  ];
  for (const text of HANDLERS) {
    it(`sees the handler in ${JSON.stringify(text)}`, () => {
      expect(found(text)).toBeGreaterThan(0);
      expect(holds(text)).toBe(true);
    });
  }

  const NO_HANDLERS = [
    'p.then(ok);',
    "p['catch'](() => {});",
    '// catch errors here, then retry\nexport const x = 1;',
    "const word = 'catch then';",
    'const o = { catch: 1, then: 2 };\no.catch;',
    'p.catch();',
    'type T = { then(ok: () => void, fail: () => void): void };',
  ];
  for (const text of NO_HANDLERS) {
    it(`finds no handler in ${JSON.stringify(text)}`, () => {
      expect(found(text)).toBe(0);
      expect(holds(text)).toBe(false);
    });
  }

  it('holds a handler in every fixture whose handlers the plugin finds (TS, JS and JSX files)', () => {
    let checked = 0;
    for (const name of readdirSync(dir).filter((file) => file.includes('.input.'))) {
      const text = readFileSync(new URL(name, dir), 'utf8').replace(/^\uFEFF/, '');
      const fileName = `/project/src/${name}`;
      if (found(text, fileName) === 0) continue;
      checked += 1;
      expect(holds(text, fileName), name).toBe(true);
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('leaves a file without a handler unchanged, and still reports one that does not parse', () => {
    const text = "import { load } from './load.js';\n// then we catch up\nexport const v = load().then((x) => x);\n";
    expect(transformSource(text, { fileName: '/project/src/a.ts' })).toEqual({ output: text, edits: [], diagnostics: [], findings: 0, rewritten: 0, handlers: [] });
    const broken = 'export const v = load().then((x) => x;\n';
    expect(transformSource(broken, { fileName: '/project/src/a.ts' }).diagnostics[0]?.code).toBe('parse-error');
  });
});
