// The deliberate idioms (DESIGN §3 "Quiet where code is deliberate") and the escape hatches that
// carry a reason. Each check answers: is this handler's discarding of the error on purpose?
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { DefinitionType, type ScopeManager } from '@typescript-eslint/scope-manager';
import {
  calleeName, commentsWithin, containsNode, enclosingFunction, forEachChild, functionName, isFunction, memberPath, outerWrapper, statementOf, unwrap,
  type Node,
} from './ast.js';
import { handlerArgument, handlerBody, resolveIdentifier } from './handlers.js';
import { compilePathPattern, PROBE_CALLS, type ResolvedOptions } from './options.js';
import type { HandlerAnalysis } from './paths.js';
import { loggerCallLevel } from './paths.js';
import type { Handler } from './types.js';
import { findRealCodeExemption, type RealCodeExemption } from './real-code-idioms.js';
import { isDefaultValue, throwingSurface, yieldsDefault } from './probes.js';
import { isTestPath } from './test-paths.js';

export type Exemption = 'comment' | 'binding' | 'allowed-handler' | 'cleanup' | 'probe' | 'fire-and-forget' | 'test-code' | RealCodeExemption;

/** What the analysis needs to know about the file besides the AST. */
export interface FileContext {
  fileName: string;
  comments: readonly TSESTree.Comment[];
  scopeManager: ScopeManager;
}

const TODO = /^(?:todo|fixme|xxx|hack|tbd)\b/i;
const DIRECTIVE = /^(?:eslint-|eslint\s|istanbul\s|c8\s|v8\s|@ts-|prettier-ignore|jshint|global\s|biome-ignore|oxlint-)/i;
const PLACEHOLDER =
  /^(?:empty|(?:intentionally |deliberately )?(?:empty|ignored?|left blank|blank)|no[- ]?op|nop|pass|do nothing|nothing(?: to do)?|(?:silently |just )?(?:ignore|swallow|suppress|skip)(?:ed)?(?: (?:the |any |all )?(?:errors?|exceptions?|it|this))?(?: here)?|skip|ok|okay|continue|fall ?through|\.\.\.|-+|ignore errors?|not used|unused)$/i;
const FILLER = new Set([
  'ignore', 'ignored', 'ignoring', 'error', 'errors', 'the', 'it', 'this', 'that', 'exception', 'exceptions', 'intentionally',
  'deliberately', 'empty', 'noop', 'silently', 'swallow', 'swallowed', 'here', 'catch', 'just', 'do', 'nothing', 'we', 'a',
  'an', 'any', 'all', 'is', 'are', 'ok', 'okay', 'block', 'handler', 'on', 'purpose', 'suppress', 'skip', 'and', 'to',
]);
const REASON_WORD =
  /\b(?:because|since|as|expected|optional(?:ly)?|may|might|already|best[- ]effort|not (?:found|supported|available|exist|installed|needed|critical|fatal)|unsupported|harmless|benign|fine|safe|fallback|fall back|doesn't|does not|don't|can't|cannot|won't|if|when|unless|so that|in case|older|legacy|race)\b/i;

