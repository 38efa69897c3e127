// Cancellation (DESIGN §4): in code that takes an `AbortSignal`, an abort is the caller cancelling,
// not a failure. This file decides when a handler receives such an abort (strictly: the signal is a
// parameter typed or used as an AbortSignal, or it reaches the calls whose errors the handler
// receives), whether the handler already tells the abort apart, and the rewrite that makes a
// handler that logs and recovers stop reporting the caller's abort as an unexpected error.
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { ScopeManager } from '@typescript-eslint/scope-manager';
import { enclosingFunction, forEachChild, indentAt, isFunction, lineOf, memberPath, outerWrapper, propertyName, stringValue, unwrap, type FunctionNode, type Node } from '../ast.js';
import { handlerBody, resolveIdentifier } from '../handlers.js';
import type { AnalysisInput, Handler, HandlerFinding } from '../types.js';
import type { KnownError, KnownErrorProvider, SpecificCatchRewrite, TextEdit } from '../rewrite.js';
import { elseLines, fileStyle, sliceWithEdits, sourceCalls } from '../rewrite.js';
import { scopeAt } from '../logger-style.js';
import { checkPolarity, touchesError, type HandlerAnalysis } from '../paths.js';
import { levelRank, type ResolvedOptions } from '../options.js';

/** The AbortSignal a handler's code takes, as the rule message names it. */
export interface AbortSignalUse {
  /** The signal as the code names it: `signal`, `controller.signal`, `options.signal`. */
  name: string;
  /** Where the code takes or passes it: `the AbortSignal parameter at line 3`, `passed to fetch() at line 5`. */
  where: string;
}

/** A handler that logs the caller's abort as an unexpected error and recovers (`no-broad-catch`). */
export interface AbortSwallow {
  signal: AbortSignalUse;
  /** The log calls that receive the error on the recovering paths: the rewrite keeps the abort out of them. */
  logs: TSESTree.CallExpression[];
}

const SIGNAL_MEMBERS = new Set(['aborted', 'throwIfAborted']);

function isAbortSignalType(type: TSESTree.TypeNode | undefined): boolean {
  if (!type) return false;
  if (type.type === T.TSTypeReference) {
    const name = type.typeName;
    if (name.type === T.Identifier) return name.name === 'AbortSignal';
    return name.type === T.TSQualifiedName && name.right.name === 'AbortSignal';
  }
  if (type.type === T.TSUnionType) return type.types.some(isAbortSignalType);
  return false;
}

/** `{ signal?: AbortSignal }` (or an intersection holding one). */
function typeHasSignalMember(type: TSESTree.TypeNode | undefined): boolean {
  if (!type) return false;
  if (type.type === T.TSTypeLiteral) {
    return type.members.some(
      (member) => member.type === T.TSPropertySignature && !member.computed && member.key.type === T.Identifier && member.key.name === 'signal' && isAbortSignalType(member.typeAnnotation?.typeAnnotation),
    );
  }
  if (type.type === T.TSIntersectionType || type.type === T.TSUnionType) return type.types.some(typeHasSignalMember);
  return false;
}

/** Is the identifier used as an AbortSignal: `x.aborted`, `x.throwIfAborted()`, `x.addEventListener('abort', …)`, `{ signal: x }`? */
function usedAsSignal(identifier: TSESTree.Identifier): boolean {
  const outer = outerWrapper(identifier);
  const parent = outer.parent;
  if (!parent) return false;
  if (parent.type === T.MemberExpression && parent.object === outer) {
    const name = propertyName(parent);
    if (name !== null && SIGNAL_MEMBERS.has(name)) return true;
    if (name === 'addEventListener' && parent.parent?.type === T.CallExpression) {
      const first = parent.parent.arguments[0];
      return first !== undefined && stringValue(first) === 'abort';
    }
    return false;
  }
  return parent.type === T.Property && parent.value === outer && parent.parent?.type === T.ObjectExpression && keyName(parent) === 'signal';
}

