// Path analysis (DESIGN §3): every path through a handler body is labelled
// propagates / narrowed / loud / quiet. The walk is structural and stops at nested functions
// (except callbacks passed directly as call arguments and IIFEs, which run); the error is
// tracked through scope analysis, identity aliases (`const err = e as X`, `const err = toError(e)`)
// and local discriminants (`const { code } = e`, `const code = e.code`).
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { ScopeManager, Variable } from '@typescript-eslint/scope-manager';
import {
  calleeName, isFunction, isNode, memberPath, outerWrapper, propertyName, SKIPPED_KEYS, stringValue, unwrap, type FunctionNode, type Node,
} from './ast.js';
import { caughtVariables, handlerBody, resolveIdentifier } from './handlers.js';
import { levelRank, LOG_LEVELS, type LogLevel, type ResolvedOptions } from './options.js';
import type { Handler, HandlerPath, PathExit, PathLabel } from './types.js';
import { isFailingExit } from './terminal.js';

/** How the caught error can be referred to inside the handler. */
export interface ErrorBindings {
  /** Identifiers that read the error object itself: the binding and its aliases. */
  objectRefs: Set<Node>;
  /** Identifiers that read values derived from it: destructured fields, `const code = e.code`. */
  derivedRefs: Set<Node>;
  /**
   * Identifiers that read text made from it (`` const message = `failed: ${e.message}` ``, `String(e)`):
   * what a log call carries, not a hand-on or a check of the error (not in `allRefs`).
   */
  textRefs: Set<Node>;
  objectVariables: Variable[];
  derivedVariables: Variable[];
  /** Calls that only convert the error into a local alias (`const err = toError(e)`): not a hand-on. */
  conversionCalls: Set<Node>;
  /** Every ref, sorted by position (for range queries). */
  allRefs: Node[];
}

/** A log of the error below the minimum level: a call, or a logger method given as the handler (`.catch(console.log)`). */
type LogSite = TSESTree.CallExpression | TSESTree.MemberExpression;

export interface LogCallInfo {
  call: TSESTree.CallExpression;
  level: LogLevel;
  /** The error object reaches the logger (directly, `{ err: e }`, `cause: e`, `e.stack`). */
  carriesError: boolean;
  /** Some argument is derived from the error (`e.message`, `${e}`, `String(e)`, a destructured field). */
  touchesError: boolean;
}

export interface HandlerAnalysis {
  handler: Handler;
  paths: HandlerPath[];
  /** The error is read somewhere in the handler (other than `void e`). */
  used: boolean;
  bindings: ErrorBindings;
  /** Every logger call in the handler body (nested functions excluded, direct callbacks included). */
  logCalls: LogCallInfo[];
}

interface State {
  /** Runs under a condition that is not a check of the error (`if (isStale()) return`). */
  conditional: boolean;
  narrowed: boolean;
  loud: boolean;
  propagates: boolean;
  /** What propagates is the caught error object itself (implies `propagates`). */
  handsOnError: boolean;
  droppedLog: TSESTree.CallExpression | null;
  belowLevelLog: LogSite | null;
  /** Every log call on the path that carries only text derived from the error (shared, never mutated). */
  textLogs: readonly TSESTree.CallExpression[];
}

interface Facts {
  narrows: boolean;
  loud: boolean;
  propagates: boolean;
  handsOnError: boolean;
  droppedLog: TSESTree.CallExpression | null;
  belowLevelLog: LogSite | null;
  textLogs: TSESTree.CallExpression[];
}

interface Target {
  kind: 'loop' | 'switch' | 'block';
  labels: string[];
  breaks: State[];
  continues: State[];
}

interface PathRecord {
  state: State;
  exit: PathExit;
  /** The state before the exit itself (a `throw` or returned error) made it propagate. */
  before: State;
}

interface Context {
  bindings: ErrorBindings;
  options: ResolvedOptions;
  targets: Target[];
  exits: PathRecord[];
  logCalls: Map<Node, LogCallInfo>;
  steps: number;
  /** Inside a logger call's arguments: a call there formats the log text (`toError(e).message`), it hands nothing on. */
  inLog: number;
  scopeManager: ScopeManager;
  /** The handler's node: a local function declared inside it runs where it is called. */
  handlerNode: Node;
  /** The local functions being scanned at a call of theirs (a recursive one is scanned once). */
  calling: Set<Node>;
  /** How many times a path has left a statement early so far (an exit, a `break`, a `continue`). */
  leaves: number;
}

const MAX_STEPS = 20_000;
const TEXT_FUNCTIONS = new Set([
  'String', 'JSON.stringify', 'util.format', 'format', 'Number', 'Boolean', 'encodeURIComponent', 'encodeURI',
  'escape', 'util.inspect', 'inspect',
]);
const TEXT_METHODS = new Set(['toString', 'toLocaleString', 'toJSON', 'valueOf']);
const ASSERT_FUNCTIONS = new Set(['assert', 'assert.ok', 'assert.strict', 'invariant', 'console.assert']);

// ───────────────────────────── bindings ─────────────────────────────

function declaredIn(scopeManager: ScopeManager, node: Node): Variable[] {
  return scopeManager.getDeclaredVariables(node);
}

