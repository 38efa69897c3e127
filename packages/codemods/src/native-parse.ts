// The analysis input from oxc-parser (Rust, native binding): the same TS-ESTree typescript-estree
// builds from TypeScript's tree, at under half the cost (TypeScript's parse plus typescript-estree's
// conversion was a third of a run). The tree is made to match typescript-estree's in everything the
// catch model reads: `range`, `loc`, `parent`, `sourceType`, comments, and the order of each node's
// keys (the model walks children in key order, and typescript-estree's keys are alphabetical).
// A file oxc cannot parse, or whose tree could differ (JSX text with character references, which
// typescript-estree decodes), gets `null`: the caller takes TypeScript's path, which also gives
// TypeScript's own parse errors.
import { parseSync } from 'oxc-parser';
import type { ParserOptions } from 'oxc-parser';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { analyze } from '@typescript-eslint/scope-manager';
import type { AnalysisInput } from '@catchwise/eslint-plugin/analysis';

type Node = Record<string, unknown> & { type: string };
type OxcNode = Node & { start: number; end: number };

const MODULE_DECLARATIONS = new Set([
  'ImportDeclaration', 'ExportNamedDeclaration', 'ExportDefaultDeclaration', 'ExportAllDeclaration', 'TSExportAssignment',
]);
/** Keys that never hold a child: left out of the walk (the model's own walk skips the same). */
const NOT_CHILDREN = new Set(['type', 'start', 'end', 'range', 'loc', 'parent']);

/** A node type's keys as oxc gives them (their number), and how a node of that shape is made typescript-estree's. */
interface Shape {
  count: number;
  /** The keys that may hold a child, in typescript-estree's order (not `type`, positions or the parent). */
  children: readonly string[];
  /**
   * The node's copy with typescript-estree's key order (`type`, then alphabetical; oxc's where it
   * already agrees) and its `range`, `loc` and `parent`: one object literal per shape, so each copy
   * is allocated whole, where adding three keys to the parsed object grew it three times.
   */
  build: (node: OxcNode, range: [number, number], loc: TSESTree.SourceLocation, parent: Node | undefined) => Node;
}

/** Per node type, its shapes (oxc gives one per type but for a few without children, `Literal` among them). */
const shapes = new Map<string, Shape[]>();

function shapeOf(node: OxcNode, keys: readonly string[]): Shape {
  let known = shapes.get(node.type);
  if (known === undefined) {
    known = [];
    shapes.set(node.type, known);
  }
  for (const shape of known) if (shape.count === keys.length) return shape;
  const own = keys.filter((key) => key !== 'type' && key !== 'start' && key !== 'end');
  const sorted = [...own].sort();
  const order = sorted.every((key, index) => key === own[index]) ? keys : ['type', ...sorted];
  const properties = order.map((key) => `${JSON.stringify(key)}: node[${JSON.stringify(key)}]`);
  const build = new Function('node', 'range', 'loc', 'parent', `return { ${[...properties, 'range', 'loc', 'parent'].join(', ')} };`) as Shape['build'];
  const shape: Shape = { count: keys.length, children: order.filter((key) => !NOT_CHILDREN.has(key)), build };
  known.push(shape);
  return shape;
}

/** Where each line starts (TypeScript's line breaks: LF, CR, CRLF, U+2028, U+2029). */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 13) {
      if (text.charCodeAt(index + 1) === 10) index++;
      starts.push(index + 1);
    } else if (code === 10 || code === 0x2028 || code === 0x2029) {
      starts.push(index + 1);
    }
  }
  return starts;
}

/** Line and column of an offset; the line of the previous lookup is tried first (most nodes share a line with the last one). */
function positionIn(lines: Lines, offset: number): TSESTree.Position {
  const { starts } = lines;
  let line = lines.last;
  if (!(starts[line]! <= offset && (line + 1 === starts.length || offset < starts[line + 1]!))) {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    line = low;
    lines.last = line;
  }
  return { line: line + 1, column: offset - starts[line]! };
}

function isNode(value: unknown): value is OxcNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

interface Lines {
  starts: number[];
  /** The line (0-based) the last lookup found. */
  last: number;
}

