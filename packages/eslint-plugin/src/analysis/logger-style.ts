// Which logger a rewrite should call, and in which argument order (DESIGN §5: "the logger follows
// the file"). In order: a logger the file already uses (in scope at the handler, `this.logger` of
// the enclosing class, or NestJS's static `Logger`), else the configured one (with the import to
// add), else `console`. Pure syntax: imports, declarations and the file's own log calls.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scope, ScopeManager, Variable } from '@typescript-eslint/scope-manager';
import type { ResolvedOptions } from './options.js';
import type { AnalysisInput } from './types.js';
import { enclosingFunction, functionName, isFunction, moduleSources, nameOfClass, requiredSpecifier, unwrap } from './ast.js';
import { anchoredMatches } from './anchored-scan.js';

export type LoggerKind = 'pino' | 'bunyan' | 'winston' | 'console' | 'nest' | 'debug' | 'custom';
/** pino/bunyan: `logger.error({ err }, msg)`; winston/console/NestJS: `logger.error(msg, err)`. */
export type LoggerArgOrder = 'object-first' | 'message-first';

export interface LoggerImport {
  /** Module specifier as written in the import declaration. */
  from: string;
  kind: 'named' | 'default';
  /** Local name the logger is called by. */
  name: string;
}

/** The configured logger (`--logger`, `catchwise.config.json`), used when the file has none. */
export interface LoggerConfig {
  /** The expression to call, e.g. `logger`. */
  name: string;
  style?: LoggerArgOrder;
  /** Where to import it from when `name` is not in scope. */
  import?: { from: string; kind?: 'named' | 'default' };
}

export interface LoggerStyle {
  kind: LoggerKind;
  /** The receiver text, e.g. `logger`, `this.logger`, `console`, or the `debug` function. */
  object: string;
  order: LoggerArgOrder;
  source: 'in-scope' | 'class-member' | 'imported' | 'configured' | 'default';
  /** An import declaration the rewrite must add for the logger, or null. */
  addImport: LoggerImport | null;
  /** For loggers without an error level (`debug`): the logger the error fallback uses instead. */
  errorFallback: LoggerStyle | null;
  /**
   * For a logger the file calls category first (`log.warn("db", msg)`): the category literal, as
   * written, that new calls put before the message (`log.error("db", "…", e)`); else absent.
   */
  category?: string;
  /** A class member that may be absent (`logger?: Logger`, `Logger | undefined`): called as `this.logger?.error(…)`. */
  optional?: boolean;
  /**
   * For a NestJS logger without a context of its own (the static `Logger`, `new Logger()`, an injected
   * one): the context new calls pass last (`Logger.error(msg, error, 'PluginHost')`), the enclosing
   * class's or function's name. Without it NestJS's `error(msg, error)` reads the error as the context
   * and prints neither its stack nor its object.
   */
  context?: string;
}

export type LoggerLevel = 'debug' | 'info' | 'warn' | 'error';

export const CONSOLE_LOGGER: LoggerStyle = {
  kind: 'console',
  object: 'console',
  order: 'message-first',
  source: 'default',
  addImport: null,
  errorFallback: null,
};

const LOGGER_NAMES = ['logger', 'log', 'LOGGER', 'LOG', 'LOGGER_INSTANCE'];
// As a class member, `log` names an audit-log entry or a log buffer as often as a logger (`private readonly log: LogEntry`).
const AMBIGUOUS_MEMBER_NAMES = new Set(['log', 'LOG']);
const MODULE_KINDS: Record<string, LoggerKind> = {
  pino: 'pino',
  bunyan: 'bunyan',
  winston: 'winston',
  '@nestjs/common': 'nest',
  debug: 'debug',
};
const KIND_ORDER: Record<LoggerKind, LoggerArgOrder> = {
  pino: 'object-first',
  bunyan: 'object-first',
  winston: 'message-first',
  console: 'message-first',
  nest: 'message-first',
  debug: 'message-first',
  custom: 'message-first',
};

/**
 * How a file loads modules, for an import the rewrite adds: `esm` (TypeScript, `.mjs`, or a file
 * with `import`/`export`), `commonjs` (`.cjs`, or top-level `require()`/`module.exports` and no
 * `import`), `unknown` (a plain script: where an added `import` or `require` would break it).
 */
export function moduleSystem(input: AnalysisInput): 'esm' | 'commonjs' | 'unknown' {
  const fileName = input.fileName;
  if (/\.(?:[cm]?tsx?|mjs)$/i.test(fileName)) return 'esm';
  const body = input.program.body;
  const esm = body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.ImportDeclaration ||
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
      statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
      statement.type === AST_NODE_TYPES.ExportAllDeclaration,
  );
  if (esm) return 'esm';
  if (/\.cjs$/i.test(fileName) || body.some((statement) => moduleSources(statement).length > 0) || /\b(?:module\.)?exports\s*(?:\.|=)/.test(input.sourceText)) return 'commonjs';
  return 'unknown';
}

/** The innermost scope that contains `node`. */
export function scopeAt(scopeManager: ScopeManager, node: TSESTree.Node): Scope | null {
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    const scope = scopeManager.acquire(current, true);
    if (scope) return scope;
  }
  return scopeManager.globalScope;
}

/**
 * Whether `variable` holds its value when code at `node` runs: a variable or class declared after
 * it in the same function (or at the same top level) is not yet initialised there (a `const` is in
 * its dead zone, a `var` still undefined). One declared later outside the function is, by the time
 * the function is called.
 */
function initialisedAt(variable: Variable, node: TSESTree.Node, scope: Scope | null): boolean {
  const def = variable.defs[0];
  if (!def || (def.type !== 'Variable' && def.type !== 'ClassName')) return true;
  if (def.name.range[0] < node.range[0]) return true;
  return variable.scope.variableScope !== scope?.variableScope;
}

/**
 * Whether `name` is declared inside the handler at `node` (its parameter, or a block of its body:
 * `catch (e) { const logger = … }`), where a log the rewrite inserts would call that one instead.
 * Functions nested in the handler are not entered: no log goes into them.
 */
function declaredInside(scopeManager: ScopeManager, node: TSESTree.Node, name: string): boolean {
  const root = scopeManager.acquire(node);
  if (!root) return false;
  const stack: Scope[] = [root];
  for (let scope = stack.pop(); scope; scope = stack.pop()) {
    if (scope.set.has(name)) return true;
    for (const child of scope.childScopes) if (child.type !== 'function' || child === root) stack.push(child);
  }
  return false;
}

