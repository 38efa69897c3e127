// Small AST helpers that work on TSESTree and on espree's ESTree alike (node types compared by value).
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

export type Node = TSESTree.Node;
export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

/** Keys that hold no child to walk: the parent, positions, comments and type-only parts. */
export const SKIPPED_KEYS = new Set([
  'parent', 'range', 'loc', 'type', 'tokens', 'comments', 'typeAnnotation', 'returnType', 'typeParameters',
  'typeArguments', 'decorators', 'start', 'end',
]);

export function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Calls `visit` on every child node (type annotations skipped). */
export function forEachChild(node: Node, visit: (child: Node) => void): void {
  const record = node as unknown as Record<string, unknown>;
  for (const key in record) {
    if (SKIPPED_KEYS.has(key)) continue;
    const value = record[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) visit(item);
    } else if (isNode(value)) {
      visit(value);
    }
  }
}

export function isFunction(node: Node | null | undefined): node is FunctionNode {
  return (
    node?.type === T.ArrowFunctionExpression || node?.type === T.FunctionExpression || node?.type === T.FunctionDeclaration
  );
}

const WRAPPERS = new Set<string>([
  T.TSAsExpression, T.TSNonNullExpression, T.TSTypeAssertion, T.TSSatisfiesExpression, T.ChainExpression,
  'ParenthesizedExpression', T.TSInstantiationExpression,
]);

/** Strips type-only wrappers: `e as X`, `e!`, `<X>e`, `e satisfies X`, chain expressions. */
export function unwrap(node: Node): Node {
  let current = node;
  while (WRAPPERS.has(current.type)) current = (current as { expression: Node }).expression;
  return current;
}

/** The outermost wrapper around `node` (itself when unwrapped). */
export function outerWrapper(node: Node): Node {
  let current = node;
  while (current.parent && WRAPPERS.has(current.parent.type)) current = current.parent;
  return current;
}

/** `a.b.c`, `this.#log`, `getLogger()`, `a.b().c` — null when any part is not a plain name. */
export function memberPath(node: Node): string | null {
  const current = unwrap(node);
  switch (current.type) {
    case T.Identifier:
      return current.name;
    case T.ThisExpression:
      return 'this';
    case T.Super:
      return 'super';
    case T.MetaProperty:
      return `${current.meta.name}.${current.property.name}`;
    case T.MemberExpression: {
      const object = memberPath(current.object);
      if (object === null) return null;
      const name = propertyName(current);
      return name === null ? null : `${object}.${name}`;
    }
    case T.CallExpression: {
      const callee = memberPath(current.callee);
      return callee === null ? null : `${callee}()`;
    }
    default:
      return null;
  }
}

/** The static property name of a member expression (`#x` for private names). */
export function propertyName(node: TSESTree.MemberExpression): string | null {
  if (!node.computed) {
    return node.property.type === T.PrivateIdentifier ? `#${node.property.name}` : (node.property as TSESTree.Identifier).name;
  }
  if (node.property.type === T.Literal && typeof node.property.value === 'string') return node.property.value;
  if (node.property.type === T.TemplateLiteral && node.property.expressions.length === 0) {
    return node.property.quasis[0]?.value.cooked ?? null;
  }
  return null;
}

/** The last name of a callee: `f` for `f()`, `end` for `a.b.end()`. */
export function calleeName(callee: Node): string | null {
  const current = unwrap(callee);
  if (current.type === T.Identifier) return current.name;
  if (current.type === T.MemberExpression) return propertyName(current);
  return null;
}

export function isStringLike(node: Node): boolean {
  return (node.type === T.Literal && typeof node.value === 'string') || node.type === T.TemplateLiteral;
}

