// Which call a rewrite's message names as the one that failed (`unexpected error from <callee>()`).
// The rule, in order:
//   1. a call the error knowledge expects errors from (the branches before the fallback come from it);
//   2. else the first awaited call that is not a pure helper (`path.join()`, `toString()`,
//      `Buffer.from()`, `event.preventDefault()`, a React state setter: `setSaving(true)` of `const [saving, setSaving] =
//      useState(false)`, `require('./local')`) nor a selector at the head of a chain (`knex('users').insert()`,
//      `tx(T.ROLES).insert()`, `db.collection('jobs').findOne()`): the operation the block waits
//      on, not the bookkeeping before it (`toggle(false); await onCreate(value)`);
//   3. else the first such call, awaited or not;
//   4. else the first call.
// "First" is in subject order: a call comes after the calls of its receiver chain and before the
// calls in its arguments — `chroma(x).hex()` names `chroma()`, `(await brotliDecompress(buf)).toString()`
// names `brotliDecompress()`, `repo.save(build(x))` names `repo.save()`.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { AnalysisInput } from './types.js';
import { forEachChild, isFunction, requiredSpecifier } from './ast.js';
import { resolveIdentifier } from './handlers.js';
import { describeCall } from './knowledge/calls.js';

export type SourceCall = TSESTree.CallExpression | TSESTree.NewExpression;

export function expressionText(node: TSESTree.Node): string | null {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
      return node.name;
    case AST_NODE_TYPES.ThisExpression:
      return 'this';
    case AST_NODE_TYPES.Super:
      return 'super';
    case AST_NODE_TYPES.MemberExpression: {
      if (node.computed || node.property.type !== AST_NODE_TYPES.Identifier) return null;
      const object = expressionText(node.object);
      return object === null ? node.property.name : `${object}.${node.property.name}`;
    }
    case AST_NODE_TYPES.ChainExpression:
      return expressionText(node.expression);
    case AST_NODE_TYPES.TSNonNullExpression:
      return expressionText(node.expression);
    default:
      return null;
  }
}

// A Vue ref's `.value`, a React ref's `.current`: named alone they say nothing (`value.loadLanguage()`).
const REF_HOLDERS = new Set(['value', 'current']);

/**
 * `this.pool.end` → `pool.end`; `a.b().c` → `c`. With `keepRef`, for a message, the ref's own name
 * stays before its `.value`/`.current`: `highlighter.value.loadLanguage`, `titleRef.current.focus`.
 */
export function calleeLabel(call: SourceCall, keepRef = false): string | null {
  let callee: TSESTree.Node = call.callee;
  // `(mutateAsync as any)(...args)`, `(component as () => unknown)()`: the function called.
  while (callee.type === AST_NODE_TYPES.ChainExpression || callee.type === AST_NODE_TYPES.TSAsExpression || callee.type === AST_NODE_TYPES.TSSatisfiesExpression || callee.type === AST_NODE_TYPES.TSTypeAssertion) {
    callee = callee.expression;
  }
  let text = expressionText(callee);
  if (text === null) return null;
  const parts = text.replace(/^this\./, '').split('.');
  text = parts.slice(keepRef && parts.length >= 3 && REF_HOLDERS.has(parts[parts.length - 2]!) ? -3 : -2).join('.');
  if (text === 'this' || text === 'super') return null;
  return call.type === AST_NODE_TYPES.NewExpression ? `new ${text}` : text;
}

/** Calls and `new` expressions in subject order (see above), not entering nested functions. */
export function callsInSubjectOrder(root: TSESTree.Node): SourceCall[] {
  const calls: SourceCall[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node !== root && isFunction(node)) return;
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
      visit(node.callee);
      calls.push(node);
      for (const argument of node.arguments) visit(argument);
      return;
    }
    forEachChild(node, visit);
  };
  visit(root);
  return calls;
}

// Functions and constructors that compute a value from their arguments without I/O or parsing.
const PURE_FUNCTIONS = new Set([
  'Buffer.from', 'Buffer.concat', 'Buffer.alloc', 'Buffer.byteLength', 'Buffer.isBuffer', 'util.format', 'util.inspect',
  'util.promisify', 'Promise.resolve', 'Promise.reject', 'encodeURIComponent', 'encodeURI', 'escape', 'Symbol', 'BigInt', 'Date', 'Array', 'Error',
  'new Date', 'new Map', 'new Set', 'new WeakMap', 'new WeakSet', 'new Array', 'new Error', 'new TypeError',
  'new RangeError', 'new Promise', 'new AbortController', 'new TextEncoder', 'new TextDecoder',
]);
// `path.join()`, `posix.resolve()`: path arithmetic.
const PATH_HELPER = /^(?:path|posix|win32)\.(?:join|resolve|relative|normalize|dirname|basename|extname|isAbsolute|parse|format)$/;
// Methods of strings, arrays, numbers and dates, called on any receiver (their callbacks are nested functions, not counted).
const PURE_METHODS = new Set([
  'toString', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'trim', 'trimStart', 'trimEnd',
  'split', 'join', 'slice', 'substring', 'substr', 'replace', 'replaceAll', 'includes', 'startsWith', 'endsWith',
  'indexOf', 'lastIndexOf', 'padStart', 'padEnd', 'charAt', 'charCodeAt', 'codePointAt', 'repeat', 'concat', 'at',
  'map', 'filter', 'find', 'findIndex', 'findLast', 'some', 'every', 'reduce', 'flat', 'flatMap', 'sort', 'reverse',
  'push', 'pop', 'shift', 'unshift', 'splice', 'fill', 'keys', 'values', 'entries', 'toFixed', 'toPrecision',
  'toISOString', 'toJSON', 'toLocaleString', 'toLocaleDateString', 'toLocaleTimeString', 'getTime', 'valueOf', 'bind',
]);