/**
 * The console a log inserted at `node` can call: `console`, or `globalThis.console` where a local
 * `console` (a variable, a parameter, an import, or one declared inside the handler) hides the global.
 */
function consoleAt(input: AnalysisInput, node: TSESTree.Node, scope: Scope | null): LoggerStyle {
  const local = findVariable(scope, 'console');
  const shadowed = (local !== null && local.defs.length > 0) || declaredInside(input.scopeManager, node, 'console');
  return shadowed ? GLOBAL_CONSOLE_LOGGER : CONSOLE_LOGGER;
}

const GLOBAL_CONSOLE_LOGGER: LoggerStyle = { ...CONSOLE_LOGGER, object: 'globalThis.console' };

/** A variable a log inserted into the handler at `node` can call: initialised there and not shadowed inside it. */
function usableAt(input: AnalysisInput, variable: Variable, node: TSESTree.Node, scope: Scope | null): boolean {
  return initialisedAt(variable, node, scope) && !declaredInside(input.scopeManager, node, variable.name);
}

export function findVariable(scope: Scope | null, name: string): Variable | null {
  for (let current = scope; current; current = current.upper) {
    const variable = current.set.get(name);
    if (variable) return variable;
  }
  return null;
}

function importSource(variable: Variable): { from: string; imported: string } | null {
  for (const def of variable.defs) {
    if (def.type !== 'ImportBinding') continue;
    const declaration = def.parent as TSESTree.ImportDeclaration;
    const spec = def.node as TSESTree.ImportClause;
    const imported = spec.type === AST_NODE_TYPES.ImportSpecifier ? exportedName(spec) : 'default';
    return { from: declaration.source.value, imported };
  }
  return null;
}

/** The name an import specifier takes from its module (`b` in `import { b as c }`, also `import { 'b-c' as d }`). */
function exportedName(spec: TSESTree.ImportSpecifier): string {
  return spec.imported.type === AST_NODE_TYPES.Identifier ? spec.imported.name : String(spec.imported.value);
}

function moduleKind(from: string): LoggerKind | null {
  const known = MODULE_KINDS[from];
  if (known) return known;
  // A relative module, or one the project aliases (`@/lib/logger`): the codemod's resolver reads it.
  return moduleResolver ? kindOf(moduleResolver(from)) : null;
}

function kindOf(resolved: LoggerKind | LoggerModuleInfo | null): LoggerKind | null {
  return resolved !== null && typeof resolved === 'object' ? resolved.kind : resolved;
}

/** `const { log } = require('./log')`, `const log = require('./log')`: the module, for a CommonJS binding. */
function requireSource(variable: Variable): string | null {
  const def = variable.defs[0];
  if (def?.type !== 'Variable') return null;
  const init = (def.node as TSESTree.VariableDeclarator).init;
  return init ? requiredSpecifier(init) : null;
}

/** What the codemod's resolver read in the local module `receiver` is imported or required from, else null. */
function localModuleInfo(input: AnalysisInput, receiver: string, at: TSESTree.Node, resolveModule: LoggerModuleResolver | null | undefined): LoggerModuleInfo | null {
  if (!resolveModule || !/^[A-Za-z_$][\w$]*$/.test(receiver)) return null;
  const variable = findVariable(scopeAt(input.scopeManager, at), receiver);
  const from = variable ? (importSource(variable)?.from ?? requireSource(variable)) : null;
  if (!from) return null;
  const resolved = resolveModule(from, input.fileName);
  return resolved !== null && typeof resolved === 'object' ? resolved : null;
}

/**
 * The most arguments `receiver.method(…)` takes, when `receiver` is imported or required from a
 * local module the codemod's resolver read and found `method` declared there with a fixed
 * parameter list (`error(module: string, msg: unknown)`: 2); else null (unknown: any number).
 * An argument past that limit is dropped at run time and breaks the type check.
 */
export function declaredArgumentLimit(
  input: AnalysisInput,
  receiver: string,
  method: string,
  at: TSESTree.Node,
  resolveModule: LoggerModuleResolver | null | undefined,
): number | null {
  return localModuleInfo(input, receiver, at, resolveModule)?.parameterCounts?.[method] ?? null;
}

/** Whether that module declares `method`'s parameter at `position` with a type a caught error (`unknown`) cannot be passed as, in a TypeScript file. */
export function declaredAgainstUnknown(
  input: AnalysisInput,
  receiver: string,
  method: string,
  position: number,
  at: TSESTree.Node,
  resolveModule: LoggerModuleResolver | null | undefined,
): boolean {
  return typedAgainstUnknown(input, localModuleInfo(input, receiver, at, resolveModule), method, position);
}

/** What an initialiser creates: `pino()`, `bunyan.createLogger()`, `winston.createLogger()`, `new Logger()`, `debug('ns')`, `parent.child()`. */
function classifyExpression(expression: TSESTree.Node | null | undefined, scope: Scope | null, depth: number): LoggerKind | null {
  if (!expression || depth > 4) return null;
  switch (expression.type) {
    case AST_NODE_TYPES.AwaitExpression:
      return classifyExpression(expression.argument, scope, depth + 1);
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
      return classifyExpression(expression.expression, scope, depth + 1);
    case AST_NODE_TYPES.Identifier: {
      const variable = findVariable(scope, expression.name);
      return variable ? classifyVariable(variable, depth + 1) : null;
    }
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.CallExpression: {
      const callee = expression.callee;
      if (callee.type === AST_NODE_TYPES.Identifier) {
        const variable = findVariable(scope, callee.name);
        if (!variable) return requiredModuleKind(expression);
        const source = importSource(variable);
        if (source) return moduleKind(source.from);
        return classifyVariable(variable, depth + 1);
      }
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        // bunyan.createLogger(), winston.createLogger(), pino.default(), logger.child()
        return classifyExpression(callee.object, scope, depth + 1);
      }
      // `require('pino')()`, `require('debug')('app')`: the factory called where it is required.
      if (callee.type === AST_NODE_TYPES.CallExpression) return classifyExpression(callee, scope, depth + 1);
      return null;
    }
    default:
      return null;
  }
}

