// What the rules report, computed once for the rules and the codemod: a handler finding
// (`no-silent-catch` / `no-broad-catch`) or a log-call finding (`log-error-object`).
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { ScopeManager } from '@typescript-eslint/scope-manager';
import { lineOf, unwrap, type Node } from './ast.js';
import { findHandlers, handlerBody } from './handlers.js';
import { findExemption, handlerComments, type Exemption, type FileContext } from './idioms.js';
import { resolveOptions, type CatchwiseOptions, type ResolvedOptions } from './options.js';
import { abortSignalOf, logsReachedByAbort, mentionsSignal, narrowsAbort } from './knowledge/cancellation.js';
import { analyzeHandler, type HandlerAnalysis } from './paths.js';
import { isDeliberateTextLog } from './log-idioms.js';
import { closingProcessExit } from './terminal.js';
import type { AnalysisInput, Handler, HandlerFinding, HandlerPath, LogCallFinding, PathExit } from './types.js';

const analysisCache = new WeakMap<Node, Map<string, HandlerAnalysis>>();

/** The path analysis of one handler, cached per handler node and options (the three rules share it). */
export function getHandlerAnalysis(handler: Handler, scopeManager: ScopeManager, options: ResolvedOptions): HandlerAnalysis {
  // Keyed by the call for promise handlers: two `.catch(noop)` sites share one `noop` declaration but are two handlers.
  const key = handler.call ?? handler.node;
  let byOptions = analysisCache.get(key);
  if (!byOptions) {
    byOptions = new Map();
    analysisCache.set(key, byOptions);
  }
  let analysis = byOptions.get(options.analysisKey);
  if (!analysis) {
    analysis = analyzeHandler(handler, scopeManager, options);
    byOptions.set(options.analysisKey, analysis);
  }
  return analysis;
}

/** The cached analysis of a handler for these options, without computing it. */
export function peekHandlerAnalysis(handler: Handler, options: ResolvedOptions): HandlerAnalysis | undefined {
  return analysisCache.get(handler.call ?? handler.node)?.get(options.analysisKey);
}

export function describeHandler(handler: Handler): string {
  if (handler.kind === 'catch-clause') return 'catch clause';
  if (handler.kind === 'promise-catch') return '.catch() handler';
  return '.then() rejection handler';
}

/**
 * The `process.exit(…)` statement a path that runs to the end of the handler ends with, if the
 * handler's last statement is one (a failing exit whose error goes unused is such a path).
 */
function endingProcessExit(path: HandlerPath, handler: Handler): Node | null {
  if (path.exit.kind !== 'end' || path.exit.node) return null;
  const body = handlerBody(handler);
  return body?.type === T.BlockStatement ? closingProcessExit(body) : null;
}

/** The line a path ends on: its exit statement (a closing `process.exit()` too), or the closing brace of the handler. */
export function exitLine(path: HandlerPath, handler: Handler): number {
  if (path.exit.node) return lineOf(path.exit.node);
  const processExit = endingProcessExit(path, handler);
  if (processExit) return lineOf(processExit);
  const body = handlerBody(handler);
  return body ? body.loc.end.line : handler.node.loc.start.line;
}

/**
 * "returns 0", "continues the loop", "carries on", "exits the process", …; for an exit a `finally`
 * block replaces: "throws, but the finally block at line 9 returns 0 instead,".
 */
export function describeExit(path: HandlerPath, handler: Handler, sourceText: string): string {
  const { kind, node, value, overriddenBy } = path.exit;
  const own = endingProcessExit(path, handler) ? 'exits the process' : describeLeaving(kind, value ?? (node?.type === T.ReturnStatement ? node.argument : node), sourceText);
  if (!overriddenBy) return own;
  const replacement = describeLeaving(leavingKind(overriddenBy), overriddenBy.type === T.ReturnStatement ? overriddenBy.argument : null, sourceText);
  return `${own}, but the finally block at line ${lineOf(overriddenBy)} ${replacement} instead,`;
}

function leavingKind(node: Node): PathExit['kind'] {
  if (node.type === T.ReturnStatement) return 'return';
  if (node.type === T.BreakStatement) return 'break';
  if (node.type === T.ContinueStatement) return 'continue';
  return 'end';
}

function describeLeaving(kind: PathExit['kind'], value: Node | null | undefined, sourceText: string): string {
  switch (kind) {
    case 'return': {
      if (!value) return 'returns';
      const unwrapped = unwrap(value);
      const returned = unwrapped.type === T.SequenceExpression ? lastExpression(unwrapped) : value;
      const text = sourceText.slice(returned.range[0], returned.range[1]).replace(/\s+/g, ' ');
      return text.length <= 40 ? `returns ${text}` : 'returns a value';
    }
    case 'continue':
      return 'continues the loop';
    case 'break':
      return 'breaks out';
    case 'throw':
      return 'throws';
    default:
      return 'carries on';
  }
}

/** `(count++, 0)` returns `0`. */
function lastExpression(sequence: TSESTree.SequenceExpression): Node {
  return sequence.expressions[sequence.expressions.length - 1]!;
}

