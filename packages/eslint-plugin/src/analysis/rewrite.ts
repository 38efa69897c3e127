// The text of the specific-then-fallback rewrite (DESIGN §5), shared by the rules' suggestions and
// the codemod so both produce the same code. Pure: a finding and the file in, text edits on the
// original source out. Control flow is kept: the fallback log is inserted before each quiet path's
// exit (`return 0`, `continue`, falling off the end), never replaces it; a rethrow is never added.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scope, ScopeManager } from '@typescript-eslint/scope-manager';
import type { AnalysisInput, Handler, HandlerFinding } from './types.js';
import type { ResolvedOptions } from './options.js';
import { CONSOLE_LOGGER, configuredLoggerTest, declaredAgainstUnknown, declaredArgumentLimit, findLoggerStyle, findVariable, formatLogCall, isNestLogger, moduleSystem, nestContextFor, scopeAt } from './logger-style.js';
import { checkPolarity, collectBindings, levelArgument, replacesCaughtError, touchesError, touchesText, type ErrorBindings } from './paths.js';
import type { LoggerConfig, LoggerImport, LoggerModuleResolver, LoggerStyle, LoggerLevel } from './logger-style.js';
import { catalogKnownErrors } from './knowledge/index.js';
import { abortBranchEdits, abortBranchRewrite } from './knowledge/cancellation.js';
import { closingProcessExit } from './terminal.js';
import { commentsWithin, conciseBodySpan, containsNode, enclosingFunction, forEachChild, indentAt, isFunction, isNode, moduleSources, nameOfClass } from './ast.js';
import { calleeLabel, expressionText, failingCallLabel } from './failing-call.js';
import { handlerArgument, resolveIdentifier } from './handlers.js';

export interface TextEdit {
  /** Offsets in the source text the finding was computed on; `[n, n]` inserts. */
  range: [number, number];
  text: string;
}

export interface SpecificCatchRewrite {
  edits: TextEdit[];
  /** Why no safe rewrite exists (a `FIXME(catchwise): …` comment is then the only edit), or null. */
  fixme: string | null;
  /** The expected error types the rewrite branches on, with why each was chosen. */
  errorTypes: { name: string; evidence: KnownError['evidence']; detail?: string }[];
  /** The logger the rewrite calls. */
  logger: LoggerStyle | null;
}

/** An error a try block is known to throw, and the guard to test for it (DESIGN §4). */
export interface KnownError {
  name: string;
  /** The guard expression for a binding, e.g. `error instanceof SyntaxError`. */
  guard: (binding: string) => string;
  evidence: 'config' | 'throws' | 'catalog';
  /** Why it was chosen (`catalog pg: …`, `@throws on f (src/a.ts:3)`), for `--json` and messages. */
  detail?: string;
  /** An abort in code that takes an `AbortSignal`: never logged; its branch ignores or rethrows it. */
  cancellation?: 'ignore' | 'rethrow';
  /** Edits the guard needs (an import), applied with the rewrite. */
  edits: TextEdit[];
}

export interface KnownErrorContext {
  input: AnalysisInput;
  handler: Handler;
  /** The calls whose errors the handler receives: the try block's, or the promise chain's. */
  calls: (TSESTree.CallExpression | TSESTree.NewExpression)[];
  scope: Scope | null;
}

/** The seam for error knowledge: config, `@throws`, the library catalog (DESIGN §4). */
export type KnownErrorProvider = (context: KnownErrorContext) => KnownError[];

export interface RewriteOptions {
  /** The configured logger, used when the file has none in scope. */
  logger?: LoggerConfig | null;
  /** Level of the expected-error branches (default `warn`); the fallback always logs at `error`. */
  expectedLevel?: LoggerLevel;
  /** Where expected error types come from; defaults to the built-in table, `null` turns them off. */
  knownErrors?: KnownErrorProvider | null;
  /** Tells which logging library a local module (`./logger.js`) uses. */
  resolveLoggerModule?: LoggerModuleResolver | null;
  /** The rules' options: the loggers they are configured with are recognised in scope too. */
  analysis?: ResolvedOptions | null;
}

export const FIXME_TAG = 'FIXME(catchwise)';

export interface FileStyle {
  eol: string;
  indentUnit: string;
  quote: "'" | '"';
  semicolons: boolean;
  typescript: boolean;
  /** `}` and `else {` on lines of their own (the "stroustrup" brace style), as the file writes `} catch` and `} else`. */
  elseOnOwnLine: boolean;
}

const styleCache = new WeakMap<TSESTree.Program, FileStyle>();

/** JavaScript's `\s`: the characters `^([ \t]*)\S` refuses after a line's leading blanks. */
function isWhitespaceCode(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) || code === 0x20 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** The indent step most lines take (or a tab), from the first 2,000 lines; read in place, without splitting the text. */
function detectIndentUnit(text: string): string {
  let tabs = 0;
  let spaces = 0;
  const steps = new Map<number, number>();
  let previous = 0;
  let lines = 0;
  for (let start = 0; start <= text.length; ) {
    if (++lines > 2000) break;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // The leading blanks of the line [start, end), then whether a non-blank character follows them.
    let i = start;
    while (i < end && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
    const lineStart = start;
    start = end + 1;
    if (i === end || isWhitespaceCode(text.charCodeAt(i))) continue;
    const width = i - lineStart;
    if (width > 0 && text.charCodeAt(lineStart) === 0x09) {
      tabs += 1;
      continue;
    }
    if (width > 0) spaces += 1;
    const step = Math.abs(width - previous);
    if (step > 0 && step <= 8) steps.set(step, (steps.get(step) ?? 0) + 1);
    previous = width;
  }
  if (tabs > spaces) return '\t';
  let best = 2;
  let bestCount = 0;
  for (const [step, count] of steps) {
    if (count > bestCount) {
      best = step;
      bestCount = count;
    }
  }
  return ' '.repeat(best);
}

// Statements that end with a semicolon in a file that uses them (a `for` head's declaration aside).
const SEMICOLON_STATEMENTS = new Set<string>([
  AST_NODE_TYPES.ExpressionStatement, AST_NODE_TYPES.VariableDeclaration, AST_NODE_TYPES.ReturnStatement, AST_NODE_TYPES.ThrowStatement,
  AST_NODE_TYPES.BreakStatement, AST_NODE_TYPES.ContinueStatement, AST_NODE_TYPES.ImportDeclaration,
]);
const ENOUGH_STATEMENT_ENDS = 12;
// Types hold no statements: a declaration file is not walked type by type.
const TYPE_ONLY = new Set<string>([
  AST_NODE_TYPES.TSInterfaceDeclaration, AST_NODE_TYPES.TSTypeAliasDeclaration, AST_NODE_TYPES.TSTypeAnnotation,
  AST_NODE_TYPES.TSTypeParameterDeclaration, AST_NODE_TYPES.TSTypeParameterInstantiation,
]);

/**
 * How many statements end with `;` and how many without, the top level first, then breadth first
 * into function bodies until there are enough (a file of function declarations says nothing at its
 * top level). A statement ending in `}` (`x = () => {}`) says nothing either way.
 */
function statementEnds(program: TSESTree.Program, text: string): { withSemi: number; withoutSemi: number } {
  let withSemi = 0;
  let withoutSemi = 0;
  const queue: TSESTree.Node[] = [program];
  for (let i = 0; i < queue.length && withSemi + withoutSemi < ENOUGH_STATEMENT_ENDS; i++) {
    const node = queue[i]!;
    const inForHead = node.parent?.type === AST_NODE_TYPES.ForStatement || node.parent?.type === AST_NODE_TYPES.ForInStatement || node.parent?.type === AST_NODE_TYPES.ForOfStatement;
    if (SEMICOLON_STATEMENTS.has(node.type) && !inForHead) {
      const last = text[node.range[1] - 1];
      if (last === ';') withSemi += 1;
      else if (last !== '}') withoutSemi += 1;
    }
    if (!TYPE_ONLY.has(node.type)) forEachChild(node, (child) => queue.push(child));
  }
  return { withSemi, withoutSemi };
}

/**
 * The line break most of the file's lines end with: a CRLF file may still have an LF line or two
 * (a shebang line, a pasted block), and the new lines should match the rest.
 */
function dominantEol(text: string): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    if (at > 0 && text.charCodeAt(at - 1) === 13) crlf += 1;
    else lf += 1;
  }
  return crlf > lf ? '\r\n' : '\n';
}

export function fileStyle(input: AnalysisInput): FileStyle {
  const cached = styleCache.get(input.program);
  if (cached) return cached;
  const text = input.sourceText;
  const eol = dominantEol(text);
  let single = 0;
  let double = 0;
  for (const statement of input.program.body) {
    // Module specifiers say the file's quote: `import … from "x"`, and in CommonJS `require("x")`.
    for (const source of moduleSources(statement)) {
      if (source.raw.startsWith('"')) double += 1;
      else if (source.raw.startsWith("'")) single += 1;
    }
  }
  if (single === 0 && double === 0) {
    // No module specifiers: the string literals decide, given enough of them (a few say little).
    const literals = literalQuotes(input.program);
    if (literals.single + literals.double >= 3) ({ single, double } = literals);
  }
  const ends = statementEnds(input.program, text);
  const style: FileStyle = {
    eol,
    indentUnit: detectIndentUnit(text),
    quote: double > single ? '"' : "'",
    semicolons: ends.withSemi >= ends.withoutSemi,
    typescript: /\.[cm]?tsx?$/i.test(input.fileName),
    elseOnOwnLine: writesElseOnOwnLine(text),
  };
  styleCache.set(input.program, style);
  return style;
}

