// Third precision audit (sveltejs/kit, outline, logto, drizzle-orm): each valid case is a minimal rewrite of
// a deliberate handler the audit found reported (source named in its comment), each invalid case the
// neighbouring defect shape that must keep being reported.
import { afterAll, describe, it } from 'vitest';
import { RuleTester } from '@typescript-eslint/rule-tester';
import noSilentCatch from '../src/rules/no-silent-catch.js';
import logErrorObject from '../src/rules/log-error-object.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester();

ruleTester.run('no-silent-catch: probes (audit 3)', noSilentCatch, {
  valid: [
    // zod's parseAsync is a parse: invalid rows are dropped — logto cli/src/commands/database/seed/oidc-config.ts:43
    `import { z } from 'zod';
const configGuard = z.object({ key: z.enum(['a', 'b']), value: z.unknown() });
declare const valueGuards: Record<'a' | 'b', z.ZodTypeAny>;
export async function validKeys(rows: unknown[]) {
  const keys = await Promise.all(
    rows.map(async (row) => {
      try {
        const { key, value } = await configGuard.parseAsync(row);
        await valueGuards[key].parseAsync(value);
        return key;
      } catch {}
    }),
  );
  return keys.filter(Boolean);
}`,
    // the same as a chain: not a Logto instance -> '' — logto packages/cli/src/utils.ts:190
    `import { z } from 'zod';
export async function packageName(text: string): Promise<string> {
  return z
    .object({ name: z.string() })
    .parseAsync(JSON.parse(text))
    .then(({ name }) => name)
    .catch(() => '');
}`,
    // a user-supplied pattern that does not compile -> invalid — logto account/.../validation.ts:78
    `export function formatError(value: string, format: string, invalid: string): string | undefined {
  try {
    return new RegExp(format).test(value) ? undefined : invalid;
  } catch {
    return invalid;
  }
}`,
    // an unsupported locale -> plain digits — outline app/utils/language.ts:18
    `export function formatNumber(value: number, locale: string) {
  try {
    return new Intl.NumberFormat(locale).format(value);
  } catch (_err) {
    return value.toString();
  }
}`,
    // a user agent the parser rejects -> undefined — logto core/src/middleware/koa-audit-log.ts:214
    `declare class UAParser { constructor(ua: string); getResult(): object }
export function parseAgent(userAgent: string) {
  try {
    return new UAParser(userAgent).getResult();
  } catch {}
}`,
    // an invalid URL has no file name — outline shared/utils/urls.ts:26
    `export function fileNameFromUrl(url: string) {
  try {
    const parsed = new URL(url);
    return parsed.pathname.split('/').pop();
  } catch (_err) {
    return;
  }
}`,
    // an invalid URL is handled as text — outline shared/utils/urls.ts:352
    `export function removeUrlFragment(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.toString();
  } catch (_err) {
    return url.split('#')[0];
  }
}`,
    // the same with a choice between two text fallbacks — outline shared/utils/urls.ts:373
    `export function removeUrlPathSuffix(url: string, suffix: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.pathname.endsWith(suffix)) {
      parsed.pathname = parsed.pathname.slice(0, -suffix.length);
    }
    return parsed.toString();
  } catch (_err) {
    return url.endsWith(suffix) ? url.slice(0, -suffix.length) : url;
  }
}`,
  ],
  invalid: [
    // a parse next to a database write: the write's failure is not "invalid"
    {
      code: "import { z } from 'zod';\ndeclare const db: { insert(row: unknown): Promise<void> };\nconst Row = z.object({ id: z.string() });\nexport async function importRow(input: unknown): Promise<boolean> {\n  try {\n    const row = await Row.parseAsync(input);\n    await db.insert(row);\n    return true;\n  } catch {\n    return false;\n  }\n}",
      errors: [
        {
          messageId: 'silentCatch',
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "import { z } from 'zod';\ndeclare const db: { insert(row: unknown): Promise<void> };\nconst Row = z.object({ id: z.string() });\nexport async function importRow(input: unknown): Promise<boolean> {\n  try {\n    const row = await Row.parseAsync(input);\n    await db.insert(row);\n    return true;\n  } catch (error) {\n    if (error instanceof z.ZodError) {\n      console.warn('importRow: Row.parseAsync() failed', error);\n    } else {\n      console.error('importRow: unexpected error from Row.parseAsync()', error);\n    }\n    return false;\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "import { z } from 'zod';\ndeclare const db: { insert(row: unknown): Promise<void> };\nconst Row = z.object({ id: z.string() });\nexport async function importRow(input: unknown): Promise<boolean> {\n  try {\n    const row = await Row.parseAsync(input);\n    await db.insert(row);\n    return true;\n  } catch (error) {\n    console.error('importRow: unexpected error', error);\n    return false;\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "import { z } from 'zod';\ndeclare const db: { insert(row: unknown): Promise<void> };\nconst Row = z.object({ id: z.string() });\nexport async function importRow(input: unknown): Promise<boolean> {\n  try {\n    const row = await Row.parseAsync(input);\n    await db.insert(row);\n    return true;\n  } catch (error) {\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
    // a fresh object whose read is awaited does I/O: not a probe
    {
      code: "declare class Pool { constructor(url: string); getConnection(): Promise<unknown> }\nexport async function connect(url: string) {\n  try {\n    return await new Pool(url).getConnection();\n  } catch {\n    return null;\n  }\n}",
      errors: [
        {
          messageId: 'silentCatch',
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare class Pool { constructor(url: string); getConnection(): Promise<unknown> }\nexport async function connect(url: string) {\n  try {\n    return await new Pool(url).getConnection();\n  } catch (error) {\n    console.error('connect: unexpected error from new Pool()', error);\n    return null;\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "declare class Pool { constructor(url: string); getConnection(): Promise<unknown> }\nexport async function connect(url: string) {\n  try {\n    return await new Pool(url).getConnection();\n  } catch (error) {\n    console.error('connect: unexpected error', error);\n    return null;\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "declare class Pool { constructor(url: string); getConnection(): Promise<unknown> }\nexport async function connect(url: string) {\n  try {\n    return await new Pool(url).getConnection();\n  } catch (error) {\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
    // formatting a value that is fetched in the same expression: the fetch is I/O
    {
      code: "declare function fetchTotal(): Promise<number>;\nexport async function total(locale: string) {\n  try {\n    return new Intl.NumberFormat(locale).format(await fetchTotal());\n  } catch {\n    return '';\n  }\n}",
      errors: [
        {
          messageId: 'silentCatch',
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare function fetchTotal(): Promise<number>;\nexport async function total(locale: string) {\n  try {\n    return new Intl.NumberFormat(locale).format(await fetchTotal());\n  } catch (error) {\n    console.error('total: unexpected error from fetchTotal()', error);\n    return '';\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "declare function fetchTotal(): Promise<number>;\nexport async function total(locale: string) {\n  try {\n    return new Intl.NumberFormat(locale).format(await fetchTotal());\n  } catch (error) {\n    console.error('total: unexpected error', error);\n    return '';\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "declare function fetchTotal(): Promise<number>;\nexport async function total(locale: string) {\n  try {\n    return new Intl.NumberFormat(locale).format(await fetchTotal());\n  } catch (error) {\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
    // a URL that is then fetched: a network failure is not "invalid", whatever the fallback computes
    {
      code: "export async function finalUrl(url: string): Promise<string> {\n  try {\n    const response = await fetch(new URL(url));\n    return response.url;\n  } catch {\n    return url.split('#')[0];\n  }\n}",
      errors: [
        {
          messageId: 'silentCatch',
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "export async function finalUrl(url: string): Promise<string> {\n  try {\n    const response = await fetch(new URL(url));\n    return response.url;\n  } catch (error) {\n    if (error instanceof TypeError || (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError'))) {\n      console.warn('finalUrl: fetch() failed', error);\n    } else {\n      console.error('finalUrl: unexpected error from fetch()', error);\n    }\n    return url.split('#')[0];\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "export async function finalUrl(url: string): Promise<string> {\n  try {\n    const response = await fetch(new URL(url));\n    return response.url;\n  } catch (error) {\n    console.error('finalUrl: unexpected error', error);\n    return url.split('#')[0];\n  }\n}" },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('log-error-object: child process output (audit 3)', logErrorObject, {
  valid: [
    // the failed command's own output is printed, then the script exits with its code — logto .scripts/version.js:10
    `import { exec } from 'node:child_process';
import { promisify } from 'node:util';
const execAsync = promisify(exec);
const onCommandError = ({ stderr, stdout, code }: { stderr: string; stdout: string; code?: number }) => {
  console.log(stdout);
  console.error(stderr);
  process.exit(code ?? 1);
};
await execAsync('pnpm changeset version').catch(onCommandError);`,
    // the same through a member read
    `import { execSync } from 'node:child_process';
try {
  execSync('pnpm build');
} catch (e) {
  console.error((e as { stderr: Buffer }).stderr.toString());
  process.exit(1);
}`,
    // test code that prints a child's stdout is not reading a field errors lack — kit write_types/index.spec.js:58
    {
      code: `import { execSync } from 'node:child_process';
try {
  execSync('pnpm testtypes');
} catch (e) {
  console.error((e as { stdout: Buffer }).stdout.toString());
  throw e;
}`,
      filename: 'src/write_types.spec.ts',
    },
  ],
  invalid: [
    // no child process in the try block: stderr is not what failed
    {
      code: "declare function build(): Promise<void>;\ntry {\n  await build();\n} catch (e) {\n  console.error((e as { stderr: string }).stderr);\n  process.exit(1);\n}",
      errors: [
        {
          messageId: 'logErrorObject',
          line: 5,
          suggestions: [
            { messageId: "passErrorSuggestion", output: "declare function build(): Promise<void>;\ntry {\n  await build();\n} catch (e) {\n  console.error((e as { stderr: string }).stderr, e);\n  process.exit(1);\n}" },
          ],
        },
      ],
    },
    // a child process, but the log keeps only the message
    {
      code: "import { execSync } from 'node:child_process';\ntry {\n  execSync('pnpm build');\n} catch (e) {\n  console.error((e as Error).message);\n  process.exit(1);\n}",
      errors: [
        {
          messageId: 'logErrorObject',
          line: 5,
          suggestions: [
            { messageId: "passErrorSuggestion", output: "import { execSync } from 'node:child_process';\ntry {\n  execSync('pnpm build');\n} catch (e) {\n  console.error((e as Error).message, e);\n  process.exit(1);\n}" },
          ],
        },
      ],
    },
    // the output next to the message: the message is still text derived from the error
    {
      code: "import { execSync } from 'node:child_process';\ntry {\n  execSync('pnpm build');\n} catch (e) {\n  const { stderr, message } = e as { stderr: string; message: string };\n  console.error(message, stderr);\n}",
      errors: [
        {
          messageId: 'logErrorObject',
          line: 6,
          suggestions: [
            { messageId: "passErrorSuggestion", output: "import { execSync } from 'node:child_process';\ntry {\n  execSync('pnpm build');\n} catch (e) {\n  const { stderr, message } = e as { stderr: string; message: string };\n  console.error(message, stderr, e);\n}" },
          ],
        },
      ],
    },
  ],
});
