// oxc's tree stands in for typescript-estree's only if the catch model cannot tell them apart: the
// same nodes, values, ranges, lines and columns, comments, parents, and the same order of children
// in a walk by keys (the model's `forEachChild`); else the file goes TypeScript's way.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nativeParse } from '../src/native-parse.js';
import { parseForAnalysis } from '../src/parse.js';
import { transformSource } from '../src/index.js';

type Tree = Record<string, unknown>;

/** The tree as plain data: every key but `parent` and oxc's `start`/`end`; `null` and a missing key alike. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === 'parent' || key === 'start' || key === 'end' || child === null || child === undefined) continue;
    out[key] = plain(child);
  }
  return out;
}

// The keys the model's `forEachChild` (analysis/ast.ts) skips; it visits the others in key order.
const SKIPPED_KEYS = new Set(['parent', 'range', 'loc', 'type', 'tokens', 'comments', 'typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'decorators', 'start', 'end']);

function forEachChild(node: Tree, visit: (child: Tree) => void): void {
  for (const key in node) {
    if (SKIPPED_KEYS.has(key)) continue;
    const value = node[key];
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === 'object' && item !== null && typeof (item as Tree).type === 'string') visit(item as Tree);
    }
  }
}

/** `type@start` of every node in the order the model's walk meets them, each with its parent's. */
function walkOrder(program: Tree): string[] {
  const seen: string[] = [];
  const visit = (node: Tree, parent: Tree | undefined): void => {
    const at = (n: Tree | undefined): string => (n ? `${String(n.type)}@${(n.range as number[])[0]}` : '-');
    seen.push(`${at(node)}<${at(node.parent as Tree | undefined)}${node.parent === parent ? '' : '!'}`);
    forEachChild(node, (child) => visit(child, node));
  };
  visit(program, undefined);
  return seen;
}

const fixtureDir = fileURLToPath(new URL('./fixtures/specific-catch/', import.meta.url));
const fixtures = readdirSync(fixtureDir).filter((file) => /\.(?:input|output)\.[cm]?[jt]sx?$/.test(file)).sort();

const CASES: [string, string][] = [
  ['shebang.js', '#!/usr/bin/env node\n// after the shebang\ntry { run() } catch {}\n'],
  ['crlf.ts', 'const x = 1;\r\n// CRLF\r\ntry {\r\n  f();\r\n} catch (e) {\r\n  /* quiet */\r\n}\r\n'],
  ['lines.js', 'a();\u2028b();\u2029c();\rtry { d() } catch {}\n'],
  ['unicode.ts', "const s = '⌘ — 😀';\ntry { f(s) } catch (e: unknown) { log(`😀 ${s}`) }\n"],
  ['script.js', 'var fs = require("fs");\ntry { fs.readFileSync("x") } catch (e) {}\n'],
  ['module.js', 'import fs from "fs";\nfs.promises.readFile("x").catch(() => {});\n'],
  ['meta.mjs', 'const u = import.meta.url;\ntry { f(u) } catch {}\n'],
  ['equals.ts', 'import fs = require("fs");\nexport = fs;\n'],
  ['app.tsx', 'export const A = () => <div title="t" onClick={() => go().catch(() => {})}>{a ? <b /> : null}</div>;\n'],
  ['decorated.ts', '@Injectable()\nexport class S {\n  constructor(@Inject(X) private readonly x: X) {}\n  async run(): Promise<void> {\n    try { await this.x.go(); } catch (error) { this.log.warn(String(error)); }\n  }\n}\n'],
  ['generics.ts', 'function f<T extends object = {}>(x: T): x is T { return true }\nconst g = <T,>(x: T) => x;\nlet y = a as unknown as B;\nlet z = a!.b?.c satisfies D;\n'],
  ['loops.ts', 'for (const a of b) for (const k in a) for (let i = 0; i < 1; i++) while (x) do { if (y) continue; else break; } while (z);\nswitch (k) { case 1: t`x${y}z`; default: }\n'],
  ['try.ts', 'try { a() } catch ({ message }) { b(message) } finally { c() }\np.then(ok, (e) => {}).catch(function named(e) {})\n'],
];

