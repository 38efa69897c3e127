// Seventh precision audit (pnpm, stagehand, formbricks, novu): each valid case is a minimal rewrite of a
// deliberate handler the audit found reported (source named in its comment), each invalid case the neighbouring
// defect shape that must keep being reported.
import { afterAll, describe, it } from 'vitest';
import { RuleTester } from '@typescript-eslint/rule-tester';
import noSilentCatch from '../src/rules/no-silent-catch.js';
import noBroadCatch from '../src/rules/no-broad-catch.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester();

ruleTester.run('no-silent-catch: finally links, error details from a try block, reasons above the function, DOM selector queries, semver, local helpers (audit 7)', noSilentCatch, {
  valid: [
    // a promise's .finally() link silenced while the promise itself is returned — formbricks apps/web/modules/ee/license-check/lib/license.ts:220 (4 in the file)
    `declare function fetchLicense(): Promise<{ active: boolean }>;
let pending: Promise<{ active: boolean }> | null = null;
export const getLicense = (): Promise<{ active: boolean }> => {
  if (pending) return pending;
  pending = fetchLicense();
  pending
    .finally(() => {
      pending = null;
    })
    .catch(() => {});
  return pending;
};`,
    // a response body read in a try block for the error thrown next — pnpm releasing/commands/src/stage/request.ts:81
    `declare class RegistryError extends Error { constructor(details: { status: number; text: string }) }
export async function throwOnErrorResponse(response: Response): Promise<never> {
  let text = '';
  try {
    text = await response.text();
  } catch {}
  throw new RegistryError({ status: response.status, text });
}`,
    // the same read for an error built and returned — pnpm releasing/commands/src/publish/FailedToPublishError.ts:53
    `declare class FailedToPublishError extends Error { constructor(details: { status: number; text: string }) }
export async function createFailedToPublishError(response: Response): Promise<FailedToPublishError> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    text = '';
  }
  return new FailedToPublishError({ status: response.status, text });
}`,
    // the same read carried through a const computed from it — documenso packages/lib/server-only/document-conversion/gotenberg.ts:94
    `export async function convert(url: string): Promise<Blob> {
  const response = await fetch(url, { method: 'POST' });
  if (!response.ok) {
    let body = '';
    try {
      body = await response.text();
    } catch {
      body = '';
    }
    const truncatedBody = body.length > 500 ? \`\${body.slice(0, 500)}...\` : body;
    throw new Error(\`Conversion service returned \${response.status}: \${truncatedBody}\`);
  }
  return response.blob();
}`,
    // a reason written as // lines above the function — pnpm resolving/npm-resolver/src/memoizeFetchMetadata.ts:85
    `declare function condense(meta: object): object;
// Runs inside a fire-and-forget then-callback where a throw would become an
// unhandled rejection, so a failed condense falls back to the uncondensed
// meta; the resolution path condenses the same document and reports its errors.
function settledEntry(result: { meta: object }): { meta: object } {
  let meta = result.meta;
  try {
    meta = condense(result.meta);
  } catch {}
  return { ...result, meta };
}
export { settledEntry };`,
    // a DOM selector query whose only failure is a selector that does not parse — formbricks packages/js-core/src/lib/common/utils.ts:325
    `export function matchesTarget(target: HTMLElement, cssSelector: string): boolean {
  let matchesDirectly = false;
  try {
    matchesDirectly = target.matches(cssSelector);
  } catch {
    matchesDirectly = false;
  }
  return matchesDirectly || target.closest(cssSelector) !== null;
}`,
    // the same with querySelectorAll — stagehand packages/extension/dom/locatorScripts/counts.ts (in-page counters)
    `export function countMatches(root: ParentNode, selector: string): number {
  try {
    return root.querySelectorAll(selector).length;
  } catch {
    return 0;
  }
}`,
    // a semver comparison fails only on a version that does not parse — pnpm worker/src/equalOrSemverEqual.ts:7
    `import semver from 'semver';
export function equalOrSemverEqual(version1: string, version2: string): boolean {
  if (version1 === version2) return true;
  try {
    return semver.eq(version1, version2, { loose: true });
  } catch {
    return false;
  }
}`,
    // a top-level helper of the same file that only computes is read as if inline — pnpm pnpm/src/cmd/doctor.ts:414
    `import fs from 'node:fs';
import path from 'node:path';
const areSameDir = (a: string, b: string): boolean => a !== '' && b !== '' && path.relative(a, b) === '';
export async function dirIsInPath(dir: string, pathEnv: string): Promise<boolean> {
  const dirs = pathEnv.split(path.delimiter);
  try {
    const real = await fs.promises.realpath(dir);
    return dirs.some((entry) => areSameDir(real, entry));
  } catch {
    return false;
  }
}`,
  ],
  invalid: [
    // a .finally() link on a promise nobody else observes
    {
      code: `declare function fetchLicense(): Promise<{ active: boolean }>;
export function refresh(): void {
  fetchLicense()
    .finally(() => {
      console.info('refreshed');
    })
    .catch(() => {});
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: ".catch() handler", detail: "it is empty", expected: "" },
          line: 7,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare function fetchLicense(): Promise<{ active: boolean }>;\nexport function refresh(): void {\n  fetchLicense()\n    .finally(() => {\n      console.info('refreshed');\n    })\n    .catch((error: unknown) => {\n      console.error('refresh: unexpected error from fetchLicense()', error);\n    });\n}" },
            { messageId: "logErrorSuggestion", output: "declare function fetchLicense(): Promise<{ active: boolean }>;\nexport function refresh(): void {\n  fetchLicense()\n    .finally(() => {\n      console.info('refreshed');\n    })\n    .catch((error) => { console.error('refresh: unexpected error', error); });\n}" },
          ],
        },
      ],
    },
    // a body read whose default is the result, not a detail for a throw
    {
      code: `export async function readBody(response: Response): Promise<string> {
  let text = '';
  try {
    text = await response.text();
  } catch {}
  return text;
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "it is empty", expected: "" },
          line: 5,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "export async function readBody(response: Response): Promise<string> {\n  let text = '';\n  try {\n    text = await response.text();\n  } catch (error) {\n    console.error('readBody: unexpected error from response.text()', error);\n  }\n  return text;\n}" },
            { messageId: "logErrorSuggestion", output: "export async function readBody(response: Response): Promise<string> {\n  let text = '';\n  try {\n    text = await response.text();\n  } catch (error) { console.error('readBody: unexpected error', error); }\n  return text;\n}" },
            { messageId: "rethrowSuggestion", output: "export async function readBody(response: Response): Promise<string> {\n  let text = '';\n  try {\n    text = await response.text();\n  } catch (error) { throw error; }\n  return text;\n}" },
          ],
        },
      ],
    },
    // a throw that does not carry the read value
    {
      code: `export async function check(response: Response): Promise<never> {
  let text = '';
  try {
    text = await response.text();
  } catch {}
  console.info(text);
  throw new Error(\`Request failed with status \${response.status}\`);
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "it is empty", expected: "" },
          line: 5,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "export async function check(response: Response): Promise<never> {\n  let text = '';\n  try {\n    text = await response.text();\n  } catch (error) {\n    console.error('check: unexpected error from response.text()', error);\n  }\n  console.info(text);\n  throw new Error(`Request failed with status ${response.status}`);\n}" },
            { messageId: "logErrorSuggestion", output: "export async function check(response: Response): Promise<never> {\n  let text = '';\n  try {\n    text = await response.text();\n  } catch (error) { console.error('check: unexpected error', error); }\n  console.info(text);\n  throw new Error(`Request failed with status ${response.status}`);\n}" },
            { messageId: "rethrowSuggestion", output: "export async function check(response: Response): Promise<never> {\n  let text = '';\n  try {\n    text = await response.text();\n  } catch (error) { throw error; }\n  console.info(text);\n  throw new Error(`Request failed with status ${response.status}`);\n}" },
          ],
        },
      ],
    },
    // a handler that does other work than leaving the default
    {
      code: `declare const cache: { clear(): Promise<void> };
export async function check(response: Response): Promise<never> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    await cache.clear();
  }
  throw new Error(\`Request failed: \${text}\`);
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 8 carries on without logging or rethrowing it", expected: "" },
          line: 6,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare const cache: { clear(): Promise<void> };\nexport async function check(response: Response): Promise<never> {\n  let text = '';\n  try {\n    text = await response.text();\n  } catch (error) {\n    await cache.clear();\n    console.error('check: unexpected error from response.text()', error);\n  }\n  throw new Error(`Request failed: ${text}`);\n}" },
            { messageId: "logErrorSuggestion", output: "declare const cache: { clear(): Promise<void> };\nexport async function check(response: Response): Promise<never> {\n  let text = '';\n  try {\n    text = await response.text();\n  } catch (error) {\n    await cache.clear();\n    console.error('check: unexpected error', error);\n  }\n  throw new Error(`Request failed: ${text}`);\n}" },
            { messageId: "rethrowSuggestion", output: "declare const cache: { clear(): Promise<void> };\nexport async function check(response: Response): Promise<never> {\n  let text = '';\n  try {\n    text = await response.text();\n  } catch (error) {\n    await cache.clear();\n    throw error;\n  }\n  throw new Error(`Request failed: ${text}`);\n}" },
          ],
        },
      ],
    },
    // a // comment above the function that gives no reason
    {
      code: `declare function condense(meta: object): object;
// Condenses the metadata of a settled fetch before it is cached.
function settledEntry(result: { meta: object }): { meta: object } {
  let meta = result.meta;
  try {
    meta = condense(result.meta);
  } catch {}
  return { ...result, meta };
}
export { settledEntry };`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "it is empty", expected: "" },
          line: 7,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare function condense(meta: object): object;\n// Condenses the metadata of a settled fetch before it is cached.\nfunction settledEntry(result: { meta: object }): { meta: object } {\n  let meta = result.meta;\n  try {\n    meta = condense(result.meta);\n  } catch (error) {\n    console.error('settledEntry: unexpected error from condense()', error);\n  }\n  return { ...result, meta };\n}\nexport { settledEntry };" },
            { messageId: "logErrorSuggestion", output: "declare function condense(meta: object): object;\n// Condenses the metadata of a settled fetch before it is cached.\nfunction settledEntry(result: { meta: object }): { meta: object } {\n  let meta = result.meta;\n  try {\n    meta = condense(result.meta);\n  } catch (error) { console.error('settledEntry: unexpected error', error); }\n  return { ...result, meta };\n}\nexport { settledEntry };" },
            { messageId: "rethrowSuggestion", output: "declare function condense(meta: object): object;\n// Condenses the metadata of a settled fetch before it is cached.\nfunction settledEntry(result: { meta: object }): { meta: object } {\n  let meta = result.meta;\n  try {\n    meta = condense(result.meta);\n  } catch (error) { throw error; }\n  return { ...result, meta };\n}\nexport { settledEntry };" },
          ],
        },
      ],
    },
    // an awaited querySelector is a round trip (Playwright's page.querySelector)
    {
      code: `declare const page: { querySelector(s: string): Promise<unknown> };
export async function find(selector: string): Promise<unknown> {
  try {
    return await page.querySelector(selector);
  } catch {
    return null;
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 6 returns null without logging or rethrowing it", expected: "" },
          line: 5,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare const page: { querySelector(s: string): Promise<unknown> };\nexport async function find(selector: string): Promise<unknown> {\n  try {\n    return await page.querySelector(selector);\n  } catch (error) {\n    console.error('find: unexpected error from page.querySelector()', error);\n    return null;\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "declare const page: { querySelector(s: string): Promise<unknown> };\nexport async function find(selector: string): Promise<unknown> {\n  try {\n    return await page.querySelector(selector);\n  } catch (error) {\n    console.error('find: unexpected error', error);\n    return null;\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "declare const page: { querySelector(s: string): Promise<unknown> };\nexport async function find(selector: string): Promise<unknown> {\n  try {\n    return await page.querySelector(selector);\n  } catch (error) {\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
    // a query next to work on what it found (node.remove())
    {
      code: `export function clear(root: ParentNode, token: string): void {
  try {
    root.querySelectorAll(\`[data-token="\${token}"]\`).forEach((node) => node.remove());
  } catch {
    // ignore
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "it is empty and its comment gives no reason", expected: "" },
          line: 4,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "export function clear(root: ParentNode, token: string): void {\n  try {\n    root.querySelectorAll(`[data-token=\"${token}\"]`).forEach((node) => node.remove());\n  } catch (error) {\n    // ignore\n    console.error('clear: unexpected error from root.querySelectorAll()', error);\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "export function clear(root: ParentNode, token: string): void {\n  try {\n    root.querySelectorAll(`[data-token=\"${token}\"]`).forEach((node) => node.remove());\n  } catch (error) {\n    // ignore\n    console.error('clear: unexpected error', error);\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "export function clear(root: ParentNode, token: string): void {\n  try {\n    root.querySelectorAll(`[data-token=\"${token}\"]`).forEach((node) => node.remove());\n  } catch (error) {\n    // ignore\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
    // a querySelector chained with .catch is a promise, not a DOM query
    {
      code: `declare const page: { querySelector(s: string): Promise<unknown> };
export function find(selector: string): Promise<unknown> {
  return page.querySelector(selector).catch(() => null);
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: ".catch() handler", detail: "the path ending at line 3 returns null without logging or rethrowing it", expected: "" },
          line: 3,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare const page: { querySelector(s: string): Promise<unknown> };\nexport function find(selector: string): Promise<unknown> {\n  return page.querySelector(selector).catch((error: unknown) => {\n    console.error('find: unexpected error from page.querySelector()', error);\n    return null;\n  });\n}" },
            { messageId: "logErrorSuggestion", output: "declare const page: { querySelector(s: string): Promise<unknown> };\nexport function find(selector: string): Promise<unknown> {\n  return page.querySelector(selector).catch((error) => { console.error('find: unexpected error', error); return null; });\n}" },
          ],
        },
      ],
    },
    // a helper that also calls out (notify) is not a computation
    {
      code: `import fs from 'node:fs';
import path from 'node:path';
declare function notify(dir: string): void;
const sameDirOrNotify = (a: string, b: string): boolean => { notify(a); return path.relative(a, b) === ''; };
export async function dirIsInPath(dir: string, pathEnv: string): Promise<boolean> {
  const dirs = pathEnv.split(path.delimiter);
  try {
    const real = await fs.promises.realpath(dir);
    return dirs.some((entry) => sameDirOrNotify(real, entry));
  } catch {
    return false;
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 11 returns false without logging or rethrowing it", expected: "" },
          line: 10,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "import fs from 'node:fs';\nimport path from 'node:path';\ndeclare function notify(dir: string): void;\nconst sameDirOrNotify = (a: string, b: string): boolean => { notify(a); return path.relative(a, b) === ''; };\nexport async function dirIsInPath(dir: string, pathEnv: string): Promise<boolean> {\n  const dirs = pathEnv.split(path.delimiter);\n  try {\n    const real = await fs.promises.realpath(dir);\n    return dirs.some((entry) => sameDirOrNotify(real, entry));\n  } catch (error) {\n    if (error instanceof Error && 'code' in error && typeof error.code === 'string' && ['ENOENT', 'EACCES', 'EISDIR'].includes(error.code)) {\n      console.warn('dirIsInPath: promises.realpath() failed', error);\n    } else {\n      console.error('dirIsInPath: unexpected error from promises.realpath()', error);\n    }\n    return false;\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "import fs from 'node:fs';\nimport path from 'node:path';\ndeclare function notify(dir: string): void;\nconst sameDirOrNotify = (a: string, b: string): boolean => { notify(a); return path.relative(a, b) === ''; };\nexport async function dirIsInPath(dir: string, pathEnv: string): Promise<boolean> {\n  const dirs = pathEnv.split(path.delimiter);\n  try {\n    const real = await fs.promises.realpath(dir);\n    return dirs.some((entry) => sameDirOrNotify(real, entry));\n  } catch (error) {\n    console.error('dirIsInPath: unexpected error', error);\n    return false;\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "import fs from 'node:fs';\nimport path from 'node:path';\ndeclare function notify(dir: string): void;\nconst sameDirOrNotify = (a: string, b: string): boolean => { notify(a); return path.relative(a, b) === ''; };\nexport async function dirIsInPath(dir: string, pathEnv: string): Promise<boolean> {\n  const dirs = pathEnv.split(path.delimiter);\n  try {\n    const real = await fs.promises.realpath(dir);\n    return dirs.some((entry) => sameDirOrNotify(real, entry));\n  } catch (error) {\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
    // a semver call over awaited I/O: the read can fail
    {
      code: `declare const db: { versions(): Promise<string[]> };
import semver from 'semver';
export async function latest(): Promise<string | null> {
  try {
    return semver.maxSatisfying(await db.versions(), '*');
  } catch {
    return null;
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 7 returns null without logging or rethrowing it", expected: "" },
          line: 6,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare const db: { versions(): Promise<string[]> };\nimport semver from 'semver';\nexport async function latest(): Promise<string | null> {\n  try {\n    return semver.maxSatisfying(await db.versions(), '*');\n  } catch (error) {\n    console.error('latest: unexpected error from db.versions()', error);\n    return null;\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "declare const db: { versions(): Promise<string[]> };\nimport semver from 'semver';\nexport async function latest(): Promise<string | null> {\n  try {\n    return semver.maxSatisfying(await db.versions(), '*');\n  } catch (error) {\n    console.error('latest: unexpected error', error);\n    return null;\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "declare const db: { versions(): Promise<string[]> };\nimport semver from 'semver';\nexport async function latest(): Promise<string | null> {\n  try {\n    return semver.maxSatisfying(await db.versions(), '*');\n  } catch (error) {\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-broad-catch: test-utility directories named testing (audit 7)', noBroadCatch, {
  valid: [
    // a testing/ directory holds test utilities — novu libs/testing/src/test-server.service.ts:21 (4 findings)
    { filename: "libs/testing/src/test-server.service.ts", code: `export class TestServer {
  private app: { close(): Promise<void> } | undefined;
  async teardown(): Promise<void> {
    try {
      if (this.app) await this.app.close();
    } catch (error: any) {
      console.error('Error when closing TestServer', error.message);
    }
  }
}` },
  ],
  invalid: [
    // a directory whose name only ends in -testing (a product feature) is not test code
    {
      filename: "src/features/ab-testing/assign.ts",
      code: `declare const store: { save(variant: string): Promise<void> };
export async function assign(variant: string): Promise<void> {
  try {
    await store.save(variant);
  } catch (error: any) {
    console.error('Could not save the variant', error.message);
  }
}`,
      errors: [
        {
          messageId: 'broadCatch', data: { handler: "catch clause", which: "the path", line: "7", action: "carries on", note: "; the log call at line 6 does not receive the error object", more: "", expected: "" },
          line: 5,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare const store: { save(variant: string): Promise<void> };\nexport async function assign(variant: string): Promise<void> {\n  try {\n    await store.save(variant);\n  } catch (error: any) {\n    console.error('Could not save the variant', error.message, error);\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "declare const store: { save(variant: string): Promise<void> };\nexport async function assign(variant: string): Promise<void> {\n  try {\n    await store.save(variant);\n  } catch (error: any) {\n    console.error('Could not save the variant', error.message, error);\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "declare const store: { save(variant: string): Promise<void> };\nexport async function assign(variant: string): Promise<void> {\n  try {\n    await store.save(variant);\n  } catch (error: any) {\n    console.error('Could not save the variant', error.message);\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
  ],
});
