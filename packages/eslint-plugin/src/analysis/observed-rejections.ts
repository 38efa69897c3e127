// A `.catch` that only marks a rejection as handled because it is observed elsewhere
// (precision audit, idiom 3):
// (a) the receiver is a stored promise (identifier or member chain, or the loop variable over a
//     collection of promises) that is referenced again: awaited, returned or stored;
// (b) an eager start: the receiver is a call whose value is discarded, and the same callee is
//     awaited or returned elsewhere in the file;
// (c) a self-handling callee: the receiver calls a local function or method whose body is one
//     try/catch whose handler propagates or logs the error;
// (d) a protocol domain enable: `session.send('Runtime.enable').catch(() => {})`, whose failure comes
//     back from the domain's next command.
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { DefinitionType, type ScopeManager } from '@typescript-eslint/scope-manager';
import { calleeName, forEachChild, isFunction, memberPath, outerWrapper, propertyName, unwrap, type Node } from './ast.js';
import { handlerFromCatchClause, resolveIdentifier } from './handlers.js';
import type { ResolvedOptions } from './options.js';
import { analyzeHandler } from './paths.js';
import type { Handler } from './types.js';

function receiverOf(call: TSESTree.CallExpression): Node | null {
  const callee = unwrap(call.callee);
  return callee.type === T.MemberExpression ? unwrap(callee.object) : null;
}

/**
 * `promise.finally(reset)`: the derived promise settles as `promise` does (or with `reset`'s own throw), so
 * silencing it silences the same rejection; what matters is whether `promise` itself is observed
 * (precision audit 7: formbricks's `pending.finally(() => { pending = null }).catch(() => {})` before
 * `return pending`).
 */
function throughFinally(receiver: Node): Node {
  let current = receiver;
  while (current.type === T.CallExpression && current.arguments.length <= 1 && calleeName(current.callee) === 'finally') {
    const callee = unwrap(current.callee);
    if (callee.type !== T.MemberExpression) break;
    current = unwrap(callee.object);
  }
  return current;
}

function programOf(node: Node): Node {
  let current = node;
  while (current.parent) current = current.parent;
  return current;
}

function enclosingContainer(node: Node): Node {
  let current: Node | undefined = node.parent;
  while (current) {
    if (current.type === T.ClassBody || current.type === T.Program) return current;
    current = current.parent;
  }
  return node;
}

/** Other read references of a stored promise (identifier, or a member chain within the class/module). */
function storedPromiseObserved(receiver: Node, scopeManager: ScopeManager): boolean {
  if (receiver.type === T.Identifier) {
    const variable = resolveIdentifier(scopeManager, receiver);
    if (!variable) return false;
    if (variable.references.some((reference) => reference.identifier !== receiver && reference.isRead())) return true;
    // `for (const p of promises) p.catch(noop)`: the collection is the stored value.
    const def = variable.defs[0];
    const declaration = def?.node.parent;
    const loop = declaration?.parent;
    if (loop?.type === T.ForOfStatement && loop.left === declaration) {
      const collection = unwrap(loop.right);
      if (collection.type === T.Identifier) {
        const stored = resolveIdentifier(scopeManager, collection);
        return stored !== null && stored.references.filter((reference) => reference.isRead()).length > 1;
      }
    }
    return false;
  }
  if (receiver.type !== T.MemberExpression) return false;
  const path = memberPath(receiver);
  if (path === null) return false;
  let found = false;
  const visit = (node: Node): void => {
    if (found) return;
    if (node.type === T.MemberExpression && node !== receiver && memberPath(node) === path) {
      const parent = outerWrapper(node).parent;
      // an assignment target is a write, not an observation
      if (!(parent?.type === T.AssignmentExpression && parent.left === outerWrapper(node))) {
        found = true;
        return;
      }
    }
    forEachChild(node, visit);
  };
  visit(enclosingContainer(receiver));
  return found;
}

/**
 * `void start().catch(noop);`, also `await start().catch(noop);`. The awaited form is not an early start (precision
 * audit 7's E20), but audit 8 read all 16 such handlers on the audited trees as deliberate (CDP `releaseObject` in
 * `finally`, a best-effort scroll before a click, a teardown's release, a page restored after a screenshot), and not
 * looking through `await` would report them all: it stays.
 */
function valueDiscarded(call: TSESTree.CallExpression): boolean {
  let current: Node = outerWrapper(call);
  let parent = current.parent;
  while (parent && (parent.type === T.AwaitExpression || (parent.type === T.UnaryExpression && parent.operator === 'void'))) {
    current = outerWrapper(parent);
    parent = current.parent;
  }
  return parent?.type === T.ExpressionStatement;
}

function argumentsText(call: TSESTree.CallExpression, sourceText: string): string {
  return call.arguments.map((argument) => sourceText.slice(argument.range[0], argument.range[1]).replace(/\s+/g, '')).join(',');
}

// Per program, its calls by callee name (`calleeName`), found by one walk: every discarded `.catch`
// of a file looks for its receiver's call elsewhere in it.
const callsByName = new WeakMap<Node, Map<string | null, TSESTree.CallExpression[]>>();

function callsNamed(program: Node, name: string | null): readonly TSESTree.CallExpression[] {
  let byName = callsByName.get(program);
  if (!byName) {
    const index = new Map<string | null, TSESTree.CallExpression[]>();
    const visit = (node: Node): void => {
      if (node.type === T.CallExpression) {
        const key = calleeName(node.callee);
        const calls = index.get(key);
        if (calls) calls.push(node);
        else index.set(key, [node]);
      }
      forEachChild(node, visit);
    };
    visit(program);
    byName = index;
    callsByName.set(program, byName);
  }
  return byName.get(name) ?? [];
}

