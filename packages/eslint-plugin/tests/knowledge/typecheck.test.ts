// Real library typings (kafkajs 2.2.4, pg 8.23.1 + @types/pg, axios, zod, @types/node): the
// provider names the right error with the right guard for each fixture file, with and without the
// type checker, and the rewritten files add no TypeScript diagnostic under
// `useUnknownInCatchVariables` true and false.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createKnownErrorProvider } from '../../src/analysis/knowledge/index.js';
import type { KnownErrorWithEvidence } from '../../src/analysis/knowledge/index.js';
import { createProgram, diagnosticsOf, rewriteAll } from './helpers.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/knowledge/libs');
const files = readdirSync(root)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => join(root, name))
  .sort();

/** Expected errors per file and handler, and the guards (binding `error` unless the file binds one). */
const expected: Record<string, { names: string[][]; guards: RegExp[]; syntax?: { names: string[][]; guards: RegExp[] } }> = {
  // Syntax cannot follow `h.p` (an interface member; no telling receiver name): only types can.
  'kafka-typed-only.ts': { names: [['KafkaJSError']], guards: [/e instanceof Error && e\.name\.startsWith\('KafkaJS'\)/], syntax: { names: [[]], guards: [/console\.error\('stop: unexpected error from p\.disconnect\(\)', e\)/] } },
  'kafka.ts': { names: [['KafkaJSError'], ['KafkaJSError']], guards: [/error instanceof Error && error\.name\.startsWith\('KafkaJS'\)/] },
  'kafka-default.ts': { names: [['KafkaJSError']], guards: [/e instanceof kafkajs\.KafkaJSError/] },
  'pg-default.ts': { names: [['DatabaseError']], guards: [/error instanceof pg\.DatabaseError/] },
  'pg-named.ts': { names: [['DatabaseError']], guards: [/import \{ Pool, DatabaseError \} from 'pg';/, /error instanceof DatabaseError/] },
  'axios-client.ts': { names: [['AxiosError']], guards: [/axios\.isAxiosError\(error\)/] },
  'axios-named.ts': { names: [['AxiosError']], guards: [/import \{ create, isAxiosError \} from 'axios';/, /isAxiosError\(error\)/] },
  'zod-schema.ts': { names: [['ZodError']], guards: [/error instanceof z\.ZodError/] },
  'node-builtins.ts': {
    names: [['SyntaxError', 'ErrnoException (ENOENT, EACCES, EISDIR)'], ['TypeError', 'URIError'], ['AbortError', 'TypeError']],
    guards: [/\['ENOENT', 'EACCES', 'EISDIR'\]\.includes\(error\.code\)/, /error instanceof SyntaxError/, /error instanceof URIError/, /cancelled by the caller/],
  },
};

function programWith(texts: Map<string, string>, useUnknown: boolean): ts.Program {
  const options: ts.CompilerOptions = { ...createProgram([], useUnknown).getCompilerOptions() };
  const host = ts.createCompilerHost(options);
  const original = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = texts.get(fileName);
    return text === undefined ? original(fileName, languageVersion, onError, shouldCreate) : ts.createSourceFile(fileName, text, languageVersion, true);
  };
  return ts.createProgram([...texts.keys()], options, host);
}

describe('knowledge on real library typings', () => {
  const sources = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
  const typed = createProgram(files, true);
  const checker = typed.getTypeChecker();

  it('the fixture project type-checks before any rewrite', () => {
    expect(diagnosticsOf(typed)).toEqual([]);
    expect(Object.keys(expected).sort()).toEqual(files.map((file) => file.split('/').pop()!).sort());
  });

  for (const mode of ['syntax', 'types'] as const) {
    const provider =
      mode === 'syntax' ? createKnownErrorProvider() : createKnownErrorProvider({ ts, checker, getSourceFile: (fileName) => typed.getSourceFile(fileName) });
    const outputs = new Map<string, string>();
    const knownByFile = new Map<string, KnownErrorWithEvidence[][]>();
    for (const file of files) {
      const result = rewriteAll(sources.get(file)!, provider, file);
      outputs.set(file, result.output);
      knownByFile.set(file, result.known);
    }

    describe(`with ${mode}`, () => {
      for (const file of files) {
        const base = file.split('/').pop()!;
        it(`${base}: names ${expected[base]!.names.map((names) => names.join(' + ')).join(', ')}${expected[base]!.syntax ? ' (with types)' : ''}`, () => {
          const known = knownByFile.get(file)!;
          const want = (mode === 'syntax' ? expected[base]!.syntax : undefined) ?? expected[base]!;
          expect(known.map((errors) => errors.map((error) => error.name))).toEqual(want.names);
          for (const pattern of want.guards) expect(outputs.get(file)).toMatch(pattern);
          for (const error of known.flat()) {
            if (mode === 'types' && error.call === 'JSON.parse') {
              // TypeScript's own lib.es5.d.ts documents `@throws {SyntaxError}` on JSON.parse.
              expect(error.evidence).toBe('throws');
              expect(error.detail).toMatch(/^@throws on parse \(lib\/lib\.es5\.d\.ts:\d+\)$/);
              continue;
            }
            expect(error.evidence).toBe('catalog');
            // With types, a call syntax follows to a catalogued package keeps its import as evidence; the
            // checker decides the rest (`h.p.disconnect()`).
            expect(error.detail).toMatch(mode === 'types' && base === 'kafka-typed-only.ts' ? /^catalog kafkajs \(type\)/ : /^(catalog \S+ \((import|receiver)|catalog (JSON\.parse|new URL|decodeURIComponent|fetch): |cancellation)/);
          }
        });
      }

      for (const useUnknown of [true, false]) {
        it(`the rewritten files add no diagnostic (useUnknownInCatchVariables: ${useUnknown})`, () => {
          const before = diagnosticsOf(programWith(sources, useUnknown));
          const after = diagnosticsOf(programWith(outputs, useUnknown));
          expect(before).toEqual([]);
          expect(after).toEqual([]);
          // Every file was rewritten: the test would pass vacuously otherwise.
          for (const file of files) expect(outputs.get(file)).not.toBe(sources.get(file));
        }, 120_000);
      }
    });
  }
});
