// Without types: which module a call reaches, by syntax. A callee is followed to its root binding
// (`fs.readFile` → `import fs from 'node:fs'`; `this.pool.query` → `pool: pg.Pool` or
// `this.pool = new Pool()`; `producer.send` → `const producer = kafka.producer()` → `new Kafka()`),
// through imports, variable initialisers, typed parameters and class members, a few steps deep.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { AnalysisInput } from '../types.js';
import { forEachChild, isFunction } from '../ast.js';
import { findVariable, scopeAt } from '../logger-style.js';

/** A call, a `new`, or a tagged template (postgres.js: sql`select …`). */
export type Call = TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.TaggedTemplateExpression;

export interface CallSite {
  /** Callee text, `new ` first for constructors: `this.pool.query`, `new URL`, `JSON.parse`. */
  label: string | null;
  /** The method or function name called (`query`, `readFile`, `parse`). */
  method: string | null;
  /** The import specifier the callee's root binding comes from, or null. */
  module: string | null;
  /** The root identifier is a global (not declared in the file): `JSON`, `fetch`, `URL`. */
  global: boolean;
  /** The receiver text (`this.pool`, `wrapper.producer`), for the per-library heuristics. */
  receiver: string | null;
}

const MAX_DEPTH = 16;

function text(node: TSESTree.Node): string | null {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
      return node.name;
    case AST_NODE_TYPES.ThisExpression:
      return 'this';
    case AST_NODE_TYPES.MemberExpression: {
      const object = text(node.object);
      if (node.computed || node.property.type !== AST_NODE_TYPES.Identifier) return object === null ? null : `${object}[]`;
      return object === null ? null : `${object}.${node.property.name}`;
    }
    case AST_NODE_TYPES.CallExpression: {
      const callee = text(node.callee);
      return callee === null ? null : `${callee}()`;
    }
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSAsExpression:
      return text(node.expression);
    case AST_NODE_TYPES.AwaitExpression:
      return text(node.argument);
    default:
      return null;
  }
}

function strip(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === AST_NODE_TYPES.ChainExpression ||
    current.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    current.type === AST_NODE_TYPES.AwaitExpression
  ) {
    current = current.type === AST_NODE_TYPES.AwaitExpression ? current.argument : current.expression;
  }
  return current;
}

function typeModule(input: AnalysisInput, type: TSESTree.TypeNode | undefined, at: TSESTree.Node, depth: number): string | null {
  if (!type || depth > MAX_DEPTH) return null;
  switch (type.type) {
    case AST_NODE_TYPES.TSTypeReference: {
      let name: TSESTree.EntityName = type.typeName;
      while (name.type === AST_NODE_TYPES.TSQualifiedName) name = name.left;
      if (name.type !== AST_NODE_TYPES.Identifier) return null;
      // `Promise<Pool>`, `Array<Producer>`: the argument.
      if (['Promise', 'Array', 'ReadonlyArray', 'Awaited'].includes(name.name) && type.typeArguments?.params[0]) {
        return typeModule(input, type.typeArguments.params[0], at, depth + 1);
      }
      return identifierModule(input, name, at, depth + 1);
    }
    case AST_NODE_TYPES.TSUnionType:
      for (const member of type.types) {
        const found = typeModule(input, member, at, depth + 1);
        if (found) return found;
      }
      return null;
    case AST_NODE_TYPES.TSArrayType:
      return typeModule(input, type.elementType, at, depth + 1);
    default:
      return null;
  }
}

function identifierModule(input: AnalysisInput, id: TSESTree.Identifier, at: TSESTree.Node, depth: number): string | null {
  const variable = findVariable(scopeAt(input.scopeManager, at), id.name);
  const def = variable?.defs[0];
  if (!def) return null;
  switch (def.type) {
    case 'ImportBinding':
      return (def.parent as TSESTree.ImportDeclaration).source.value;
    case 'Variable': {
      const declarator = def.node as TSESTree.VariableDeclarator;
      if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.typeAnnotation) {
        const found = typeModule(input, declarator.id.typeAnnotation.typeAnnotation, declarator, depth + 1);
        if (found) return found;
      }
      if (declarator.init) {
        const init = strip(declarator.init);
        // `const fs = require('node:fs')`
        if (init.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === 'require') {
          const arg = init.arguments[0];
          return arg?.type === AST_NODE_TYPES.Literal && typeof arg.value === 'string' ? arg.value : null;
        }
        return expressionModule(input, init, depth + 1);
      }
      return null;
    }
    case 'Parameter': {
      const name = def.name as TSESTree.Identifier;
      return typeModule(input, name.typeAnnotation?.typeAnnotation, name, depth + 1);
    }
    default:
      return null;
  }
}