// A DOM event's own methods: they change how the event propagates and never throw.
const EVENT_METHODS = new Set(['preventDefault', 'stopPropagation', 'stopImmediatePropagation']);

/** A helper that computes without I/O or parsing: not what the message should blame when anything else was called. */
export function isPureHelperCall(call: SourceCall): boolean {
  const label = calleeLabel(call);
  if (label !== null && (PURE_FUNCTIONS.has(label) || PATH_HELPER.test(label))) return true;
  const callee = call.callee.type === AST_NODE_TYPES.ChainExpression ? call.callee.expression : call.callee;
  return (
    call.type === AST_NODE_TYPES.CallExpression &&
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    (PURE_METHODS.has(callee.property.name) || EVENT_METHODS.has(callee.property.name))
  );
}

/**
 * `knex('users')` in `knex('users').insert(rows)`, `tx(T.GROUP_ROLE).insert()`, `db(TABLE).update()`:
 * constant arguments only (literals, UPPER_CASE names), its result called on — it picks, the next call acts.
 */
function isChainSelector(call: SourceCall): boolean {
  const parent = call.parent;
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== call || parent.parent?.type !== AST_NODE_TYPES.CallExpression) return false;
  return call.arguments.length > 0 && call.arguments.every(isConstant);
}

const CONSTANT_NAME = /^[A-Z][A-Z0-9_]*$/;

function isConstant(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return true;
  if (node.type === AST_NODE_TYPES.Identifier) return CONSTANT_NAME.test(node.name);
  return node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier && CONSTANT_NAME.test(node.property.name);
}

/**
 * The label of the call most likely to have thrown, by the rule at the top of this file. `calls`
 * are the calls the handler receives errors from; `expectedFrom` the `describeCall` labels of the
 * calls the error knowledge expects errors from.
 */
export function failingCallLabel(input: AnalysisInput, root: TSESTree.Node | null, calls: readonly SourceCall[], expectedFrom: readonly string[]): string | null {
  const candidates = new Set(calls);
  const ordered = (root ? callsInSubjectOrder(root) : [...calls]).filter((call) => candidates.has(call) && calleeLabel(call) !== null);
  const known = expectedFrom.length > 0 ? ordered.find((call) => expectedFrom.includes(describeCall(input, call).label ?? '')) : undefined;
  const acts = (call: SourceCall): boolean => !isPureHelperCall(call) && !isChainSelector(call) && !isStateSetter(input, call) && !isLocalRequire(call);
  const chosen = known ?? ordered.find((call) => acts(call) && isAwaited(call)) ?? ordered.find(acts) ?? ordered[0];
  return chosen ? calleeLabel(chosen, true) : null;
}

/** `require('../css/syntax')`: loading one of the project's own modules, before the call that does the work. */
function isLocalRequire(call: SourceCall): boolean {
  return /^\.\.?\//.test(requiredSpecifier(call) ?? '');
}

/**
 * `setSaving(true)` where `const [saving, setSaving] = useState(false)` (or `React.useState`,
 * `useReducer`'s dispatch): it schedules a render and does not throw.
 */
function isStateSetter(input: AnalysisInput, call: SourceCall): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.Identifier) return false;
  const declarator = resolveIdentifier(input.scopeManager, call.callee)?.defs[0]?.node;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.ArrayPattern) return false;
  const hook = declarator.init?.type === AST_NODE_TYPES.CallExpression ? expressionText(declarator.init.callee) : null;
  const element = declarator.id.elements[1];
  return hook !== null && /^(?:React\.)?(?:useState|useReducer)$/.test(hook) && element?.type === AST_NODE_TYPES.Identifier && element.name === call.callee.name;
}

/**
 * Whether the call runs inside an awaited expression of its statement: `await x.save()`, the
 * receiver chain of `await ky.post(url).json()`, `(await load(id)).name`.
 */
function isAwaited(call: SourceCall): boolean {
  for (let node: TSESTree.Node | undefined = call.parent; node && !isFunction(node); node = node.parent) {
    if (node.type === AST_NODE_TYPES.AwaitExpression) return true;
    if (node.type.endsWith('Statement') || node.type === AST_NODE_TYPES.VariableDeclaration) return false;
  }
  return false;
}
