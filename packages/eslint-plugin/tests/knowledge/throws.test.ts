// `@throws` through the type checker: the resolved overload's tag, JSDoc `{X}`, TSDoc `{@link X}`
// and free-text forms, a library's `.d.ts`, and first-party functions two calls deep that do not
// catch. The rewritten handlers import the classes they test and type-check.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createKnownErrorProvider, parseThrowsText } from '../../src/analysis/knowledge/index.js';
import { createProgram, diagnosticsOf, rewriteAll } from './helpers.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/knowledge/throws');
const files = ['errors.ts', 'api.ts', 'service.ts', 'handler.ts', 'http-lib.d.ts'].map((name) => join(root, name));
const handlerFile = join(root, 'handler.ts');

describe('parseThrowsText', () => {
  it('reads the JSDoc, TSDoc and free-text forms', () => {
    expect(parseThrowsText(' {NotFoundError} when missing')).toEqual(['NotFoundError']);
    expect(parseThrowsText(' {NotFoundError | ConflictError} when …')).toEqual(['NotFoundError', 'ConflictError']);
    expect(parseThrowsText(' {@link RateLimitError} when the quota is spent')).toEqual(['RateLimitError']);
    expect(parseThrowsText(' {@link errors.HttpError | the HTTP error} on 5xx')).toEqual(['errors.HttpError']);
    expect(parseThrowsText(' ConflictError if the name is taken')).toEqual(['ConflictError']);
    expect(parseThrowsText(' when the lock is held (a LockError)')).toEqual(['LockError']);
    expect(parseThrowsText(' if the input is bad')).toEqual([]);
  });
});

describe('@throws through the checker', () => {
  const program = createProgram(files, true);
  const checker = program.getTypeChecker();
  const provider = createKnownErrorProvider({ ts, checker, getSourceFile: (fileName) => program.getSourceFile(fileName) });
  const source = readFileSync(handlerFile, 'utf8');
  const result = rewriteAll(source, provider, handlerFile);
  const byHandler = result.known.map((known) => known.map((error) => error.name));

  it('the fixture type-checks as it is', () => {
    expect(diagnosticsOf(program)).toEqual([]);
  });

  it('finds each handler (the order of the file)', () => {
    expect(result.known).toHaveLength(7);
  });

  it('two calls deep through first-party functions that do not catch', () => {
    expect(byHandler[0]).toEqual(['NotFoundError']);
    const notFound = result.known[0]![0]!;
    expect(notFound.evidence).toBe('throws');
    expect(notFound.detail).toMatch(/^@throws on showProfile \(throws\/service\.ts:\d+\) → loadProfile \(throws\/service\.ts:\d+\) → fetchUser \(throws\/api\.ts:\d+\)$/);
    expect(result.output).toContain("import { NotFoundError } from './errors.js';");
    expect(result.output).toContain('if (error instanceof NotFoundError) {');
  });

  it('the overload actually called', () => {
    expect(byHandler[1]).toEqual(['ValidationError']);
    expect(byHandler[2]).toEqual(['RangeError']);
    expect(result.output).toContain('if (error instanceof RangeError) {');
  });

  it('TSDoc {@link X} and free text', () => {
    expect(byHandler[3]).toEqual(['RateLimitError']);
    expect(byHandler[4]).toEqual(['ConflictError', 'LockError']);
  });

  it("a library's .d.ts: the class imported from its module", () => {
    expect(byHandler[5]).toEqual(['HttpError']);
    expect(result.output).toContain("import { get, HttpError } from 'http-lib';");
  });

  it('a function that catches passes nothing on', () => {
    expect(byHandler[6]).toEqual([]);
  });

  it('one import per module and handler; the output type-checks (unknown and any catch variables)', () => {
    // One handler's guards from one module come in one import declaration.
    expect(result.output).toContain("import { ConflictError, LockError } from './errors.js';");
    for (const useUnknown of [true, false]) {
      const options = createProgram([], useUnknown).getCompilerOptions();
      const host = ts.createCompilerHost(options);
      const original = host.getSourceFile.bind(host);
      host.getSourceFile = (fileName, version, onError, create) =>
        fileName === handlerFile ? ts.createSourceFile(fileName, result.output, version, true) : original(fileName, version, onError, create);
      expect(diagnosticsOf(ts.createProgram(files, options, host))).toEqual([]);
    }
  }, 120_000);

  it('without the checker, no @throws (the catalog alone knows none of these)', () => {
    const plain = rewriteAll(source, createKnownErrorProvider(), handlerFile);
    expect(plain.known.flat()).toEqual([]);
  });

  it('the config can turn @throws off', () => {
    const off = createKnownErrorProvider({ ts, checker, getSourceFile: (fileName) => program.getSourceFile(fileName), config: { throwsTags: false } });
    expect(rewriteAll(source, off, handlerFile).known.flat()).toEqual([]);
  });
});