function keyName(property: TSESTree.Property): string | null {
  if (property.computed) return null;
  if (property.key.type === T.Identifier) return property.key.name;
  return stringValue(property.key);
}

function isUsedAsSignal(scopeManager: ScopeManager, fn: FunctionNode, name: string): boolean {
  const variable = scopeManager.getDeclaredVariables(fn).find((candidate) => candidate.name === name);
  return !!variable && variable.references.some((reference) => reference.identifier.type === T.Identifier && usedAsSignal(reference.identifier));
}

/** The AbortSignal among the parameters of `fn`: typed as one, an `{ signal }` option, or an untyped `signal` the function uses as one. */
function signalParameter(scopeManager: ScopeManager, fn: FunctionNode): AbortSignalUse | null {
  for (const param of fn.params) {
    let target: Node = param.type === T.TSParameterProperty ? param.parameter : param;
    if (target.type === T.AssignmentPattern) target = target.left;
    const at = `line ${lineOf(target)}`;
    if (target.type === T.Identifier) {
      const annotation = target.typeAnnotation?.typeAnnotation;
      if (isAbortSignalType(annotation)) return { name: target.name, where: `the AbortSignal parameter at ${at}` };
      if (typeHasSignalMember(annotation)) return { name: `${target.name}.signal`, where: `the \`signal\` option of \`${target.name}\` at ${at}` };
      if (!annotation && /^(?:abort)?signal$/i.test(target.name) && isUsedAsSignal(scopeManager, fn, target.name)) {
        return { name: target.name, where: `the \`${target.name}\` parameter at ${at}, used as an AbortSignal` };
      }
      continue;
    }
    if (target.type === T.ObjectPattern) {
      const property = target.properties.find((prop): prop is TSESTree.Property => prop.type === T.Property && keyName(prop) === 'signal');
      if (!property) continue;
      const local = property.value.type === T.AssignmentPattern ? property.value.left : property.value;
      if (local.type !== T.Identifier) continue;
      if (typeHasSignalMember(target.typeAnnotation?.typeAnnotation) || isUsedAsSignal(scopeManager, fn, local.name)) {
        return { name: local.name, where: `the \`signal\` option at ${at}` };
      }
    }
  }
  return null;
}

/** `fetch`, `this.client.get` → `client.get`: the call a signal is passed to, for the message. */
function callLabel(call: TSESTree.CallExpression | TSESTree.NewExpression): string {
  const path = memberPath(call.callee);
  const label = path ? path.replace(/^this\./, '').split('.').slice(-2).join('.') : 'a call';
  return call.type === T.NewExpression ? `new ${label}` : label;
}

function enclosingCall(node: Node, stop: Node): TSESTree.CallExpression | TSESTree.NewExpression | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === T.CallExpression || current.type === T.NewExpression) return current;
    if (current === stop || isFunction(current)) return null;
  }
  return null;
}

const isSignalPath = (path: string | null): path is string => path !== null && /(?:^|\.)(?:abort)?signal$/i.test(path);

/** `setTimeout(() => controller.abort(), ms)`: the node runs in a timer's callback. */
function inTimerCallback(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunction(current)) continue;
    const call = current.parent;
    return call?.type === T.CallExpression && call.arguments[0] === current && /^(?:setTimeout|setInterval)$/.test(memberPath(call.callee)?.split('.').pop() ?? '');
  }
  return false;
}

function isTimeoutSignalCall(node: Node | null | undefined): boolean {
  const value = node ? unwrap(node) : null;
  return value?.type === T.CallExpression && memberPath(value.callee) === 'AbortSignal.timeout';
}

/** The `const` a name is declared with, when that is its only assignment. */
function constInit(identifier: TSESTree.Identifier, scopeManager: ScopeManager): { variable: NonNullable<ReturnType<typeof resolveIdentifier>>; init: Node } | null {
  const variable = resolveIdentifier(scopeManager, identifier);
  const declarator = variable?.defs[0]?.node;
  if (!variable || declarator?.type !== T.VariableDeclarator || declarator.parent?.type !== T.VariableDeclaration || declarator.parent.kind !== 'const' || !declarator.init) return null;
  return { variable, init: unwrap(declarator.init) };
}

