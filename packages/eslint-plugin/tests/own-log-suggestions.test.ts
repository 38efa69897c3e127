// The "pass the error object" suggestion of no-silent-catch writes what the codemod writes: it logs
// through the logger the specific rewrite calls (one in scope at the handler, never a name found
// elsewhere in the file); a log at warn or above that reports the failure without the error gets the
// error object rather than a second log after it; a handler that ends the process gets its log
// before the exit (after it, the log could never run), with no rethrow offered in place of the exit.
import { afterAll, describe, it } from 'vitest';
import { RuleTester } from '@typescript-eslint/rule-tester';
import noSilentCatch from '../src/rules/no-silent-catch.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester();

ruleTester.run('no-silent-catch: the log suggestion logs through the logger in scope, passes the error to the handler’s own log, and logs before a process exit', noSilentCatch, {
  valid: [],
  invalid: [
    // a console log that does not mention the error gets it
    {
      code: `export function load(read: () => string) {
  try {
    return read();
  } catch (e) {
    console.error('load failed');
  }
}`,
      errors: [
        {
          messageId: 'silentCatch',
          data: { handler: 'catch clause', detail: 'the path ending at line 6 carries on without logging or rethrowing it; the log call at line 5 does not receive the error object', expected: '' },
          line: 4,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `export function load(read: () => string) {
  try {
    return read();
  } catch (e) {
    console.error('load failed', e);
  }
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: { logger: 'console' },
              output: `export function load(read: () => string) {
  try {
    return read();
  } catch (e) {
    console.error('load failed', e);
  }
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `export function load(read: () => string) {
  try {
    return read();
  } catch (e) {
    console.error('load failed');
    throw e;
  }
}`,
            },
          ],
        },
      ],
    },
    // a handler without a parameter gets one, passed to its own log
    {
      code: `export function load(read: () => Promise<string>) {
  return read().catch(() => {
    console.warn('load failed');
    return null;
  });
}`,
      errors: [
        {
          messageId: 'silentCatch',
          data: { handler: '.catch() handler', detail: 'the path ending at line 4 returns null without logging or rethrowing it; the log call at line 3 does not receive the error object', expected: '' },
          line: 2,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `export function load(read: () => Promise<string>) {
  return read().catch((error: unknown) => {
    console.warn('load failed', error);
    return null;
  });
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: { logger: 'console' },
              output: `export function load(read: () => Promise<string>) {
  return read().catch((error) => {
    console.warn('load failed', error);
    return null;
  });
}`,
            },
          ],
        },
      ],
    },
    // pino: the error goes first, as the merge object
    {
      code: `import pino from 'pino';
const logger = pino();
export function load(read: () => string) {
  try {
    return read();
  } catch (e) {
    logger.error('load failed');
    return null;
  }
}`,
      errors: [
        {
          messageId: 'silentCatch',
          data: { handler: 'catch clause', detail: 'the path ending at line 8 returns null without logging or rethrowing it; the log call at line 7 does not receive the error object', expected: '' },
          line: 6,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `import pino from 'pino';
const logger = pino();
export function load(read: () => string) {
  try {
    return read();
  } catch (e) {
    logger.error({ err: e }, 'load failed');
    return null;
  }
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: { logger: 'logger' },
              output: `import pino from 'pino';
const logger = pino();
export function load(read: () => string) {
  try {
    return read();
  } catch (e) {
    logger.error({ err: e }, 'load failed');
    return null;
  }
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `import pino from 'pino';
const logger = pino();
export function load(read: () => string) {
  try {
    return read();
  } catch (e) {
    logger.error('load failed');
    throw e;
  }
}`,
            },
          ],
        },
      ],
    },
    // a local logger module of unknown signature may take no second argument: it gets a log of its own after it
    {
      code: `import { logger } from './logger';
export function load(read: () => string) {
  try {
    return read();
  } catch (e) {
    logger.error('load failed');
    return '';
  }
}`,
      errors: [
        {
          messageId: 'silentCatch',
          data: { handler: 'catch clause', detail: "the path ending at line 7 returns '' without logging or rethrowing it; the log call at line 6 does not receive the error object", expected: '' },
          line: 5,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `import { logger } from './logger';
export function load(read: () => string) {
  try {
    return read();
  } catch (e) {
    logger.error('load failed');
    logger.error('load: unexpected error from read()', e);
    return '';
  }
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: { logger: 'logger' },
              output: `import { logger } from './logger';
export function load(read: () => string) {
  try {
    return read();
  } catch (e) {
    logger.error('load failed');
    logger.error('load: unexpected error', e);
    return '';
  }
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `import { logger } from './logger';
export function load(read: () => string) {
  try {
    return read();
  } catch (e) {
    logger.error('load failed');
    throw e;
  }
}`,
            },
          ],
        },
      ],
    },
    // the logger is the one in scope at the handler: a class member's `this.logger` is not reachable from a function outside the class
    {
      code: `import pino from 'pino';
class Store {
  private logger = pino();
  run() { this.logger.info('x'); }
}
export function load(read: () => string) {
  try {
    return read();
  } catch (e) {
    return null;
  }
}`,
      errors: [
        {
          messageId: 'silentCatch',
          data: { handler: 'catch clause', detail: 'the path ending at line 10 returns null without logging or rethrowing it', expected: '' },
          line: 9,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `import pino from 'pino';
class Store {
  private logger = pino();
  run() { this.logger.info('x'); }
}
export function load(read: () => string) {
  try {
    return read();
  } catch (e) {
    console.error('load: unexpected error from read()', e);
    return null;
  }
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: { logger: 'console' },
              output: `import pino from 'pino';
class Store {
  private logger = pino();
  run() { this.logger.info('x'); }
}
export function load(read: () => string) {
  try {
    return read();
  } catch (e) {
    console.error('load: unexpected error', e);
    return null;
  }
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `import pino from 'pino';
class Store {
  private logger = pino();
  run() { this.logger.info('x'); }
}
export function load(read: () => string) {
  try {
    return read();
  } catch (e) {
    throw e;
  }
}`,
            },
          ],
        },
      ],
    },
    // …nor is a variable declared in another function
    {
      code: `declare function makeLog(): { info(m: string): void; error(...a: unknown[]): void };
function warmUp() {
  const log = makeLog();
  log.info('x');
}
export function load(read: () => string) {
  try {
    return read();
  } catch (e) {
    return null;
  }
}`,
      errors: [
        {
          messageId: 'silentCatch',
          data: { handler: 'catch clause', detail: 'the path ending at line 10 returns null without logging or rethrowing it', expected: '' },
          line: 9,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `declare function makeLog(): { info(m: string): void; error(...a: unknown[]): void };
function warmUp() {
  const log = makeLog();
  log.info('x');
}
export function load(read: () => string) {
  try {
    return read();
  } catch (e) {
    console.error('load: unexpected error from read()', e);
    return null;
  }
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: { logger: 'console' },
              output: `declare function makeLog(): { info(m: string): void; error(...a: unknown[]): void };
function warmUp() {
  const log = makeLog();
  log.info('x');
}
export function load(read: () => string) {
  try {
    return read();
  } catch (e) {
    console.error('load: unexpected error', e);
    return null;
  }
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `declare function makeLog(): { info(m: string): void; error(...a: unknown[]): void };
function warmUp() {
  const log = makeLog();
  log.info('x');
}
export function load(read: () => string) {
  try {
    return read();
  } catch (e) {
    throw e;
  }
}`,
            },
          ],
        },
      ],
    },
    // inside the class, its pino logger member, object first
    {
      code: `import pino from 'pino';
class Store {
  private logger = pino();
  load(read: () => string) {
    try {
      return read();
    } catch (e) {
      return null;
    }
  }
}`,
      errors: [
        {
          messageId: 'silentCatch',
          data: { handler: 'catch clause', detail: 'the path ending at line 8 returns null without logging or rethrowing it', expected: '' },
          line: 7,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `import pino from 'pino';
class Store {
  private logger = pino();
  load(read: () => string) {
    try {
      return read();
    } catch (e) {
      this.logger.error({ err: e }, 'Store.load: unexpected error from read()');
      return null;
    }
  }
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: { logger: 'this.logger' },
              output: `import pino from 'pino';
class Store {
  private logger = pino();
  load(read: () => string) {
    try {
      return read();
    } catch (e) {
      this.logger.error({ err: e }, 'Store.load: unexpected error');
      return null;
    }
  }
}`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `import pino from 'pino';
class Store {
  private logger = pino();
  load(read: () => string) {
    try {
      return read();
    } catch (e) {
      throw e;
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // a handler that ends the process: the log goes before the exit, and no rethrow replaces it
    {
      code: `export function main(run: () => void) {
  try {
    run();
  } catch {
    process.exit(1);
  }
}`,
      errors: [
        {
          messageId: 'silentCatch',
          data: { handler: 'catch clause', detail: 'the path ending at line 5 exits the process without logging or rethrowing it', expected: '' },
          line: 4,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `export function main(run: () => void) {
  try {
    run();
  } catch (error) {
    console.error('main: unexpected error from run()', error);
    process.exit(1);
  }
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: { logger: 'console' },
              output: `export function main(run: () => void) {
  try {
    run();
  } catch (error) {
    console.error('main: unexpected error', error);
    process.exit(1);
  }
}`,
            },
          ],
        },
      ],
    },
    // …and a log there before the exit gets the error
    {
      code: `export function main(run: () => void) {
  try {
    run();
  } catch (e) {
    console.error('run failed, exiting');
    process.exit(1);
  }
}`,
      errors: [
        {
          messageId: 'silentCatch',
          data: { handler: 'catch clause', detail: 'the path ending at line 6 exits the process without logging or rethrowing it; the log call at line 5 does not receive the error object', expected: '' },
          line: 4,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `export function main(run: () => void) {
  try {
    run();
  } catch (e) {
    console.error('run failed, exiting', e);
    process.exit(1);
  }
}`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: { logger: 'console' },
              output: `export function main(run: () => void) {
  try {
    run();
  } catch (e) {
    console.error('run failed, exiting', e);
    process.exit(1);
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});
