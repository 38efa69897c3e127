// The codemod collects comments from the TypeScript tree itself instead of typescript-estree's token
// pass: the result must be the same objects in the same order, or the catch model would see other
// reason comments and place its edits elsewhere.
import { parse } from '@typescript-eslint/typescript-estree';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseForAnalysis } from '../src/parse.js';

function estreeComments(text: string, fileName: string): unknown {
  return parse(text, { comment: true, tokens: false, range: true, loc: true, filePath: fileName, jsDocParsingMode: 'none' }).comments;
}

function ownComments(text: string, fileName: string): unknown {
  return parseForAnalysis(text, fileName).program.comments;
}

const TRICKY = [
  '#!/usr/bin/env node\n// after the shebang\nexport {};\n',
  "const re = /\\/\\/ not a comment/g; // a comment\nconst s = '/* not one */';\n",
  'const t = `// not ${a /* inside a substitution */ + `/* nested ${b} */`} either`;\n',
  'try {\n  f();\n} catch {\n  // ignore: the cache is optional\n}\n',
  'const o = { /* empty object */ };\nconst a = [ // empty array\n];\nclass C { /* empty class */ }\n',
  'function f(/* no parameters */) {}\nf(/* no arguments */);\nexport { /* nothing */ };\n',
  'type T = /* a type */ Array<Array</* inner */ string>>;\nlet x: T | /* or */ undefined;\n',
  'const q = a < /re/.exec(b)!.length; /** JSDoc-like block */\nconst d = a / b / c; // divisions\n',
  'if (x) /re/.test(y); // a regular expression after a parenthesis\n',
  'label: for (;;) { break label; /* after break */ }\n',
  'const x = 1;\r\n// CRLF comment\r\n/* block\r\n spanning */\r\n',
  'export default class {\n  #secret = 1; // private\n  get [/* computed */ key]() { return this.#secret; }\n}\n',
  '@decorator /* after a decorator */\nclass D {}\n',
  'const s = "\\" // still a string";\n// trailing comment without newline',
  'enum E { /* none */ }\nnamespace N { // empty namespace\n}\n',
  'import x, { /* named */ } from "m" /* after the specifier */;\n',
];

describe('comments of a parse', () => {
  for (const [index, text] of TRICKY.entries()) {
    it(`match typescript-estree's (case ${index})`, () => {
      const expected = estreeComments(text, '/project/src/a.ts');
      expect((expected as unknown[]).length).toBeGreaterThan(0);
      expect(ownComments(text, '/project/src/a.ts')).toEqual(expected);
    });
  }

  it('are typescript-estree’s own in files with JSX (.tsx, and .js, which may hold JSX)', () => {
    const text = 'const el = <div>// text, not a comment {/* a comment */}</div>;\n';
    expect(ownComments(text, '/project/src/a.tsx')).toEqual(estreeComments(text, '/project/src/a.tsx'));
    const js = 'const f = () => 1; // js\n';
    expect(ownComments(js, '/project/src/a.js')).toEqual(estreeComments(js, '/project/src/a.js'));
  });

  it('match typescript-estree’s on generated token soups', () => {
    const piece = fc.constantFrom(
      'a', 'b.c', '(x)', '[1, 2]', '{}', '`t ${a} //`', "'/*s*/'", '/r\\/*e/g', '1 / 2', '// line\n', '/* block */',
      '/** doc */', '\n', ' ', 'f(a, /*arg*/ b)', '<T>(v: T) => v', 'x as /*cast*/ T', '{ k: /*v*/ 1 }',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = `const v = [${pieces.filter((p) => !p.startsWith('//') && p !== '/** doc */').join(', ')}];\n${pieces.filter((p) => p.startsWith('/')).join('\n')}\n`;
        let expected: unknown;
        try {
          expected = estreeComments(text, '/project/src/a.ts');
        } catch {
          return; // not a program: nothing to compare
        }
        expect(ownComments(text, '/project/src/a.ts')).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
