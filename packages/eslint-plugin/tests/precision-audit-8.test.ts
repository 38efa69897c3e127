// Eighth precision audit (playwright, undici, AFFiNE, payload): each valid case is a minimal rewrite of a
// deliberate handler the audit found reported (source named in its comment), each invalid case the neighbouring
// defect shape that must keep being reported.
import { afterAll, describe, it } from 'vitest';
import { RuleTester } from '@typescript-eslint/rule-tester';
import noSilentCatch from '../src/rules/no-silent-catch.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester();

ruleTester.run('no-silent-catch: CDP domain enables, synchronous aborts, membership tests and search parameters in probes, new Promise is no probe (audit 8)', noSilentCatch, {
  valid: [
    // a CDP domain enable ahead of the domain's commands, value discarded — stagehand packages/extension/understudy/networkManager.ts:142
    `declare const session: { send(method: string, params?: object): Promise<unknown> };
export async function activeElement(): Promise<unknown> {
  session.send('Runtime.enable').catch(() => {});
  return session.send('Runtime.evaluate', { expression: 'document.activeElement' });
}`,
    // the same awaited, in a class — playwright packages/playwright-core/src/server/chromium/crPage.ts:353 (35 such calls in stagehand's understudy driver)
    `interface CDPSession { send(method: string, params?: object): Promise<unknown> }
export class FrameSession {
  constructor(private readonly client: CDPSession) {}
  async initialize(): Promise<void> {
    await this.client.send('Page.enable').catch(e => {});
    await this.client.send('Page.getFrameTree');
  }
}`,
    // a synchronous abort() in an effect cleanup — payload packages/ui/src/utilities/abortAndIgnore.ts:27
    `declare function useEffect(effect: () => () => void, deps: unknown[]): void;
export function useAbortOnUnmount(): AbortController {
  const abortController = new AbortController();
  useEffect(() => {
    return () => {
      try {
        abortController.abort();
      } catch (_err) {
        // swallow error
      }
    };
  }, []);
  return abortController;
}`,
    // the same in a stop() with finally — vercel/ai packages/vue/src/use-object.ts:121 (audit 5 #94)
    `let abortController: AbortController | null = null;
export const stop = async (): Promise<void> => {
  if (abortController) {
    try {
      abortController.abort();
    } catch {
      // ignore
    } finally {
      abortController = null;
    }
  }
};`,
    // a URL probe with a membership test on a constant set — payload packages/richtext-lexical/src/features/link/nodes/LinkNode.ts:201
    `const SUPPORTED_URL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
export function sanitizeUrl(url: string): string {
  try {
    const parsedUrl = new URL(url);
    if (!SUPPORTED_URL_PROTOCOLS.has(parsedUrl.protocol)) {
      return 'about:blank';
    }
  } catch (e) {
    return 'https://';
  }
  return url;
}`,
    // a JSON.parse of a search parameter read in place — playwright packages/extension/src/ui/connect.tsx:34
    `export const clientName = (() => {
  try {
    return JSON.parse(new URLSearchParams(window.location.search).get('client') || '{}').name || 'unknown';
  } catch {
    return 'unknown';
  }
})();`,
  ],
  invalid: [
    // any other CDP command stays reported
    {
      code: `declare const session: { send(method: string, params?: object): Promise<unknown> };
export function evaluate(expression: string): void {
  session.send('Runtime.evaluate', { expression }).catch(() => {});
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: ".catch() handler", detail: "it is empty", expected: "" },
          line: 3,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare const session: { send(method: string, params?: object): Promise<unknown> };\nexport function evaluate(expression: string): void {\n  session.send('Runtime.evaluate', { expression }).catch((error: unknown) => {\n    console.error('evaluate: unexpected error from session.send()', error);\n  });\n}" },
            { messageId: "logErrorSuggestion", output: "declare const session: { send(method: string, params?: object): Promise<unknown> };\nexport function evaluate(expression: string): void {\n  session.send('Runtime.evaluate', { expression }).catch((error) => { console.error('evaluate: unexpected error', error); });\n}" },
          ],
        },
      ],
    },
    // a domain enable whose handler does work (turns tracking off) is not a no-op
    {
      code: `declare const session: { send(method: string): Promise<unknown> };
let tracking = true;
export function trackNetwork(): void {
  session.send('Network.enable').catch(() => {
    tracking = false;
  });
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: ".catch() handler", detail: "the path ending at line 6 carries on without logging or rethrowing it", expected: "" },
          line: 4,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare const session: { send(method: string): Promise<unknown> };\nlet tracking = true;\nexport function trackNetwork(): void {\n  session.send('Network.enable').catch((error: unknown) => {\n    tracking = false;\n    console.error('trackNetwork: unexpected error from session.send()', error);\n  });\n}" },
            { messageId: "logErrorSuggestion", output: "declare const session: { send(method: string): Promise<unknown> };\nlet tracking = true;\nexport function trackNetwork(): void {\n  session.send('Network.enable').catch((error) => {\n    tracking = false;\n    console.error('trackNetwork: unexpected error', error);\n  });\n}" },
          ],
        },
      ],
    },
    // an awaited abort() (a stream writer's) can fail on a broken sink
    {
      code: `export async function cancelUpload(writer: WritableStreamDefaultWriter): Promise<void> {
  try {
    await writer.abort();
  } catch {}
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "it is empty", expected: "" },
          line: 4,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "export async function cancelUpload(writer: WritableStreamDefaultWriter): Promise<void> {\n  try {\n    await writer.abort();\n  } catch (error) {\n    console.error('cancelUpload: unexpected error from writer.abort()', error);\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "export async function cancelUpload(writer: WritableStreamDefaultWriter): Promise<void> {\n  try {\n    await writer.abort();\n  } catch (error) { console.error('cancelUpload: unexpected error', error); }\n}" },
            { messageId: "rethrowSuggestion", output: "export async function cancelUpload(writer: WritableStreamDefaultWriter): Promise<void> {\n  try {\n    await writer.abort();\n  } catch (error) { throw error; }\n}" },
          ],
        },
      ],
    },
    // an abort() next to other work
    {
      code: `declare function saveDraft(): Promise<void>;
export async function leave(controller: AbortController): Promise<void> {
  try {
    controller.abort();
    await saveDraft();
  } catch {}
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "it is empty", expected: "" },
          line: 6,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare function saveDraft(): Promise<void>;\nexport async function leave(controller: AbortController): Promise<void> {\n  try {\n    controller.abort();\n    await saveDraft();\n  } catch (error) {\n    console.error('leave: unexpected error from saveDraft()', error);\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "declare function saveDraft(): Promise<void>;\nexport async function leave(controller: AbortController): Promise<void> {\n  try {\n    controller.abort();\n    await saveDraft();\n  } catch (error) { console.error('leave: unexpected error', error); }\n}" },
            { messageId: "rethrowSuggestion", output: "declare function saveDraft(): Promise<void>;\nexport async function leave(controller: AbortController): Promise<void> {\n  try {\n    controller.abort();\n    await saveDraft();\n  } catch (error) { throw error; }\n}" },
          ],
        },
      ],
    },
    // an awaited has() is a store's round trip
    {
      code: `declare const cache: { has(key: string): Promise<boolean>; get(key: string): Promise<string> };
export async function cachedConfig(key: string): Promise<unknown> {
  try {
    if (!(await cache.has(key))) return null;
    return JSON.parse(await cache.get(key));
  } catch {
    return null;
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 7 returns null without logging or rethrowing it", expected: "" },
          line: 6,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare const cache: { has(key: string): Promise<boolean>; get(key: string): Promise<string> };\nexport async function cachedConfig(key: string): Promise<unknown> {\n  try {\n    if (!(await cache.has(key))) return null;\n    return JSON.parse(await cache.get(key));\n  } catch (error) {\n    if (error instanceof SyntaxError) {\n      console.warn('cachedConfig: JSON.parse() failed', error);\n    } else {\n      console.error('cachedConfig: unexpected error from JSON.parse()', error);\n    }\n    return null;\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "declare const cache: { has(key: string): Promise<boolean>; get(key: string): Promise<string> };\nexport async function cachedConfig(key: string): Promise<unknown> {\n  try {\n    if (!(await cache.has(key))) return null;\n    return JSON.parse(await cache.get(key));\n  } catch (error) {\n    console.error('cachedConfig: unexpected error', error);\n    return null;\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "declare const cache: { has(key: string): Promise<boolean>; get(key: string): Promise<string> };\nexport async function cachedConfig(key: string): Promise<unknown> {\n  try {\n    if (!(await cache.has(key))) return null;\n    return JSON.parse(await cache.get(key));\n  } catch (error) {\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
    // a search parameter read in place next to I/O
    {
      code: `declare function loadUser(id: string | null): Promise<{ name: string }>;
export async function currentUser(search: string): Promise<{ name: string } | null> {
  try {
    return await loadUser(new URLSearchParams(search).get('id'));
  } catch {
    return null;
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 6 returns null without logging or rethrowing it", expected: "" },
          line: 5,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare function loadUser(id: string | null): Promise<{ name: string }>;\nexport async function currentUser(search: string): Promise<{ name: string } | null> {\n  try {\n    return await loadUser(new URLSearchParams(search).get('id'));\n  } catch (error) {\n    console.error('currentUser: unexpected error from loadUser()', error);\n    return null;\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "declare function loadUser(id: string | null): Promise<{ name: string }>;\nexport async function currentUser(search: string): Promise<{ name: string } | null> {\n  try {\n    return await loadUser(new URLSearchParams(search).get('id'));\n  } catch (error) {\n    console.error('currentUser: unexpected error', error);\n    return null;\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "declare function loadUser(id: string | null): Promise<{ name: string }>;\nexport async function currentUser(search: string): Promise<{ name: string } | null> {\n  try {\n    return await loadUser(new URLSearchParams(search).get('id'));\n  } catch (error) {\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
    // new Promise(executor) is not a constructor that validates its input: the executor's work can fail — AFFiNE packages/frontend/core/src/modules/docs-search/worker/out-worker.ts:36 (exempt as a probe before)
    {
      code: `export async function startWorker(url: URL): Promise<Worker | null> {
  try {
    return await new Promise<Worker>((resolve, reject) => {
      const worker = new Worker(url);
      worker.addEventListener('error', reject);
      worker.addEventListener('message', () => resolve(worker));
    });
  } catch {
    return null;
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 9 returns null without logging or rethrowing it", expected: "" },
          line: 8,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "export async function startWorker(url: URL): Promise<Worker | null> {\n  try {\n    return await new Promise<Worker>((resolve, reject) => {\n      const worker = new Worker(url);\n      worker.addEventListener('error', reject);\n      worker.addEventListener('message', () => resolve(worker));\n    });\n  } catch (error) {\n    console.error('startWorker: unexpected error from new Promise()', error);\n    return null;\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "export async function startWorker(url: URL): Promise<Worker | null> {\n  try {\n    return await new Promise<Worker>((resolve, reject) => {\n      const worker = new Worker(url);\n      worker.addEventListener('error', reject);\n      worker.addEventListener('message', () => resolve(worker));\n    });\n  } catch (error) {\n    console.error('startWorker: unexpected error', error);\n    return null;\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "export async function startWorker(url: URL): Promise<Worker | null> {\n  try {\n    return await new Promise<Worker>((resolve, reject) => {\n      const worker = new Worker(url);\n      worker.addEventListener('error', reject);\n      worker.addEventListener('message', () => resolve(worker));\n    });\n  } catch (error) {\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
  ],
});
