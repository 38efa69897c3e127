// Generated expectations reviewed by hand. Cases are grouped by scenario.
import { afterAll, describe, it } from 'vitest';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/log-error-object.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester();

ruleTester.run('log-error-object', rule, {
  valid: [
    // the error object reaches the logger
    `try { f(); } catch (e) { logger.error("failed", e); }`,
    `try { f(); } catch (e) { logger.error({ err: e }, \`failed: \${e.message}\`); }`,
    `try { f(); } catch (e) { console.error(e.message, e); }`,
    // below the minimum level
    `try { f(); } catch (e) { logger.debug(\`failed: \${e.message}\`); fallback(); }`,
    // not a logger
    `try { f(); } catch (e) { res.send(e.message); }`,
    // options
    { code: `try { f(); } catch (e) { logger.warn(e.message); fallback(); }`, options: [{"minimumLevel":"error"}] },
    // the caught error object propagates on every path through the log: whoever catches it gets the stack and cause
    `try { f(); } catch (e) { console.error(\`failed: \${e.message}\`); throw e; }`,
    `try { f(); } catch (err) { logger.warn({ id }, JSON.stringify(err)); throw err; }`,
    `try { f(); } catch (e) { const err = e as Error; console.error(err.message); throw err; }`,
    `try { f(); } catch (e) { logger.warn(e.message); throw new SyncError("sync failed", { cause: e }); }`,
    `p.catch((e) => { console.error(e.message); throw e; });`,
    `p.catch((e) => { logger.warn(String(e)); return Promise.reject(e); });`,
    `new Promise((resolve, reject) => { try { resolve(f()); } catch (e) { logger.warn(e.message); reject(e); } });`,
    `function handle(req, res, next) { try { f(); } catch (e) { logger.error(\`\${req.url}: \${e.message}\`); next(e); } }`,
    `function read(callback) { try { f(); } catch (e) { logger.warn(e.message); return callback(e); } }`,
    // only the path that passes the log matters: the other branch recovers without it (no-broad-catch's concern)
    `function g() { try { f(); } catch (e) { if (verbose) { logger.warn(e.message); throw e; } return null; } }`,
  ],
  invalid: [
    // some path through the log does not hand the caught error object on
    {
      code: `function load() {
  try {
    return f();
  } catch (e) {
    logger.warn(\`load failed: \${e.message}\`);
    return null;
  }
}`,
      errors: [
        {
          messageId: 'logErrorObject',
          data: { level: 'warn' },
          line: 5,
          suggestions: [
            {
              messageId: 'passErrorSuggestion',
              data: {"name":"e"},
              output: `function load() {
  try {
    return f();
  } catch (e) {
    logger.warn(\`load failed: \${e.message}\`, e);
    return null;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `function load(attempt) {
  try {
    return f();
  } catch (e) {
    logger.warn(\`attempt \${attempt} failed: \${e.message}\`);
    if (attempt < 3) return null;
    throw e;
  }
}`,
      errors: [
        {
          messageId: 'logErrorObject',
          data: { level: 'warn' },
          line: 5,
          suggestions: [
            {
              messageId: 'passErrorSuggestion',
              data: {"name":"e"},
              output: `function load(attempt) {
  try {
    return f();
  } catch (e) {
    logger.warn(\`attempt \${attempt} failed: \${e.message}\`, e);
    if (attempt < 3) return null;
    throw e;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `function load(optional) {
  try {
    return f();
  } catch (e) {
    if (optional) {
      logger.error(e.message);
      return null;
    }
    throw e;
  }
}`,
      errors: [
        {
          messageId: 'logErrorObject',
          data: { level: 'error' },
          line: 6,
          suggestions: [
            {
              messageId: 'passErrorSuggestion',
              data: {"name":"e"},
              output: `function load(optional) {
  try {
    return f();
  } catch (e) {
    if (optional) {
      logger.error(e.message, e);
      return null;
    }
    throw e;
  }
}`,
            },
          ],
        },
      ],
    },
    // a call inside the log's arguments formats the text, it hands nothing on
    {
      code: `try {
  await store.persist(token);
} catch (err) {
  Logger.warn("Failed to persist logout token", { error: toError(err).message });
}`,
      errors: [
        {
          messageId: 'logErrorObject',
          data: { level: 'warn' },
          line: 4,
          suggestions: [
            {
              messageId: 'passErrorSuggestion',
              data: {"name":"err"},
              output: `try {
  await store.persist(token);
} catch (err) {
  Logger.warn("Failed to persist logout token", { error: toError(err).message }, err);
}`,
            },
          ],
        },
      ],
    },
    // a new error without the cause, or a rethrow that an inner catch swallows, loses the error object
    {
      code: `try {
  f();
} catch (e) {
  console.error(\`failed: \${e.message}\`);
  throw new Error("sync failed");
}`,
      errors: [
        {
          messageId: 'logErrorObject',
          data: { level: 'error' },
          line: 4,
          suggestions: [
            {
              messageId: 'passErrorSuggestion',
              data: {"name":"e"},
              output: `try {
  f();
} catch (e) {
  console.error(\`failed: \${e.message}\`, e);
  throw new Error("sync failed");
}`,
            },
          ],
        },
      ],
    },
    {
      code: `p.catch((e) => {
  try {
    logger.warn(String(e));
    throw e;
  } catch {
    return [];
  }
});`,
      errors: [
        {
          messageId: 'logErrorObject',
          data: { level: 'warn' },
          line: 3,
          suggestions: [
            {
              messageId: 'passErrorSuggestion',
              data: {"name":"e"},
              output: `p.catch((e) => {
  try {
    logger.warn(String(e), e);
    throw e;
  } catch {
    return [];
  }
});`,
            },
          ],
        },
      ],
    },
    // text derived from the error
    {
      code: `try {
  f();
} catch (e) {
  console.error(\`failed: \${e.message}\`);
  fallback();
}`,
      errors: [
        {
          messageId: 'logErrorObject',
          line: 4,
          suggestions: [
            {
              messageId: 'passErrorSuggestion',
              data: {"name":"e"},
              output: `try {
  f();
} catch (e) {
  console.error(\`failed: \${e.message}\`, e);
  fallback();
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
  console.warn("failed: " + String(e));
  fallback();
}`,
      errors: [
        {
          messageId: 'logErrorObject',
          line: 4,
          suggestions: [
            {
              messageId: 'passErrorSuggestion',
              data: {"name":"e"},
              output: `try {
  f();
} catch (e) {
  console.warn("failed: " + String(e), e);
  fallback();
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import pino from "pino";
const logger = pino();
try {
  f();
} catch (err) {
  logger.error(\`failed: \${err}\`);
  fallback();
}`,
      errors: [
        {
          messageId: 'logErrorObject',
          line: 6,
          suggestions: [
            {
              messageId: 'passErrorSuggestion',
              data: {"name":"err"},
              output: `import pino from "pino";
const logger = pino();
try {
  f();
} catch (err) {
  logger.error({ err }, \`failed: \${err}\`);
  fallback();
}`,
            },
          ],
        },
      ],
    },
    {
      code: `try {
  f();
} catch (err) {
  logger.warn({ id }, JSON.stringify(err));
  fallback();
}`,
      errors: [
        {
          messageId: 'logErrorObject',
          line: 4,
          suggestions: [
            {
              messageId: 'passErrorSuggestion',
              data: {"name":"err"},
              output: `try {
  f();
} catch (err) {
  logger.warn({ id }, JSON.stringify(err), err);
  fallback();
}`,
            },
          ],
        },
      ],
    },
    // .catch callbacks
    {
      code: `p.catch((e) => {
  console.error(e.message);
  fallback();
});`,
      errors: [
        {
          messageId: 'logErrorObject',
          line: 2,
          suggestions: [
            {
              messageId: 'passErrorSuggestion',
              data: {"name":"e"},
              output: `p.catch((e) => {
  console.error(e.message, e);
  fallback();
});`,
            },
          ],
        },
      ],
    },
    // aliases
    {
      code: `try {
  f();
} catch (e) {
  const err = e as Error;
  console.error(err.message);
  fallback();
}`,
      errors: [
        {
          messageId: 'logErrorObject',
          line: 5,
          suggestions: [
            {
              messageId: 'passErrorSuggestion',
              data: {"name":"e"},
              output: `try {
  f();
} catch (e) {
  const err = e as Error;
  console.error(err.message, e);
  fallback();
}`,
            },
          ],
        },
      ],
    },
    // destructured binding: the suggestion binds the error first
    {
      code: `try {
  f();
} catch ({ message }) {
  logger.error(message);
  throw new Error(message);
}`,
      errors: [
        {
          messageId: 'logErrorObject',
          line: 4,
          suggestions: [
            {
              messageId: 'passErrorSuggestion',
              data: {"name":"error"},
              output: `try {
  f();
} catch (error) { const { message } = error;
  logger.error(message, error);
  throw new Error(message);
}`,
            },
          ],
        },
      ],
    },
    // optional chaining loggers and winston levels
    {
      code: `try {
  f();
} catch (e) {
  this.logger?.error(\`failed: \${e}\`);
  fallback();
}`,
      errors: [
        {
          messageId: 'logErrorObject',
          line: 4,
          suggestions: [
            {
              messageId: 'passErrorSuggestion',
              data: {"name":"e"},
              output: `try {
  f();
} catch (e) {
  this.logger?.error(\`failed: \${e}\`, e);
  fallback();
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
  logger.log("error", e.message);
  fallback();
}`,
      errors: [
        {
          messageId: 'logErrorObject',
          line: 4,
          suggestions: [
            {
              messageId: 'passErrorSuggestion',
              data: {"name":"e"},
              output: `try {
  f();
} catch (e) {
  logger.log("error", e.message, e);
  fallback();
}`,
            },
          ],
        },
      ],
    },
    // options: loggers
    {
      code: `try {
  f();
} catch (e) {
  audit.record(e.message);
  fallback();
}`,
      options: [{"loggers":[{"name":"audit","methods":{"record":"error"}}]}],
      errors: [
        {
          messageId: 'logErrorObject',
          line: 4,
          suggestions: [
            {
              messageId: 'passErrorSuggestion',
              data: {"name":"e"},
              output: `try {
  f();
} catch (e) {
  audit.record(e.message, e);
  fallback();
}`,
            },
          ],
        },
      ],
    },
  ],
});
