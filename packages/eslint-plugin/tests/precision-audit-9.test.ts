// Ninth precision audit (sentry-javascript, ghostfolio, bullmq, trigger.dev): each valid case is a minimal rewrite of
// a deliberate handler the audit found reported (source named in its comment), each invalid case the neighbouring
// defect shape that must keep being reported.
import { afterAll, describe, it } from 'vitest';
import { RuleTester } from '@typescript-eslint/rule-tester';
import noSilentCatch from '../src/rules/no-silent-catch.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester();

ruleTester.run('no-silent-catch: URL query parameters and map bookkeeping in probes, stream cancels, request.text() before a parse, prefixed integration-test trees (audit 9)', noSilentCatch, {
  valid: [
    // a query parameter read from a URL built in place — trigger.dev apps/webapp/app/db.server.ts:564
    `export function prismaSchema(connectionString: string): string | undefined {
  let schema: string | undefined;
  try {
    schema = new URL(connectionString).searchParams.get('schema') ?? undefined;
  } catch {
    schema = undefined;
  }
  return schema;
}`,
    // a connection string normalised: one parameter deleted — trigger.dev internal-packages/dashboard-agent-db/src/client.ts:44 (×4 in that repository)
    `export function normalizeConnectionString(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    url.searchParams.delete('schema');
    return url.toString();
  } catch {
    return connectionString;
  }
}`,
    // a URL redacted for a log — formbricks apps/web/lib/utils/logger-helpers.ts:118 (Playwright's html-reporter formatUrl has the same shape)
    `const URL_SENSITIVE_KEYS = ['token', 'code', 'state'];
export const sanitizeUrlForLogging = (url: string): string => {
  try {
    const urlObj = new URL(url);
    URL_SENSITIVE_KEYS.forEach((key) => {
      if (urlObj.searchParams.has(key)) {
        urlObj.searchParams.set(key, '********');
      }
    });
    return urlObj.origin + urlObj.pathname + urlObj.search;
  } catch {
    return '[invalid-url]';
  }
};`,
    // a map filled from what was parsed — sentry-javascript packages/core/src/tracing/vercel-ai/index.ts:493 (payload's dependency versions: the same bookkeeping)
    `export function toolDescriptions(tools: unknown[]): Map<string, string> {
  const descriptions = new Map<string, string>();
  for (const toolStr of tools) {
    try {
      const parsed = (typeof toolStr === 'string' ? JSON.parse(toolStr) : toolStr) as { name?: string; description?: string };
      if (parsed?.name && parsed?.description) {
        descriptions.set(parsed.name, parsed.description);
      }
    } catch {
      // ignore parse errors
    }
  }
  return descriptions;
}`,
    // a scenario under a prefixed integration-test tree — sentry-javascript dev-packages/{node,browser,bun}-integration-tests
    { filename: "dev-packages/node-integration-tests/suites/tracing/scenario.ts", code: `declare function sendEnvelope(): Promise<void>;
export async function scenario(): Promise<void> {
  try {
    await sendEnvelope();
  } catch {}
}` },
    // a response body cancelled in a read timeout — sentry-javascript packages/core/src/instrument/fetch.ts:167 (×3 there)
    `export async function resolveResponse(res: Response, onFinished: () => void): Promise<void> {
  if (!res.body) return;
  const body = res.body;
  const reader = body.getReader();
  const timeout = setTimeout(() => {
    body.cancel().then(null, () => {
      // noop
    });
  }, 90_000);
  while (!(await reader.read()).done);
  clearTimeout(timeout);
  onFinished();
}`,
    // a body nobody reads, cancelled — pnpm pnpm11/network/web-auth/src/pollForWebAuthToken.ts:190
    `export function discardBody(response: Response): void {
  response.body?.cancel().catch(() => {});
}`,
    // a request body read as text and parsed, answered with a 400 — trigger.dev apps/webapp/app/routes/api.v1.dashboard-agent.watches.batch-check.ts:47 (×3 there)
    `declare function json(body: unknown, init?: { status: number }): Response;
export async function action({ request }: { request: Request }): Promise<Response> {
  let rawBody: unknown;
  try {
    const raw = await request.text();
    rawBody = raw.length > 0 ? JSON.parse(raw) : {};
  } catch {
    return json({ error: 'Invalid request body' }, { status: 400 });
  }
  return json({ ok: true, rawBody });
}`,
  ],
  invalid: [
    // a query parameter set on a URL that is then fetched: the fetch is I/O
    {
      code: `export async function fetchWithToken(raw: string, token: string): Promise<Response | null> {
  try {
    const url = new URL(raw);
    url.searchParams.set('token', token);
    return await fetch(url);
  } catch {
    return null;
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 7 returns null without logging or rethrowing it", expected: "" },
          line: 6,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "export async function fetchWithToken(raw: string, token: string): Promise<Response | null> {\n  try {\n    const url = new URL(raw);\n    url.searchParams.set('token', token);\n    return await fetch(url);\n  } catch (error) {\n    if (error instanceof TypeError || (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError'))) {\n      console.warn('fetchWithToken: new URL() failed', error);\n    } else {\n      console.error('fetchWithToken: unexpected error from new URL()', error);\n    }\n    return null;\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "export async function fetchWithToken(raw: string, token: string): Promise<Response | null> {\n  try {\n    const url = new URL(raw);\n    url.searchParams.set('token', token);\n    return await fetch(url);\n  } catch (error) {\n    console.error('fetchWithToken: unexpected error', error);\n    return null;\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "export async function fetchWithToken(raw: string, token: string): Promise<Response | null> {\n  try {\n    const url = new URL(raw);\n    url.searchParams.set('token', token);\n    return await fetch(url);\n  } catch (error) {\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
    // an awaited set() is a store's round trip
    {
      code: `declare const cache: { set(key: string, value: unknown): Promise<void> };
export async function remember(key: string, raw: string): Promise<void> {
  try {
    await cache.set(key, JSON.parse(raw));
  } catch {}
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "it is empty", expected: "" },
          line: 5,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare const cache: { set(key: string, value: unknown): Promise<void> };\nexport async function remember(key: string, raw: string): Promise<void> {\n  try {\n    await cache.set(key, JSON.parse(raw));\n  } catch (error) {\n    if (error instanceof SyntaxError) {\n      console.warn('remember: JSON.parse() failed', error);\n    } else {\n      console.error('remember: unexpected error from JSON.parse()', error);\n    }\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "declare const cache: { set(key: string, value: unknown): Promise<void> };\nexport async function remember(key: string, raw: string): Promise<void> {\n  try {\n    await cache.set(key, JSON.parse(raw));\n  } catch (error) { console.error('remember: unexpected error', error); }\n}" },
            { messageId: "rethrowSuggestion", output: "declare const cache: { set(key: string, value: unknown): Promise<void> };\nexport async function remember(key: string, raw: string): Promise<void> {\n  try {\n    await cache.set(key, JSON.parse(raw));\n  } catch (error) { throw error; }\n}" },
          ],
        },
      ],
    },
    // a one-argument set() (a store's: its subscribers run) is not a map filled from a parse
    {
      code: `declare const settings: { set(value: unknown): void };
export function applySettings(raw: string): void {
  try {
    settings.set(JSON.parse(raw));
  } catch {}
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "it is empty", expected: "" },
          line: 5,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare const settings: { set(value: unknown): void };\nexport function applySettings(raw: string): void {\n  try {\n    settings.set(JSON.parse(raw));\n  } catch (error) {\n    if (error instanceof SyntaxError) {\n      console.warn('applySettings: JSON.parse() failed', error);\n    } else {\n      console.error('applySettings: unexpected error from JSON.parse()', error);\n    }\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "declare const settings: { set(value: unknown): void };\nexport function applySettings(raw: string): void {\n  try {\n    settings.set(JSON.parse(raw));\n  } catch (error) { console.error('applySettings: unexpected error', error); }\n}" },
            { messageId: "rethrowSuggestion", output: "declare const settings: { set(value: unknown): void };\nexport function applySettings(raw: string): void {\n  try {\n    settings.set(JSON.parse(raw));\n  } catch (error) { throw error; }\n}" },
          ],
        },
      ],
    },
    // a package whose name contains integration is not a test tree
    {
      filename: "packages/node-integrations/src/index.ts",
      code: `declare function sendEnvelope(): Promise<void>;
export async function scenario(): Promise<void> {
  try {
    await sendEnvelope();
  } catch {}
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "it is empty", expected: "" },
          line: 5,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare function sendEnvelope(): Promise<void>;\nexport async function scenario(): Promise<void> {\n  try {\n    await sendEnvelope();\n  } catch (error) {\n    console.error('scenario: unexpected error from sendEnvelope()', error);\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "declare function sendEnvelope(): Promise<void>;\nexport async function scenario(): Promise<void> {\n  try {\n    await sendEnvelope();\n  } catch (error) { console.error('scenario: unexpected error', error); }\n}" },
            { messageId: "rethrowSuggestion", output: "declare function sendEnvelope(): Promise<void>;\nexport async function scenario(): Promise<void> {\n  try {\n    await sendEnvelope();\n  } catch (error) { throw error; }\n}" },
          ],
        },
      ],
    },
    // a business cancel stays reported
    {
      code: `declare const order: { cancel(): Promise<void> };
export function abandonCheckout(): void {
  order.cancel().catch(() => {});
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: ".catch() handler", detail: "it is empty", expected: "" },
          line: 3,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "declare const order: { cancel(): Promise<void> };\nexport function abandonCheckout(): void {\n  order.cancel().catch((error: unknown) => {\n    console.error('abandonCheckout: unexpected error from order.cancel()', error);\n  });\n}" },
            { messageId: "logErrorSuggestion", output: "declare const order: { cancel(): Promise<void> };\nexport function abandonCheckout(): void {\n  order.cancel().catch((error) => { console.error('abandonCheckout: unexpected error', error); });\n}" },
          ],
        },
      ],
    },
    // a stream cancel elsewhere whose handler does work stays reported
    {
      code: `let cancelled = true;
export function discardBody(response: Response): void {
  response.body?.cancel().catch(() => {
    cancelled = false;
  });
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: ".catch() handler", detail: "the path ending at line 5 carries on without logging or rethrowing it", expected: "" },
          line: 3,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "let cancelled = true;\nexport function discardBody(response: Response): void {\n  response.body?.cancel().catch((error: unknown) => {\n    cancelled = false;\n    console.error('discardBody: unexpected error from body.cancel()', error);\n  });\n}" },
            { messageId: "logErrorSuggestion", output: "let cancelled = true;\nexport function discardBody(response: Response): void {\n  response.body?.cancel().catch((error) => {\n    cancelled = false;\n    console.error('discardBody: unexpected error', error);\n  });\n}" },
          ],
        },
      ],
    },
    // a fetched body read as text and parsed: the fetch is I/O — playwright packages/trace-viewer/src/ui/networkResourceDetails.tsx:335
    {
      code: `export async function webSocketMessages(url: string): Promise<unknown[]> {
  try {
    const response = await fetch(url);
    const text = await response.text();
    return text.split('\\n').filter(Boolean).map((line) => JSON.parse(line));
  } catch {
    return [];
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 7 returns [] without logging or rethrowing it", expected: "" },
          line: 6,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "export async function webSocketMessages(url: string): Promise<unknown[]> {\n  try {\n    const response = await fetch(url);\n    const text = await response.text();\n    return text.split('\\n').filter(Boolean).map((line) => JSON.parse(line));\n  } catch (error) {\n    if (error instanceof TypeError || (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError'))) {\n      console.warn('webSocketMessages: fetch() failed', error);\n    } else {\n      console.error('webSocketMessages: unexpected error from fetch()', error);\n    }\n    return [];\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "export async function webSocketMessages(url: string): Promise<unknown[]> {\n  try {\n    const response = await fetch(url);\n    const text = await response.text();\n    return text.split('\\n').filter(Boolean).map((line) => JSON.parse(line));\n  } catch (error) {\n    console.error('webSocketMessages: unexpected error', error);\n    return [];\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "export async function webSocketMessages(url: string): Promise<unknown[]> {\n  try {\n    const response = await fetch(url);\n    const text = await response.text();\n    return text.split('\\n').filter(Boolean).map((line) => JSON.parse(line));\n  } catch (error) {\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
    // a body read as text with no parse is not request.json()'s first half
    {
      code: `export async function bodyText(request: Request): Promise<string> {
  try {
    return await request.text();
  } catch {
    return '';
  }
}`,
      errors: [
        {
          messageId: 'silentCatch', data: { handler: "catch clause", detail: "the path ending at line 5 returns '' without logging or rethrowing it", expected: "" },
          line: 4,
          suggestions: [
            { messageId: "specificCatchSuggestion", output: "export async function bodyText(request: Request): Promise<string> {\n  try {\n    return await request.text();\n  } catch (error) {\n    console.error('bodyText: unexpected error from request.text()', error);\n    return '';\n  }\n}" },
            { messageId: "logErrorSuggestion", output: "export async function bodyText(request: Request): Promise<string> {\n  try {\n    return await request.text();\n  } catch (error) {\n    console.error('bodyText: unexpected error', error);\n    return '';\n  }\n}" },
            { messageId: "rethrowSuggestion", output: "export async function bodyText(request: Request): Promise<string> {\n  try {\n    return await request.text();\n  } catch (error) {\n    throw error;\n  }\n}" },
          ],
        },
      ],
    },
  ],
});