/** Resolves the caught binding, its aliases and discriminants through scope analysis. */
export function collectBindings(handler: Handler, scopeManager: ScopeManager): ErrorBindings {
  const bindings: ErrorBindings = {
    objectRefs: new Set(),
    derivedRefs: new Set(),
    textRefs: new Set(),
    objectVariables: [],
    derivedVariables: [],
    conversionCalls: new Set(),
    allRefs: [],
  };
  const caught = caughtVariables(handler, scopeManager);
  const param = handler.param ? unwrap(handler.param) : null;
  const isWhole = param?.type === T.Identifier || (param?.type === T.AssignmentPattern && param.left.type === T.Identifier);
  const work: Variable[] = isWhole ? [...caught] : [];
  if (!isWhole) bindings.derivedVariables.push(...caught);
  const seen = new Set<Variable>(work);
  const textVariables: Variable[] = [];
  while (work.length > 0) {
    const variable = work.pop()!;
    bindings.objectVariables.push(variable);
    const replaced = replacedRanges(variable);
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      const identifier = reference.identifier as Node;
      if (replaced.some(([start, end]) => identifier.range[0] >= start && identifier.range[1] <= end)) continue;
      bindings.objectRefs.add(identifier);
      // Climb through values that carry the error to a local declaration: an alias or a discriminant.
      let current: Node = outerWrapper(identifier);
      const calls: Node[] = [];
      let viaMember = false;
      let viaText = false;
      for (;;) {
        const parent: Node | undefined = current.parent;
        if (!parent) break;
        if (parent.type === T.MemberExpression && parent.object === current && calls.length === 0) {
          // `e.code`, `e.response.status`: a field of the error (a discriminant)
          viaMember = true;
        } else if (calls.length === 0 && derivesValue(parent, current)) {
          // `e.code === 'X'`: a test of the error (a discriminant); `` `failed: ${e.message}` ``, `'x' + e`,
          // `String(e)`, `e.toString()`: text made from it
          viaMember = true;
          if (!isComparison(parent)) viaText = true;
        } else if (
          (parent.type === T.ConditionalExpression && parent.test !== current) ||
          parent.type === T.LogicalExpression ||
          parent.type === T.AwaitExpression ||
          parent.type === T.TSAsExpression ||
          parent.type === T.TSNonNullExpression ||
          parent.type === T.TSSatisfiesExpression ||
          parent.type === T.TSTypeAssertion ||
          parent.type === T.ChainExpression
        ) {
          // value passes through
        } else if (!viaMember && (parent.type === T.CallExpression || parent.type === T.NewExpression) && parent.arguments.includes(current as TSESTree.CallExpressionArgument)) {
          if (parent.type === T.CallExpression && isTextCall(parent)) break;
          calls.push(parent);
        } else if (!viaMember && (parent.type === T.Property && parent.value === current)) {
          // `{ cause: e }`
        } else if (!viaMember && parent.type === T.ObjectExpression) {
          // climbing out of the object literal
        } else if (!viaMember && parent.type === T.ArrayExpression) {
          // `[e]`
        } else {
          if (parent.type === T.VariableDeclarator && parent.init === current) {
            if (parent.id.type === T.Identifier && !viaMember) {
              for (const alias of declaredIn(scopeManager, parent)) {
                if (!seen.has(alias)) {
                  seen.add(alias);
                  work.push(alias);
                }
              }
              for (const call of calls) bindings.conversionCalls.add(call);
            } else if (calls.length === 0 && viaText && parent.id.type === T.Identifier && carriesStackText(parent.init, bindings)) {
              // `` const detail = `${e.stack}` ``: in a log, the stack as `e.stack` itself is
              for (const alias of declaredIn(scopeManager, parent)) {
                if (!seen.has(alias)) {
                  seen.add(alias);
                  work.push(alias);
                }
              }
            } else if (calls.length === 0) {
              (viaText ? textVariables : bindings.derivedVariables).push(...declaredIn(scopeManager, parent));
            }
          }
          break;
        }
        if (viaMember && parent.type === T.MemberExpression) {
          current = parent;
          continue;
        }
        current = parent;
      }
    }
  }
  for (const variable of bindings.derivedVariables) {
    for (const reference of variable.references) {
      if (reference.isRead()) bindings.derivedRefs.add(reference.identifier as Node);
    }
  }
  for (const variable of textVariables) {
    if (bindings.derivedVariables.includes(variable)) continue;
    for (const reference of variable.references) {
      if (reference.isRead()) bindings.textRefs.add(reference.identifier as Node);
    }
  }
  bindings.allRefs = [...bindings.objectRefs, ...bindings.derivedRefs].sort((a, b) => a.range[0] - b.range[0]);
  return bindings;
}

/**
 * Where a variable holding the error no longer does: after a statement that assigns it something that does
 * not carry the error (`e = new Error('x')`, not `e = new Wrapped('x', { cause: e })`), to the end of that
 * statement's block. Only a statement directly in a block counts (it runs before everything after it there);
 * a conditional one (`if (!(e instanceof Error)) e = new Error(String(e))`) may leave the error in place.
 */
function replacedRanges(variable: Variable): Array<[number, number]> {
  let ranges: Array<[number, number]> | undefined;
  for (const reference of variable.references) {
    if (!reference.isWrite() || reference.init === true) continue;
    const assignment = reference.identifier.parent as Node | undefined;
    if (assignment?.type !== T.AssignmentExpression || assignment.operator !== '=' || assignment.left !== reference.identifier) continue;
    const statement = assignment.parent as Node | undefined;
    const block = statement?.parent;
    if (statement?.type !== T.ExpressionStatement || (block?.type !== T.BlockStatement && block?.type !== T.StaticBlock)) continue;
    const reads = new Set<Node>(variable.references.filter((candidate) => candidate.isRead()).map((candidate) => candidate.identifier as Node));
    if (carriesError(assignment.right, { objectRefs: reads } as ErrorBindings, false)) continue;
    (ranges ??= []).push([statement.range[1], block.range[1]]);
  }
  return ranges ?? NO_RANGES;
}

const NO_RANGES: Array<[number, number]> = [];

/** The caught binding is assigned something else inside the handler (`e = new Error('x')`): after that, `e` is not the error. */
export function replacesCaughtError(handler: Handler, scopeManager: ScopeManager): boolean {
  return caughtVariables(handler, scopeManager).some((variable) => replacedRanges(variable).length > 0);
}

/**
 * Whether `parent` turns the value `current` into text or a test derived from it: a template
 * literal or binary expression holding it, a text function's argument (`String(e)`), a text
 * method called on it (`e.toString()`).
 */
function derivesValue(parent: Node, current: Node): boolean {
  switch (parent.type) {
    case T.TemplateLiteral:
    case T.BinaryExpression:
      return true;
    case T.CallExpression:
      if (parent.callee === current) return current.type === T.MemberExpression && TEXT_METHODS.has(propertyName(current) ?? '');
      return isTextCall(parent);
    default:
      return false;
  }
}

function isComparison(node: Node): boolean {
  return node.type === T.BinaryExpression && /^(?:[!=]==?|[<>]=?|instanceof|in)$/.test(node.operator);
}

function isTextCall(call: TSESTree.CallExpression): boolean {
  const path = memberPath(call.callee);
  if (path !== null && TEXT_FUNCTIONS.has(path)) return true;
  return false;
}

/** Whether `node` contains a read of the error (object or derived). */
export function touchesError(node: Node, bindings: ErrorBindings): boolean {
  const [start, end] = node.range;
  for (const ref of bindings.allRefs) {
    if (ref.range[0] >= start && ref.range[1] <= end) return true;
    if (ref.range[0] >= end) break;
  }
  return false;
}

/** Whether `node` reads text made from the error through a local variable (`logger.warn(message)`). */
export function touchesText(node: Node, bindings: ErrorBindings): boolean {
  if (bindings.textRefs.size === 0) return false;
  const [start, end] = node.range;
  for (const ref of bindings.textRefs) if (ref.range[0] >= start && ref.range[1] <= end) return true;
  return false;
}

