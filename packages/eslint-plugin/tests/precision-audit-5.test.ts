// Fifth precision audit (documenso, excalidraw, continue, vercel/ai): each valid case is a minimal rewrite of a
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

ruleTester.run('no-silent-catch: schema fallbacks, git queries, stream cancels, chain comments (audit 5)', noSilentCatch, {
  valid: [
    // zod's .catch(fallback) on a schema chain rooted at z: not a rejection handler — documenso packages/trpc/server/context.ts:44
    `import { z } from 'zod';
export function teamIdOf(req: Request): number | undefined {
  return z.coerce
    .number()
    .optional()
    .catch(() => undefined)
    .parse(req.headers.get('x-team-id') || undefined);
}`,
    // the same on a schema held in a variable, recognised by the parse that follows
    `import { z } from 'zod';
const PageSize = z.coerce.number().int().positive();
export function pageSizeOf(raw: unknown): number {
  return PageSize.catch(() => 20).parse(raw);
}`,
    // git merge-base is a read-only query: no merge-base -> the base itself — continue extensions/cli/src/commands/review/diffContext.ts:60
    `import { execSync } from 'node:child_process';
declare const logger: { warn(message: string): void };
export function mergeBaseWith(base: string): string {
  let mergeBase: string;
  try {
    mergeBase = execSync(\`git merge-base \${base} HEAD\`, { encoding: 'utf-8', stdio: ['pipe', 'pipe', 'pipe'] }).trim();
  } catch {
    logger.warn(\`Could not find merge-base with \${base}, falling back to direct diff\`);
    mergeBase = base;
  }
  return mergeBase;
}`,
    // git branch --show-current, with process.cwd() as an option — continue extensions/cli/src/util/git.ts:37
    `import { execSync } from 'node:child_process';
export function getGitBranch(): string | null {
  try {
    const result = execSync('git branch --show-current', { encoding: 'utf-8', cwd: process.cwd(), stdio: 'pipe' });
    return result.trim() || null;
  } catch {
    return null;
  }
}`,
    // a read-only git query through a promisified exec — continue extensions/vscode/src/util/ideUtils.ts:599
    `import { exec } from 'node:child_process';
import { promisify } from 'node:util';
const asyncExec = promisify(exec);
export async function currentBranch(dir: string): Promise<string> {
  try {
    const { stdout } = await asyncExec('git rev-parse --abbrev-ref HEAD', { cwd: dir });
    return stdout.trim() || 'NONE';
  } catch (e) {
    return 'NONE';
  }
}`,
    // a reason comment directly above the .catch( link of a chain — ai packages/harness/src/agent/internal/to-harness-stream.ts:72
    `export function settle(done: Promise<void>, close: () => void, fail: (err: unknown) => void): void {
  Promise.resolve(done)
    .then(
      () => close(),
      (err: unknown) => {
        fail(err);
        close();
      },
    )
    // Belt-and-suspenders: any throw inside the handlers themselves should
    // not become an unhandled rejection.
    .catch(() => {});
}`,
    // abandoning a stream reader in a cleanup function — ai packages/cartesia/src/cartesia-transcription-model.ts:335
    `export function transcribe(audioReader: ReadableStreamDefaultReader<Uint8Array>, connection: WebSocket) {
  let cleanup: (code?: number) => void = () => {};
  cleanup = (code?: number) => {
    void audioReader.cancel().catch(() => {});
    connection.close(code);
  };
  return cleanup;
}`,
    // the same in a try block of an abort handler — trpc examples/openapi-codegen/…/serverSentEvents.gen.ts:146 (audit 4 #56)
    `export function watch(reader: ReadableStreamDefaultReader<string>, signal: AbortSignal) {
  const abortHandler = () => {
    try {
      reader.cancel();
    } catch {
      // noop
    }
  };
  signal.addEventListener('abort', abortHandler);
}`,
    // the same in an underlying source's cancel() — ai packages/google/src/interactions/stream-google-interactions.ts:239
    `export function source(internalAbort: AbortController) {
  let currentReader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  return new ReadableStream<Uint8Array>({
    cancel() {
      internalAbort.abort();
      currentReader?.cancel().catch(() => {});
      currentReader = undefined;
    },
  });
}`,
    // new URL of a configured URL read from its getter -> the raw value — documenso packages/auth/server/lib/utils/redirect.ts:18
    `declare function NEXT_PUBLIC_WEBAPP_URL(): string;
export const getWebAppOrigin = () => {
  try {
    return new URL(NEXT_PUBLIC_WEBAPP_URL()).origin;
  } catch {
    return NEXT_PUBLIC_WEBAPP_URL();
  }
};`,
    // the same with a getter method next to a plain new URL — outline plugins/gitlab/shared/GitLabUtils.ts:174 (audit 3 FP #53)
    `export class GitLabUtils {
  constructor(private readonly configured: string) {}
  getGitlabUrl(custom?: string): string {
    return custom ?? this.configured;
  }
  parseIssueUrl(url: string, customUrl?: string) {
    let parsed: URL;
    try {
      parsed = new URL(url);
      if (parsed.hostname !== new URL(this.getGitlabUrl(customUrl)).hostname) {
        return;
      }
    } catch {
      return;
    }
    return parsed.pathname;
  }
}`,
  ],
  invalid: [
    // a zod chain that became a promise (parseAsync, then a write) is a real handler
    {
      code: `import { z } from 'zod';
declare function save(body: { id: string }): Promise<void>;
export function accept(raw: unknown) {
  return z.object({ id: z.string() }).parseAsync(raw).then(save).catch(() => null);
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: ".catch() handler", detail: "the path ending at line 4 returns null without logging or rethrowing it", expected: "" },
          line: 4,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "import { z } from 'zod';\ndeclare function save(body: { id: string }): Promise<void>;\nexport function accept(raw: unknown) {\n  return z.object({ id: z.string() }).parseAsync(raw).then(save).catch((error: unknown) => {\n    if (error instanceof z.ZodError) {\n      console.warn('accept: parseAsync() failed', error);\n    } else {\n      console.error('accept: unexpected error from parseAsync()', error);\n    }\n    return null;\n  });\n}" },
            { messageId: "logErrorSuggestion", output: "import { z } from 'zod';\ndeclare function save(body: { id: string }): Promise<void>;\nexport function accept(raw: unknown) {\n  return z.object({ id: z.string() }).parseAsync(raw).then(save).catch((error) => { console.error('accept: unexpected error', error); return null; });\n}" },
          ],
        },
      ],
    },
    // a git listing stays I/O: its failure would read as 'nothing changed'
    {
      code: `import { exec } from 'node:child_process';
import { promisify } from 'node:util';
const execAsync = promisify(exec);
export async function changedFiles(): Promise<string[]> {
  try {
    const { stdout } = await execAsync('git diff --name-only origin/main');
    return stdout.split('\\n');
  } catch {
    return [];
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 9 returns [] without logging or rethrowing it", expected: "" },
          line: 8,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "import { exec } from 'node:child_process';\nimport { promisify } from 'node:util';\nconst execAsync = promisify(exec);\nexport async function changedFiles(): Promise<string[]> {\n  try {\n    const { stdout } = await execAsync('git diff --name-only origin/main');\n    return stdout.split('\\n');\n  } catch (error) {\n    console.error('changedFiles: unexpected error from execAsync()', error);\n    return [];\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "import { exec } from 'node:child_process';\nimport { promisify } from 'node:util';\nconst execAsync = promisify(exec);\nexport async function changedFiles(): Promise<string[]> {\n  try {\n    const { stdout } = await execAsync('git diff --name-only origin/main');\n    return stdout.split('\\n');\n  } catch (error) {\n    console.error('changedFiles: unexpected error', error);\n    return [];\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "import { exec } from 'node:child_process';\nimport { promisify } from 'node:util';\nconst execAsync = promisify(exec);\nexport async function changedFiles(): Promise<string[]> {\n  try {\n    const { stdout } = await execAsync('git diff --name-only origin/main');\n    return stdout.split('\\n');\n  } catch (error) {\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
    // a git command that writes stays I/O, also through a promisified exec
    {
      code: `import { exec } from 'node:child_process';
import { promisify } from 'node:util';
const execAsync = promisify(exec);
export async function publish(): Promise<boolean> {
  try {
    await execAsync('git push origin main');
    return true;
  } catch {
    return false;
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 9 returns false without logging or rethrowing it", expected: "" },
          line: 8,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "import { exec } from 'node:child_process';\nimport { promisify } from 'node:util';\nconst execAsync = promisify(exec);\nexport async function publish(): Promise<boolean> {\n  try {\n    await execAsync('git push origin main');\n    return true;\n  } catch (error) {\n    console.error('publish: unexpected error from execAsync()', error);\n    return false;\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "import { exec } from 'node:child_process';\nimport { promisify } from 'node:util';\nconst execAsync = promisify(exec);\nexport async function publish(): Promise<boolean> {\n  try {\n    await execAsync('git push origin main');\n    return true;\n  } catch (error) {\n    console.error('publish: unexpected error', error);\n    return false;\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "import { exec } from 'node:child_process';\nimport { promisify } from 'node:util';\nconst execAsync = promisify(exec);\nexport async function publish(): Promise<boolean> {\n  try {\n    await execAsync('git push origin main');\n    return true;\n  } catch (error) {\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
    // a business cancel (an order) is not abandoning a stream
    {
      code: `export async function cancelOrder(order: { cancel(): Promise<void> }): Promise<boolean> {
  try {
    await order.cancel();
    return true;
  } catch {
    return false;
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 6 returns false without logging or rethrowing it", expected: "" },
          line: 5,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "export async function cancelOrder(order: { cancel(): Promise<void> }): Promise<boolean> {\n  try {\n    await order.cancel();\n    return true;\n  } catch (error) {\n    console.error('cancelOrder: unexpected error from order.cancel()', error);\n    return false;\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "export async function cancelOrder(order: { cancel(): Promise<void> }): Promise<boolean> {\n  try {\n    await order.cancel();\n    return true;\n  } catch (error) {\n    console.error('cancelOrder: unexpected error', error);\n    return false;\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "export async function cancelOrder(order: { cancel(): Promise<void> }): Promise<boolean> {\n  try {\n    await order.cancel();\n    return true;\n  } catch (error) {\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
    // a stream cancel outside a function named for the way out stays reported
    {
      code: `export async function relay(reader: ReadableStreamDefaultReader<Uint8Array>, onChunk: (chunk?: Uint8Array) => void) {
  const { value } = await reader.read();
  onChunk(value);
  await reader.cancel().catch(() => {});
  onChunk(undefined);
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: ".catch() handler", detail: "it is empty", expected: "" },
          line: 4,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "export async function relay(reader: ReadableStreamDefaultReader<Uint8Array>, onChunk: (chunk?: Uint8Array) => void) {\n  const { value } = await reader.read();\n  onChunk(value);\n  await reader.cancel().catch((error: unknown) => {\n    console.error('relay: unexpected error from reader.cancel()', error);\n  });\n  onChunk(undefined);\n}" },
            { messageId: "logErrorSuggestion", output: "export async function relay(reader: ReadableStreamDefaultReader<Uint8Array>, onChunk: (chunk?: Uint8Array) => void) {\n  const { value } = await reader.read();\n  onChunk(value);\n  await reader.cancel().catch((error) => { console.error('relay: unexpected error', error); });\n  onChunk(undefined);\n}" },
          ],
        },
      ],
    },
    // a placeholder comment above the .catch( link is no reason
    {
      code: `export function save(store: { put(k: string, v: string): Promise<void> }, k: string, v: string) {
  store
    .put(k, v)
    // TODO handle
    .catch(() => {});
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: ".catch() handler", detail: "it is empty", expected: "" },
          line: 5,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "export function save(store: { put(k: string, v: string): Promise<void> }, k: string, v: string) {\n  store\n    .put(k, v)\n    // TODO handle\n    .catch((error: unknown) => {\n      console.error('save: unexpected error from store.put()', error);\n    });\n}" },
            { messageId: "logErrorSuggestion", output: "export function save(store: { put(k: string, v: string): Promise<void> }, k: string, v: string) {\n  store\n    .put(k, v)\n    // TODO handle\n    .catch((error) => { console.error('save: unexpected error', error); });\n}" },
          ],
        },
      ],
    },
    // a URL builder is code that can fail on its own bug, not a getter
    {
      code: `declare function buildUrl(path: string): string;
export function endpointOf(path: string): string {
  try {
    return new URL(buildUrl(path)).href;
  } catch {
    return '';
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 6 returns '' without logging or rethrowing it", expected: "" },
          line: 5,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare function buildUrl(path: string): string;\nexport function endpointOf(path: string): string {\n  try {\n    return new URL(buildUrl(path)).href;\n  } catch (error) {\n    if (error instanceof TypeError) {\n      console.warn('endpointOf: new URL() failed', error);\n    } else {\n      console.error('endpointOf: unexpected error from new URL()', error);\n    }\n    return '';\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "declare function buildUrl(path: string): string;\nexport function endpointOf(path: string): string {\n  try {\n    return new URL(buildUrl(path)).href;\n  } catch (error) {\n    console.error('endpointOf: unexpected error', error);\n    return '';\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "declare function buildUrl(path: string): string;\nexport function endpointOf(path: string): string {\n  try {\n    return new URL(buildUrl(path)).href;\n  } catch (error) {\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
    // an awaited read of the URL is I/O
    {
      code: `declare function getConfigUrl(): Promise<string>;
export async function configOrigin(): Promise<string> {
  try {
    return new URL(await getConfigUrl()).origin;
  } catch {
    return '';
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 6 returns '' without logging or rethrowing it", expected: "" },
          line: 5,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare function getConfigUrl(): Promise<string>;\nexport async function configOrigin(): Promise<string> {\n  try {\n    return new URL(await getConfigUrl()).origin;\n  } catch (error) {\n    if (error instanceof TypeError) {\n      console.warn('configOrigin: new URL() failed', error);\n    } else {\n      console.error('configOrigin: unexpected error from new URL()', error);\n    }\n    return '';\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "declare function getConfigUrl(): Promise<string>;\nexport async function configOrigin(): Promise<string> {\n  try {\n    return new URL(await getConfigUrl()).origin;\n  } catch (error) {\n    console.error('configOrigin: unexpected error', error);\n    return '';\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "declare function getConfigUrl(): Promise<string>;\nexport async function configOrigin(): Promise<string> {\n  try {\n    return new URL(await getConfigUrl()).origin;\n  } catch (error) {\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('log-error-object: a failure to read or parse input (audit 5)', logErrorObject, {
  valid: [
    // a config file read and parsed (a debug line next to it): the parse message is the content — continue extensions/cli/src/environment/environmentHandler.ts:38
    `import { existsSync, readFileSync } from 'node:fs';
declare const logger: { error(message: string): void; debug(message: string): void };
declare function formatError(error: unknown): string;
export function readEnvironment(path: string): unknown {
  if (!existsSync(path)) return null;
  try {
    const config = JSON.parse(readFileSync(path, 'utf-8'));
    logger.debug(\`Found environment.json at: \${path}\`);
    return config;
  } catch (error) {
    logger.error(\`Failed to parse environment.json at \${path}: \${formatError(error)}\`);
    return null;
  }
}`,
    // YAML.parse of a read file: the message names the input's fault
    `import { readFileSync } from 'node:fs';
import YAML from 'yaml';
export function readRules(path: string): Record<string, unknown> {
  try {
    return YAML.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    console.warn(\`Ignoring \${path}: \${(e as Error).message}\`);
    return {};
  }
}`,
  ],
  invalid: [
    // a callback with the parsed value also runs in the try block: its failure is a bug whose stack matters
    {
      code: `import { readFileSync } from 'node:fs';
export function loadConfig(path: string, apply: (config: unknown) => void): void {
  try {
    apply(JSON.parse(readFileSync(path, 'utf-8')));
  } catch (error) {
    console.error(\`Failed to load \${path}: \${(error as Error).message}\`);
  }
}`,
      errors: [
        {
          messageId: 'logErrorObject', data: { level: "error" },
          line: 6,
          suggestions: [
            { messageId: "passErrorSuggestion", output: "import { readFileSync } from 'node:fs';\nexport function loadConfig(path: string, apply: (config: unknown) => void): void {\n  try {\n    apply(JSON.parse(readFileSync(path, 'utf-8')));\n  } catch (error) {\n    console.error(`Failed to load ${path}: ${(error as Error).message}`, error);\n  }\n}" },
          ],
        },
      ],
    },
    // a custom logger in the try block is work that can fail
    {
      code: `declare const audit: { record(message: string): void };
export function parseStored(raw: string): unknown {
  try {
    const value = JSON.parse(raw);
    audit.record('parsed');
    return value;
  } catch (error) {
    console.error(\`Stored value is broken: \${String(error)}\`);
    return null;
  }
}`,
      errors: [
        {
          messageId: 'logErrorObject', data: { level: "error" },
          line: 8,
          suggestions: [
            { messageId: "passErrorSuggestion", output: "declare const audit: { record(message: string): void };\nexport function parseStored(raw: string): unknown {\n  try {\n    const value = JSON.parse(raw);\n    audit.record('parsed');\n    return value;\n  } catch (error) {\n    console.error(`Stored value is broken: ${String(error)}`, error);\n    return null;\n  }\n}" },
          ],
        },
      ],
    },
    // a file read alone is I/O, not a data format — outline server/utils/environment.ts:73 (audit 3 TP #68)
    {
      code: `import { readFileSync } from 'node:fs';
export function secretFromFile(filePath: string): string | undefined {
  try {
    return readFileSync(filePath, 'utf8').trim();
  } catch (err) {
    console.error(\`Failed to read \${filePath}: \${(err as Error).message}\`);
    return undefined;
  }
}`,
      errors: [
        {
          messageId: 'logErrorObject', data: { level: "error" },
          line: 6,
          suggestions: [
            { messageId: "passErrorSuggestion", output: "import { readFileSync } from 'node:fs';\nexport function secretFromFile(filePath: string): string | undefined {\n  try {\n    return readFileSync(filePath, 'utf8').trim();\n  } catch (err) {\n    console.error(`Failed to read ${filePath}: ${(err as Error).message}`, err);\n    return undefined;\n  }\n}" },
          ],
        },
      ],
    },
    // a code parser may fail on its own bug: its stack is wanted — astro language-server core/parseAstro.ts (audit 1 TP)
    {
      code: `declare function parse(input: string): { ast: unknown };
export function safeParseAst(fileName: string, input: string) {
  try {
    return parse(input);
  } catch (e) {
    console.error(\`There was an error parsing \${fileName}'s AST. Please create an issue.
Error: \${e}.\`);
    return { ast: null };
  }
}`,
      errors: [
        {
          messageId: 'logErrorObject', data: { level: "error" },
          line: 6,
          suggestions: [
            { messageId: "passErrorSuggestion", output: "declare function parse(input: string): { ast: unknown };\nexport function safeParseAst(fileName: string, input: string) {\n  try {\n    return parse(input);\n  } catch (e) {\n    console.error(`There was an error parsing ${fileName}'s AST. Please create an issue.\nError: ${e}.`, e);\n    return { ast: null };\n  }\n}" },
          ],
        },
      ],
    },
  ],
});