/**
 * A signal that only a timeout aborts: `AbortSignal.timeout(ms)` (in place or in a `const`), or `controller.signal`
 * of a local `const controller = new AbortController()` whose every `abort()` runs in a `setTimeout` callback and
 * which is not handed on. Its abort is the code's own deadline, a failure (`AbortSignal.timeout` rejects with a
 * `TimeoutError`, not an `AbortError`), not the caller cancelling (precision audit 10: ghostfolio's data providers,
 * trigger.dev, karakeep's feed fetch, linkwarden's RSS poller logging a feed that timed out).
 */
function isTimeoutSignal(node: Node, scopeManager: ScopeManager): boolean {
  const value = unwrap(node);
  if (isTimeoutSignalCall(value)) return true;
  if (value.type === T.Identifier) return isTimeoutSignalCall(constInit(value, scopeManager)?.init);
  if (value.type !== T.MemberExpression || propertyName(value) !== 'signal') return false;
  const object = unwrap(value.object);
  const controller = object.type === T.Identifier ? constInit(object, scopeManager) : null;
  if (!controller || controller.init.type !== T.NewExpression || memberPath(controller.init.callee) !== 'AbortController') return false;
  let aborts = 0;
  for (const reference of controller.variable.references) {
    if (reference.init) continue;
    const parent = reference.identifier.parent;
    if (parent?.type !== T.MemberExpression || parent.object !== reference.identifier) return false;
    const member = propertyName(parent);
    if (member === 'abort') {
      if (!inTimerCallback(parent)) return false;
      aborts += 1;
    } else if (member !== 'signal') return false;
  }
  return aborts > 0;
}

/** A signal the code whose errors the handler receives passes on (`{ signal }`, `controller.signal`) or checks (`signal.throwIfAborted()`). */
function signalInSource(root: Node, signalParam: AbortSignalUse | null, scopeManager: ScopeManager): AbortSignalUse | null {
  let found: AbortSignalUse | null = null;
  const passed = (node: Node, name: string): AbortSignalUse => {
    const call = enclosingCall(node, root);
    return { name, where: call ? `passed to ${callLabel(call)}() at line ${lineOf(node)}` : `passed on at line ${lineOf(node)}` };
  };
  const visit = (node: Node): void => {
    if (found) return;
    if (node.type === T.Property && node.parent?.type === T.ObjectExpression && keyName(node) === 'signal') {
      const value = unwrap(node.value as Node);
      const literal = value.type === T.Literal || value.type === T.TemplateLiteral || (value.type === T.Identifier && value.name === 'undefined');
      if (!literal && !isTimeoutSignal(value, scopeManager)) {
        found = passed(node, memberPath(value) ?? 'signal');
        return;
      }
    }
    if ((node.type === T.CallExpression || node.type === T.NewExpression) && node.arguments.length > 0) {
      for (const argument of node.arguments) {
        const value = unwrap(argument);
        const path = value.type === T.MemberExpression || value.type === T.Identifier ? memberPath(value) : null;
        if (value.type === T.MemberExpression && path !== null && propertyName(value) === 'signal' && !isTimeoutSignal(value, scopeManager)) {
          found = passed(value, path);
          return;
        }
        if (value.type === T.Identifier && signalParam && path === signalParam.name) {
          found = passed(value, path);
          return;
        }
      }
    }
    if (node.type === T.MemberExpression && SIGNAL_MEMBERS.has(propertyName(node) ?? '')) {
      const path = memberPath(node.object);
      if (isSignalPath(path)) {
        found = { name: path, where: `checked at line ${lineOf(node)}` };
        return;
      }
    }
    forEachChild(node, visit);
  };
  visit(root);
  return found;
}