const WORD = /[\p{L}\p{N}'’]+/gu;
const ASCII_WORD = /[a-z0-9']+/g;
const ASCII = /^[\x00-\x7f]*$/;

/** A comment states a reason: not a placeholder, not a TODO, and says why (or matches the user's pattern). */
export function isReasonComment(text: string, allow: ResolvedOptions['allowComment']): boolean {
  if (allow === null) return false;
  const normalized = text
    .split('\n')
    .map((line) => line.replace(/^\s*\*+/, '').trim())
    .join(' ')
    .trim()
    .replace(/[.!;:,\s]+$/u, '');
  const reason = withoutTypeTag(normalized);
  if (reason === '' || TODO.test(reason) || DIRECTIVE.test(reason) || PLACEHOLDER.test(reason)) return false;
  if (allow instanceof RegExp) return allow.test(reason);
  if (/^(?:ignored?|intentional(?:ly)?(?: empty| ignored)?|noop|expected)\s*[:\-–—(]\s*\S/i.test(reason)) return true;
  let meaningful = 0;
  const lower = reason.toLowerCase();
  // The Unicode classes' compiled code is large and goes cold between handlers: ASCII text, the
  // usual case, takes the equivalent small pattern.
  const word = ASCII.test(lower) ? ASCII_WORD : WORD;
  word.lastIndex = 0;
  for (let match = word.exec(lower); match !== null; match = word.exec(lower)) {
    if (!FILLER.has(match[0]) && ++meaningful >= 2) return true;
  }
  return meaningful >= 1 && REASON_WORD.test(reason);
}

/**
 * `@type {Foo}` / `@satisfies {Foo}` at the start of a JSDoc comment is a type annotation, not a
 * reason: only the text after the balanced braces counts.
 */
function withoutTypeTag(text: string): string {
  const tag = /^@(?:type|satisfies)\s*\{/.exec(text);
  if (!tag) return text;
  let depth = 0;
  for (let i = tag[0].length - 1; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(i + 1).trim();
  }
  return '';
}

/** Comments inside the handler body. */
export function handlerComments(handler: Handler, comments: readonly TSESTree.Comment[]): TSESTree.Comment[] {
  const body = handlerBody(handler);
  if (!body || body.type !== T.BlockStatement) return [];
  const [start, end] = body.range;
  return commentsWithin(comments, start + 1, end).filter((comment) => comment.range[1] < end);
}

const ABOUT_FAILURE = /\b(?:errors?|fail(?:s|ed|ure)?|throws?|thrown|exceptions?|missing|not exist|may not|might not|unavailable|unsupported|invalid|gracefully|ignore[ds]?|best[- ]effort)\b/i;
// With REASON_WORD (because, if, may, already…): the words of a comment on the failure, its outcome or the
// decision to drop it. A description of what the code does has none (`// Fetch children`, `// Seed current URL`).
const ABOUT_DECISION =
  /\b(?:fail\w*|fall(?:s|ing)? ?(?:back|through)|fallthrough|defaults?|ok|okay|retr(?:y|ies|ied)|skip\w*|not|no|never|nothing|none|isn't|aren't|wasn't|couldn't|unable|unlikely|treat\w*|assum\w*|instead|rather|anyway|regardless|still|gone|closed|dead|broken|corrupt\w*|malformed|transient|reject\w*|timeouts?|timed out|abort\w*|crash\w*|unhandled\w*|\d{3}|[45]xx)\b/i;

/** A comment speaks of the failure or of the decision to drop it (a user's `allowComment` pattern decides alone). */
export function speaksOfFailure(text: string, allow: ResolvedOptions['allowComment']): boolean {
  return allow instanceof RegExp || ABOUT_FAILURE.test(text) || REASON_WORD.test(text) || ABOUT_DECISION.test(text);
}

/**
 * The handler discards the error yet does work of its own: more than yielding a constant (`() => null`,
 * `{ return false }`). A comment above the statement that holds such a handler counts only when it
 * speaks of the failure: above `try { a() } catch { b() }` a comment usually says what `a()` does
 * (reason comments 10: 9 of 14 handlers it exempted on 32 trees were real swallows), while above
 * `x().catch(() => {})` the best-effort call it describes is the reason, and a handler that logs or
 * reports the error is judged by what it does with it.
 */
export function discardsErrorWithWork(analysis: HandlerAnalysis): boolean {
  if (analysis.used) return false;
  const body = handlerBody(analysis.handler);
  if (!body) return false;
  if (body.type !== T.BlockStatement) return !isDefaultValue(body);
  const [only] = body.body;
  return body.body.length > 1 || (only !== undefined && !(only.type === T.ReturnStatement && isDefaultValue(only.argument)));
}

/** A reason comment above the statement that holds the handler (see `discardsErrorWithWork`). */
export function isReasonAbove(text: string, analysis: HandlerAnalysis, allow: ResolvedOptions['allowComment']): boolean {
  return isReasonComment(text, allow) && (!discardsErrorWithWork(analysis) || speaksOfFailure(text, allow));
}

/**
 * Comments that explain a handler from outside its body: on the same line after its closing brace
 * (`} catch {} // thrown when the length differs`), directly above the statement that holds it, or
 * inside the try block when they talk about the failure.
 */
export function nearbyComments(handler: Handler, comments: readonly TSESTree.Comment[]): TSESTree.Comment[] {
  const result: TSESTree.Comment[] = [];
  const body = handlerBody(handler);
  const holder = statementOf(handler.tryStatement ?? handler.call ?? handler.node);
  const endLine = body ? body.loc.end.line : handler.node.loc.end.line;
  const end = body ? body.range[1] : handler.node.range[1];
  // Candidates: from a few lines above the statement that holds the handler to the end of its line.
  const from = holder ? Math.max(0, holder.range[0] - 600) : handler.node.range[0];
  for (const comment of commentsWithin(comments, from, end + 400)) {
    if (comment.range[0] >= end && comment.loc.start.line === endLine) result.push(comment);
    else if (holder && comment.range[1] <= holder.range[0] && comment.loc.end.line >= holder.loc.start.line - 1 && !/^\s*(?:eslint|@ts-|istanbul|c8|v8)/.test(comment.value)) {
      result.push(comment);
    } else if (handler.tryStatement && comment.range[0] > handler.tryStatement.block.range[0] && comment.range[1] < handler.tryStatement.block.range[1] && ABOUT_FAILURE.test(comment.value)) {
      result.push(comment);
    }
  }
  // Only the comments directly above: stop at the first gap.
  return result;
}

function isAboveHolder(handler: Handler, comment: TSESTree.Comment): boolean {
  const holder = statementOf(handler.tryStatement ?? handler.call ?? handler.node);
  return holder !== null && comment.range[1] <= holder.range[0];
}

function insideCatchOrFinally(node: Node): boolean {
  let child = node;
  let parent = node.parent;
  while (parent) {
    if (parent.type === T.CatchClause && child === parent.body) return true;
    if (parent.type === T.TryStatement && child === parent.finalizer) return true;
    if (isFunction(parent)) {
      // A callback that is itself an error path: `.catch(cb)`, `.then(ok, cb)`, `.finally(cb)`, `on('error', cb)`.
      const call = outerWrapper(parent).parent;
      if (call?.type === T.CallExpression) {
        const name = calleeName(call.callee);
        const index = call.arguments.indexOf(outerWrapper(parent) as TSESTree.CallExpressionArgument);
        if (name === 'catch' || name === 'finally' || (name === 'then' && index === 1)) return true;
        if ((name === 'on' || name === 'once') && call.arguments[0]?.type === T.Literal && /error|close|exit/.test(String(call.arguments[0].value))) return true;
      }
      return false;
    }
    child = parent;
    parent = parent.parent;
  }
  return false;
}

const CLEANUP_WORDS = new Set([
  'close', 'destroy', 'dispose', 'release', 'rollback', 'abort', 'cancel', 'kill', 'stop', 'end', 'disconnect', 'terminate',
  'shutdown', 'unlink', 'rm', 'rmdir', 'remove', 'delete', 'clear', 'reset', 'unref', 'unsubscribe', 'off', 'detach', 'free',
  'drop', 'cleanup', 'clean', 'teardown', 'unmount', 'unregister', 'revoke', 'quit', 'exit', 'flush', 'finish', 'unwatch',
  'unlisten', 'unbind', 'restore', 'dispose', 'closeSync', 'unlinkSync', 'rmSync', 'rmdirSync',
]);

/** `close`, `pool.end`, `ownedDispose`, `closeAllConnections`, `releaseLock`: a camelCase word names a cleanup. */
function isCleanupName(name: string): boolean {
  if (CLEANUP_WORDS.has(name)) return true;
  const words = name.replace(/^[#_$]+/, '').split(/(?=[A-Z])|_/).map((word) => word.toLowerCase());
  return words.some((word) => CLEANUP_WORDS.has(word) && word !== 'end') || words[0] === 'end';
}

function isCleanupCall(node: Node, options: ResolvedOptions): boolean {
  let current = unwrap(node);
  if (current.type === T.AwaitExpression || (current.type === T.UnaryExpression && current.operator === 'void')) current = unwrap(current.argument);
  if (current.type !== T.CallExpression) return false;
  const name = calleeName(current.callee);
  if (name !== null && isCleanupName(name)) return true;
  return loggerCallLevel(current, options) !== null;
}

function isCleanupTry(tryBlock: TSESTree.BlockStatement, options: ResolvedOptions): boolean {
  if (tryBlock.body.length === 0) return false;
  let calls = 0;
  for (const statement of tryBlock.body) {
    if (statement.type === T.ExpressionStatement && isCleanupCall(statement.expression, options)) {
      calls += 1;
      continue;
    }
    if (statement.type === T.ExpressionStatement && statement.expression.type === T.AssignmentExpression && !containsCall(statement.expression)) continue;
    return false;
  }
  return calls > 0;
}

/** The object of a cleanup call (`connection` in `connection.end()`), as a member path. */
function cleanupTarget(node: Node): string | null {
  let current = unwrap(node);
  if (current.type === T.AwaitExpression || (current.type === T.UnaryExpression && current.operator === 'void')) current = unwrap(current.argument);
  if (current.type !== T.CallExpression) return null;
  const callee = unwrap(current.callee);
  const name = calleeName(callee);
  if (callee.type !== T.MemberExpression || name === null || !isCleanupName(name)) return null;
  return memberPath(callee.object);
}

/**
 * `try { connection.end() } catch { connection.destroy() }`: a graceful cleanup that failed is
 * escalated to a forced one on the same object (precision audit 2: uptime-kuma mysql.js); the
 * failure of the graceful one is superseded, not lost.
 */
function escalatesCleanup(tryBlock: TSESTree.BlockStatement, body: Node | null): boolean {
  if (body?.type !== T.BlockStatement || body.body.length === 0) return false;
  const targets = new Set(tryBlock.body.map((statement) => (statement.type === T.ExpressionStatement ? cleanupTarget(statement.expression) : null)));
  return body.body.every((statement) => {
    if (statement.type !== T.ExpressionStatement) return false;
    const target = cleanupTarget(statement.expression);
    return target !== null && targets.has(target);
  });
}

function containsCall(node: Node): boolean {
  return !isFunction(node) && containsNode(node, (child) =>
    child.type === T.CallExpression || child.type === T.NewExpression || child.type === T.ImportExpression || child.type === T.AwaitExpression || child.type === T.TaggedTemplateExpression);
}

const probeMatchers = PROBE_CALLS.map(compilePathPattern);

function isProbeCallee(path: string): boolean {
  return probeMatchers.some((match) => match(path));
}

/** Whether a try block is a single probe (`JSON.parse(s)`, `new URL(s)`, `await import(x)`, `stat(p)`) or makes no call at all. */
export function isProbeTry(tryBlock: TSESTree.BlockStatement): boolean {
  const calls: Node[] = [];
  const visit = (node: Node): void => {
    if (calls.length > 1) return;
    if (isFunction(node) || node.type === T.ClassBody) return;
    if (node.type === T.CallExpression) {
      const path = memberPath(node.callee);
      if (path !== null && PURE_CALLEE.test(path)) {
        forEachChild(node, visit);
        return;
      }
      // `statSync(p).isDirectory()`: an accessor on the probe's result is part of the probe.
      const callee = unwrap(node.callee);
      if (callee.type === T.MemberExpression && unwrap(callee.object).type === T.CallExpression && /^(?:is[A-Z]\w*|to[A-Z]\w*|valueOf|get[A-Z]?\w*)$/.test(calleeName(callee) ?? '')) {
        visit(unwrap(callee.object));
        return;
      }
      // `new RegExp(p).test(s)`, `new Intl.NumberFormat(locale).format(n)`, `new UAParser(ua).getResult()`:
      // the constructor validates, the synchronous read of the fresh object is part of the probe.
      if (callee.type === T.MemberExpression && unwrap(callee.object).type === T.NewExpression && NEW_VALUE_READ.test(calleeName(callee) ?? '') && outerWrapper(node).parent?.type !== T.AwaitExpression) {
        visit(unwrap(callee.object));
        for (const argument of node.arguments) if (containsImpureCall(argument)) calls.push(argument);
        return;
      }
    }
    if (node.type === T.CallExpression || node.type === T.NewExpression || node.type === T.ImportExpression || node.type === T.TaggedTemplateExpression) {
      calls.push(node);
      // arguments must be simple: nothing else runs
      const args: Node[] = node.type === T.ImportExpression ? [node.source] : node.type === T.TaggedTemplateExpression ? [] : node.arguments;
      for (const argument of args) if (containsImpureCall(argument)) calls.push(argument);
      return;
    }
    forEachChild(node, visit);
  };
  visit(tryBlock);
  if (calls.length === 0) return tryBlock.body.length > 0;
  if (calls.length > 1) return false;
  const call = calls[0]!;
  if (call.type === T.ImportExpression) return true;
  if (call.type === T.TaggedTemplateExpression) return false;
  // Constructors that throw validate their input (`new URL`, `new X509Certificate`); `new Promise(executor)` runs the
  // executor's work instead (precision audit 8: AFFiNE's worker start, `await new Promise((resolve, reject) => …)`).
  if (call.type === T.NewExpression) return memberPath(call.callee) !== 'Promise';
  const path = memberPath((call as TSESTree.CallExpression).callee);
  if (path === null) return false;
  const name = path.split('.').pop() ?? '';
  // `PlatformTools.load('pg-native')`, `loadModule('x')`: an optional dependency named by a literal.
  const args = (call as TSESTree.CallExpression).arguments;
  if (
    (/^(?:load|require|import|getBuiltinModule)/i.test(name) || /(?:^|\.)createRequire\(\)$/.test(path)) &&
    args.length > 0 &&
    args.every((argument) => argument.type === T.Literal && typeof argument.value === 'string')
  ) {
    return true;
  }
  // `safeRealpathSync`, `tryParse`: strip the prefix, then ask the name.
  const bare = name.replace(/^(?:try|safe)(?=[A-Z])/, '');
  return isProbeCallee(path) || PROBE_NAME.test(name) || PROBE_NAME.test(bare.charAt(0).toLowerCase() + bare.slice(1));
}

/** Reads of a freshly constructed value: accessors, formatting, a pattern test. */
const NEW_VALUE_READ = /^(?:is[A-Z]\w*|to[A-Z]\w*|valueOf|get[A-Z]?\w*|format\w*|resolvedOptions|test)$/;

/** Callee names that ask a question whose failure means "no": parse, resolve, stat, validate, … */
const PROBE_NAME =
  /^(?:try)?(?:parse|safeParse|resolve|stat|lstat|access|exists|realpath|decode|validate|verify|check|test|match|canonical|normali[sz]e|require|import|load(?:Optional)?Module|probe|detect)(?:[A-Z_$].*)?$|Resolve|Parse/;

const PURE_CALLEE =
  /^(?:path|posix|win32|nodePath|upath)\.\w+$|^(?:join|resolve|dirname|basename|extname|relative|normalizePath|String|Number|Boolean|JSON\.stringify|encodeURIComponent|Buffer\.from|Object\.(?:keys|values|entries)|Array\.isArray|Number\.is\w+|Math\.\w+|\w+\.(?:trim|toLowerCase|toUpperCase|slice|startsWith|endsWith|includes))$/;

/** Whether an argument runs anything but pure path/string helpers. */
function containsImpureCall(node: Node): boolean {
  let found = false;
  const visit = (child: Node): void => {
    if (found || isFunction(child)) return;
    if (child.type === T.CallExpression) {
      const path = memberPath(child.callee);
      if (path === null || !PURE_CALLEE.test(path)) {
        found = true;
        return;
      }
    } else if (child.type === T.NewExpression || child.type === T.ImportExpression || child.type === T.AwaitExpression || child.type === T.TaggedTemplateExpression) {
      found = true;
      return;
    }
    forEachChild(child, visit);
  };
  visit(node);
  return found;
}

function isBooleanValue(node: Node | null | undefined): boolean {
  if (!node) return false;
  const current = unwrap(node);
  if (current.type === T.Literal) return typeof current.value === 'boolean';
  if (current.type === T.UnaryExpression) return current.operator === '!';
  if (current.type === T.BinaryExpression) return ['===', '!==', '==', '!=', '<', '>', '<=', '>=', 'instanceof', 'in'].includes(current.operator);
  return false;
}

/** `try { …; return true } catch { return false }`: the failure is the answer. */
function isBooleanProbe(analysis: HandlerAnalysis): boolean {
  const tryStatement = analysis.handler.tryStatement;
  if (!tryStatement) return false;
  const last = tryStatement.block.body[tryStatement.block.body.length - 1];
  if (last?.type !== T.ReturnStatement || !isBooleanValue(last.argument)) return false;
  return !doesIo(tryStatement.block) && returnsBooleanEverywhere(analysis);
}

/** A proxy for I/O whose failure must not become `false`: an `await`, a `.then`, a sync fs/child call. */
function doesIo(block: TSESTree.BlockStatement): boolean {
  let found = false;
  const visit = (node: Node): void => {
    if (found || isFunction(node)) return;
    if (node.type === T.AwaitExpression || node.type === T.YieldExpression) found = true;
    else if (node.type === T.CallExpression) {
      const name = calleeName(node.callee) ?? '';
      if (name === 'then' || (/Sync$/.test(name) && !/^(?:stat|lstat|access|exists|realpath)Sync$/.test(name))) found = true;
      if (/^(?:query|exec|execute|send|write|fetch|request|save|insert|update|upsert|delete|remove|connect|publish|post|put)$/i.test(name)) found = true;
    }
    if (!found) forEachChild(node, visit);
  };
  visit(block);
  return found;
}

function isLoggingCall(node: Node, options: ResolvedOptions): boolean {
  let current = unwrap(node);
  if (current.type === T.AwaitExpression) current = unwrap(current.argument);
  if (current.type !== T.CallExpression) return false;
  const path = memberPath(current.callee) ?? '';
  return loggerCallLevel(current, options) !== null || /(?:^|\.)(?:stdout|stderr)\.write$/.test(path);
}

/** A try block that only prints: failing to print is not worth a report. */
function isLoggingOnlyTry(tryBlock: TSESTree.BlockStatement, options: ResolvedOptions): boolean {
  return tryBlock.body.length > 0 && tryBlock.body.every((statement) => statement.type === T.ExpressionStatement && isLoggingCall(statement.expression, options));
}

/** `prefetch`, `preloadRouteComponents`, `__nuxt_prefetch`: loading ahead of need. */
const SPECULATIVE_NAME = /^_*(?:[pP]refetch|[pP]reload)(?![a-z])/;
/** `'link:prefetch'`: a hook or event named for it. */
const SPECULATIVE_EVENT = /(?:^|[:./-])(?:prefetch|preload)$/i;

function isSpeculativeCall(node: Node): boolean {
  if (node.type !== T.CallExpression) return false;
  if (SPECULATIVE_NAME.test(calleeName(node.callee) ?? '')) return true;
  const first = node.arguments[0];
  return first?.type === T.Literal && typeof first.value === 'string' && SPECULATIVE_EVENT.test(first.value);
}

/** The call that starts a promise chain (`preload(x).then(f).catch(h)` → `preload(x)`). */
function chainHead(call: TSESTree.CallExpression): Node | null {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return null;
  let receiver = unwrap(callee.object);
  while (receiver.type === T.CallExpression) {
    const inner = unwrap(receiver.callee);
    if (inner.type !== T.MemberExpression || !/^(?:then|catch|finally)$/.test(calleeName(inner) ?? '')) return receiver;
    receiver = unwrap(inner.object);
  }
  return null;
}

/**
 * Speculative loading: a prefetch or preload whose error is dropped, because the load that is needed
 * later runs again and reports its own failure. Either the guarded call is one
 * (`preloadRouteComponents(to).catch(() => {})`, `callHook('link:prefetch', url)?.catch(() => {})`), or
 * the enclosing function is (`async function prefetch()`), or it is the callback of a prefetch hook
 * (`hooks.hook('link:prefetch', async (url) => …)`). The handler must yield nothing but a default.
 */
function isSpeculativeLoad(analysis: HandlerAnalysis): boolean {
  if (analysis.used || !yieldsDefault(analysis)) return false;
  const { handler } = analysis;
  const head = handler.call ? chainHead(handler.call) : null;
  if (head !== null && isSpeculativeCall(head)) return true;
  const fn = enclosingFunction(handler.tryStatement ?? handler.call ?? handler.node);
  if (!fn) return false;
  const name = functionName(fn);
  return (name !== null && SPECULATIVE_NAME.test(name)) || (fn.parent !== undefined && isSpeculativeCall(fn.parent));
}

/** Runs a child process and waits for it: `execSync`, `execFileSync`, `spawnSync`. */
const SYNC_CHILD_PROCESS = /^(?:execSync|execFileSync|spawnSync)$/;

/** The call itself, or what a trailing pure read of its result starts from (`execFileSync(…).trim()`). */
function innermostCall(node: Node): Node {
  let current = unwrap(node);
  while (current.type === T.CallExpression) {
    const callee = unwrap(current.callee);
    if (callee.type !== T.MemberExpression || unwrap(callee.object).type !== T.CallExpression) break;
    current = unwrap(callee.object);
  }
  return current;
}

/** `execSync(cmd)`, or a local function whose body only returns one (`function git(...args) { return execFileSync('git', args).trim() }`). */
function runsChildProcess(node: Node, scopeManager: ScopeManager): boolean {
  if (node.type !== T.CallExpression) return false;
  if (SYNC_CHILD_PROCESS.test(calleeName(node.callee) ?? '')) return true;
  const callee = unwrap(node.callee);
  if (callee.type !== T.Identifier) return false;
  const variable = resolveIdentifier(scopeManager, callee);
  // a parameter's definition node is the function that declares it
  const declaration = variable?.defs.length === 1 && variable.defs[0]!.type !== DefinitionType.Parameter ? (variable.defs[0]!.node as Node) : null;
  const fn = declaration?.type === T.FunctionDeclaration ? declaration : declaration?.type === T.VariableDeclarator && declaration.init && isFunction(unwrap(declaration.init)) ? unwrap(declaration.init) : null;
  if (!fn || !isFunction(fn)) return false;
  const body = fn.body;
  const returned = body.type !== T.BlockStatement ? body : body.body.length === 1 && body.body[0]!.type === T.ReturnStatement ? body.body[0]!.argument : null;
  if (!returned) return false;
  const inner = innermostCall(returned);
  return inner.type === T.CallExpression && SYNC_CHILD_PROCESS.test(calleeName(inner.callee) ?? '');
}

/** `process.exit(1)`: any literal exit code but 0. */
function exitsWithFailure(statement: Node): boolean {
  if (statement.type !== T.ExpressionStatement) return false;
  const call = unwrap(statement.expression);
  if (call.type !== T.CallExpression || memberPath(call.callee) !== 'process.exit') return false;
  const code = call.arguments[0];
  return code?.type === T.Literal && typeof code.value === 'number' && code.value !== 0;
}

/**
 * A failed child process that ends the program: the try block only runs child processes and waits for
 * them, and the handler prints and exits non-zero (`try { execSync('docker ps') } catch { console.error('Docker
 * is not running'); process.exit(1) }`). The exit status hands the failure to the shell, and the child's own
 * stderr is its diagnostic. A handler that goes on, or a try block that does anything else, stays reported.
 */
function isChildProcessExit(analysis: HandlerAnalysis, scopeManager: ScopeManager, options: ResolvedOptions): boolean {
  const { handler } = analysis;
  const body = handlerBody(handler);
  if (!handler.tryStatement || analysis.used || body?.type !== T.BlockStatement || body.body.length === 0) return false;
  const statements = body.body;
  if (!exitsWithFailure(statements[statements.length - 1]!)) return false;
  if (!statements.slice(0, -1).every((statement) => statement.type === T.ExpressionStatement && isLoggingCall(statement.expression, options))) return false;
  const surface = throwingSurface(handler.tryStatement.block);
  return surface !== null && surface.length > 0 && surface.every((node) => runsChildProcess(node, scopeManager));
}

const FALLBACK_FUNCTION = /^(?:try|safe|attempt|maybe)[A-Z_]|(?:IfExists|IfPresent|IfAvailable|OrNull|OrUndefined|OrDefault|OrEmpty|Optional|Safe|Safely|Quietly)$/;

/** A handler nested in a catch that rethrows: the outer error is the one that matters (`catch (e) { try { enrich(e) } catch {} throw e }`). */
function insideRethrowingCatch(node: Node): boolean {
  let child = node;
  let parent = node.parent;
  while (parent && !isFunction(parent)) {
    if (parent.type === T.CatchClause && child === parent.body) return containsNode(parent.body, (node) => node.type === T.ThrowStatement);
    child = parent;
    parent = parent.parent;
  }
  return false;
}

const PREDICATE_NAME = /^(?:is|has|can|supports?|should|check|exists?|detect|probe|try|validate|isValid)(?:[A-Z_$]|$)/;

function isBooleanLiteral(node: Node | null | undefined): boolean {
  return node != null && node.type === T.Literal && typeof node.value === 'boolean';
}

/**
 * `try { execSync('hg root'); return true } catch {} return false`: the handler falls through to a
 * `return true|false` that directly follows the try statement.
 */
function fallsThroughToBoolean(analysis: HandlerAnalysis): boolean {
  const tryStatement = analysis.handler.tryStatement;
  const parent = tryStatement?.parent;
  if (!tryStatement || tryStatement.finalizer || parent?.type !== T.BlockStatement) return false;
  const next = parent.body[parent.body.indexOf(tryStatement) + 1];
  return next?.type === T.ReturnStatement && isBooleanLiteral(next.argument);
}

function returnsBooleanEverywhere(analysis: HandlerAnalysis): boolean {
  const quiet = analysis.paths.filter((path) => path.label === 'quiet');
  return (
    quiet.length > 0 &&
    quiet.every((path) => {
      const node = path.exit.node;
      if (!node) return path.exit.kind === 'end' && fallsThroughToBoolean(analysis);
      return isBooleanLiteral(node.type === T.ReturnStatement ? node.argument : node);
    })
  );
}

/** A test file by its path alone: every handler in it is test code. */
function isTestCode(handler: Handler, fileName: string): boolean {
  if (isTestPath(fileName)) return true;
  let current: Node | undefined = handler.node.parent;
  while (current) {
    if (current.type === T.CallExpression) {
      const path = memberPath(current.callee);
      const root = path?.split('.')[0];
      if (root && /^(?:it|test|describe|suite|context|specify|fit|xit|before|after|beforeEach|afterEach|beforeAll|afterAll|bench)$/.test(root)) return true;
    }
    current = current.parent;
  }
  return false;
}

function isFireAndForget(handler: Handler, scopeManager: ScopeManager): boolean {
  const call = handler.call;
  if (!call) return false;
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return false;
  const receivers: Node[] = [];
  const collect = (node: Node): void => {
    const current = unwrap(node);
    if (current.type === T.Identifier) receivers.push(current);
    else if (current.type === T.LogicalExpression) {
      collect(current.left);
      collect(current.right);
    } else if (current.type === T.ConditionalExpression) {
      collect(current.consequent);
      collect(current.alternate);
    }
  };
  collect(callee.object);
  return receivers.some((receiver) => {
    const variable = resolveIdentifier(scopeManager, receiver as TSESTree.Identifier);
    return variable !== null && variable.references.some((reference) => reference.identifier !== receiver && reference.isRead());
  });
}

function usesAllowedHandler(handler: Handler, options: ResolvedOptions): boolean {
  if (options.allowedHandlers.size === 0) return false;
  if (handler.call) {
    const argument = handlerArgument(handler);
    const path = argument ? memberPath(argument) : null;
    if (path !== null && (options.allowedHandlers.has(path) || options.allowedHandlers.has(path.split('.').pop()!))) return true;
    if (isFunction(handler.node)) {
      const name = functionName(handler.node);
      if (name !== null && options.allowedHandlers.has(name)) return true;
    }
  }
  const body = handlerBody(handler);
  if (!body) return false;
  let found = false;
  const visit = (node: Node): void => {
    if (found || (isFunction(node) && node !== handler.node)) return;
    if (node.type === T.CallExpression) {
      const name = calleeName(node.callee);
      const path = memberPath(node.callee);
      if ((name !== null && options.allowedHandlers.has(name)) || (path !== null && options.allowedHandlers.has(path))) found = true;
    }
    forEachChild(node, visit);
  };
  visit(body);
  return found;
}

/** Why this handler's quiet paths are deliberate, or null when they are not. */
export function findExemption(analysis: HandlerAnalysis, file: FileContext, options: ResolvedOptions): Exemption | null {
  const { handler } = analysis;
  if (usesAllowedHandler(handler, options)) return 'allowed-handler';
  if (
    options.allowComment !== null &&
    (handlerComments(handler, file.comments).some((comment) => isReasonComment(comment.value, options.allowComment)) ||
      nearbyComments(handler, file.comments).some((comment) =>
        isAboveHolder(handler, comment) ? isReasonAbove(comment.value, analysis, options.allowComment) : isReasonComment(comment.value, options.allowComment),
      ))
  ) {
    return 'comment';
  }
  const param = handler.param ? unwrap(handler.param) : null;
  if (options.ignoreBindingPattern && param?.type === T.Identifier && options.ignoreBindingPattern.test(param.name) && !analysis.used) {
    return 'binding';
  }
  if (options.idioms.testCode && isTestCode(handler, file.fileName)) return 'test-code';
  if (options.idioms.cleanup) {
    if (handler.tryStatement && isCleanupTry(handler.tryStatement.block, options) && insideCatchOrFinally(handler.tryStatement)) return 'cleanup';
    if (handler.tryStatement && isLoggingOnlyTry(handler.tryStatement.block, options)) return 'cleanup';
    if (handler.tryStatement && !analysis.used && insideRethrowingCatch(handler.tryStatement)) return 'cleanup';
    if (handler.tryStatement && !analysis.used && isCleanupTry(handler.tryStatement.block, options) && escalatesCleanup(handler.tryStatement.block, handlerBody(handler))) return 'cleanup';
    if (handler.call) {
      const callee = unwrap(handler.call.callee);
      if (callee.type === T.MemberExpression && isCleanupCall(callee.object, options) && insideCatchOrFinally(handler.call)) return 'cleanup';
    }
  }
  if (options.idioms.probes) {
    if (handler.tryStatement && isProbeTry(handler.tryStatement.block)) return 'probe';
    if (handler.call) {
      const callee = unwrap(handler.call.callee);
      const receiver = callee.type === T.MemberExpression ? unwrap(callee.object) : null;
      if (receiver?.type === T.ImportExpression) return 'probe';
    }
    if (isBooleanProbe(analysis)) return 'probe';
    if (isChildProcessExit(analysis, file.scopeManager, options)) return 'probe';
    const fn = enclosingFunction(handler.tryStatement ?? handler.call ?? handler.node);
    const name = fn ? functionName(fn) : null;
    if (name !== null && PREDICATE_NAME.test(name) && returnsBooleanEverywhere(analysis)) return 'probe';
    // `tryDecode`, `safeParse`, `readFileIfExists`, `loadOrNull`: the function exists to turn a failure into a fallback.
    if (name !== null && FALLBACK_FUNCTION.test(name)) return 'probe';
  }
  if (options.idioms.fireAndForget && (isFireAndForget(handler, file.scopeManager) || isSpeculativeLoad(analysis))) return 'fire-and-forget';
  return findRealCodeExemption(analysis, file, options);
}