export function stringValue(node: Node): string | null {
  if (node.type === T.Literal && typeof node.value === 'string') return node.value;
  if (node.type === T.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  return null;
}

/** A class's name: its id, else the variable it is assigned to (`const Foo = class { … }`); null when anonymous. */
export function nameOfClass(klass: TSESTree.ClassDeclaration | TSESTree.ClassExpression): string | null {
  if (klass.id) return klass.id.name;
  return klass.parent?.type === T.VariableDeclarator && klass.parent.id.type === T.Identifier ? klass.parent.id.name : null;
}

/** The nearest enclosing function (or null at module level). */
export function enclosingFunction(node: Node): FunctionNode | null {
  let current = node.parent;
  while (current) {
    if (isFunction(current)) return current;
    current = current.parent;
  }
  return null;
}

/** The name a function is known by: its id, the variable, property or method it is assigned to. */
export function functionName(fn: FunctionNode): string | null {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  if (!parent) return null;
  if (parent.type === T.VariableDeclarator && parent.id.type === T.Identifier) return parent.id.name;
  if ((parent.type === T.MethodDefinition || parent.type === T.Property || parent.type === T.PropertyDefinition) && !parent.computed) {
    const key = parent.key;
    if (key.type === T.Identifier) return key.name;
    if (key.type === T.PrivateIdentifier) return key.name;
  }
  if (parent.type === T.AssignmentExpression && parent.left.type === T.MemberExpression) return propertyName(parent.left);
  return null;
}

/** The statement or declaration that holds `node` (itself if it is one). */
export function statementOf(node: Node): Node | null {
  let current: Node | undefined = node;
  while (current && current.parent && !/Statement$|Declaration$/.test(current.type)) current = current.parent;
  return current ?? null;
}

/** Whether `test` holds for `root` or a node under it, not entering functions nested in `root`. */
export function containsNode(root: Node, test: (node: Node) => boolean): boolean {
  let found = false;
  const visit = (node: Node): void => {
    if (found || (node !== root && isFunction(node))) return;
    if (test(node)) found = true;
    else forEachChild(node, visit);
  };
  visit(root);
  return found;
}

/**
 * The concise body of an arrow function as written: from just after `=>` to the arrow's end, so a
 * parenthesised body keeps its parentheses (`() => ({})` gives `({})`; the body node's range leaves
 * them out). Null when `=>` cannot be found inside the arrow.
 */
export function conciseBodySpan(sourceText: string, arrowFunction: Node, body: Node): { start: number; end: number; raw: string } | null {
  const arrow = sourceText.lastIndexOf('=>', body.range[0]);
  if (arrow < arrowFunction.range[0]) return null;
  const [start, end] = [arrow + 2, arrowFunction.range[1]];
  return { start, end, raw: sourceText.slice(start, end).trim() };
}

/** The spaces and tabs that start the line of `offset`. */
export function indentAt(sourceText: string, offset: number): string {
  const lineStart = sourceText.lastIndexOf('\n', offset - 1) + 1;
  let end = lineStart;
  while (end < sourceText.length && (sourceText.charCodeAt(end) === 0x20 || sourceText.charCodeAt(end) === 0x09)) end++;
  return sourceText.slice(lineStart, end);
}

export function lineOf(node: Node): number {
  return node.loc.start.line;
}

/** `require('x')` with a literal specifier: `'x'`; null for any other expression. */
export function requiredSpecifier(node: Node): string | null {
  if (node.type !== T.CallExpression || node.callee.type !== T.Identifier || node.callee.name !== 'require') return null;
  const [specifier] = node.arguments;
  return specifier?.type === T.Literal && typeof specifier.value === 'string' ? specifier.value : null;
}

/** The module specifiers of one top-level statement: an import's source, or `require("x")` in a declaration or an expression. */
export function moduleSources(statement: TSESTree.ProgramStatement): TSESTree.Literal[] {
  if (statement.type === T.ImportDeclaration) return [statement.source];
  const roots: TSESTree.Node[] = [];
  if (statement.type === T.VariableDeclaration) for (const declarator of statement.declarations) if (declarator.init) roots.push(declarator.init);
  if (statement.type === T.ExpressionStatement) roots.push(statement.expression);
  const found: TSESTree.Literal[] = [];
  for (let node of roots) {
    // `require("x")`, `require("x").y`, `require("x")(options)`, `a = require("x")`.
    for (;;) {
      if (node.type === T.AssignmentExpression) node = node.right;
      else if (node.type === T.MemberExpression) node = node.object;
      else if (node.type === T.CallExpression && !(node.callee.type === T.Identifier && node.callee.name === 'require')) node = node.callee;
      else break;
    }
    const argument = node.type === T.CallExpression ? node.arguments[0] : undefined;
    if (argument?.type === T.Literal && typeof argument.value === 'string') found.push(argument);
  }
  return found;
}

/** The comments that start within [start, end), by binary search (comments are in source order). */
export function commentsWithin(comments: readonly TSESTree.Comment[], start: number, end: number): TSESTree.Comment[] {
  let low = 0;
  let high = comments.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (comments[middle]!.range[0] < start) low = middle + 1;
    else high = middle;
  }
  const result: TSESTree.Comment[] = [];
  for (let i = low; i < comments.length && comments[i]!.range[0] < end; i++) result.push(comments[i]!);
  return result;
}