/** What the handler receives the errors of: the try block, or the promise the handler is attached to. */
function errorSource(handler: Handler): Node | null {
  if (handler.tryStatement) return handler.tryStatement.block;
  const callee = handler.call?.callee;
  return callee && callee.type === T.MemberExpression ? callee.object : null;
}

let lastText = '';
let lastMentions = false;

/**
 * A file that never says "signal" (in any case) takes no AbortSignal: every form `abortSignalOf`
 * accepts names one (the type, the parameter, the `signal` option or member). Memoised for the
 * file being analysed, so callers can ask it before the walks.
 */
export function mentionsSignal(sourceText: string): boolean {
  if (sourceText !== lastText) {
    lastText = sourceText;
    lastMentions = /signal/i.test(sourceText);
  }
  return lastMentions;
}

/**
 * The AbortSignal whose abort reaches this handler, or null. Strict on purpose: a signal passed to,
 * or checked by, the code whose errors the handler receives; or a parameter of the function the
 * handler sits in, typed (or used) as an AbortSignal, when that code awaits. A signal of an enclosing
 * or a nested function does not count, nor does a process signal (`signal: NodeJS.Signals`,
 * `kill(pid, 'SIGTERM')`), nor a synchronous try block that does not pass the signal on.
 */
export function abortSignalOf(handler: Handler, scopeManager: ScopeManager): AbortSignalUse | null {
  const anchor: Node = handler.tryStatement ?? handler.call ?? handler.node;
  const fn = enclosingFunction(anchor);
  const param = fn ? signalParameter(scopeManager, fn) : null;
  const source = errorSource(handler);
  const passed = source ? signalInSource(source, param, scopeManager) : null;
  if (passed) return param ?? passed;
  // A try block that neither awaits nor passes the signal on cannot see an abort (`JSON.parse(text)`).
  return param && (!handler.tryStatement || awaits(handler.tryStatement.block)) ? param : null;
}

/** An `await` (or `for await`) in the block itself, not in a function nested in it. */
function awaits(block: Node): boolean {
  let found = false;
  const visit = (node: Node): void => {
    if (found || isFunction(node)) return;
    if (node.type === T.AwaitExpression || (node.type === T.ForOfStatement && node.await)) found = true;
    else forEachChild(node, visit);
  };
  forEachChild(block, visit);
  return found;
}

const ABORT_NAMES = new Set(['AbortError', 'ABORT_ERR', 'CanceledError', 'ERR_CANCELED', 'CancelError', 'CancellationError']);
const ABORT_CHECK = /^(?:is(?:Abort|Cancel)\w*|AbortError|CanceledError|CancelError|CancellationError)$/;

/** Does the handler tell an abort apart: `e.name === 'AbortError'`, `signal.aborted`, `isAbortError(e)`, `axios.isCancel(e)`, …? */
export function narrowsAbort(handler: Handler): boolean {
  const body = handlerBody(handler);
  if (!body) return false;
  let found = false;
  const visit = (node: Node): void => {
    if (found) return;
    if (node.type === T.MemberExpression && SIGNAL_MEMBERS.has(propertyName(node) ?? '')) found = true;
    else if (node.type === T.Identifier && ABORT_CHECK.test(node.name)) found = true;
    else if (node.type === T.Literal && typeof node.value === 'string' && ABORT_NAMES.has(node.value)) found = true;
    else if (node.type === T.TemplateLiteral && node.expressions.length === 0 && ABORT_NAMES.has(node.quasis[0]?.value.cooked ?? '')) found = true;
    else forEachChild(node, visit);
  };
  visit(body);
  return found;
}

