// `catchwise.config.json`: found upward from the linted file, validated with errors that name the
// file and the field, and its `errors` come first (evidence `config`) with the imports they need.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { CatchwiseConfigError, clearConfigCache, createKnownErrorProvider, findConfigFile, loadConfigFor, validateConfig } from '../../src/analysis/knowledge/index.js';
import { guards, rewriteAll } from './helpers.js';

const root = mkdtempSync(join(tmpdir(), 'catchwise-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => clearConfigCache());

function write(path: string, text: string): string {
  const full = join(root, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, text);
  return full;
}

describe('discovery', () => {
  it('finds the nearest config upward from the file, and none outside', () => {
    const outer = write('repo/catchwise.config.json', JSON.stringify({ errors: { got: ['HTTPError'] } }));
    const inner = write('repo/packages/api/catchwise.config.json', JSON.stringify({ cancellation: 'rethrow' }));
    const deep = write('repo/packages/api/src/routes/users.ts', '');
    const other = write('repo/packages/web/src/app.ts', '');
    expect(findConfigFile(deep)).toBe(inner);
    expect(findConfigFile(other)).toBe(outer);
    expect(loadConfigFor(deep).config).toEqual({ cancellation: 'rethrow' });
    expect(loadConfigFor(other)).toEqual({ config: { errors: { got: ['HTTPError'] } }, path: outer });
    const lone = mkdtempSync(join(tmpdir(), 'catchwise-none-'));
    try {
      expect(loadConfigFor(join(lone, 'a.ts'))).toEqual({ config: {}, path: null });
    } finally {
      rmSync(lone, { recursive: true, force: true });
    }
  });

  it('re-reads a config whose content changed', () => {
    const file = write('reload/src/a.ts', '');
    const config = write('reload/catchwise.config.json', JSON.stringify({ catalog: true }));
    expect(loadConfigFor(file).config).toEqual({ catalog: true });
    writeFileSync(config, JSON.stringify({ catalog: false }));
    expect(loadConfigFor(file).config).toEqual({ catalog: false });
  });
});

describe('validation names the file and the field', () => {
  const cases: [string, unknown, RegExp][] = [
    ['not an object', [], /cfg\.json: must hold a JSON object$/],
    ['unknown top-level field', { error: {} }, /cfg\.json: error is not a known field/],
    ['errors not an object', { errors: [] }, /cfg\.json: errors must be an object/],
    ['a module without a list', { errors: { pg: 'DatabaseError' } }, /cfg\.json: errors\["pg"\] must be an array/],
    ['a bad class name', { errors: { pg: ['Database Error'] } }, /cfg\.json: errors\["pg"\]\[0\] "Database Error" is not a class name/],
    ['a bad guard', { errors: { pg: [{ name: 'X', guard: 'is-x()' }] } }, /cfg\.json: errors\["pg"\]\[0\]\.guard must be one of instanceof, name, code/],
    ['code without codes', { errors: { pg: [{ name: 'X', guard: 'code' }] } }, /cfg\.json: errors\["pg"\]\[0\]\.codes is required with guard "code"/],
    ['an unknown error field', { errors: { pg: [{ name: 'X', kind: 'y' }] } }, /cfg\.json: errors\["pg"\]\[0\]\.kind is not a known field/],
    ['cancellation', { cancellation: 'swallow' }, /cfg\.json: cancellation must be "ignore" or "rethrow"/],
    ['expectedLevel', { expectedLevel: 'loud' }, /cfg\.json: expectedLevel must be one of/],
    ['codemods.errors', { codemods: { errors: { pg: 3 } } }, /cfg\.json: errors\["pg"\] must be an array/],
  ];
  for (const [name, value, message] of cases) {
    it(name, () => {
      let caught: unknown = null;
      try {
        validateConfig(value, '/x/cfg.json');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(CatchwiseConfigError);
      expect((caught as Error).message).toMatch(message);
      expect((caught as CatchwiseConfigError).file).toBe('/x/cfg.json');
    });
  }

  it('invalid JSON in a discovered file names the file', () => {
    const file = write('broken/src/a.ts', '');
    const config = write('broken/catchwise.config.json', '{ "errors": ');
    expect(() => loadConfigFor(file)).toThrow(new RegExp(`^${config.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: is not valid JSON`));
  });

  it('accepts a full config', () => {
    const value = {
      $schema: './node_modules/@catchwise/eslint-plugin/catchwise.schema.json',
      errors: { '@acme/http': ['HttpError', { name: 'TimeoutError', guard: 'name', codes: ['ETIMEDOUT'] }, { name: 'RetryableError', guard: 'isRetryable', methods: ['send'] }] },
      cancellation: 'ignore',
      logger: 'logger@./src/log.js',
      expectedLevel: 'info',
      rules: { minimumLevel: 'warn' },
    };
    expect(validateConfig(value, 'c.json')).toMatchObject({ errors: value.errors, cancellation: 'ignore', expectedLevel: 'info' });
  });
});

describe('config errors come first, with their imports', () => {
  const config = validateConfig(
    {
      errors: {
        '@acme/http': ['HttpError', { name: 'TimeoutError', guard: 'name', codes: ['ETIMEDOUT'] }, { name: 'RetryableError', guard: 'isRetryable', methods: ['send'] }],
        pg: [{ name: 'UniqueViolation', guard: 'code', codes: ['23505'] }],
      },
    },
    '/repo/catchwise.config.json',
  );
  const provider = createKnownErrorProvider({ config, configPath: '/repo/catchwise.config.json' });

  it('a plain call of a local function or parameter in a file importing the module is not a call into it', () => {
    const code = "import { client } from '@acme/http';\nexport async function f(start: () => Promise<void>) { try { await start(); } catch { return null; } return client; }\n";
    expect(rewriteAll(code, provider).known.flat()).toEqual([]);
    const member = "import { client } from '@acme/http';\nexport async function f(wrapper: { http: typeof client }) { try { await wrapper.http.send('x'); } catch { return null; } }\n";
    expect(rewriteAll(member, provider).known.flat().map((error) => error.name)).toEqual(['HttpError', 'TimeoutError', 'RetryableError']);
  });

  it('class, name, code and guard-function forms; the import merged into the existing one', () => {
    const code = "import { client } from '@acme/http';\nexport async function f() { try { await client.send('x'); } catch { return null; } }\n";
    const result = rewriteAll(code, provider);
    const known = result.known.flat();
    expect(known.map((error) => [error.name, error.evidence])).toEqual([
      ['HttpError', 'config'],
      ['TimeoutError', 'config'],
      ['RetryableError', 'config'],
    ]);
    expect(guards(known)).toEqual([
      'error instanceof HttpError',
      "error instanceof Error && error.name === 'TimeoutError' && 'code' in error && error.code === 'ETIMEDOUT'",
      'isRetryable(error)',
    ]);
    expect(result.output).toContain("import { client, HttpError, isRetryable } from '@acme/http';");
    expect(known[0]!.detail).toBe('catchwise.config.json errors["@acme/http"]');
  });

  it('methods restrict an error to the calls named', () => {
    const code = "import { client } from '@acme/http';\nexport async function f() { try { await client.get('x'); } catch { return null; } }\n";
    expect(rewriteAll(code, provider).known.flat().map((error) => error.name)).toEqual(['HttpError', 'TimeoutError']);
  });

  it('config before catalog: pg gets both, the config first', () => {
    const code = "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function f() { try { await pool.query('x'); } catch { return null; } }\n";
    const known = rewriteAll(code, provider).known.flat();
    expect(known.map((error) => `${error.name}:${error.evidence}`)).toEqual(['UniqueViolation:config', 'DatabaseError:catalog']);
    expect(guards(known)[0]).toBe("error instanceof Error && 'code' in error && error.code === '23505'");
  });

  it('catalog: false leaves only the config', () => {
    const only = createKnownErrorProvider({ config: { ...config, catalog: false } });
    const code = "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function f() { try { await pool.query('x'); } catch { return null; } }\n";
    expect(rewriteAll(code, only).known.flat().map((error) => error.name)).toEqual(['UniqueViolation']);
  });
});