/**
 * The same call (callee and argument text) awaited or returned elsewhere in the file: the discarded
 * one only starts early what is awaited later. A different call of the same method (`send(a)` vs
 * `send(b)`) is different work, whose failure nobody sees.
 */
function sameCallObserved(receiver: TSESTree.CallExpression, sourceText: string): boolean {
  const path = memberPath(receiver.callee);
  if (path === null) return false;
  const args = argumentsText(receiver, sourceText);
  // Equal paths end in the same name: only the calls of that name are compared.
  return callsNamed(programOf(receiver), calleeName(receiver.callee)).some((node) => {
    if (node === receiver || memberPath(node.callee) !== path || argumentsText(node, sourceText) !== args) return false;
    const parent = outerWrapper(node).parent;
    return (
      parent?.type === T.AwaitExpression ||
      parent?.type === T.ReturnStatement ||
      (parent?.type === T.ArrowFunctionExpression && parent.body === outerWrapper(node))
    );
  });
}

/** The local function or method a call invokes (`this.main()`, `main()`), or null. */
function localCallee(receiver: TSESTree.CallExpression, scopeManager: ScopeManager): Node | null {
  const callee = unwrap(receiver.callee);
  if (callee.type === T.Identifier) {
    const variable = resolveIdentifier(scopeManager, callee);
    const def = variable?.defs.length === 1 ? variable.defs[0]! : null;
    // a parameter's definition node is the function that declares it
    if (!def || def.type === DefinitionType.Parameter) return null;
    const node = def.node as Node;
    if (node.type === T.FunctionDeclaration) return node;
    if (node.type === T.VariableDeclarator && node.init && isFunction(unwrap(node.init))) return unwrap(node.init);
    return null;
  }
  if (callee.type === T.MemberExpression && unwrap(callee.object).type === T.ThisExpression) {
    const name = propertyName(callee);
    let classBody: Node | undefined = callee.parent;
    while (classBody && classBody.type !== T.ClassBody) classBody = classBody.parent;
    if (!classBody || classBody.type !== T.ClassBody || name === null) return null;
    for (const member of classBody.body) {
      if ((member.type === T.MethodDefinition || member.type === T.PropertyDefinition) && !member.computed) {
        const key = member.key.type === T.PrivateIdentifier ? `#${member.key.name}` : member.key.type === T.Identifier ? member.key.name : null;
        if (key === name && member.value && isFunction(member.value)) return member.value;
      }
    }
  }
  return null;
}

function selfHandling(fn: Node, scopeManager: ScopeManager, options: ResolvedOptions): boolean {
  if (!isFunction(fn) || fn.body.type !== T.BlockStatement) return false;
  const statements = fn.body.body;
  if (statements.length !== 1 || statements[0]!.type !== T.TryStatement || !statements[0]!.handler) return false;
  const analysis = analyzeHandler(handlerFromCatchClause(statements[0]!.handler), scopeManager, options);
  return analysis.paths.length > 0 && analysis.paths.every((path) => path.label !== 'quiet');
}

/** `noop`, `() => {}`, `() => undefined`, `() => null`: the handler does no work. */
function isNoopHandler(handler: Handler): boolean {
  const node = handler.node;
  if (node.type === T.Identifier || node.type === T.MemberExpression) return true;
  if (!isFunction(node)) return false;
  const body = node.body;
  if (body.type === T.BlockStatement) return body.body.length === 0;
  const value = unwrap(body);
  return (value.type === T.Identifier && value.name === 'undefined') || (value.type === T.Literal && (value.value === null || typeof value.value === 'boolean'));
}

/** `Runtime.enable`, `DOM.enable`, `Network.enable`: the Chrome DevTools Protocol's name for enabling a domain. */
const DOMAIN_ENABLE = /^[A-Z][A-Za-z]*\.enable$/;

/**
 * `session.send('Runtime.enable').catch(() => {})`, `page.sendCDP('DOM.enable').catch(() => {})`: a protocol domain is
 * enabled ahead of the commands that need it. When the enable fails (the target is gone, or has no such domain), the
 * domain's next command fails on the same session and reports it; the dropped rejection is the same failure seen
 * early (precision audits 7 and 8: stagehand's understudy driver, 35 such calls; Playwright's Chromium backend).
 * Only a no-op handler on a `send…` call whose first argument is the literal method name.
 */
function isDomainEnable(receiver: TSESTree.CallExpression, handler: Handler): boolean {
  if (!/send/i.test(calleeName(receiver.callee) ?? '') || !isNoopHandler(handler)) return false;
  const method = receiver.arguments[0];
  return method?.type === T.Literal && typeof method.value === 'string' && DOMAIN_ENABLE.test(method.value);
}

export function isObservedRejection(handler: Handler, scopeManager: ScopeManager, options: ResolvedOptions, sourceText: string): boolean {
  const call = handler.call;
  if (!call) return false;
  const link = receiverOf(call);
  if (!link) return false;
  const receiver = throughFinally(link);
  if (receiver !== link && !isNoopHandler(handler)) return false;
  if (receiver.type === T.Identifier || receiver.type === T.MemberExpression) return storedPromiseObserved(receiver, scopeManager);
  if (receiver.type !== T.CallExpression) return false;
  if (isDomainEnable(receiver, handler)) return true;
  if (valueDiscarded(call) && isNoopHandler(handler) && sameCallObserved(receiver, sourceText)) return true;
  const fn = localCallee(receiver, scopeManager);
  return fn !== null && selfHandling(fn, scopeManager, options);
}
