// The catch model shared by the rules and the codemod (DESIGN §3):
// `@catchwise/eslint-plugin/analysis`. Signatures here are a contract with `@catchwise/codemods`.
export type * from './types.js';
export {
  findHandlers,
  handlerFromCall,
  handlerFromCatchClause,
  handlerBody,
  handlerArgument,
  caughtVariables,
  resolveIdentifier,
  ensureParents,
} from './handlers.js';
export {
  analyzeHandler,
  collectBindings,
  replacesCaughtError,
  carriesError,
  touchesError,
  checkPolarity,
  loggerCallLevel,
  type ErrorBindings,
  type HandlerAnalysis,
  type LogCallInfo,
} from './paths.js';
export { findExemption, isProbeTry, isReasonComment, handlerComments, type Exemption, type FileContext } from './idioms.js';
export {
  classifyHandler,
  describeExit,
  describeHandler,
  exitLine,
  findHandlerFindings,
  findLogCallFindings,
  getHandlerAnalysis,
  logCallFindingsOf,
} from './findings.js';
export {
  CLEANUP_METHODS,
  DEFAULT_IDIOMS,
  DEFAULT_LOGGERS,
  DEFAULT_METHOD_LEVELS,
  DEFAULT_OPTIONS,
  DEFAULT_PROPAGATORS,
  LOG_LEVELS,
  OPTION_SCHEMAS,
  PROBE_CALLS,
  compilePathPattern,
  levelRank,
  defaultOptionsFor,
  optionsSchema,
  resolveOptions,
  type CatchwiseOptions,
  type CompiledLogger,
  type IdiomOptions,
  type LogLevel,
  type LoggerOption,
  type ResolvedOptions,
} from './options.js';
// The specific-then-fallback rewrite and the logger it calls, shared with the codemod.
export * from './rewrite.js';
export * from './logger-style.js';
// Error knowledge (DESIGN §4): config, `@throws`, the catalog; the rewrite's default provider.
export * from './knowledge/index.js';