interface Conversion {
  lines: Lines;
  /** A node whose typescript-estree form could differ was met. */
  unsure: boolean;
  /** A catch clause, `.catch(cb)` or `.then(ok, cb)` was met (as `mayHoldHandler` on TypeScript's tree). */
  holdsHandler: boolean;
  /** Syntax oxc accepts and TypeScript's parser refuses was met (see `isLaxerThanTypescript`). */
  laxerThanTypescript: boolean;
}

const CALLEE_WRAPPERS = new Set(['TSAsExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'TSSatisfiesExpression', 'TSInstantiationExpression']);

/** `p.catch(cb)`, `p?.then(ok, cb)`, `(p.catch as F)(cb)`: a call the plugin's handler finder reads as a handler. */
function isHandlerCall(call: Node): boolean {
  let callee = call.callee as Node;
  while (CALLEE_WRAPPERS.has(callee.type)) callee = callee.expression as Node;
  if (callee.type !== 'MemberExpression' || callee.computed) return false;
  const property = callee.property as Node;
  if (property.type !== 'Identifier') return false;
  const count = (call.arguments as unknown[]).length;
  return (property.name === 'catch' && count >= 1) || (property.name === 'then' && count >= 2);
}

const TYPE_ONLY_WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSTypeAssertion']);
// A legacy octal or leading-zero number (`0123`, `08`), or an escape of a digit in a string (`'\01'`,
// `'\8'`; `'\0'` too, which both accept: the test stays simple).
const LEGACY_NUMBER = /^0[0-9]/;
const DIGIT_ESCAPE = /\\[0-9]/;

/**
 * Syntax oxc accepts and TypeScript's parser refuses (found by comparing the two on random edits of
 * real files and of the codemod's rewrites): a type assertion as an assignment target (`a as T = b`,
 * `<T>a = b`; oxc's tree has no parentheses, so `(a as T) = b`, which both accept, counts too), and
 * sloppy mode's octal numbers and escapes. Every other difference found is oxc refusing more.
 */
function isLaxerThanTypescript(node: OxcNode): boolean {
  switch (node.type) {
    case 'AssignmentExpression':
      return TYPE_ONLY_WRAPPERS.has((node.left as Node).type);
    case 'UpdateExpression':
      return TYPE_ONLY_WRAPPERS.has((node.argument as Node).type);
    case 'Literal': {
      const raw = node.raw as string | null | undefined;
      if (typeof raw !== 'string') return false;
      return typeof node.value === 'number' || typeof node.value === 'bigint' ? LEGACY_NUMBER.test(raw) : typeof node.value === 'string' && DIGIT_ESCAPE.test(raw);
    }
    default:
      return false;
  }
}

/** The node in typescript-estree's shape (a copy), its subtree adopted. */
function adopt(node: OxcNode, parent: Node | undefined, conversion: Conversion): Node {
  const shape = shapeOf(node, Object.keys(node));
  const loc = { start: positionIn(conversion.lines, node.start), end: positionIn(conversion.lines, node.end) };
  const own = shape.build(node, [node.start, node.end], loc, parent);
  if (node.type === 'CatchClause' || (node.type === 'CallExpression' && isHandlerCall(node))) conversion.holdsHandler = true;
  if (node.type === 'JSXText' || (node.type === 'Literal' && parent?.type === 'JSXAttribute')) {
    if ((node.raw as string | undefined)?.includes('&')) conversion.unsure = true;
  } else if (!conversion.laxerThanTypescript && isLaxerThanTypescript(node)) {
    conversion.laxerThanTypescript = true;
  }
  for (const key of shape.children) {
    const value = own[key];
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        const item: unknown = value[index];
        if (isNode(item)) value[index] = adopt(item, own, conversion);
      }
    } else if (isNode(value)) {
      own[key] = adopt(value, own, conversion);
    }
  }
  return own;
}

function oxcLanguage(fileName: string): 'js' | 'jsx' | 'ts' | 'tsx' {
  if (/\.tsx$/i.test(fileName)) return 'tsx';
  if (/\.[cm]?ts$/i.test(fileName)) return 'ts';
  // TypeScript reads JSX in every JavaScript file, as typescript-estree does.
  return 'jsx';
}