/** Whether the value of `node` carries the error object itself (not just its text). */
export function carriesError(node: Node, bindings: ErrorBindings, forLog: boolean): boolean {
  const current = unwrap(node);
  switch (current.type) {
    case T.Identifier:
      return bindings.objectRefs.has(current);
    case T.MemberExpression:
      return forLog && propertyName(current) === 'stack' && carriesError(current.object, bindings, false);
    case T.TemplateLiteral:
      // `${e.stack}` in a log's text carries the stack, as `e.stack` does (`${e}` does not)
      return forLog && current.expressions.some((expression) => carriesStackText(expression, bindings));
    case T.BinaryExpression:
      return forLog && current.operator === '+' && (carriesStackText(current.left, bindings) || carriesStackText(current.right, bindings));
    case T.ObjectExpression:
      return current.properties.some((property) => property.type === T.Property && carriesError(property.value, bindings, forLog));
    case T.ArrayExpression:
      return current.elements.some((element) => element !== null && element.type !== T.SpreadElement && carriesError(element, bindings, forLog));
    case T.NewExpression:
      return current.arguments.some((argument) => carriesError(argument, bindings, forLog));
    case T.CallExpression:
      return !isTextCall(current) && !TEXT_METHODS.has(calleeName(current.callee) ?? '') && current.arguments.some((argument) => carriesError(argument, bindings, forLog));
    case T.ConditionalExpression:
      return carriesError(current.consequent, bindings, forLog) || carriesError(current.alternate, bindings, forLog);
    case T.LogicalExpression:
      return carriesError(current.left, bindings, forLog) || carriesError(current.right, bindings, forLog);
    case T.AwaitExpression:
      return carriesError(current.argument, bindings, forLog);
    case T.SequenceExpression:
      return current.expressions.length > 0 && carriesError(current.expressions[current.expressions.length - 1]!, bindings, forLog);
    default:
      return false;
  }
}

/** Text that holds the error's stack: `e.stack`, or a template or concatenation holding it. */
function carriesStackText(node: Node, bindings: ErrorBindings): boolean {
  const current = unwrap(node);
  if (current.type === T.MemberExpression) return propertyName(current) === 'stack' && carriesError(current.object, bindings, false);
  if (current.type === T.TemplateLiteral || current.type === T.BinaryExpression) return carriesError(current, bindings, true);
  return false;
}

// ───────────────────────────── loggers ─────────────────────────────

/** The level of a logger call (`logger.warn(…)`, `this.#log.error(…)`, `winston.log('error', …)`), or null. */
export function loggerCallLevel(call: TSESTree.CallExpression, options: ResolvedOptions): LogLevel | null {
  const level = loggerMethodLevel(unwrap(call.callee), options);
  if (level === null || call.arguments.length === 0) return level;
  return propertyName(unwrap(call.callee) as TSESTree.MemberExpression) === 'log' ? levelArgument(call.arguments[0]!) ?? level : level;
}

/** The level of a logger method (`console.warn`, `this.logger.debug`), as a callee or as a reference (`.catch(console.log)`), or null. */
export function loggerMethodLevel(callee: Node, options: ResolvedOptions): LogLevel | null {
  if (callee.type !== T.MemberExpression) return null;
  const method = propertyName(callee);
  if (method === null || !options.loggerMethods.has(method)) return null;
  let objectPath = memberPath(callee.object);
  if (objectPath === null) return null;
  if (objectPath.endsWith(')')) objectPath = objectPath.replace(/(?:\.(?:child|withTag|withContext|scope|tag)\(\))+$/u, '');
  const memoKey = `${objectPath} ${method}`;
  let level = options.loggerMemo.get(memoKey);
  if (level === undefined) {
    level = null;
    for (const logger of options.loggers) {
      if (!Object.prototype.hasOwnProperty.call(logger.methods, method)) continue;
      if (!logger.match(objectPath)) continue;
      level = logger.methods[method]!;
      break;
    }
    options.loggerMemo.set(memoKey, level);
  }
  if (level === null || level === 'ignore') return null;
  return level;
}

/** `log('error', …)`, `log({ level: 'warn', … })`: the level a `log` call's first argument names, or null. */
export function levelArgument(argument: Node): LogLevel | null {
  const first = unwrap(argument);
  const named = stringValue(first);
  if (named !== null && (LOG_LEVELS as readonly string[]).includes(named)) return named as LogLevel;
  if (named === 'warning') return 'warn';
  if (first.type === T.ObjectExpression) {
    for (const property of first.properties) {
      if (property.type === T.Property && !property.computed && property.key.type === T.Identifier && property.key.name === 'level') {
        const value = stringValue(property.value);
        if (value !== null && (LOG_LEVELS as readonly string[]).includes(value)) return value as LogLevel;
      }
    }
  }
  return null;
}

// ───────────────────────────── checks ─────────────────────────────

type Polarity = 'pos' | 'neg' | 'none';

function isNullish(node: Node): boolean {
  const current = unwrap(node);
  return (current.type === T.Literal && current.value === null) || (current.type === T.Identifier && current.name === 'undefined');
}

/** Whether a condition checks the error ('pos': true when narrowed; 'neg': false when narrowed). */
export function checkPolarity(test: Node, bindings: ErrorBindings): Polarity {
  const current = unwrap(test);
  if (!touchesError(current, bindings)) return 'none';
  switch (current.type) {
    case T.UnaryExpression: {
      if (current.operator !== '!') return current.operator === 'typeof' ? 'pos' : 'none';
      const inner = checkPolarity(current.argument, bindings);
      return inner === 'pos' ? 'neg' : inner === 'neg' ? 'pos' : 'none';
    }
    case T.Identifier:
      return bindings.derivedRefs.has(current) ? 'pos' : 'none';
    case T.BinaryExpression: {
      const bare = (side: Node): boolean => bindings.objectRefs.has(unwrap(side));
      if ((isNullish(current.left) && bare(current.right)) || (isNullish(current.right) && bare(current.left))) return 'none';
      if (current.operator === '!==' || current.operator === '!=') return 'neg';
      return 'pos';
    }
    case T.LogicalExpression: {
      const parts = [checkPolarity(current.left, bindings), checkPolarity(current.right, bindings)].filter((part) => part !== 'none');
      if (parts.length === 0) return 'none';
      if (current.operator === '&&') return parts.includes('pos') ? 'pos' : 'neg';
      if (parts.every((part) => part === 'pos')) return 'pos';
      if (parts.every((part) => part === 'neg')) return 'neg';
      return 'none';
    }
    case T.AssignmentExpression:
    case T.SequenceExpression:
      return 'none';
    default:
      return 'pos';
  }
}

// ───────────────────────────── the walk ─────────────────────────────

function emptyFacts(): Facts {
  return { narrows: false, loud: false, propagates: false, handsOnError: false, droppedLog: null, belowLevelLog: null, textLogs: [] };
}

function apply(states: State[], facts: Facts): State[] {
  if (!facts.narrows && !facts.loud && !facts.propagates && !facts.droppedLog && !facts.belowLevelLog) return states;
  return dedupe(
    states.map((state) => ({
      conditional: state.conditional,
      narrowed: state.narrowed || facts.narrows,
      loud: state.loud || facts.loud,
      propagates: state.propagates || facts.propagates,
      handsOnError: state.handsOnError || facts.handsOnError,
      droppedLog: state.droppedLog ?? facts.droppedLog,
      belowLevelLog: state.belowLevelLog ?? facts.belowLevelLog,
      textLogs: facts.textLogs.length === 0 ? state.textLogs : union(state.textLogs, facts.textLogs),
    })),
  );
}

