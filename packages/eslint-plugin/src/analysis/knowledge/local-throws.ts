// Without types: `throw new X(…)` in the file's own functions that a try block calls, where the
// throw is not caught inside them (not under a `try` with a `catch`, not in a nested function),
// followed through local calls two levels deep. `parseTimestamp()` → `throw new RangeError(…)`.
// Plain `Error` is left out: it says nothing the fallback does not.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { AnalysisInput } from '../types.js';
import { forEachChild, isFunction, type FunctionNode } from '../ast.js';
import { findVariable, scopeAt } from '../logger-style.js';
import type { Call } from './calls.js';

export interface LocalThrow {
  /** The class thrown (`RangeError`, `ValidationError`). */
  name: string;
  /** `parseTimestamp (circuit-breaker.ts:11)`, with the local calls before it. */
  via: string[];
}

/** The local function a call reaches: `f()` (declaration or `const f = () => …`) or `this.m()` in the same class. */
function localTarget(input: AnalysisInput, call: Call): { fn: FunctionNode; name: string } | null {
  const callee = call.type === AST_NODE_TYPES.TaggedTemplateExpression ? call.tag : call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const def = findVariable(scopeAt(input.scopeManager, call), callee.name)?.defs[0];
    if (!def) return null;
    if (def.type === 'FunctionName' && isFunction(def.node as TSESTree.Node)) return { fn: def.node as FunctionNode, name: callee.name };
    if (def.type === 'Variable') {
      const init = (def.node as TSESTree.VariableDeclarator).init;
      if (init && isFunction(init)) return { fn: init, name: callee.name };
    }
    return null;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) {
    const name = callee.property.name;
    let body: TSESTree.Node | undefined = call.parent;
    while (body && body.type !== AST_NODE_TYPES.ClassBody) body = body.parent;
    if (!body || body.type !== AST_NODE_TYPES.ClassBody) return null;
    const method = methodsOf(body).get(name);
    return method?.value.type === AST_NODE_TYPES.FunctionExpression ? { fn: method.value, name } : null;
  }
  return null;
}

// A class's methods by name (the first of a name, as a lookup in source order finds it): a large
// class's try blocks call `this.m()` many times.
const classMethods = new WeakMap<TSESTree.ClassBody, Map<string, TSESTree.MethodDefinition>>();

function methodsOf(body: TSESTree.ClassBody): Map<string, TSESTree.MethodDefinition> {
  let methods = classMethods.get(body);
  if (methods) return methods;
  methods = new Map();
  for (const element of body.body) {
    if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'method' && !element.computed && element.key.type === AST_NODE_TYPES.Identifier && !methods.has(element.key.name)) {
      methods.set(element.key.name, element);
    }
  }
  classMethods.set(body, methods);
  return methods;
}

interface FunctionSummary {
  /** Classes of the uncaught `throw new X(…)` in the body, in source order. */
  thrown: string[];
  /** Calls outside any caught `try` and outside nested functions, in source order. */
  calls: Call[];
}

// A file's local function is summarised once, however many handlers' try blocks reach it.
const summaries = new WeakMap<FunctionNode, FunctionSummary>();

function summarise(fn: FunctionNode): FunctionSummary {
  const cached = summaries.get(fn);
  if (cached) return cached;
  const summary: FunctionSummary = { thrown: [], calls: [] };
  const visit = (node: TSESTree.Node): void => {
    if (node !== fn && isFunction(node)) return;
    if (node.type === AST_NODE_TYPES.TryStatement && node.handler) {
      visit(node.handler.body);
      if (node.finalizer) visit(node.finalizer);
      return;
    }
    if (node.type === AST_NODE_TYPES.ThrowStatement && node.argument.type === AST_NODE_TYPES.NewExpression && node.argument.callee.type === AST_NODE_TYPES.Identifier) {
      summary.thrown.push(node.argument.callee.name);
    }
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) summary.calls.push(node);
    forEachChild(node, visit);
  };
  visit(fn.body);
  summaries.set(fn, summary);
  return summary;
}

/** Classes thrown by the local functions the calls reach, `depth` levels deep. */
export function localThrows(input: AnalysisInput, calls: readonly Call[], depth = 2): LocalThrow[] {
  const out: LocalThrow[] = [];
  const seen = new Set<FunctionNode>();
  const base = input.fileName.replace(/\\/g, '/').split('/').pop() ?? input.fileName;
  const walk = (call: Call, via: string[], level: number): void => {
    const target = localTarget(input, call);
    if (!target || seen.has(target.fn)) return;
    seen.add(target.fn);
    const here = [...via, `${target.name} (${base}:${target.fn.loc.start.line})`];
    const summary = summarise(target.fn);
    for (const name of summary.thrown) {
      if (name !== 'Error' && !out.some((known) => known.name === name)) out.push({ name, via: here });
    }
    if (level < depth) for (const next of summary.calls) walk(next, here, level + 1);
  };
  for (const call of calls) walk(call, [], 1);
  return out;
}
