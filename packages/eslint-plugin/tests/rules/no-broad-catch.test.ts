// Generated expectations reviewed by hand. Cases are grouped by scenario.
import { afterAll, describe, it } from 'vitest';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-broad-catch.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester();

ruleTester.run('no-broad-catch', rule, {
  valid: [
    // a ternary statement is the decision `if (verbose) logger.error(e)` is (conformance review 8)
    `function g(verbose) { try { return f(); } catch (e) { verbose ? logger.error(e) : undefined; return 0; } }`,
    // narrow, then rethrow the rest
    `try { f(); } catch (e) { if (e instanceof TypeError) return null; throw e; }`,
    `try { f(); } catch (e) { if (!(e instanceof TypeError)) throw e; return null; }`,
    `try { f(); } catch (e) { if (e.code !== "ENOENT") throw e; }`,
    `try { f(); } catch (e) { switch (e.code) { case "ENOENT": return null; default: throw e; } }`,
    `try { f(); } catch (e) { const { code } = e; if (code === "ENOENT") return null; throw e; }`,
    `try { f(); } catch (e) { const err = e as NodeJS.ErrnoException; if (err.code === "EEXIST") return; throw err; }`,
    `try { f(); } catch (e) { if (typeof e === "string") return e; throw e; }`,
    `try { f(); } catch (e) { if ("status" in e && e.status === 404) return null; throw e; }`,
    `try { f(); } catch (e) { if (axios.isAxiosError(e)) return null; throw e; }`,
    // logged with the error object (every logger shape)
    `try { f(); } catch (e) { logger.warn({ err: e }, "failed"); return null; }`,
    `try { f(); } catch (e) { logger.error("failed", e); return null; }`,
    `try { f(); } catch (e) { this.logger.error({ error: e }); return null; }`,
    `try { f(); } catch (e) { this.#logger.warn("failed", { cause: e }); return null; }`,
    `try { f(); } catch (e) { ctx.log.error(e); return null; }`,
    `try { f(); } catch (e) { getLogger().error(e); return null; }`,
    `try { f(); } catch (e) { winston.log("error", "failed", e); return null; }`,
    `try { f(); } catch (e) { this.logger?.error(e); return null; }`,
    `try { f(); } catch (e) { Sentry.captureException(e); return null; }`,
    `try { f(); } catch (e) { console.error(new Error("wrapped", { cause: e })); return null; }`,
    // the log receives the error object through an identity conversion; a hand-on after a text log
    `try { f(); } catch (err) { logger.warn("could not persist", { error: toError(err) }); }`,
    `try { f(); } catch (err) { logger.warn("could not persist", { error: toError(err).message }); report(err); }`,
    // state-based exit next to a path that hands the error on
    `try { f(); } catch (error) { if (isStale()) return; state.error = error; }`,
    // alternative attempt that rethrows the first error
    `function g() { try { return a(); } catch (e1) { try { return b(); } catch { throw e1; } } }`,
    // sequence and conditional expressions
    `try { f(); } catch (e) { return e instanceof TypeError ? null : Promise.reject(e); }`,
    `function g() { try { return f(); } catch (e) { return (logger.error(e), 0); } }`,
    `function g() { try { return f(); } catch (e) { return isRetryable(e) ? retry() : Promise.reject(e); } }`,
    // nested try: the inner handler reports the outer error
    `try { f(); } catch (e) { try { report(e); } catch {} }`,
    // loops: every path hands the error on
    `for (const x of xs) { try { g(x); } catch (e) { errors.push(e); continue; } }`,
    // callbacks that run: IIFE and callback arguments
    `try { f(); } catch (e) { (() => { logger.error(e); })(); }`,
    `try { f(); } catch (e) { process.nextTick(() => { throw e; }); }`,
    // options: minimumLevel
    { code: `try { f(); } catch (e) { logger.info("failed", e); return null; }`, options: [{"minimumLevel":"info"}] },
  ],
  invalid: [
    // The log suggestion passes the error object to a quiet path's own log about it at warn or above
    // (a second log would say the failure twice); a path whose log stays below warn gets a new log
    // line, and the rewrite leaves that log's text alone so the object is logged once.
    {
      code: `function load(id) {
  try {
    return fetchItem(id);
  } catch (err) {
    if (isCached(id)) {
      logger.warn(\`stale: \${err.message}\`);
      return cache.get(id);
    }
    logger.info(\`miss: \${err.message}\`);
    return null;
  }
}`,
      errors: [
        {
          messageId: 'broadCatch', data: { handler: "catch clause", which: "the path", line: "7", action: "returns cache.get(id)", note: "; the log call at line 6 does not receive the error object", more: " (and 1 more path)", expected: "" },
          line: 4,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `function load(id) {
  try {
    return fetchItem(id);
  } catch (err) {
    if (isCached(id)) {
      logger.warn(\`stale: \${err.message}\`, err);
      return cache.get(id);
    }
    logger.info(\`miss: \${err.message}\`);
    console.error('load: unexpected error from fetchItem()', err);
    return null;
  }
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: { logger: 'console' },
              output: `function load(id) {
  try {
    return fetchItem(id);
  } catch (err) {
    if (isCached(id)) {
      logger.warn(\`stale: \${err.message}\`, err);
      return cache.get(id);
    }
    logger.info(\`miss: \${err.message}\`);
    console.error('load: unexpected error', err);
    return null;
  }
}`,
            },
          ],
        },
      ],
    },
    // A handler followed to its declaration is reported at the call site's argument, as no-silent-catch does.
    {
      code: `const onFail = (err) => {
  logger.warn(\`failed: \${err.message}\`);
  return null;
};
send().catch(onFail);`,
      errors: [
        {
          messageId: 'broadCatch',
          line: 5,
          column: 14,
          endLine: 5,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'logErrorSuggestion',
              data: { logger: 'logger' },
              output: `const onFail = (err) => {
  logger.warn(\`failed: \${err.message}\`, err);
  return null;
};
send().catch(onFail);`,
            },
          ],
        },
      ],
    },
    // A call inside the log call's arguments formats the log line; it hands nothing on.
    {
      code: `async function persist(store, id) {
  try {
    await store.save(id);
  } catch (err) {
    logger.warn("could not persist", { error: toError(err).message });
  }
}`,
      errors: [
        {
          messageId: 'broadCatch',
          line: 4,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `async function persist(store, id) {
  try {
    await store.save(id);
  } catch (err) {
    logger.warn("could not persist", { error: toError(err).message }, err);
  }
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: { logger: 'logger' },
              output: `async function persist(store, id) {
  try {
    await store.save(id);
  } catch (err) {
    logger.warn("could not persist", { error: toError(err).message }, err);
  }
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `async function persist(store, id) {
  try {
    await store.save(id);
  } catch (err) {
    logger.warn("could not persist", { error: toError(err).message });
    throw err;
  }
}`,
            },
          ],
        },
      ],
    },
    // narrow one case, swallow the rest
    {
      code: `function g() {
  try {
    return f();
  } catch (err) {
    if (err instanceof DatabaseError && err.code === "23505") {
      return false;
    }
    return false;
  }
}`,
      errors: [
        {
          messageId: 'broadCatch',
          line: 4,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `function g() {
  try {
    return f();
  } catch (err) {
    if (err instanceof DatabaseError && err.code === "23505") {
      return false;
    }
    console.error('g: unexpected error from f()', err);
    return false;
  }
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `function g() {
  try {
    return f();
  } catch (err) {
    if (err instanceof DatabaseError && err.code === "23505") {
      return false;
    }
    console.error('g: unexpected error', err);
    return false;
  }
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `function g() {
  try {
    return f();
  } catch (err) {
    if (err instanceof DatabaseError && err.code === "23505") {
      return false;
    }
    throw err;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `try {
  f();
} catch (e) {
  if (e.code === "ENOENT") {
    create();
  }
}`,
      errors: [
        {
          messageId: 'broadCatch',
          line: 3,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `try {
  f();
} catch (e) {
  if (e.code === "ENOENT") {
    create();
  } else {
    console.error('file: unexpected error from f()', e);
  }
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `try {
  f();
} catch (e) {
  console.error('unexpected error', e);
  if (e.code === "ENOENT") {
    create();
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `try {
  f();
} catch (e) {
  switch (e.code) {
    case "ENOENT":
      throw e;
    default:
      break;
  }
}`,
      errors: [
        {
          messageId: 'broadCatch',
          line: 3,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `try {
  f();
} catch (e) {
  switch (e.code) {
    case "ENOENT":
      throw e;
    default:
      break;
  }
  console.error('file: unexpected error from f()', e);
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `try {
  f();
} catch (e) {
  switch (e.code) {
    case "ENOENT":
      throw e;
    default:
      break;
  }
  console.error('unexpected error', e);
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `try {
  f();
} catch (e) {
  switch (e.code) {
    case "ENOENT":
      throw e;
    default:
      break;
  }
  throw e;
}`,
            },
          ],
        },
      ],
    },
    // a log call without the error object
    {
      code: `function g() {
  try {
    return f();
  } catch (err) {
    logger.warn(\`could not f: \${err.message}\`);
    return undefined;
  }
}`,
      errors: [
        {
          messageId: 'broadCatch',
          line: 4,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `function g() {
  try {
    return f();
  } catch (err) {
    logger.warn(\`could not f: \${err.message}\`, err);
    return undefined;
  }
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"logger"},
              output: `function g() {
  try {
    return f();
  } catch (err) {
    logger.warn(\`could not f: \${err.message}\`, err);
    return undefined;
  }
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `function g() {
  try {
    return f();
  } catch (err) {
    logger.warn(\`could not f: \${err.message}\`);
    throw err;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `try {
  f();
} catch (e) {
  console.log("failed", e);
}`,
      errors: [
        {
          messageId: 'broadCatch',
          line: 3,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `try {
  f();
} catch (e) {
  console.error("failed", e);
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `try {
  f();
} catch (e) {
  console.log("failed", e);
  console.error('unexpected error', e);
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `try {
  f();
} catch (e) {
  console.log("failed", e);
  throw e;
}`,
            },
          ],
        },
      ],
    },
    // destructured binding loses the stack
    {
      code: `try {
  f();
} catch ({ message }) {
  logger.error(message);
}`,
      errors: [
        {
          messageId: 'broadCatch',
          line: 3,
          suggestions: [
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `try {
  f();
} catch (error) { const { message } = error;
  logger.error(message);
  console.error('unexpected error', error);
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `try {
  f();
} catch (error) { const { message } = error;
  logger.error(message);
  throw error;
}`,
            },
          ],
        },
      ],
    },
    // .catch and .then
    {
      code: `send().catch((e) => {
  logger.warn(e.message);
  return null;
});`,
      errors: [
        {
          messageId: 'broadCatch',
          line: 1,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `send().catch((e) => {
  logger.warn(e.message, e);
  return null;
});`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"logger"},
              output: `send().catch((e) => {
  logger.warn(e.message, e);
  return null;
});`,
            },
          ],
        },
      ],
    },
    // conditional expression fallback
    {
      code: `function g() {
  try {
    return f();
  } catch (e) {
    return e instanceof TypeError ? null : 0;
  }
}`,
      errors: [
        {
          messageId: 'broadCatch',
          line: 4,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `function g() {
  try {
    return f();
  } catch (e) {
    console.error('g: unexpected error from f()', e);
    return e instanceof TypeError ? null : 0;
  }
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `function g() {
  try {
    return f();
  } catch (e) {
    console.error('g: unexpected error', e);
    return e instanceof TypeError ? null : 0;
  }
}`,
            },
          ],
        },
      ],
    },
    // sequence expressions
    {
      code: `function g() {
  try {
    return f();
  } catch (e) {
    return (console.log(e), 0);
  }
}`,
      errors: [
        {
          messageId: 'broadCatch',
          line: 4,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `function g() {
  try {
    return f();
  } catch (e) {
    return (console.error('g: unexpected error from f()', e), 0);
  }
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `function g() {
  try {
    return f();
  } catch (e) {
    console.error('g: unexpected error', e);
    return (console.log(e), 0);
  }
}`,
            },
          ],
        },
      ],
    },
    // labelled loops
    {
      code: `outer: for (const x of xs) {
  for (const y of ys) {
    try {
      g(x, y);
    } catch (e) {
      if (e.code === "SKIP") continue outer;
      break outer;
    }
  }
}`,
      errors: [
        {
          messageId: 'broadCatch',
          line: 5,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `outer: for (const x of xs) {
  for (const y of ys) {
    try {
      g(x, y);
    } catch (e) {
      if (e.code === "SKIP") continue outer;
      console.error('file: unexpected error from g()', e);
      break outer;
    }
  }
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `outer: for (const x of xs) {
  for (const y of ys) {
    try {
      g(x, y);
    } catch (e) {
      if (e.code === "SKIP") continue outer;
      console.error('unexpected error', e);
      break outer;
    }
  }
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `outer: for (const x of xs) {
  for (const y of ys) {
    try {
      g(x, y);
    } catch (e) {
      if (e.code === "SKIP") continue outer;
      throw e;
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // generators and async handlers
    {
      code: `async function* g() {
  try {
    yield await f();
  } catch (e) {
    if (e instanceof TypeError) return;
    yield null;
  }
}`,
      errors: [
        {
          messageId: 'broadCatch',
          line: 4,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `async function* g() {
  try {
    yield await f();
  } catch (e) {
    if (e instanceof TypeError) return;
    yield null;
    console.error('g: unexpected error from f()', e);
  }
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `async function* g() {
  try {
    yield await f();
  } catch (e) {
    if (e instanceof TypeError) return;
    yield null;
    console.error('g: unexpected error', e);
  }
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `async function* g() {
  try {
    yield await f();
  } catch (e) {
    if (e instanceof TypeError) return;
    yield null;
    throw e;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `p.then(ok, async (e) => {
  if (e.status === 404) return null;
  return [];
});`,
      errors: [
        {
          messageId: 'broadCatch',
          line: 1,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `p.then(ok, async (e) => {
  if (e.status === 404) return null;
  console.error('file: unexpected error', e);
  return [];
});`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `p.then(ok, async (e) => {
  if (e.status === 404) return null;
  console.error('unexpected error', e);
  return [];
});`,
            },
          ],
        },
      ],
    },
    // requireNarrowing (strict): logging alone is not enough
    {
      code: `function g() {
  try {
    return f();
  } catch (e) {
    logger.error(e);
    return null;
  }
}`,
      options: [{"requireNarrowing":true}],
      errors: [
        {
          messageId: 'unnarrowedCatch',
          line: 4,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `function g() {
  try {
    return f();
  } catch (e) {
    logger.error(e);
    console.error('g: unexpected error from f()', e);
    return null;
  }
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `function g() {
  try {
    return f();
  } catch (e) {
    logger.error(e);
    throw e;
  }
}`,
            },
          ],
        },
      ],
    },
    // options: minimumLevel
    {
      code: `try {
  f();
} catch (e) {
  logger.warn("failed", e);
}`,
      options: [{"minimumLevel":"error"}],
      errors: [
        {
          messageId: 'broadCatch',
          line: 3,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `try {
  f();
} catch (e) {
  logger.warn("failed", e);
  console.error('file: unexpected error from f()', e);
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `try {
  f();
} catch (e) {
  logger.warn("failed", e);
  console.error('unexpected error', e);
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `try {
  f();
} catch (e) {
  logger.warn("failed", e);
  throw e;
}`,
            },
          ],
        },
      ],
    },
  ],
});

// Cancellation: a handler that logs and recovers in code that takes an AbortSignal reports the
// caller's abort as an unexpected error, unless it tells the abort apart or rethrows.
ruleTester.run('no-broad-catch: aborts of an AbortSignal', rule, {
  valid: [
    // narrowed: the abort is told apart by name, by the signal, or by a guard
    `async function load(url: string, signal: AbortSignal) {
  try {
    return await fetch(url, { signal });
  } catch (e) {
    if (e instanceof Error && e.name === 'AbortError') return null;
    logger.error({ err: e }, 'load failed');
    return null;
  }
}`,
    `async function load(url: string, signal: AbortSignal) {
  try {
    return await fetch(url, { signal });
  } catch (e) {
    if (!signal.aborted) logger.error({ err: e }, 'load failed');
    return null;
  }
}`,
    `async function load(url: string, signal: AbortSignal) {
  try {
    return await axios.get(url, { signal });
  } catch (e) {
    if (axios.isCancel(e)) return null;
    logger.error({ err: e }, 'load failed');
    return null;
  }
}`,
    // rethrows (the abort reaches the caller)
    `async function load(url: string, signal: AbortSignal) {
  try {
    return await fetch(url, { signal });
  } catch (e) {
    logger.error({ err: e }, 'load failed');
    throw e;
  }
}`,
    // no signal in scope
    `async function load(url: string) {
  try {
    return await fetch(url);
  } catch (e) {
    logger.error({ err: e }, 'load failed');
    return null;
  }
}`,
    // the signal belongs to a nested, unrelated function
    `async function sync(url: string) {
  const poll = (signal: AbortSignal) => fetch(url, { signal });
  try {
    await db.save(await fetch(url));
  } catch (e) {
    logger.error({ err: e }, 'sync failed');
  }
  return poll;
}`,
    // ... or to an enclosing function whose signal the try block does not use
    `async function start(signal: AbortSignal) {
  items.forEach(async (item) => {
    try {
      await save(item);
    } catch (e) {
      logger.error({ err: e }, 'save failed');
    }
  });
}`,
    // a process signal is not an AbortSignal
    `function onExit(code: number, signal: NodeJS.Signals) {
  try {
    flush(code, signal);
  } catch (e) {
    logger.error({ err: e }, 'flush failed');
  }
}`,
    `function stop(child, signal) {
  try {
    child.kill(signal);
  } catch (e) {
    logger.error({ err: e }, 'kill failed');
  }
}`,
    `function stop(child) {
  try {
    child.kill({ signal: 'SIGTERM' });
  } catch (e) {
    logger.error({ err: e }, 'kill failed');
  }
}`,
    // a reason comment exempts it, as for every handler rule
    `async function load(url: string, signal: AbortSignal) {
  try {
    return await fetch(url, { signal });
  } catch (e) {
    // ignore: an abort is logged too because the dashboard counts cancelled loads
    logger.error({ err: e }, 'load failed');
    return null;
  }
}`,
  ],
  invalid: [
    // a parameter typed AbortSignal; the log is kept for every other error
    {
      code: `async function load(url: string, signal: AbortSignal) {
  try {
    return await fetch(url, { signal });
  } catch (e) {
    logger.error({ err: e }, 'load failed');
    return null;
  }
}`,
      errors: [
        {
          messageId: 'abortSwallowed',
          data: { handler: 'catch clause', which: 'the path', line: '6', action: 'returns null', more: '', signal: '`signal`', where: 'the AbortSignal parameter at line 1' },
          line: 4,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `async function load(url: string, signal: AbortSignal) {
  try {
    return await fetch(url, { signal });
  } catch (e) {
    if (e instanceof Error && (e.name === 'AbortError' || e.name === 'TimeoutError')) {
      /* cancelled by the caller: not an error */
    } else {
      logger.error({ err: e }, 'load failed');
    }
    return null;
  }
}`,
            },
          ],
        },
      ],
    },
    // the signal of an AbortController passed to fetch; the fallback after a narrowed branch
    {
      code: `class Poller {
  async tick(controller: AbortController) {
    try {
      await fetch(this.url, { signal: controller.signal });
    } catch (err) {
      if (err instanceof TypeError) {
        this.logger.warn({ err }, 'network down');
        return;
      }
      this.logger.error({ err }, 'tick failed');
    }
  }
}`,
      errors: [
        {
          messageId: 'abortSwallowed',
          data: { handler: 'catch clause', which: 'the fallback', line: '11', action: 'carries on', more: '', signal: '`controller.signal`', where: 'passed to fetch() at line 4' },
          line: 5,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `class Poller {
  async tick(controller: AbortController) {
    try {
      await fetch(this.url, { signal: controller.signal });
    } catch (err) {
      if (err instanceof TypeError) {
        this.logger.warn({ err }, 'network down');
        return;
      }
      if (err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError')) {
        /* cancelled by the caller: not an error */
      } else {
        this.logger.error({ err }, 'tick failed');
      }
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // an \`{ signal }\` option, a promise handler with a concise body
    {
      code: `function load(url, { signal }) {
  return fetch(url, { signal }).then((res) => res.json()).catch((e) => { logger.error('load failed', e); return null; });
}`,
      errors: [
        {
          messageId: 'abortSwallowed',
          data: { handler: '.catch() handler', which: 'the path', line: '2', action: 'returns null', more: '', signal: '`signal`', where: 'the `signal` option at line 1' },
          line: 2,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `function load(url, { signal }) {
  return fetch(url, { signal }).then((res) => res.json()).catch((e) => { if (e instanceof Error && (e.name === 'AbortError' || e.name === 'TimeoutError')) { /* cancelled by the caller: not an error */ } else { logger.error('load failed', e); } return null; });
}`,
            },
          ],
        },
      ],
    },
  ],
});