function union(a: readonly TSESTree.CallExpression[], b: readonly TSESTree.CallExpression[]): readonly TSESTree.CallExpression[] {
  if (a.length === 0 || a === b) return b;
  const extra = b.filter((call) => !a.includes(call));
  return extra.length === 0 ? a : [...a, ...extra];
}

function markConditional(states: State[], conditional: boolean): State[] {
  if (!conditional) return states;
  return dedupe(states.map((state) => ({ ...state, conditional: true })));
}

/**
 * The paths after an `if` on a condition that does not check the error stay `conditional` (a state-based
 * decision: `if (verbose) log.error(e)`, `if (isStale()) return`, `if (existsSync(p)) throw e`) unless both
 * branches run on, leave nowhere early and treat the error alike (`if (timer) clearTimeout(timer)`): such an
 * `if` decides nothing about the error, and a quiet path after it is not excused by it. `runsOn`: the
 * condition is unrelated and no path left either branch early.
 */
function joinBranches(entry: State[], consequent: State[], alternate: State[], runsOn: boolean): State[] {
  const joined = dedupe([...consequent, ...alternate]);
  if (!runsOn || entry.some((state) => state.conditional)) return joined;
  const decides = consequent.length === 0 || alternate.length === 0 || handlingOf(consequent) !== handlingOf(alternate);
  return decides ? joined : dedupe(joined.map(unconditional));
}

/** The ways a set of paths treats the error (narrowed, logged, propagated): one bit per combination. */
function handlingOf(states: State[]): number {
  let bits = 0;
  for (const state of states) bits |= 1 << ((state.narrowed ? 1 : 0) | (state.loud ? 2 : 0) | (state.propagates ? 4 : 0));
  return bits;
}

function unconditional(state: State): State {
  return state.conditional ? { ...state, conditional: false } : state;
}

function mark(states: State[], narrowed: boolean): State[] {
  if (!narrowed) return states;
  return dedupe(states.map((state) => ({ ...state, narrowed: true })));
}

function stateKey(state: State): number {
  return (state.narrowed ? 1 : 0) | (state.loud ? 2 : 0) | (state.propagates ? 4 : 0) | (state.conditional ? 8 : 0) | (state.handsOnError ? 16 : 0);
}

function dedupe(states: State[]): State[] {
  if (states.length < 2) return states;
  // State keys are five bits: one 32-bit integer records the keys seen. Merged states keep the first
  // one's logs for messages and the union of their text logs (which paths pass a log call).
  let seen = 0;
  const result: State[] = [];
  let indexOf: number[] | undefined;
  for (const state of states) {
    const key = stateKey(state);
    const bit = 1 << key;
    if (seen & bit) {
      if (state.textLogs.length > 0) {
        const index = indexOf![key]!;
        const kept = result[index]!;
        const textLogs = union(kept.textLogs, state.textLogs);
        if (textLogs !== kept.textLogs) result[index] = { ...kept, textLogs };
      }
      continue;
    }
    seen |= bit;
    (indexOf ??= [])[key] = result.length;
    result.push(state);
  }
  return result;
}

function isCallbackArgument(fn: Node): boolean {
  const parent = outerWrapper(fn).parent;
  if (!parent) return false;
  if ((parent.type === T.CallExpression || parent.type === T.NewExpression) && parent.callee === outerWrapper(fn)) return true; // IIFE
  return (parent.type === T.CallExpression || parent.type === T.NewExpression) && parent.arguments.includes(outerWrapper(fn) as TSESTree.CallExpressionArgument);
}

function scan(root: Node, ctx: Context, test: boolean): Facts {
  const facts = emptyFacts();
  scanNode(root, ctx, test, facts);
  return facts;
}

function scanNode(node: Node, ctx: Context, test: boolean, facts: Facts): void {
  if (++ctx.steps > MAX_STEPS) return;
  const { bindings } = ctx;
  let isLog = false;
  if (isFunction(node)) {
    // A function runs only when it is called right here: an IIFE or a callback argument.
    if (!isCallbackArgument(node)) return;
  } else if (node.type === T.ClassBody || node.type === T.ClassDeclaration) {
    return;
  } else if (node.type === T.CallExpression) {
    isLog = classifyCall(node, ctx, test, facts);
    if (!isLog) runLocalFunctions(node, ctx, test, facts);
  } else if (node.type === T.AssignmentExpression) {
    if (!isLocalAlias(node.left, bindings)) {
      if (carriesError(node.right, bindings, false)) handOn(ctx, facts);
      else if (touchesError(node.right, bindings)) facts.propagates = true;
    }
  } else if (node.type === T.YieldExpression) {
    if (node.argument && carriesError(node.argument, bindings, false)) handOn(ctx, facts);
  } else if (node.type === T.ThrowStatement) {
    facts.propagates = true; // inside a callback that runs
    if (carriesError(node.argument, bindings, false)) handOn(ctx, facts);
  }
  // The children, as `forEachChild` gives them, without a closure per node.
  if (isLog) ctx.inLog++;
  const record = node as unknown as Record<string, unknown>;
  for (const key in record) {
    if (SKIPPED_KEYS.has(key)) continue;
    const value = record[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) scanNode(item, ctx, test, facts);
    } else if (isNode(value)) {
      scanNode(value, ctx, test, facts);
    }
  }
  if (isLog) ctx.inLog--;
}

/**
 * A function declared inside the handler runs where it is called (`const report = () => log.error(e); report()`)
 * or passed on (`schedule(fail)`, as a callback written in place would): its body is scanned there.
 */
function runLocalFunctions(call: TSESTree.CallExpression, ctx: Context, test: boolean, facts: Facts): void {
  const callee = unwrap(call.callee);
  if (callee.type === T.Identifier) runLocalFunction(callee, ctx, test, facts);
  for (const argument of call.arguments) {
    if (argument.type === T.Identifier) runLocalFunction(argument, ctx, test, facts);
  }
}

function runLocalFunction(identifier: TSESTree.Identifier, ctx: Context, test: boolean, facts: Facts): void {
  const fn = localFunction(identifier, ctx);
  if (!fn || ctx.calling.has(fn)) return;
  ctx.calling.add(fn);
  scanNode(fn.body, ctx, test, facts);
  ctx.calling.delete(fn);
}

/** The function `identifier` names when it is declared inside the handler (a declaration or `const f = () => …`), else null. */
function localFunction(identifier: TSESTree.Identifier, ctx: Context): FunctionNode | null {
  const [start, end] = ctx.handlerNode.range;
  const variable = resolveIdentifier(ctx.scopeManager, identifier);
  if (!variable || variable.defs.length !== 1) return null;
  const definition = variable.defs[0]!.node as Node;
  if (definition.range[0] < start || definition.range[1] > end) return null;
  if (definition.type === T.FunctionDeclaration) return definition;
  if (definition.type === T.VariableDeclarator && definition.init && definition.parent?.type === T.VariableDeclaration && definition.parent.kind === 'const') {
    const init = unwrap(definition.init);
    if (isFunction(init)) return init;
  }
  return null;
}