const ELSE_ON_OWN_LINE = /\}[ \t]*\r?\n[ \t]*(?:else|catch|finally)\b/g;
const ELSE_AFTER_BRACE = /\}[ \t]*(?:else|catch|finally)\b/g;

/** Whether the file puts `else`, `catch` and `finally` on the line after the `}` more often than after it. */
function writesElseOnOwnLine(text: string): boolean {
  const ownLine = text.match(ELSE_ON_OWN_LINE)?.length ?? 0;
  return ownLine > 0 && ownLine > (text.match(ELSE_AFTER_BRACE)?.length ?? 0);
}

/** `} else {`, or `}` and `else {` where the file writes them so: the lines of a branch change. */
export function elseLines(style: FileStyle, rest = ''): string[] {
  return style.elseOnOwnLine ? ['}', `else${rest} {`] : [`} else${rest} {`];
}

/**
 * In a file without module specifiers, the quotes of its first string literals (a JSX attribute's
 * `"…"` aside, written so whatever the style).
 */
function literalQuotes(program: TSESTree.Program): { single: number; double: number } {
  const counts = { single: 0, double: 0 };
  const visit = (node: TSESTree.Node): void => {
    if (counts.single + counts.double >= 20) return;
    if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' && node.parent?.type !== AST_NODE_TYPES.JSXAttribute) {
      if (node.raw.startsWith('"')) counts.double += 1;
      else if (node.raw.startsWith("'")) counts.single += 1;
    }
    forEachChild(node, visit);
  };
  visit(program);
  return counts;
}

function quoteString(value: string, quote: "'" | '"'): string {
  return quote + value.replace(/\\/g, '\\\\').replace(quote === "'" ? /'/g : /"/g, `\\${quote}`).replace(/\r?\n/g, '\\n') + quote;
}

function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

function firstOnLine(text: string, pos: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, pos), pos));
}

function sameLine(text: string, from: number, to: number): boolean {
  return !text.slice(from, to).includes('\n');
}

/**
 * Calls and `new` expressions in source order, not entering nested functions nor the block of a
 * nested `try` that has its own `catch` (its errors go there; its handler and `finally` still count).
 */
function collectCalls(root: TSESTree.Node): (TSESTree.CallExpression | TSESTree.NewExpression)[] {
  const calls: (TSESTree.CallExpression | TSESTree.NewExpression)[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node !== root && isFunction(node)) return;
    if (node.type === AST_NODE_TYPES.TryStatement && node.handler) {
      visit(node.handler);
      if (node.finalizer) visit(node.finalizer);
      return;
    }
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) calls.push(node);
    forEachChild(node, visit);
  };
  visit(root);
  return calls;
}

const LOG_RECEIVER = /(^|\.)(console|logger|log|LOGGER)$/;

/** Built-ins that convert or compute and are not what failed: `Number(read())` failed in `read()`. */
const UNINTERESTING = /^(?:Number|String|Boolean|Symbol|parseInt|parseFloat|isNaN|isFinite|Math\.\w+|Object\.\w+|Array\.(?:isArray|from|of)|Date\.now|Promise\.(?:resolve|reject)|JSON\.stringify|structuredClone)$/;

function isIncidentalCall(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const label = calleeLabel(call);
  if (label !== null && UNINTERESTING.test(label)) return true;
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const receiver = expressionText(callee.object);
  return receiver !== null && LOG_RECEIVER.test(receiver);
}

const sourceCallsCache = new WeakMap<TSESTree.Node, (TSESTree.CallExpression | TSESTree.NewExpression)[]>();

/** The calls whose errors reach the handler (computed once per try statement or promise call; callers must not modify it). */
export function sourceCalls(handler: Handler): (TSESTree.CallExpression | TSESTree.NewExpression)[] {
  const key = handler.tryStatement ?? handler.call;
  if (!key) return [];
  let calls = sourceCallsCache.get(key);
  if (!calls) {
    calls = collectSourceCalls(handler);
    sourceCallsCache.set(key, calls);
  }
  return calls;
}

function collectSourceCalls(handler: Handler): (TSESTree.CallExpression | TSESTree.NewExpression)[] {
  const root = sourceCallRoot(handler);
  if (!root) return [];
  const calls = collectCalls(root);
  return handler.tryStatement ? calls.filter((call) => !isIncidentalCall(call)) : calls;
}

/** Where the calls a handler receives errors from are: the try block, or the call that starts the promise chain. */
function sourceCallRoot(handler: Handler): TSESTree.Node | null {
  if (handler.tryStatement) return handler.tryStatement.block;
  let receiver: TSESTree.Node | null = handler.call ? handler.call.callee : null;
  if (receiver?.type === AST_NODE_TYPES.MemberExpression) receiver = receiver.object;
  // `fetch(url).then(parse).catch(cb)`: walk down the chain to the call that started it.
  while (
    receiver?.type === AST_NODE_TYPES.CallExpression &&
    receiver.callee.type === AST_NODE_TYPES.MemberExpression &&
    receiver.callee.property.type === AST_NODE_TYPES.Identifier &&
    ['then', 'catch', 'finally'].includes(receiver.callee.property.name) &&
    receiver.callee.object.type === AST_NODE_TYPES.CallExpression
  ) {
    receiver = receiver.callee.object;
  }
  return receiver;
}

/** The call a message names as the one that failed (failing-call.ts), given the calls the expected errors come from. */
function failingCallOf(input: AnalysisInput, handler: Handler, known: readonly KnownError[]): string | null {
  const expectedFrom = known.map((error) => (error as { call?: string | null }).call).filter((call): call is string => typeof call === 'string');
  const root = sourceCallRoot(handler);
  // `import('./x.js').then(use).catch(…)`: the chain starts at the import, which is no call node.
  if (expectedFrom.length === 0 && root?.type === AST_NODE_TYPES.CallExpression && root.callee.type === AST_NODE_TYPES.MemberExpression && root.callee.object.type === AST_NODE_TYPES.ImportExpression) {
    return 'import';
  }
  return failingCallLabel(input, root, sourceCalls(handler), expectedFrom);
}

function memberName(key: TSESTree.Node): string | null {
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  if (key.type === AST_NODE_TYPES.Literal) return String(key.value);
  return null;
}

/**
 * `Class.method`, `function`, `variable` or the file's base name: where the handler sits. A function
 * passed to a call names the function around it; at the top level, the variable the call is assigned to.
 */
export function placeName(node: TSESTree.Node, fileName: string): string {
  let wrapped: string | null = null;
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.MethodDefinition || current.type === AST_NODE_TYPES.PropertyDefinition) {
      const member = memberName(current.key) ?? 'member';
      const className = nameOfClass(current.parent.parent);
      const name = current.type === AST_NODE_TYPES.MethodDefinition && current.kind === 'constructor' ? 'constructor' : member;
      return className ? `${className}.${name}` : name;
    }
    // `static { … }` runs when the class is defined: the class is the place.
    if (current.type === AST_NODE_TYPES.StaticBlock) {
      const className = nameOfClass(current.parent.parent);
      if (className) return className;
    }
    if (current.type === AST_NODE_TYPES.FunctionDeclaration && current.id) return current.id.name;
    if (isFunction(current)) {
      const parent = current.parent;
      if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
      if (parent?.type === AST_NODE_TYPES.Property) {
        const key = memberName(parent.key);
        if (key) return key;
      }
      if (current.type === AST_NODE_TYPES.FunctionExpression && current.id) return current.id.name;
      // `exports.percentageToColor = () => …`, `module.exports.f = function () …`, `Foo.prototype.bar = …`
      if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === current && parent.left.type === AST_NODE_TYPES.MemberExpression && !parent.left.computed) {
        const key = memberName(parent.left.property);
        if (key && key !== 'exports') return key;
      }
      wrapped ??= wrappedFunctionName(current);
    }
  }
  if (wrapped !== null) return wrapped;
  const base = fileName.replace(/\\/g, '/').split('/').pop() ?? fileName;
  return base.replace(/\.[^.]+$/, '') || 'module';
}

/**
 * `export const GET = withAuth(async (req) => …)`, `const dc = (() => { … })()`: the variable a wrapped
 * or immediately called function's result ends up in, through the calls around it.
 */
function wrappedFunctionName(fn: TSESTree.Node): string | null {
  let node = fn;
  while (node.parent?.type === AST_NODE_TYPES.CallExpression && (node.parent.callee === node || node.parent.arguments.includes(node as TSESTree.CallExpressionArgument))) node = node.parent;
  if (node === fn) return null;
  const parent = node.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : null;
}

/**
 * The scopes whose block lies within `node`: found below the scope that holds it, not by a pass
 * over every scope of the file (a rewrite asks once per handler, and large files hold thousands).
 */
function scopesWithin(scopeManager: ScopeManager, node: TSESTree.Node): Scope[] {
  const [start, end] = node.range;
  let holder: Scope | null = null;
  for (let current: TSESTree.Node | undefined = node; current && !holder; current = current.parent) holder = scopeManager.acquire(current);
  const found: Scope[] = [];
  const visit = (scope: Scope): void => {
    const [from, to] = scope.block.range;
    if (to <= start || from >= end) return;
    if (from >= start && to <= end) found.push(scope);
    for (const child of scope.childScopes) visit(child);
  };
  visit(holder ?? scopeManager.globalScope!);
  return found;
}

/** `catch {…}`, or a promise handler without a parameter (`.catch(() => …)`, `.then(ok, () => …)`). */
function isBindinglessHandler(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.CatchClause) return node.param === null;
  if ((node.type !== AST_NODE_TYPES.ArrowFunctionExpression && node.type !== AST_NODE_TYPES.FunctionExpression) || node.params.length > 0) return false;
  const call = node.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression || call.callee.property.type !== AST_NODE_TYPES.Identifier) return false;
  const method = call.callee.property.name;
  return (method === 'catch' && call.arguments[0] === node) || (method === 'then' && call.arguments[1] === node);
}