describe("oxc's tree", () => {
  const cases: [string, string][] = [
    ...fixtures.map((file): [string, string] => [`/project/src/${file}`, readFileSync(fixtureDir + file, 'utf8').replace(/^\uFEFF/, '')]),
    ...CASES.map(([name, text]): [string, string] => [`/project/src/${name}`, text]),
  ];
  it('has cases to compare', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(90);
  });
  for (const [fileName, text] of cases) {
    it(`is typescript-estree's for ${fileName.slice('/project/src/'.length)}`, () => {
      const expected = parseForAnalysis(text, fileName).program as unknown as Tree;
      const native = nativeParse(text, fileName);
      expect(native).not.toBeNull();
      const actual = native!.program as unknown as Tree;
      expect(plain(actual)).toEqual(plain(expected));
      expect(walkOrder(actual)).toEqual(walkOrder(expected));
    });
  }

  it('says whether the file holds a handler, as the TypeScript prefilter does', () => {
    const holds = (text: string): boolean | undefined => nativeParse(text, '/project/src/a.ts')?.holdsHandler;
    expect(holds('try { f() } catch {}')).toBe(true);
    expect(holds('p.catch(() => {})')).toBe(true);
    expect(holds('p?.then(ok, fail)')).toBe(true);
    expect(holds('(p.catch as F)(cb)')).toBe(true);
    expect(holds('p.then(ok)')).toBe(false);
    expect(holds('p["catch"](cb)')).toBe(false);
    expect(holds('p.catch()')).toBe(false);
    expect(holds('// try { } catch {}\nconst catchError = 1;')).toBe(false);
  });
});

describe('TypeScript stands in for oxc', () => {
  it('on a syntax error, with TypeScript\'s message', () => {
    const text = 'try { f( } catch {}\n';
    expect(nativeParse(text, '/project/src/a.ts')).toBeNull();
    const result = transformSource(text, { fileName: '/project/src/a.ts' });
    expect(result.typescriptFallback).toBe(true);
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'parse-error', message: 'cannot parse: Argument expression expected.', line: 1, column: 9 })]);
  });

  it('on JSX text with a character reference (typescript-estree decodes it, oxc does not)', () => {
    const text = 'export const A = () => <p>a&nbsp;b</p>;\nexport function f() { try { g() } catch {} }\n';
    expect(nativeParse(text, '/project/src/a.tsx')).toBeNull();
    const result = transformSource(text, { fileName: '/project/src/a.tsx' });
    expect(result.typescriptFallback).toBe(true);
    expect(result.rewritten).toBe(1);
    expect(nativeParse(text.replace('&nbsp;', ' '), '/project/src/a.tsx')).not.toBeNull();
  });

  it('never for a file oxc reads', () => {
    const result = transformSource('export function f() { try { g() } catch {} }\n', { fileName: '/project/src/a.ts' });
    expect(result.rewritten).toBe(1);
    expect(result.typescriptFallback).toBeUndefined();
  });
});

// Without --verify (`recheck: false`) oxc reads the rewrite first and TypeScript's parser judges
// only when oxc finds an error, or when the file holds syntax oxc accepts and TypeScript refuses:
// there oxc's "no error" is not TypeScript's, and the file must fare as it did with TypeScript alone.
describe('oxc judges a rewrite only where it agrees with TypeScript', () => {
  const handler = 'function f(a: unknown) {\n  try {\n    g();\n  } catch {}\n';
  const laxer: [string, string, string][] = [
    ['a legacy octal number', `${handler}}\nvar mode = 0644;\n`, "cannot parse: Octal literals are not allowed. Use the syntax '0o644'."],
    ['a number with a leading zero', `${handler}}\nvar day = 08;\n`, 'cannot parse: Decimals with leading zeros are not allowed.'],
    ['an escaped digit in a string', `${handler}}\nvar s = "\\8";\n`, "cannot parse: Escape sequence '\\8' is not allowed."],
    ['a type assertion assigned to', `${handler}  a as number = 1;\n}\n`, "cannot parse: ';' expected."],
    ['a type assertion updated', `${handler}  (<number>a)++;\n}\n`, ''],
  ];
  for (const [what, text, message] of laxer) {
    it(`hands ${what} to TypeScript`, () => {
      const native = nativeParse(text, '/project/src/a.ts');
      expect(native?.laxerThanTypescript).toBe(true);
      const result = transformSource(text, { fileName: '/project/src/a.ts', recheck: false });
      // The same verdict as TypeScript's parser alone on the input.
      let typescriptVerdict = '';
      try {
        parseForAnalysis(text, '/project/src/a.ts');
      } catch (error) {
        typescriptVerdict = `cannot parse: ${(error as Error).message}`;
      }
      expect(typescriptVerdict).toBe(message);
      if (message) {
        expect(result.output).toBe(text);
        expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'parse-error', message })]);
      } else {
        expect(result.rewritten).toBe(1);
      }
    });
  }

  it('flags none of the forms both accept', () => {
    const text = `${handler}  (a as { n: number }).n = 1;\n  (a as number[])[0] = 2;\n  a! = 3;\n}\nvar n = 0.5 + 0 + 0x10 + 0o17 + 10;\nvar s = '\\n\\t\\x41';\n`;
    expect(nativeParse(text, '/project/src/a.ts')?.laxerThanTypescript).toBe(false);
    expect(transformSource(text, { fileName: '/project/src/a.ts', recheck: false }).rewritten).toBe(1);
  });
});
