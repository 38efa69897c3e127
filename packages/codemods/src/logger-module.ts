// What a local logger module declares about its level methods: a home-made logger such as
// `class Logger { error(module: string, msg: unknown) { … } }` takes no error object after its two
// arguments (a third is dropped at run time and fails the type check), so the rewrite must not
// append one. Read once per module and run, with oxc.
import { parseSync } from 'oxc-parser';
import { oxcOptions } from './native-parse.js';

const LEVEL_METHODS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);

/** An oxc ESTree node, read by its fields. */
export type OxcNode = { type: string; [key: string]: unknown };

export interface LevelMethodParameters {
  /** By level method name: its most parameters, for the names every declaration of which has a fixed list. */
  counts: Record<string, number>;
  /** By the same names: the first parameter's name in the first declaration (`module` in `error(module, msg)`). */
  firstNames: Record<string, string>;
  /**
   * By the same names, where there are any: the positions of parameters declared with a type a
   * caught error (`unknown`) cannot be passed as (`error: Error`), in any declaration.
   */
  typedParameters: Record<string, number[]>;
}

/**
 * The parameter lists of the level methods the module declares (class methods, object literal
 * methods and properties, function declarations); a name with a rest parameter anywhere is left
 * out (any number). Null when the module does not parse or declares none with a fixed list.
 */
export function levelMethodParameters(text: string, fileName: string): LevelMethodParameters | null {
  const result = parseSync(fileName, text, oxcOptions(fileName));
  if (result.errors.length > 0) return null;
  const counts = new Map<string, number>();
  const firstNames: Record<string, string> = {};
  const typed = new Map<string, Set<number>>();
  visit(result.program as unknown as OxcNode, (name, fn) => {
    const params = (fn.params as OxcNode[]).filter((param) => !(param.type === 'Identifier' && param.name === 'this'));
    const count = params.some((param) => param.type === 'RestElement') ? Infinity : params.length;
    counts.set(name, Math.max(counts.get(name) ?? 0, count));
    const first = params[0];
    if (!(name in firstNames) && first?.type === 'Identifier') firstNames[name] = first.name as string;
    params.forEach((param, index) => {
      if (!takesUnknown(param, fn)) typed.set(name, (typed.get(name) ?? new Set()).add(index));
    });
  });
  const fixed = [...counts].filter(([, count]) => count !== Infinity);
  if (fixed.length === 0) return null;
  const pick = <T>(record: Record<string, T>): Record<string, T> => Object.fromEntries(fixed.filter(([name]) => name in record).map(([name]) => [name, record[name]!]));
  const typedParameters = pick(Object.fromEntries([...typed].map(([name, positions]) => [name, [...positions].sort((a, b) => a - b)])));
  return { counts: Object.fromEntries(fixed), firstNames: pick(firstNames), typedParameters };
}

/**
 * Whether a parameter accepts a caught error, typed `unknown`: no annotation, `unknown` or `any`
 * (alone or in a union), or one of the function's own type parameters (`error<E>(e: E)`).
 */
function takesUnknown(param: OxcNode, fn: OxcNode): boolean {
  const target = param.type === 'AssignmentPattern' ? (param.left as OxcNode) : param;
  const annotation = (target.typeAnnotation as OxcNode | null | undefined)?.typeAnnotation as OxcNode | undefined;
  if (!annotation) return true;
  const open = (type: OxcNode): boolean => {
    if (type.type === 'TSUnknownKeyword' || type.type === 'TSAnyKeyword') return true;
    if (type.type === 'TSUnionType') return (type.types as OxcNode[]).some(open);
    if (type.type === 'TSParenthesizedType') return open(type.typeAnnotation as OxcNode);
    if (type.type === 'TSTypeReference' && (type.typeName as OxcNode).type === 'Identifier') {
      const declared = ((fn.typeParameters as OxcNode | null | undefined)?.params as OxcNode[] | undefined) ?? [];
      return declared.some((typeParameter) => (typeParameter.name as OxcNode).name === (type.typeName as OxcNode).name);
    }
    return false;
  };
  return open(annotation);
}

/** Calls `found` with each level-method name and the function declared under it. */
function visit(node: OxcNode, found: (name: string, fn: OxcNode) => void): void {
  const declared = levelMethodOf(node);
  if (declared) found(declared.name, declared.fn);
  for (const key in node) {
    if (key === 'parent') continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof item === 'object' && typeof (item as OxcNode).type === 'string') visit(item as OxcNode, found);
    } else if (value && typeof value === 'object' && typeof (value as OxcNode).type === 'string') {
      visit(value as OxcNode, found);
    }
  }
}

const FUNCTIONS = new Set(['FunctionExpression', 'ArrowFunctionExpression', 'FunctionDeclaration']);

/** `error(a, b) {}`, `error: (a, b) => …`, `error = (a, b) => …`, `function error(a, b) {}`. */
function levelMethodOf(node: OxcNode): { name: string; fn: OxcNode } | null {
  if (node.type === 'FunctionDeclaration') {
    const id = node.id as OxcNode | null;
    return id && LEVEL_METHODS.has(id.name as string) ? { name: id.name as string, fn: node } : null;
  }
  if (node.type !== 'MethodDefinition' && node.type !== 'Property' && node.type !== 'PropertyDefinition') return null;
  const key = node.key as OxcNode;
  const value = node.value as OxcNode | null;
  if (node.computed || key.type !== 'Identifier' || !LEVEL_METHODS.has(key.name as string)) return null;
  if (!value || !FUNCTIONS.has(value.type) || node.kind === 'get' || node.kind === 'set') return null;
  return { name: key.name as string, fn: value };
}
