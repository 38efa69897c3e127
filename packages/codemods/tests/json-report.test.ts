// `--json`: each file's `handlers` lists the rewritten handlers, and for each the expected errors it
// branches on with their evidence: config, `@throws`, catalog, or a local `throw new X()`.
import { afterEach, describe, expect, it } from 'vitest';
import { transformSource } from '../src/index.js';
import { runCli, tempRepo } from './helpers.js';
import type { Repo } from './helpers.js';

const repos: Repo[] = [];
afterEach(() => {
  for (const created of repos.splice(0)) created.cleanup();
});

const SOURCE = `import { Pool } from 'pg';
import { query } from '@acme/db';

const pool = new Pool();

function checkedPort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port)) throw new RangeError(\`bad port \${raw}\`);
  return port;
}

export async function close(): Promise<void> {
  try {
    await pool.end();
  } catch {}
}

export async function load(): Promise<number> {
  try {
    return await query();
  } catch {
    return 0;
  }
}

export function listen(raw: string, start: (port: number) => void): void {
  try {
    start(checkedPort(raw));
  } catch {
    return;
  }
}

export async function get(url: string, signal: AbortSignal): Promise<unknown> {
  try {
    return await fetch(url, { signal });
  } catch (error) {
    console.error('get failed', error);
    return null;
  }
}
`;

describe('--json evidence', () => {
  it('lists, per rewritten handler, the expected errors with their evidence', () => {
    const r = tempRepo({ 'catchwise.config.json': JSON.stringify({ errors: { '@acme/db': ['DbError'] } }), 'src/a.ts': SOURCE });
    repos.push(r);
    const result = runCli(r.dir, ['specific-catch', 'src', '--dry-run', '--json']);
    expect(result.status).toBe(1);
    const summary = JSON.parse(result.stdout) as { files: { file: string; handlers: unknown[]; diagnostics: unknown[] }[] };
    const [file] = summary.files;
    expect(file!.file).toBe('src/a.ts');
    expect(file!.diagnostics).toEqual([]);
    expect(file!.handlers).toEqual([
      {
        line: 15,
        column: 5,
        rule: 'no-silent-catch',
        expected: [{ name: 'DatabaseError', evidence: 'catalog', detail: expect.stringMatching(/^catalog pg \(import 'pg'\): /), call: 'pool.end', guard: 'instanceof (import added)' }],
      },
      {
        line: 21,
        column: 5,
        rule: 'no-silent-catch',
        expected: [{ name: 'DbError', evidence: 'config', detail: 'catchwise.config.json errors["@acme/db"]', call: 'query', guard: 'instanceof (import added)' }],
      },
      {
        line: 29,
        column: 5,
        rule: 'no-silent-catch',
        expected: [
          { name: 'RangeError', evidence: 'local-throw', detail: 'throw new RangeError() in checkedPort (a.ts:6)', call: 'checkedPort', guard: 'instanceof (global class)' },
        ],
      },
      {
        line: 37,
        column: 5,
        rule: 'no-broad-catch',
        expected: [
          {
            name: 'AbortError',
            evidence: 'catalog',
            detail: "cancellation: signal (the AbortSignal parameter at line 34) is the caller's; an abort is not an unexpected error",
            call: null,
            guard: 'name (AbortError/TimeoutError)',
            cancellation: 'ignore',
          },
        ],
      },
    ]);
  });

  it('transformSource returns the same handlers; an unchanged file has none', () => {
    const result = transformSource(SOURCE, { fileName: '/repo/src/a.ts' });
    expect(result.handlers?.map((handler) => [handler.line, handler.rule, handler.expected.map((error) => `${error.name}:${error.evidence}`)])).toEqual([
      [15, 'no-silent-catch', ['DatabaseError:catalog']],
      [21, 'no-silent-catch', []],
      [29, 'no-silent-catch', ['RangeError:local-throw']],
      [37, 'no-broad-catch', ['AbortError:catalog']],
    ]);
    expect(transformSource(result.output, { fileName: '/repo/src/a.ts' }).handlers).toEqual([]);
  });

  it('a handler followed to its declaration elsewhere (.catch(noop)) is listed where the call passes it', () => {
    const source = `export function stop(reader: ReadableStreamDefaultReader, stream: NodeJS.EventEmitter): void {
  stream.on('error', noop);
  reader.read().then(done, noop);
}

function done(): void {}

function noop(): void {}
`;
    const result = transformSource(source, { fileName: '/repo/src/stop.ts' });
    expect(result.handlers?.map((handler) => [handler.line, handler.column, handler.rule])).toEqual([[3, 28, 'no-silent-catch']]);
    expect(result.output).toContain('reader.read().then(done, (error: unknown) => {');
  });
});