/** A name for a new binding that shadows nothing and is captured by nothing inside the handler. */
export function freshBindingName(input: AnalysisInput, handlerNode: TSESTree.Node, avoid: readonly string[] = [], preferred?: string): string {
  const taken = new Set<string>(avoid);
  for (const scope of scopesWithin(input.scopeManager, handlerNode)) {
    for (const variable of scope.variables) taken.add(variable.name);
    for (const reference of scope.through) taken.add(reference.identifier.name);
  }
  // An enclosing handler without a binding may get one in the same run, named by the same rule
  // without knowing this one: its name is taken here, so the inner binding never shadows it.
  for (let current = handlerNode.parent; current; current = current.parent) {
    if (isBindinglessHandler(current)) taken.add(freshBindingName(input, current, avoid));
  }
  const outer = scopeAt(input.scopeManager, handlerNode.parent ?? handlerNode);
  for (const candidate of [...(preferred ? [preferred] : []), 'error', 'err', 'caughtError', 'unexpectedError']) {
    if (!taken.has(candidate) && !findVariable(outer, candidate)) return candidate;
  }
  for (let n = 2; ; n++) {
    const candidate = `error${n}`;
    if (!taken.has(candidate) && !findVariable(outer, candidate)) return candidate;
  }
}

function moduleImport(input: AnalysisInput, from: string): TSESTree.ImportDeclaration | null {
  for (const statement of input.program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.source.value === from && statement.importKind !== 'type') return statement;
  }
  return null;
}

/** `X` when `import X from 'm'` or `import * as X from 'm'` (a value import). */
function defaultOrNamespaceImport(input: AnalysisInput, from: string): string | null {
  for (const statement of input.program.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.source.value !== from || statement.importKind === 'type') continue;
    for (const spec of statement.specifiers) {
      if (spec.type === AST_NODE_TYPES.ImportDefaultSpecifier || spec.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return spec.local.name;
    }
  }
  return null;
}

/** The import a new logger needs: a specifier added to an existing import, or a new declaration. */
export function importEdit(input: AnalysisInput, wanted: LoggerImport): TextEdit {
  const style = fileStyle(input);
  const existing = moduleImport(input, wanted.from);
  if (existing && wanted.kind === 'named') {
    const named = existing.specifiers.filter((spec) => spec.type === AST_NODE_TYPES.ImportSpecifier);
    const last = named[named.length - 1];
    if (last) return { range: [last.range[1], last.range[1]], text: `, ${wanted.name}` };
  }
  const semi = style.semicolons ? ';' : '';
  const clause = wanted.kind === 'named' ? `{ ${wanted.name} }` : wanted.name;
  const from = quoteString(wanted.from, style.quote);
  const commonjs = moduleSystem(input) === 'commonjs';
  const declaration = commonjs ? `const ${clause} = require(${from})${semi}` : `import ${clause} from ${from}${semi}`;
  const body = input.program.body;
  const loads = commonjs
    ? body.filter((statement) => statement.type === AST_NODE_TYPES.VariableDeclaration && moduleSources(statement).length > 0)
    : body.filter((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration);
  const last = loads[loads.length - 1];
  if (last) return { range: [last.range[1], last.range[1]], text: style.eol + declaration };
  // After a `'use strict'` prologue, else first: after a shebang line, which must stay the first line.
  let prologueEnd: TSESTree.Node | null = null;
  for (const statement of body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || !statement.directive) break;
    prologueEnd = statement;
  }
  if (prologueEnd) return { range: [prologueEnd.range[1], prologueEnd.range[1]], text: style.eol + declaration };
  const text = input.sourceText;
  if (text.startsWith('#!')) {
    const lineEnd = text.indexOf('\n');
    if (lineEnd >= 0) return { range: [lineEnd + 1, lineEnd + 1], text: declaration + style.eol };
  }
  return { range: [0, 0], text: declaration + style.eol };
}

function classGuard(context: KnownErrorContext, from: string, className: string): ((binding: string) => string) | null {
  const inScope = findVariable(context.scope, className);
  if (inScope && inScope.defs.length > 0) return (binding) => `${binding} instanceof ${className}`;
  const namespace = defaultOrNamespaceImport(context.input, from);
  if (namespace && !findVariable(context.scope, namespace)?.defs.every((def) => def.type !== 'ImportBinding')) {
    return (binding) => `${binding} instanceof ${namespace}.${className}`;
  }
  return null;
}

