// The handler finder (DESIGN §3): catch clauses, `p.catch(cb)`, `p.then(ok, cb)`, and a local
// handler identifier followed to its declaration.
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { DefinitionType, type Scope, type ScopeManager, type Variable } from '@typescript-eslint/scope-manager';
import { forEachChild, isFunction, memberPath, propertyName, unwrap, type FunctionNode, type Node } from './ast.js';
import type { Handler } from './types.js';
import { resolveOptions, type ResolvedOptions } from './options.js';
import { loggerMethodLevel } from './paths.js';

/** Names that say "this handler does nothing" when the handler itself cannot be followed. */
const NOOP_NAME = /^(?:_?noop|nop|no_?op|ignore\w*|swallow\w*|silence\w*|squash\w*|doNothing|nothing|empty(?:Fn|Function)?|identity)$/i;

/** Finds the scope that contains `node` (the innermost one whose block encloses it). */
export function scopeOf(scopeManager: ScopeManager, node: Node): Scope | null {
  let current: Node | undefined = node;
  while (current) {
    const scope = scopeManager.acquire(current, true);
    if (scope) return scope;
    current = current.parent;
  }
  return scopeManager.globalScope;
}

/** The variable an identifier reference resolves to, or null. */
export function resolveIdentifier(scopeManager: ScopeManager, identifier: TSESTree.Identifier): Variable | null {
  let scope = scopeOf(scopeManager, identifier);
  while (scope) {
    for (const reference of scope.references) {
      if (reference.identifier === identifier) return reference.resolved;
    }
    scope = scope.upper;
  }
  return null;
}

/**
 * Follows `noop` in `.catch(noop)` to a local function (declaration or `const noop = () => …`; a `let`
 * or `var` one too while nothing assigns it again).
 */