/** The error object itself is handed on (`propagates` with `handsOnError`), unless this is a log call's argument. */
function handOn(ctx: Context, facts: Facts): void {
  facts.propagates = true;
  if (ctx.inLog === 0) facts.handsOnError = true;
}

function isLocalAlias(left: Node, bindings: ErrorBindings): boolean {
  const target = unwrap(left);
  return target.type === T.Identifier && bindings.objectVariables.some((variable) => variable.identifiers.some((id) => id.name === target.name));
}

/** Classifies one call; true when it is a logger call. */
function classifyCall(call: TSESTree.CallExpression, ctx: Context, test: boolean, facts: Facts): boolean {
  const { bindings, options } = ctx;
  if (bindings.conversionCalls.has(call)) return false;
  const level = loggerCallLevel(call, options);
  if (level !== null) {
    const carries = call.arguments.some((argument) => carriesError(argument, bindings, true));
    const touches = call.arguments.some((argument) => touchesError(argument, bindings) || touchesText(argument, bindings));
    if (!ctx.logCalls.has(call)) ctx.logCalls.set(call, { call, level, carriesError: carries, touchesError: touches });
    if (carries) {
      if (levelRank(level) >= options.minimumRank) facts.loud = true;
      else facts.belowLevelLog ??= call;
    } else {
      facts.droppedLog ??= call;
      if (touches) facts.textLogs.push(call);
    }
    return true;
  }
  if (test) return false;
  const name = calleeName(call.callee);
  const path = memberPath(call.callee);
  const args = call.arguments;
  if (name !== null && (options.propagators.has(name) || (path !== null && options.propagators.has(path)))) {
    if (args.length > 0 && !isNullish(args[0]!)) {
      if (handsOnObject(args, bindings)) handOn(ctx, facts);
      else facts.propagates = true;
      return false;
    }
  }
  if (name === 'emit' && args.length > 0 && stringValue(unwrap(args[0]!)) === 'error') {
    if (handsOnObject(args, bindings)) handOn(ctx, facts);
    else facts.propagates = true;
    return false;
  }
  if (name !== null && (options.guards.has(name) || (path !== null && options.guards.has(path)))) {
    if (args.some((argument) => touchesError(argument, bindings))) {
      facts.narrows = true;
      return false;
    }
  }
  if (path !== null && ASSERT_FUNCTIONS.has(path) && args.length > 0 && checkPolarity(args[0]!, bindings) === 'pos') {
    facts.narrows = true;
    return false;
  }
  // `assert.ok(false)`, `invariant(false, 'unreachable')`: asserting a constant falsy value always throws, a new
  // error, like `assert.fail()`. `console.assert` only prints.
  if (path !== null && path !== 'console.assert' && ASSERT_FUNCTIONS.has(path) && args.length > 0 && isFalsyConstant(args[0]!)) {
    facts.propagates = true;
    return false;
  }
  if (isTextCall(call)) return false;
  if (name !== null && TEXT_METHODS.has(name)) return false;
  // Inside a logger call's arguments a call formats the log line (`log.warn(describe(e))`): the
  // log call decides what reaches the logger, nothing is handed on.
  if (ctx.inLog > 0) return false;
  // Handed on: the error, or a value derived from it, becomes someone else's input (`handle(e)`,
  // `setError(e.message)`, `deadLetter('undecodable', String(e))`).
  if (handsOnObject(args, bindings)) handOn(ctx, facts);
  else if (args.some((argument) => touchesError(argument, bindings))) facts.propagates = true;
  return false;
}

/** `false`, `0`, `''`, `null`, `undefined`, `!1`, `void 0`: a value falsy whatever the code around it does. */
function isFalsyConstant(node: Node): boolean {
  const value = unwrap(node);
  if (value.type === T.Literal) return !('regex' in value) && !value.value;
  if (value.type === T.Identifier) return value.name === 'undefined';
  if (value.type === T.UnaryExpression && value.operator === 'void') return true;
  if (value.type === T.UnaryExpression && value.operator === '!') return isTruthyConstant(value.argument);
  return false;
}

function isTruthyConstant(node: Node): boolean {
  const value = unwrap(node);
  return value.type === T.Literal && !!value.value;
}

/** An argument is the error object itself, an alias, or a value carrying it (`new X(msg, { cause: e })`). */
function handsOnObject(args: TSESTree.CallExpressionArgument[], bindings: ErrorBindings): boolean {
  return args.some((argument) => carriesError(argument, bindings, false));
}

function evalExpr(node: Node, states: State[], ctx: Context, test = false): State[] {
  if (states.length === 0) return states;
  const current = unwrap(node);
  if (test) return apply(states, scan(current, ctx, true));
  switch (current.type) {
    case T.ConditionalExpression: {
      const afterTest = evalExpr(current.test, states, ctx, true);
      const polarity = checkPolarity(current.test, ctx.bindings);
      return dedupe([
        ...evalExpr(current.consequent, mark(afterTest, polarity === 'pos'), ctx, test),
        ...evalExpr(current.alternate, mark(afterTest, polarity === 'neg'), ctx, test),
      ]);
    }
    case T.LogicalExpression: {
      const left = evalExpr(current.left, states, ctx, true);
      const polarity = checkPolarity(current.left, ctx.bindings);
      const entry = current.operator === '&&' ? mark(left, polarity === 'pos') : current.operator === '||' ? mark(left, polarity === 'neg') : left;
      return dedupe([...left, ...evalExpr(current.right, entry, ctx, test)]);
    }
    case T.SequenceExpression: {
      let result = states;
      for (const expression of current.expressions) result = evalExpr(expression, result, ctx, test);
      return result;
    }
    case T.AwaitExpression:
      return evalExpr(current.argument, states, ctx, test);
    case T.UnaryExpression:
      if (current.operator === 'void') return evalExpr(current.argument, states, ctx, test);
      return apply(states, scan(current, ctx, test));
    default:
      return apply(states, scan(current, ctx, test));
  }
}

/** `propagates`: the exit hands the failure on; `handsOnError`: what it hands on is the error object itself. */
function exit(ctx: Context, states: State[], kind: PathExit['kind'], node: Node | null, propagates = false, handsOnError = false, value?: Node): void {
  ctx.leaves++;
  for (const state of states) {
    const ended = handsOnError ? { ...state, propagates: true, handsOnError: true } : propagates ? { ...state, propagates: true } : state;
    ctx.exits.push({ state: ended, exit: value ? { kind, node, value } : { kind, node }, before: state });
  }
}

const FAILURE_KEYS = new Set(['error', 'err', 'errors', 'failure', 'failures', 'failed', 'reason', 'code', 'diagnostic', 'diagnostics', 'problem', 'problems']);
const FAILURE_FLAGS = new Set(['ok', 'success', 'succeeded', 'valid']);
const FAILURE_CALLS = /^(?:err|fail|failure|left|notOk|errorResult|Err)$/;