function importsModule(input: AnalysisInput, from: string): boolean {
  return input.program.body.some((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration && statement.source.value === from);
}

/**
 * The default provider: the built-in catalog (`knowledge/`, DESIGN §4) by import and call name,
 * without types or config. The old table below is kept only as `legacyKnownErrors`.
 */
export const builtinKnownErrors: KnownErrorProvider = (context) => catalogKnownErrors(context);

/** The first built-in table (JSON.parse, new URL, kafkajs, pg), superseded by the catalog. */
export const legacyKnownErrors: KnownErrorProvider = (context) => {
  const found: KnownError[] = [];
  const add = (error: KnownError): void => {
    if (!found.some((known) => known.name === error.name)) found.push(error);
  };
  const receivers: string[] = [];
  for (const call of context.calls) {
    const label = calleeLabel(call);
    if (label === null) continue;
    receivers.push(label);
    if (label === 'JSON.parse') add({ name: 'SyntaxError', guard: (b) => `${b} instanceof SyntaxError`, evidence: 'catalog', edits: [] });
    if (label === 'new URL') add({ name: 'TypeError', guard: (b) => `${b} instanceof TypeError`, evidence: 'catalog', edits: [] });
  }
  const calls = receivers.join(' ');
  if (importsModule(context.input, 'kafkajs') && /producer|consumer|admin|kafka/i.test(calls)) {
    // kafkajs spreads its errors into module.exports, so a named ESM import of KafkaJSError fails at
    // run time; its errors' names all start with `KafkaJS`.
    const guard = classGuard(context, 'kafkajs', 'KafkaJSError') ?? ((b: string) => `${b} instanceof Error && ${b}.name.startsWith('KafkaJS')`);
    add({ name: 'KafkaJSError', guard, evidence: 'catalog', edits: [] });
  }
  if (importsModule(context.input, 'pg') && /pool|client|conn|query|release|db\b|pg\b/i.test(calls)) {
    // Never a `name` check for pg: its errors are named 'error'.
    const guard = classGuard(context, 'pg', 'DatabaseError');
    if (guard) add({ name: 'DatabaseError', guard, evidence: 'catalog', edits: [] });
  }
  return found;
};

/** True when the handler already carries a `FIXME(catchwise)` comment (a second run leaves it be). */
export function hasCatchwiseFixme(finding: HandlerFinding, input: AnalysisInput): boolean {
  const handler = finding.handler;
  const start = Math.min(handler.node.range[0], handler.call?.range[0] ?? Infinity);
  const end = Math.max(handler.node.range[1], handler.call?.range[1] ?? -Infinity);
  return commentsWithin(input.program.comments ?? [], start, end).some((comment) => comment.range[1] <= end && comment.value.includes(FIXME_TAG));
}

interface Layout {
  text: string;
  style: FileStyle;
}

/** Applies edits that lie inside `[from, to)` to that slice of the text. */
/** `text[from, to)` with the edits that lie inside it applied. */
export function sliceWithEdits(text: string, from: number, to: number, edits: readonly TextEdit[]): string {
  let out = '';
  let cursor = from;
  for (const edit of [...edits].sort((a, b) => a.range[0] - b.range[0])) {
    if (edit.range[0] < from || edit.range[1] > to) continue;
    out += text.slice(cursor, edit.range[0]) + edit.text;
    cursor = edit.range[1];
  }
  return out + text.slice(cursor, to);
}

/** Statements and the comments between them, in order: the items of a block. */
function blockItems(block: TSESTree.BlockStatement, comments: TSESTree.Comment[]): { range: [number, number]; node: TSESTree.Node | null }[] {
  const items: { range: [number, number]; node: TSESTree.Node | null }[] = block.body.map((node) => ({ range: node.range, node }));
  for (const comment of commentsWithin(comments, block.range[0] + 1, block.range[1])) {
    if (comment.range[1] >= block.range[1]) continue;
    if (block.body.some((node) => comment.range[0] >= node.range[0] && comment.range[1] <= node.range[1])) continue;
    items.push({ range: comment.range, node: null });
  }
  return items.sort((a, b) => a.range[0] - b.range[0]);
}

/**
 * `catch (_)` or `catch (_e)` whose rewrite logs the error: the binding renamed — to the name without
 * its underscores (`e`), or a fresh name (`error`) — when it is read nowhere (a read would now see
 * the error under another name) and the new name shadows and captures nothing (`freshBindingName`).
 * Null to keep the name.
 */
function renamedDiscardBinding(input: AnalysisInput, owner: TSESTree.Node, param: TSESTree.Identifier, avoid: string[]): TextEdit | null {
  if (!param.name.startsWith('_')) return null;
  const variable = input.scopeManager.getDeclaredVariables(owner).find((declared) => declared.name === param.name);
  if (!variable || variable.references.length > 0) return null;
  const start = param.range[0];
  const stripped = param.name.replace(/^_+/, '');
  return { range: [start, start + param.name.length], text: freshBindingName(input, owner, avoid, stripped || undefined) };
}

/**
 * The edit that raises a log of the error object below the minimum level to `error`: the method
 * renamed (`console.log('failed', e)` → `console.error('failed', e)`), or, for a bare
 * `console.log(e)` (when `message` is given), the whole call replaced by the fallback log. Only for
 * `console` and the rewrite's own logger, whose `error` method the rewrite would call anyway;
 * null otherwise (a second log is added instead).
 */
function raisedLogEdit(call: TSESTree.CallExpression, binding: string, logger: LoggerStyle, message: string | null): TextEdit | null {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return null;
  const receiver = expressionText(callee.object);
  const style = receiver === 'console' ? CONSOLE_LOGGER : receiver === logger.object && logger.kind !== 'debug' ? logger : null;
  // `logger.log('info', …)` takes its level as an argument: renaming the method would change the call.
  if (!style || (callee.property.name === 'log' && receiver !== 'console')) return null;
  const only = call.arguments.length === 1 ? call.arguments[0] : undefined;
  if (message !== null && only?.type === AST_NODE_TYPES.Identifier && only.name === binding) {
    return { range: call.range, text: formatLogCall(style, 'error', binding, message) };
  }
  return { range: callee.property.range, text: 'error' };
}

export function buildSpecificCatchRewrite(finding: HandlerFinding, input: AnalysisInput, options: RewriteOptions = {}): SpecificCatchRewrite {
  const handler = finding.handler;
  const text = input.sourceText;
  const style = fileStyle(input);
  const layout: Layout = { text, style };
  const comments = input.program.comments ?? [];
  const unit = style.indentUnit;
  const eol = style.eol;

  const fixme = (why: string): SpecificCatchRewrite => ({ edits: [fixmeEdit(handler, layout, comments, why)], fixme: why, errorTypes: [], logger: null });

  if (finding.abort) {
    const abort = abortBranchRewrite({ ...finding, abort: finding.abort }, input, options.knownErrors ?? builtinKnownErrors);
    return abort.fixme ? fixme(abort.fixme) : abort;
  }

  // 1. The binding: the caught error's name, added where the handler has none.
  const edits: TextEdit[] = [];
  let binding: string;
  let body: TSESTree.BlockStatement | TSESTree.Expression;
  const logger = findLoggerStyle(input, handler.node, options.logger, options.resolveLoggerModule, options.analysis ? configuredLoggerTest(options.analysis) : null);
  const loggerHead = logger.object.split('.')[0] ?? logger.object;
  if (handler.kind === 'catch-clause') {
    const clause = handler.node as TSESTree.CatchClause;
    body = clause.body;
    if (!clause.param) {
      binding = freshBindingName(input, clause, [loggerHead]);
      const at = clause.range[0] + 'catch'.length;
      edits.push({ range: [at, at], text: ` (${binding})` });
    } else if (clause.param.type === AST_NODE_TYPES.Identifier) {
      binding = clause.param.name;
      const renamed = renamedDiscardBinding(input, clause, clause.param, [loggerHead]);
      if (renamed) {
        binding = renamed.text;
        edits.push(renamed);
      }
    } else {
      return fixme('the catch binding is destructured, so the error object is lost; bind it to a name and log it');
    }
  } else {
    const fn = handler.node as TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;
    const call = handler.call;
    const nodeType: string = handler.node.type;
    if (call && (nodeType === AST_NODE_TYPES.Identifier || nodeType === AST_NODE_TYPES.MemberExpression)) {
      // `.catch(noop)`: a no-op the analysis cannot follow becomes an inline handler that logs.
      return noopRewrite(finding, input, options, layout, logger);
    }
    if (call && isEmptyFunction(fn) && (fn.range[0] < call.range[0] || fn.range[1] > call.range[1]) && usedElsewhere(input, handler)) {
      // `.catch(noop)` with `function noop() {}` in the file, used elsewhere too: the same as an
      // unfollowed no-op (one used only here would be left unused).
      return noopRewrite(finding, input, options, layout, logger);
    }
    if (!call || fn.range[0] < call.range[0] || fn.range[1] > call.range[1]) {
      const declared = fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.id.type === AST_NODE_TYPES.Identifier ? fn.parent.id.name : null;
      const name = fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id ? fn.id.name : declared;
      return fixme(`the handler is ${name ? `\`${name}\`` : 'a function'} declared elsewhere; log the error object in it or pass an inline handler`);
    }
    body = fn.body;
    const first = fn.params[0];
    if (!first) {
      binding = freshBindingName(input, fn, [loggerHead]);
      const open = text.indexOf('(', fn.range[0]);
      if (open < 0 || open > fn.body.range[0]) return fixme('the handler has no parameter list to add the error to');
      edits.push({ range: [open + 1, open + 1], text: style.typescript ? `${binding}: unknown` : binding });
    } else if (first.type === AST_NODE_TYPES.Identifier) {
      binding = first.name;
      const renamed = renamedDiscardBinding(input, fn, first, [loggerHead]);
      if (renamed) {
        binding = renamed.text;
        edits.push(renamed);
      }
    } else {
      return fixme("the handler's parameter is destructured, so the error object is lost; take it whole and log it");
    }
  }

  if (replacesCaughtError(handler, input.scopeManager)) {
    // A log before the exit would log the replacement (`e = new Error('x')`), not the caught error.
    return fixme(`\`${binding}\` is assigned another value in the handler, so a log at the exit would not receive the caught error; log it before the assignment`);
  }

  // 2. What to say: the place, the call that failed, the expected errors.
  const calls = sourceCalls(handler);
  const place = placeName(handler.kind === 'catch-clause' ? handler.node : (handler.call ?? handler.node), input.fileName);
  const narrowed = finding.paths.some((path) => path.label === 'narrowed');
  const provider = options.knownErrors === undefined ? builtinKnownErrors : options.knownErrors;
  const known =
    !narrowed && provider ? provider({ input, handler, calls, scope: scopeAt(input.scopeManager, handler.node) }) : [];
  // The imports the new log and the expected-error guards need: added only with them.
  const importEdits = known.flatMap((error) => error.edits);
  if (logger.addImport) importEdits.push(importEdit(input, logger.addImport));
  const callee = failingCallOf(input, handler, known);

  const q = (message: string): string => quoteString(message, style.quote);
  const semi = style.semicolons ? ';' : '';
  const errorMessage = q(callee ? `${place}: unexpected error from ${callee}()` : `${place}: unexpected error`);
  const errorCall = formatLogCall(logger, 'error', binding, errorMessage) + semi;
  const lines: string[] = [];
  const anyOf = (errors: KnownError[]): string | undefined => {
    const guards = errors.map((error) => error.guard(binding));
    return guards.length === 1 ? guards[0] : guards.map((guard) => (guard.includes('&&') ? `(${guard})` : guard)).join(' || ');
  };
  // An abort where the code takes an AbortSignal is the caller cancelling: ignored or rethrown, not logged.
  const cancelled = known.filter((error) => error.cancellation);
  const expected = known.filter((error) => !error.cancellation);
  if (cancelled.length > 0) {
    const rethrow = cancelled.some((error) => error.cancellation === 'rethrow');
    lines.push(`if (${anyOf(cancelled)}) {`, unit + (rethrow ? `throw ${binding}${semi}` : '/* cancelled by the caller: not an error */'));
  }
  if (expected.length > 0) {
    const expectedMessage = q(callee ? `${place}: ${callee}() failed` : `${place}: ${expected.map((error) => error.name).join(' or ')}`);
    const test = `(${anyOf(expected)})`;
    if (cancelled.length > 0) lines.push(...elseLines(style, ` if ${test}`));
    else lines.push(`if ${test} {`);
    lines.push(unit + formatLogCall(logger, options.expectedLevel ?? 'warn', binding, expectedMessage) + semi, ...elseLines(style), unit + errorCall, '}');
  } else if (cancelled.length > 0) {
    lines.push(...elseLines(style), unit + errorCall, '}');
  } else {
    lines.push(errorCall);
  }
  const block = (indent: string): string => lines.map((line) => indent + line).join(eol);
  // Inline, a statement is followed by the exit on the same line: it needs its `;` even in a file without.
  const joined = lines.map((line) => line.trim()).join(' ');
  const inline = semi || joined.endsWith('}') ? joined : `${joined};`;

  // 3. Where: before each quiet path's exit, or at the end of the body.
  const quiet = finding.quietPaths.length > 0 ? finding.quietPaths : finding.paths.filter((path) => path.label === 'quiet');
  const exitNodes: TSESTree.Node[] = [];
  let endExit = false;
  for (const path of quiet) {
    if (path.exit.kind === 'end' || !path.exit.node) endExit = true;
    else if (!exitNodes.includes(path.exit.node)) exitNodes.push(path.exit.node);
  }
  if (quiet.length === 0) endExit = true;
  const sharedEnd = finding.paths.some((path) => path.label !== 'quiet' && (path.exit.kind === 'end' || !path.exit.node));

  // A log on a quiet path that drops the error gets the error object; at `warn` or above (or
  // raised there, as below) that makes the path loud, so no second log is added before its exit.
  const fixedLogs = new Set<TSESTree.CallExpression>();
  const raisedLogs = new Set<TSESTree.CallExpression>();
  const bindings = collectBindings(handler, input.scopeManager);
  for (const path of quiet) {
    const dropped = path.droppedLog;
    if (!dropped || fixedLogs.has(dropped)) continue;
    // A log that says something about this error (`e.message`, `${e}`, text taken from it) gets the
    // object; so does one at warn or above that does not mention it (`console.error('upload
    // failed')`), of a logger whose signature takes one more argument (console, a known library): on
    // the path of a caught error it reports that error, and a second log would report it twice.
    const aboutError = dropped.arguments.some((argument) => touchesError(argument, bindings) || touchesText(argument, bindings));
    if (!aboutError && !reportsCaughtError(dropped, handler, logger)) continue;
    const edit = logErrorObjectEdit(input, dropped, binding, handler.node, options.resolveLoggerModule);
    if (!edit && aboutError && optionsEndLogCall(input, dropped, handler.node, options.resolveLoggerModule)) {
      // A second log would log the error twice, the first time without it: the log itself needs the object.
      return fixme('the log call ends with an options object of a logger of unknown library; pass the error object the way that logger takes it');
    }
    if (!edit) continue;
    const below = !logsAtWarnOrAbove(dropped);
    const raised = below ? raisedLogEdit(dropped, binding, logger, null) : null;
    // A log that stays below warn keeps its text: the new log before the exit carries the object, once.
    if (below && !raised) continue;
    fixedLogs.add(dropped);
    edits.push(edit);
    if (raised) {
      raisedLogs.add(dropped);
      edits.push(raised);
    }
  }
  // A log of the error object below the minimum level (`console.log(e)`) is raised to `error`
  // rather than followed by a second log of the same error.
  for (const path of quiet) {
    const below = path.belowLevelLog;
    if (below?.type !== AST_NODE_TYPES.CallExpression || raisedLogs.has(below)) continue;
    // The path's warn log carries the object now: its detail log (`logger.debug(err.stack)`) stays below.
    if (path.droppedLog && fixedLogs.has(path.droppedLog) && logsAtWarnOrAbove(path.droppedLog)) continue;
    const raised = raisedLogEdit(below, binding, logger, errorMessage);
    if (!raised) continue;
    raisedLogs.add(below);
    edits.push(raised);
  }
  const loudAfterFix = (path: HandlerFinding['quietPaths'][number]): boolean => {
    if ((path.belowLevelLog?.type === AST_NODE_TYPES.CallExpression && raisedLogs.has(path.belowLevelLog)) || (path.droppedLog && raisedLogs.has(path.droppedLog))) return true;
    const dropped = path.droppedLog;
    return !!dropped && fixedLogs.has(dropped) && logsAtWarnOrAbove(dropped);
  };
  // Every quiet path logs through its own call now: no new log, so no import either.
  if (quiet.length > 0 && quiet.every(loudAfterFix)) {
    if (cancelled.length === 0) return { edits, fixme: null, errorTypes: [], logger };
    // The fixed logs would now report the caller's abort as an unexpected error: keep it out of them.
    const abort: KnownError = { ...cancelled[0]!, guard: () => anyOf(cancelled)!, cancellation: cancelled.some((error) => error.cancellation === 'rethrow') ? 'rethrow' : 'ignore' };
    const branch = abortBranchEdits(handler, [...fixedLogs, ...raisedLogs], binding, abort, input, edits);
    if (typeof branch === 'string') return fixme(branch);
    const errorTypes = cancelled.map(({ name, evidence, detail }) => ({ name, evidence, ...(detail ? { detail } : {}) }));
    return { edits: [...cancelled.flatMap((error) => error.edits), ...branch], fixme: null, errorTypes, logger };
  }
  edits.push(...importEdits);
  exitNodes.length = 0;
  endExit = false;
  for (const path of quiet) {
    if (loudAfterFix(path)) continue;
    if (path.exit.kind === 'end' || !path.exit.node) endExit = true;
    else if (!exitNodes.includes(path.exit.node)) exitNodes.push(path.exit.node);
  }
  if (quiet.length === 0) endExit = true;

  // A quiet `throw` of something else keeps its throw; the same error is never logged and rethrown,
  // unless the try's `finally` block replaces the rethrow (`finally { return 0 }`): then it is lost.
  const replaced = new Set(quiet.filter((path) => path.exit.overriddenBy).map((path) => path.exit.node));
  const exits = exitNodes.filter(
    (node) =>
      replaced.has(node) ||
      !(node.type === AST_NODE_TYPES.ThrowStatement && node.argument.type === AST_NODE_TYPES.Identifier && node.argument.name === binding),
  );

  if (body.type !== AST_NODE_TYPES.BlockStatement) {
    // `.catch(() => fallback)`: the concise body becomes a block that logs, then returns it.
    const fn = handler.node as TSESTree.ArrowFunctionExpression;
    const span = conciseBodySpan(text, fn, body);
    if (!span) return fixme('the handler body could not be located');
    const indent = indentAt(text, fn.range[0]);
    const inner = indent + unit;
    // `() => undefined` types as `undefined`, a block without `return` as `void`: where TypeScript
    // sees the promise's value, dropping the `return` would change its type (`Promise<T | void>`).
    const statement = effectStatement(text, body, span.raw);
    const returned = /^(undefined|void 0)$/.test(span.raw) && !(style.typescript && promiseValueUsed(handler.call))
      ? ''
      : isConsoleCall(body) || (isEffect(body) && !promiseValueUsed(handler.call) && (semi !== '' || !/^[([`+\-/]/.test(statement)))
        ? `${eol}${inner}${statement}${semi}` // `console.*()` returns undefined; an unread value need not be returned
        : `${eol}${inner}return ${returnedExpression(text, body, span.raw)}${semi}`;
    edits.push({ range: [span.start, closingParenAfter(text, fn, handler.call) ?? span.end], text: ` {${eol}${block(inner)}${returned}${eol}${indent}}` });
    return { edits, fixme: null, errorTypes: known.map(({ name, evidence, detail }) => ({ name, evidence, ...(detail ? { detail } : {}) })), logger };
  }

  const indent = indentAt(text, body.range[0]);
  const items = blockItems(body, comments);
  const ownLine = items.find((item) => firstOnLine(text, item.range[0]) && !sameLine(text, body.range[0], item.range[0]));
  const inner = ownLine ? indentAt(text, ownLine.range[0]) : indent + unit;
  const singleLine = sameLine(text, body.range[0], body.range[1]);

  // Exits nested deeper than the body's own statements: inserted in place.
  const nested: TextEdit[] = [];
  const direct: TSESTree.Node[] = [];
  for (const exit of exits) {
    if (exit.range[0] < body.range[0] || exit.range[1] > body.range[1]) continue;
    if (exit.parent === body) {
      direct.push(exit);
      continue;
    }
    // A block or a `case` holds a statement list: the log goes on its own line before the exit.
    if (exit.parent?.type === AST_NODE_TYPES.BlockStatement || exit.parent?.type === AST_NODE_TYPES.SwitchCase) {
      if (firstOnLine(text, exit.range[0]) && !singleLine) {
        const at = indentAt(text, exit.range[0]);
        nested.push({ range: [exit.range[0], exit.range[0]], text: block(at).slice(at.length) + eol + at });
      } else {
        nested.push({ range: [exit.range[0], exit.range[0]], text: `${inline} ` });
      }
    } else if (!singleLine && exit.parent && firstOnLine(text, exit.parent.range[0]) && sameLine(text, exit.parent.range[0], exit.range[1])) {
      // `if (x) return 0;` on its own line: a block, laid out on lines.
      const at = indentAt(text, exit.parent.range[0]);
      nested.push(
        { range: [exit.range[0], exit.range[0]], text: `{${eol}${block(at + unit)}${eol}${at}${unit}` },
        { range: [exit.range[1], exit.range[1]], text: `${eol}${at}}` },
      );
    } else {
      // Braces around the log and the exit, on the exit's line.
      nested.push({ range: [exit.range[0], exit.range[0]], text: `{ ${inline} ` }, { range: [exit.range[1], exit.range[1]], text: ' }' });
    }
  }

  let endEdits: TextEdit[] = [];
  if (endExit && sharedEnd) {
    // The quiet path is the missing `else` of the `if` that handles the error.
    const missingElse = singleLine ? null : missingElseEdits(body, finding, layout, block, unit, bindings);
    if (!missingElse) return fixme('a handled path and a quiet path both fall off the end of the handler; log the error object on the quiet one');
    endEdits = missingElse;
  }
  // `if (e instanceof TimeoutError) { timeouts++ } return 0`: a log before the `return` both take
  // would call the expected error unexpected. When the quiet path is the missing `else` of the one
  // if-chain, the log goes there, as above; other shapes keep the log before the exit.
  const sharedExit = direct.find((exit) => finding.paths.some((path) => path.label !== 'quiet' && path.exit.node === exit));
  const sharedExitElse = sharedExit && !singleLine && endEdits.length === 0 ? missingElseEdits(body, finding, layout, block, unit, bindings) : null;
  if (sharedExit && sharedExitElse) {
    direct.splice(direct.indexOf(sharedExit), 1);
    endEdits = sharedExitElse;
  }

  // A handler that ends the process last (`process.exit(1)`, the error unused): the log goes before
  // the exit, never after it where it cannot run.
  const last = closingProcessExit(body);
  if (endExit && !sharedEnd && last) {
    endExit = false;
    direct.push(last);
  }

  const shared = sharedEnd ? null : sharedLogPoint(body, items, exits, endExit, finding, quiet.some(loudAfterFix));
  if (singleLine) {
    // `catch {}` / `catch { return 0; }`: the body is laid out again, one statement a line.
    const out: string[] = [];
    for (const item of items) {
      if (shared) {
        if (item.node === shared) out.push(block(inner));
        out.push(inner + text.slice(item.range[0], item.range[1]));
        continue;
      }
      if (item.node && direct.includes(item.node)) out.push(block(inner));
      out.push(inner + sliceWithEdits(text, item.range[0], item.range[1], nested));
    }
    if (endExit && !sharedEnd && !shared) out.push(block(inner));
    edits.push({ range: [body.range[0], body.range[1]], text: `{${eol}${out.join(eol)}${eol}${indent}}` });
    return { edits, fixme: null, errorTypes: known.map(({ name, evidence, detail }) => ({ name, evidence, ...(detail ? { detail } : {}) })), logger };
  }

  if (shared && firstOnLine(text, shared.range[0])) {
    // Every path is quiet and reaches this statement: one log before it, not one before each exit.
    const at = indentAt(text, shared.range[0]);
    edits.push({ range: [shared.range[0], shared.range[0]], text: block(at).slice(at.length) + eol + at });
    return { edits, fixme: null, errorTypes: known.map(({ name, evidence, detail }) => ({ name, evidence, ...(detail ? { detail } : {}) })), logger };
  }

  edits.push(...nested);
  for (const exit of direct) {
    if (firstOnLine(text, exit.range[0])) {
      const at = indentAt(text, exit.range[0]);
      edits.push({ range: [exit.range[0], exit.range[0]], text: block(at).slice(at.length) + eol + at });
    } else {
      edits.push({ range: [exit.range[0], exit.range[0]], text: `${inline} ` });
    }
  }
  if (endEdits.length > 0) edits.push(...endEdits);
  else if (endExit) {
    const suspends = exits.length === 0 && direct.length === 0 ? firstSuspension(body) : null;
    if (suspends && firstOnLine(text, suspends.range[0])) {
      const at = indentAt(text, suspends.range[0]);
      edits.push({ range: [suspends.range[0], suspends.range[0]], text: block(at).slice(at.length) + eol + at });
    } else {
      const lastItem = items[items.length - 1];
      const position = lastItem ? lastItem.range[1] : body.range[0] + 1;
      edits.push({ range: [position, position], text: eol + block(inner) });
    }
  }
  return { edits, fixme: null, errorTypes: known.map(({ name, evidence, detail }) => ({ name, evidence, ...(detail ? { detail } : {}) })), logger };
}

/**
 * In a generator, the first statement of the handler's body that holds a `yield`, when every path
 * reaches it (only straight-line statements before it): the log goes before it, since a consumer
 * that stops at the `yield` (`return()`, a `break` out of its loop) never runs what follows.
 */
function firstSuspension(body: TSESTree.BlockStatement): TSESTree.Node | null {
  for (const statement of body.body) {
    if (containsNode(statement, (node) => node.type === AST_NODE_TYPES.YieldExpression)) return statement;
    if (!isStraightLine(statement)) return null;
  }
  return null;
}

/**
 * Where one log serves every path of a handler whose paths all leave it at the exits the log goes
 * before, two or more (`if (strict) return -1; return 0;`, a `switch` of returns): the first statement
 * of the body that holds an exit — every path runs the statements before it and reaches it once.
 * Null when a path leaves elsewhere (it must not get the log) or a quiet path logs by itself after
 * the fix.
 */
function sharedLogPoint(
  body: TSESTree.BlockStatement,
  items: { node: TSESTree.Node | null }[],
  exits: readonly TSESTree.Node[],
  endExit: boolean,
  finding: HandlerFinding,
  someLoudAfterFix: boolean,
): TSESTree.Node | null {
  if (someLoudAfterFix || exits.length + (endExit ? 1 : 0) < 2) return null;
  // A path of another kind (handled, narrowed) must leave at one of the same exits: it passes the log either way.
  const sameExit = (path: HandlerFinding['paths'][number]): boolean => (path.exit.kind === 'end' || !path.exit.node ? endExit : exits.includes(path.exit.node));
  if (!finding.paths.every(sameExit)) return null;
  const holdsExit = (statement: TSESTree.Node): boolean => exits.some((exit) => exit.range[0] >= statement.range[0] && exit.range[1] <= statement.range[1]);
  const first = body.body.find(holdsExit);
  if (!first || !items.some((item) => item.node === first)) return null;
  return first;
}

const BRANCHING = new Set<string>([
  AST_NODE_TYPES.IfStatement, AST_NODE_TYPES.SwitchStatement, AST_NODE_TYPES.ConditionalExpression, AST_NODE_TYPES.LogicalExpression,
  AST_NODE_TYPES.ChainExpression, AST_NODE_TYPES.TryStatement, AST_NODE_TYPES.ForStatement, AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.ForOfStatement, AST_NODE_TYPES.WhileStatement, AST_NODE_TYPES.DoWhileStatement, AST_NODE_TYPES.LabeledStatement,
  AST_NODE_TYPES.ReturnStatement, AST_NODE_TYPES.ThrowStatement, AST_NODE_TYPES.BreakStatement, AST_NODE_TYPES.ContinueStatement,
]);

/** A statement that every path runs through the same way: no branch, no exit (nested functions are not run). */
function isStraightLine(node: TSESTree.Node): boolean {
  if (BRANCHING.has(node.type)) return false;
  for (const key of Object.keys(node)) {
    if (key === 'parent') continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    for (const child of Array.isArray(value) ? value : [value]) {
      if (isNode(child) && !isFunction(child) && !isStraightLine(child)) return false;
    }
  }
  return true;
}

/** `return x`, `continue`, `break` with nothing that branches in it: the exit of every path that reaches it. */
function isSharedExit(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement) return statement.argument === null || isStraightLine(statement.argument);
  return statement.type === AST_NODE_TYPES.ContinueStatement || statement.type === AST_NODE_TYPES.BreakStatement;
}

/**
 * The edits that log on the quiet path where it is the missing `else` of an if-chain, or null when
 * that is not certain. The chain must be the body's only branch (every other statement runs on every
 * path). When it is the last statement (the classic `if (e.code === 'X') {…}`), the quiet path that
 * falls off the end is its `else`. When statements follow it, every branch of the chain must be
 * straight-line and exactly one path quiet — so each branch is one path, and the quiet one is the
 * `else`; the last of those statements may be the `return`/`continue`/`break` all of them share.
 * A branch that is a single statement on the `if`'s line gets braces so the `else` can follow it.
 */
function missingElseEdits(
  body: TSESTree.BlockStatement,
  finding: HandlerFinding,
  layout: Layout,
  block: (indent: string) => string,
  unit: string,
  bindings: ErrorBindings,
): TextEdit[] | null {
  const { text, style } = layout;
  const eol = style.eol;
  const lastStatement = body.body[body.body.length - 1];
  const sharedExit = lastStatement && isSharedExit(lastStatement) ? lastStatement : null;
  const branching = body.body.filter((statement) => statement !== sharedExit && !isStraightLine(statement));
  const chain = branching[0];
  if (branching.length !== 1 || chain?.type !== AST_NODE_TYPES.IfStatement) return null;
  if (chain !== lastStatement) {
    // The quiet path falls off the end, or leaves by the exit every branch shares (`return 0` after the
    // chain): either way the `else` is where it alone runs.
    const quietPaths = finding.paths.filter((path) => path.label === 'quiet');
    const quietExit = quietPaths[0]?.exit;
    if (quietPaths.length !== 1 || !quietExit || (sharedExit ? quietExit.node !== sharedExit : quietExit.kind !== 'end')) return null;
  }
  let last: TSESTree.IfStatement = chain;
  const branches: TSESTree.Statement[] = [];
  while (last.alternate?.type === AST_NODE_TYPES.IfStatement) {
    branches.push(last.consequent);
    last = last.alternate;
  }
  // A final `else`, or a negated test (`if (!(e instanceof HttpError)) {…}`) whose missing `else` is the
  // narrowed case: the quiet path is the one branch no test narrows.
  const chainBranches = unnarrowedBranches(chain, bindings);
  if (last.alternate || chainBranches.elseNarrowed) return unnarrowedBranchEdits(chainBranches.open, layout, block, unit, bindings);
  branches.push(last.consequent);
  if (chain !== lastStatement && branches.some((branch) => !(branch.type === AST_NODE_TYPES.BlockStatement ? branch.body.every(isStraightLine) : isStraightLine(branch)))) return null;
  const consequent = last.consequent;
  if (consequent.type === AST_NODE_TYPES.BlockStatement) {
    const at = indentAt(text, consequent.range[1] - 1);
    return [{ range: [consequent.range[1], consequent.range[1]], text: ` else {${eol}${block(at + unit)}${eol}${at}}` }];
  }
  // `if (e.code === 'X') created = false;`: braced, then the `else`.
  if (!firstOnLine(text, chain.range[0]) || !sameLine(text, last.range[0], consequent.range[1])) return null;
  const at = indentAt(text, chain.range[0]);
  return [
    { range: [consequent.range[0], consequent.range[0]], text: `{${eol}${at}${unit}` },
    { range: [consequent.range[1], consequent.range[1]], text: `${eol}${at}} else {${eol}${block(at + unit)}${eol}${at}}` },
  ];
}

/**
 * The edits that log at the end of the one branch of an if-chain that no test narrows to known
 * errors (`open`, from `unnarrowedBranches`), when the chain's last case (its `else`, or the
 * missing `else` after a negated test) is narrowed or is that branch: `if (e instanceof OAuthError) {…} else { res.status(500)… }`.
 * Every other branch is narrowed, so its paths are not quiet; the branch itself never touches the
 * error and never leaves early, so every path through it is quiet and falls off its end. Else null.
 */
function unnarrowedBranchEdits(open: readonly TSESTree.Statement[], layout: Layout, block: (indent: string) => string, unit: string, bindings: ErrorBindings): TextEdit[] | null {
  const { text, style } = layout;
  const target = open.length === 1 ? open[0]! : null;
  if (target?.type !== AST_NODE_TYPES.BlockStatement || touchesError(target, bindings) || leavesEarly(target)) return null;
  const lastStatement = target.body[target.body.length - 1];
  if (lastStatement) {
    const at = indentAt(text, lastStatement.range[0]);
    return [{ range: [lastStatement.range[1], lastStatement.range[1]], text: style.eol + block(at) }];
  }
  const at = indentAt(text, target.range[1] - 1);
  return [{ range: [target.range[0] + 1, target.range[1] - 1], text: style.eol + block(at + unit) + style.eol + at }];
}

/**
 * The branches of an if-chain that no test narrows (its final `else` included), and whether its
 * `else` is narrowed: a test that checks the error negatively (`!(e instanceof X)`, `e.code !== …`)
 * narrows everything after it.
 */
function unnarrowedBranches(chain: TSESTree.IfStatement, bindings: ErrorBindings): { open: TSESTree.Statement[]; elseNarrowed: boolean } {
  const open: TSESTree.Statement[] = [];
  let narrowed = false;
  let current: TSESTree.Statement | null = chain;
  for (; current?.type === AST_NODE_TYPES.IfStatement; current = current.alternate) {
    const polarity = checkPolarity(current.test, bindings);
    if (!narrowed && polarity !== 'pos') open.push(current.consequent);
    if (polarity === 'neg') narrowed = true;
  }
  if (current && !narrowed) open.push(current);
  return { open, elseNarrowed: narrowed };
}

const EARLY_EXITS = new Set<string>([
  AST_NODE_TYPES.ReturnStatement, AST_NODE_TYPES.ThrowStatement, AST_NODE_TYPES.BreakStatement, AST_NODE_TYPES.ContinueStatement,
  AST_NODE_TYPES.TryStatement, AST_NODE_TYPES.LabeledStatement,
]);

/** A `return`, `throw`, `break`, `continue` or `try` in `node`, outside nested functions. */
function leavesEarly(node: TSESTree.Node): boolean {
  if (EARLY_EXITS.has(node.type)) return true;
  let found = false;
  forEachChild(node, (child) => {
    if (!found && !isFunction(child) && leavesEarly(child)) found = true;
  });
  return found;
}

function fixmeEdit(handler: Handler, layout: Layout, comments: TSESTree.Comment[], why: string): TextEdit {
  const { text, style } = layout;
  const note = `${FIXME_TAG}: ${why}`;
  if (handler.kind === 'catch-clause') {
    const body = (handler.node as TSESTree.CatchClause).body;
    const indent = indentAt(text, body.range[0]);
    if (sameLine(text, body.range[0], body.range[1])) {
      const items = blockItems(body, comments);
      const lines = [`// ${note}`, ...items.map((item) => text.slice(item.range[0], item.range[1]))];
      return { range: [body.range[0], body.range[1]], text: `{${style.eol}${lines.map((line) => indent + style.indentUnit + line).join(style.eol)}${style.eol}${indent}}` };
    }
    const first = blockItems(body, comments)[0];
    const inner = first && firstOnLine(text, first.range[0]) ? indentAt(text, first.range[0]) : indent + style.indentUnit;
    return { range: [body.range[0] + 1, body.range[0] + 1], text: `${style.eol}${inner}// ${note}` };
  }
  const argument = handlerArgument(handler);
  const at = argument ? argument.range[0] : handler.node.range[0];
  return { range: [at, at], text: `/* ${note.replace(/\*\//g, '* /')} */ ` };
}

/** Whether the function named by the handler's argument in its call is referenced somewhere else as well. */
function usedElsewhere(input: AnalysisInput, handler: Handler): boolean {
  const argument = handlerArgument(handler);
  if (argument?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveIdentifier(input.scopeManager, argument);
  return !!variable && variable.references.some((reference) => reference.identifier !== argument && !reference.init);
}

/** A function that does nothing: an empty block body (comments aside: the declaration stays as it is). */
function isEmptyFunction(fn: TSESTree.Node): boolean {
  if (fn.type !== AST_NODE_TYPES.FunctionDeclaration && fn.type !== AST_NODE_TYPES.FunctionExpression && fn.type !== AST_NODE_TYPES.ArrowFunctionExpression) return false;
  return !fn.generator && fn.body.type === AST_NODE_TYPES.BlockStatement && fn.body.body.length === 0;
}

/** `console.warn(…)`: a call of a console method, whose value is always undefined. */
function isConsoleCall(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const { object, property, computed } = node.callee;
  return !computed && object.type === AST_NODE_TYPES.Identifier && object.name === 'console' && property.type === AST_NODE_TYPES.Identifier;
}

/** A log call of `console` or of the rewrite's logger when its library is known: one more argument is the error object. */
/**
 * Whether a log that does not mention the caught error reports it all the same, so it should carry
 * the error object rather than be followed by a second log: it logs at warn or above in the
 * handler's own body (`console.error('upload failed')`), through a logger whose signature takes one
 * more argument (console, or `logger`'s known library).
 */
export function reportsCaughtError(call: TSESTree.CallExpression, handler: Handler, logger: LoggerStyle): boolean {
  return logsAtWarnOrAbove(call) && runsInHandler(call, handler) && takesErrorArgument(call, logger);
}

function takesErrorArgument(call: TSESTree.CallExpression, logger: LoggerStyle): boolean {
  const receiver = call.callee.type === AST_NODE_TYPES.MemberExpression ? expressionText(call.callee.object) : null;
  if (receiver === 'console') return true;
  return receiver === logger.object && logger.kind !== 'custom' && logger.kind !== 'debug' && logger.kind !== 'console';
}

/** Whether `node` runs in the handler's own body, not in a function nested in it (`items.forEach((x) => log.warn(x))`). */
function runsInHandler(node: TSESTree.Node, handler: Handler): boolean {
  const owner = handler.kind === 'catch-clause' ? enclosingFunction(handler.node) : handler.node;
  return enclosingFunction(node) === owner;
}

/** A call, `await` or assignment: an expression kept for what it does, a statement of its own once its value is unread. */
function isEffect(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.AssignmentExpression;
}

/**
 * Whether the value of the promise chain a handler is passed to is read: not when the chain is a
 * statement, `void`, an awaited statement, or goes on with `.then(() => …)`, which ignores it
 * (`.finally()` passes it on: what follows decides).
 */
function promiseValueUsed(call: TSESTree.CallExpression | null): boolean {
  let node: TSESTree.Node | undefined = call ?? undefined;
  for (;;) {
    if (node?.parent?.type === AST_NODE_TYPES.ChainExpression) node = node.parent;
    const member: TSESTree.Node | undefined = node?.parent;
    const next: TSESTree.Node | undefined = member?.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node || next?.type !== AST_NODE_TYPES.CallExpression || next.callee !== member) break;
    const method = member.property.type === AST_NODE_TYPES.Identifier ? member.property.name : null;
    if (method === 'finally') {
      node = next;
      continue;
    }
    const onFulfilled = next.arguments[0];
    const ignoresValue = method === 'then' && !!onFulfilled && isFunction(onFulfilled) && (onFulfilled as TSESTree.FunctionLike).params.length === 0;
    return !ignoresValue;
  }
  if (node?.parent?.type === AST_NODE_TYPES.AwaitExpression) node = node.parent;
  const parent = node?.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.ExpressionStatement) return false;
  return !(parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void');
}

/** `({ author: null })` returned from a block needs no parentheses: `return { author: null }`. */
function returnedExpression(text: string, body: TSESTree.Node, raw: string): string {
  return body.type === AST_NODE_TYPES.ObjectExpression && parenthesized(text, body, raw) ? text.slice(body.range[0], body.range[1]) : raw;
}

/**
 * A concise body kept as a statement needs no parentheses (`(ref.current = null)` → `ref.current = null`),
 * except a destructuring assignment, which would open a block (`({ a } = b)`).
 */
function effectStatement(text: string, body: TSESTree.Node, raw: string): string {
  const destructures = body.type === AST_NODE_TYPES.AssignmentExpression && body.left.type === AST_NODE_TYPES.ObjectPattern;
  return !destructures && parenthesized(text, body, raw) ? text.slice(body.range[0], body.range[1]) : raw;
}

/** Whether `raw`, a concise body's text, is `body` in parentheses. */
function parenthesized(text: string, body: TSESTree.Node, raw: string): boolean {
  return raw.startsWith('(') && raw.endsWith(')') && raw.slice(1, -1).trim() === text.slice(body.range[0], body.range[1]);
}

/**
 * Where the block that replaces a concise body broken onto its own line should end: the `)` of the
 * call it is the last argument of, when only a trailing comma and line breaks come between
 * (`.catch((e) =>\n  fallback,\n)` becomes `.catch((e) => {\n  …\n})`, not `},\n)`). Else null.
 */
function closingParenAfter(text: string, fn: TSESTree.Node, call: TSESTree.CallExpression | null): number | null {
  if (!call || call.arguments[call.arguments.length - 1] !== fn) return null;
  const close = call.range[1] - 1;
  if (text[close] !== ')') return null;
  return /^,?\s*$/.test(text.slice(fn.range[1], close)) && text.slice(fn.range[1], close).includes('\n') ? close : null;
}

const LEVEL_RANK: Record<string, number> = { trace: 0, silly: 0, verbose: 1, debug: 1, log: 2, info: 2, http: 2, notice: 2, warn: 3, warning: 3, error: 4, err: 4, exception: 4, captureException: 4, fatal: 5, crit: 5, critical: 5, alert: 5, emerg: 5 };

/**
 * The level a log call's method name stands for (`warn` → 3), by the analysis's default method levels;
 * for `log` the level its first argument names, as the rules read it (`logger.log('error', …)` → 4).
 */
export function logLevelOf(call: TSESTree.CallExpression): number {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.property.type !== AST_NODE_TYPES.Identifier) return -1;
  const named = callee.property.name === 'log' && call.arguments.length > 0 ? levelArgument(call.arguments[0]!) : null;
  return LEVEL_RANK[named ?? callee.property.name] ?? -1;
}

/** A log call at `warn` or above by its method name: given the error object, it makes its path loud. */
export function logsAtWarnOrAbove(call: TSESTree.CallExpression): boolean {
  return logLevelOf(call) >= LEVEL_RANK.warn;
}

/**
 * The edit that makes a log call carry the error object in its own logger's order:
 * `logger.warn(\`… ${e.message}\`)` → `logger.warn({ err: e }, \`…\`)` (pino/bunyan) or
 * `console.warn(\`…\`, e)` (message-first). Null when the call already passes it or has no arguments.
 */
export function logErrorObjectEdit(
  input: AnalysisInput,
  call: TSESTree.CallExpression,
  errorName: string,
  at: TSESTree.Node,
  resolveModule?: LoggerModuleResolver | null,
): TextEdit | null {
  const args = call.arguments;
  const first = args[0];
  const last = args[args.length - 1];
  if (!first || !last) return null;
  if (args.some((arg) => arg.type === AST_NODE_TYPES.Identifier && arg.name === errorName)) return null;
  const receiver = call.callee.type === AST_NODE_TYPES.MemberExpression ? expressionText(call.callee.object) : null;
  const order = receiver ? loggerOrderFor(input, receiver, at, resolveModule, args) : 'message-first';
  if (order === null) return null;
  const addsArgument = order === 'message-first' || first.type !== AST_NODE_TYPES.ObjectExpression;
  // A method its local module declares with no room for one more argument, or with a type there a
  // caught error does not have (`error: Error`): a separate log carries the error.
  if (addsArgument && (logArgumentLimit(input, call, at, resolveModule) !== null || logErrorParameterTyped(input, call, at, resolveModule))) return null;
  const text = input.sourceText;
  if (order === 'object-first') {
    if (first.type === AST_NODE_TYPES.ObjectExpression) {
      const hasErr = first.properties.some((prop) => prop.type === AST_NODE_TYPES.Property && !prop.computed && prop.key.type === AST_NODE_TYPES.Identifier && prop.key.name === 'err');
      if (hasErr) return null;
      const entry = errorName === 'err' ? 'err' : `err: ${errorName}`;
      const firstProp = first.properties[0];
      if (!firstProp) return { range: [first.range[0], first.range[1]], text: `{ ${entry} }` };
      // An object laid out one property per line gets the entry on a line of its own.
      const separator = firstOnLine(text, firstProp.range[0]) ? `,${fileStyle(input).eol}${indentAt(text, firstProp.range[0])}` : ', ';
      return { range: [firstProp.range[0], firstProp.range[0]], text: `${entry}${separator}` };
    }
    const entry = errorName === 'err' ? '{ err }' : `{ err: ${errorName} }`;
    return { range: [first.range[0], first.range[0]], text: `${entry}, ` };
  }
  // NestJS reads its last string argument as the context (`Logger.warn(msg, LOG_CONTEXT)`): after it,
  // the error would make the context a message; it goes before it.
  if (args.length >= 2 && receiver !== null && isNestContext(last, errorName) && isNestLogger(input, receiver, at)) {
    const separator = firstOnLine(text, last.range[0]) ? `,${fileStyle(input).eol}${indentAt(text, last.range[0])}` : ', ';
    return { range: [last.range[0], last.range[0]], text: `${errorName}${separator}` };
  }
  // Arguments laid out one per line (the call's `)` on a later line) get the error on a line of its own.
  const brokenArguments = firstOnLine(text, last.range[0]) && !sameLine(text, last.range[1], call.range[1]);
  const separator = brokenArguments ? `,${fileStyle(input).eol}${indentAt(text, last.range[0])}` : ', ';
  // A NestJS logger without a context of its own would read `error(msg, error)` as `error(msg, context)`.
  const context = args.length === 1 && receiver !== null && isNestLogger(input, receiver, at) ? nestContextFor(input, receiver, at) : null;
  const contextArgument = context === null ? '' : `${separator}${quoteString(context, fileStyle(input).quote)}`;
  return { range: [last.range[1], last.range[1]], text: `${separator}${errorName}${contextArgument}` };
}

/**
 * A NestJS context argument: a string literal or template, a name (`LOG_CONTEXT`), or a `.name` (`MyService.name`,
 * `this.constructor.name`), none of them the error's own (`error.stack` is no context).
 */
function isNestContext(node: TSESTree.Node, errorName: string): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string';
  // `ExportCsv: ${tableId}`: a string too, unless built from the error (`${error.stack}`).
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return !namesIdentifier(node, errorName);
  if (node.type === AST_NODE_TYPES.Identifier) return node.name !== errorName;
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed || node.property.type !== AST_NODE_TYPES.Identifier || node.property.name !== 'name') return false;
  let root: TSESTree.Node = node;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
  return !(root.type === AST_NODE_TYPES.Identifier && root.name === errorName);
}

function namesIdentifier(node: TSESTree.Node, name: string): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name === name;
  let found = false;
  forEachChild(node, (child) => {
    found ||= namesIdentifier(child, name);
  });
  return found;
}

/**
 * The parameters a log call's method is declared with in its local module (`log.warn("db", msg)`
 * of `warn(module, msg)`: 2) when the call already passes that many, so the error object has no
 * place; else null.
 */
export function logArgumentLimit(input: AnalysisInput, call: TSESTree.CallExpression, at: TSESTree.Node, resolveModule: LoggerModuleResolver | null | undefined): number | null {
  const named = namedMethodCall(call);
  if (!named) return null;
  const limit = declaredArgumentLimit(input, named.receiver, named.method, at, resolveModule);
  return limit !== null && call.arguments.length >= limit ? limit : null;
}

/** `log.warn(…)`: the receiver's and the method's names, for a method called on a plain identifier. */
function namedMethodCall(call: TSESTree.CallExpression): { receiver: string; method: string } | null {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier || callee.property.type !== AST_NODE_TYPES.Identifier) return null;
  return { receiver: callee.object.name, method: callee.property.name };
}

/**
 * Whether the parameter after a log call's arguments, where the error object would go, is declared
 * in its local module with a type a caught error (`unknown`) is not assignable to.
 */
export function logErrorParameterTyped(input: AnalysisInput, call: TSESTree.CallExpression, at: TSESTree.Node, resolveModule: LoggerModuleResolver | null | undefined): boolean {
  const named = namedMethodCall(call);
  return named !== null && declaredAgainstUnknown(input, named.receiver, named.method, call.arguments.length, at, resolveModule);
}

/** `{ timestamp: true }`: an object literal of constant flags, a call's options rather than data to log. */
function isOptionsObject(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ObjectExpression &&
    node.properties.length > 0 &&
    node.properties.every((prop) => prop.type === AST_NODE_TYPES.Property && !prop.computed && prop.value.type === AST_NODE_TYPES.Literal)
  );
}

