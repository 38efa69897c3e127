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
    `try { f(); } catch (e) { logger.debug(\`failed: \${e.message}\`); throw e; }`,
    // not a logger
    `try { f(); } catch (e) { res.send(e.message); }`,
    // options
    { code: `try { f(); } catch (e) { logger.warn(e.message); throw e; }`, options: [{"minimumLevel":"error"}] },
  ],
  invalid: [
    // text derived from the error
    {
      code: `try {
  f();
} catch (e) {
  console.error(\`failed: \${e.message}\`);
  throw e;
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
  throw e;
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
  throw e;
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
  throw e;
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
  throw err;
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
  throw err;
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
  throw err;
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
  throw err;
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
  throw e;
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
  throw e;
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
  throw err;
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
  throw err;
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
  throw e;
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
  throw e;
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
  throw e;
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
  throw e;
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
  throw e;
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
  throw e;
}`,
            },
          ],
        },
      ],
    },
  ],
});
