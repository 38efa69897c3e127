// Reason comments the per-comment matcher misses (precision audit, idiom 4 and bug 2):
// (a) a reason spread over consecutive `//` lines above the statement, judged as one comment;
// (b) one comment above a run of same-shaped statements covers each of them;
// (c) the doc comment (JSDoc, or `//` lines in its place) of the enclosing function, when it names the failure and its outcome;
// (d) the description after `--` of an `eslint-disable*` directive;
// (e) a comment directly above the `.catch(` link of a chain written one link per line.
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { calleeName, commentsWithin, enclosingFunction, statementOf, unwrap, type Node } from './ast.js';
import { isReasonAbove, isReasonComment } from './idioms.js';
import type { ResolvedOptions } from './options.js';
import type { HandlerAnalysis } from './paths.js';

const FAILURE = /\b(?:fail\w*|errors?|throws?|thrown|invalid|missing|unreadable|cannot|can't|unable|tolerat\w*|best[- ]effort|silent\w*)\b/i;
const OUTCOME = /\b(?:null|undefined|false|empty|fall(?:s)?[- ]?back|ignored|no-op|counts as|tolerated|cleared)\b/i;
const DIRECTIVE_REASON = /^\s*eslint-disable(?:-next-line|-line)?\b[^\n]*?\s--\s+(.+)$/s;

function onlySpace(sourceText: string, from: number, to: number): boolean {
  return /^[ \t]*\r?\n?[ \t]*$/.test(sourceText.slice(from, to));
}

/** The consecutive `//` lines (or one block comment) ending on the line directly above `node`, joined. */
function commentBlockAbove(node: Node, comments: readonly TSESTree.Comment[], sourceText: string): string | null {
  const candidates = commentsWithin(comments, Math.max(0, node.range[0] - 2000), node.range[0]);
  let index = candidates.length - 1;
  let last = candidates[index];
  if (!last || !onlySpace(sourceText, last.range[1], node.range[0])) return null;
  const parts = [last.value];
  while (last.type === 'Line' && index > 0) {
    const previous = candidates[index - 1]!;
    if (previous.type !== 'Line' || !onlySpace(sourceText, previous.range[1], last.range[0])) break;
    parts.unshift(previous.value);
    last = previous;
    index -= 1;
  }
  return parts.map((part) => part.trim()).join(' ');
}

/**
 * (e) The comment lines directly above the `.catch(` link of a chain written one link per line:
 * `promise.then(…)\n  // not an unhandled rejection: the handlers above report\n  .catch(() => {})`.
 */
function commentAboveLink(call: TSESTree.CallExpression, comments: readonly TSESTree.Comment[], sourceText: string): string | null {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return null;
  const inside = commentsWithin(comments, callee.object.range[1], callee.property.range[0]);
  const last = inside[inside.length - 1];
  if (!last || !/^\s*\??\.\s*$/.test(sourceText.slice(last.range[1], callee.property.range[0]))) return null;
  const parts = [last.value.trim()];
  for (let index = inside.length - 2; index >= 0 && onlySpace(sourceText, inside[index]!.range[1], inside[index + 1]!.range[0]); index--) {
    parts.unshift(inside[index]!.value.trim());
  }
  return parts.join(' ');
}

/** A shape key for (b): an expression statement calling the same method name. */
function shapeOf(statement: Node): string | null {
  if (statement.type !== T.ExpressionStatement) return null;
  let expression = unwrap(statement.expression);
  if (expression.type === T.AwaitExpression || (expression.type === T.UnaryExpression && expression.operator === 'void')) expression = unwrap(expression.argument);
  if (expression.type !== T.CallExpression) return null;
  return calleeName(expression.callee);
}

/** The first statement of the run of same-shaped statements (no blank line between) that ends with `statement`. */
function runStart(statement: Node): Node {
  const parent = statement.parent;
  const body: readonly Node[] | null =
    parent && (parent.type === T.BlockStatement || parent.type === T.Program) ? parent.body : parent?.type === T.SwitchCase ? parent.consequent : null;
  const shape = shapeOf(statement);
  if (!body || shape === null) return statement;
  let index = body.indexOf(statement);
  while (index > 0) {
    const previous = body[index - 1]!;
    if (shapeOf(previous) !== shape || previous.loc.end.line !== body[index]!.loc.start.line - 1) break;
    index -= 1;
  }
  return body[index]!;
}

/** The node a function's doc comment sits above: its declaration, export, method or property. */
function documentedNode(fn: Node): Node {
  let anchor: Node = fn;
  while (
    anchor.parent &&
    (anchor.parent.type === T.MethodDefinition || anchor.parent.type === T.PropertyDefinition || anchor.parent.type === T.Property ||
      anchor.parent.type === T.VariableDeclarator || anchor.parent.type === T.VariableDeclaration ||
      anchor.parent.type === T.ExportNamedDeclaration || anchor.parent.type === T.ExportDefaultDeclaration)
  ) {
    anchor = anchor.parent;
  }
  return anchor;
}

/**
 * The doc comment directly above a function: its JSDoc, or a run of `//` lines written in its place
 * (precision audit 7: pnpm's `// … so a failed condense falls back to the uncondensed meta` above `function settledEntry`).
 */
function docCommentOf(fn: Node, comments: readonly TSESTree.Comment[], sourceText: string): string | null {
  const anchor = documentedNode(fn);
  const lines = commentBlockAbove(anchor, comments, sourceText);
  const last = commentsWithin(comments, Math.max(0, anchor.range[0] - 4000), anchor.range[0]).at(-1);
  if (lines !== null && last?.type === 'Line') return lines;
  return jsdocOf(anchor, comments, sourceText);
}

/** The JSDoc directly above `anchor` (decorators and modifiers may sit between). */
function jsdocOf(anchor: Node, comments: readonly TSESTree.Comment[], sourceText: string): string | null {
  const before = commentsWithin(comments, Math.max(0, anchor.range[0] - 4000), anchor.range[0]);
  const last = before[before.length - 1];
  if (!last || last.type !== 'Block' || !last.value.startsWith('*')) return null;
  const between = sourceText.slice(last.range[1], anchor.range[0]);
  // decorators and modifiers may sit between the JSDoc and the node
  if (!/^[\s\w@().,'"]*$/.test(between)) return null;
  return last.value;
}

/** Whether a comment outside the handler body states why its error is discarded. */
export function hasReasonCommentNearby(
  analysis: HandlerAnalysis,
  file: { comments: readonly TSESTree.Comment[]; sourceText: string },
  options: ResolvedOptions,
): boolean {
  if (options.allowComment === null) return false;
  const { handler } = analysis;
  const anchor = handler.tryStatement ?? handler.call ?? handler.node;
  const statement = statementOf(anchor);
  if (statement) {
    // (a) + (b)
    // also the comment above an `if` whose block starts with this statement (`// clean up, don't await` / `if (x) { … }`)
    const block = statement.parent;
    const guard = block?.type === T.BlockStatement && block.body[0] === statement && block.parent?.type === T.IfStatement ? block.parent : null;
    for (const target of new Set([statement, runStart(statement), ...(guard ? [guard] : [])])) {
      const block = commentBlockAbove(target, file.comments, file.sourceText);
      if (block !== null && isReasonAbove(block, analysis, options.allowComment)) return true;
    }
    // (d) directives above the statement or inside the try block
    const from = Math.max(0, statement.range[0] - 400);
    const to = handler.tryStatement ? handler.tryStatement.block.range[1] : statement.range[1];
    for (const comment of commentsWithin(file.comments, from, to)) {
      const match = DIRECTIVE_REASON.exec(comment.value);
      if (!match) continue;
      const inside = comment.range[0] >= statement.range[0];
      if (!inside && !onlySpace(file.sourceText, comment.range[1], statement.range[0])) continue;
      if (isReasonComment(match[1]!, options.allowComment)) return true;
    }
  }
  // (e)
  if (handler.call) {
    const link = commentAboveLink(handler.call, file.comments, file.sourceText);
    if (link !== null && isReasonComment(link, options.allowComment)) return true;
  }
  // (c)
  const fn = enclosingFunction(anchor);
  if (fn) {
    const doc = docCommentOf(fn, file.comments, file.sourceText);
    if (doc !== null) {
      const text = doc.replace(/^\s*\*+/gm, ' ').replace(/@\w+[^\n]*/g, ' ');
      if (FAILURE.test(text) && OUTCOME.test(text)) return true;
    }
  }
  return false;
}
