// Second precision audit (uptime-kuma, mikro-orm, vitest, astro): each valid case is a minimal rewrite of a
// deliberate handler the audit found reported (source named in its comment), each invalid case the
// neighbouring defect shape that must keep being reported.
import { afterAll, describe, it } from 'vitest';
import { RuleTester } from '@typescript-eslint/rule-tester';
import noSilentCatch from '../src/rules/no-silent-catch.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester();

ruleTester.run('no-silent-catch: probes (audit 2)', noSilentCatch, {
  valid: [
    // a read-only git query: not a checkout -> '' — uptime-kuma server/database.js:194
    `import { execSync } from 'node:child_process';
export function currentBranch(): string {
  try {
    return execSync('git rev-parse --abbrev-ref HEAD').toString().trim();
  } catch (e) {
    return '';
  }
}`,
    // the same with a template and options — astro packages/telemetry/src/project-info.ts:78
    `import { execSync } from 'node:child_process';
export function firstCommit(): string | null {
  try {
    const out = execSync(\`git rev-list --max-parents=0 HEAD\`, { timeout: 500 });
    return String(out).trim();
  } catch (_) {
    return null;
  }
}`,
    // execFileSync with an argument array
    `import { execFileSync } from 'node:child_process';
export function remoteUrl(dir: string): string | undefined {
  try {
    return execFileSync('git', ['-C', dir, 'remote', 'get-url', 'origin'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}`,
    // read + parse a manifest, Object.hasOwn on the result -> false — astro integrations/cloudflare/src/index.ts:782
    `import { readFile } from 'node:fs/promises';
export async function hasDependency(root: URL, name: string): Promise<boolean> {
  try {
    const input = await readFile(new URL('./package.json', root), { encoding: 'utf-8' });
    const pkg = JSON.parse(input);
    return Object.hasOwn(pkg.dependencies, name);
  } catch {
    return false;
  }
}`,
    // stat a candidate, build a query string from a constant, keep looking — astro vite-plugin-load-fallback/index.ts:58
    `import { promises as fs } from 'node:fs';
const FLAG = { fallback: '1' };
export async function resolveCandidate(candidates: string[]): Promise<string | undefined> {
  for (const candidate of candidates) {
    try {
      const stats = await fs.stat(candidate);
      if (!stats.isDirectory()) {
        const params = new URLSearchParams(FLAG);
        return \`\${candidate}?\${params.toString()}\`;
      }
    } catch {}
  }
  return undefined;
}`,
    // a graceful end that fails is escalated to destroy on the same connection — uptime-kuma server/monitor-types/mysql.js:85
    `declare const connection: { end(): void; destroy(): void; query(sql: string, cb: (err: unknown) => void): void };
export function check(sql: string, done: (err: unknown) => void) {
  connection.query(sql, (err) => {
    try {
      connection.end();
    } catch (_) {
      connection.destroy();
    }
    done(err);
  });
}`,
  ],
  invalid: [
    // a git command that changes the repository stays I/O
    {
      code: "import { execSync } from 'node:child_process';\nexport function publish(): boolean {\n  try {\n    execSync('git push origin main');\n    return true;\n  } catch (e) {\n    return false;\n  }\n}",
      errors: [
        {
          messageId: 'silentCatch',
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "import { execSync } from 'node:child_process';\nexport function publish(): boolean {\n  try {\n    execSync('git push origin main');\n    return true;\n  } catch (e) {\n    console.error('publish: unexpected error from execSync()', e);\n    return false;\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "import { execSync } from 'node:child_process';\nexport function publish(): boolean {\n  try {\n    execSync('git push origin main');\n    return true;\n  } catch (e) {\n    console.error('publish: unexpected error', e);\n    return false;\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "import { execSync } from 'node:child_process';\nexport function publish(): boolean {\n  try {\n    execSync('git push origin main');\n    return true;\n  } catch (e) {\n    throw e;\n  }\n}" },
          ],
        },
      ],
    },
    // a git query next to a command that writes: the surface is not only probes
    {
      code: "import { execSync } from 'node:child_process';\nexport function tagRelease(version: string): string {\n  try {\n    const sha = execSync('git rev-parse HEAD').toString().trim();\n    execSync(`git tag v${version} ${sha}`);\n    return sha;\n  } catch {\n    return '';\n  }\n}",
      errors: [
        {
          messageId: 'silentCatch',
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "import { execSync } from 'node:child_process';\nexport function tagRelease(version: string): string {\n  try {\n    const sha = execSync('git rev-parse HEAD').toString().trim();\n    execSync(`git tag v${version} ${sha}`);\n    return sha;\n  } catch (error) {\n    console.error('tagRelease: unexpected error from execSync()', error);\n    return '';\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "import { execSync } from 'node:child_process';\nexport function tagRelease(version: string): string {\n  try {\n    const sha = execSync('git rev-parse HEAD').toString().trim();\n    execSync(`git tag v${version} ${sha}`);\n    return sha;\n  } catch (error) {\n    console.error('tagRelease: unexpected error', error);\n    return '';\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "import { execSync } from 'node:child_process';\nexport function tagRelease(version: string): string {\n  try {\n    const sha = execSync('git rev-parse HEAD').toString().trim();\n    execSync(`git tag v${version} ${sha}`);\n    return sha;\n  } catch (error) {\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
    // a command built at run time is not known to be a query
    {
      code: "import { execSync } from 'node:child_process';\nexport function run(command: string): string {\n  try {\n    return execSync(command).toString();\n  } catch {\n    return '';\n  }\n}",
      errors: [
        {
          messageId: 'silentCatch',
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "import { execSync } from 'node:child_process';\nexport function run(command: string): string {\n  try {\n    return execSync(command).toString();\n  } catch (error) {\n    console.error('run: unexpected error from execSync()', error);\n    return '';\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "import { execSync } from 'node:child_process';\nexport function run(command: string): string {\n  try {\n    return execSync(command).toString();\n  } catch (error) {\n    console.error('run: unexpected error', error);\n    return '';\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "import { execSync } from 'node:child_process';\nexport function run(command: string): string {\n  try {\n    return execSync(command).toString();\n  } catch (error) {\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
    // hasOwn after a write: the write's failure is not "absent"
    {
      code: "import { readFile, writeFile } from 'node:fs/promises';\nexport async function addDependency(path: string, name: string): Promise<boolean> {\n  try {\n    const pkg = JSON.parse(await readFile(path, 'utf8'));\n    pkg.dependencies[name] = 'latest';\n    await writeFile(path, JSON.stringify(pkg));\n    return Object.hasOwn(pkg.dependencies, name);\n  } catch {\n    return false;\n  }\n}",
      errors: [
        {
          messageId: 'silentCatch',
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "import { readFile, writeFile } from 'node:fs/promises';\nexport async function addDependency(path: string, name: string): Promise<boolean> {\n  try {\n    const pkg = JSON.parse(await readFile(path, 'utf8'));\n    pkg.dependencies[name] = 'latest';\n    await writeFile(path, JSON.stringify(pkg));\n    return Object.hasOwn(pkg.dependencies, name);\n  } catch (error) {\n    if (error instanceof SyntaxError || (error instanceof Error && 'code' in error && typeof error.code === 'string' && ['ENOENT', 'EACCES', 'EISDIR', 'EROFS', 'ENOSPC'].includes(error.code))) {\n      console.warn('addDependency: JSON.parse() failed', error);\n    } else {\n      console.error('addDependency: unexpected error from JSON.parse()', error);\n    }\n    return false;\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "import { readFile, writeFile } from 'node:fs/promises';\nexport async function addDependency(path: string, name: string): Promise<boolean> {\n  try {\n    const pkg = JSON.parse(await readFile(path, 'utf8'));\n    pkg.dependencies[name] = 'latest';\n    await writeFile(path, JSON.stringify(pkg));\n    return Object.hasOwn(pkg.dependencies, name);\n  } catch (error) {\n    console.error('addDependency: unexpected error', error);\n    return false;\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "import { readFile, writeFile } from 'node:fs/promises';\nexport async function addDependency(path: string, name: string): Promise<boolean> {\n  try {\n    const pkg = JSON.parse(await readFile(path, 'utf8'));\n    pkg.dependencies[name] = 'latest';\n    await writeFile(path, JSON.stringify(pkg));\n    return Object.hasOwn(pkg.dependencies, name);\n  } catch (error) {\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
    // URLSearchParams next to a fetch: a network failure is not "absent"
    {
      code: "export async function search(term: string): Promise<unknown> {\n  try {\n    const params = new URLSearchParams({ q: term });\n    const response = await fetch(`https://example.test/search?${params}`);\n    return await response.json();\n  } catch {\n    return null;\n  }\n}",
      errors: [
        {
          messageId: 'silentCatch',
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "export async function search(term: string): Promise<unknown> {\n  try {\n    const params = new URLSearchParams({ q: term });\n    const response = await fetch(`https://example.test/search?${params}`);\n    return await response.json();\n  } catch (error) {\n    if (error instanceof TypeError || (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError'))) {\n      console.warn('search: fetch() failed', error);\n    } else {\n      console.error('search: unexpected error from fetch()', error);\n    }\n    return null;\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "export async function search(term: string): Promise<unknown> {\n  try {\n    const params = new URLSearchParams({ q: term });\n    const response = await fetch(`https://example.test/search?${params}`);\n    return await response.json();\n  } catch (error) {\n    console.error('search: unexpected error', error);\n    return null;\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "export async function search(term: string): Promise<unknown> {\n  try {\n    const params = new URLSearchParams({ q: term });\n    const response = await fetch(`https://example.test/search?${params}`);\n    return await response.json();\n  } catch (error) {\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
    // a cleanup escalated on another object: the first failure is lost
    {
      code: "declare const connection: { end(): void; destroy(): void };\ndeclare const other: { destroy(): void };\nexport function stop() {\n  try {\n    connection.end();\n  } catch {\n    other.destroy();\n  }\n}",
      errors: [
        {
          messageId: 'silentCatch',
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare const connection: { end(): void; destroy(): void };\ndeclare const other: { destroy(): void };\nexport function stop() {\n  try {\n    connection.end();\n  } catch (error) {\n    other.destroy();\n    console.error('stop: unexpected error from connection.end()', error);\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "declare const connection: { end(): void; destroy(): void };\ndeclare const other: { destroy(): void };\nexport function stop() {\n  try {\n    connection.end();\n  } catch (error) {\n    other.destroy();\n    console.error('stop: unexpected error', error);\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "declare const connection: { end(): void; destroy(): void };\ndeclare const other: { destroy(): void };\nexport function stop() {\n  try {\n    connection.end();\n  } catch (error) {\n    other.destroy();\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
    // the try block is a write, not a cleanup: destroying the connection hides the failed query
    {
      code: "declare const connection: { query(sql: string): Promise<void>; destroy(): void };\nexport async function save(sql: string) {\n  try {\n    await connection.query(sql);\n  } catch {\n    connection.destroy();\n  }\n}",
      errors: [
        {
          messageId: 'silentCatch',
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare const connection: { query(sql: string): Promise<void>; destroy(): void };\nexport async function save(sql: string) {\n  try {\n    await connection.query(sql);\n  } catch (error) {\n    connection.destroy();\n    console.error('save: unexpected error from connection.query()', error);\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "declare const connection: { query(sql: string): Promise<void>; destroy(): void };\nexport async function save(sql: string) {\n  try {\n    await connection.query(sql);\n  } catch (error) {\n    connection.destroy();\n    console.error('save: unexpected error', error);\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "declare const connection: { query(sql: string): Promise<void>; destroy(): void };\nexport async function save(sql: string) {\n  try {\n    await connection.query(sql);\n  } catch (error) {\n    connection.destroy();\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
  ],
});