function isEmptyHandler(handler: Handler): boolean {
  const body = handlerBody(handler);
  if (body === null) return true;
  if (body.type === T.BlockStatement) return body.body.every((statement) => statement.type === T.EmptyStatement);
  return false;
}

function droppedLogNote(path: HandlerPath, options: ResolvedOptions): string {
  if (path.droppedLog) return `; the log call at line ${lineOf(path.droppedLog)} does not receive the error object`;
  if (path.belowLevelLog) return `; it is logged at line ${lineOf(path.belowLevelLog)} below the minimum level (${options.minimumLevel})`;
  return '';
}

/**
 * A quiet exit inside a nested try whose catch rethrows: "try the alternative, else throw the
 * original error" (`catch (e1) { try { return b() } catch { throw e1 } }`).
 */
function isAlternativeAttempt(path: HandlerPath, handler: Handler): boolean {
  let current = path.exit.node?.parent;
  const stop = handler.node;
  while (current && current !== stop) {
    const parent: Node | undefined = current.parent;
    if (parent?.type === T.TryStatement && parent.block === current && parent.handler && containsThrow(parent.handler.body)) return true;
    current = parent;
  }
  return false;
}

function containsThrow(block: TSESTree.BlockStatement): boolean {
  return block.body.some((statement) => statement.type === T.ThrowStatement);
}

/** Decides whether a handler is reported, by which rule, and with which message. */
type Classification = (HandlerFinding & { exemption?: undefined }) | { exemption: Exemption } | null;
const classificationCache = new WeakMap<HandlerAnalysis, Map<boolean, Classification>>();

export function classifyHandler(analysis: HandlerAnalysis, file: FileContext & { sourceText: string }, options: ResolvedOptions): Classification {
  let byMode = classificationCache.get(analysis);
  if (!byMode) {
    byMode = new Map();
    classificationCache.set(analysis, byMode);
  }
  if (byMode.has(options.requireNarrowing)) return byMode.get(options.requireNarrowing)!;
  const result = classifyUncached(analysis, file, options);
  byMode.set(options.requireNarrowing, result);
  return result;
}

function classifyUncached(analysis: HandlerAnalysis, file: FileContext & { sourceText: string }, options: ResolvedOptions): Classification {
  const { handler, paths } = analysis;
  // Also silent: every use of the error was a throw that the try's `finally` block replaces.
  const silent = paths.every((path) => path.label === 'quiet') && (!analysis.used || paths.every((path) => path.exit.overriddenBy));
  const handled = paths.some((path) => path.label === 'propagates' || path.label === 'loud');
  const quietPaths = silent
    ? paths
    : paths.filter(
        (path) =>
          (path.label === 'quiet' || (options.requireNarrowing && path.label === 'loud')) &&
          // A state-based decision next to a path that handles the error (`if (isStale()) return; report(e)`).
          !(path.label === 'quiet' && path.conditional && handled && !options.requireNarrowing) &&
          !isAlternativeAttempt(path, handler),
      );
  if (quietPaths.length === 0) return abortFinding(analysis, file, options);
  const exemption = findExemption(analysis, file, options);
  if (exemption) return { exemption };
  const what = describeHandler(handler);
  const first = quietPaths[0]!;
  const line = String(exitLine(first, handler));
  const more = quietPaths.length > 1 ? ` (and ${quietPaths.length - 1} more path${quietPaths.length > 2 ? 's' : ''})` : '';
  if (silent) {
    let detail: string;
    if (isEmptyHandler(handler)) {
      const comments = handlerComments(handler, file.comments);
      detail = handler.node.type === T.Identifier || handler.node.type === T.MemberExpression
        ? `it is a no-op`
        : comments.length > 0
          ? `it is empty and its comment gives no reason`
          : `it is empty`;
    } else {
      detail = `the path ending at line ${line} ${describeExit(first, handler, file.sourceText)} without logging or rethrowing it${droppedLogNote(first, options)}${more}`;
    }
    return {
      ruleId: 'no-silent-catch',
      messageId: 'silentCatch',
      data: { handler: what, detail, line },
      handler,
      paths,
      quietPaths,
    };
  }
  const narrowed = paths.some((path) => path.label === 'narrowed');
  const which = narrowed ? 'the fallback' : 'the path';
  if (first.label === 'loud') {
    return {
      ruleId: 'no-broad-catch',
      messageId: 'unnarrowedCatch',
      data: { handler: what, which, line, action: describeExit(first, handler, file.sourceText), more },
      handler,
      paths,
      quietPaths,
    };
  }
  return {
    ruleId: 'no-broad-catch',
    messageId: 'broadCatch',
    data: { handler: what, which, line, action: describeExit(first, handler, file.sourceText), note: droppedLogNote(first, options), more },
    handler,
    paths,
    quietPaths,
  };
}