/** `require('pino')` (CommonJS, `require` not declared in the file): the module's kind. */
function requiredModuleKind(call: TSESTree.CallExpression | TSESTree.NewExpression): LoggerKind | null {
  const specifier = requiredSpecifier(call);
  return specifier === null ? null : moduleKind(specifier);
}

function classifyVariable(variable: Variable, depth: number): LoggerKind | null {
  const source = importSource(variable);
  if (source) return moduleKind(source.from);
  for (const def of variable.defs) {
    if (def.type === 'Variable') {
      const declarator = def.node as TSESTree.VariableDeclarator;
      const kind = classifyExpression(declarator.init, variable.scope, depth + 1);
      if (kind) return kind;
      const annotated = classifyTypeAnnotation(declarator.id.typeAnnotation, variable.scope);
      if (annotated) return annotated;
    }
    if (def.type === 'Parameter') {
      const annotated = classifyTypeAnnotation((def.name as TSESTree.Identifier).typeAnnotation, variable.scope);
      if (annotated) return annotated;
    }
  }
  return null;
}

/**
 * Whether the variable's declared type lists its members and `error` is not among them: a type literal
 * (`{ info(m: string): void }`) or an interface or type alias of this file. Types from elsewhere are not read.
 */
function typedWithoutError(variable: Variable, program: TSESTree.Program): boolean {
  return annotatedWithoutError((variable.defs[0]?.name as TSESTree.Identifier | undefined)?.typeAnnotation, program);
}

function annotatedWithoutError(annotation: TSESTree.TSTypeAnnotation | undefined, program: TSESTree.Program): boolean {
  const members = typeMembers(annotation?.typeAnnotation, program, 0);
  if (members === null) return false;
  const errors = members.filter((member) => memberName(member) === 'error');
  // `error(message: string): void`: no room for the error after the message either.
  return errors.length === 0 || errors.every((member) => parameterRoom(member) < 2);
}

/** How many arguments a declared method takes (Infinity with a rest parameter or when it cannot be told). */
function parameterRoom(member: TSESTree.TypeElement): number {
  let params: TSESTree.Parameter[] | null = null;
  if (member.type === AST_NODE_TYPES.TSMethodSignature) params = member.params;
  else if (member.type === AST_NODE_TYPES.TSPropertySignature && member.typeAnnotation?.typeAnnotation.type === AST_NODE_TYPES.TSFunctionType) {
    params = member.typeAnnotation.typeAnnotation.params;
  }
  if (params === null || params.some((param) => param.type === AST_NODE_TYPES.RestElement)) return Infinity;
  return params.length;
}

function typeMembers(type: TSESTree.TypeNode | undefined, program: TSESTree.Program, depth: number): TSESTree.TypeElement[] | null {
  if (!type || depth > 3) return null;
  if (type.type === AST_NODE_TYPES.TSTypeLiteral) return type.members;
  if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier || type.typeArguments) return null;
  const declared = localTypeDeclaration(program, type.typeName.name);
  if (declared?.type === AST_NODE_TYPES.TSInterfaceDeclaration) return declared.extends.length === 0 ? declared.body.body : null;
  return declared ? typeMembers(declared.typeAnnotation, program, depth + 1) : null;
}

/** A top-level `interface X` or `type X = …` of the file (exported or not); null when there is none or several (merged). */
function localTypeDeclaration(program: TSESTree.Program, name: string): TSESTree.TSInterfaceDeclaration | TSESTree.TSTypeAliasDeclaration | null {
  let found: TSESTree.TSInterfaceDeclaration | TSESTree.TSTypeAliasDeclaration | null = null;
  for (const statement of program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if ((declaration?.type === AST_NODE_TYPES.TSInterfaceDeclaration || declaration?.type === AST_NODE_TYPES.TSTypeAliasDeclaration) && declaration.id.name === name) {
      if (found) return null;
      found = declaration;
    }
  }
  return found;
}

function memberName(member: TSESTree.TypeElement): string | null {
  if ((member.type === AST_NODE_TYPES.TSMethodSignature || member.type === AST_NODE_TYPES.TSPropertySignature) && !member.computed) {
    if (member.key.type === AST_NODE_TYPES.Identifier) return member.key.name;
    if (member.key.type === AST_NODE_TYPES.Literal) return String(member.key.value);
  }
  // an index signature may hold `error`
  return member.type === AST_NODE_TYPES.TSIndexSignature ? 'error' : null;
}

/** Whether `text` calls `receiver.error(…)`, `receiver.warn(…)` or another level method. */
function callsLevelMethod(text: string, receiver: string): boolean {
  const path = receiver.split('.').join('\\s*\\.\\s*');
  return new RegExp(`(?<![\\w$.])${path}\\s*\\.\\s*(?:fatal|error|warn|warning|info|debug|trace)\\s*\\(`).test(text);
}

/** `log: Logger`, `log?: ILogger | null`, `log: winston.Logger`: a type whose name says it is a logger. */
function namesLoggerType(annotation: TSESTree.TSTypeAnnotation | undefined): boolean {
  const type = annotation?.typeAnnotation;
  const parts = type?.type === AST_NODE_TYPES.TSUnionType ? type.types : type ? [type] : [];
  return parts.some((part) => {
    if (part.type !== AST_NODE_TYPES.TSTypeReference) return false;
    const name = part.typeName.type === AST_NODE_TYPES.TSQualifiedName ? part.typeName.right : part.typeName;
    return name.type === AST_NODE_TYPES.Identifier && /logger/i.test(name.name);
  });
}

