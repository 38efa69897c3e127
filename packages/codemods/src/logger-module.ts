// What a local logger module declares about its level methods: a home-made logger such as
// `class Logger { error(module: string, msg: unknown) { … } }` takes no error object after its two
// arguments (a third is dropped at run time and fails the type check), so the rewrite must not
// append one. Read once per module and run, with oxc.
import { parseSync } from 'oxc-parser';
import { oxcOptions } from './native-parse.js';

const LEVEL_METHODS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);

type OxcNode = { type: string; [key: string]: unknown };

export interface LevelMethodParameters {
  /** By level method name: its most parameters, for the names every declaration of which has a fixed list. */
  counts: Record<string, number>;
  /** By the same names: the first parameter's name in the first declaration (`module` in `error(module, msg)`). */
  firstNames: Record<string, string>;
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
  visit(result.program as unknown as OxcNode, (name, fn) => {
    const params = (fn.params as OxcNode[]).filter((param) => !(param.type === 'Identifier' && param.name === 'this'));
    const count = params.some((param) => param.type === 'RestElement') ? Infinity : params.length;
    counts.set(name, Math.max(counts.get(name) ?? 0, count));
    const first = params[0];
    if (!(name in firstNames) && first?.type === 'Identifier') firstNames[name] = first.name as string;
  });
  const fixed = [...counts].filter(([, count]) => count !== Infinity);
  if (fixed.length === 0) return null;
  return { counts: Object.fromEntries(fixed), firstNames: Object.fromEntries(fixed.filter(([name]) => name in firstNames).map(([name]) => [name, firstNames[name]!])) };
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