/** `this.x` inside a class: the member's declared type, initialiser, or a constructor assignment. */
function thisMemberModule(input: AnalysisInput, member: TSESTree.MemberExpression, depth: number): string | null {
  if (member.computed || member.property.type !== AST_NODE_TYPES.Identifier) return null;
  const name = member.property.name;
  let klass: TSESTree.Node | undefined = member.parent;
  while (klass && klass.type !== AST_NODE_TYPES.ClassBody) klass = klass.parent;
  if (!klass || klass.type !== AST_NODE_TYPES.ClassBody) return null;
  for (const element of klass.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && !element.computed && element.key.type === AST_NODE_TYPES.Identifier && element.key.name === name) {
      const found = typeModule(input, element.typeAnnotation?.typeAnnotation, element, depth + 1) ?? (element.value ? expressionModule(input, element.value, depth + 1) : null);
      if (found) return found;
    }
    if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor') {
      for (const param of element.value.params) {
        if (param.type === AST_NODE_TYPES.TSParameterProperty && param.parameter.type === AST_NODE_TYPES.Identifier && param.parameter.name === name) {
          const found = typeModule(input, param.parameter.typeAnnotation?.typeAnnotation, param, depth + 1);
          if (found) return found;
        }
      }
      for (const statement of element.value.body?.body ?? []) {
        if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
        const left = statement.expression.left;
        if (left.type === AST_NODE_TYPES.MemberExpression && left.object.type === AST_NODE_TYPES.ThisExpression && !left.computed && left.property.type === AST_NODE_TYPES.Identifier && left.property.name === name) {
          const found = expressionModule(input, statement.expression.right, depth + 1);
          if (found) return found;
        }
      }
    }
  }
  return null;
}

/** The module an expression's value comes from, by syntax; null when it cannot be followed. */
export function expressionModule(input: AnalysisInput, node: TSESTree.Node, depth = 0): string | null {
  if (depth > MAX_DEPTH) return null;
  const current = strip(node);
  switch (current.type) {
    case AST_NODE_TYPES.Identifier:
      return identifierModule(input, current, current, depth);
    case AST_NODE_TYPES.MemberExpression:
      if (current.object.type === AST_NODE_TYPES.ThisExpression) return thisMemberModule(input, current, depth);
      return expressionModule(input, current.object, depth + 1);
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return expressionModule(input, current.callee, depth + 1);
    default:
      return null;
  }
}

/** What syntax alone says about a call. */
export function describeCall(input: AnalysisInput, call: Call): CallSite {
  const callee = strip(call.type === AST_NODE_TYPES.TaggedTemplateExpression ? call.tag : call.callee);
  const prefix = call.type === AST_NODE_TYPES.NewExpression ? 'new ' : '';
  const calleeText = text(callee);
  const label = calleeText === null ? null : prefix + calleeText;
  let method: string | null = null;
  let receiver: string | null = null;
  if (callee.type === AST_NODE_TYPES.Identifier) method = callee.name;
  else if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) {
    method = callee.property.name;
    receiver = text(callee.object);
  }
  let root: TSESTree.Node = callee;
  while (root.type === AST_NODE_TYPES.MemberExpression || root.type === AST_NODE_TYPES.CallExpression) {
    root = strip(root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee);
  }
  const global = root.type === AST_NODE_TYPES.Identifier && !findVariable(scopeAt(input.scopeManager, call), root.name)?.defs.length;
  return { label, method, module: global ? null : expressionModule(input, callee), global, receiver };
}

const importedModulesByProgram = new WeakMap<TSESTree.Program, ReadonlySet<string>>();

/** Modules the file imports (value or type imports) or `require`s at the top level, collected once per program. */
export function importedModules(input: AnalysisInput): ReadonlySet<string> {
  const cached = importedModulesByProgram.get(input.program);
  if (cached) return cached;
  const modules = new Set<string>();
  for (const statement of input.program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) modules.add(statement.source.value);
  }
  importedModulesByProgram.set(input.program, modules);
  return modules;
}

/** Tagged templates in a try block (not in nested functions): the rewrite's call list has none. */
export function taggedTemplates(root: TSESTree.Node | null): TSESTree.TaggedTemplateExpression[] {
  const found: TSESTree.TaggedTemplateExpression[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node !== root && isFunction(node)) return;
    if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) found.push(node);
    forEachChild(node, visit);
  };
  if (root) visit(root);
  return found;
}
