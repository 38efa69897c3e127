// Cancellation: in code that takes an AbortSignal, an abort is the caller cancelling. The rewrite
// tests for it first and ignores it (default) or rethrows it (config), never logging it as an
// unexpected error; the rules no longer report the rewritten handler.
import { describe, expect, it } from 'vitest';
import { findHandlerFindings, resolveOptions } from '../../src/analysis/index.js';
import { createKnownErrorProvider, takesAbortSignal } from '../../src/analysis/knowledge/index.js';
import { NO_IDIOMS, parse, rewriteAll } from './helpers.js';

const withSignal = `import { readFile } from 'node:fs/promises';
export async function load(path: string, signal: AbortSignal): Promise<string> {
  try {
    return await readFile(path, { encoding: 'utf8', signal });
  } catch {
    return '';
  }
}
`;

describe('cancellation', () => {
  it('ignores the abort first, then the expected errors, then the fallback', () => {
    const result = rewriteAll(withSignal, createKnownErrorProvider());
    expect(result.output).toBe(`import { readFile } from 'node:fs/promises';
export async function load(path: string, signal: AbortSignal): Promise<string> {
  try {
    return await readFile(path, { encoding: 'utf8', signal });
  } catch (error) {
    if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
      /* cancelled by the caller: not an error */
    } else if (error instanceof Error && 'code' in error && typeof error.code === 'string' && ['ENOENT', 'EACCES', 'EISDIR'].includes(error.code)) {
      console.warn('load: readFile() failed', error);
    } else {
      console.error('load: unexpected error from readFile()', error);
    }
    return '';
  }
}
`);
    expect(result.known[0]![0]).toMatchObject({ name: 'AbortError', cancellation: 'ignore' });
    // The rules no longer report it: the abort path is narrowed, the others log the error object.
    expect(findHandlerFindings(parse(result.output), resolveOptions({ idioms: NO_IDIOMS }))).toEqual([]);
  });

  it('config `cancellation: "rethrow"` rethrows the abort', () => {
    const result = rewriteAll(withSignal, createKnownErrorProvider({ config: { cancellation: 'rethrow' } }));
    expect(result.output).toContain("if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {\n      throw error;\n    } else if");
  });

  it('a promise handler of fetch with `signal:` passed on', () => {
    const code = "export function poll(url: string, controller: AbortController) {\n  return fetch(url, { signal: controller.signal }).catch(() => null);\n}\n";
    const known = rewriteAll(code, createKnownErrorProvider()).known.flat();
    expect(known.map((error) => [error.name, error.cancellation ?? null])).toEqual([
      ['AbortError', 'ignore'],
      ['TypeError', null],
    ]);
  });

  it('no signal in sight: fetch aborts are expected errors, not ignored', () => {
    const code = "export async function get(url: string) {\n  try {\n    return await fetch(url);\n  } catch {\n    return null;\n  }\n}\n";
    const known = rewriteAll(code, createKnownErrorProvider()).known.flat();
    expect(known.every((error) => !error.cancellation)).toBe(true);
    const input = parse(code);
    expect(takesAbortSignal(input, input.program.body[0]!, [])).toBe(false);
  });

  it('a destructured `{ signal }` parameter counts', () => {
    const code = "export async function run({ signal }: { signal: AbortSignal }, work: () => Promise<void>) {\n  try {\n    await work();\n  } catch {\n    return;\n  }\n}\n";
    expect(rewriteAll(code, createKnownErrorProvider()).known.flat().map((error) => error.name)).toEqual(['AbortError']);
  });
});

describe('what counts as taking an AbortSignal', () => {
  const names = (code: string): string[] => rewriteAll(code, createKnownErrorProvider()).known.flat().map((error) => error.name);
  it('a process signal is not an AbortSignal', () => {
    expect(names("export async function onSignal(signal: NodeJS.Signals, stop: () => Promise<void>) {\n  try {\n    await stop();\n  } catch {\n    return signal;\n  }\n}\n")).toEqual([]);
  });
  it('an optional `signal?: AbortSignal | undefined` does', () => {
    expect(names('export async function run(work: () => Promise<void>, signal?: AbortSignal | undefined) {\n  try {\n    await work();\n  } catch {\n    return;\n  }\n}\n')).toEqual(['AbortError']);
  });
});
