// Cancellation: in code that takes an AbortSignal, an abort is the caller cancelling. The rewrite
// tests for it first and ignores it (default) or rethrows it (config), never logging it as an
// unexpected error; the rules no longer report the rewritten handler.
import { describe, expect, it } from 'vitest';
import { findHandlerFindings, resolveOptions } from '../../src/analysis/index.js';
import { abortSignalOf, createKnownErrorProvider, narrowsAbort } from '../../src/analysis/knowledge/index.js';
import { findHandlers } from '../../src/analysis/handlers.js';
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
    const [handler] = findHandlers(input.program, input.scopeManager, resolveOptions({}));
    expect(abortSignalOf(handler!, input.scopeManager)).toBeNull();
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

/** The AbortSignal the first handler of `code` receives aborts of, or null. */
function signalOf(code: string): { name: string; where: string } | null {
  const input = parse(code);
  const [handler] = findHandlers(input.program, input.scopeManager, resolveOptions({}));
  return abortSignalOf(handler!, input.scopeManager);
}

const logged = (head: string, tryBody: string): string => `${head} {\n  try {\n    ${tryBody}\n  } catch (e) {\n    logger.error({ err: e }, 'failed');\n    return null;\n  }\n}\n`;

describe('abortSignalOf: strict about what takes an AbortSignal', () => {
  it.each([
    ['a parameter typed AbortSignal (the try block awaits)', logged('async function f(signal: AbortSignal)', 'await work();'), { name: 'signal', where: 'the AbortSignal parameter at line 1' }],
    ['an options parameter whose type has `signal: AbortSignal`', logged('async function f(opts: { signal?: AbortSignal })', 'await work();'), { name: 'opts.signal', where: 'the `signal` option of `opts` at line 1' }],
    ['an untyped `signal` the function uses as one', logged('async function f(url, signal)', 'signal.throwIfAborted(); await get(url);'), { name: 'signal', where: 'the `signal` parameter at line 1, used as an AbortSignal' }],
    ['`controller.signal` passed to a call', logged('async function f(controller)', 'await got(url, { signal: controller.signal });'), { name: 'controller.signal', where: 'passed to got() at line 3' }],
    ['a `.signal` argument', logged('async function f(req)', 'await pipeline(src, dst, req.signal);'), { name: 'req.signal', where: 'passed to pipeline() at line 3' }],
    ['a signal checked in the try block', logged('async function f(ctx)', 'if (ctx.signal.aborted) return null; await step();'), { name: 'ctx.signal', where: 'checked at line 3' }],
    ['a signal passed inside a callback the try block runs', logged('async function f(urls, controller)', 'await Promise.all(urls.map((u) => fetch(u, { signal: controller.signal })));'), { name: 'controller.signal', where: 'passed to fetch() at line 3' }],
  ])('%s', (_, code, expected) => {
    expect(signalOf(code)).toEqual(expected);
  });

  it.each([
    ['an untyped `signal` that is a process signal', logged('function f(child, signal)', 'child.kill(signal);')],
    ['a `signal` option holding a process signal name', logged('function f(child)', "child.kill({ signal: 'SIGTERM' });")],
    ['`signal: NodeJS.Signals`', logged('function f(signal: NodeJS.Signals)', 'stop(signal);')],
    ['a destructured `{ signal }` never used as an AbortSignal', logged('function f({ code, signal }: ExitInfo)', 'report(code, signal);')],
    ['a signal of the enclosing function, not passed in the try block', "async function f(signal: AbortSignal) {\n  items.forEach(async (item) => {\n    try {\n      await save(item);\n    } catch (e) {\n      logger.error({ err: e }, 'failed');\n    }\n  });\n}\n"],
    ['a synchronous try block in a function that takes a signal', logged('async function f(text: string, signal: AbortSignal)', 'return JSON.parse(text);')],
    ['a signal of a nested function only', "async function f() {\n  const poll = (signal: AbortSignal) => fetch(url, { signal });\n  try {\n    await save();\n  } catch (e) {\n    logger.error({ err: e }, 'failed');\n  }\n  return poll;\n}\n"],
  ])('not %s', (_, code) => {
    expect(signalOf(code)).toBeNull();
  });
});

describe('narrowsAbort', () => {
  const narrows = (check: string): boolean => {
    const input = parse(`async function f(signal: AbortSignal) {\n  try {\n    await work();\n  } catch (e) {\n    ${check}\n    logger.error(e);\n  }\n}\n`);
    const [handler] = findHandlers(input.program, input.scopeManager, resolveOptions({}));
    return narrowsAbort(handler!);
  };
  it.each([
    "if (e instanceof Error && e.name === 'AbortError') return;",
    'if (signal.aborted) return;',
    'signal.throwIfAborted();',
    'if (isAbortError(e)) return;',
    'if (axios.isCancel(e)) return;',
    "if ((e as NodeJS.ErrnoException).code === 'ABORT_ERR') return;",
    'if (e instanceof AbortError) return;',
  ])('%s tells the abort apart', (check) => {
    expect(narrows(check)).toBe(true);
  });
  it('a check of something else does not', () => {
    expect(narrows('if (e instanceof TypeError) return;')).toBe(false);
  });
});