/**
 * A handler that logs the error and recovers, in code that takes an `AbortSignal`, without telling
 * the abort apart or rethrowing: it reports the caller's cancellation as an unexpected error and
 * swallows it (`no-broad-catch`, `abortSwallowed`).
 */
function abortFinding(analysis: HandlerAnalysis, file: FileContext & { sourceText: string }, options: ResolvedOptions): Classification {
  const { handler, paths } = analysis;
  const recovering = paths.filter((path) => path.label === 'loud');
  if (recovering.length === 0 || paths.some((path) => path.label === 'propagates')) return null;
  if (!mentionsSignal(file.sourceText) || narrowsAbort(handler)) return null;
  const signal = abortSignalOf(handler, file.scopeManager);
  if (!signal) return null;
  const exemption = findExemption(analysis, file, options);
  if (exemption) return { exemption };
  const logs = logsReachedByAbort(analysis, options);
  if (logs.length === 0) return null;
  const first = recovering[0]!;
  const more = recovering.length > 1 ? ` (and ${recovering.length - 1} more path${recovering.length > 2 ? 's' : ''})` : '';
  return {
    ruleId: 'no-broad-catch',
    messageId: 'abortSwallowed',
    data: {
      handler: describeHandler(handler),
      which: paths.some((path) => path.label === 'narrowed') ? 'the fallback' : 'the path',
      line: String(exitLine(first, handler)),
      action: describeExit(first, handler, file.sourceText),
      more,
      signal: `\`${signal.name}\``,
      where: signal.where,
    },
    handler,
    paths,
    quietPaths: [],
    abort: { signal, logs },
  };
}


function fileContext(input: AnalysisInput): FileContext & { sourceText: string } {
  const comments = (input.program as TSESTree.Program & { comments?: TSESTree.Comment[] }).comments ?? [];
  return { fileName: input.fileName, comments, scopeManager: input.scopeManager, sourceText: input.sourceText };
}

function toResolved(options: CatchwiseOptions | ResolvedOptions | undefined): ResolvedOptions {
  if (options && 'analysisKey' in options) return options;
  return resolveOptions(options as CatchwiseOptions | undefined);
}

/** Exactly the handlers `no-silent-catch` and `no-broad-catch` report, in source order. */
export function findHandlerFindings(input: AnalysisInput, options?: CatchwiseOptions | ResolvedOptions): HandlerFinding[] {
  const resolved = toResolved(options);
  const file = fileContext(input);
  const findings: HandlerFinding[] = [];
  for (const handler of findHandlers(input.program, input.scopeManager, resolved)) {
    const result = classifyHandler(getHandlerAnalysis(handler, input.scopeManager, resolved), file, resolved);
    if (result && !('exemption' in result && result.exemption)) findings.push(result as HandlerFinding);
  }
  return findings;
}

/** The name to pass for the error object at `at`: the caught binding or an alias declared before it. */
function errorNameFor(analysis: HandlerAnalysis): string | null {
  const param = analysis.handler.param ? unwrap(analysis.handler.param) : null;
  if (param?.type === T.Identifier) return param.name;
  if (param?.type === T.AssignmentPattern && param.left.type === T.Identifier) return param.left.name;
  return null;
}

/** `log-error-object` findings of one analysed handler. */
export function logCallFindingsOf(analysis: HandlerAnalysis, options: ResolvedOptions, fileName?: string): LogCallFinding[] {
  const findings: LogCallFinding[] = [];
  for (const log of analysis.logCalls) {
    if (log.carriesError || !log.touchesError) continue;
    if (isDeliberateTextLog(log.call, analysis, fileName)) continue;
    if (options.minimumRank > ['trace', 'debug', 'info', 'warn', 'error', 'fatal'].indexOf(log.level)) continue;
    const derivedArguments = log.call.arguments.filter((argument) => {
      const [start, end] = argument.range;
      const inside = (ref: Node): boolean => ref.range[0] >= start && ref.range[1] <= end;
      return analysis.bindings.allRefs.some(inside) || [...analysis.bindings.textRefs].some(inside);
    });
    findings.push({
      ruleId: 'log-error-object',
      messageId: 'logErrorObject',
      data: { line: String(lineOf(log.call)), level: log.level },
      handler: analysis.handler,
      call: log.call,
      errorName: errorNameFor(analysis),
      derivedArguments,
    });
  }
  return findings;
}

/** Every log call inside a handler that carries only text derived from the error (`log-error-object`). */
export function findLogCallFindings(input: AnalysisInput, options?: CatchwiseOptions | ResolvedOptions): LogCallFinding[] {
  const resolved = toResolved(options);
  const seen = new Set<Node>();
  const findings: LogCallFinding[] = [];
  for (const handler of findHandlers(input.program, input.scopeManager, resolved)) {
    for (const finding of logCallFindingsOf(getHandlerAnalysis(handler, input.scopeManager, resolved), resolved, input.fileName)) {
      if (seen.has(finding.call)) continue;
      seen.add(finding.call);
      findings.push(finding);
    }
  }
  return findings.sort((a, b) => a.call.range[0] - b.call.range[0]);
}

