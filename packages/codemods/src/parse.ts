// Parsing for the transforms: typescript-estree for the tree, scope-manager for the scopes, with
// parent pointers set, as ESLint hands them to the rules (so both see the same AnalysisInput).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { analyze } from '@typescript-eslint/scope-manager';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
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

const require = createRequire(import.meta.url);

let loadedTypescript: typeof TypeScript | undefined;

/**
 * TypeScript's compiler, loaded on first use (~0.1 CPU s per thread): a run whose files oxc reads,
 * and whose rewrites oxc parses without an error, never needs it.
 */
function typescript(): typeof TypeScript {
  // Loaded with require: an ESM import of this 9 MB CommonJS file makes Node scan it for exports (~0.5 s).
  loadedTypescript ??= require('typescript') as typeof TypeScript;
  return loadedTypescript;
}

type TypescriptEstree = typeof import('@typescript-eslint/typescript-estree');
let loadedEstree: TypescriptEstree | undefined;

/** typescript-estree, loaded on first use: oxc builds the trees, so a run needs it only for a file oxc hands over. */
function typescriptEstree(): TypescriptEstree {
  loadedEstree ??= require('@typescript-eslint/typescript-estree') as TypescriptEstree;
  return loadedEstree;
}

const JS_LIKE = /\.(?:[cm]?[jt]sx?)$/i;

export function isSupportedFile(fileName: string): boolean {
  return JS_LIKE.test(fileName) && !/\.d\.[cm]?ts$/i.test(fileName);
}

/** typescript-estree's script kind for a file name (the extension decides; `jsx` only for others). */
function estreeScriptKind(fileName: string, jsx: boolean): TypeScript.ScriptKind {
  const ts = typescript();
  const extension = extname(fileName).toLowerCase();
  if (extension === '.js' || extension === '.cjs' || extension === '.mjs') return ts.ScriptKind.JS;
  if (extension === '.ts' || extension === '.cts' || extension === '.mts') return ts.ScriptKind.TS;
  if (extension === '.jsx') return ts.ScriptKind.JSX;
  if (extension === '.tsx') return ts.ScriptKind.TSX;
  return jsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
}

/** The TypeScript tree typescript-estree would build for the file (same options), kept for the comments. */
function createEstreeSourceFile(text: string, fileName: string, jsx: boolean): TypeScript.SourceFile {
  const ts = typescript();
  const extension = extname(fileName).toLowerCase();
  const setExternalModuleIndicator =
    extension === '.mjs' || extension === '.mts'
      ? (file: TypeScript.SourceFile): void => {
          (file as { externalModuleIndicator?: unknown }).externalModuleIndicator = true;
        }
      : undefined;
  return ts.createSourceFile(
    fileName,
    text,
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone, setExternalModuleIndicator },
    /* setParentNodes */ true,
    estreeScriptKind(fileName, jsx),
  );
}

let commentScanner: TypeScript.Scanner | undefined;

/**
 * The comments of a file without JSX, as typescript-estree's `comment: true` gives them (same
 * objects, same order), from one walk of the tree: a comment can only lie in the trivia before a
 * token, and every token that could hold comment-like text (strings, templates, regular
 * expressions) is a token node, so only the trivia of token nodes and the rest of the text
 * (punctuation and keywords between child nodes) are scanned. typescript-estree's own pass builds every token as a node (a tenth of
 * the codemod's time on small files).
 */
export function collectComments(sourceFile: TypeScript.SourceFile): TSESTree.Comment[] {
  const ts = typescript();
  const scanner = (commentScanner ??= ts.createScanner(ts.ScriptTarget.Latest, /* skipTrivia */ false, ts.LanguageVariant.Standard));
  const text = sourceFile.text;
  const { AST_TOKEN_TYPES } = typescriptEstree();
  const comments: TSESTree.Comment[] = [];
  const location = (position: number): TSESTree.Position => {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(position);
    return { column: character, line: line + 1 };
  };
  const scan = (from: number, to: number): void => {
    if (to <= from) return;
    const slash = text.indexOf('/', from);
    if (slash === -1 || slash >= to - 1) return;
    scanner.setText(text, from, to - from);
    for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
      if (kind !== ts.SyntaxKind.SingleLineCommentTrivia && kind !== ts.SyntaxKind.MultiLineCommentTrivia) continue;
      const start = scanner.getTokenStart();
      const end = scanner.getTokenEnd();
      const line = kind === ts.SyntaxKind.SingleLineCommentTrivia;
      comments.push({
        type: line ? AST_TOKEN_TYPES.Line : AST_TOKEN_TYPES.Block,
        loc: { end: location(end), start: location(start) },
        range: [start, end],
        value: text.slice(start + 2, line ? end : end - 2),
      } as TSESTree.Comment);
    }
  };
  // The first `/` at or after the last position asked for (nodes are visited in order of position).
  let slash = text.indexOf('/');
  const slashFrom = (position: number): number => {
    if (slash !== -1 && slash < position) slash = text.indexOf('/', position);
    return slash;
  };
  let cursor = 0;
  const visit = (node: TypeScript.Node): void => {
    scan(cursor, node.pos);
    cursor = node.pos;
    // Every comment starts with `/`: a subtree without one holds none (most of a file's subtrees).
    const next = slashFrom(node.pos);
    if (next === -1 || next >= node.end) {
      cursor = node.end;
      return;
    }
    let leaf = true;
    ts.forEachChild(node, (child) => {
      leaf = false;
      visit(child);
    });
    // A token (identifier, keyword, literal): only the trivia before it, as its text may be a string
    // or a regular expression. Any other node without children (`{}`, `[]`) is punctuation only.
    scan(cursor, leaf && ts.isTokenKind(node.kind) ? node.getStart(sourceFile) : node.end);
    cursor = node.end;
  };
  visit(sourceFile);
  scanner.setText(undefined);
  return comments;
}