/** `Logger` (NestJS, pino, winston) or `pino.Logger` in a type annotation. */
function classifyTypeAnnotation(annotation: TSESTree.TSTypeAnnotation | undefined, scope: Scope | null): LoggerKind | null {
  const type = annotation?.typeAnnotation;
  if (type?.type !== AST_NODE_TYPES.TSTypeReference) return null;
  let head: TSESTree.EntityName = type.typeName;
  while (head.type === AST_NODE_TYPES.TSQualifiedName) head = head.left;
  if (head.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = findVariable(scope, head.name);
  const source = variable ? importSource(variable) : null;
  return source ? moduleKind(source.from) : null;
}

interface FileFacts {
  /** Receiver text → argument order seen in the file's own log calls. */
  usage: Map<string, LoggerArgOrder>;
  /** Module specifiers imported anywhere in the file. */
  imports: Map<string, TSESTree.ImportDeclaration>;
  /**
   * Receivers the file calls only as `x.log("warn", message)`, the level an argument and never a
   * method (TypeORM's `Logger`): they may have no `.error()`, so the rewrite does not call one.
   */
  levelArgumentOnly: Set<string>;
  /** Receiver text → how the file's calls of it use a first string-literal argument. */
  categoryUse: Map<string, CategoryUse>;
  /** Receivers the file calls through a level method with a message (`logger.warn(\`…\`)`), with one argument or more. */
  levelCalled: Set<string>;
}

/** Whether a logger takes a module/category before the message: `log.warn("db", "query failed")`. */
interface CategoryUse {
  /** Calls with a one-word literal first and text second: `log.warn("db", "failed: " + x)`, `log.warn("db", e.message)`. */
  categoryFirst: number;
  /** Calls whose first argument reads as the message: a literal with spaces, a template, a lone literal. */
  messageFirst: number;
  /** Every one-word first literal (a category, if the logger takes one), as written, with its offset. */
  words: { raw: string; at: number }[];
}

const factsCache = new WeakMap<TSESTree.Program, FileFacts>();

/** From `text[start]` (an argument's first character): whether another argument follows it. */
function anotherArgumentFollows(text: string, start: number): boolean {
  let depth = 0;
  for (let i = start; i < text.length && i < start + 4000; i++) {
    const ch = text[i]!;
    if (ch === "'" || ch === '"' || ch === '`') {
      // Skip the literal (a template's `${…}` may nest; only its closing backtick matters here).
      for (i++; i < text.length && text[i] !== ch; i++) if (text[i] === '\\') i++;
      continue;
    }
    // A comment is skipped whole: its text (`It's important…`) would open a literal.
    if (ch === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      const end = text[i + 1] === '/' ? text.indexOf('\n', i) : text.indexOf('*/', i + 2) + 1;
      if (end <= 0) return false;
      i = end;
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') {
      if (depth === 0) return false;
      depth--;
    } else if (ch === ',' && depth === 0) return true;
  }
  return false;
}

// The receiver starts at the first identifier character of a word: the lookbehind (plus leading
// digits) lets the engine skip every later start inside the same word, which would only find the
// same match again after re-reading the word (quadratic in the word's length).
const LOG_CALL = /(?<![\w$])\d*([A-Za-z_$][\w$]*(?:\s*\.\s*#?[A-Za-z_$][\w$]*)*)\s*\.\s*(fatal|error|warn|warning|info|debug|trace|log)\s*\(\s*([{'"`])/g;
// What every LOG_CALL match contains, for `anchoredMatches`.
const LOG_CALL_ANCHOR = /\.\s*(?:fatal|error|warn|warning|info|debug|trace|log)\s*\(/g;
// `.log("warn", …)`: the level is the first argument.
const LEVEL_ARGUMENT = /^(['"`])(?:fatal|error|warn|warning|info|debug|trace|log)\1\s*,/;

function fileFacts(program: TSESTree.Program, sourceText: string): FileFacts {
  const cached = factsCache.get(program);
  if (cached) return cached;
  const levelMethod = new Set<string>();
  const facts: FileFacts = { usage: new Map(), imports: new Map(), levelArgumentOnly: new Set(), categoryUse: new Map(), levelCalled: levelMethod };
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) facts.imports.set(statement.source.value, statement);
  }
  // The file's own two-argument log calls say which order its loggers take. A scan of the text, not
  // of the tree: it runs for every file the codemod rewrites.
  for (const match of anchoredMatches(sourceText, LOG_CALL, LOG_CALL_ANCHOR)) {
    const receiver = match[1]!.replace(/\s+/g, '');
    const first = match.index + match[0].length - 1;
    if (match[2] === 'log' && LEVEL_ARGUMENT.test(sourceText.slice(first, first + 16))) facts.levelArgumentOnly.add(receiver);
    else {
      levelMethod.add(receiver);
      recordCategoryUse(facts, receiver, sourceText, first);
    }
    if (facts.usage.has(receiver)) continue;
    if (!anotherArgumentFollows(sourceText, first)) continue;
    facts.usage.set(receiver, match[3] === '{' ? 'object-first' : 'message-first');
  }
  for (const receiver of levelMethod) facts.levelArgumentOnly.delete(receiver);
  factsCache.set(program, facts);
  return facts;
}

const CATEGORY_WORD = /^[\w.:/@-]{1,40}$/;
// `e.message`, `error.cause.message`: text, as a second argument after a category.
const ERROR_TEXT = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\.message\b/;

/** The first argument of a log call at `text[start]`, as a category or a message (see `CategoryUse`). */
function recordCategoryUse(facts: FileFacts, receiver: string, text: string, start: number): void {
  const quote = text[start];
  let use = facts.categoryUse.get(receiver);
  if (!use) {
    use = { categoryFirst: 0, messageFirst: 0, words: [] };
    facts.categoryUse.set(receiver, use);
  }
  if (quote === '`') {
    use.messageFirst += 1;
    return;
  }
  if (quote !== '"' && quote !== "'") return;
  const end = text.indexOf(quote, start + 1);
  if (end < 0 || end - start > 200) return;
  const value = text.slice(start + 1, end);
  let next = skipSpace(text, end + 1);
  if (value.includes('\\') || text[next] !== ',') {
    if (text[next] === ')') use.messageFirst += 1;
    return;
  }
  if (!CATEGORY_WORD.test(value)) {
    use.messageFirst += 1;
    return;
  }
  use.words.push({ raw: text.slice(start, end + 1), at: start });
  next = skipSpace(text, next + 1);
  if (text[next] === '"' || text[next] === "'" || text[next] === '`' || ERROR_TEXT.test(text.slice(next, next + 80))) use.categoryFirst += 1;
}

/** The first offset at or after `from` that is not a space, tab or line break. */
function skipSpace(text: string, from: number): number {
  let at = from;
  while (text[at] === ' ' || text[at] === '\t' || text[at] === '\n' || text[at] === '\r') at++;
  return at;
}

/**
 * The category a new call of `receiver` at `node` puts first, when the file's own calls of it take
 * one: at least two put a one-word literal first and text second, and at least three times as many
 * as put a message first. Null for a logger called message first. Which category: the one used most
 * in the innermost enclosing function that uses one; else the enclosing class's or the file's, when
 * at least half of its calls use it; else the name of the enclosing function (uptime-kuma names categories
 * after functions: `clearOldData`); else the file's most used.
 */
function categoryFor(facts: FileFacts, receiver: string, node: TSESTree.Node): string | null {
  const use = facts.categoryUse.get(receiver);
  if (!use || !callsCategoryFirst(facts, receiver)) return null;
  const within = (scope: TSESTree.Node): { raw: string }[] => use.words.filter((word) => word.at >= scope.range[0] && word.at < scope.range[1]);
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunction(current)) continue;
    const inside = within(current);
    if (inside.length > 0) return mostUsed(inside).raw;
  }
  // A class's or the file's category only where one dominates: a class of many parts logs under many.
  for (let current = node.parent; current; current = current.parent) {
    if (!isClass(current)) continue;
    const inside = within(current);
    const best = inside.length > 0 ? mostUsed(inside) : null;
    if (best && best.count * 2 >= inside.length) return best.raw;
  }
  const file = mostUsed(use.words);
  if (file.count * 2 >= use.words.length) return file.raw;
  const fn = enclosingFunction(node);
  const name = fn ? functionName(fn) : null;
  return name ? `${file.raw[0]}${name}${file.raw[0]}` : file.raw;
}

/** The file calls `receiver` category first (`log.warn("db", "slow query")`): twice at least, three times as often as message first. */
function callsCategoryFirst(facts: FileFacts, receiver: string): boolean {
  const use = facts.categoryUse.get(receiver);
  return use !== undefined && use.categoryFirst >= 2 && use.categoryFirst >= 3 * use.messageFirst;
}

/**
 * A logger from a local module whose `error` method the module declares with too few parameters
 * for the message and the error object (`error(module, msg)`): a fallback log through it would
 * lose the error. Category first when the file calls it so, or its first parameter says so.
 */
function errorDoesNotFit(input: AnalysisInput, facts: FileFacts, name: string, node: TSESTree.Node): boolean {
  const declared = localModuleInfo(input, name, node, moduleResolver);
  const limit = declared?.parameterCounts?.error;
  if (limit === undefined) return false;
  const categoryFirst = callsCategoryFirst(facts, name) || CATEGORY_PARAMETER.test(declared?.firstParameters?.error ?? '');
  const errorAt = categoryFirst ? 2 : 1;
  return limit <= errorAt || typedAgainstUnknown(input, declared, 'error', errorAt);
}

/**
 * Whether, in a TypeScript file, the module declares `method`'s parameter at `position` with a type a
 * caught error (`unknown`) is not assignable to (`error(message: string, error: Error)`): passing
 * it fails the type check.
 */
function typedAgainstUnknown(input: AnalysisInput, declared: LoggerModuleInfo | null, method: string, position: number): boolean {
  return /\.[cm]?tsx?$/i.test(input.fileName) && (declared?.typedParameters?.[method]?.includes(position) ?? false);
}

const CATEGORY_PARAMETER = /^(?:module|category|tag|scope|namespace|component|channel|context|source|label|prefix|section)$/i;

function isClass(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression;
}

/** The literal written most often (the first one on a tie), and how often; `words` is not empty. */
function mostUsed(words: readonly { raw: string }[]): { raw: string; count: number } {
  const counts = new Map<string, number>();
  let best = words[0]!.raw;
  for (const { raw } of words) {
    const count = (counts.get(raw) ?? 0) + 1;
    counts.set(raw, count);
    if (count > counts.get(best)!) best = raw;
  }
  return { raw: best, count: counts.get(best)! };
}

function styleFor(kind: LoggerKind | null, object: string, facts: FileFacts, source: LoggerStyle['source']): LoggerStyle {
  const seen = facts.usage.get(object);
  let resolvedKind: LoggerKind = kind ?? 'custom';
  if (!kind) {
    // A logger from a local module: guess its library from the file's own calls, then its imports.
    if (facts.imports.has('pino')) resolvedKind = 'pino';
    else if (facts.imports.has('bunyan')) resolvedKind = 'bunyan';
    else if (facts.imports.has('winston')) resolvedKind = 'winston';
  }
  const order = seen ?? KIND_ORDER[resolvedKind];
  const style: LoggerStyle = { kind: resolvedKind, object, order, source, addImport: null, errorFallback: null };
  if (resolvedKind === 'debug') style.errorFallback = CONSOLE_LOGGER;
  return style;
}

/** The class whose `this` a handler sees, when it sits in a method, an accessor or a property initialiser. */
function enclosingClass(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.FunctionDeclaration) return null;
    if (current.type === AST_NODE_TYPES.FunctionExpression) {
      const parent = current.parent;
      // A static method's `this` is the class itself, which has no instance members.
      if (parent?.type === AST_NODE_TYPES.MethodDefinition && !parent.static) return parent.parent.parent;
      return null;
    }
    if (current.type === AST_NODE_TYPES.PropertyDefinition) return current.static ? null : current.parent.parent;
    if (current.type === AST_NODE_TYPES.StaticBlock) return null;
  }
  return null;
}

