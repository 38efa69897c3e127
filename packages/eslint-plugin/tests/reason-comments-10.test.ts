// Reason comments (issue #3, reason comments 10): a comment above the statement that holds a handler which keeps
// nothing of the error but does work counts only when it speaks of the failure or of the decision to drop it; above
// `try { a() } catch { b() }` such a comment usually says what `a()` does. Each invalid case is a handler the
// before/after diff newly reports (source named in its comment); each valid case an exemption that must stay.
import { afterAll, describe, it } from 'vitest';
import { RuleTester } from '@typescript-eslint/rule-tester';
import noBroadCatch from '../src/rules/no-broad-catch.js';
import noSilentCatch from '../src/rules/no-silent-catch.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester();

ruleTester.run('no-silent-catch: a comment on what the code does is not a reason to drop the error (reason comments 10)', noSilentCatch, {
  valid: [
    // a comment above the try that speaks of the failure still exempts a handler that does work — karakeep packages/trpc/routers/bookmarks.ts:234
    `declare const rateLimiter: { check(id: string): Promise<{ allowed: boolean }> };
export async function isRateLimited(userId: string): Promise<boolean> {
  let limited = false;
  // Don't block bookmark creation when rate limiting is unavailable
  try {
    limited = !(await rateLimiter.check(userId)).allowed;
  } catch {
    limited = false;
  }
  return limited;
}`,
    // a comment above an empty handler's best-effort call still counts: the call it describes is the reason — playwright packages/playwright-core/src/server/debugController.ts:136
    `declare const pages: { hideHighlights(): Promise<void> }[];
export async function hideAll(): Promise<void> {
  // Hide all locator highlights
  await Promise.all(pages.map((page) => page.hideHighlights().catch(() => {})));
}`,
    // likewise above a handler that only yields a constant (`() => null`) …
    `declare const presenter: { call(id: string): Promise<string[]> };
export async function loader(id: string): Promise<string[] | null> {
  // The usage bar reads the schedule list directly
  const schedules = await presenter.call(id).catch(() => null);
  return schedules;
}`,
    // a reason above the `if` that holds the try
    `import { execSync } from 'node:child_process';
export function directVersion(name: string | undefined, latest: string): string {
  let version = latest;
  // If pnpm cannot resolve the package, keep the latest version
  if (name) {
    try {
      version = execSync(\`pnpm view "\${name}" version\`, { encoding: 'utf-8' }).trim();
    } catch (e) {
      version = latest;
    }
  }
  return version;
}`,
    // a user's `allowComment` pattern decides alone
    { code: `declare function fetchItems(parentId: string): Promise<string[]>;
declare function setColumns(columns: string[]): void;
export async function openFolder(itemId: string): Promise<void> {
  // ok: the folder view shows an empty column
  try {
    setColumns(await fetchItems(itemId));
  } catch {
    setColumns([]);
  }
}`, options: [{"allowComment": "^ok: "}] },
    // … or only returns one (`catch { return false }`)
    `declare function duplicatePoints(ids: string[]): void;
export function duplicate(ids: string[], editing: boolean): boolean {
  // Duplicate the selected points of the line being edited
  if (editing) {
    try {
      duplicatePoints(ids);
      return true;
    } catch {
      return false;
    }
  }
  return false;
}`,
  ],
  invalid: [
    // a comment on what the try block does, above a handler that keeps nothing of the error but does work — payload packages/ui/src/elements/Hierarchy/ColumnBrowser/index.tsx:380
    {
      code: `declare function fetchItems(parentId: string): Promise<string[]>;
declare function setColumns(columns: string[]): void;
export async function openFolder(itemId: string): Promise<void> {
  // Fetch children
  try {
    const items = await fetchItems(itemId);
    setColumns(items);
  } catch {
    setColumns([]);
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 10 carries on without logging or rethrowing it", expected: "" },
          line: 8,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare function fetchItems(parentId: string): Promise<string[]>;\ndeclare function setColumns(columns: string[]): void;\nexport async function openFolder(itemId: string): Promise<void> {\n  // Fetch children\n  try {\n    const items = await fetchItems(itemId);\n    setColumns(items);\n  } catch (error) {\n    setColumns([]);\n    console.error('openFolder: unexpected error from fetchItems()', error);\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "declare function fetchItems(parentId: string): Promise<string[]>;\ndeclare function setColumns(columns: string[]): void;\nexport async function openFolder(itemId: string): Promise<void> {\n  // Fetch children\n  try {\n    const items = await fetchItems(itemId);\n    setColumns(items);\n  } catch (error) {\n    setColumns([]);\n    console.error('openFolder: unexpected error', error);\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "declare function fetchItems(parentId: string): Promise<string[]>;\ndeclare function setColumns(columns: string[]): void;\nexport async function openFolder(itemId: string): Promise<void> {\n  // Fetch children\n  try {\n    const items = await fetchItems(itemId);\n    setColumns(items);\n  } catch (error) {\n    setColumns([]);\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
    // a step label above the try; the failure's reason (git's stderr) is lost — trigger.dev internal-packages/otlp-importer/scripts/submodule.mjs:17
    {
      code: `declare function execPromise(command: string): Promise<{ stdout: string }>;
export async function syncSubmodules(): Promise<void> {
  // submodule sync
  try {
    const { stdout } = await execPromise('git submodule sync --recursive');
    console.log(stdout);
  } catch (_error) {
    console.error('Error during submodule sync.');
    process.exit(1);
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 9 exits the process without logging or rethrowing it; the log call at line 8 does not receive the error object", expected: "" },
          line: 7,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare function execPromise(command: string): Promise<{ stdout: string }>;\nexport async function syncSubmodules(): Promise<void> {\n  // submodule sync\n  try {\n    const { stdout } = await execPromise('git submodule sync --recursive');\n    console.log(stdout);\n  } catch (error) {\n    console.error('Error during submodule sync.', error);\n    process.exit(1);\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "declare function execPromise(command: string): Promise<{ stdout: string }>;\nexport async function syncSubmodules(): Promise<void> {\n  // submodule sync\n  try {\n    const { stdout } = await execPromise('git submodule sync --recursive');\n    console.log(stdout);\n  } catch (_error) {\n    console.error('Error during submodule sync.', _error);\n    process.exit(1);\n  }\n}" },
          ],
        },
      ],
    },
    // a comment on what the guarded block computes, above the `if` that holds the try — payload scripts/audit-dependencies.mjs:244
    {
      code: `import { execSync } from 'node:child_process';
export function directVersion(name: string | undefined, latest: string): string {
  let version = latest;
  // Find the version of the direct dependency that includes the fix
  if (name) {
    try {
      version = execSync(\`pnpm view "\${name}" version\`, { encoding: 'utf-8' }).trim();
    } catch (e) {
      version = latest;
    }
  }
  return version;
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 10 carries on without logging or rethrowing it", expected: "" },
          line: 8,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "import { execSync } from 'node:child_process';\nexport function directVersion(name: string | undefined, latest: string): string {\n  let version = latest;\n  // Find the version of the direct dependency that includes the fix\n  if (name) {\n    try {\n      version = execSync(`pnpm view \"${name}\" version`, { encoding: 'utf-8' }).trim();\n    } catch (e) {\n      version = latest;\n      console.error('directVersion: unexpected error from execSync()', e);\n    }\n  }\n  return version;\n}" },
            { messageId: "logErrorSuggestion", output: "import { execSync } from 'node:child_process';\nexport function directVersion(name: string | undefined, latest: string): string {\n  let version = latest;\n  // Find the version of the direct dependency that includes the fix\n  if (name) {\n    try {\n      version = execSync(`pnpm view \"${name}\" version`, { encoding: 'utf-8' }).trim();\n    } catch (e) {\n      version = latest;\n      console.error('directVersion: unexpected error', e);\n    }\n  }\n  return version;\n}" },
            { messageId: "rethrowSuggestion", output: "import { execSync } from 'node:child_process';\nexport function directVersion(name: string | undefined, latest: string): string {\n  let version = latest;\n  // Find the version of the direct dependency that includes the fix\n  if (name) {\n    try {\n      version = execSync(`pnpm view \"${name}\" version`, { encoding: 'utf-8' }).trim();\n    } catch (e) {\n      version = latest;\n      throw e;\n    }\n  }\n  return version;\n}" },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-broad-catch: the comment gate is for handlers that discard the error (reason comments 10)', noBroadCatch, {
  valid: [
    // a handler that logs the error (here below the minimum level) is judged by what it does with it, not by the comment above — linkwarden apps/web/lib/api/controllers/users/userId/deleteUserById.ts:261
    `declare const prisma: { $transaction(work: () => Promise<void>): Promise<void> };
declare function deleteLinks(userId: number): Promise<void>;
export async function deleteUser(userId: number): Promise<{ status: number }> {
  // Delete the user and all related data within a transaction
  await prisma
    .$transaction(async () => {
      await deleteLinks(userId);
    })
    .catch((err) => console.log(err));
  return { status: 200 };
}`,
  ],
  invalid: [],
});

// Found while measuring: `.catch(onError)` with `onError` a parameter was followed to the function that declares the
// parameter (a parameter's definition node), whose body was then analysed as the handler, its comments read as
// the handler's — playwright packages/playwright-core/src/tools/trace/traceCli.ts:33 (12 handlers), stagehand
// packages/extension/service-worker-lifecycle/heartbeat-manager.ts:81.
ruleTester.run('no-broad-catch: a handler passed in as a parameter is not the function that declares it', noBroadCatch, {
  valid: [
    // before: "the path at line 6 carries on", line 6 being the end of addCommands
    `declare function open(t: string): Promise<void>;
export function addCommands(run: (cb: () => void) => void, logErrorAndExit: (e: Error) => void) {
  run(() => {
    open('x').catch(logErrorAndExit);
  });
}`,
  ],
  invalid: [],
});
