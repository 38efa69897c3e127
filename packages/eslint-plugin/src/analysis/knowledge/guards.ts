// Rendering a catalog `Guard` into the expression the rewrite generates, for one file: uses a
// binding already in scope when there is one, else adds the import the guard needs (one edit per
// module, merged into an existing import in the file's own quote style), else the entry's fallback.
// Every expression type-checks when the binding is `unknown` or `any`.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/scope-manager';
import type { AnalysisInput } from '../types.js';
import { findVariable } from '../logger-style.js';
import type { Guard } from './catalog.js';
import { expressionModule } from './calls.js';

export interface NeededImport {
  from: string;
  name: string;
}

export interface RenderedGuard {
  guard: (binding: string) => string;
  imports: NeededImport[];
  /** How the guard was rendered: `instanceof (in scope)`, `instanceof (import added)`, `name`, … */
  how: string;
}

export interface GuardContext {
  input: AnalysisInput;
  scope: Scope | null;
  /** The quote the file uses. */
  quote: "'" | '"';
  /** Names this rewrite already imports (so two guards do not clash). */
  planned: NeededImport[];
}

function str(value: string | number, quote: "'" | '"'): string {
  return typeof value === 'number' ? String(value) : quote + value.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`) + quote;
}

/** A value binding for `name` in scope (not a type-only import), or null. */
export function valueBinding(scope: Scope | null, name: string): 'value' | 'type-only' | null {
  const variable = findVariable(scope, name);
  if (!variable || variable.defs.length === 0) return null;
  for (const def of variable.defs) {
    if (def.type === 'ImportBinding') {
      const declaration = def.parent as TSESTree.ImportDeclaration;
      const specifier = def.node as TSESTree.ImportClause;
      if (declaration.importKind === 'type') return 'type-only';
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === 'type') return 'type-only';
      return 'value';
    }
    if (def.type === 'Type') return 'type-only';
  }
  return 'value';
}

/** `X` in scope is imported from the module, or destructured from something that is (`const { X } = pg`). */
function bindingComesFrom(context: GuardContext, name: string, matches: (specifier: string) => boolean): boolean {
  const def = findVariable(context.scope, name)?.defs[0];
  if (!def) return false;
  if (def.type === 'ImportBinding') return matches((def.parent as TSESTree.ImportDeclaration).source.value);
  if (def.type === 'Variable') {
    const declarator = def.node as TSESTree.VariableDeclarator;
    const module = declarator.init ? expressionModule(context.input, declarator.init) : null;
    return module !== null && matches(module);
  }
  return false;
}

/** Value imports of `from` in the file: default, namespace and named (imported → local). */
export function importsOf(input: AnalysisInput, from: (specifier: string) => boolean): {
  specifier: string;
  defaultName: string | null;
  namespaceName: string | null;
  named: Map<string, string>;
}[] {
  const found = [];
  for (const statement of input.program.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.importKind === 'type') continue;
    if (!from(statement.source.value)) continue;
    let defaultName: string | null = null;
    let namespaceName: string | null = null;
    const named = new Map<string, string>();
    for (const spec of statement.specifiers) {
      if (spec.type === AST_NODE_TYPES.ImportDefaultSpecifier) defaultName = spec.local.name;
      else if (spec.type === AST_NODE_TYPES.ImportNamespaceSpecifier) namespaceName = spec.local.name;
      else if (spec.importKind !== 'type') {
        const imported = spec.imported.type === AST_NODE_TYPES.Identifier ? spec.imported.name : String(spec.imported.value);
        named.set(imported, spec.local.name);
      }
    }
    found.push({ specifier: statement.source.value, defaultName, namespaceName, named });
  }
  // CommonJS: `const pg = require('pg')`, `const { DatabaseError } = require('pg')`.
  for (const statement of input.program.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      const init = declarator.init;
      if (init?.type !== AST_NODE_TYPES.CallExpression || init.callee.type !== AST_NODE_TYPES.Identifier || init.callee.name !== 'require') continue;
      const argument = init.arguments[0];
      if (argument?.type !== AST_NODE_TYPES.Literal || typeof argument.value !== 'string' || !from(argument.value)) continue;
      const named = new Map<string, string>();
      let defaultName: string | null = null;
      if (declarator.id.type === AST_NODE_TYPES.Identifier) defaultName = declarator.id.name;
      else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
        for (const prop of declarator.id.properties) {
          if (prop.type === AST_NODE_TYPES.Property && prop.key.type === AST_NODE_TYPES.Identifier && prop.value.type === AST_NODE_TYPES.Identifier) named.set(prop.key.name, prop.value.name);
        }
      }
      found.push({ specifier: argument.value, defaultName, namespaceName: null, named });
    }
  }
  return found;
}

/** An import may be added only to an ES module (one that already imports or exports). */
function canAddImport(context: GuardContext): boolean {
  return context.input.program.body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.ImportDeclaration ||
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
      statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
      statement.type === AST_NODE_TYPES.ExportAllDeclaration,
  );
}

/** True when `name` can be introduced by an import without clashing with anything in scope. */
function freeName(context: GuardContext, name: string): boolean {
  return !findVariable(context.scope, name) && !findVariable(context.input.scopeManager.globalScope, name);
}

/** The specifier the file already uses for a module (`node:fs` vs `fs`), else `fallback`. */
function specifierFor(context: GuardContext, matches: (specifier: string) => boolean, fallback: string): string {
  return importsOf(context.input, matches)[0]?.specifier ?? fallback;
}

function matcher(from: string): (specifier: string) => boolean {
  if (from.endsWith('/*')) return (specifier) => specifier.startsWith(from.slice(0, -1));
  return (specifier) => specifier === from;
}

function planImport(context: GuardContext, from: string, name: string): NeededImport {
  const wanted = { from, name };
  if (!context.planned.some((other) => other.from === from && other.name === name)) context.planned.push(wanted);
  return wanted;
}

/** Renders `guard` for the file, or null when no safe form exists here. */
export function renderGuard(guard: Guard, context: GuardContext): RenderedGuard | null {
  const q = context.quote;
  switch (guard.kind) {
    case 'global-class': {
      if (findVariable(context.scope, guard.className)?.defs.length) return null; // shadowed
      return { guard: (b) => `${b} instanceof ${guard.className}`, imports: [], how: 'instanceof (global class)' };
    }
    case 'class': {
      const binding = valueBinding(context.scope, guard.className);
      if (binding === 'value' && (guard.from === '' || bindingComesFrom(context, guard.className, matcher(guard.from)))) return { guard: (b) => `${b} instanceof ${guard.className}`, imports: [], how: 'instanceof (class in scope)' };
      const matches = matcher(guard.from);
      if (guard.namespaceMember) {
        for (const found of importsOf(context.input, matches)) {
          // A namespace import of a CommonJS module only sees what cjs-module-lexer detects.
          const holder = found.defaultName ?? (guard.importable ? found.namespaceName : null) ?? (guard.from === 'zod' ? (found.named.get('z') ?? null) : null);
          if (holder) return { guard: (b) => `${b} instanceof ${holder}.${guard.className}`, imports: [], how: `instanceof (${holder}.${guard.className})` };
        }
      }
      if (guard.importable && binding === null && canAddImport(context) && (freeName(context, guard.className) || context.planned.some((p) => p.name === guard.className))) {
        const needed = planImport(context, specifierFor(context, matches, guard.from), guard.className);
        return { guard: (b) => `${b} instanceof ${guard.className}`, imports: [needed], how: 'instanceof (import added)' };
      }
      return guard.fallback ? renderGuard(guard.fallback, context) : null;
    }
    case 'function': {
      const binding = valueBinding(context.scope, guard.name);
      if (binding === 'value') return { guard: (b) => `${guard.name}(${b})`, imports: [], how: `${guard.name}() (in scope)` };
      const matches = matcher(guard.from);
      for (const found of importsOf(context.input, matches)) {
        const named = found.named.get(guard.name);
        if (named) return { guard: (b) => `${named}(${b})`, imports: [], how: `${guard.name}() (imported)` };
        const holder = found.defaultName ?? found.namespaceName;
        if (holder) return { guard: (b) => `${holder}.${guard.name}(${b})`, imports: [], how: `${holder}.${guard.name}()` };
      }
      if (binding === null && canAddImport(context) && freeName(context, guard.name)) {
        const needed = planImport(context, specifierFor(context, matches, guard.from), guard.name);
        return { guard: (b) => `${guard.name}(${b})`, imports: [needed], how: `${guard.name}() (import added)` };
      }
      return guard.fallback ? renderGuard(guard.fallback, context) : null;
    }
    case 'static': {
      // `@aws-sdk/client-s3`: an imported `S3ServiceException`, else one derived from `S3Client`.
      for (const found of importsOf(context.input, matcher(guard.from))) {
        for (const [imported, local] of found.named) {
          if (imported.endsWith(guard.className)) return { guard: (b) => `${local}.${guard.method}(${b})`, imports: [], how: `${imported}.${guard.method}() (imported)` };
        }
        for (const imported of found.named.keys()) {
          const match = /^(\w+)Client$/.exec(imported);
          if (!match) continue;
          const className = `${match[1]}${guard.className}`;
          if (!freeName(context, className) || !canAddImport(context)) continue;
          const needed = planImport(context, found.specifier, className);
          return { guard: (b) => `${className}.${guard.method}(${b})`, imports: [needed], how: `${className}.${guard.method}() (import added)` };
        }
      }
      return guard.fallback ? renderGuard(guard.fallback, context) : null;
    }
    case 'name': {
      const names = guard.names ?? [];
      const nameTest = (b: string): string => {
        if (guard.prefix) return `${b}.name.startsWith(${str(guard.prefix, q)})`;
        if (names.length === 1) return `${b}.name === ${str(names[0]!, q)}`;
        if (names.length <= 3) return `(${names.map((name) => `${b}.name === ${str(name, q)}`).join(' || ')})`;
        return `[${names.map((name) => str(name, q)).join(', ')}].includes(${b}.name)`;
      };
      const codeTest = guard.codes || guard.codePrefix ? (b: string): string => ` && ${codeExpression(b, guard.codes, guard.codePrefix, q)}` : () => '';
      return { guard: (b) => `${b} instanceof Error && ${nameTest(b)}${codeTest(b)}`, imports: [], how: 'name' + (guard.codes ? ' + code' : '') };
    }
    case 'code': {
      const props = (guard.props ?? []).map((prop) => (b: string) => `${str(prop, q)} in ${b}`);
      return {
        guard: (b) => [`${b} instanceof Error`, ...props.map((prop) => prop(b)), ...(guard.codes || guard.codePrefix ? [codeExpression(b, guard.codes, guard.codePrefix, q)] : [])].join(' && '),
        imports: [],
        how: guard.codes || guard.codePrefix ? 'code' : 'properties',
      };
    }
    case 'abort':
      return { guard: (b) => `${b} instanceof Error && (${b}.name === ${str('AbortError', q)} || ${b}.name === ${str('TimeoutError', q)})`, imports: [], how: 'name (AbortError/TimeoutError)' };
  }
}

function codeExpression(b: string, codes: (string | number)[] | undefined, prefix: string | undefined, q: "'" | '"'): string {
  if (prefix) return `${str('code', q)} in ${b} && typeof ${b}.code === ${str('string', q)} && ${b}.code.startsWith(${str(prefix, q)})`;
  const list = codes ?? [];
  if (list.length === 1) return `${str('code', q)} in ${b} && ${b}.code === ${str(list[0]!, q)}`;
  if (list.length === 2) return `${str('code', q)} in ${b} && (${list.map((code) => `${b}.code === ${str(code, q)}`).join(' || ')})`;
  const type = typeof list[0] === 'number' ? 'number' : 'string';
  return `${str('code', q)} in ${b} && typeof ${b}.code === ${str(type, q)} && [${list.map((code) => str(code, q)).join(', ')}].includes(${b}.code)`;
}
