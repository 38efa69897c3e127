// Deliberate idioms found by the precision audit of `recommended` on public repositories
// (DESIGN §3 "Quiet where code is deliberate"). Each criterion is syntactic and is switchable
// through `idioms` (see options.ts). `findRealCodeExemption` is the single hook idioms.ts calls.
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { calleeName, containsNode, enclosingFunction, forEachChild, functionName, isFunction, memberPath, outerWrapper, propertyName, statementOf, unwrap, type Node } from './ast.js';
import { handlerArgument, handlerBody } from './handlers.js';
import type { FileContext } from './idioms.js';
import { isObservedRejection } from './observed-rejections.js';
import type { ResolvedOptions } from './options.js';
import type { HandlerAnalysis } from './paths.js';
import { isDefaultValue, isProbeChain, isProbeTryBlock, throwingSurface, yieldsDefault } from './probes.js';
import { hasReasonCommentNearby } from './reason-comments.js';

export type RealCodeExemption =
  | 'comment'
  | 'probe'
  | 'cleanup'
  | 'observed-rejection'
  | 'secondary-error'
  | 'feature-detection'
  | 'validation'
  | 'generated';

// ───────────────────────────── idiom 5: cleanup on the way out ─────────────────────────────

const CLEANUP_VERB = /^(?:cancel|close|abort|end|destroy|dispose|return|unsubscribe|release|rollback|unlink|unlinkSync|rm|rmSync|rmdir|rmdirSync|kill|terminate|removeListener|off|closeSync)$/;

function singleCall(node: Node): TSESTree.CallExpression | null {
  let current = unwrap(node);
  if (current.type === T.AwaitExpression || (current.type === T.UnaryExpression && current.operator === 'void')) current = unwrap(current.argument);
  return current.type === T.CallExpression ? current : null;
}

/** The one cleanup call the handler guards: a try block of one call, or the `.catch` receiver. */
function guardedCleanupCall(analysis: HandlerAnalysis): TSESTree.CallExpression | null {
  const { handler } = analysis;
  let call: TSESTree.CallExpression | null = null;
  if (handler.tryStatement) {
    const body = handler.tryStatement.block.body;
    if (body.length !== 1 || body[0]!.type !== T.ExpressionStatement) return null;
    call = singleCall(body[0]!.expression);
  } else if (handler.call) {
    const callee = unwrap(handler.call.callee);
    call = callee.type === T.MemberExpression ? singleCall(callee.object) : null;
  }
  if (!call || !CLEANUP_VERB.test(calleeName(call.callee) ?? '')) return null;
  return call;
}

/** `rm(dir, { recursive: true, force: true })`: the caller asked for a best-effort removal. */
function isForcedRemoval(analysis: HandlerAnalysis): boolean {
  const call = guardedCleanupCall(analysis);
  if (!call || !/^(?:rm|rmSync|rmdir|rmdirSync|unlink|unlinkSync|remove|removeSync)$/.test(calleeName(call.callee) ?? '')) return false;
  return call.arguments.some(
    (argument) =>
      argument.type === T.ObjectExpression &&
      argument.properties.some((p) => p.type === T.Property && !p.computed && p.key.type === T.Identifier && p.key.name === 'force' && p.value.type === T.Literal && p.value.value === true),
  );
}

/** The statements after `statement` in its block end in `throw`/`return` (the resource is left behind). */
function leavesRightAfter(statement: Node): boolean {
  const parent = statement.parent;
  if (!parent || parent.type !== T.BlockStatement) return false;
  const rest = parent.body.slice(parent.body.indexOf(statement as TSESTree.Statement) + 1);
  const last = rest[rest.length - 1];
  return last !== undefined && (last.type === T.ThrowStatement || last.type === T.ReturnStatement) && rest.length <= 3;
}

function isCleanupOnTheWayOut(analysis: HandlerAnalysis): boolean {
  if (!guardedCleanupCall(analysis) || !yieldsDefault(analysis)) return false;
  if (isForcedRemoval(analysis)) return true;
  const anchor = analysis.handler.tryStatement ?? analysis.handler.call!;
  // The audit's criterion 5(ii), "the enclosing function is itself a close/cleanup", is not applied:
  // DESIGN §5 makes `close() { try { await this.pool.end() } catch {} }` a real finding (a leak nobody sees).
  const statement = statementOf(anchor);
  return statement !== null && leavesRightAfter(statement);
}