describe('a handler that logs the abort and recovers (no-broad-catch abortSwallowed)', () => {
  const code = `export async function load(url: string, signal: AbortSignal) {
  try {
    return await fetch(url, { signal });
  } catch (error) {
    logger.error({ err: error }, 'load failed');
    return null;
  }
}
`;

  it('is reported, and the rewrite keeps the abort out of the log; the result is not reported again', () => {
    const options = resolveOptions({ idioms: NO_IDIOMS });
    const [finding] = findHandlerFindings(parse(code), options);
    expect(finding).toMatchObject({ ruleId: 'no-broad-catch', messageId: 'abortSwallowed', abort: { signal: { name: 'signal' } } });
    const result = rewriteAll(code, createKnownErrorProvider());
    expect(result.output).toBe(`export async function load(url: string, signal: AbortSignal) {
  try {
    return await fetch(url, { signal });
  } catch (error) {
    if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
      /* cancelled by the caller: not an error */
    } else {
      logger.error({ err: error }, 'load failed');
    }
    return null;
  }
}
`);
    expect(result.rewrites[0]!.errorTypes).toEqual([
      { name: 'AbortError', evidence: 'catalog', detail: "cancellation: signal (the AbortSignal parameter at line 1) is the caller's; an abort is not an unexpected error" },
    ]);
    expect(findHandlerFindings(parse(result.output), options)).toEqual([]);
  });

  it('config `cancellation: "rethrow"` rethrows the abort before the log', () => {
    const result = rewriteAll(code, createKnownErrorProvider({ config: { cancellation: 'rethrow' } }));
    expect(result.output).toContain(`  } catch (error) {
    if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
      throw error;
    }
    logger.error({ err: error }, 'load failed');
    return null;
  }`);
    expect(findHandlerFindings(parse(result.output), resolveOptions({ idioms: NO_IDIOMS }))).toEqual([]);
  });

  // The log fix alone would leave a log that reports the abort as an unexpected error (abortSwallowed
  // on the next run): one rewrite passes the error object and keeps the abort out of the log.
  const textLog = `export async function load(url: string, signal: AbortSignal) {
  try {
    return await fetch(url, { signal });
  } catch (error) {
    console.error(\`load failed: \${error}\`);
  }
  return null;
}
`;

  it('a text-only log of the error gets the error object and the abort branch in one rewrite', () => {
    const options = resolveOptions({ idioms: NO_IDIOMS });
    const [finding] = findHandlerFindings(parse(textLog), options);
    expect(finding).toMatchObject({ ruleId: 'no-broad-catch', messageId: 'broadCatch' });
    const result = rewriteAll(textLog, createKnownErrorProvider());
    expect(result.output).toBe(`export async function load(url: string, signal: AbortSignal) {
  try {
    return await fetch(url, { signal });
  } catch (error) {
    if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
      /* cancelled by the caller: not an error */
    } else {
      console.error(\`load failed: \${error}\`, error);
    }
  }
  return null;
}
`);
    expect(result.rewrites[0]!.errorTypes.map((error) => error.name)).toEqual(['AbortError']);
    expect(findHandlerFindings(parse(result.output), options)).toEqual([]);
  });

  it('with `cancellation: "rethrow"`, a below-level log raised to error follows the rethrow of the abort', () => {
    const belowLevel = textLog.replace('console.error(`load failed: ${error}`);', 'console.log(error);');
    const result = rewriteAll(belowLevel, createKnownErrorProvider({ config: { cancellation: 'rethrow' } }));
    expect(result.output).toContain(`  } catch (error) {
    if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
      throw error;
    }
    console.error('load: unexpected error from fetch()', error);
  }`);
    expect(findHandlerFindings(parse(result.output), resolveOptions({ idioms: NO_IDIOMS }))).toEqual([]);
  });

  it('a log inside a larger expression gets no rewrite, only the FIXME', () => {
    const inExpression = code.replace("logger.error({ err: error }, 'load failed');\n    return null;", "return (logger.error({ err: error }, 'load failed'), null);");
    const [finding] = findHandlerFindings(parse(inExpression), resolveOptions({ idioms: NO_IDIOMS }));
    expect(finding?.messageId).toBe('abortSwallowed');
    const result = rewriteAll(inExpression, createKnownErrorProvider());
    expect(result.rewrites[0]!.fixme).toBe('a log of the error sits inside a larger expression; test for the abort before it by hand');
  });
});