function oxcSourceType(fileName: string): 'module' | 'commonjs' | 'unambiguous' {
  if (/\.m[jt]s$/i.test(fileName)) return 'module';
  if (/\.c[jt]s$/i.test(fileName)) return 'commonjs';
  return 'unambiguous';
}

/**
 * typescript-estree's `sourceType`: `module` when TypeScript would call the file an external module
 * (an import or export, `import.meta`; `.mjs`/`.mts` always), else `script`.
 */
function estreeSourceType(program: Node, fileName: string, importMetas: number): 'module' | 'script' {
  if (/\.m[jt]s$/i.test(fileName) || importMetas > 0) return 'module';
  for (const statement of program.body as Node[]) {
    if (MODULE_DECLARATIONS.has(statement.type)) return 'module';
    if (statement.type === 'TSImportEqualsDeclaration' && (statement.moduleReference as Node).type === 'TSExternalModuleReference') return 'module';
  }
  return 'script';
}

export function oxcOptions(fileName: string): ParserOptions {
  return { lang: oxcLanguage(fileName), sourceType: oxcSourceType(fileName), astType: 'ts', preserveParens: false };
}

export interface NativeParse {
  program: TSESTree.Program;
  /** Whether the tree holds anything the handler finder reports on (else no scopes or analysis are needed). */
  holdsHandler: boolean;
  /**
   * Whether the text holds syntax oxc accepts and TypeScript's parser refuses: then oxc's verdict on
   * a rewrite of it is not TypeScript's (`oxcParses`).
   */
  laxerThanTypescript: boolean;
}

/**
 * typescript-estree's tree of a file (text without its BOM) from oxc, or null when TypeScript's path
 * must decide (oxc reports an error, or the tree could differ from typescript-estree's).
 */
export function nativeParse(text: string, fileName: string): NativeParse | null {
  const result = parseSync(fileName, text, oxcOptions(fileName));
  if (result.errors.length > 0) return null;
  const conversion: Conversion = { lines: { starts: lineStartsOf(text), last: 0 }, unsure: false, holdsHandler: false, laxerThanTypescript: false };
  const oxcProgram = result.program as unknown as OxcNode;
  delete oxcProgram.hashbang; // a comment to typescript-estree (and not one the model reads)
  const program = adopt(oxcProgram, undefined, conversion);
  if (conversion.unsure) return null;
  program.sourceType = estreeSourceType(program, fileName, result.module.importMetas.length);
  program.comments = result.comments.map((comment) => ({
    type: comment.type,
    value: comment.value,
    range: [comment.start, comment.end],
    loc: { start: positionIn(conversion.lines, comment.start), end: positionIn(conversion.lines, comment.end) },
  }));
  return { program: program as unknown as TSESTree.Program, holdsHandler: conversion.holdsHandler, laxerThanTypescript: conversion.laxerThanTypescript };
}

/**
 * Whether oxc parses the text without an error, read as `nativeParse` reads a file (its tree is
 * never built on the JavaScript side: a third of the cost of TypeScript's parse). The tree oxc
 * still serialises is its JavaScript-only one, a quarter cheaper: `astType` changes what is
 * serialised, not what is parsed (same errors on every output and edit measured).
 */
export function oxcParses(text: string, fileName: string): boolean {
  return parseSync(fileName, text, { ...oxcOptions(fileName), astType: 'js' }).errors.length === 0;
}

/** The scopes of a tree from `nativeParse`, as `toAnalysisInput` builds them. */
export function nativeAnalysisInput(program: TSESTree.Program, text: string, fileName: string): AnalysisInput {
  const script = /\.cjs$/i.test(fileName);
  // No lib globals: the model resolves the file's own bindings (as in `toAnalysisInput`).
  const scopeManager = analyze(program, { sourceType: script ? 'script' : 'module', globalReturn: script, lib: [] });
  return { program: program as unknown as AnalysisInput['program'], scopeManager, sourceText: text, fileName };
}