/** Words that name a function as the way out: `cleanup`, `cancelOnAbort`, `stopAudio`, `abortHandler`, `close`. */
const WAY_OUT_WORD = /^(?:cancel|close|cleanup|clean|abort|stop|dispose|destroy|teardown|finish|end|release|unsubscribe|shutdown|detach)$/;

/** The name a function is known by, also when it is assigned to a plain variable (`cleanup = () => …`). */
function nameOf(fn: Node): string | null {
  if (!isFunction(fn)) return null;
  const parent = fn.parent;
  if (parent?.type === T.AssignmentExpression && parent.right === fn && parent.left.type === T.Identifier) return parent.left.name;
  return functionName(fn);
}

/** `reader`, `audioReader`, `this.stream`, `response.body`, `iterator`: what is cancelled is a stream. */
const STREAM_NAME = /(?:reader|stream|body|iterator)$/i;

function isWayOutName(name: string): boolean {
  return name.replace(/^[#_$]+/, '').split(/(?=[A-Z])|_/).some((word) => WAY_OUT_WORD.test(word.toLowerCase()));
}

/**
 * Abandoning a stream: `reader.cancel()` / `stream.cancel()` (at most a reason as argument; the receiver named
 * as a reader, stream, body or iterator) in a function named for cleanup or abort (`cleanup = () => { void
 * audioReader.cancel().catch(() => {}) }`, `const abortHandler = () => { try { reader.cancel() } catch {} }`),
 * or anywhere when the cancel's promise is dropped with an empty handler (`body.cancel().then(null, () => {})` in a
 * read timeout, `response.body?.cancel().catch(() => {})` for a body nobody reads: precision audit 9,
 * sentry-javascript's fetch instrumentation and pnpm's web-auth poll; audit 5's awaited cancel in the middle of a
 * relay stays reported). `cancel()` rejects only when the stream has already failed, and that
 * failure reached the stream's reader; nothing is left open. A business cancel (`order.cancel()`,
 * `subscriptions.cancel(id)`) stays reported, and so does a stream cancel elsewhere that is awaited or whose handler
 * does work.
 */
function isStreamAbandoned(analysis: HandlerAnalysis): boolean {
  const call = guardedCleanupCall(analysis);
  if (!call || calleeName(call.callee) !== 'cancel' || call.arguments.length > 1 || !yieldsDefault(analysis)) return false;
  const callee = unwrap(call.callee);
  const receiver = callee.type === T.MemberExpression ? memberPath(callee.object) : null;
  if (receiver === null || !STREAM_NAME.test(receiver)) return false;
  if (dropsWithEmptyHandler(analysis)) return true;
  const fn = enclosingFunction(call);
  const name = fn ? nameOf(fn) : null;
  return name !== null && isWayOutName(name);
}

/**
 * `body.cancel().then(null, () => {});` as a statement of its own (or under `void`): the promise is dropped and its
 * handler, written in place, has no statement. An awaited cancel (the caller waits to go on) is not this.
 */
function dropsWithEmptyHandler(analysis: HandlerAnalysis): boolean {
  const call = analysis.handler.call;
  const argument = handlerArgument(analysis.handler);
  if (!call || !argument || !isFunction(argument) || argument.body.type !== T.BlockStatement || argument.body.body.length > 0) return false;
  const statement = outerWrapper(call).parent;
  const voided = statement?.type === T.UnaryExpression && statement.operator === 'void' ? outerWrapper(statement).parent : statement;
  return voided?.type === T.ExpressionStatement;
}

/**
 * `try { controller.abort() } catch {}`: abandoning a request, synchronously (statements of the try block are only
 * `x.abort()` / `x?.abort(reason)` calls). `AbortController.abort()` does not throw: its listeners' exceptions are
 * reported, not rethrown; `XMLHttpRequest.abort()` and `ClientRequest.abort()` do not either, and an `abort()` that
 * does (an `IDBTransaction` already finished) means "already over". Nothing is left open whatever the handler
 * does (precision audits 5 and 8: vercel/ai's `stop()` in its vue hook, payload's `handleAbortRef` and effect
 * cleanups). An awaited `abort()` (a stream writer's, which can fail on a broken sink) stays reported.
 */
function isSynchronousAbort(analysis: HandlerAnalysis): boolean {
  const tryStatement = analysis.handler.tryStatement;
  if (!tryStatement || tryStatement.block.body.length === 0 || !yieldsDefault(analysis)) return false;
  return tryStatement.block.body.every((statement) => {
    if (statement.type !== T.ExpressionStatement) return false;
    const call = unwrap(statement.expression);
    return call.type === T.CallExpression && call.arguments.length <= 1 && unwrap(call.callee).type === T.MemberExpression && calleeName(call.callee) === 'abort';
  });
}

// ───────────────────────────── idiom 7: secondary error ─────────────────────────────

/** Objects the try block decorates (`errorData.frame = …`, `e.message += …`), or null when it does more. */
function decoratedObjects(statements: readonly TSESTree.Statement[]): Set<string> | null {
  const names = new Set<string>();
  for (const statement of statements) {
    if (statement.type !== T.ExpressionStatement || statement.expression.type !== T.AssignmentExpression) continue;
    const left = unwrap(statement.expression.left);
    if (left.type === T.MemberExpression) {
      const root = memberPath(left)?.split('.')[0];
      if (root) names.add(root);
    }
  }
  return names.size > 0 ? names : null;
}

/**
 * A later `throw` in an enclosing block (same function) that throws a decorated object. `anchor` is
 * the try statement, or the statement holding a `.catch` (`errorData.frame = await t().catch(() => undefined)`).
 */
function decoratesThrownValue(anchor: TSESTree.Statement, statements: readonly TSESTree.Statement[]): boolean {
  const names = decoratedObjects(statements);
  if (!names) return false;
  let child: Node = anchor;
  let parent: Node | undefined = anchor.parent;
  while (parent && !isFunction(parent)) {
    if (parent.type === T.BlockStatement) {
      const rest = parent.body.slice(parent.body.indexOf(child as TSESTree.Statement) + 1);
      for (const statement of rest) {
        if (statement.type !== T.ThrowStatement) continue;
        let found = false;
        const visit = (node: Node): void => {
          if (found) return;
          if (node.type === T.Identifier && names.has(node.name)) found = true;
          else forEachChild(node, visit);
        };
        visit(statement.argument);
        if (found) return true;
      }
    }
    child = parent;
    parent = parent.parent;
  }
  return false;
}

/** Inside an outer `catch (e)` of the same function (through `if` guards) whose body ends by throwing or reporting. */
function insideReportingCatch(node: Node, options: ResolvedOptions): boolean {
  let child = node;
  let parent = node.parent;
  while (parent && !isFunction(parent)) {
    if (parent.type === T.CatchClause && child === parent.body) {
      const last = parent.body.body[parent.body.body.length - 1];
      if (last?.type === T.ThrowStatement) return true;
      const call = last?.type === T.ExpressionStatement ? singleCall(last.expression) : null;
      return call !== null && options.propagators.has(calleeName(call.callee) ?? '');
    }
    child = parent;
    parent = parent.parent;
  }
  return false;
}

/** The name `const name = … .catch(h)` declares, when the statement declares one plain name. */
function declaredName(statement: Node | null): string | null {
  if (statement?.type !== T.VariableDeclaration || statement.declarations.length !== 1) return null;
  const id = statement.declarations[0]!.id;
  return id.type === T.Identifier ? id.name : null;
}

function mentions(node: Node, name: string): boolean {
  return containsNode(node, (child) => child.type === T.Identifier && child.name === name);
}

/** `new StageRegistryError({ text })`, `new Error(msg)`: an error value being built. */
function isNewError(node: Node | null | undefined): boolean {
  const current = node ? unwrap(node) : null;
  return current?.type === T.NewExpression && /Error$/.test(calleeName(current.callee) ?? '');
}

/**
 * `rest` (the statements after the read) throws an error, or returns a new one, that carries `name`
 * directly or through a variable declared from it (`const truncated = body.slice(0, n)`, `let message = \`…${text}\``).
 */
function errorCarries(rest: readonly TSESTree.Statement[], name: string): boolean {
  const names = [name];
  for (const next of rest) {
    const carrier = next.type === T.ThrowStatement ? next.argument : next.type === T.ReturnStatement && isNewError(next.argument) ? next.argument : null;
    if (carrier) return names.some((known) => mentions(carrier, known));
    const derived = declaredName(next);
    if (derived !== null && names.some((known) => mentions(next, known))) names.push(derived);
  }
  return false;
}

/** The statements after `statement` in its block, or null when it is not directly in a block. */
function statementsAfter(statement: Node | null): readonly TSESTree.Statement[] | null {
  const block = statement?.parent;
  if (!statement || !block || block.type !== T.BlockStatement) return null;
  return block.body.slice(block.body.indexOf(statement as TSESTree.Statement) + 1);
}

/**
 * A detail read for an error thrown next: `const body = await response.text().catch(() => '')` followed, in
 * the same block, by a `throw` whose error carries `body` (precision audit 6: langchain's perplexity
 * retriever and tool; astro and vercel/ai have the same read before a throw). The thrown error reports
 * the failure; the handler only decides that its detail may be missing.
 */
function feedsThrownError(analysis: HandlerAnalysis): boolean {
  const call = analysis.handler.call;
  if (!call || !yieldsDefault(analysis)) return false;
  const statement = statementOf(call);
  const name = declaredName(statement);
  const rest = statementsAfter(statement);
  return name !== null && rest !== null && errorCarries(rest, name);
}

/** `name = <default>`: the handler statement of the try form below. */
function assignsDefaultTo(statement: Node, name: string): boolean {
  const assignment = statement.type === T.ExpressionStatement ? unwrap(statement.expression) : null;
  return assignment?.type === T.AssignmentExpression && assignment.operator === '=' && assignment.left.type === T.Identifier && assignment.left.name === name && isDefaultValue(assignment.right);
}

/**
 * The same read in a try statement (precision audit 7: pnpm's `let text = ''; try { text = await response.text() } catch {}`
 * before `throw new StageRegistryError({ …, text })`, its `return new FailedToPublishError({ …, text })`, documenso's
 * gotenberg conversion): the try block only assigns one variable, the handler leaves it at (or resets it to) a
 * default, and the error thrown or built next in the same block carries it.
 */
function feedsThrownErrorFromTry(analysis: HandlerAnalysis): boolean {
  const tryStatement = analysis.handler.tryStatement;
  const body = handlerBody(analysis.handler);
  if (!tryStatement || analysis.used || tryStatement.finalizer || body?.type !== T.BlockStatement || tryStatement.block.body.length !== 1) return false;
  const only = tryStatement.block.body[0]!;
  const assignment = only.type === T.ExpressionStatement ? unwrap(only.expression) : null;
  if (assignment?.type !== T.AssignmentExpression || assignment.operator !== '=' || assignment.left.type !== T.Identifier) return false;
  const name = assignment.left.name;
  if (!body.body.every((statement) => assignsDefaultTo(statement, name))) return false;
  const rest = statementsAfter(tryStatement);
  return rest !== null && errorCarries(rest, name);
}

function isSecondaryError(analysis: HandlerAnalysis, options: ResolvedOptions): boolean {
  if (analysis.used) return false;
  const anchor = analysis.handler.tryStatement ?? analysis.handler.call;
  if (!anchor) return false;
  if (insideReportingCatch(anchor, options)) return true;
  if (analysis.handler.tryStatement) return decoratesThrownValue(analysis.handler.tryStatement, analysis.handler.tryStatement.block.body) || feedsThrownErrorFromTry(analysis);
  const statement = statementOf(anchor);
  return (statement?.type === T.ExpressionStatement && decoratesThrownValue(statement, [statement])) || feedsThrownError(analysis);
}

// ───────────────────────────── idioms 6 and 8: feature detection, fallback, retry ─────────────────────────────

const HOST_GLOBAL = /^(?:performance|process|navigator|localStorage|sessionStorage|Reflect|Function|globalThis|document|window|Deno|Bun)$/;

function operationName(node: Node): string | null {
  if (node.type === T.ImportExpression) return 'import()';
  if (node.type === T.CallExpression || node.type === T.NewExpression) {
    const path = memberPath(node.callee);
    return path ?? calleeName(node.callee);
  }
  return null;
}

function isOptionalCall(node: Node): boolean {
  if (node.type !== T.CallExpression) return false;
  if (node.optional) return true;
  const callee = unwrap(node.callee);
  return callee.type === T.MemberExpression && callee.optional;
}

/** The one call of a single-statement block (`f(x)`, `await f(x)`, `return await f(x)`, `x = f()`), or null. */
function onlyOperation(block: TSESTree.BlockStatement): Node | null {
  if (block.body.length !== 1) return null;
  const statement = block.body[0]!;
  let expression: Node | null | undefined =
    statement.type === T.ExpressionStatement ? statement.expression : statement.type === T.ReturnStatement ? statement.argument : null;
  if (!expression) return null;
  expression = unwrap(expression);
  if (expression.type === T.AssignmentExpression) expression = unwrap(expression.right);
  if (expression.type === T.AwaitExpression) expression = unwrap(expression.argument);
  return expression.type === T.CallExpression || expression.type === T.ImportExpression || expression.type === T.NewExpression ? expression : null;
}

/** Idiom 6(c): a single-call try whose single-call handler repeats the same operation in a simpler form (its own error propagates). */
function repeatsOperation(analysis: HandlerAnalysis): boolean {
  const tryStatement = analysis.handler.tryStatement;
  const body = handlerBody(analysis.handler);
  if (!tryStatement || !body || body.type !== T.BlockStatement) return false;
  const attempt = onlyOperation(tryStatement.block);
  const fallback = onlyOperation(body);
  if (!attempt || !fallback) return false;
  const name = operationName(attempt);
  return name !== null && name === operationName(fallback);
}

/** `for (…) { try { …; return } catch { wait } } throw new Error('gave up')`: a bounded retry. */
function isBoundedRetry(analysis: HandlerAnalysis): boolean {
  const tryStatement = analysis.handler.tryStatement;
  if (!tryStatement || analysis.used) return false;
  if (!analysis.paths.every((path) => path.label !== 'quiet' || path.exit.kind === 'end' || path.exit.kind === 'continue')) return false;
  let current: Node | undefined = tryStatement.parent;
  while (current && !isFunction(current)) {
    if (current.type === T.ForStatement || current.type === T.WhileStatement || current.type === T.DoWhileStatement || current.type === T.ForOfStatement || current.type === T.ForInStatement) {
      const parent = current.parent;
      if (parent?.type !== T.BlockStatement) return false;
      const next = parent.body[parent.body.indexOf(current as TSESTree.Statement) + 1];
      return next?.type === T.ThrowStatement;
    }
    current = current.parent;
  }
  return false;
}

/** `concatSupported`, `this.supportsStreaming`, `finalOutputSupported`: a flag that says whether something works. */
const SUPPORT_FLAG = /Supported$|^supports?(?:[A-Z_]|$)/;

function assignedName(target: Node): string | null {
  const current = unwrap(target);
  if (current.type === T.Identifier) return current.name;
  return current.type === T.MemberExpression ? propertyName(current) : null;
}

/** `x = false`, `x = undefined`, `x = null`: a reset that computes nothing. */
function resetAssignment(statement: Node): TSESTree.AssignmentExpression | null {
  if (statement.type !== T.ExpressionStatement || statement.expression.type !== T.AssignmentExpression || statement.expression.operator !== '=') return null;
  const value = unwrap(statement.expression.right);
  const reset = (value.type === T.Literal && (value.value === false || value.value === null)) || (value.type === T.Identifier && value.name === 'undefined');
  return reset ? statement.expression : null;
}

/**
 * Idiom 6(d): the handler records that the operation is not supported and nothing else
 * (`try { out = concat(out, chunk) } catch { out = undefined; concatSupported = false }`): the failure is the
 * answer to "does this work here", and the code after it takes the other way (precision audit 6: langchain's
 * runnables, seven handlers). Any other statement in the handler keeps it reported.
 */
function recordsUnsupported(analysis: HandlerAnalysis): boolean {
  const body = handlerBody(analysis.handler);
  if (analysis.used || body?.type !== T.BlockStatement || body.body.length === 0) return false;
  let flagged = false;
  for (const statement of body.body) {
    const assignment = resetAssignment(statement);
    if (!assignment) return false;
    const value = unwrap(assignment.right);
    if (value.type === T.Literal && value.value === false && SUPPORT_FLAG.test(assignedName(assignment.left) ?? '')) flagged = true;
  }
  return flagged;
}

function isFeatureDetection(analysis: HandlerAnalysis): boolean {
  const tryStatement = analysis.handler.tryStatement;
  if (!tryStatement || tryStatement.block.body.length === 0) return false;
  const surface = throwingSurface(tryStatement.block);
  if (!surface || surface.length === 0) return false;
  // (c) same operation, simpler form: the handler's own call propagates its error
  if (repeatsOperation(analysis)) return true;
  if (!yieldsDefault(analysis)) return false;
  // (a) optional calls only; (b) host globals only
  if (surface.every(isOptionalCall)) return true;
  return surface.every((node) => {
    const path = node.type === T.CallExpression ? memberPath(node.callee) : null;
    return path !== null && path.includes('.') && HOST_GLOBAL.test(path.split('.')[0]!);
  });
}

// ───────────────────────────── idiom 11: validation, client input, ensure-dir ─────────────────────────────

const PREDICATE_CALLBACK = /^(?:refine|superRefine|custom|filter|some|every|find|findIndex|findLast|validate|test|check)$/;
const PREDICATE_FUNCTION = /^(?:is|has|can|validate|check|verify)[A-Z_]/;

function isValidationPredicate(analysis: HandlerAnalysis): boolean {
  const quiet = analysis.paths.filter((path) => path.label === 'quiet');
  if (analysis.used || quiet.length === 0) return false;
  const allFalse = quiet.every((path) => {
    const node = path.exit.node;
    const value = node?.type === T.ReturnStatement ? node.argument : node;
    return value != null && unwrap(value).type === T.Literal && (unwrap(value) as TSESTree.Literal).value === false;
  });
  if (!allFalse) return false;
  // synchronous checks only: awaited I/O answered with `false` hides an outage (`verifyCaptcha` → false)
  if (analysis.handler.tryStatement && containsNode(analysis.handler.tryStatement.block, isAwait)) return false;
  const fn = enclosingFunction(analysis.handler.tryStatement ?? analysis.handler.call ?? analysis.handler.node);
  if (!fn) return false;
  const name = functionName(fn);
  if (name !== null && PREDICATE_FUNCTION.test(name)) return true;
  const parent = outerWrapper(fn).parent;
  return parent?.type === T.CallExpression && parent.arguments.includes(outerWrapper(fn) as TSESTree.CallExpressionArgument) && PREDICATE_CALLBACK.test(calleeName(parent.callee) ?? '');
}

function statusCode(node: Node): number | null {
  const current = unwrap(node);
  return current.type === T.Literal && typeof current.value === 'number' ? current.value : null;
}

/** The handler answers the client with a 4xx (and never a 5xx): the failure is the client's bad input. */
function answersClientError(analysis: HandlerAnalysis): boolean {
  const body = handlerBody(analysis.handler);
  if (!body) return false; // the error may be used: `res.end(e.message)` answers the client with it
  const codes: number[] = [];
  const visit = (node: Node): void => {
    if (isFunction(node) && node !== analysis.handler.node) return;
    if (node.type === T.AssignmentExpression && node.left.type === T.MemberExpression && /^(?:statusCode|status)$/.test(propertyName(node.left) ?? '')) {
      const code = statusCode(node.right);
      if (code !== null) codes.push(code);
    } else if (node.type === T.Property && !node.computed && node.key.type === T.Identifier && /^(?:status|statusCode)$/.test(node.key.name)) {
      const code = statusCode(node.value);
      if (code !== null) codes.push(code);
    } else if (node.type === T.CallExpression && /^(?:throw|error|status|sendStatus|writeHead)$/.test(calleeName(node.callee) ?? '') && node.arguments[0]) {
      const code = statusCode(node.arguments[0]);
      if (code !== null) codes.push(code);
    }
    forEachChild(node, visit);
  };
  visit(body);
  if (codes.length === 0 || !codes.every((code) => code >= 400 && code < 500)) return false;
  // synchronous input parsing only: awaited work answered with a 4xx hides a server failure
  const tryStatement = analysis.handler.tryStatement;
  return tryStatement !== null && !containsNode(tryStatement.block, isAwait);
}

function isAwait(node: Node): boolean {
  return node.type === T.AwaitExpression || (node.type === T.ForOfStatement && node.await);
}

/** `try { mkdirSync(d, { recursive: true }) } catch {}` followed by a statement that uses the directory. */
function isEnsureDir(analysis: HandlerAnalysis): boolean {
  const tryStatement = analysis.handler.tryStatement;
  if (!tryStatement || tryStatement.block.body.length !== 1 || analysis.used) return false;
  const only = tryStatement.block.body[0]!;
  const call = only.type === T.ExpressionStatement ? singleCall(only.expression) : null;
  if (!call || !/^mkdir(?:Sync|p)?$/.test(calleeName(call.callee) ?? '')) return false;
  const recursive = call.arguments.some((argument) => argument.type === T.ObjectExpression && argument.properties.some((p) => p.type === T.Property && !p.computed && p.key.type === T.Identifier && p.key.name === 'recursive'));
  if (!recursive && calleeName(call.callee) !== 'mkdirp') return false;
  const parent = tryStatement.parent;
  if (parent?.type !== T.BlockStatement && parent?.type !== T.Program) return false;
  const next = parent.body[parent.body.indexOf(tryStatement) + 1];
  return next !== undefined && throwingSurface(next)?.length !== 0;
}

// ───────────────────────────── minified code ─────────────────────────────

/** A line no person writes or reads: a bundler's or minifier's output. */
const MINIFIED_LINE = 1000;
/** Several such lines: one would be a data literal (a base64 image, an SVG path) in a hand-written file. */
const MINIFIED_LINES = 5;

// Asked only for a handler about to be reported; the last file's answer is kept.
let lastMinifiedText: string | undefined;
let lastMinified = false;

/**
 * A minified bundle checked into the repository (`.yarn/releases/yarn-3.2.1.cjs`, a vendored `*.min.js`):
 * at least five lines over a thousand characters. Nobody can act on a report there; the fix belongs upstream.
 */
export function isMinifiedSource(sourceText: string): boolean {
  if (sourceText === lastMinifiedText) return lastMinified;
  let long = 0;
  let start = 0;
  while (long < MINIFIED_LINES && start < sourceText.length) {
    let end = sourceText.indexOf('\n', start);
    if (end === -1) end = sourceText.length;
    if (end - start > MINIFIED_LINE) long += 1;
    start = end + 1;
  }
  lastMinifiedText = sourceText;
  lastMinified = long >= MINIFIED_LINES;
  return lastMinified;
}

// ───────────────────────────── the hook ─────────────────────────────

/** Why the audit's criteria consider this handler deliberate, or null. */
export function findRealCodeExemption(analysis: HandlerAnalysis, file: FileContext, options: ResolvedOptions): RealCodeExemption | null {
  const { handler } = analysis;
  const sourceText = (file as FileContext & { sourceText?: string }).sourceText ?? '';
  if (hasReasonCommentNearby(analysis, { comments: file.comments, sourceText }, options)) return 'comment';
  const idioms = options.idioms;
  if (idioms.probes) {
    if (isProbeTryBlock(analysis, sourceText) || isProbeChain(analysis, sourceText)) return 'probe';
    if (isEnsureDir(analysis)) return 'probe';
  }
  if (idioms.cleanup && (isCleanupOnTheWayOut(analysis) || isStreamAbandoned(analysis) || isSynchronousAbort(analysis))) return 'cleanup';
  if (idioms.secondaryErrors && isSecondaryError(analysis, options)) return 'secondary-error';
  if (idioms.observedRejections && isObservedRejection(handler, file.scopeManager, options, sourceText)) return 'observed-rejection';
  if (idioms.featureDetection && (isFeatureDetection(analysis) || isBoundedRetry(analysis) || recordsUnsupported(analysis))) return 'feature-detection';
  if (idioms.validation && (isValidationPredicate(analysis) || answersClientError(analysis))) return 'validation';
  if (isMinifiedSource(sourceText)) return 'generated';
  return null;
}

export { isDefaultValue };
