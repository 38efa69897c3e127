// Shared by the knowledge tests: parse a snippet as ESLint does, take its first reported handler,
// and run the shared rewrite with a knowledge provider; or build a TypeScript program over a
// fixture project (real library typings from this package's devDependencies).
import { parseForESLint } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import { buildSpecificCatchRewrite, DEFAULT_IDIOMS, findHandlerFindings, resolveOptions } from '../../src/analysis/index.js';
import { ensureParents } from '../../src/analysis/handlers.js';
import type { AnalysisInput, KnownError, KnownErrorProvider, SpecificCatchRewrite, TextEdit } from '../../src/analysis/index.js';
import type { KnownErrorWithEvidence } from '../../src/analysis/knowledge/index.js';

/** Every idiom off: these tests are about the knowledge, not about which handlers are deliberate. */
export const NO_IDIOMS = Object.fromEntries(Object.keys(DEFAULT_IDIOMS).map((key) => [key, false]));

export function parse(code: string, fileName = '/project/src/file.ts'): AnalysisInput {
  const { ast, scopeManager } = parseForESLint(code, { range: true, loc: true, comment: true, tokens: true, filePath: fileName, sourceType: 'module' });
  const program = ast as unknown as TSESTree.Program;
  ensureParents(program);
  return { program, scopeManager: scopeManager!, sourceText: code, fileName };
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  let out = '';
  let cursor = 0;
  for (const edit of [...edits].sort((a, b) => a.range[0] - b.range[0] || (a.range[1] === a.range[0] ? -1 : 1))) {
    if (edit.range[0] < cursor) throw new Error(`overlapping edits at ${edit.range[0]}`);
    out += text.slice(cursor, edit.range[0]) + edit.text;
    cursor = edit.range[1];
  }
  return out + text.slice(cursor);
}

export interface Rewritten {
  output: string;
  rewrites: SpecificCatchRewrite[];
  /** What the provider returned, per handler. */
  known: KnownErrorWithEvidence[][];
}

/** Rewrites every reported handler of `code` with `provider` (each handler on the original text). */
export function rewriteAll(code: string, provider: KnownErrorProvider, fileName = '/project/src/file.ts', input = parse(code, fileName)): Rewritten {
  const findings = findHandlerFindings(input, resolveOptions({ idioms: NO_IDIOMS }));
  const known: KnownErrorWithEvidence[][] = [];
  const recording: KnownErrorProvider = (context) => {
    const result = provider(context) as KnownErrorWithEvidence[];
    known.push(result);
    return result;
  };
  const rewrites = findings.map((finding) => buildSpecificCatchRewrite(finding, input, { knownErrors: recording }));
  const edits: TextEdit[] = [];
  for (const rewrite of rewrites) {
    for (const edit of rewrite.edits) {
      if (!edits.some((other) => other.range[0] === edit.range[0] && other.range[1] === edit.range[1] && other.text === edit.text)) edits.push(edit);
    }
  }
  return { output: applyEdits(code, edits), rewrites, known };
}

export function guards(known: readonly KnownError[], binding = 'error'): string[] {
  return known.map((error) => error.guard(binding));
}

/** A program over `files` (absolute paths) with the given catch-variable setting. */
export function createProgram(files: string[], useUnknownInCatchVariables: boolean, overrides: Partial<ts.CompilerOptions> = {}): ts.Program {
  return ts.createProgram(files, {
    target: ts.ScriptTarget.ES2023,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    useUnknownInCatchVariables,
    noEmit: true,
    skipLibCheck: true,
    esModuleInterop: true,
    types: ['node'],
    ...overrides,
  });
}

export function diagnosticsOf(program: ts.Program, file?: string): string[] {
  const sourceFile = file ? program.getSourceFile(file) : undefined;
  return ts
    .getPreEmitDiagnostics(program, sourceFile)
    .map((d) => `${d.file ? `${d.file.fileName.split('/').slice(-2).join('/')}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` : ''}TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}
