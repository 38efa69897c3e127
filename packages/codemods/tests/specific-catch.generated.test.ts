// Generated programs: every combination of logger context × handler shape × body × layout.
// For each: the transform never throws, the output parses, a second run is a no-op, and the
// rules report nothing the transform did not mark with a FIXME.
import { describe, expect, it } from 'vitest';
import { transformSource } from '../src/index.js';
import { parseForAnalysis } from '../src/parse.js';
import { lintCatchwise } from './lint.js';

const CONTEXTS: Record<string, { head: string; receiver: string }> = {
  none: { head: '', receiver: '' },
  pino: { head: "import { pino } from 'pino';\nconst logger = pino();\n", receiver: '' },
  winston: { head: "import winston from 'winston';\nconst logger = winston.createLogger({});\n", receiver: '' },
  local: { head: "import { log } from './log.js';\nlog.info({ started: true }, 'start');\n", receiver: '' },
};

/** A handler body (statements), given the binding name or null, in a loop or not. */
const BODIES: Record<string, (binding: string | null) => string[]> = {
  empty: () => [],
  placeholder: () => ['// ignore'],
  returnDefault: () => ['return 0;'],
  continueLoop: () => ['continue;'],
  narrowOne: (b) => (b ? [`if (${b} instanceof TypeError) {`, '  return 1;', '}', 'return 0;'] : ['return 0;']),
  narrowEnd: (b) => (b ? [`if (${b} instanceof RangeError) {`, '  counter += 1;', '}'] : ['counter += 1;']),
  dropsError: (b) => (b ? [`console.warn('failed: ' + String(${b}));`, 'return -1;'] : ['console.warn("failed");', 'return -1;']),
  infoOnly: () => ["console.info('retrying');", 'return 2;'],
};

const HANDLERS = ['catch-binding', 'catch-none', 'promise-block', 'promise-expr', 'then-function'] as const;
const INDENTS = { two: '  ', four: '    ', tab: '\t' };

function program(context: string, handler: (typeof HANDLERS)[number], body: string, indent: string, eol: string): string | null {
  const u = indent;
  const { head } = CONTEXTS[context]!;
  const lines: string[] = [];
  const binding = handler === 'catch-none' || handler === 'promise-expr' ? null : 'e';
  let stmts = BODIES[body]!(binding);
  if (handler.startsWith('promise') || handler === 'then-function') {
    if (stmts.some((s) => s.startsWith('continue'))) return null;
    stmts = stmts.map((s) => (s === 'return 0;' || s === 'return 1;' || s === 'return -1;' || s === 'return 2;' ? s.replace(/\d/, '7') : s));
  }
  lines.push('export async function work(items: number[], source: { fetch(n: number): Promise<number> }): Promise<number> {');
  lines.push(`${u}let counter = 0;`);
  lines.push(`${u}for (const item of items) {`);
  const at = u + u;
  if (handler === 'catch-binding' || handler === 'catch-none') {
    lines.push(`${at}try {`, `${at}${u}counter += await source.fetch(item);`, `${at}} catch${binding ? ` (${binding})` : ''} {`);
    for (const s of stmts) lines.push(`${at}${u}${s}`);
    lines.push(`${at}}`);
  } else if (handler === 'promise-block') {
    lines.push(`${at}counter += await source.fetch(item).catch((${binding}) => {`);
    for (const s of stmts) lines.push(`${at}${u}${s}`);
    if (!stmts.some((s) => s.startsWith('return'))) lines.push(`${at}${u}return 0;`);
    lines.push(`${at}});`);
  } else if (handler === 'promise-expr') {
    if (body !== 'returnDefault') return null;
    lines.push(`${at}counter += await source.fetch(item).catch(() => 0);`);
  } else {
    lines.push(`${at}counter += await source.fetch(item).then(`, `${at}${u}(value) => value,`, `${at}${u}function (${binding}) {`);
    for (const s of stmts) lines.push(`${at}${u}${u}${s}`);
    if (!stmts.some((s) => s.startsWith('return'))) lines.push(`${at}${u}${u}return 0;`);
    lines.push(`${at}${u}},`, `${at});`);
  }
  lines.push(`${u}}`, `${u}return counter;`, '}', '');
  return (head + lines.join('\n')).replace(/\n/g, eol);
}

const cases: { name: string; text: string }[] = [];
for (const context of Object.keys(CONTEXTS)) {
  for (const handler of HANDLERS) {
    for (const body of Object.keys(BODIES)) {
      for (const [indentName, indent] of Object.entries(INDENTS)) {
        const eol = indentName === 'four' ? '\r\n' : '\n';
        const text = program(context, handler, body, indent, eol);
        if (text) cases.push({ name: `${context}/${handler}/${body}/${indentName}`, text });
      }
    }
  }
}

describe('specific-catch on generated programs', () => {
  it('generates enough programs, and most of them hold a handler the rules report', () => {
    expect(cases.length).toBeGreaterThan(150);
    const rewritten = cases.filter(({ text }) => transformSource(text, { fileName: '/project/src/work.ts' }).findings > 0).length;
    expect(rewritten / cases.length).toBeGreaterThan(0.7);
  });

  it.each(cases)('$name', ({ text }) => {
    const fileName = '/project/src/work.ts';
    const result = transformSource(text, { fileName });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.diagnostics.filter((d) => d.code === 'still-reported')).toEqual([]);
    expect(() => parseForAnalysis(result.output, fileName)).not.toThrow();
    expect(transformSource(result.output, { fileName }).output).toBe(result.output);
    if (text.includes('\r\n')) expect(result.output.replace(/\r\n/g, '')).not.toContain('\n');
    const fixmes = result.diagnostics.filter((d) => d.code === 'fixme').length;
    const after = lintCatchwise(result.output, fileName).filter((m) => m.ruleId?.startsWith('catchwise/'));
    expect(after.length).toBe(fixmes);
  });
});