/** A log call of a logger of unknown library that ends with an options object: no known place for the error (`loggerOrderFor`). */
function optionsEndLogCall(input: AnalysisInput, call: TSESTree.CallExpression, at: TSESTree.Node, resolveModule: LoggerModuleResolver | null | undefined): boolean {
  const receiver = call.callee.type === AST_NODE_TYPES.MemberExpression ? expressionText(call.callee.object) : null;
  return receiver !== null && loggerOrderFor(input, receiver, at, resolveModule, call.arguments) === null;
}

/**
 * The argument order of `receiver`'s calls: the classified logger's, else message-first — except that
 * a call of a logger of unknown library whose only argument is an object literal
 * (`log.error({ event, message })`, a structured logger) gets the error in that object, and one
 * that ends with options after the message (`logger.warn(msg, { timestamp: true })`, Vite's) has
 * no known place for it: an argument after the options is dropped at run time and breaks the
 * signature; what the options take is the library's (null).
 */
function loggerOrderFor(
  input: AnalysisInput,
  receiver: string,
  at: TSESTree.Node,
  resolveModule: LoggerModuleResolver | null | undefined,
  args: TSESTree.CallExpressionArgument[],
): 'object-first' | 'message-first' | null {
  if (receiver === 'console') return 'message-first';
  const style = findLoggerStyle(input, at, null, resolveModule);
  const known = style.object === receiver && style.kind !== 'custom';
  if (known) return style.order;
  if (args.length === 1 && args[0]!.type === AST_NODE_TYPES.ObjectExpression) return 'object-first';
  if (args.length >= 2 && isOptionsObject(args[args.length - 1]!) && (style.object !== receiver || style.order === 'message-first')) return null;
  return style.object === receiver ? style.order : 'message-first';
}

function noopRewrite(finding: HandlerFinding, input: AnalysisInput, options: RewriteOptions, layout: Layout, logger: LoggerStyle): SpecificCatchRewrite {
  const { text, style } = layout;
  const handler = finding.handler;
  const call = handler.call as TSESTree.CallExpression;
  const argument = handlerArgument(handler) ?? handler.node;
  const binding = freshBindingName(input, call, [logger.object.split('.')[0] ?? logger.object]);
  const callee = failingCallOf(input, handler, []);
  const place = placeName(call, input.fileName);
  const message = quoteString(callee ? `${place}: unexpected error from ${callee}()` : `${place}: unexpected error`, style.quote);
  const indent = indentAt(text, argument.range[0]);
  const param = style.typescript ? `${binding}: unknown` : binding;
  const edits: TextEdit[] = [
    {
      range: [argument.range[0], argument.range[1]],
      text: `(${param}) => {${style.eol}${indent}${style.indentUnit}${formatLogCall(logger, 'error', binding, message)}${style.semicolons ? ';' : ''}${style.eol}${indent}}`,
    },
  ];
  if (logger.addImport) edits.push(importEdit(input, logger.addImport));
  void options;
  return { edits, fixme: null, errorTypes: [], logger };
}
