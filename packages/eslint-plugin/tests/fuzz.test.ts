// No input crashes a rule: generated programs (fast-check) and every file under examples/.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin from '../src/index.js';

const linter = new Linter({ configType: 'flat' });
const config = [{ files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser } }, plugin.configs.strict] as unknown as Linter.Config[];

// `.ts` files go through typescript-eslint's parser, `.js` files through espree (ESLint's default).
function lint(code: string, filename = 'fuzz.ts') {
  const messages = linter.verify(code, config, { filename });
  const crash = messages.find((message) => message.fatal && !/Parsing error/.test(message.message));
  return { messages, crash };
}

// A tiny grammar of statements that handlers are made of.
const name = fc.constantFrom('e', 'err', 'error', 'x', '_');
const expr = fc.oneof(
  name,
  fc.constantFrom('0', 'null', 'undefined', '"s"', 'e.message', 'String(e)', '`${e}`', '{ err: e }', 'f()', 'await f()', 'new Error("x", { cause: e })'),
);
const leaf = fc.oneof(
  expr.map((value) => `return ${value};`),
  expr.map((value) => `throw ${value};`),
  fc.tuple(fc.constantFrom('logger.error', 'logger.debug', 'console.warn', 'this.logger?.warn', 'log.info', 'next', 'reject', 'handle'), expr).map(
    ([callee, value]) => `${callee}(${value});`,
  ),
  fc.constantFrom('continue;', 'break;', 'void e;', ';', '/* ignore */', '/* empty */', 'const { code } = e;', 'const err2 = e as Error;', 'f(() => { throw e; });'),
);
const statement: fc.Arbitrary<string> = fc.letrec((tie) => ({
  stmt: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(fc.constantFrom('e instanceof TypeError', 'e.code === "ENOENT"', 'isStale()', '!(e instanceof Error)', 'code'), tie('block')).map(
      ([test, body]) => `if (${test}) ${body}`,
    ),
    tie('block').map((body) => `try ${body} catch (e) ${body}`),
    tie('block').map((body) => `switch (e.code) { case "A": ${body} default: break; }`),
    tie('block').map((body) => `for (const y of ys) ${body}`),
  ),
  block: fc.array(tie('stmt'), { maxLength: 4 }).map((items) => `{ ${(items as string[]).join(' ')} }`),
})).stmt;
const program = fc
  .tuple(statement, fc.constantFrom('catch (e)', 'catch', 'catch ({ message })', 'catch (_)'), fc.constantFrom('fn', 'promise', 'then'))
  .map(([body, clause, shape]) => {
    const block = `{ ${body} }`;
    if (shape === 'promise') return `async function g(ys) { p.catch((e) => ${block}); }`;
    if (shape === 'then') return `async function g(ys) { p.then(ok, async function (e) ${block}); }`;
    return `async function g(ys) { for (const y of ys) { try { await f(y); } ${clause} ${block} } }`;
  });

describe('fuzz', () => {
  it('generated programs never crash a rule', () => {
    fc.assert(
      fc.property(program, (code) => {
        const { crash } = lint(code);
        expect(crash?.message ?? null, code).toBeNull();
        if (!code.includes(' as ')) {
          const js = lint(code, 'fuzz.js');
          expect(js.crash?.message ?? null, code).toBeNull();
          // Same reports from both parsers where both accept the program: the analysis does not
          // depend on TypeScript's AST.
          if (!js.messages.some((message) => message.fatal)) expect(js.messages.map((message) => `${message.line} ${message.ruleId}`), code).toEqual(
            lint(code).messages.map((message) => `${message.line} ${message.ruleId}`),
          );
        }
      }),
      { numRuns: 300, seed: 20261128 },
    );
  }, 60_000);

  it('every file under examples/ lints without a crash', () => {
    const root = fileURLToPath(new URL('../../../examples/', import.meta.url));
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(?:[cm]?[jt]sx?)$/.test(entry.name)) files.push(path);
      }
    };
    walk(root);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const { crash } = lint(readFileSync(file, 'utf8'), relative(root, file));
      expect(crash?.message ?? null, file).toBeNull();
    }
  }, 60_000);
});
