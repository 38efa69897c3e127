// The CLI's V8 code cache for TypeScript's compiler: written by a first run, used by the next, off
// on request; the compiler works the same either way.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const cacheHome = mkdtempSync(join(tmpdir(), 'catchwise-cache-test-'));
afterAll(() => rmSync(cacheHome, { recursive: true, force: true }));

const script = `
const { compileCacheStatus } = await import(${JSON.stringify(new URL('../dist/compile-cache.js', import.meta.url).href)});
const { createRequire } = await import('node:module');
const ts = createRequire(${JSON.stringify(new URL('../package.json', import.meta.url).pathname)})('typescript');
const file = ts.createSourceFile('a.ts', 'try { f(); } catch {}', ts.ScriptTarget.Latest);
console.log(JSON.stringify({ status: compileCacheStatus(), statements: file.statements.length }));
`;

function load(env: Record<string, string> = {}): { status: string; statements: number } {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cacheHome, ...env } });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { status: string; statements: number };
}

describe('compile cache', () => {
  it('compiles TypeScript once, saves the code, and reads it back on the next start', () => {
    const builtIn = Number(process.versions.node.split('.')[0]) >= 22; // module.enableCompileCache
    const first = load();
    if (builtIn) {
      expect(first.status).toBe('built-in');
      return;
    }
    expect(first).toEqual({ status: 'miss', statements: 1 });
    expect(readdirSync(join(cacheHome, 'catchwise', 'compile-cache')).filter((name) => name.endsWith('.v8'))).toHaveLength(1);
    expect(load()).toEqual({ status: 'hit', statements: 1 });
  });

  it('is off with NODE_DISABLE_COMPILE_CACHE', () => {
    expect(load({ NODE_DISABLE_COMPILE_CACHE: '1' })).toEqual({ status: 'off', statements: 1 });
  });
});

// The codemod needs the plugin's analysis, not ESLint: loading ESLint (through a value import of
// @typescript-eslint/utils) cost every process and every worker ~0.13 CPU s. typescript-estree and
// TypeScript itself are loaded only for a file oxc hands over to TypeScript (a syntax error here):
// oxc also reads the rewrite first (as the CLI does without --verify, `recheck: false`).
describe('start-up', () => {
  it('loads the transform and a worker’s modules without loading ESLint, typescript-estree or TypeScript', () => {
    const probe = `
const { createRequire } = await import('node:module');
await import(${JSON.stringify(new URL('../dist/runner.js', import.meta.url).href)});
const { transformSource } = await import(${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)});
const rewritten = transformSource('export function f(): void {\\n  try {\\n    g();\\n  } catch {}\\n}\\ndeclare function g(): void;\\n', { fileName: '/project/src/a.ts', recheck: false }).rewritten;
const estreeLoaded = () => Object.keys(createRequire(import.meta.url).cache).some((path) => path.includes('typescript-estree'));
const typescriptLoaded = () => Object.keys(createRequire(import.meta.url).cache).some((path) => /[\\\\/]typescript[\\\\/]lib[\\\\/]typescript\\.js$/.test(path));
const estree = estreeLoaded();
const typescript = typescriptLoaded();
const broken = transformSource('try { f( } catch {}\\n', { fileName: '/project/src/b.ts' }).typescriptFallback;
const loaded = Object.keys(createRequire(import.meta.url).cache);
console.log(JSON.stringify({ rewritten, eslint: loaded.filter((path) => /[\\\\/]eslint[\\\\/]lib[\\\\/]/.test(path)).length, estree, typescript, estreeAfterFallback: broken && estreeLoaded(), typescriptAfterFallback: broken && typescriptLoaded() }));
`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ rewritten: 1, eslint: 0, estree: false, typescript: false, estreeAfterFallback: true, typescriptAfterFallback: true });
  });
});
