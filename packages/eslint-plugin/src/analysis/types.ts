// The public shapes of the catch model (DESIGN §3), shared by the rules and the codemod.
// Changing a shape here is a change to a contract between two packages: update both.
import type { TSESTree } from '@typescript-eslint/utils';
import type { ScopeManager } from '@typescript-eslint/scope-manager';
import type { AbortSwallow } from './knowledge/cancellation.js';

export type HandlerKind = 'catch-clause' | 'promise-catch' | 'promise-then';

/** A place that receives an error: a catch clause, `p.catch(cb)` or `p.then(ok, cb)`. */
export interface Handler {
  kind: HandlerKind;
  /**
   * The CatchClause, or the callback function (after following a local identifier to its declaration),
   * or — for a no-op handler that cannot be followed (`.catch(noop)` with an imported `noop`,
   * `.catch(_.noop)`) — the Identifier / MemberExpression naming it.
   */
  node:
    | TSESTree.CatchClause
    | TSESTree.ArrowFunctionExpression
    | TSESTree.FunctionExpression
    | TSESTree.FunctionDeclaration
    | TSESTree.Identifier
    | TSESTree.MemberExpression;
  /** The caught binding (catch parameter or the callback's first parameter), or null when there is none. */
  param: TSESTree.Node | null;
  /** The try statement of a catch clause; null for promise handlers. */
  tryStatement: TSESTree.TryStatement | null;
  /** The `.catch()` / `.then()` call of a promise handler; null for catch clauses. */
  call: TSESTree.CallExpression | null;
}

export type PathLabel = 'propagates' | 'narrowed' | 'loud' | 'quiet';

/**
 * How a path through the handler ends; `node` is the ending statement (for an expression-bodied
 * arrow callback: its body expression), null when it falls off the end of the handler.
 */
export interface PathExit {
  kind: 'throw' | 'return' | 'continue' | 'break' | 'end';
  node: TSESTree.Node | null;
  /**
   * The statement of the try's `finally` block that replaces this exit (`return`, `break`,
   * `continue`): the handler's throw or return never leaves it. Unset when the exit stands.
   */
  overriddenBy?: TSESTree.Node;
  /** The value this path returns, when the exit returns one branch of a conditional (`return ok ? a : b`). */
  value?: TSESTree.Node;
}

export interface HandlerPath {
  label: PathLabel;
  exit: PathExit;
  /** A log call on this path that does not receive the error object (text only, or no error at all). */
  droppedLog?: TSESTree.CallExpression | null;
  /** A log call on this path that receives the error object below `minimumLevel`. */
  belowLevelLog?: TSESTree.CallExpression | TSESTree.MemberExpression | null;
  /** The path runs under a condition that does not check the error (`if (isStale()) return`). */
  conditional?: boolean;
  /**
   * The path (label `propagates`) hands on the caught error object itself: `throw e`, `throw alias`,
   * `throw new X(msg, { cause: e })`, `reject(e)`, `next(e)`, `return Promise.reject(e)`, `handle(e)`;
   * not a new error without the cause, not text derived from the error, not `process.exit(1)`.
   */
  handsOnError?: boolean;
  /** Every log call on this path that carries only text derived from the error (`log-error-object`'s candidates). */
  textLogs?: readonly TSESTree.CallExpression[];
  /** The error object reaches a logger at or above the minimum level on this path, whatever its label. */
  logsError?: boolean;
}

/** Everything the code needs to parse and analyse one file, whoever parsed it (ESLint or the codemod). */
export interface AnalysisInput {
  program: TSESTree.Program;
  scopeManager: ScopeManager;
  sourceText: string;
  fileName: string;
}

export type HandlerRuleId = 'no-silent-catch' | 'no-broad-catch';

/** A handler that `no-silent-catch` or `no-broad-catch` reports: the codemod rewrites exactly these. */
export interface HandlerFinding {
  ruleId: HandlerRuleId;
  messageId: string;
  data: Record<string, string>;
  handler: Handler;
  paths: HandlerPath[];
  /** The paths that lose the error (every path, for a silent handler). */
  quietPaths: HandlerPath[];
  /** `no-broad-catch` `abortSwallowed`: the handler logs the caller's abort as an unexpected error and recovers. */
  abort?: AbortSwallow;
}

export type LogCallRuleId = 'log-error-object';

/** A log call inside a handler that carries only text derived from the error (`log-error-object`). */
export interface LogCallFinding {
  ruleId: LogCallRuleId;
  messageId: string;
  data: Record<string, string>;
  handler: Handler;
  call: TSESTree.CallExpression;
  /** The expression naming the error object to pass (the caught binding or an alias in scope), or null for a destructured binding. */
  errorName: string | null;
  /** The error-derived arguments (`e.message`, `` `${e}` ``, `String(e)`). */
  derivedArguments: TSESTree.Node[];
}