function classMemberLogger(
  klass: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  scope: Scope | null,
  facts: FileFacts,
  input: AnalysisInput,
): LoggerStyle | null {
  const members = loggerMembersOf(klass);
  for (const name of LOGGER_NAMES) {
    const member = members.get(name);
    if (!member) continue;
    const kind =
      member.type === AST_NODE_TYPES.PropertyDefinition
        ? (classifyExpression(member.value, scope, 0) ?? classifyTypeAnnotation(member.typeAnnotation, scope))
        : classifyTypeAnnotation(member.typeAnnotation, scope);
    if (kind === null && facts.levelArgumentOnly.has(`this.${name}`)) return null;
    if (kind === null && annotatedWithoutError(member.typeAnnotation, input.program)) return null;
    if (kind === null && AMBIGUOUS_MEMBER_NAMES.has(name) && !namesLoggerType(member.typeAnnotation) && !callsLevelMethod(input.sourceText.slice(klass.range[0], klass.range[1]), `this.${name}`)) continue;
    const style = styleFor(kind, `this.${name}`, facts, 'class-member');
    if (mayBeAbsent(member)) style.optional = true;
    return style;
  }
  return null;
}

type LoggerMember = TSESTree.PropertyDefinition | TSESTree.Identifier;

/** What `receiver` at `at` names: a logger member of the enclosing class (`this.logger`), or a variable in scope. */
type ReceiverDeclaration = { member: LoggerMember } | { variable: Variable };

