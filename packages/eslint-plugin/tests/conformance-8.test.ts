// Eighth conformance review against issue #3 and DESIGN §3: a logger method given as the handler
// (`.catch(console.log)`), a catch binding reassigned before it is logged, a nested try whose `finally`
// cancels the rethrow, `&&`/`||`/`?:` statements judged as the `if` they abbreviate, and a suggestion
// that logs through `globalThis.console` where a local `console` hides the global one.
import { afterAll, describe, it } from 'vitest';
import { RuleTester } from '@typescript-eslint/rule-tester';
import noSilentCatch from '../src/rules/no-silent-catch.js';
import noBroadCatch from '../src/rules/no-broad-catch.js';
import logErrorObject from '../src/rules/log-error-object.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester();

ruleTester.run('no-silent-catch: conformance review 8', noSilentCatch, {
  valid: [
    // a logger method as the handler is not silent: the error object reaches the logger
    `p.catch(console.log);`,
    // a reassignment that wraps the error keeps it
    `try { f(); } catch (e) { e = new Wrapped('x', { cause: e }); logger.error(e); }`,
  ],
  invalid: [
    // a nested try inside the handler whose finally returns cancels the rethrow, as the handler's own try's finally does
    {
      code: `function total() {
  try {
    return sum();
  } catch (e) {
    try {
      throw e;
    } finally {
      return 0;
    }
  }
}`,
      errors: [
        {
          messageId: 'silentCatch',
          data: {"handler":"catch clause","detail":"the path ending at line 6 throws, but the finally block at line 8 returns 0 instead, without logging or rethrowing it","line":"6","expected":""},
          line: 4,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `function total() {
  try {
    return sum();
  } catch (e) {
    try {
      console.error('total: unexpected error from sum()', e);
      throw e;
    } finally {
      return 0;
    }
  }
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `function total() {
  try {
    return sum();
  } catch (e) {
    console.error('total: unexpected error', e);
    try {
      throw e;
    } finally {
      return 0;
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // … and a break in it ends the loop instead
    {
      code: `function read() {
  for (const file of files) {
    try {
      load(file);
    } catch (e) {
      try {
        throw e;
      } finally {
        break;
      }
    }
  }
}`,
      errors: [
        {
          messageId: 'silentCatch',
          data: {"handler":"catch clause","detail":"the path ending at line 7 throws, but the finally block at line 9 breaks out instead, without logging or rethrowing it","line":"7","expected":""},
          line: 5,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `function read() {
  for (const file of files) {
    try {
      load(file);
    } catch (e) {
      try {
        console.error('read: unexpected error from load()', e);
        throw e;
      } finally {
        break;
      }
    }
  }
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `function read() {
  for (const file of files) {
    try {
      load(file);
    } catch (e) {
      console.error('read: unexpected error', e);
      try {
        throw e;
      } finally {
        break;
      }
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // a reassigned binding: the log receives the new error, not the caught one; the suggestion logs before the assignment
    {
      code: `function save(record) {
  try {
    store.put(record);
  } catch (e) {
    e = new Error('could not save');
    logger.error(e);
  }
}`,
      errors: [
        {
          messageId: 'silentCatch',
          data: {"handler":"catch clause","detail":"the path ending at line 7 carries on without logging or rethrowing it; the log call at line 6 does not receive the error object","line":"7","expected":""},
          line: 4,
          suggestions: [
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `function save(record) {
  try {
    store.put(record);
  } catch (e) {
    console.error('save: unexpected error', e);
    e = new Error('could not save');
    logger.error(e);
  }
}`,
            },
          ],
        },
      ],
    },
    // a local `console` hides the global one: the suggestions log through `globalThis.console`
    {
      code: `import { makeConsole } from './ui';

const console = makeConsole();

export function save(record) {
  try {
    store(record);
  } catch {}
}`,
      errors: [
        {
          messageId: 'silentCatch',
          data: {"handler":"catch clause","detail":"it is empty","line":"8","expected":""},
          line: 8,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `import { makeConsole } from './ui';

const console = makeConsole();

export function save(record) {
  try {
    store(record);
  } catch (error) {
    globalThis.console.error('save: unexpected error from store()', error);
  }
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"globalThis.console"},
              output: `import { makeConsole } from './ui';

const console = makeConsole();

export function save(record) {
  try {
    store(record);
  } catch (error) { globalThis.console.error('save: unexpected error', error); }
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `import { makeConsole } from './ui';

const console = makeConsole();

export function save(record) {
  try {
    store(record);
  } catch (error) { throw error; }
}`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-broad-catch: conformance review 8', noBroadCatch, {
  valid: [
    // a logger method as the handler logs the error object at its level: `console.error` is loud
    `function load() {
  return fetchUser().catch(console.error);
}`,
    // … as `console.warn` is, at the default minimum level
    `p.then(ok, console.warn);`,
    // … at any depth of the logger's path
    `class Job { run() { return this.step().catch(this.logger.error); } }`,
    // `strict && fail(e)` is the decision `if (strict) fail(e)` is
    `function f(strict) { try { return g(); } catch (e) { strict && fail(e); return 0; } }`,
    // `x ? rethrow(e) : 0` is `if (x) rethrow(e)`
    `function f(x) { try { return g(); } catch (e) { x ? rethrow(e) : 0; return 0; } }`,
    // a rethrow in an IIFE under `&&` is `if (x) throw e`
    `function f(x) { try { return g(); } catch (e) { x && (() => { throw e; })(); return 0; } }`,
    // `ok || logger.error(e)` is `if (!ok) logger.error(e)`
    `function f(ok) { try { return g(); } catch (e) { ok || logger.error(e); return 0; } }`,
    // a reassignment that wraps the error keeps it (the cause)
    `try { f(); } catch (e) { e = new Wrapped('x', { cause: e }); logger.error(e); }`,
    // a conditional normalisation (`if (!(e instanceof Error)) e = …`) leaves the error in place on the other path
    `try { f(); } catch (e) { if (!(e instanceof Error)) e = new Error(String(e)); logger.error(e); }`,
    // a nested try's finally that only cleans up leaves the rethrow standing
    `function f() { try { return g(); } catch (e) { try { throw e; } finally { release(); } } }`,
  ],
  invalid: [
    // `.catch(console.log)` is `.catch((e) => console.log(e))`: logged below the minimum level, a quiet path
    {
      code: `function load() {
  return fetchUser().catch(console.log);
}`,
      errors: [
        {
          messageId: 'broadCatch',
          data: {"handler":".catch() handler","which":"the path","line":"2","action":"carries on","note":"; it is logged at line 2 below the minimum level (warn)","more":"","expected":""},
          line: 2,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `function load() {
  return fetchUser().catch((error: unknown) => {
    console.error('load: unexpected error from fetchUser()', error);
  });
}`,
            },
          ],
        },
      ],
    },
    // `.catch(logger.debug)`: the same, through the file's logger
    {
      code: `async function warm(logger) {
  await cache.fill().catch(logger.debug);
}`,
      errors: [
        {
          messageId: 'broadCatch',
          data: {"handler":".catch() handler","which":"the path","line":"2","action":"carries on","note":"; it is logged at line 2 below the minimum level (warn)","more":"","expected":""},
          line: 2,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `async function warm(logger) {
  await cache.fill().catch((error: unknown) => {
    console.error('warm: unexpected error from cache.fill()', error);
  });
}`,
            },
          ],
        },
      ],
    },
    // the arrow that only logs is judged as its block form: the log call's value is not the error handed on
    {
      code: `function load() {
  return fetchUser().catch((e) => console.log(e));
}`,
      errors: [
        {
          messageId: 'broadCatch',
          data: {"handler":".catch() handler","which":"the path","line":"2","action":"carries on","note":"; it is logged at line 2 below the minimum level (warn)","more":"","expected":""},
          line: 2,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `function load() {
  return fetchUser().catch((e) => console.error('load: unexpected error from fetchUser()', e));
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: {"logger":"console"},
              output: `function load() {
  return fetchUser().catch((e) => { console.error('load: unexpected error', e); return console.log(e); });
}`,
            },
          ],
        },
      ],
    },
    // requireNarrowing: a logger method as the handler is a loud path, as `(e) => console.error(e)` is
    {
      code: `function load() {
  return fetchUser().catch(console.error);
}`,
      options: [{"requireNarrowing":true}],
      errors: [
        {
          messageId: 'unnarrowedCatch',
          data: {"handler":".catch() handler","which":"the path","line":"2","action":"carries on","more":"","expected":""},
          line: 2,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `function load() {
  return fetchUser().catch((error: unknown) => {
    console.error('load: unexpected error from fetchUser()', error);
  });
}`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('log-error-object: conformance review 8', logErrorObject, {
  valid: [
    // the error object is the logger method's first argument: no text-only log to report
    `p.catch(console.log);`,
    // … at any level
    `function load() { return fetchUser().catch(logger.debug); }`,
  ],
  invalid: [
  ],
});

