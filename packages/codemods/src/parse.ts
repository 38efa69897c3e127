// Parsing for the transforms: typescript-estree for the tree, scope-manager for the scopes, with
// parent pointers set, as ESLint hands them to the rules (so both see the same AnalysisInput).
import { parse, simpleTraverse } from '@typescript-eslint/typescript-estree';
import { analyze } from '@typescript-eslint/scope-manager';
import type { AnalysisInput } from '@catchwise/eslint-plugin/analysis';

export class SourceParseError extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
  ) {
    super(message);
    this.name = 'SourceParseError';
  }
}

const JS_LIKE = /\.(?:[cm]?[jt]sx?)$/i;

export function isSupportedFile(fileName: string): boolean {
  return JS_LIKE.test(fileName) && !/\.d\.[cm]?ts$/i.test(fileName);
}

/** Parses one file (text without its BOM). Throws `SourceParseError` on a syntax error. */
export function parseForAnalysis(text: string, fileName: string): AnalysisInput {
  let program;
  try {
    program = parse(text, {
      comment: true,
      tokens: true,
      range: true,
      loc: true,
      filePath: fileName,
      jsx: /\.[jt]sx$/i.test(fileName),
    });
  } catch (error) {
    if (error instanceof Error) {
      const located = error as Error & { lineNumber?: number; column?: number };
      throw new SourceParseError(error.message, located.lineNumber, located.column);
    }
    throw error;
  }
  simpleTraverse(program, { enter: () => {} }, true);
  const script = /\.cjs$/i.test(fileName);
  const scopeManager = analyze(program, { sourceType: script ? 'script' : 'module', globalReturn: script });
  return { program: program as unknown as AnalysisInput['program'], scopeManager, sourceText: text, fileName };
}
