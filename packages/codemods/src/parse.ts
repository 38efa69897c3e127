// Parsing for the transforms: typescript-estree for the tree, scope-manager for the scopes, with
// parent pointers set, as ESLint hands them to the rules (so both see the same AnalysisInput).
import { parse, simpleTraverse } from '@typescript-eslint/typescript-estree';
import { analyze } from '@typescript-eslint/scope-manager';
import { createRequire } from 'node:module';
import type * as TypeScript from 'typescript';
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

// Loaded with require: an ESM import of this 9 MB CommonJS file makes Node scan it for exports (~0.5 s).
const ts = createRequire(import.meta.url)('typescript') as typeof TypeScript;

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
      tokens: false, // the catch model reads comments, never tokens
      range: true,
      loc: true,
      filePath: fileName,
      jsx: /\.[jt]sx$/i.test(fileName),
      // JSDoc is not part of ESTree and the model never reads it (`@throws` comes from the checker).
      jsDocParsingMode: 'none',
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
  // No lib globals: the catch model resolves the file's own bindings; building es20xx's globals per
  // file was a third of the parse time.
  const scopeManager = analyze(program, { sourceType: script ? 'script' : 'module', globalReturn: script, lib: [] });
  return { program: program as unknown as AnalysisInput['program'], scopeManager, sourceText: text, fileName };
}

function scriptKind(fileName: string): TypeScript.ScriptKind {
  if (/\.tsx$/i.test(fileName)) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/i.test(fileName)) return ts.ScriptKind.TS;
  if (/\.jsx$/i.test(fileName)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}

/** The first syntax error of a text (TypeScript's parser alone, no ESTree conversion), or null. */
export function firstSyntaxError(text: string, fileName: string): string | null {
  const sourceFile = ts.createSourceFile(fileName, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, scriptKind(fileName));
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: TypeScript.Diagnostic[] }).parseDiagnostics ?? [];
  const first = diagnostics[0];
  if (!first) return null;
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(first.start ?? 0);
  return `${ts.flattenDiagnosticMessageText(first.messageText, '\n')} (line ${line + 1}:${character + 1})`;
}
