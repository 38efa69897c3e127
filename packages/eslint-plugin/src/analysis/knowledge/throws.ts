// `@throws` through the type checker (DESIGN §4, step 2). The tags are read on the resolved call
// signature's declaration (so the overload actually called), in first-party code and library
// `.d.ts`, from the raw comment text (the checker turns `{@link X}` into link nodes and drops the
// braces of `{X}` on some tags): `@throws {X} …`, `@throws {@link X} …`, `@throws X when …`,
// `@throws when … (X)`. Transitive: a first-party function that does not catch passes on the
// `@throws` of the calls in its body. The `ts` namespace and the checker are arguments (DESIGN §2).
import type ts from 'typescript';

export interface ThrownType {
  /** The type's name as written (`HttpError`, `errors.RequestError` → `RequestError`). */
  name: string;
  /** The class declaration the name resolves to, where it does. */
  declaration: ts.Declaration | null;
  /** Where the tag is: `fetchUser (src/api.ts:12)`, with the chain of first-party calls before it. */
  via: string[];
}

/** A tag's text runs to the next tag; `{@link …}` inside it is not one. */
const TAG = /@(?:throws|throw|exception)\b((?:[^@]|@(?=link))*)/g;
const TAG_TEST = /@(?:throws|throw|exception)\b/;

/** The type names a raw `@throws` tag's text names. */
export function parseThrowsText(body: string): string[] {
  const text = body.replace(/^\s*\*\s?/gm, ' ').replace(/\*\/\s*$/, '').trim();
  const names: string[] = [];
  const push = (raw: string): void => {
    for (const part of raw.split('|')) {
      const name = part.trim().replace(/<.*$/, '').replace(/\[\]$/, '');
      if (/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(name) && !names.includes(name)) names.push(name);
    }
  };
  // `{X}` / `{X | Y}` first, `{@link X}` / `{@link X | text}` / `{@linkcode X}`.
  const braces = /^\{\s*([^}@][^}]*)\}/.exec(text);
  if (braces) {
    push(braces[1]!);
    return names;
  }
  for (const link of text.matchAll(/\{@link(?:code|plain)?\s+([\w$.]+)[^}]*\}/g)) push(link[1]!);
  if (names.length > 0) return names;
  // Free text: a leading type name, else any word that reads as an error type.
  const lead = /^([A-Z][\w$]*(?:\.[A-Z][\w$]*)*)\b/.exec(text);
  if (lead && !/^(If|When|On|Throws|The|An?|In|For)$/.test(lead[1]!)) {
    push(lead[1]!);
    return names;
  }
  for (const word of text.matchAll(/\b([A-Z][\w$]*(?:Error|Exception))\b/g)) push(word[1]!);
  return names;
}

/** The raw text of a declaration's JSDoc comments (the checker's tag objects lose forms). */
function rawJSDoc(typescript: typeof ts, declaration: ts.Node): string {
  const sourceFile = declaration.getSourceFile();
  const ranges = typescript.getLeadingCommentRanges(sourceFile.text, declaration.getFullStart()) ?? [];
  let out = '';
  for (const range of ranges) {
    const comment = sourceFile.text.slice(range.pos, range.end);
    if (comment.startsWith('/**')) out += comment + '\n';
  }
  // `export const f = () => …` / `const f = function …`: the comment sits on the statement.
  let holder: ts.Node = declaration;
  while (holder.parent && (typescript.isVariableDeclaration(holder.parent) || typescript.isVariableDeclarationList(holder.parent) || typescript.isVariableStatement(holder.parent))) {
    holder = holder.parent;
  }
  if (holder !== declaration) out += rawJSDoc(typescript, holder);
  return out;
}

/** Type names from every `@throws` tag on `declaration`. */
export function throwsTagNames(typescript: typeof ts, declaration: ts.Node): string[] {
  const names: string[] = [];
  for (const match of rawJSDoc(typescript, declaration).matchAll(TAG)) {
    for (const name of parseThrowsText(match[1] ?? '')) if (!names.includes(name)) names.push(name);
  }
  return names;
}