function receiverDeclaration(input: AnalysisInput, receiver: string, at: TSESTree.Node): ReceiverDeclaration | null {
  const member = /^this\.([A-Za-z_$][\w$]*)$/.exec(receiver)?.[1];
  if (member === undefined) {
    const variable = /^[A-Za-z_$][\w$]*$/.test(receiver) ? findVariable(scopeAt(input.scopeManager, at), receiver) : null;
    return variable ? { variable } : null;
  }
  const klass = enclosingClass(at);
  const declared = klass ? loggerMembersOf(klass).get(member) : undefined;
  return declared ? { member: declared } : null;
}

/** Whether `receiver` (`Logger`, `logger`, `this.logger`) at `at` is NestJS's `Logger`, static or an instance. */
export function isNestLogger(input: AnalysisInput, receiver: string, at: TSESTree.Node): boolean {
  const declaration = receiverDeclaration(input, receiver, at);
  if (!declaration) return false;
  if ('variable' in declaration) return classifyVariable(declaration.variable, 0) === 'nest';
  const declared = declaration.member;
  const scope = scopeAt(input.scopeManager, at);
  const kind =
    declared.type === AST_NODE_TYPES.PropertyDefinition
      ? (classifyExpression(declared.value, scope, 0) ?? classifyTypeAnnotation(declared.typeAnnotation, scope))
      : classifyTypeAnnotation(declared.typeAnnotation, scope);
  return kind === 'nest';
}

/**
 * The context a NestJS logger's new calls should name, when the logger has none of its own: the
 * static `Logger`, `new Logger()` without arguments, or one declared by type alone (injected). A
 * `new Logger(X.name)` has its context; so has a receiver this cannot trace (null for both).
 */
export function nestContextFor(input: AnalysisInput, receiver: string, at: TSESTree.Node): string | null {
  const declaration = receiverDeclaration(input, receiver, at);
  if (!declaration) return null;
  let initialiser: TSESTree.Expression | null | undefined;
  if ('member' in declaration) {
    initialiser = declaration.member.type === AST_NODE_TYPES.PropertyDefinition ? declaration.member.value : null;
  } else {
    const definition = declaration.variable.defs[0];
    if (!definition) return null;
    if (definition.type === 'ImportBinding') initialiser = null; // the class itself: `Logger.error(…)`
    else if (definition.node.type === AST_NODE_TYPES.VariableDeclarator) initialiser = definition.node.init;
    else if (definition.type === 'Parameter') initialiser = null;
    else return null;
  }
  const created = initialiser ? unwrap(initialiser) : null;
  if (initialiser && !(created?.type === AST_NODE_TYPES.NewExpression && created.arguments.length === 0)) return null;
  return contextName(at);
}

/**
 * NestJS's convention for a context: the enclosing class's name (static members and callbacks
 * included), else the nearest enclosing function's; null at module level or when anonymous.
 */
function contextName(at: TSESTree.Node): string | null {
  for (let current = at.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) {
      const name = nameOfClass(current);
      if (name) return name;
    }
  }
  const fn = enclosingFunction(at);
  return fn ? functionName(fn) : null;
}

/** `logger?: Logger`, `logger: Logger | undefined` (or `| null`): a member the class may not have set. */
function mayBeAbsent(member: LoggerMember): boolean {
  if (member.optional) return true;
  const type = member.typeAnnotation?.typeAnnotation;
  return type?.type === AST_NODE_TYPES.TSUnionType && type.types.some((part) => part.type === AST_NODE_TYPES.TSUndefinedKeyword || part.type === AST_NODE_TYPES.TSNullKeyword);
}
const loggerMembers = new WeakMap<TSESTree.Node, Map<string, LoggerMember>>();

/**
 * A class's members named like a logger (`logger = …`, `constructor(private log: Logger)`), the
 * first of each name in member order, indexed once per class: classes with hundreds of members
 * are asked once per handler.
 */
function loggerMembersOf(klass: TSESTree.ClassDeclaration | TSESTree.ClassExpression): Map<string, LoggerMember> {
  const cached = loggerMembers.get(klass);
  if (cached) return cached;
  const members = new Map<string, LoggerMember>();
  const note = (name: string, member: LoggerMember): void => {
    if (LOGGER_NAMES.includes(name) && !members.has(name)) members.set(name, member);
  };
  for (const member of klass.body.body) {
    if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && !member.computed && member.key.type === AST_NODE_TYPES.Identifier) {
      note(member.key.name, member);
    }
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
      for (const param of member.value.params) {
        if (param.type === AST_NODE_TYPES.TSParameterProperty && param.parameter.type === AST_NODE_TYPES.Identifier) note(param.parameter.name, param.parameter);
      }
    }
  }
  loggerMembers.set(klass, members);
  return members;
}

/**
 * Tells which logging library a local module uses (`./logger.js` → `pino`), for a logger imported
 * from it. The codemod reads the module; without it a local logger's style comes from its calls.
 * Any specifier that is not a known library is asked about: the project may alias a bare one to
 * its own file (`@/lib/logger`); the resolver answers null for a package.
 */
export type LoggerModuleResolver = (specifier: string, fromFile: string) => LoggerKind | LoggerModuleInfo | null;

/** What reading a local logger module told: its library, and the parameter lists of its level methods. */
export interface LoggerModuleInfo {
  kind: LoggerKind | null;
  /** Level methods (`error`, `warn`, …) the module declares only with fixed parameter lists: their most parameters, by name. */
  parameterCounts?: Readonly<Record<string, number>>;
  /** The name of the first parameter of each of those methods (`module` in `error(module, msg)`). */
  firstParameters?: Readonly<Record<string, string>>;
  /** Of those methods, the positions of parameters typed so that a caught error (`unknown`) cannot be passed (`error: Error`). */
  typedParameters?: Readonly<Record<string, readonly number[]>>;
}

let moduleResolver: ((specifier: string) => LoggerKind | LoggerModuleInfo | null) | null = null;

/** Tells whether a member path (`audit`, `this.telemetry`) is a logger the user configured. */
export type ConfiguredLoggerTest = (path: string) => boolean;

const configuredTests = new WeakMap<ResolvedOptions, ConfiguredLoggerTest | null>();