/**
 * A value that reports the failure to the caller: `Promise.reject(x)`, a Result-style `err(x)`,
 * or an object literal that says so (`{ code: 'E_PARSE', … }`, `{ ok: false }`, `{ error: … }`).
 */
function isPromiseReject(node: Node): boolean {
  const current = unwrap(node.type === T.AwaitExpression ? node.argument : node);
  if (current.type === T.CallExpression) {
    const path = memberPath(current.callee);
    return path === 'Promise.reject' || FAILURE_CALLS.test(calleeName(current.callee) ?? '');
  }
  if (current.type === T.ObjectExpression) {
    return current.properties.some((property) => {
      if (property.type !== T.Property || property.computed || property.key.type !== T.Identifier) return false;
      if (FAILURE_KEYS.has(property.key.name)) return !isNullish(property.value);
      const value = unwrap(property.value);
      return FAILURE_FLAGS.has(property.key.name) && value.type === T.Literal && value.value === false;
    });
  }
  return false;
}

/** Whether a returned value hands the error on: its value (not a test inside it) reads the error. */
function returnsError(value: Node, ctx: Context): boolean {
  const current = unwrap(value);
  if (current.type === T.SequenceExpression) return returnsError(current.expressions[current.expressions.length - 1]!, ctx);
  if (current.type === T.ConditionalExpression) return returnsError(current.consequent, ctx) || returnsError(current.alternate, ctx);
  if (current.type === T.AwaitExpression) return returnsError(current.argument, ctx);
  // `(e) => console.log(e)` returns what the logger returns, not the error: it is the log call, as in a block.
  if (current.type === T.CallExpression && ctx.logCalls.has(current)) return false;
  return touchesError(current, ctx.bindings) || isPromiseReject(current);
}

/** A return: `cond ? a : b` is two exits (each branch narrowed by its test), anything else one. */
function returnValue(value: Node, node: Node, states: State[], ctx: Context): void {
  const current = unwrap(value);
  if (current.type === T.ConditionalExpression) {
    const afterTest = evalExpr(current.test, states, ctx, true);
    const polarity = checkPolarity(current.test, ctx.bindings);
    const unrelated = polarity === 'none' && !touchesError(current.test, ctx.bindings);
    const branches: [Node, boolean][] = [[current.consequent, polarity === 'pos'], [current.alternate, polarity === 'neg']];
    for (const [branch, narrowed] of branches) {
      const entry = markConditional(mark(afterTest, narrowed), unrelated);
      const out = evalExpr(branch, entry, ctx);
      const returned = returnsError(branch, ctx);
      exit(ctx, out, 'return', node, returned, returned && carriesError(branch, ctx.bindings, false), branch);
    }
    return;
  }
  const out = evalExpr(value, states, ctx);
  // `(e) => console.log(e)`: the concise body is the log call, as `(e) => { console.log(e) }` is.
  if (value === node && current.type === T.CallExpression && ctx.logCalls.has(current)) return exit(ctx, out, 'end', null);
  const returned = returnsError(value, ctx);
  exit(ctx, out, 'return', node, returned, returned && carriesError(value, ctx.bindings, false));
}

function findTarget(ctx: Context, label: string | null, forContinue: boolean): Target | null {
  for (let i = ctx.targets.length - 1; i >= 0; i--) {
    const target = ctx.targets[i]!;
    if (label !== null) {
      if (target.labels.includes(label)) return forContinue && target.kind !== 'loop' ? null : target;
      continue;
    }
    if (target.kind === 'loop' || (!forContinue && target.kind === 'switch')) return target;
  }
  return null;
}

function labelsOf(node: Node): string[] {
  const labels: string[] = [];
  let parent = node.parent;
  while (parent?.type === T.LabeledStatement) {
    labels.push(parent.label.name);
    parent = parent.parent;
  }
  return labels;
}

function isConstantTrue(node: Node | null | undefined): boolean {
  if (!node) return true;
  const current = unwrap(node);
  return current.type === T.Literal && current.value === true;
}

function loop(node: TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForInStatement | TSESTree.ForOfStatement, states: State[], ctx: Context): State[] {
  let entry = states;
  if (node.type === T.ForStatement && node.init) {
    entry = node.init.type === T.VariableDeclaration ? statement(node.init, entry, ctx) : evalExpr(node.init, entry, ctx);
  }
  if (node.type === T.ForInStatement || node.type === T.ForOfStatement) entry = evalExpr(node.right, entry, ctx);
  if ((node.type === T.ForStatement || node.type === T.WhileStatement) && node.test) entry = evalExpr(node.test, entry, ctx, true);
  const target: Target = { kind: 'loop', labels: labelsOf(node), breaks: [], continues: [] };
  ctx.targets.push(target);
  const bodyOut = statement(node.body, entry, ctx);
  ctx.targets.pop();
  let afterBody = dedupe([...bodyOut, ...target.continues]);
  if (node.type === T.DoWhileStatement) afterBody = evalExpr(node.test, afterBody, ctx, true);
  const infinite =
    (node.type === T.WhileStatement && isConstantTrue(node.test)) ||
    (node.type === T.ForStatement && isConstantTrue(node.test)) ||
    (node.type === T.DoWhileStatement && isConstantTrue(node.test));
  if (infinite) return dedupe(target.breaks);
  // `for (const w of waiters) w.reject(e)`: when every iteration hands the error on, zero iterations is not "carrying on".
  const everyIterationPropagates = afterBody.length > 0 && target.breaks.length === 0 && afterBody.every((state) => state.propagates);
  const everyIterationHandsOn = everyIterationPropagates && afterBody.every((state) => state.handsOnError);
  const zeroIterations =
    node.type === T.DoWhileStatement ? []
    : everyIterationPropagates ? entry.map((state) => ({ ...state, propagates: true, handsOnError: state.handsOnError || everyIterationHandsOn }))
    : entry;
  return dedupe([...zeroIterations, ...afterBody, ...target.breaks]);
}

type Branch = (entry: State[]) => State[];

/**
 * `if (test) consequent else alternate`: the branch the check of the error selects is narrowed, and a test
 * unrelated to the error makes both branches' paths `conditional` (see `joinBranches`).
 */
function decision(test: Node, consequent: Branch, alternate: Branch | null, states: State[], ctx: Context): State[] {
  const afterTest = evalExpr(test, states, ctx, true);
  const polarity = checkPolarity(test, ctx.bindings);
  const unrelated = polarity === 'none' && !touchesError(test, ctx.bindings);
  const leavesBefore = ctx.leaves;
  const consequentOut = consequent(markConditional(mark(afterTest, polarity === 'pos'), unrelated));
  const alternateEntry = markConditional(mark(afterTest, polarity === 'neg'), unrelated);
  const alternateOut = alternate ? alternate(alternateEntry) : alternateEntry;
  return joinBranches(afterTest, consequentOut, alternateOut, unrelated && ctx.leaves === leavesBefore);
}