/** Does the node run only under a check of the error (`if (e instanceof X) { here }`), where an abort never gets? */
function inNarrowedBranch(node: Node, analysis: HandlerAnalysis): boolean {
  const body = handlerBody(analysis.handler);
  for (let child: Node = node, parent = node.parent; parent && child !== body; child = parent, parent = parent.parent) {
    if (parent.type === T.IfStatement || parent.type === T.ConditionalExpression) {
      const polarity = child === parent.test ? 'none' : checkPolarity(parent.test, analysis.bindings);
      if ((polarity === 'pos' && child === parent.consequent) || (polarity === 'neg' && child === parent.alternate)) return true;
    }
    if (parent.type === T.SwitchCase && parent.test && parent.parent?.type === T.SwitchStatement && touchesError(parent.parent.discriminant, analysis.bindings)) return true;
  }
  return false;
}

/** The log calls an abort would reach: they receive the error at `minimumLevel` or above, outside a branch that narrows it. */
export function logsReachedByAbort(analysis: HandlerAnalysis, options: ResolvedOptions): TSESTree.CallExpression[] {
  return analysis.logCalls
    .filter((log) => log.carriesError && levelRank(log.level) >= options.minimumRank && !inNarrowedBranch(log.call, analysis))
    .map((log) => log.call);
}

// ───────────────────────────── the rewrite ─────────────────────────────

const IGNORED = '/* cancelled by the caller: not an error */';

/** The statement a log call is: `logger.error(e);`, `await report(e);`, `void log(e);` — or null inside a larger expression. */
function logStatement(call: TSESTree.CallExpression): TSESTree.ExpressionStatement | TSESTree.Expression | null {
  let current: Node = call;
  while (current.parent && (current.parent.type === T.AwaitExpression || current.parent.type === T.ChainExpression || (current.parent.type === T.UnaryExpression && current.parent.operator === 'void'))) {
    current = current.parent;
  }
  const parent = current.parent;
  if (parent?.type === T.ExpressionStatement) return parent;
  // `.catch((e) => logger.error(e))`: the concise body is the log call.
  if (parent && isFunction(parent) && parent.body === current) return current as TSESTree.Expression;
  return null;
}

function abortGuard(finding: HandlerFinding, input: AnalysisInput, provider: KnownErrorProvider): KnownError {
  const known = provider({ input, handler: finding.handler, calls: sourceCalls(finding.handler), scope: scopeAt(input.scopeManager, finding.handler.node) });
  const abort = known.find((error) => error.cancellation);
  if (abort) return abort;
  const q = fileStyle(input).quote;
  return {
    name: 'AbortError',
    guard: (b) => `${b} instanceof Error && (${b}.name === ${q}AbortError${q} || ${b}.name === ${q}TimeoutError${q})`,
    evidence: 'catalog',
    cancellation: 'ignore',
    edits: [],
  };
}

/**
 * The rewrite of a handler that would log the caller's abort and recover: with `cancellation:
 * "ignore"` (default) each log of the error runs only when the error is not an abort; with
 * `"rethrow"` the handler rethrows an abort first. Everything else is kept.
 */
export function abortBranchRewrite(finding: HandlerFinding & { abort: AbortSwallow }, input: AnalysisInput, provider: KnownErrorProvider): SpecificCatchRewrite {
  const { handler } = finding;
  const param = handler.param ? unwrap(handler.param) : null;
  const none = (why: string): SpecificCatchRewrite => ({ edits: [], fixme: why, errorTypes: [], logger: null });
  if (param?.type !== T.Identifier || !handlerBody(handler)) return none('the error is not bound to a name');
  const abort = abortGuard(finding, input, provider);
  const branch = abortBranchEdits(handler, finding.abort.logs, param.name, abort, input, []);
  if (typeof branch === 'string') return none(branch);
  const errorTypes = [{ name: abort.name, evidence: abort.evidence, detail: `cancellation: ${finding.abort.signal.name} (${finding.abort.signal.where}) is the caller's; an abort is not an unexpected error` }];
  return { edits: [...abort.edits, ...branch], fixme: null, errorTypes, logger: null };
}