/** TypeScript's tree of one file (text without its BOM), as typescript-estree would build it. */
export function parseTypeScript(text: string, fileName: string): TypeScript.SourceFile {
  return createEstreeSourceFile(text, fileName, /\.[jt]sx$/i.test(fileName));
}

/** TypeScript's parse errors of a tree from `parseTypeScript` (typescript-estree throws on the first). */
export function hasParseErrors(sourceFile: TypeScript.SourceFile): boolean {
  return firstSyntaxErrorOf(sourceFile) !== null;
}

let wrapperKinds: Set<TypeScript.SyntaxKind> | undefined;

/** `p.catch(cb)`, `p?.then(ok, cb)`, `(p.catch as F)(cb)`: a call the plugin's handler finder reads as a handler. */
function isHandlerCall(node: TypeScript.CallExpression): boolean {
  const ts = typescript();
  wrapperKinds ??= new Set([
    ts.SyntaxKind.ParenthesizedExpression, ts.SyntaxKind.AsExpression, ts.SyntaxKind.NonNullExpression,
    ts.SyntaxKind.TypeAssertionExpression, ts.SyntaxKind.SatisfiesExpression, ts.SyntaxKind.ExpressionWithTypeArguments,
  ]);
  let callee: TypeScript.Expression = node.expression;
  while (wrapperKinds.has(callee.kind)) callee = (callee as TypeScript.ParenthesizedExpression).expression;
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const name = callee.name.text;
  return (name === 'catch' && node.arguments.length >= 1) || (name === 'then' && node.arguments.length >= 2);
}

const HANDLER_WORDS = /\b(?:catch|then)\b/g;

/**
 * Whether TypeScript's tree holds anything the plugin's handler finder reports on (a catch clause,
 * `.catch(cb)`, `.then(ok, cb)`): every finding of the three rules lies in such a handler, so a
 * file without one needs no ESTree, scopes or analysis. Only subtrees whose text holds one of the
 * words are walked.
 */
export function mayHoldHandler(sourceFile: TypeScript.SourceFile): boolean {
  const ts = typescript();
  const words: number[] = [];
  for (const match of sourceFile.text.matchAll(HANDLER_WORDS)) words.push(match.index);
  if (words.length === 0) return false;
  const holdsWord = (node: TypeScript.Node): boolean => {
    // The first word at or after node.pos, by binary search; inside the node if before node.end.
    let low = 0;
    let high = words.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (words[middle]! < node.pos) low = middle + 1;
      else high = middle;
    }
    return low < words.length && words[low]! < node.end;
  };
  const visit = (node: TypeScript.Node): boolean => {
    if (!holdsWord(node)) return false;
    if (node.kind === ts.SyntaxKind.CatchClause) return true;
    if (node.kind === ts.SyntaxKind.CallExpression && isHandlerCall(node as TypeScript.CallExpression)) return true;
    return ts.forEachChild(node, visit) === true;
  };
  return visit(sourceFile);
}

/** Parses one file (text without its BOM). Throws `SourceParseError` on a syntax error. */
export function parseForAnalysis(text: string, fileName: string): AnalysisInput {
  return toAnalysisInput(parseTypeScript(text, fileName), fileName);
}

/** The ESTree, comments and scopes of a tree from `parseTypeScript`. Throws `SourceParseError` on a syntax error. */
export function toAnalysisInput(sourceFile: TypeScript.SourceFile, fileName: string): AnalysisInput {
  const ts = typescript();
  const text = sourceFile.text;
  const jsx = /\.[jt]sx$/i.test(fileName);
  // Without JSX the comments come from the tree (`collectComments`); JSX text needs typescript-estree's own pass.
  const ownComments = sourceFile.languageVariant === ts.LanguageVariant.Standard;
  const { parse, simpleTraverse } = typescriptEstree();
  let program;
  try {
    program = parse(sourceFile as unknown as string, {
      comment: !ownComments,
      tokens: false, // the catch model reads comments, never tokens
      range: true,
      loc: true,
      filePath: fileName,
      jsx,
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
  if (ownComments) program.comments = collectComments(sourceFile);
  simpleTraverse(program, { enter: () => {} }, true);
  const script = /\.cjs$/i.test(fileName);
  // No lib globals: the catch model resolves the file's own bindings; building es20xx's globals per
  // file was a third of the parse time.
  const scopeManager = analyze(program, { sourceType: script ? 'script' : 'module', globalReturn: script, lib: [] });
  return { program: program as unknown as AnalysisInput['program'], scopeManager, sourceText: text, fileName };
}

function scriptKind(fileName: string): TypeScript.ScriptKind {
  const ts = typescript();
  if (/\.tsx$/i.test(fileName)) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/i.test(fileName)) return ts.ScriptKind.TS;
  if (/\.jsx$/i.test(fileName)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}

/** The first syntax error of a text (TypeScript's parser alone, no ESTree conversion), or null. */
export function firstSyntaxError(text: string, fileName: string): string | null {
  const ts = typescript();
  return firstSyntaxErrorOf(ts.createSourceFile(fileName, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, scriptKind(fileName)));
}

/** The first of a parsed tree's syntax errors, with its place, or null. */
export function firstSyntaxErrorOf(sourceFile: TypeScript.SourceFile): string | null {
  const ts = typescript();
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: TypeScript.Diagnostic[] }).parseDiagnostics ?? [];
  const first = diagnostics[0];
  if (!first) return null;
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(first.start ?? 0);
  return `${ts.flattenDiagnosticMessageText(first.messageText, '\n')} (line ${line + 1}:${character + 1})`;
}