/**
 * An expression statement that only chooses what runs is the same decision as the `if` it abbreviates:
 * `strict && fail(e)` is `if (strict) fail(e)`, `ok || log.error(e)` is `if (!ok) log.error(e)`,
 * `x ? rethrow(e) : 0` is `if (x) rethrow(e)`.
 */
function expressionStatement(expression: Node, states: State[], ctx: Context): State[] {
  const run = (branch: Node): Branch => (entry) => expressionStatement(unwrap(branch), entry, ctx);
  if (expression.type === T.ConditionalExpression) return decision(expression.test, run(expression.consequent), run(expression.alternate), states, ctx);
  if (expression.type === T.LogicalExpression && expression.operator === '&&') return decision(expression.left, run(expression.right), null, states, ctx);
  if (expression.type === T.LogicalExpression && expression.operator === '||') return decision(expression.left, (entry) => entry, run(expression.right), states, ctx);
  return evalExpr(expression, states, ctx);
}

function statement(node: Node, states: State[], ctx: Context): State[] {
  if (states.length === 0 || ++ctx.steps > MAX_STEPS) return states.length === 0 ? states : [];
  switch (node.type) {
    case T.BlockStatement:
    case T.StaticBlock: {
      let current = states;
      for (const child of node.body) current = statement(child, current, ctx);
      return current;
    }
    case T.ExpressionStatement:
      // The process ends with a failure code: terminal like a throw, once the handler uses the error
      // (a handler that never touches it still discards it: `catch { log('failed'); process.exit(1) }`).
      if (isFailingExit(node.expression) && isUsed(ctx.bindings, ctx.handlerNode, ctx.scopeManager)) {
        exit(ctx, evalExpr(node.expression, states, ctx), 'throw', node, true);
        return [];
      }
      return expressionStatement(unwrap(node.expression), states, ctx);
    case T.VariableDeclaration: {
      let current = states;
      for (const declarator of node.declarations) if (declarator.init) current = evalExpr(declarator.init, current, ctx);
      return current;
    }
    case T.IfStatement:
      return decision(node.test, (entry) => statement(node.consequent, entry, ctx), node.alternate ? (entry) => statement(node.alternate!, entry, ctx) : null, states, ctx);
    case T.ReturnStatement: {
      if (node.argument) returnValue(node.argument, node, states, ctx);
      else exit(ctx, states, 'return', node);
      return [];
    }
    case T.ThrowStatement: {
      exit(ctx, evalExpr(node.argument, states, ctx), 'throw', node, true, carriesError(node.argument, ctx.bindings, false));
      return [];
    }
    case T.BreakStatement: {
      const target = findTarget(ctx, node.label?.name ?? null, false);
      if (target) {
        ctx.leaves++;
        target.breaks.push(...states);
      } else exit(ctx, states, 'break', node);
      return [];
    }
    case T.ContinueStatement: {
      const target = findTarget(ctx, node.label?.name ?? null, true);
      if (target) {
        ctx.leaves++;
        target.continues.push(...states);
      } else exit(ctx, states, 'continue', node);
      return [];
    }
    case T.LabeledStatement: {
      const body = node.body;
      if (
        body.type === T.ForStatement || body.type === T.WhileStatement || body.type === T.DoWhileStatement ||
        body.type === T.ForInStatement || body.type === T.ForOfStatement || body.type === T.LabeledStatement
      ) {
        return statement(body, states, ctx);
      }
      const target: Target = { kind: 'block', labels: [node.label.name], breaks: [], continues: [] };
      ctx.targets.push(target);
      const out = statement(body, states, ctx);
      ctx.targets.pop();
      return dedupe([...out, ...target.breaks]);
    }
    case T.ForStatement:
    case T.WhileStatement:
    case T.DoWhileStatement:
    case T.ForInStatement:
    case T.ForOfStatement:
      return loop(node, states, ctx);
    case T.SwitchStatement: {
      const afterDiscriminant = evalExpr(node.discriminant, states, ctx, true);
      const discriminant = unwrap(node.discriminant);
      const isCheck =
        (touchesError(discriminant, ctx.bindings) && !ctx.bindings.objectRefs.has(discriminant)) ||
        (discriminant.type === T.Literal && discriminant.value === true && node.cases.some((c) => c.test !== null && touchesError(c.test, ctx.bindings))) ||
        (ctx.bindings.objectRefs.has(discriminant) && node.cases.some((c) => c.test !== null));
      const target: Target = { kind: 'switch', labels: labelsOf(node), breaks: [], continues: [] };
      ctx.targets.push(target);
      let fall: State[] = [];
      let hasDefault = false;
      for (const switchCase of node.cases) {
        if (switchCase.test === null) hasDefault = true;
        let entry = dedupe([...mark(afterDiscriminant, isCheck && switchCase.test !== null), ...fall]);
        if (switchCase.test) entry = evalExpr(switchCase.test, entry, ctx, true);
        for (const child of switchCase.consequent) entry = statement(child, entry, ctx);
        fall = entry;
      }
      ctx.targets.pop();
      return dedupe([...fall, ...target.breaks, ...(hasDefault ? [] : afterDiscriminant)]);
    }
    case T.TryStatement: {
      const outer = ctx.exits;
      ctx.exits = [];
      const blockOut = statement(node.block, states, ctx);
      const blockExits = ctx.exits;
      ctx.exits = [];
      let handlerOut: State[] = [];
      if (node.handler) {
        const thrown = blockExits.filter((record) => record.exit.kind === 'throw').map((record) => ({ ...record.state, propagates: false, handsOnError: false }));
        ctx.exits.push(...blockExits.filter((record) => record.exit.kind !== 'throw'));
        // Optimistic: what the try block did (e.g. handed the error to a reporter) happened before it failed.
        const entry = blockOut.length > 0 ? [...blockOut, ...thrown] : [...states, ...thrown];
        handlerOut = statement(node.handler.body, dedupe(entry), ctx);
      } else {
        ctx.exits.push(...blockExits);
      }
      // A nested try's `finally` that returns or breaks cancels the rethrows inside it, as the handler's own does.
      const leaving = node.finalizer && mayLeaveAbruptly(node.finalizer) ? overrideByFinalizer(ctx.exits, node.finalizer, ctx) : ctx.exits;
      ctx.exits = outer;
      outer.push(...leaving);
      const out = dedupe([...blockOut, ...handlerOut]);
      return node.finalizer ? statement(node.finalizer, out, ctx) : out;
    }
    case T.FunctionDeclaration:
    case T.ClassDeclaration:
    case T.EmptyStatement:
    case T.DebuggerStatement:
    case T.TSTypeAliasDeclaration:
    case T.TSInterfaceDeclaration:
    case T.TSEnumDeclaration:
    case T.TSModuleDeclaration:
      return states;
    default:
      return apply(states, scan(node, ctx, false));
  }
}

function labelOf(state: State): PathLabel {
  if (state.propagates) return 'propagates';
  if (state.narrowed) return 'narrowed';
  if (state.loud) return 'loud';
  return 'quiet';
}

