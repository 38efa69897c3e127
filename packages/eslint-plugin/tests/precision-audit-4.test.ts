// Fourth precision audit (nuxt, unleash, trpc, prisma): each valid case is a minimal rewrite of a deliberate
// handler the audit found reported (source named in its comment), each invalid case the neighbouring defect
// shape that must keep being reported.
import { afterAll, describe, it } from 'vitest';
import { RuleTester } from '@typescript-eslint/rule-tester';
import noSilentCatch from '../src/rules/no-silent-catch.js';
import logErrorObject from '../src/rules/log-error-object.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester();

ruleTester.run('no-silent-catch: body parses and literal defaults (audit 4)', noSilentCatch, {
  valid: [
    // the body of a failed response that is not JSON -> its status text — unleash frontend/src/hooks/api/getters/httpErrorResponseHandler.ts:18
    `export async function parseErrorResponse(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    return res.statusText;
  }
}`,
    // the same read on a clone, as a chain (logto experience/src/pages/Device/utils.ts, audit 3)
    `export async function describeFailure(response: Response): Promise<unknown> {
  return response.clone().json().catch(() => undefined);
}`,
    // the request body that is not JSON -> 400 — prisma examples/retail-store/app/api/orders/[id]/route.ts:46
    `import { NextResponse } from 'next/server';
export async function PATCH(req: Request) {
  let body: { status: string };
  try {
    const raw = await req.json();
    if (typeof raw?.status !== 'string') {
      return NextResponse.json({ error: 'Missing required field: status' }, { status: 400 });
    }
    body = raw;
  } catch {
    return NextResponse.json({ error: 'Invalid request body' }, { status: 400 });
  }
  return NextResponse.json(body);
}`,
    // an optional file that is absent -> a status object of literals — prisma skills/…/strip-migration-labels-hints.ts:277
    `import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
export async function stripHints(path: string) {
  const opsPath = join(dirname(path), 'ops.json');
  let ops: unknown;
  try {
    ops = JSON.parse(await readFile(opsPath, 'utf-8'));
  } catch {
    return { path, status: 'skipped-no-ops' };
  }
  return { path, status: 'rewritten', ops };
}`,
    // the same with an array of such objects — prisma skills/…/strip-sha256-hash-prefixes.ts:268
    `import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
export async function stripPrefixes(manifestPath: string) {
  let opsRaw: string;
  try {
    opsRaw = await readFile(join(dirname(manifestPath), 'ops.json'), 'utf-8');
  } catch {
    return [{ path: manifestPath, status: 'skipped-no-ops' }];
  }
  return [{ path: manifestPath, status: 'rewritten', size: opsRaw.length }];
}`,
  ],
  invalid: [
    // a fetch whose body is parsed in the chain: the fetch's failure is I/O, not an invalid body
    {
      code: `export async function loadCount(url: string): Promise<number | null> {
  return fetch(url).then((res) => res.json()).catch(() => null);
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: ".catch() handler", detail: "the path ending at line 2 returns null without logging or rethrowing it", expected: "" },
          line: 2,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "export async function loadCount(url: string): Promise<number | null> {\n  return fetch(url).then((res) => res.json()).catch((error: unknown) => {\n    if (error instanceof TypeError || (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError'))) {\n      console.warn('loadCount: fetch() failed', error);\n    } else {\n      console.error('loadCount: unexpected error from fetch()', error);\n    }\n    return null;\n  });\n}" },
            { messageId: "logErrorSuggestion", output: "export async function loadCount(url: string): Promise<number | null> {\n  return fetch(url).then((res) => res.json()).catch((error) => { console.error('loadCount: unexpected error', error); return null; });\n}" },
          ],
        },
      ],
    },
    // a fetch and the body read in one try block
    {
      code: `export async function loadUser(url: string) {
  try {
    const res = await fetch(url);
    return await res.json();
  } catch {
    return { id: null };
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 6 returns { id: null } without logging or rethrowing it", expected: "" },
          line: 5,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "export async function loadUser(url: string) {\n  try {\n    const res = await fetch(url);\n    return await res.json();\n  } catch (error) {\n    if (error instanceof TypeError || (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError'))) {\n      console.warn('loadUser: fetch() failed', error);\n    } else {\n      console.error('loadUser: unexpected error from fetch()', error);\n    }\n    return { id: null };\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "export async function loadUser(url: string) {\n  try {\n    const res = await fetch(url);\n    return await res.json();\n  } catch (error) {\n    console.error('loadUser: unexpected error', error);\n    return { id: null };\n  }\n}" },
          ],
        },
      ],
    },
    // an object of literals after a database write is still a default after I/O
    {
      code: `declare const db: { insert(row: unknown): Promise<void> };
export async function save(row: unknown) {
  try {
    await db.insert(row);
    return { saved: true };
  } catch {
    return { saved: false };
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 7 returns { saved: false } without logging or rethrowing it", expected: "" },
          line: 6,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare const db: { insert(row: unknown): Promise<void> };\nexport async function save(row: unknown) {\n  try {\n    await db.insert(row);\n    return { saved: true };\n  } catch (error) {\n    console.error('save: unexpected error from db.insert()', error);\n    return { saved: false };\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "declare const db: { insert(row: unknown): Promise<void> };\nexport async function save(row: unknown) {\n  try {\n    await db.insert(row);\n    return { saved: true };\n  } catch (error) {\n    console.error('save: unexpected error', error);\n    return { saved: false };\n  }\n}" },
          ],
        },
      ],
    },
    // an object with a computed value is not a default
    {
      code: `import { readFile } from 'node:fs/promises';
declare function describeMissing(path: string): string;
export async function readOps(path: string) {
  try {
    return JSON.parse(await readFile(path, 'utf-8'));
  } catch {
    return { path, status: describeMissing(path) };
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 7 returns { path, status: describeMissing(path) } without logging or rethrowing it", expected: "" },
          line: 6,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "import { readFile } from 'node:fs/promises';\ndeclare function describeMissing(path: string): string;\nexport async function readOps(path: string) {\n  try {\n    return JSON.parse(await readFile(path, 'utf-8'));\n  } catch (error) {\n    if (error instanceof SyntaxError || (error instanceof Error && 'code' in error && typeof error.code === 'string' && ['ENOENT', 'EACCES', 'EISDIR'].includes(error.code))) {\n      console.warn('readOps: JSON.parse() failed', error);\n    } else {\n      console.error('readOps: unexpected error from JSON.parse()', error);\n    }\n    return { path, status: describeMissing(path) };\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "import { readFile } from 'node:fs/promises';\ndeclare function describeMissing(path: string): string;\nexport async function readOps(path: string) {\n  try {\n    return JSON.parse(await readFile(path, 'utf-8'));\n  } catch (error) {\n    console.error('readOps: unexpected error', error);\n    return { path, status: describeMissing(path) };\n  }\n}" },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('log-error-object: the object logged on the same path (audit 4)', logErrorObject, {
  valid: [
    // the error object is logged on the same path; the JSON of its response is a supplement — prisma .github/workflows/scripts/auto-close-github-discussions.mjs:284
    `declare function post(): Promise<void>;
export async function closeAll() {
  try {
    await post();
  } catch (error: any) {
    console.error('Error processing discussions:', error);
    if (error.response) console.error(JSON.stringify(error.response, null, 2));
  }
}`,
    // the text line before the object at error level
    `declare const logger: { error(...args: unknown[]): void; warn(...args: unknown[]): void };
declare function sync(): Promise<void>;
export async function run() {
  try {
    await sync();
  } catch (err: any) {
    logger.warn(\`sync failed: \${err.message}\`);
    logger.error(err);
  }
}`,
  ],
  invalid: [
    // the object only at debug (below the minimum level): the text at error is what is seen
    {
      code: `declare const logger: { error(...args: unknown[]): void; debug(...args: unknown[]): void };
declare function sync(): Promise<void>;
export async function run() {
  try {
    await sync();
  } catch (err: any) {
    logger.debug('sync failed', err);
    logger.error(\`sync failed: \${err.message}\`);
  }
}`,
      errors: [
        {
          messageId: 'logErrorObject', data: { level: "error" },
          line: 8,
          suggestions: [
            { messageId: "passErrorSuggestion", output: "declare const logger: { error(...args: unknown[]): void; debug(...args: unknown[]): void };\ndeclare function sync(): Promise<void>;\nexport async function run() {\n  try {\n    await sync();\n  } catch (err: any) {\n    logger.debug('sync failed', err);\n    logger.error(`sync failed: ${err.message}`, err);\n  }\n}" },
          ],
        },
      ],
    },
    // the object logged on one path only: the path without it keeps the report
    {
      code: `declare function post(): Promise<void>;
export async function closeAll(verbose: boolean) {
  try {
    await post();
  } catch (error: any) {
    if (verbose) console.error('Error processing discussions:', error);
    console.error(\`Error: \${error.message}\`);
  }
}`,
      errors: [
        {
          messageId: 'logErrorObject', data: { level: "error" },
          line: 7,
          suggestions: [
            { messageId: "passErrorSuggestion", output: "declare function post(): Promise<void>;\nexport async function closeAll(verbose: boolean) {\n  try {\n    await post();\n  } catch (error: any) {\n    if (verbose) console.error('Error processing discussions:', error);\n    console.error(`Error: ${error.message}`, error);\n  }\n}" },
          ],
        },
      ],
    },
  ],
});


ruleTester.run('no-silent-catch: speculative loading (audit 4)', noSilentCatch, {
  valid: [
    // the guarded call is a preload — nuxt packages/nuxt/src/app/plugins/island-link-navigation.client.ts:80
    `declare function preloadRouteComponents(path: string): Promise<void>;
export function onVisible(path: string) {
  preloadRouteComponents(path).catch(() => {});
}`,
    // a hook named for prefetching — nuxt island-link-navigation.client.ts:78
    `declare const hooks: { callHook(name: string, url: string): Promise<void> | undefined };
export function onVisible(url: string) {
  hooks.callHook('link:prefetch', url)?.catch(() => {});
}`,
    // inside a prefetch function — nuxt packages/nuxt/src/app/components/nuxt-link.ts:485
    `declare function loadComponent(): Promise<unknown>;
export async function prefetch(): Promise<void> {
  await loadComponent().catch(() => {});
}`,
    // inside the callback of a prefetch hook; the diagnostic names the URL — nuxt packages/nuxt/src/app/plugins/payload.client.ts:62
    `declare const hooks: { hook(name: string, fn: (url: string) => Promise<void>): void };
declare function loadPayload(url: string): Promise<unknown>;
declare const diagnostics: { payloadPrefetchFailed(data: { url: string }): void };
hooks.hook('link:prefetch', async (url) => {
  const payload = await loadPayload(url).catch(() => {
    diagnostics.payloadPrefetchFailed({ url });
  });
  console.log(payload);
});`,
  ],
  invalid: [
    // a write next to a prefetch is not speculative
    {
      code: `declare function prefetchDocument(id: string): Promise<void>;
declare function saveDraft(id: string): Promise<void>;
export function onHover(id: string) {
  prefetchDocument(id).catch(() => {});
  saveDraft(id).catch(() => {});
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: ".catch() handler", detail: "it is empty", expected: "" },
          line: 5,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare function prefetchDocument(id: string): Promise<void>;\ndeclare function saveDraft(id: string): Promise<void>;\nexport function onHover(id: string) {\n  prefetchDocument(id).catch(() => {});\n  saveDraft(id).catch((error: unknown) => {\n    console.error('onHover: unexpected error from saveDraft()', error);\n  });\n}" },
            { messageId: "logErrorSuggestion", output: "declare function prefetchDocument(id: string): Promise<void>;\ndeclare function saveDraft(id: string): Promise<void>;\nexport function onHover(id: string) {\n  prefetchDocument(id).catch(() => {});\n  saveDraft(id).catch((error) => { console.error('onHover: unexpected error', error); });\n}" },
          ],
        },
      ],
    },
    // a name that only starts like one (preloaded) is not a preload
    {
      code: `declare const db: { load(id: string): Promise<unknown> };
export async function preloaded(id: string) {
  return db.load(id).catch(() => null);
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: ".catch() handler", detail: "the path ending at line 3 returns null without logging or rethrowing it", expected: "" },
          line: 3,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare const db: { load(id: string): Promise<unknown> };\nexport async function preloaded(id: string) {\n  return db.load(id).catch((error: unknown) => {\n    console.error('preloaded: unexpected error from db.load()', error);\n    return null;\n  });\n}" },
            { messageId: "logErrorSuggestion", output: "declare const db: { load(id: string): Promise<unknown> };\nexport async function preloaded(id: string) {\n  return db.load(id).catch((error) => { console.error('preloaded: unexpected error', error); return null; });\n}" },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-silent-catch: a failed child process that ends the program (audit 4)', noSilentCatch, {
  valid: [
    // a failed `docker ps` ends the program with a message — uptime-kuma extra/release/lib.mjs:78 (audited tree, not sampled)
    `import { execSync } from 'node:child_process';
export function checkDocker(): void {
  try {
    execSync('docker ps');
  } catch {
    console.error('Docker is not running. Please start docker and try again.');
    process.exit(1);
  }
}`,
    // the same through a local wrapper of execFileSync — prisma scripts/lint-casts.mjs:80, lint-throws.mjs:90
    `import { execFileSync } from 'node:child_process';
function git(...args: string[]): string {
  return execFileSync('git', args, { encoding: 'utf-8', stdio: 'pipe' }).trim();
}
export function main(): void {
  try {
    git('rev-parse', 'origin/main');
  } catch {
    console.error('lint: origin/main is not available.');
    console.error('  Run: git fetch --no-tags origin main:refs/remotes/origin/main');
    process.exit(1);
  }
}`,
  ],
  invalid: [
    // not a child process: the shutdown error is lost behind the exit
    {
      code: `declare const app: { stop(): Promise<void> };
export async function shutdown(): Promise<void> {
  try {
    await app.stop();
  } catch {
    console.error('Unable to shut down. Hard exit!');
    process.exit(1);
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 7 exits the process without logging or rethrowing it; the log call at line 6 does not receive the error object", expected: "" },
          line: 5,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare const app: { stop(): Promise<void> };\nexport async function shutdown(): Promise<void> {\n  try {\n    await app.stop();\n  } catch (error) {\n    console.error('Unable to shut down. Hard exit!', error);\n    process.exit(1);\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "declare const app: { stop(): Promise<void> };\nexport async function shutdown(): Promise<void> {\n  try {\n    await app.stop();\n  } catch (error) {\n    console.error('Unable to shut down. Hard exit!', error);\n    process.exit(1);\n  }\n}" },
          ],
        },
      ],
    },
    // a child process whose failure is read as 'no files' and the program goes on
    {
      code: `import { execSync } from 'node:child_process';
export function changedFiles(): string[] {
  try {
    return execSync('git diff --name-only origin/main', { encoding: 'utf-8' }).split('\\n');
  } catch {
    return [];
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 6 returns [] without logging or rethrowing it", expected: "" },
          line: 5,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "import { execSync } from 'node:child_process';\nexport function changedFiles(): string[] {\n  try {\n    return execSync('git diff --name-only origin/main', { encoding: 'utf-8' }).split('\\n');\n  } catch (error) {\n    console.error('changedFiles: unexpected error from execSync()', error);\n    return [];\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "import { execSync } from 'node:child_process';\nexport function changedFiles(): string[] {\n  try {\n    return execSync('git diff --name-only origin/main', { encoding: 'utf-8' }).split('\\n');\n  } catch (error) {\n    console.error('changedFiles: unexpected error', error);\n    return [];\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "import { execSync } from 'node:child_process';\nexport function changedFiles(): string[] {\n  try {\n    return execSync('git diff --name-only origin/main', { encoding: 'utf-8' }).split('\\n');\n  } catch (error) {\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
  ],
});