/**
 * The rules' own `loggers` option as a test of receiver paths (one truth): a path is a configured
 * logger when one of the user's entries (not the defaults, which `findLoggerStyle` already knows
 * by name) matches it and the rules count its `error` method at `error` level, so that the
 * fallback the rewrite writes is one the rules accept. Null when the user configured none.
 */
export function configuredLoggerTest(options: ResolvedOptions): ConfiguredLoggerTest | null {
  let test = configuredTests.get(options);
  if (test !== undefined) return test;
  const userLoggers = options.loggers.slice(0, options.raw.loggers.length);
  // None configured: nothing to test, and no scope to search (a declaration file's scope is large).
  if (userLoggers.length === 0) {
    configuredTests.set(options, null);
    return null;
  }
  const errorLevel = (path: string): string | null => {
    // The first logger that matches and knows the method decides, as in `loggerCallLevel`.
    for (const logger of options.loggers) {
      if (Object.prototype.hasOwnProperty.call(logger.methods, 'error') && logger.match(path)) return logger.methods.error ?? null;
    }
    return null;
  };
  test = (path) => userLoggers.some((logger) => logger.match(path)) && errorLevel(path) === 'error';
  configuredTests.set(options, test);
  return test;
}

/** `./log`, `./log.js`, `./log/index.js`, `./log.ts`: one relative module, spelled without extension or `/index`. */
function moduleKey(specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  return specifier.replace(/\.(?:[cm]?[jt]sx?)$/u, '').replace(/\/index$/u, '') || '.';
}

/** The file's value import of the module `from` names, however it is spelled there. */
function sameModuleImport(facts: FileFacts, from: string): TSESTree.ImportDeclaration | null {
  const key = moduleKey(from);
  for (const [source, declaration] of facts.imports) {
    if (declaration.importKind !== 'type' && moduleKey(source) === key) return declaration;
  }
  return null;
}

/** The local name an import declaration gives the export `name` (or the default export), or null. */
function importedName(declaration: TSESTree.ImportDeclaration, kind: 'named' | 'default', name: string): string | null {
  for (const spec of declaration.specifiers) {
    if (kind === 'default' && spec.type === AST_NODE_TYPES.ImportDefaultSpecifier) return spec.local.name;
    if (kind === 'named' && spec.type === AST_NODE_TYPES.ImportSpecifier && spec.importKind !== 'type') {
      if (exportedName(spec) === name) return spec.local.name;
    }
  }
  return null;
}

/**
 * The logger a rewrite of the handler at `node` should call. `isConfiguredLogger` (from the rules'
 * `loggers` option, `configuredLoggerTest`) adds the user's loggers to the ones known by name.
 */
export function findLoggerStyle(
  input: AnalysisInput,
  node: TSESTree.Node,
  configured?: LoggerConfig | null,
  resolveModule?: LoggerModuleResolver | null,
  isConfiguredLogger?: ConfiguredLoggerTest | null,
): LoggerStyle {
  moduleResolver = resolveModule ? (specifier) => resolveModule(specifier, input.fileName) : null;
  try {
    const style = findLoggerStyleWith(input, node, configured, isConfiguredLogger ?? null);
    if (style.kind === 'nest') {
      const context = nestContextFor(input, style.object, node);
      return context === null ? style : { ...style, context };
    }
    // Only a logger of unknown library: the known ones (winston, NestJS, console) take the message first.
    if (style.kind !== 'custom' || style.order !== 'message-first') return style;
    const category = categoryFor(fileFacts(input.program, input.sourceText), style.object, node);
    return category === null ? style : { ...style, category };
  } finally {
    moduleResolver = null;
  }
}

/** A logger from the rules' `loggers` option: a member of the enclosing class, then a variable in scope. */
function configuredLoggerInScope(
  input: AnalysisInput,
  node: TSESTree.Node,
  scope: Scope | null,
  facts: FileFacts,
  isConfiguredLogger: ConfiguredLoggerTest,
): LoggerStyle | null {
  const klass = enclosingClass(node);
  for (const member of klass?.body.body ?? []) {
    let name: string | null = null;
    let annotation: TSESTree.TSTypeAnnotation | undefined;
    let value: TSESTree.Expression | null = null;
    if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && !member.computed && member.key.type === AST_NODE_TYPES.Identifier) {
      name = member.key.name;
      annotation = member.typeAnnotation;
      value = member.value;
    } else if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
      for (const param of member.value.params) {
        if (param.type === AST_NODE_TYPES.TSParameterProperty && param.parameter.type === AST_NODE_TYPES.Identifier && isConfiguredLogger(`this.${param.parameter.name}`)) {
          return styleFor(classifyTypeAnnotation(param.parameter.typeAnnotation, scope), `this.${param.parameter.name}`, facts, 'class-member');
        }
      }
    }
    if (name !== null && isConfiguredLogger(`this.${name}`)) {
      return styleFor(classifyExpression(value, scope, 0) ?? classifyTypeAnnotation(annotation, scope), `this.${name}`, facts, 'class-member');
    }
  }
  for (let current = scope; current; current = current.upper) {
    for (const variable of current.variables) {
      if (variable.defs.length === 0 || !isConfiguredLogger(variable.name) || !usableAt(input, variable, node, scope)) continue;
      // Innermost wins: a shadowing variable of the same name hides the outer one.
      if (findVariable(scope, variable.name) !== variable) continue;
      return styleFor(classifyVariable(variable, 0), variable.name, facts, 'in-scope');
    }
  }
  return null;
}

const debugLoggers = new WeakMap<Scope, Variable | null>();

/** The first variable of `scope` itself created by the `debug` factory, remembered per scope. */
function debugLoggerIn(scope: Scope): Variable | null {
  // A local module's kind comes from the codemod's resolver, which changes per call: no memo then.
  if (moduleResolver === null && debugLoggers.has(scope)) return debugLoggers.get(scope)!;
  let found: Variable | null = null;
  for (const variable of scope.variables) {
    if (variable.defs[0]?.type === 'Variable' && classifyVariable(variable, 0) === 'debug') {
      found = variable;
      break;
    }
  }
  if (moduleResolver === null) debugLoggers.set(scope, found);
  return found;
}