function resolveTypeName(typescript: typeof ts, checker: ts.TypeChecker, name: string, at: ts.Node): ts.Declaration | null {
  const [head, ...rest] = name.split('.');
  const flags = typescript.SymbolFlags.Value | typescript.SymbolFlags.Type | typescript.SymbolFlags.Namespace | typescript.SymbolFlags.Alias;
  let symbol = checker.resolveName(head!, at, flags, false);
  for (const part of rest) {
    if (!symbol) break;
    if (symbol.flags & typescript.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    symbol = checker.getExportsOfModule(symbol).find((candidate) => candidate.name === part) ?? symbol.exports?.get(part as ts.__String);
  }
  if (!symbol) return null;
  if (symbol.flags & typescript.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declarations = symbol.getDeclarations() ?? [];
  return declarations.find((d) => typescript.isClassDeclaration(d) || typescript.isClassExpression(d)) ?? declarations.find((d) => typescript.isVariableDeclaration(d) || typescript.isInterfaceDeclaration(d)) ?? declarations[0] ?? null;
}

export function isFirstParty(fileName: string): boolean {
  return !/[\\/]node_modules[\\/]/.test(fileName) && !/[\\/]typescript[\\/]lib[\\/]lib\.[^\\/]*\.d\.ts$/.test(fileName);
}

function where(declaration: ts.Node): string {
  const sourceFile = declaration.getSourceFile();
  const { line } = sourceFile.getLineAndCharacterOfPosition(declaration.getStart());
  const name = (declaration as ts.NamedDeclaration).name?.getText(sourceFile) ?? 'function';
  const file = sourceFile.fileName.replace(/\\/g, '/').split('/').slice(-2).join('/');
  return `${name} (${file}:${line + 1})`;
}

function bodyOf(typescript: typeof ts, declaration: ts.Declaration): ts.Node | null {
  if (typescript.isFunctionDeclaration(declaration) || typescript.isMethodDeclaration(declaration) || typescript.isFunctionExpression(declaration) || typescript.isArrowFunction(declaration) || typescript.isConstructorDeclaration(declaration)) {
    return declaration.body ?? null;
  }
  if (typescript.isVariableDeclaration(declaration) && declaration.initializer && (typescript.isArrowFunction(declaration.initializer) || typescript.isFunctionExpression(declaration.initializer))) {
    return declaration.initializer.body;
  }
  return null;
}

/** Calls in a body whose errors escape it: not under a `try` with a `catch`, not in nested functions. */
function escapingCalls(typescript: typeof ts, body: ts.Node): (ts.CallExpression | ts.NewExpression)[] {
  const calls: (ts.CallExpression | ts.NewExpression)[] = [];
  const visit = (node: ts.Node): void => {
    if (node !== body && typescript.isFunctionLike(node)) return;
    if (typescript.isTryStatement(node) && node.catchClause) {
      // The try block is caught; only the catch and finally blocks can throw on.
      visit(node.catchClause.block);
      if (node.finallyBlock) visit(node.finallyBlock);
      return;
    }
    if (typescript.isCallExpression(node) || typescript.isNewExpression(node)) calls.push(node);
    typescript.forEachChild(node, visit);
  };
  visit(body);
  return calls;
}

/**
 * The declaration the call resolves to (the overload actually called). Cheap first: the callee's
 * symbol, when it has one function-like declaration or none of its overloads carries a `@throws`
 * (no argument checking); the resolved signature otherwise (overloads, constructors).
 */
export function calledDeclaration(typescript: typeof ts, checker: ts.TypeChecker, call: ts.CallExpression | ts.NewExpression): ts.Declaration | null {
  if (typescript.isCallExpression(call)) {
    const callee = call.expression;
    const at = typescript.isPropertyAccessExpression(callee) ? callee.name : callee;
    let symbol = checker.getSymbolAtLocation(at);
    if (symbol && symbol.flags & typescript.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const declarations = (symbol?.declarations ?? []).filter(
      (d) => typescript.isFunctionLike(d) || (typescript.isVariableDeclaration(d) && !!d.initializer && (typescript.isArrowFunction(d.initializer) || typescript.isFunctionExpression(d.initializer))),
    );
    if (declarations.length === 1) return declarations[0]!;
    if (declarations.length > 1 && !declarations.some((d) => TAG_TEST.test(rawJSDoc(typescript, d)))) return declarations[0]!;
  }
  const signature = checker.getResolvedSignature(call);
  const declaration = signature?.getDeclaration() as ts.Declaration | undefined;
  if (declaration && !typescript.isJSDocSignature(declaration)) return declaration;
  return null;
}

export interface ThrowsOptions {
  /** How many first-party calls deep to follow (default 3). */
  depth?: number;
}

/**
 * The types a call can throw by `@throws`: on its resolved declaration, and (for first-party
 * functions that do not catch) on the calls in its body, `depth` levels deep.
 */
export function throwsOfCall(
  typescript: typeof ts,
  checker: ts.TypeChecker,
  call: ts.CallExpression | ts.NewExpression,
  options: ThrowsOptions = {},
): ThrownType[] {
  const declaration = calledDeclaration(typescript, checker, call);
  return declaration ? throwsOfDeclaration(typescript, checker, declaration, options.depth ?? 3, new Set()) : [];
}

/** Per declaration (per program, as nodes belong to one), the types it throws by `@throws`. */
const memo = new WeakMap<ts.Declaration, Map<number, ThrownType[]>>();

/** The types `declaration` throws by `@throws`, through first-party bodies `depth` calls deep. */
export function throwsOfDeclaration(typescript: typeof ts, checker: ts.TypeChecker, declaration: ts.Declaration, depth = 3, active = new Set<ts.Declaration>()): ThrownType[] {
  const cached = memo.get(declaration)?.get(depth);
  if (cached) return cached;
  if (active.has(declaration)) return []; // recursion: its tags are collected where the cycle started
  active.add(declaration);
  const here = where(declaration);
  const out: ThrownType[] = [];
  for (const name of throwsTagNames(typescript, declaration)) {
    const short = name.split('.').pop()!;
    if (out.some((known) => known.name === short)) continue;
    out.push({ name: short, declaration: resolveTypeName(typescript, checker, name, declaration), via: [here] });
  }
  const body = depth > 0 && isFirstParty(declaration.getSourceFile().fileName) ? bodyOf(typescript, declaration) : null;
  if (body) {
    for (const inner of escapingCalls(typescript, body)) {
      const target = calledDeclaration(typescript, checker, inner);
      if (!target) continue;
      for (const thrown of throwsOfDeclaration(typescript, checker, target, depth - 1, active)) {
        if (!out.some((known) => known.name === thrown.name)) out.push({ ...thrown, via: [here, ...thrown.via] });
      }
    }
  }
  active.delete(declaration);
  let byDepth = memo.get(declaration);
  if (!byDepth) {
    byDepth = new Map();
    memo.set(declaration, byDepth);
  }
  byDepth.set(depth, out);
  return out;
}

/** The TS node for an ESTree range, when no `esTreeNodeToTSNodeMap` is at hand (the codemod). */
export function findCallAt(typescript: typeof ts, sourceFile: ts.SourceFile, start: number, end: number): ts.CallExpression | ts.NewExpression | null {
  let found: ts.CallExpression | ts.NewExpression | null = null;
  const visit = (node: ts.Node): void => {
    if (found || node.getStart(sourceFile) > start || node.end < end) return;
    if ((typescript.isCallExpression(node) || typescript.isNewExpression(node)) && node.getStart(sourceFile) === start && node.end === end) {
      found = node;
      return;
    }
    typescript.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** The npm package a declaration file belongs to (`@types/pg`, `kafkajs`), or null for first-party/lib. */
export function packageOf(fileName: string): string | null {
  const match = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/](?!.*[\\/]node_modules[\\/])/.exec(fileName);
  return match ? match[1]!.replace(/\\/g, '/') : null;
}

/** The ambient module a declaration sits in (`declare module 'fs' { … }`), or null. */
export function ambientModuleOf(typescript: typeof ts, declaration: ts.Node): string | null {
  for (let node: ts.Node | undefined = declaration.parent; node; node = node.parent) {
    if (typescript.isModuleDeclaration(node) && typescript.isStringLiteral(node.name)) return node.name.text;
  }
  return null;
}
