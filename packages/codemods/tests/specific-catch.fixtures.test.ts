// Every fixture in tests/fixtures/specific-catch: `<case>.input.<ext>` → `<case>.output.<ext>`.
// For each: the expected output; the output parses; a second run changes nothing; the rules
// report exactly the handlers the codemod rewrote, and nothing after it; `negative-*` unchanged.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { transformSource } from '../src/index.js';
import { parseForAnalysis } from '../src/parse.js';
import { lintCatchwise } from './lint.js';

const dir = fileURLToPath(new URL('./fixtures/specific-catch/', import.meta.url));
const inputs = readdirSync(dir)
  .filter((file) => /\.input\.[cm]?[jt]sx?$/.test(file))
  .sort();

const HANDLER_RULES = new Set(['catchwise/no-silent-catch', 'catchwise/no-broad-catch']);

describe('specific-catch fixtures', () => {
  it('finds the fixtures', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(20);
  });

  for (const input of inputs) {
    const name = input.replace(/\.input\.[^.]+$/, '');
    const ext = input.slice(input.lastIndexOf('.') + 1);
    // A path outside tests/: the rules treat test files as deliberate and report nothing there.
    const fileName = `/project/src/${name}.${ext}`;
    const source = readFileSync(dir + input, 'utf8');
    const expected = readFileSync(`${dir}${name}.output.${ext}`, 'utf8');

    describe(name, () => {
      const result = transformSource(source, { fileName });

      it('produces the expected output', () => {
        expect(result.output).toBe(expected);
        expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        if (name.startsWith('negative-')) {
          expect(source).toBe(expected);
          expect(result.edits).toEqual([]);
        } else {
          expect(result.output).not.toBe(source);
        }
      });

      it('returns edits that turn the input into the output', () => {
        let out = '';
        let cursor = 0;
        for (const edit of result.edits) {
          out += source.slice(cursor, edit.range[0]) + edit.text;
          cursor = edit.range[1];
        }
        expect(out + source.slice(cursor)).toBe(result.output);
      });

      it('parses after the rewrite and keeps the EOL and BOM', () => {
        const text = result.output.replace(/^\uFEFF/, '');
        expect(() => parseForAnalysis(text, fileName)).not.toThrow();
        expect(result.output.startsWith('\uFEFF')).toBe(source.startsWith('\uFEFF'));
        // New lines end as most of the file's lines do (a CRLF file may have an LF shebang line).
        const crlf = (t: string): number => t.split('\r\n').length - 1;
        const lf = (t: string): number => t.replace(/\r\n/g, '').split('\n').length - 1;
        if (crlf(source) > lf(source)) expect(lf(result.output)).toBe(lf(source));
        else expect(crlf(result.output)).toBe(crlf(source));
      });

      it('is a no-op on a second run', () => {
        const again = transformSource(result.output, { fileName });
        expect(again.output).toBe(result.output);
        expect(again.edits).toEqual([]);
      });

      it('rewrites exactly the handlers the rules report, and the rules are clean after', () => {
        const before = lintCatchwise(source, fileName).filter((m) => m.ruleId && HANDLER_RULES.has(m.ruleId));
        expect(before.length).toBe(result.findings);
        if (!name.startsWith('negative-')) expect(before.length).toBeGreaterThan(0);
        const after = lintCatchwise(result.output, fileName).filter((m) => m.ruleId?.startsWith('catchwise/'));
        const fixmes = result.diagnostics.filter((d) => d.code === 'fixme').length;
        if (name.startsWith('fixme-')) {
          expect(fixmes).toBeGreaterThan(0);
          expect(after.filter((m) => m.ruleId && HANDLER_RULES.has(m.ruleId)).length).toBe(fixmes);
          expect(result.output).toContain('FIXME(catchwise):');
        } else {
          expect(fixmes).toBe(0);
          expect(after).toEqual([]);
        }
      });
    });
  }
});
