// The checks that let the rules skip the path analysis must agree with it: a handler that
// `throwsOnEveryPath` has no quiet path, and one that cannot `mayHoldLogCall` has no log call. Checked
// on snippets of each shape and on every handler in examples/, this package's sources and the
// codemod's fixtures.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseForESLint } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { analyzeHandler, findHandlers, resolveOptions } from '../../src/analysis/index.js';
import { ensureParents } from '../../src/analysis/handlers.js';
import { mayHoldLogCall, throwsOnEveryPath } from '../../src/analysis/quick-checks.js';

const options = resolveOptions({});

function handlersOf(code: string, fileName = '/project/src/file.ts') {
  const { ast, scopeManager } = parseForESLint(code, { range: true, loc: true, comment: true, tokens: true, filePath: fileName, sourceType: 'module' });
  const program = ast as unknown as TSESTree.Program;
  ensureParents(program);
  return findHandlers(program, scopeManager!, options).map((handler) => ({ handler, analysis: analyzeHandler(handler, scopeManager!, options) }));
}

function only(code: string) {
  const handlers = handlersOf(code);
  expect(handlers).toHaveLength(1);
  return handlers[0]!;
}

describe('throwsOnEveryPath', () => {
  it.each([
    'try { f() } catch (e) { throw e }',
    'try { f() } catch (e) { cleanup(); throw new Error("x", { cause: e }) }',
    'try { f() } catch (e) { for (const x of xs) g(x); throw e }',
    'try { f() } catch (e) { try { undo() } catch (inner) { report(inner) } throw e }',
    'p.catch((e) => { logger.error("x", e); throw e })',
  ])('clears %s, whose paths all propagate', (code) => {
    const { handler, analysis } = handlersOf(code)[0]!;
    expect(throwsOnEveryPath(handler)).toBe(true);
    expect(analysis.paths.length).toBeGreaterThan(0);
    expect(analysis.paths.every((path) => path.label === 'propagates')).toBe(true);
  });

  it.each([
    'try { f() } catch (e) { if (e.code === "ENOENT") return null; throw e }',
    'for (;;) { try { f() } catch (e) { if (retry) continue; throw e } }',
    'try { f() } catch (e) { throw e; }\nfunction g() { try { h() } catch { return 0 } }',
    'try { f() } catch (e) { log(e) }',
    'try { f() } catch {}',
    'p.catch((e) => null)',
  ])('leaves %s to the analysis', (code) => {
    const [{ handler }] = handlersOf(code).slice(-1);
    expect(throwsOnEveryPath(handler!)).toBe(false);
  });
});

describe('mayHoldLogCall', () => {
  it.each([
    ['try { f() } catch (e) { logger.warn(`failed: ${e.message}`) }', true],
    ['try { f() } catch (e) { this.#log?.error(String(e)) }', true],
    ['try { f() } catch (e) { items.forEach((x) => console.error(x)) }', true],
    ['try { f() } catch (e) { report(e); return 0 }', false],
    ['p.catch(noop)', false],
  ] as const)('%s: %s', (code, expected) => {
    const { handler, analysis } = only(code);
    expect(mayHoldLogCall(handler, options)).toBe(expected);
    if (!expected) expect(analysis.logCalls).toHaveLength(0);
  });
});

describe('on real sources', () => {
  const root = join(import.meta.dirname, '..', '..', '..', '..');
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.[cm]?tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') && !entry.name.includes('.output.')) files.push(path);
    }
  };
  walk(join(root, 'examples'));
  walk(join(root, 'packages', 'eslint-plugin', 'src'));
  walk(join(root, 'packages', 'codemods', 'tests', 'fixtures'));

  it('agree with the analysis on every handler', () => {
    let cleared = 0;
    let checked = 0;
    for (const file of files) {
      for (const { handler, analysis } of handlersOf(readFileSync(file, 'utf8'), file)) {
        checked += 1;
        if (throwsOnEveryPath(handler)) {
          cleared += 1;
          expect(analysis.paths.every((path) => path.label === 'propagates'), `${file}:${handler.node.loc.start.line}`).toBe(true);
        }
        if (!mayHoldLogCall(handler, options)) expect(analysis.logCalls, `${file}:${handler.node.loc.start.line}`).toHaveLength(0);
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(cleared).toBeGreaterThan(0);
  }, 120_000);
});