function isUsed(bindings: ErrorBindings, handlerNode: Node, scopeManager: ScopeManager): boolean {
  for (const ref of bindings.allRefs) {
    const parent = outerWrapper(ref).parent;
    if (parent?.type === T.UnaryExpression && parent.operator === 'void') continue;
    if (parent?.type === T.ExpressionStatement) continue;
    if (inUncalledFunction(ref, handlerNode, scopeManager)) continue;
    return true;
  }
  return false;
}

/**
 * A read inside a function declared in the handler that nothing refers to (`const fail = () => { throw e }`,
 * never called nor passed on): it never runs, so it does not use the error.
 */
function inUncalledFunction(ref: Node, handlerNode: Node, scopeManager: ScopeManager): boolean {
  for (let current = ref.parent; current && current !== handlerNode; current = current.parent) {
    if (!isFunction(current) || isCallbackArgument(current)) continue;
    const name = declaredName(current);
    if (!name) continue;
    const variable = scopeManager.getDeclaredVariables(name.declaration).find((candidate) => candidate.name === name.id.name);
    if (variable && !variable.references.some((reference) => reference.isRead())) return true;
  }
  return false;
}

/** `function f() {}` or `const f = () => …`: the declaration and the name a function is bound to. */
function declaredName(fn: FunctionNode): { declaration: Node; id: TSESTree.Identifier } | null {
  if (fn.type === T.FunctionDeclaration) return fn.id ? { declaration: fn, id: fn.id } : null;
  const parent = outerWrapper(fn).parent;
  if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) return { declaration: parent, id: parent.id };
  return null;
}

/** Whether a `finally` block holds a `return`, `break` or `continue` (outside nested functions): it may replace the handler's exit. */
function mayLeaveAbruptly(block: Node): boolean {
  if (block.type === T.ReturnStatement || block.type === T.BreakStatement || block.type === T.ContinueStatement) return true;
  if (isFunction(block) || block.type === T.ClassBody) return false;
  let found = false;
  const record = block as unknown as Record<string, unknown>;
  for (const key in record) {
    if (found) break;
    if (SKIPPED_KEYS.has(key)) continue;
    const value = record[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item) && mayLeaveAbruptly(item)) found = true;
    } else if (isNode(value) && mayLeaveAbruptly(value)) {
      found = true;
    }
  }
  return found;
}

/**
 * The `finally` block runs after each exit of the handler; where it returns, breaks or continues, the
 * handler's `throw` (or return) is replaced: `catch (e) { throw e } finally { return 0 }` returns 0 and
 * the error is gone. Each such exit becomes, per way the finally block leaves, a path with the state it
 * had before the exit and `overriddenBy` the finally's statement; it stands as well when the finally
 * block can also complete normally (or throw).
 */
function overrideByFinalizer(records: PathRecord[], finalizer: TSESTree.BlockStatement, ctx: Context): PathRecord[] {
  const result: PathRecord[] = [];
  const outer = ctx.exits;
  for (const record of records) {
    // Only an exit that itself hands the failure on changes when replaced; a quiet, loud or narrowed path stays so.
    if ((record.exit.kind !== 'throw' && record.exit.kind !== 'return') || !record.state.propagates || record.before.propagates) {
      result.push(record);
      continue;
    }
    ctx.exits = [];
    const completes = statement(finalizer, [record.before], ctx).length > 0;
    const finallyExits = ctx.exits;
    let stands = completes;
    for (const leaving of finallyExits) {
      if (leaving.exit.kind === 'throw') stands = true;
      // Whatever the finally block tests, it is not a decision about this error (`if (x) return 0`).
      const state = leaving.state.conditional === record.before.conditional ? leaving.state : { ...leaving.state, conditional: record.before.conditional };
      result.push({ state, exit: { ...record.exit, overriddenBy: leaving.exit.node ?? finalizer }, before: leaving.before });
    }
    if (stands) result.push(record);
  }
  ctx.exits = outer;
  return result;
}

/** Labels every path through one handler. */
export function analyzeHandler(handler: Handler, scopeManager: ScopeManager, options: ResolvedOptions): HandlerAnalysis {
  const bindings = collectBindings(handler, scopeManager);
  const ctx: Context = {
    bindings, options, targets: [], exits: [], logCalls: new Map(), steps: 0, inLog: 0, scopeManager, handlerNode: handler.node, calling: new Set(), leaves: 0,
  };
  const body = handlerBody(handler);
  const initial: State[] = [{ conditional: false, narrowed: false, loud: false, propagates: false, handsOnError: false, droppedLog: null, belowLevelLog: null, textLogs: [] }];
  const referencedLevel = body === null ? loggerMethodLevel(handler.node, options) : null;
  if (referencedLevel !== null) {
    // `.catch(console.log)` is `.catch((e) => console.log(e))`: loud at or above the minimum level, else quiet.
    const loud = levelRank(referencedLevel) >= options.minimumRank;
    const state: State = { ...initial[0]!, loud, belowLevelLog: loud ? null : (handler.node as TSESTree.MemberExpression) };
    ctx.exits.push({ state, exit: { kind: 'end', node: null }, before: state });
  } else if (body === null) {
    ctx.exits.push({ state: initial[0]!, exit: { kind: 'end', node: null }, before: initial[0]! });
  } else if (body.type === T.BlockStatement) {
    const out = statement(body, initial, ctx);
    exit(ctx, out, 'end', null);
  } else {
    returnValue(body, body, initial, ctx);
  }
  const finalizer = handler.tryStatement?.finalizer;
  if (finalizer && mayLeaveAbruptly(finalizer)) ctx.exits = overrideByFinalizer(ctx.exits, finalizer, ctx);
  const seen = new Map<string, HandlerPath>();
  const paths: HandlerPath[] = [];
  for (const record of ctx.exits) {
    const label = labelOf(record.state);
    const key = `${record.exit.node ? record.exit.node.range[0] : -1}:${record.exit.kind}:${label}:${record.state.conditional}:${record.state.handsOnError}:${record.exit.overriddenBy ? record.exit.overriddenBy.range[0] : ''}`;
    const known = seen.get(key);
    if (known) {
      known.textLogs = union(known.textLogs!, record.state.textLogs);
      known.logsError = known.logsError === true && record.state.loud;
      continue;
    }
    const path: HandlerPath = {
      label,
      exit: record.exit,
      droppedLog: record.state.droppedLog,
      belowLevelLog: record.state.belowLevelLog,
      conditional: record.state.conditional,
      handsOnError: record.state.handsOnError,
      textLogs: record.state.textLogs,
      logsError: record.state.loud,
    };
    seen.set(key, path);
    paths.push(path);
  }
  paths.sort((a, b) => (a.exit.node ? a.exit.node.range[0] : Infinity) - (b.exit.node ? b.exit.node.range[0] : Infinity));
  const used = referencedLevel !== null || isUsed(bindings, handler.node, scopeManager);
  return { handler, paths, used, bindings, logCalls: [...ctx.logCalls.values()] };
}
