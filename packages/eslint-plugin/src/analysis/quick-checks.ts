// Checks that clear a handler before the path analysis runs, for the rules' hot path: each answers
// exactly what the analysis would conclude, from one walk of the handler body that allocates nothing.
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { forEachChild, propertyName, unwrap, type Node } from './ast.js';
import { handlerBody } from './handlers.js';
import type { ResolvedOptions } from './options.js';
import type { Handler } from './types.js';

/** Calls `found` on `root` and every node below it (nested functions included) until it returns true. */
function someNode(root: Node, found: (node: Node) => boolean): boolean {
  if (found(root)) return true;
  let hit = false;
  forEachChild(root, (child) => {
    if (!hit) hit = someNode(child, found);
  });
  return hit;
}

function leavesEarly(node: Node): boolean {
  return node.type === T.ReturnStatement || node.type === T.BreakStatement || node.type === T.ContinueStatement || node.type === T.LabeledStatement;
}

/**
 * The handler's block ends in `throw` and nothing in it (or in the try's `finally` block) returns,
 * breaks or continues: every path ends in a throw, so every path propagates and neither handler rule
 * can report it.
 */
export function throwsOnEveryPath(handler: Handler): boolean {
  const body = handlerBody(handler);
  if (body?.type !== T.BlockStatement) return false;
  const last = body.body[body.body.length - 1];
  if (last?.type !== T.ThrowStatement) return false;
  // Both handler rules ask, and the second does not find an analysis when the answer was yes.
  let answer = throwingBodies.get(body);
  if (answer === undefined) {
    // A `finally` block that returns, breaks or continues replaces the throw (`finally { return 0 }`).
    const finalizer = handler.tryStatement?.finalizer;
    answer = !someNode(body, leavesEarly) && !(finalizer && someNode(finalizer, leavesEarly));
    throwingBodies.set(body, answer);
  }
  return answer;
}

const throwingBodies = new WeakMap<Node, boolean>();

/** Whether the handler holds a call of a method some logger has a level for: without one it has no log call to report. */
export function mayHoldLogCall(handler: Handler, options: ResolvedOptions): boolean {
  const body = handlerBody(handler);
  if (body === null) return false;
  return someNode(body, (node) => {
    if (node.type !== T.CallExpression) return false;
    const callee = unwrap(node.callee);
    if (callee.type !== T.MemberExpression) return false;
    const method = propertyName(callee);
    return method !== null && options.loggerMethods.has(method);
  });
}
