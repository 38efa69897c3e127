// Tenth precision audit (linkwarden, umami, karakeep, teable: application code): each valid case is a minimal rewrite
// of a deliberate handler the audit found reported (source named in its comment), each invalid case the neighbouring
// defect shape that must keep being reported.
import { afterAll, describe, it } from 'vitest';
import { RuleTester } from '@typescript-eslint/rule-tester';
import noBroadCatch from '../src/rules/no-broad-catch.js';
import noSilentCatch from '../src/rules/no-silent-catch.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester();

ruleTester.run('no-broad-catch: an AbortSignal only a timeout aborts is a failure, not the caller cancelling (audit 10)', noBroadCatch, {
  valid: [
    // a feed fetch whose controller only a timer aborts: the timeout is a failure, logged — linkwarden apps/worker/workers/rssPolling.ts:63
    `declare const parser: { parseString(xml: string): Promise<unknown> };
export async function pollFeed(url: string, timeoutMs: number): Promise<void> {
  const controller = new AbortController();
  const timeout = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const xml = await fetch(url, { signal: controller.signal }).then((res) => res.text());
    await parser.parseString(xml);
  } catch (error) {
    console.error(\`Error processing RSS feed \${url}:\`, error);
  } finally {
    clearTimeout(timeout);
  }
}`,
    // AbortSignal.timeout() rejects with a TimeoutError, a failure — ghostfolio apps/api/src/services/data-provider/ghostfolio/ghostfolio.service.ts:148 (trigger.dev's eval-policy.ts:432 likewise)
    `declare const logger: { error(message: string, error: unknown): void };
export async function getQuotes(url: string): Promise<Record<string, number>> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
    return (await response.json()) as Record<string, number>;
  } catch (error) {
    logger.error('Could not get quotes', error);
    return {};
  }
}`,
    // a controller aborted in a timeout's callback, its signal passed on — linkwarden apps/worker/lib/archiveHandler.ts:193
    `export async function archive(url: string, minutes: number, save: (url: string, signal: AbortSignal) => Promise<void>): Promise<void> {
  const abortController = new AbortController();
  const timer = setTimeout(() => {
    abortController.abort();
  }, minutes * 60000);
  await save(url, abortController.signal).catch((err) => {
    console.error(err);
  });
  clearTimeout(timer);
}`,
  ],
  invalid: [
    // a controller aborted when the page goes away is the caller cancelling, even if a timer aborts it too
    {
      code: `export async function loadPreview(url: string): Promise<() => void> {
  const controller = new AbortController();
  window.addEventListener('pagehide', () => controller.abort());
  try {
    await fetch(url, { signal: controller.signal });
  } catch (error) {
    console.error('Could not load the preview', error);
  }
  return () => clearTimeout(setTimeout(() => controller.abort(), 1000));
}`,
      errors: [
        {
          messageId: 'abortSwallowed', data: { handler: "catch clause", which: "the path", line: "8", signal: "`controller.signal`", where: "passed to fetch() at line 5", action: "carries on", more: "" },
          line: 6,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "export async function loadPreview(url: string): Promise<() => void> {\n  const controller = new AbortController();\n  window.addEventListener('pagehide', () => controller.abort());\n  try {\n    await fetch(url, { signal: controller.signal });\n  } catch (error) {\n    if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {\n      /* cancelled by the caller: not an error */\n    } else {\n      console.error('Could not load the preview', error);\n    }\n  }\n  return () => clearTimeout(setTimeout(() => controller.abort(), 1000));\n}" },
          ],
        },
      ],
    },
    // a controller handed on as a whole can be aborted elsewhere
    {
      code: `declare function track(controller: AbortController): void;
export async function poll(url: string, timeoutMs: number): Promise<void> {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), timeoutMs);
  track(controller);
  try {
    await fetch(url, { signal: controller.signal });
  } catch (error) {
    console.error('Poll failed', error);
  }
}`,
      errors: [
        {
          messageId: 'abortSwallowed', data: { handler: "catch clause", which: "the path", line: "10", signal: "`controller.signal`", where: "passed to fetch() at line 7", action: "carries on", more: "" },
          line: 8,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare function track(controller: AbortController): void;\nexport async function poll(url: string, timeoutMs: number): Promise<void> {\n  const controller = new AbortController();\n  setTimeout(() => controller.abort(), timeoutMs);\n  track(controller);\n  try {\n    await fetch(url, { signal: controller.signal });\n  } catch (error) {\n    if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {\n      /* cancelled by the caller: not an error */\n    } else {\n      console.error('Poll failed', error);\n    }\n  }\n}" },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-silent-catch: request.clone() before a parse, Web Storage reads, a fallback value with || (audit 10)', noSilentCatch, {
  valid: [
    // a request's body parsed from a clone — umami src/lib/request.ts:58 (audit 9's trigger.dev response.clone())
    `export async function getJsonBody(request: Request): Promise<unknown> {
  try {
    return await request.clone().json();
  } catch {
    return undefined;
  }
}`,
    // a decode probe whose fallback is the input with || — linkwarden apps/web/lib/api/controllers/tags/getTags.ts:18
    `export const normalizeSearch = (value?: string): string | undefined => {
  if (!value) return undefined;
  try {
    return decodeURIComponent(value).trim() || undefined;
  } catch {
    return value.trim() || undefined;
  }
};`,
    // a saved setting read from localStorage and parsed — karakeep apps/web/lib/readerSettings.tsx:27 (linkwarden's recent searches, trigger.dev's last chat, vercel/ai's docs preview, excalidraw's feature flags: the same read)
    `export function getLocalOverridesFromStorage(): Record<string, unknown> {
  if (typeof window === 'undefined') return {};
  try {
    const stored = localStorage.getItem('reader-settings');
    return stored ? JSON.parse(stored) : {};
  } catch {
    return {};
  }
}`,
    // a previous trace read from sessionStorage — sentry-javascript packages/browser/src/tracing/linkedTraces.ts:229
    `export function getPreviousTrace(): unknown {
  try {
    const previousTraceInfo = window.sessionStorage?.getItem('previous_trace');
    return JSON.parse(previousTraceInfo ?? 'null');
  } catch {
    return undefined;
  }
}`,
  ],
  invalid: [
    // a token read from localStorage for a fetch: the fetch is I/O
    {
      code: `export async function loadProfile(url: string): Promise<unknown> {
  try {
    const token = localStorage.getItem('token') ?? '';
    const response = await fetch(url, { headers: { authorization: token } });
    return await response.json();
  } catch {
    return null;
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 7 returns null without logging or rethrowing it", expected: "" },
          line: 6,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "export async function loadProfile(url: string): Promise<unknown> {\n  try {\n    const token = localStorage.getItem('token') ?? '';\n    const response = await fetch(url, { headers: { authorization: token } });\n    return await response.json();\n  } catch (error) {\n    if (error instanceof TypeError || (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError'))) {\n      console.warn('loadProfile: fetch() failed', error);\n    } else {\n      console.error('loadProfile: unexpected error from fetch()', error);\n    }\n    return null;\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "export async function loadProfile(url: string): Promise<unknown> {\n  try {\n    const token = localStorage.getItem('token') ?? '';\n    const response = await fetch(url, { headers: { authorization: token } });\n    return await response.json();\n  } catch (error) {\n    console.error('loadProfile: unexpected error', error);\n    return null;\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "export async function loadProfile(url: string): Promise<unknown> {\n  try {\n    const token = localStorage.getItem('token') ?? '';\n    const response = await fetch(url, { headers: { authorization: token } });\n    return await response.json();\n  } catch (error) {\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
    // a clone of a fetched response: the fetch is I/O
    {
      code: `export async function getRemoteJson(url: string): Promise<unknown> {
  try {
    return await (await fetch(url)).clone().json();
  } catch {
    return undefined;
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 5 returns undefined without logging or rethrowing it", expected: "" },
          line: 4,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "export async function getRemoteJson(url: string): Promise<unknown> {\n  try {\n    return await (await fetch(url)).clone().json();\n  } catch (error) {\n    if (error instanceof TypeError || (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError'))) {\n      console.warn('getRemoteJson: fetch() failed', error);\n    } else {\n      console.error('getRemoteJson: unexpected error from fetch()', error);\n    }\n    return undefined;\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "export async function getRemoteJson(url: string): Promise<unknown> {\n  try {\n    return await (await fetch(url)).clone().json();\n  } catch (error) {\n    console.error('getRemoteJson: unexpected error', error);\n    return undefined;\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "export async function getRemoteJson(url: string): Promise<unknown> {\n  try {\n    return await (await fetch(url)).clone().json();\n  } catch (error) {\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
    // a fallback with || after a database read stays reported
    {
      code: `declare const db: { get(key: string): Promise<string | undefined> };
export async function readSetting(key: string, cached?: string): Promise<string | null> {
  try {
    return (await db.get(key)) || null;
  } catch {
    return cached || null;
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 6 returns cached || null without logging or rethrowing it", expected: "" },
          line: 5,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare const db: { get(key: string): Promise<string | undefined> };\nexport async function readSetting(key: string, cached?: string): Promise<string | null> {\n  try {\n    return (await db.get(key)) || null;\n  } catch (error) {\n    console.error('readSetting: unexpected error from db.get()', error);\n    return cached || null;\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "declare const db: { get(key: string): Promise<string | undefined> };\nexport async function readSetting(key: string, cached?: string): Promise<string | null> {\n  try {\n    return (await db.get(key)) || null;\n  } catch (error) {\n    console.error('readSetting: unexpected error', error);\n    return cached || null;\n  }\n}" },
          ],
        },
      ],
    },
    // a fetch with a timeout signal stays reported, without the abort note: a timeout is not the caller cancelling — karakeep apps/workers/workers/feedWorker.ts:210
    {
      code: `export async function getRates(url: string): Promise<Record<string, number>> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
    return (await response.json()) as Record<string, number>;
  } catch {
    return {};
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 6 returns {} without logging or rethrowing it", expected: "" },
          line: 5,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "export async function getRates(url: string): Promise<Record<string, number>> {\n  try {\n    const response = await fetch(url, { signal: AbortSignal.timeout(3000) });\n    return (await response.json()) as Record<string, number>;\n  } catch (error) {\n    if (error instanceof TypeError || (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError'))) {\n      console.warn('getRates: fetch() failed', error);\n    } else {\n      console.error('getRates: unexpected error from fetch()', error);\n    }\n    return {};\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "export async function getRates(url: string): Promise<Record<string, number>> {\n  try {\n    const response = await fetch(url, { signal: AbortSignal.timeout(3000) });\n    return (await response.json()) as Record<string, number>;\n  } catch (error) {\n    console.error('getRates: unexpected error', error);\n    return {};\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "export async function getRates(url: string): Promise<Record<string, number>> {\n  try {\n    const response = await fetch(url, { signal: AbortSignal.timeout(3000) });\n    return (await response.json()) as Record<string, number>;\n  } catch (error) {\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-silent-catch: process.getBuiltinModule is a module load like require (codemod audit 5)', noSilentCatch, {
  valid: [
    // a built-in module loaded either way, undefined when neither works — ioredis lib/tracing.ts:87
    `const dc: any = (() => {
  try {
    return 'getBuiltinModule' in process
      ? (process as any).getBuiltinModule('node:diagnostics_channel')
      : require('node:diagnostics_channel');
  } catch {
    return undefined;
  }
})();`,
  ],
  invalid: [
    // the module is used inside the try: its failure is no longer "not available"
    {
      code: `let sharp: unknown;
try {
  sharp = (process as any).getBuiltinModule('node:sharp') ?? require('sharp');
  init(sharp);
} catch {}
declare function init(x: unknown): void;`,
      errors: [
        {
          messageId: 'silentCatch',
          data: { handler: 'catch clause', detail: 'it is empty', expected: '' },
          line: 5,
          suggestions: [
            {
              messageId: 'specificCatchSuggestion',
              output: `let sharp: unknown;
try {
  sharp = (process as any).getBuiltinModule('node:sharp') ?? require('sharp');
  init(sharp);
} catch (error) {
  console.error('file: unexpected error from getBuiltinModule()', error);
}
declare function init(x: unknown): void;`,
            },
            {
              messageId: 'logErrorSuggestion',
              data: { logger: 'console' },
              output: `let sharp: unknown;
try {
  sharp = (process as any).getBuiltinModule('node:sharp') ?? require('sharp');
  init(sharp);
} catch (error) { console.error('unexpected error', error); }
declare function init(x: unknown): void;`,
            },
            {
              messageId: 'rethrowSuggestion',
              output: `let sharp: unknown;
try {
  sharp = (process as any).getBuiltinModule('node:sharp') ?? require('sharp');
  init(sharp);
} catch (error) { throw error; }
declare function init(x: unknown): void;`,
            },
          ],
        },
      ],
    },
  ],
});