/**
 * The edits that keep an abort out of `logs` (`if (<abort>) { ignored } else { <log> }` per log
 * statement), or rethrow it first in the handler: `edits` are the rewrite's other edits, returned
 * with them, those inside a statement the branch replaces applied to its kept text. A string says
 * why no branch can be added.
 */
export function abortBranchEdits(
  handler: Handler,
  logs: readonly TSESTree.CallExpression[],
  binding: string,
  abort: KnownError,
  input: AnalysisInput,
  edits: readonly TextEdit[],
): TextEdit[] | string {
  const text = input.sourceText;
  const style = fileStyle(input);
  const { eol, indentUnit: unit } = style;
  const body = handlerBody(handler);
  if (!body) return 'the handler has no body';
  const guard = abort.guard(binding);
  const semi = style.semicolons ? ';' : '';
  const replaced: [number, number][] = [];
  const out: TextEdit[] = [];
  const kept = (from: number, to: number): string => sliceWithEdits(text, from, to, edits);
  const replace = (range: [number, number], newText: string): void => {
    replaced.push(range);
    out.push({ range, text: newText });
  };

  if (abort.cancellation === 'rethrow') {
    if (body.type !== T.BlockStatement) {
      const indent = indentAt(text, handler.node.range[0]);
      const expression = kept(body.range[0], body.range[1]);
      const statement = logs[0] && logStatement(logs[0]) === body ? `${expression}${semi}` : `return ${expression}${semi}`;
      replace(body.range, `{${eol}${indent}${unit}if (${guard}) {${eol}${indent}${unit}${unit}throw ${binding}${semi}${eol}${indent}${unit}}${eol}${indent}${unit}${statement}${eol}${indent}}`);
    } else {
      const first = body.body[0];
      const inner = first ? indentAt(text, first.range[0]) : indentAt(text, body.range[0]) + unit;
      const rethrow = `if (${guard}) {${eol}${inner}${unit}throw ${binding}${semi}${eol}${inner}}`;
      if (first) replace(first.range, `${rethrow}${eol}${inner}${kept(first.range[0], first.range[1])}`);
      else out.push({ range: [body.range[0] + 1, body.range[0] + 1], text: `${rethrow}${eol}${inner}` });
    }
  } else {
    const seen = new Set<Node>();
    for (const log of logs) {
      const statement = logStatement(log);
      if (!statement) return 'a log of the error sits inside a larger expression; test for the abort before it by hand';
      if (seen.has(statement)) continue;
      seen.add(statement);
      if (statement.type !== T.ExpressionStatement) {
        // A concise arrow body becomes a block (the log call's result was never used).
        const indent = indentAt(text, handler.node.range[0]);
        const call = kept(statement.range[0], statement.range[1]);
        const lines = [`if (${guard}) {`, `${unit}${IGNORED}`, ...elseLines(style), `${unit}${call}${semi}`, '}'];
        replace(statement.range, `{${eol}${lines.map((line) => indent + unit + line).join(eol)}${eol}${indent}}`);
        continue;
      }
      const indent = indentAt(text, statement.range[0]);
      const ownLine = /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', statement.range[0] - 1) + 1, statement.range[0]));
      const original = kept(statement.range[0], statement.range[1]).replace(/\r?\n/g, (newline) => newline + unit);
      const inBlock = statement.parent?.type === T.BlockStatement || statement.parent?.type === T.SwitchCase || statement.parent?.type === T.StaticBlock;
      const ifElse = ownLine
        ? [`if (${guard}) {`, `${unit}${IGNORED}`, ...elseLines(style), `${unit}${original}`, '}'].join(eol + indent)
        : `if (${guard}) { ${IGNORED} } else { ${original} }`;
      replace(statement.range, inBlock ? ifElse : `{ ${ifElse} }`);
    }
  }
  const inside = (edit: TextEdit): boolean => replaced.some(([from, to]) => edit.range[0] >= from && edit.range[1] <= to);
  return [...edits.filter((edit) => !inside(edit)), ...out];
}
