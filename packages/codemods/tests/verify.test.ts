import { afterEach, describe, expect, it } from 'vitest';
import type * as TypeScript from 'typescript';
import { Verifier } from '../src/verify.js';
import { tempRepo } from './helpers.js';
import type { Repo } from './helpers.js';

const repos: Repo[] = [];
afterEach(() => {
  for (const created of repos.splice(0)) created.cleanup();
});

// Reduced from karakeep apps/workers/network.ts (node-fetch not installed). A checker that first
// resolves the call in prepareFetchOptions, as error knowledge does when it follows a call into a
// body, no longer reports TS2739 on the `= {}` default that a fresh checker reports.
const NETWORK = `import type { RequestInit } from "node-fetch";

declare const logger: { error(message: string, ...meta: unknown[]): void };

export function matchesNoProxy(url: string) {
  try {
    return new URL(url).hostname;
  } catch (e) {
    logger.error(\`Failed to parse URL: \${url}: \${e}\`);
    return false;
  }
}

function cloneHeaders(init?: unknown): unknown {
  return init;
}

export type FetchWithProxyOptions = Omit<RequestInit & { maxRedirects?: number }, "agent">;

export function prepareFetchOptions(options: FetchWithProxyOptions = {}) {
  const { maxRedirects = 5, headers: initHeaders, ...restOptions } = options;
  return { maxRedirects, headers: cloneHeaders(initHeaders), restOptions };
}

export function resolveValidatedRedirectUrl(options: Pick<FetchWithProxyOptions, "headers" | "maxRedirects" | "signal"> = {}) {
  return prepareFetchOptions({ ...options, method: "GET" });
}
`;
const REWRITE = NETWORK.replace('${e}`);', '${e}`, e);');

function networkProject(): string {
  const r = tempRepo({ 'tsconfig.json': JSON.stringify({ compilerOptions: { lib: ['es2022', 'dom'] }, include: ['*.ts'] }) }, { git: false });
  repos.push(r);
  return r.write('network.ts', NETWORK);
}

function askForCall(verifier: Verifier, file: string, callText: string): void {
  const types = verifier.types(file)!;
  const ts = types.ts as unknown as typeof TypeScript;
  const checker = types.checker as unknown as TypeScript.TypeChecker;
  const visit = (node: TypeScript.Node): void => {
    if (ts.isCallExpression(node) && node.getText() === callText) checker.getResolvedSignature(node);
    ts.forEachChild(node, visit);
  };
  visit(types.getSourceFile!(file) as unknown as TypeScript.SourceFile);
}

describe('Verifier', () => {
  it('compares diagnostics from checkers nobody queried: error knowledge asking first does not make a rewrite fail', () => {
    const file = networkProject();
    const verifier = new Verifier();
    askForCall(verifier, file, 'cloneHeaders(initHeaders)');
    expect(verifier.verifyAll([{ file, before: NETWORK, after: REWRITE }]).get(file)).toEqual({ added: [], skipped: null });
  });

  it('still reports the diagnostic a rewrite adds after error knowledge has queried the checker', () => {
    const file = networkProject();
    const verifier = new Verifier();
    askForCall(verifier, file, 'cloneHeaders(initHeaders)');
    const after = REWRITE.replace('logger.error(', 'log.error(');
    expect(verifier.verifyAll([{ file, before: NETWORK, after }]).get(file)!.added).toEqual(["TS2304: Cannot find name 'log'."]);
  });
});