function followHandlerIdentifier(scopeManager: ScopeManager, identifier: TSESTree.Identifier): FunctionNode | null {
  const variable = resolveIdentifier(scopeManager, identifier);
  if (!variable || variable.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  // A parameter's definition node is the function that declares it, not the handler passed in.
  if (def.type === DefinitionType.Parameter) return null;
  const node = def.node as Node;
  if (node.type === T.FunctionDeclaration) return node;
  const neverReassigned = (): boolean => variable.references.every((reference) => !reference.isWrite() || reference.init === true);
  if (node.type === T.VariableDeclarator && node.init && node.parent?.type === T.VariableDeclaration && (node.parent.kind === 'const' || neverReassigned())) {
    const init = unwrap(node.init);
    if (isFunction(init)) return init;
  }
  return null;
}

function isNoopReference(node: Node, options: ResolvedOptions): boolean {
  const path = memberPath(node);
  if (path === null) return false;
  const last = path.split('.').pop() ?? '';
  return NOOP_NAME.test(last) || options.allowedHandlers.has(last) || options.allowedHandlers.has(path);
}

/** The handler of a `.catch(cb)` / `.then(ok, cb)` call, or null when the call has none we can analyse. */
export function handlerFromCall(
  call: TSESTree.CallExpression,
  scopeManager: ScopeManager,
  options: ResolvedOptions = resolveOptions(),
): Handler | null {
  const callee = unwrap(call.callee);
  // `p.catch(…)` / `p?.then(…)`, as the rules' selector sees them (not `p['catch'](…)`).
  if (callee.type !== T.MemberExpression || callee.computed) return null;
  const name = propertyName(callee);
  let argument: Node | undefined;
  let kind: Handler['kind'];
  if (name === 'catch' && call.arguments.length >= 1) {
    if (isSchemaFallback(call, callee)) return null;
    argument = call.arguments[0];
    kind = 'promise-catch';
  } else if (name === 'then' && call.arguments.length >= 2) {
    argument = call.arguments[1];
    kind = 'promise-then';
  } else {
    return null;
  }
  if (!argument || argument.type === T.SpreadElement) return null;
  const target = unwrap(argument);
  let fn: FunctionNode | null = null;
  if (target.type === T.ArrowFunctionExpression || target.type === T.FunctionExpression) fn = target;
  else if (target.type === T.Identifier) fn = followHandlerIdentifier(scopeManager, target);
  if (fn) {
    const param = fn.params[0] ?? null;
    return { kind, node: fn, param, tryStatement: null, call };
  }
  // `.catch(console.warn)`: the logger method receives the error object as its first argument.
  if ((target.type === T.Identifier || target.type === T.MemberExpression) && (isNoopReference(target, options) || loggerMethodLevel(target, options) !== null)) {
    return { kind, node: target, param: null, tryStatement: null, call };
  }
  return null;
}

/** `z`, `zod`: the root of a zod schema chain. */
const SCHEMA_ROOT = /^(?:z|zod)$/;
/** What only a schema answers after `.catch(…)`: a promise has no `.parse`. */
const SCHEMA_METHOD = /^(?:parse|safeParse|parseAsync|safeParseAsync)$/;
/** Steps after which a zod chain holds a promise. */
const PROMISE_STEP = /^(?:parseAsync|safeParseAsync|spa|then|finally)$/;

/**
 * zod's `.catch(fallback)`: `z.coerce.number().optional().catch(() => undefined).parse(raw)` declares the
 * value a schema yields for invalid input; it handles no rejection. Told apart by the chain's root
 * (`z.…`) or by a parse right after it.
 */
function isSchemaFallback(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression): boolean {
  const next = call.parent;
  if (next?.type === T.MemberExpression && next.object === call && SCHEMA_METHOD.test(propertyName(next) ?? '')) return true;
  let receiver = unwrap(callee.object);
  while (receiver.type === T.CallExpression || receiver.type === T.MemberExpression) {
    // `z.string().parseAsync(raw).catch(…)` catches the parse's rejection: a promise after all
    if (receiver.type === T.MemberExpression && PROMISE_STEP.test(propertyName(receiver) ?? '')) return false;
    receiver = unwrap(receiver.type === T.CallExpression ? receiver.callee : receiver.object);
  }
  return receiver.type === T.Identifier && SCHEMA_ROOT.test(receiver.name);
}

// One Handler per clause, however many rules ask for it.
const clauseHandlers = new WeakMap<TSESTree.CatchClause, Handler>();

export function handlerFromCatchClause(clause: TSESTree.CatchClause): Handler {
  let handler = clauseHandlers.get(clause);
  if (!handler) {
    handler = { kind: 'catch-clause', node: clause, param: clause.param ?? null, tryStatement: clause.parent as TSESTree.TryStatement, call: null };
    clauseHandlers.set(clause, handler);
  }
  return handler;
}

/** Every handler in the program, in source order. `scopeManager` is needed to follow handler identifiers. */
export function findHandlers(
  program: TSESTree.Program,
  scopeManager: ScopeManager,
  options: ResolvedOptions = resolveOptions(),
): Handler[] {
  ensureParents(program);
  const handlers: Handler[] = [];
  const visit = (node: Node): void => {
    if (node.type === T.CatchClause) handlers.push(handlerFromCatchClause(node));
    else if (node.type === T.CallExpression) {
      const handler = handlerFromCall(node, scopeManager, options);
      if (handler) handlers.push(handler);
    }
    forEachChild(node, visit);
  };
  visit(program);
  return handlers;
}

/**
 * Sets `parent` on every node when the parser did not (typescript-estree's `parse` leaves it unset;
 * ESLint sets it before rules run). The analysis walks upwards, so it needs parents.
 */
export function ensureParents(program: TSESTree.Program): void {
  const first = program.body[0];
  if (!first || first.parent) return;
  const visit = (node: Node): void => {
    forEachChild(node, (child) => {
      (child as { parent?: Node }).parent = node;
      visit(child);
    });
  };
  visit(program);
}

/** The body of a handler (a block, or an arrow's expression body), or null for an unresolved no-op reference. */
export function handlerBody(handler: Handler): TSESTree.BlockStatement | TSESTree.Expression | null {
  const node = handler.node;
  if (node.type === T.CatchClause) return node.body;
  if (isFunction(node)) return node.body as TSESTree.BlockStatement | TSESTree.Expression;
  return null;
}

/** The argument of a promise handler's call that is the handler: `.catch(cb)`'s first, `.then(ok, cb)`'s second. */
export function handlerArgument(handler: Handler): TSESTree.CallExpressionArgument | undefined {
  return handler.call?.arguments[handler.kind === 'promise-then' ? 1 : 0];
}

/** The variables the caught error is bound to (one for `catch (e)`, several for `catch ({ message, code })`). */
export function caughtVariables(handler: Handler, scopeManager: ScopeManager): Variable[] {
  const param = handler.param;
  if (!param) return [];
  const node = handler.node;
  if (node.type !== T.CatchClause && !isFunction(node)) return [];
  const declared = scopeManager.getDeclaredVariables(node);
  const [start, end] = param.range;
  return declared.filter((variable) =>
    variable.defs.some((def) => def.name.range[0] >= start && def.name.range[1] <= end),
  );
}