function findLoggerStyleWith(
  input: AnalysisInput,
  node: TSESTree.Node,
  configured: LoggerConfig | null | undefined,
  isConfiguredLogger: ConfiguredLoggerTest | null,
): LoggerStyle {
  const scope = scopeAt(input.scopeManager, node);
  const style = chooseLogger(input, node, scope, configured, isConfiguredLogger);
  if (style === CONSOLE_LOGGER) return consoleAt(input, node, scope);
  if (style.errorFallback === CONSOLE_LOGGER) return { ...style, errorFallback: consoleAt(input, node, scope) };
  return style;
}

function chooseLogger(
  input: AnalysisInput,
  node: TSESTree.Node,
  scope: Scope | null,
  configured: LoggerConfig | null | undefined,
  isConfiguredLogger: ConfiguredLoggerTest | null,
): LoggerStyle {
  const facts = fileFacts(input.program, input.sourceText);

  const klass = enclosingClass(node);
  if (klass) {
    const member = classMemberLogger(klass, scope, facts, input);
    if (member) return member;
  }

  for (const name of LOGGER_NAMES) {
    const variable = findVariable(scope, name);
    if (!variable || variable.defs.length === 0 || !usableAt(input, variable, node, scope)) continue;
    const kind = classifyVariable(variable, 0);
    // A logger of unknown kind that the file calls only as `log("warn", …)`: no `.error()` to call.
    if (kind === null && facts.levelArgumentOnly.has(name)) continue;
    // Its module's own `error()` (a wrapper over its library, too) has no place for the error object.
    if (errorDoesNotFit(input, facts, name, node)) continue;
    // `logger: { info(…): void; warn(…): void }`: its type has no `.error()` either.
    if (kind === null && typedWithoutError(variable, input.program)) continue;
    if (kind === 'debug' || kind === 'nest' || kind !== null || facts.usage.has(name) || facts.levelCalled.has(name) || importSource(variable)) {
      return styleFor(kind, name, facts, 'in-scope');
    }
    // A local `log`/`logger` we know nothing about (could be a string): not a logger.
  }

  if (isConfiguredLogger) {
    const userLogger = configuredLoggerInScope(input, node, scope, facts, isConfiguredLogger);
    if (userLogger) return userLogger;
  }

  // `req.log`, `ctx.logger`: a logger reached through a value in scope, as the file already calls it.
  for (const [receiver, order] of facts.usage) {
    const head = receiver.split('.')[0] ?? receiver;
    if (head === 'this' || head === receiver || !/\.(?:log|logger)$/.test(receiver) || facts.levelArgumentOnly.has(receiver)) continue;
    const variable = findVariable(scope, head);
    if (!variable || variable.defs.length === 0) continue;
    return { kind: 'custom', object: receiver, order, source: 'in-scope', addImport: null, errorFallback: null };
  }

  // `const debugLog = debug('app')`: any variable created by the `debug` factory.
  for (let current = scope; current; current = current.upper) {
    const debugLogger = debugLoggerIn(current);
    if (debugLogger && usableAt(input, debugLogger, node, scope)) return styleFor('debug', debugLogger.name, facts, 'in-scope');
  }

  // NestJS: `import { Logger } from '@nestjs/common'` has static methods.
  const nest = facts.imports.get('@nestjs/common');
  if (nest) {
    for (const spec of nest.specifiers) {
      if (
        spec.type === AST_NODE_TYPES.ImportSpecifier &&
        spec.importKind !== 'type' &&
        spec.imported.type === AST_NODE_TYPES.Identifier &&
        spec.imported.name === 'Logger' &&
        nest.importKind !== 'type'
      ) {
        return styleFor('nest', spec.local.name, facts, 'imported');
      }
    }
  }

  if (configured?.name) {
    const head = configured.name.split('.')[0] ?? configured.name;
    const inScope = findVariable(scope, head);
    const kind = inScope ? classifyVariable(inScope, 0) : null;
    const style = styleFor(kind, configured.name, facts, 'configured');
    if (configured.style) style.order = configured.style;
    if (inScope) {
      // The name in scope is the configured logger when it was imported, is a known logger or is
      // called like one; anything else (`const logger = 'x'`) takes the name the import would need.
      const isLogger = inScope.defs.length === 0 || importSource(inScope) !== null || kind !== null || facts.usage.has(head);
      return isLogger && usableAt(input, inScope, node, scope) ? style : CONSOLE_LOGGER;
    }
    if (configured.import && moduleSystem(input) !== 'unknown') {
      const kind = configured.import.kind ?? 'named';
      const declaration = sameModuleImport(facts, configured.import.from);
      const local = declaration ? importedName(declaration, kind, head) : null;
      const binding = local === null ? null : findVariable(scope, local);
      if (local !== null && binding && importSource(binding) && usableAt(input, binding, node, scope)) {
        // Imported already, under its own name or another spelling of the module (`./log.js` for `./log`).
        return { ...style, object: local + configured.name.slice(head.length), source: 'imported' };
      }
      style.addImport = { from: declaration?.source.value ?? configured.import.from, kind, name: head };
      return style;
    }
  }

  return CONSOLE_LOGGER;
}

/**
 * The text of one log call (no trailing semicolon). `message` is already a quoted string literal;
 * `level` is the method to call; the error object is always passed, in the logger's own order.
 */
export function formatLogCall(style: LoggerStyle, level: LoggerLevel, errorName: string, message: string): string {
  if (style.kind === 'debug') {
    // `debug` has no levels: expected errors go to it, the unexpected ones to the fallback logger.
    if (level === 'error') return formatLogCall(style.errorFallback ?? CONSOLE_LOGGER, level, errorName, message);
    return `${style.object}(${message}, ${errorName})`;
  }
  const method = level;
  const dot = style.optional ? '?.' : '.';
  if (style.order === 'object-first') {
    const errEntry = errorName === 'err' ? '{ err }' : `{ err: ${errorName} }`;
    return `${style.object}${dot}${method}(${errEntry}, ${message})`;
  }
  const category = style.category ? `${style.category}, ` : '';
  const context = style.context === undefined ? '' : `, ${quotedLike(message, style.context)}`;
  return `${style.object}${dot}${method}(${category}${message}, ${errorName}${context})`;
}

/** `value` as a string literal in the quotes `message`, itself a literal, is written with. */
function quotedLike(message: string, value: string): string {
  const quote = message.startsWith('"') ? '"' : "'";
  return quote + value + quote;
}
