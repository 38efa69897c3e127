// Sixth precision audit (medusa, eslint, langchainjs, hoppscotch): each valid case is a minimal rewrite of a
// deliberate handler the audit found reported (source named in its comment), each invalid case the neighbouring
// defect shape that must keep being reported.
import { afterAll, describe, it } from 'vitest';
import { RuleTester } from '@typescript-eslint/rule-tester';
import noSilentCatch from '../src/rules/no-silent-catch.js';
import logErrorObject from '../src/rules/log-error-object.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester();

/** Five lines over 1,000 characters: a minifier's output. */
const MINIFIED_LINES = Array.from({ length: 5 }, () => `var a${'=1,a'.repeat(300)};`).join('\n');
/** One long line in a hand-written file: a data literal. */
const DATA_LINE = `export const LOGO = "data:image/png;base64,${'iVBORw0KGgo'.repeat(200)}";`;

ruleTester.run('no-silent-catch: minified code, support flags, error details, git config, predicates, formatters, test utilities (audit 6)', noSilentCatch, {
  valid: [
    // a minified bundle checked into the repository (five lines over 1,000 characters) — medusa .yarn/releases/yarn-3.2.1.cjs and .yarn/plugins (139 findings)
    `${MINIFIED_LINES}
async function f(p){try{return await fetch(p).then(r=>r.json())}catch(e){return null}}
export {f};`,
    // a flag that records the operation as unsupported, and nothing else — langchain libs/langchain-core/src/runnables/base.ts:2139
    `declare function concat<T>(a: T, b: T): T;
export async function* collect<T>(chunks: AsyncIterable<T>): AsyncGenerator<T> {
  let final: T | undefined;
  let concatSupported = true;
  for await (const chunk of chunks) {
    yield chunk;
    if (!concatSupported) continue;
    if (final === undefined) {
      final = chunk;
    } else {
      try {
        final = concat(final, chunk);
      } catch {
        final = undefined;
        concatSupported = false;
      }
    }
  }
}`,
    // a detail read for an error thrown next — langchain libs/providers/langchain-perplexity/src/retrievers.ts:188
    `export async function search(url: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', body: JSON.stringify(body) });
  if (!response.ok) {
    const errorText = await response.text().catch(() => '');
    throw new Error(\`Search API error (\${response.status}): \${errorText}\`);
  }
  return response.json();
}`,
    // git config <key> alone reads the key — langchain libs/create-langchain-integration/helpers/git.ts:29
    `import { execSync } from 'node:child_process';
export function isDefaultBranchSet(): boolean {
  try {
    execSync('git config init.defaultBranch', { stdio: 'ignore' });
    return true;
  } catch (_) {
    // no-op
  }
  return false;
}`,
    // a predicate whose handler falls through to the return false after the try — langchain libs/create-langchain-integration/helpers/git.ts:19
    `import { execSync } from 'node:child_process';
export function isInMercurialRepository(): boolean {
  try {
    execSync('hg --cwd . root', { stdio: 'ignore' });
    return true;
  } catch (_) {
    // no-op
  }
  return false;
}`,
    // new URL with reads of the parsed value, through searchParams.entries() — hoppscotch packages/hoppscotch-js-sandbox/src/bootstrap-code/post-request.js:2800
    `export function parseUrl(urlString: string) {
  try {
    const parsed = new URL(urlString);
    return {
      host: parsed.hostname.split('.'),
      path: parsed.pathname.split('/').filter(Boolean),
      queryParams: Array.from(parsed.searchParams.entries()).map(([key, value]) => ({ key, value })),
    };
  } catch {
    return { host: [], path: [], queryParams: [] };
  }
}`,
    // a formatter applied to a part of its own input, synchronously: the failure is an unreadable value — hoppscotch packages/hoppscotch-js-sandbox/src/utils/chai-integration.ts:346
    `export const formatValue = (val: unknown): string => {
  if (val === null || typeof val !== 'object') return String(val);
  try {
    const keys = Object.keys(val);
    if (keys.length === 0) return '{}';
    const pairs = keys.slice(0, 5).map((k) => \`\${k}: \${formatValue((val as Record<string, unknown>)[k])}\`);
    return \`{\${pairs.join(', ')}}\`;
  } catch {
    return '[object Object]';
  }
};`,
    // the same through an object argument — audit 5's vercel/ai packages/harness-acp/src/v1/bridge/stream-translator.ts:866 (class A)
    `type Json = null | string | number | boolean | Json[] | { [key: string]: Json };
export function toSafeJSONValue({ value, fallback }: { value: unknown; fallback: Json }): Json {
  if (value === null || typeof value !== 'object') return (value as Json) ?? fallback;
  const result: Record<string, Json> = {};
  try {
    for (const [key, item] of Object.entries(value)) {
      result[key] = toSafeJSONValue({ value: item, fallback: null });
    }
  } catch {
    return fallback;
  }
  return result;
}`,
    // a test-utility package (medusa-test-utils/) is test code — medusa packages/medusa-test-utils/src/database.ts:165
    {
      filename: 'packages/medusa-test-utils/src/database.ts',
      code: `declare const manager: { execute(sql: string): Promise<void> };
export async function teardown(): Promise<void> {
  try {
    await manager.execute('DROP SCHEMA IF EXISTS "public" CASCADE');
  } catch {}
}`,
    },
    // the formatter applied to each part through map(formatValue) — hoppscotch packages/hoppscotch-js-sandbox/src/cage-modules/utils/chai-helpers.ts:252
    `export const formatValue = (val: unknown): string => {
  if (val === null || typeof val !== 'object') return String(val);
  try {
    if (val instanceof Set) {
      const values = Array.from(val).slice(0, 10);
      return \`new Set([\${values.map(formatValue).join(', ')}])\`;
    }
    return \`{\${Object.keys(val).join(', ')}}\`;
  } catch {
    return '[object Object]';
  }
};`,
  ],
  invalid: [
    // one long line (a data literal) does not make a hand-written file minified
    {
      code: `${DATA_LINE}
export async function load(p: string): Promise<unknown> {
  try {
    return await fetch(p).then((r) => r.json());
  } catch (e) {
    return null;
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 6 returns null without logging or rethrowing it", expected: "" },
          line: 5,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: `${DATA_LINE}
export async function load(p: string): Promise<unknown> {
  try {
    return await fetch(p).then((r) => r.json());
  } catch (e) {
    if (e instanceof TypeError || (e instanceof Error && (e.name === 'AbortError' || e.name === 'TimeoutError'))) {
      console.warn('load: fetch() failed', e);
    } else {
      console.error('load: unexpected error from fetch()', e);
    }
    return null;
  }
}` },
            { messageId: "logErrorSuggestion", output: `${DATA_LINE}
export async function load(p: string): Promise<unknown> {
  try {
    return await fetch(p).then((r) => r.json());
  } catch (e) {
    console.error('load: unexpected error', e);
    return null;
  }
}` },
            { messageId: "rethrowSuggestion", output: `${DATA_LINE}
export async function load(p: string): Promise<unknown> {
  try {
    return await fetch(p).then((r) => r.json());
  } catch (e) {
    throw e;
  }
}` },
          ],
        },
      ],
    },
    // a reset of a flag that is not about support (connected = false) hides an outage
    {
      code: `declare function connect(url: string): Promise<void>;
export let connected = true;
export async function reconnect(url: string): Promise<void> {
  try {
    await connect(url);
  } catch {
    connected = false;
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 8 carries on without logging or rethrowing it", expected: "" },
          line: 6,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare function connect(url: string): Promise<void>;\nexport let connected = true;\nexport async function reconnect(url: string): Promise<void> {\n  try {\n    await connect(url);\n  } catch (error) {\n    connected = false;\n    console.error('reconnect: unexpected error from connect()', error);\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "declare function connect(url: string): Promise<void>;\nexport let connected = true;\nexport async function reconnect(url: string): Promise<void> {\n  try {\n    await connect(url);\n  } catch (error) {\n    connected = false;\n    console.error('reconnect: unexpected error', error);\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "declare function connect(url: string): Promise<void>;\nexport let connected = true;\nexport async function reconnect(url: string): Promise<void> {\n  try {\n    await connect(url);\n  } catch (error) {\n    connected = false;\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
    // a support flag next to other work in the handler stays reported
    {
      code: `declare function concat<T>(a: T, b: T): T;
declare const cache: { clear(): Promise<void> };
export async function merge<T>(a: T, b: T): Promise<T | undefined> {
  let concatSupported = true;
  try {
    return concat(a, b);
  } catch {
    concatSupported = false;
    await cache.clear();
  }
  return concatSupported ? a : undefined;
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 10 carries on without logging or rethrowing it", expected: "" },
          line: 7,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare function concat<T>(a: T, b: T): T;\ndeclare const cache: { clear(): Promise<void> };\nexport async function merge<T>(a: T, b: T): Promise<T | undefined> {\n  let concatSupported = true;\n  try {\n    return concat(a, b);\n  } catch (error) {\n    concatSupported = false;\n    await cache.clear();\n    console.error('merge: unexpected error from concat()', error);\n  }\n  return concatSupported ? a : undefined;\n}" },
            { messageId: "logErrorSuggestion", output: "declare function concat<T>(a: T, b: T): T;\ndeclare const cache: { clear(): Promise<void> };\nexport async function merge<T>(a: T, b: T): Promise<T | undefined> {\n  let concatSupported = true;\n  try {\n    return concat(a, b);\n  } catch (error) {\n    concatSupported = false;\n    await cache.clear();\n    console.error('merge: unexpected error', error);\n  }\n  return concatSupported ? a : undefined;\n}" },
            { messageId: "rethrowSuggestion", output: "declare function concat<T>(a: T, b: T): T;\ndeclare const cache: { clear(): Promise<void> };\nexport async function merge<T>(a: T, b: T): Promise<T | undefined> {\n  let concatSupported = true;\n  try {\n    return concat(a, b);\n  } catch (error) {\n    concatSupported = false;\n    await cache.clear();\n    throw error;\n  }\n  return concatSupported ? a : undefined;\n}" },
          ],
        },
      ],
    },
    // a body read whose default is the result, not detail for a throw
    {
      code: `export async function readPage(url: string): Promise<string> {
  const response = await fetch(url);
  const html = await response.text().catch(() => '');
  return html;
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: ".catch() handler", detail: "the path ending at line 3 returns '' without logging or rethrowing it", expected: "" },
          line: 3,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "export async function readPage(url: string): Promise<string> {\n  const response = await fetch(url);\n  const html = await response.text().catch((error: unknown) => {\n    console.error('readPage: unexpected error from response.text()', error);\n    return '';\n  });\n  return html;\n}" },
            { messageId: "logErrorSuggestion", output: "export async function readPage(url: string): Promise<string> {\n  const response = await fetch(url);\n  const html = await response.text().catch((error) => { console.error('readPage: unexpected error', error); return ''; });\n  return html;\n}" },
          ],
        },
      ],
    },
    // a throw that does not carry the read value
    {
      code: `export async function search(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) {
    const errorText = await response.text().catch(() => '');
    throw new Error(\`Search API error (\${response.status})\`);
  }
  return response.json();
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: ".catch() handler", detail: "the path ending at line 4 returns '' without logging or rethrowing it", expected: "" },
          line: 4,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "export async function search(url: string): Promise<unknown> {\n  const response = await fetch(url);\n  if (!response.ok) {\n    const errorText = await response.text().catch((error: unknown) => {\n      console.error('search: unexpected error from response.text()', error);\n      return '';\n    });\n    throw new Error(`Search API error (${response.status})`);\n  }\n  return response.json();\n}" },
            { messageId: "logErrorSuggestion", output: "export async function search(url: string): Promise<unknown> {\n  const response = await fetch(url);\n  if (!response.ok) {\n    const errorText = await response.text().catch((error) => { console.error('search: unexpected error', error); return ''; });\n    throw new Error(`Search API error (${response.status})`);\n  }\n  return response.json();\n}" },
          ],
        },
      ],
    },
    // git config <key> <value> writes
    {
      code: `import { execSync } from 'node:child_process';
export function setDefaultBranch(): void {
  try {
    execSync('git config init.defaultBranch main', { stdio: 'ignore' });
  } catch {
    // no-op
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "it is empty and its comment gives no reason", expected: "" },
          line: 5,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "import { execSync } from 'node:child_process';\nexport function setDefaultBranch(): void {\n  try {\n    execSync('git config init.defaultBranch main', { stdio: 'ignore' });\n  } catch (error) {\n    // no-op\n    console.error('setDefaultBranch: unexpected error from execSync()', error);\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "import { execSync } from 'node:child_process';\nexport function setDefaultBranch(): void {\n  try {\n    execSync('git config init.defaultBranch main', { stdio: 'ignore' });\n  } catch (error) {\n    // no-op\n    console.error('setDefaultBranch: unexpected error', error);\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "import { execSync } from 'node:child_process';\nexport function setDefaultBranch(): void {\n  try {\n    execSync('git config init.defaultBranch main', { stdio: 'ignore' });\n  } catch (error) {\n    // no-op\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
    // a predicate whose handler does more than fall through, and a statement between the try and the return
    {
      code: `declare const db: { ping(): Promise<void> };
declare const state: { healthy: boolean };
export async function isHealthy(): Promise<boolean> {
  try {
    await db.ping();
    return true;
  } catch {
    state.healthy = false;
  }
  console.info('database down');
  return false;
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 9 carries on without logging or rethrowing it", expected: "" },
          line: 7,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare const db: { ping(): Promise<void> };\ndeclare const state: { healthy: boolean };\nexport async function isHealthy(): Promise<boolean> {\n  try {\n    await db.ping();\n    return true;\n  } catch (error) {\n    state.healthy = false;\n    console.error('isHealthy: unexpected error from db.ping()', error);\n  }\n  console.info('database down');\n  return false;\n}" },
            { messageId: "logErrorSuggestion", output: "declare const db: { ping(): Promise<void> };\ndeclare const state: { healthy: boolean };\nexport async function isHealthy(): Promise<boolean> {\n  try {\n    await db.ping();\n    return true;\n  } catch (error) {\n    state.healthy = false;\n    console.error('isHealthy: unexpected error', error);\n  }\n  console.info('database down');\n  return false;\n}" },
            { messageId: "rethrowSuggestion", output: "declare const db: { ping(): Promise<void> };\ndeclare const state: { healthy: boolean };\nexport async function isHealthy(): Promise<boolean> {\n  try {\n    await db.ping();\n    return true;\n  } catch (error) {\n    state.healthy = false;\n    throw error;\n  }\n  console.info('database down');\n  return false;\n}" },
          ],
        },
      ],
    },
    // an awaited keys() of a store, with an argument, is I/O
    {
      code: `declare const store: { keys(pattern: string): Promise<string[]> };
export async function keysOf(urlString: string): Promise<string[]> {
  try {
    const parsed = new URL(urlString);
    return await store.keys(parsed.pathname);
  } catch {
    return [];
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 7 returns [] without logging or rethrowing it", expected: "" },
          line: 6,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare const store: { keys(pattern: string): Promise<string[]> };\nexport async function keysOf(urlString: string): Promise<string[]> {\n  try {\n    const parsed = new URL(urlString);\n    return await store.keys(parsed.pathname);\n  } catch (error) {\n    if (error instanceof TypeError) {\n      console.warn('keysOf: new URL() failed', error);\n    } else {\n      console.error('keysOf: unexpected error from new URL()', error);\n    }\n    return [];\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "declare const store: { keys(pattern: string): Promise<string[]> };\nexport async function keysOf(urlString: string): Promise<string[]> {\n  try {\n    const parsed = new URL(urlString);\n    return await store.keys(parsed.pathname);\n  } catch (error) {\n    console.error('keysOf: unexpected error', error);\n    return [];\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "declare const store: { keys(pattern: string): Promise<string[]> };\nexport async function keysOf(urlString: string): Promise<string[]> {\n  try {\n    const parsed = new URL(urlString);\n    return await store.keys(parsed.pathname);\n  } catch (error) {\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
    // an async walker that recurses and does I/O stays reported
    {
      code: `import { readdir, readFile } from 'node:fs/promises';
declare const index: { add(path: string, text: string): Promise<void> };
export async function indexTree(dir: string): Promise<number> {
  try {
    let count = 0;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) count += await indexTree(\`\${dir}/\${entry.name}\`);
      else await index.add(entry.name, await readFile(\`\${dir}/\${entry.name}\`, 'utf8'));
    }
    return count;
  } catch {
    return 0;
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 12 returns 0 without logging or rethrowing it", expected: "" },
          line: 11,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "import { readdir, readFile } from 'node:fs/promises';\ndeclare const index: { add(path: string, text: string): Promise<void> };\nexport async function indexTree(dir: string): Promise<number> {\n  try {\n    let count = 0;\n    for (const entry of await readdir(dir, { withFileTypes: true })) {\n      if (entry.isDirectory()) count += await indexTree(`${dir}/${entry.name}`);\n      else await index.add(entry.name, await readFile(`${dir}/${entry.name}`, 'utf8'));\n    }\n    return count;\n  } catch (error) {\n    if (error instanceof Error && 'code' in error && typeof error.code === 'string' && ['ENOENT', 'EACCES', 'EISDIR', 'ENOTDIR'].includes(error.code)) {\n      console.warn('indexTree: readFile() failed', error);\n    } else {\n      console.error('indexTree: unexpected error from readFile()', error);\n    }\n    return 0;\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "import { readdir, readFile } from 'node:fs/promises';\ndeclare const index: { add(path: string, text: string): Promise<void> };\nexport async function indexTree(dir: string): Promise<number> {\n  try {\n    let count = 0;\n    for (const entry of await readdir(dir, { withFileTypes: true })) {\n      if (entry.isDirectory()) count += await indexTree(`${dir}/${entry.name}`);\n      else await index.add(entry.name, await readFile(`${dir}/${entry.name}`, 'utf8'));\n    }\n    return count;\n  } catch (error) {\n    console.error('indexTree: unexpected error', error);\n    return 0;\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "import { readdir, readFile } from 'node:fs/promises';\ndeclare const index: { add(path: string, text: string): Promise<void> };\nexport async function indexTree(dir: string): Promise<number> {\n  try {\n    let count = 0;\n    for (const entry of await readdir(dir, { withFileTypes: true })) {\n      if (entry.isDirectory()) count += await indexTree(`${dir}/${entry.name}`);\n      else await index.add(entry.name, await readFile(`${dir}/${entry.name}`, 'utf8'));\n    }\n    return count;\n  } catch (error) {\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
    // recursion next to another call (render) stays reported
    {
      code: `declare function render(value: unknown): string;
export function describeValue(val: Record<string, unknown>): string {
  try {
    return Object.keys(val).map((k) => \`\${k}: \${describeValue(val[k] as Record<string, unknown>)} \${render(val[k])}\`).join(', ');
  } catch {
    return '[object Object]';
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 6 returns '[object Object]' without logging or rethrowing it", expected: "" },
          line: 5,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare function render(value: unknown): string;\nexport function describeValue(val: Record<string, unknown>): string {\n  try {\n    return Object.keys(val).map((k) => `${k}: ${describeValue(val[k] as Record<string, unknown>)} ${render(val[k])}`).join(', ');\n  } catch (error) {\n    console.error('describeValue: unexpected error from map()', error);\n    return '[object Object]';\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "declare function render(value: unknown): string;\nexport function describeValue(val: Record<string, unknown>): string {\n  try {\n    return Object.keys(val).map((k) => `${k}: ${describeValue(val[k] as Record<string, unknown>)} ${render(val[k])}`).join(', ');\n  } catch (error) {\n    console.error('describeValue: unexpected error', error);\n    return '[object Object]';\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "declare function render(value: unknown): string;\nexport function describeValue(val: Record<string, unknown>): string {\n  try {\n    return Object.keys(val).map((k) => `${k}: ${describeValue(val[k] as Record<string, unknown>)} ${render(val[k])}`).join(', ');\n  } catch (error) {\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
    // a package whose name only ends like one (…-latest-utils/) is not test code
    {
      filename: 'packages/medusa-latest-utils/src/database.ts',
      code: `declare const manager: { execute(sql: string): Promise<void> };
export async function shutdown(): Promise<void> {
  try {
    await manager.execute('DROP SCHEMA IF EXISTS "public" CASCADE');
  } catch {}
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "it is empty", expected: "" },
          line: 5,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare const manager: { execute(sql: string): Promise<void> };\nexport async function shutdown(): Promise<void> {\n  try {\n    await manager.execute('DROP SCHEMA IF EXISTS \"public\" CASCADE');\n  } catch (error) {\n    console.error('shutdown: unexpected error from manager.execute()', error);\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "declare const manager: { execute(sql: string): Promise<void> };\nexport async function shutdown(): Promise<void> {\n  try {\n    await manager.execute('DROP SCHEMA IF EXISTS \"public\" CASCADE');\n  } catch (error) { console.error('shutdown: unexpected error', error); }\n}" },
            { messageId: "rethrowSuggestion", output: "declare const manager: { execute(sql: string): Promise<void> };\nexport async function shutdown(): Promise<void> {\n  try {\n    await manager.execute('DROP SCHEMA IF EXISTS \"public\" CASCADE');\n  } catch (error) { throw error; }\n}" },
          ],
        },
      ],
    },
    // map with another function (render) stays reported
    {
      code: `declare function render(value: unknown): string;
export const formatValue = (val: unknown): string => {
  if (val === null || typeof val !== 'object') return String(val);
  try {
    const values = Array.from(val as Set<unknown>);
    return \`[\${values.map(render).join(', ')}]\`;
  } catch {
    return '[object Object]';
  }
};`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 8 returns '[object Object]' without logging or rethrowing it", expected: "" },
          line: 7,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare function render(value: unknown): string;\nexport const formatValue = (val: unknown): string => {\n  if (val === null || typeof val !== 'object') return String(val);\n  try {\n    const values = Array.from(val as Set<unknown>);\n    return `[${values.map(render).join(', ')}]`;\n  } catch (error) {\n    console.error('formatValue: unexpected error from values.map()', error);\n    return '[object Object]';\n  }\n};" },
            { messageId: "logErrorSuggestion", output: "declare function render(value: unknown): string;\nexport const formatValue = (val: unknown): string => {\n  if (val === null || typeof val !== 'object') return String(val);\n  try {\n    const values = Array.from(val as Set<unknown>);\n    return `[${values.map(render).join(', ')}]`;\n  } catch (error) {\n    console.error('formatValue: unexpected error', error);\n    return '[object Object]';\n  }\n};" },
            { messageId: "rethrowSuggestion", output: "declare function render(value: unknown): string;\nexport const formatValue = (val: unknown): string => {\n  if (val === null || typeof val !== 'object') return String(val);\n  try {\n    const values = Array.from(val as Set<unknown>);\n    return `[${values.map(render).join(', ')}]`;\n  } catch (error) {\n    throw error;\n  }\n};" },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('log-error-object: test directories spelled with an underscore (audit 6)', logErrorObject, {
  valid: [
    // an integration_tests/ directory is test code — langchain internal/standard-tests/src/integration_tests/jest.ts:79 (24 findings)
    {
      filename: 'internal/standard-tests/src/integration_tests/harness.ts',
      code: `export async function run(t: { testInvoke(): Promise<void> }): Promise<boolean> {
  let passed = true;
  try {
    await t.testInvoke();
  } catch (e: any) {
    passed = false;
    console.error('testInvoke failed', e.message);
  }
  return passed;
}`,
    },
  ],
  invalid: [
    // src/integrations/ is not a test directory
    {
      filename: 'src/integrations/sync.ts',
      code: `declare const db: { sync(): Promise<void> };
export async function syncIntegration(): Promise<boolean> {
  try {
    await db.sync();
    return true;
  } catch (e: any) {
    console.error('sync failed', e.message);
    return false;
  }
}`,
      errors: [
        {
          messageId: 'logErrorObject', data: { level: "error" },
          line: 7,
          suggestions: [
            { messageId: "passErrorSuggestion", output: "declare const db: { sync(): Promise<void> };\nexport async function syncIntegration(): Promise<boolean> {\n  try {\n    await db.sync();\n    return true;\n  } catch (e: any) {\n    console.error('sync failed', e.message, e);\n    return false;\n  }\n}" },
          ],
        },
      ],
    },
  ],
});
