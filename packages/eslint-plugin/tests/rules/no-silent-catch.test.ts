// Generated expectations reviewed by hand. Cases are grouped by scenario.
import { afterAll, describe, it } from 'vitest';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-silent-catch.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester();

ruleTester.run('no-silent-catch', rule, {
  valid: [
    // try/catch: rethrow, log, hand on
    `try { f(); } catch (e) { throw e; }`,
    `try { f(); } catch (e) { throw new Error("wrapped", { cause: e }); }`,
    `try { f(); } catch (e) { logger.error("failed", e); }`,
    `try { f(); } catch (e) { handle(e); }`,
    `try { f(); } catch { throw new Error("failed"); }`,
    // .catch and .then
    `p.catch((e) => logger.error({ err: e }, "failed"));`,
    `p.catch(console.error);`,
    `p.then(ok, (e) => { throw e; });`,
    `p.catch((e) => e);`,
    `p.catch(reject);`,
    // narrowing
    `try { f(); } catch (e) { if (e instanceof TypeError) return null; throw e; }`,
    `function g() { try { f(); } catch (e) { if (e.code === "ENOENT") return; throw e; } }`,
    // propagation forms
    `function g(next) { try { f(); } catch (e) { next(e); } }`,
    `function g(cb) { try { f(); } catch { cb(new Error("x")); } }`,
    `function g() { try { f(); } catch (e) { emitter.emit("error", e); } }`,
    `function g() { try { f(); } catch (e) { return { error: e }; } }`,
    `async function g() { try { await f(); } catch (e) { return Promise.reject(e); } }`,
    `function* g() { try { f(); } catch (e) { yield e; } }`,
    `let last; for (const x of xs) { try { return f(x); } catch (e) { last = e; } }`,
    // idiom: probes
    `function g(s) { try { return JSON.parse(s); } catch { return undefined; } }`,
    `function g(s) { try { return new URL(s); } catch { return null; } }`,
    `async function g() { try { return await import("optional-dep"); } catch { return null; } }`,
    `function isValid(s) { try { check(s); return true; } catch { return false; } }`,
    `function alive(pid) { try { process.kill(pid, 0); return true; } catch { return false; } }`,
    `function isDir(p) { try { return fs.statSync(p).isDirectory(); } catch { return false; } }`,
    `function count(raw) { try { const parsed = JSON.parse(raw); return Array.isArray(parsed) ? parsed.length : 0; } catch { return 0; } }`,
    `let native; try { native = PlatformTools.load("pg-native"); } catch {}`,
    `function tryDecode(s) { try { return decode(s); } catch { return s; } }`,
    `async function readFileIfExists(p) { return fsp.readFile(p).catch(() => p); }`,
    `let pnp; try { pnp = createRequire(import.meta.url)("pnpapi"); } catch {}`,
    `function g(root) { try { root = safeRealpathSync(root); } catch {} return root; }`,
    `function g(flag) { let enabled = false; try { enabled = flag.a.b.c; } catch {} return enabled; }`,
    // failure reported as a value
    `function check(dir) { try { return read(dir); } catch { return { code: "E_UNREADABLE", dir }; } }`,
    `function check(dir) { try { return read(dir); } catch { return { ok: false }; } }`,
    `function check(dir) { try { return ok(read(dir)); } catch { return err("unreadable"); } }`,
    // idiom: logging-only try blocks
    `function notice(p) { try { process.stderr.write("notice"); } catch {} }`,
    // idiom: cleanup inside another catch or finally
    `async function g(conn) { try { await work(conn); } catch (e) { try { await conn.rollback(); } catch {} throw e; } }`,
    `function g(file) { try { write(file); } finally { try { fs.unlinkSync(file); } catch {} } }`,
    `try { build(); } catch (e) { try { e.message += hint(readFileSync(e.file, "utf8")); } catch {} throw e; }`,
    // an assertion of a constant falsy value throws a new error, as assert.fail() does
    `try { f(); } catch { assert.ok(false); }`,
    `try { f(); } catch { invariant(false, "f cannot fail here"); }`,
    `try { f(); } catch { assert(!1); }`,
    // idiom: fire-and-forget of a promise handled elsewhere
    `async function g() { const p = f(); p.catch(() => {}); await other(); return p; }`,
    // idiom: test code
    { code: `it("fails", async () => { try { await f(); } catch {} expect(g).toHaveBeenCalled(); });` },
    { code: `try { f(); } catch {}`, filename: "src/__tests__/thing.test.ts" },
    // reason comments
    `try { f(); } catch { /* ignore: the socket may already be closed */ }`,
    `async function load(store) {
  /** @type {Record<string, string>} settings are optional, a missing store means the defaults */
  const settings = await store.fetchSettings().catch(() => ({}));
  return settings;
}`,
    `try { f(); } catch {
  // the cache is optional because it is rebuilt on the next start
}`,
    `try { f(); } catch {} // thrown when the lengths differ, which means "not equal"`,
    `// Gracefully handle errors: IPv6 may be disabled on the system
const port = await listen(0, "::").catch(() => 0);`,
    // options
    { code: `p.catch(squashError);`, options: [{"allowedHandlers":["squashError"]}] },
    { code: `try { f(); } catch (_ignored) {}`, options: [{"ignoreBindingPattern":"^_"}] },
    { code: `try { f(); } catch (e) { audit.record(e); }`, options: [{"loggers":[{"name":"audit","methods":{"record":"error"}}]}] },
    { code: `try { f(); } catch (e) { if (isHttpError(e)) return null; throw e; }`, options: [{"guards":["isHttpError"]}] },
    { code: `try { f(); } catch { abortWith(new Error("x")); }`, options: [{"propagators":["abortWith"]}] },
    { code: `function g(s) { try { return JSON.parse(s); } catch { return undefined; } }`, options: [{"idioms":{"probes":true}}] },
  ],
  invalid: [
    // a JSDoc type annotation above the statement is not a reason; a parenthesised concise body moves whole
    {
      code: `async function load(store) {
  /** @type {Record<string, string>} */
  const settings = await store.fetchSettings().catch(() => ({}));
  return settings;
}`,
      errors: [
        {
          messageId: 'silentCatch',
          line: 3,
          column: 54,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `async function load(store) {
  /** @type {Record<string, string>} */
  const settings = await store.fetchSettings().catch((error: unknown) => {
    console.error('load: unexpected error from store.fetchSettings()', error);
    return {};
  });
  return settings;
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: { logger: 'console' },
              output: `async function load(store) {
  /** @type {Record<string, string>} */
  const settings = await store.fetchSettings().catch((error) => { console.error('load: unexpected error', error); return ({}); });
  return settings;
}`,
            },
          ],
        },
      ],
    },
    // try/catch
    // a logger the file calls category first (uptime-kuma's log.info("server", msg)): the category first
    {
      code: `declare const log: { info(module: string, msg: string): void; error(module: string, ...msg: unknown[]): void };
declare function loadMonitors(): Promise<void>;
export async function start() {
  log.info('server', 'Loading monitors');
  try {
    await loadMonitors();
  } catch (e) {}
  log.info('server', 'Started');
}`,
      errors: [
        {
          messageId: 'silentCatch',
          line: 7,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `declare const log: { info(module: string, msg: string): void; error(module: string, ...msg: unknown[]): void };
declare function loadMonitors(): Promise<void>;
export async function start() {
  log.info('server', 'Loading monitors');
  try {
    await loadMonitors();
  } catch (e) {
    log.error('server', 'start: unexpected error from loadMonitors()', e);
  }
  log.info('server', 'Started');
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"log"},
              output: `declare const log: { info(module: string, msg: string): void; error(module: string, ...msg: unknown[]): void };
declare function loadMonitors(): Promise<void>;
export async function start() {
  log.info('server', 'Loading monitors');
  try {
    await loadMonitors();
  } catch (e) { log.error('server', 'start: unexpected error', e); }
  log.info('server', 'Started');
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `declare const log: { info(module: string, msg: string): void; error(module: string, ...msg: unknown[]): void };
declare function loadMonitors(): Promise<void>;
export async function start() {
  log.info('server', 'Loading monitors');
  try {
    await loadMonitors();
  } catch (e) { throw e; }
  log.info('server', 'Started');
}`,
            },
          ],
        },
      ],
    },
    {
      code: `try {
  f();
} catch {}`,
      errors: [
        {
          messageId: 'silentCatch',
          line: 3,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `try {
  f();
} catch (error) {
  console.error('file: unexpected error from f()', error);
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `try {
  f();
} catch (error) { console.error('unexpected error', error); }`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `try {
  f();
} catch (error) { throw error; }`,
            },
          ],
        },
      ],
    },
    {
      code: `try {
  f();
} catch (e) {}`,
      errors: [
        {
          messageId: 'silentCatch',
          line: 3,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `try {
  f();
} catch (e) {
  console.error('file: unexpected error from f()', e);
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `try {
  f();
} catch (e) { console.error('unexpected error', e); }`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `try {
  f();
} catch (e) { throw e; }`,
            },
          ],
        },
      ],
    },
    {
      code: `function g() {
  try {
    return compute();
  } catch (e) {
    return 0;
  }
}`,
      errors: [
        {
          messageId: 'silentCatch',
          line: 4,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `function g() {
  try {
    return compute();
  } catch (e) {
    console.error('g: unexpected error from compute()', e);
    return 0;
  }
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `function g() {
  try {
    return compute();
  } catch (e) {
    console.error('g: unexpected error', e);
    return 0;
  }
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `function g() {
  try {
    return compute();
  } catch (e) {
    throw e;
  }
}`,
            },
          ],
        },
      ],
    },
    // .catch
    {
      code: `send().catch(() => {});`,
      errors: [
        {
          messageId: 'silentCatch',
          line: 1,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `send().catch((error: unknown) => {
  console.error('file: unexpected error from send()', error);
});`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `send().catch((error) => { console.error('unexpected error', error); });`,
            },
          ],
        },
      ],
    },
    {
      code: `send().catch(() => null);`,
      errors: [
        {
          messageId: 'silentCatch',
          line: 1,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `send().catch((error: unknown) => {
  console.error('file: unexpected error from send()', error);
  return null;
});`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `send().catch((error) => { console.error('unexpected error', error); return null; });`,
            },
          ],
        },
      ],
    },
    {
      code: `send().catch(function () {});`,
      errors: [
        {
          messageId: 'silentCatch',
          line: 1,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `send().catch(function (error: unknown) {
  console.error('file: unexpected error from send()', error);
});`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `send().catch(function (error) { console.error('unexpected error', error); });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { noop } from "lodash";
send().catch(noop);`,
      errors: [
        {
          messageId: 'silentCatch',
          line: 2,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `import { noop } from "lodash";
send().catch((error: unknown) => {
  console.error("file: unexpected error from send()", error);
});`,
            },
          ],
        },
      ],
    },
    // A handler followed to its declaration is reported at the call site's argument (one report per
    // call site); the message's line points into the declaration.
    {
      code: `function onError(e) {
  return 0;
}
load().catch(onError);
save().then(() => 1, onError);`,
      errors: [
        {
          messageId: 'silentCatch',
          data: { handler: '.catch() handler', detail: 'the path ending at line 2 returns 0 without logging or rethrowing it', expected: '' },
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'logErrorSuggestion',
              data: { logger: 'console' },
              output: `function onError(e) {
  console.error('unexpected error', e);
  return 0;
}
load().catch(onError);
save().then(() => 1, onError);`,
            },
          ],
        },
        {
          messageId: 'silentCatch',
          data: { handler: '.then() rejection handler', detail: 'the path ending at line 2 returns 0 without logging or rethrowing it', expected: '' },
          line: 5,
          column: 22,
          endLine: 5,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'logErrorSuggestion',
              data: { logger: 'console' },
              output: `function onError(e) {
  console.error('unexpected error', e);
  return 0;
}
load().catch(onError);
save().then(() => 1, onError);`,
            },
          ],
        },
      ],
    },
    {
      code: `const ignore = () => {};
send().catch(ignore);`,
      errors: [
        {
          messageId: 'silentCatch',
          line: 2,
          suggestions: [
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `const ignore = (error) => { console.error('unexpected error', error); };
send().catch(ignore);`,
            },
          ],
        },
      ],
    },
    // .then
    {
      code: `send().then(ok, () => {});`,
      errors: [
        {
          messageId: 'silentCatch',
          line: 1,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `send().then(ok, (error: unknown) => {
  console.error('file: unexpected error from send()', error);
});`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `send().then(ok, (error) => { console.error('unexpected error', error); });`,
            },
          ],
        },
      ],
    },
    // placeholder comments never exempt
    {
      code: `try {
  f();
} catch {
  // ignore
}`,
      errors: [
        {
          messageId: 'silentCatch',
          line: 3,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `try {
  f();
} catch (error) {
  // ignore
  console.error('file: unexpected error from f()', error);
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `try {
  f();
} catch (error) {
  // ignore
  console.error('unexpected error', error);
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `try {
  f();
} catch (error) {
  // ignore
  throw error;
}`,
            },
          ],
        },
      ],
    },
    {
      code: `try {
  f();
} catch {
  /* empty */
}`,
      errors: [
        {
          messageId: 'silentCatch',
          line: 3,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `try {
  f();
} catch (error) {
  /* empty */
  console.error('file: unexpected error from f()', error);
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `try {
  f();
} catch (error) {
  /* empty */
  console.error('unexpected error', error);
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `try {
  f();
} catch (error) {
  /* empty */
  throw error;
}`,
            },
          ],
        },
      ],
    },
    {
      code: `try {
  f();
} catch {
  // TODO: handle this error properly later
}`,
      errors: [
        {
          messageId: 'silentCatch',
          line: 3,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `try {
  f();
} catch (error) {
  // TODO: handle this error properly later
  console.error('file: unexpected error from f()', error);
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `try {
  f();
} catch (error) {
  // TODO: handle this error properly later
  console.error('unexpected error', error);
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `try {
  f();
} catch (error) {
  // TODO: handle this error properly later
  throw error;
}`,
            },
          ],
        },
      ],
    },
    {
      code: `try {
  f();
} catch {
  // noop
}`,
      errors: [
        {
          messageId: 'silentCatch',
          line: 3,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `try {
  f();
} catch (error) {
  // noop
  console.error('file: unexpected error from f()', error);
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `try {
  f();
} catch (error) {
  // noop
  console.error('unexpected error', error);
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `try {
  f();
} catch (error) {
  // noop
  throw error;
}`,
            },
          ],
        },
      ],
    },
    // a log call that drops the error
    {
      code: `try {
  createExtension();
} catch (_) {
  logger.log("warn", "could not create extension");
}`,
      errors: [
        {
          messageId: 'silentCatch',
          line: 3,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `try {
  createExtension();
} catch (error) {
  logger.log("warn", "could not create extension");
  console.error('file: unexpected error from createExtension()', error);
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `try {
  createExtension();
} catch (_) {
  logger.log("warn", "could not create extension");
  console.error('unexpected error', _);
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `try {
  createExtension();
} catch (_) {
  logger.log("warn", "could not create extension");
  throw _;
}`,
            },
          ],
        },
      ],
    },
    // loops
    {
      code: `for (const x of xs) {
  try {
    process(x);
  } catch {
    continue;
  }
}`,
      errors: [
        {
          messageId: 'silentCatch',
          line: 4,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `for (const x of xs) {
  try {
    process(x);
  } catch (error) {
    console.error('file: unexpected error from process()', error);
    continue;
  }
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `for (const x of xs) {
  try {
    process(x);
  } catch (error) {
    console.error('unexpected error', error);
    continue;
  }
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `for (const x of xs) {
  try {
    process(x);
  } catch (error) {
    throw error;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `while (true) {
  try {
    process();
  } catch {
    break;
  }
}`,
      errors: [
        {
          messageId: 'silentCatch',
          line: 4,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `while (true) {
  try {
    process();
  } catch (error) {
    console.error('file: unexpected error from process()', error);
    break;
  }
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `while (true) {
  try {
    process();
  } catch (error) {
    console.error('unexpected error', error);
    break;
  }
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `while (true) {
  try {
    process();
  } catch (error) {
    throw error;
  }
}`,
            },
          ],
        },
      ],
    },
    // nested functions: a throw in a callback that never runs does not count
    // nested try
    {
      code: `try {
  f();
} catch {
  try {
    g();
  } catch {}
}`,
      errors: [
        {
          messageId: 'silentCatch',
          line: 3,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `try {
  f();
} catch (error) {
  try {
    g();
  } catch {}
  console.error('file: unexpected error from f()', error);
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `try {
  f();
} catch (error) {
  try {
    g();
  } catch {}
  console.error('unexpected error', error);
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `try {
  f();
} catch (error) {
  try {
    g();
  } catch {}
  throw error;
}`,
            },
          ],
        },
        {
          messageId: 'silentCatch',
          line: 6,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `try {
  f();
} catch {
  try {
    g();
  } catch (err) {
    console.error('file: unexpected error from g()', err);
  }
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `try {
  f();
} catch {
  try {
    g();
  } catch (error) { console.error('unexpected error', error); }
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `try {
  f();
} catch {
  try {
    g();
  } catch (error) { throw error; }
}`,
            },
          ],
        },
      ],
    },
    // shadowing: the logged error is another binding
    {
      code: `try {
  f();
} catch {
  [1].forEach((e) => logger.error(e));
}`,
      errors: [
        {
          messageId: 'silentCatch',
          line: 3,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `try {
  f();
} catch (error) {
  [1].forEach((e) => logger.error(e));
  console.error('file: unexpected error from f()', error);
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `try {
  f();
} catch (error) {
  [1].forEach((e) => logger.error(e));
  console.error('unexpected error', error);
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `try {
  f();
} catch (error) {
  [1].forEach((e) => logger.error(e));
  throw error;
}`,
            },
          ],
        },
      ],
    },
    // async and generators
    {
      code: `async function g() {
  try {
    await f();
  } catch {
    return [];
  }
}`,
      errors: [
        {
          messageId: 'silentCatch',
          line: 4,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `async function g() {
  try {
    await f();
  } catch (error) {
    console.error('g: unexpected error from f()', error);
    return [];
  }
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `async function g() {
  try {
    await f();
  } catch (error) {
    console.error('g: unexpected error', error);
    return [];
  }
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `async function g() {
  try {
    await f();
  } catch (error) {
    throw error;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `function* g() {
  try {
    yield f();
  } catch {
    return;
  }
}`,
      errors: [
        {
          messageId: 'silentCatch',
          line: 4,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `function* g() {
  try {
    yield f();
  } catch (error) {
    console.error('g: unexpected error from f()', error);
    return;
  }
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `function* g() {
  try {
    yield f();
  } catch (error) {
    console.error('g: unexpected error', error);
    return;
  }
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `function* g() {
  try {
    yield f();
  } catch (error) {
    throw error;
  }
}`,
            },
          ],
        },
      ],
    },
    // void e discards
    {
      code: `try {
  f();
} catch (e) {
  void e;
}`,
      errors: [
        {
          messageId: 'silentCatch',
          line: 3,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `try {
  f();
} catch (e) {
  void e;
  console.error('file: unexpected error from f()', e);
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `try {
  f();
} catch (e) {
  void e;
  console.error('unexpected error', e);
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `try {
  f();
} catch (e) {
  void e;
  throw e;
}`,
            },
          ],
        },
      ],
    },
    // a boolean answer after I/O is a finding
    {
      code: `async function insert(row) {
  try {
    await db.insert(row);
    return true;
  } catch {
    return false;
  }
}`,
      errors: [
        {
          messageId: 'silentCatch',
          line: 5,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `async function insert(row) {
  try {
    await db.insert(row);
    return true;
  } catch (error) {
    console.error('insert: unexpected error from db.insert()', error);
    return false;
  }
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `async function insert(row) {
  try {
    await db.insert(row);
    return true;
  } catch (error) {
    console.error('insert: unexpected error', error);
    return false;
  }
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `async function insert(row) {
  try {
    await db.insert(row);
    return true;
  } catch (error) {
    throw error;
  }
}`,
            },
          ],
        },
      ],
    },
    // cleanup outside another catch or finally is a finding
    {
      code: `async function close(pool) {
  try {
    await pool.end();
  } catch {}
}`,
      errors: [
        {
          messageId: 'silentCatch',
          line: 4,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `async function close(pool) {
  try {
    await pool.end();
  } catch (error) {
    console.error('close: unexpected error from pool.end()', error);
  }
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `async function close(pool) {
  try {
    await pool.end();
  } catch (error) { console.error('close: unexpected error', error); }
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `async function close(pool) {
  try {
    await pool.end();
  } catch (error) { throw error; }
}`,
            },
          ],
        },
      ],
    },
    // options: idioms off, allowComment off, pattern only while unused
    {
      code: `function g(s) {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}`,
      options: [{"idioms":{"probes":false}}],
      errors: [
        {
          messageId: 'silentCatch',
          line: 4,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `function g(s) {
  try {
    return JSON.parse(s);
  } catch (error) {
    if (error instanceof SyntaxError) {
      console.warn('g: JSON.parse() failed', error);
    } else {
      console.error('g: unexpected error from JSON.parse()', error);
    }
    return undefined;
  }
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `function g(s) {
  try {
    return JSON.parse(s);
  } catch (error) {
    console.error('g: unexpected error', error);
    return undefined;
  }
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `function g(s) {
  try {
    return JSON.parse(s);
  } catch (error) {
    throw error;
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
} catch {
  // the socket may already be closed
}`,
      options: [{"allowComment":false}],
      errors: [
        {
          messageId: 'silentCatch',
          line: 3,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `try {
  f();
} catch (error) {
  // the socket may already be closed
  console.error('file: unexpected error from f()', error);
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `try {
  f();
} catch (error) {
  // the socket may already be closed
  console.error('unexpected error', error);
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `try {
  f();
} catch (error) {
  // the socket may already be closed
  throw error;
}`,
            },
          ],
        },
      ],
    },
    {
      code: `try {
  f();
} catch {
  // the socket may already be closed
}`,
      options: [{"allowComment":"^ignore:"}],
      errors: [
        {
          messageId: 'silentCatch',
          line: 3,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `try {
  f();
} catch (error) {
  // the socket may already be closed
  console.error('file: unexpected error from f()', error);
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `try {
  f();
} catch (error) {
  // the socket may already be closed
  console.error('unexpected error', error);
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `try {
  f();
} catch (error) {
  // the socket may already be closed
  throw error;
}`,
            },
          ],
        },
      ],
    },
    {
      code: `try {
  f();
} catch (e) {}`,
      options: [{"ignoreBindingPattern":"^_"}],
      errors: [
        {
          messageId: 'silentCatch',
          line: 3,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `try {
  f();
} catch (e) {
  console.error('file: unexpected error from f()', e);
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `try {
  f();
} catch (e) { console.error('unexpected error', e); }`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `try {
  f();
} catch (e) { throw e; }`,
            },
          ],
        },
      ],
    },
    {
      code: `try {
  f();
} catch {}`,
      options: [{"idioms":{"testCode":false}}],
      filename: "src/__tests__/thing.test.ts",
      errors: [
        {
          messageId: 'silentCatch',
          line: 3,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `try {
  f();
} catch (error) {
  console.error('thing.test: unexpected error from f()', error);
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `try {
  f();
} catch (error) { console.error('unexpected error', error); }`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `try {
  f();
} catch (error) { throw error; }`,
            },
          ],
        },
      ],
    },
    // options: a configured logger in scope is the logger of the rewrite suggestion (as in the codemod)
    {
      code: `import { audit } from './audit.js';
try {
  f();
} catch {}`,
      options: [{"loggers":["audit"]}],
      errors: [
        {
          messageId: 'silentCatch',
          line: 4,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `import { audit } from './audit.js';
try {
  f();
} catch (error) {
  audit.error('file: unexpected error from f()', error);
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"audit"},
              output: `import { audit } from './audit.js';
try {
  f();
} catch (error) { audit.error('unexpected error', error); }`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `import { audit } from './audit.js';
try {
  f();
} catch (error) { throw error; }`,
            },
          ],
        },
      ],
    },
    // an assertion that may pass is no throw; console.assert only prints
    {
      code: `try { f(); } catch { assert.ok(ready); }`,
      errors: [
        {
          messageId: 'silentCatch',
          line: 1,
          suggestions: [
            { messageId: 'specificCatchSuggestion', output: `try { f(); } catch (error) {\n  assert.ok(ready);\n  console.error('file: unexpected error from f()', error);\n}` },
            { messageId: 'logErrorSuggestion', data: { logger: 'console' }, output: `try { f(); } catch (error) { assert.ok(ready);\nconsole.error('unexpected error', error); }` },
            { messageId: 'rethrowSuggestion', output: `try { f(); } catch (error) { assert.ok(ready);\nthrow error; }` },
          ],
        },
      ],
    },
    {
      code: `try { f(); } catch { console.assert(false, "f failed"); }`,
      errors: [
        {
          messageId: 'silentCatch',
          line: 1,
          suggestions: [
            { messageId: 'specificCatchSuggestion', output: `try { f(); } catch (error) {\n  console.assert(false, "f failed");\n  console.error('file: unexpected error from f()', error);\n}` },
            { messageId: 'logErrorSuggestion', data: { logger: 'console' }, output: `try { f(); } catch (error) { console.assert(false, "f failed");\nconsole.error('unexpected error', error); }` },
            { messageId: 'rethrowSuggestion', output: `try { f(); } catch (error) { console.assert(false, "f failed");\nthrow error; }` },
          ],
        },
      ],
    },
  ],
});
