// The domain visitor the rules share (STYLE: "a domain visitor keeps rules small"): it finds every
// handler through ESLint's own traversal, runs the shared analysis once per handler (cached across
// the three rules), and builds the editor suggestions.
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ScopeManager } from '@typescript-eslint/scope-manager';
import {
  buildSpecificCatchRewrite,
  classifyHandler,
  findLoggerStyle,
  getHandlerAnalysis,
  handlerBody,
  handlerArgument,
  handlerFromCall,
  handlerFromCatchClause,
  type FileContext,
  type Handler,
  type HandlerAnalysis,
  type HandlerFinding,
  type HandlerPath,
  type ResolvedOptions,
  type AnalysisInput,
  type CatchwiseOptions,
  resolveOptions,
} from '../analysis/index.js';
import { conciseBodySpan, indentAt, isFunction, unwrap } from '../analysis/ast.js';
import { scopeOf } from '../analysis/handlers.js';
import { CONSOLE_LOGGER, configuredLoggerTest, formatLogCall, type LoggerStyle } from '../analysis/logger-style.js';
import { knowledgeNote, ruleKnowledge, type RuleKnowledge } from '../analysis/knowledge/eslint.js';
import { isTestPath } from '../analysis/test-paths.js';
import { closingProcessExit } from '../analysis/terminal.js';
import { expressionText } from '../analysis/failing-call.js';
import { mayHoldLogCall, throwsOnEveryPath } from '../analysis/quick-checks.js';
import { peekHandlerAnalysis } from '../analysis/findings.js';
import { collectBindings, replacesCaughtError, touchesError, touchesText } from '../analysis/paths.js';
import { anchoredMatches } from '../analysis/anchored-scan.js';
import { logErrorObjectEdit, logsAtWarnOrAbove, reportsCaughtError, type TextEdit } from '../analysis/rewrite.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface RuleFile extends FileContext {
  sourceText: string;
  sourceCode: TSESLint.SourceCode;
  /** ESLint shared settings (`settings.catchwise` is the error-knowledge config). */
  settings?: Readonly<Record<string, unknown>>;
  /** The file's error knowledge, looked up at its first report (it reads the config file). */
  knowledge?: RuleKnowledge;
}

function knowledgeOf(file: RuleFile): RuleKnowledge {
  file.knowledge ??= ruleKnowledge(file.sourceCode, file.fileName, file.settings);
  return file.knowledge;
}

// The three rules lint the same file one after another: they share one RuleFile per SourceCode.
const ruleFiles = new WeakMap<object, RuleFile>();

export function ruleFile(context: Context): RuleFile {
  const sourceCode = context.sourceCode;
  const cached = ruleFiles.get(sourceCode);
  if (cached && cached.settings === context.settings && cached.fileName === context.filename) return cached;
  const file: RuleFile = {
    fileName: context.filename,
    comments: sourceCode.getAllComments(),
    scopeManager: sourceCode.scopeManager as ScopeManager,
    sourceText: sourceCode.text,
    sourceCode,
    settings: context.settings,
  };
  ruleFiles.set(sourceCode, file);
  return file;
}

/**
 * What a rule reports on a handler: `handler` findings (no-silent-catch, no-broad-catch) or `log`
 * calls (log-error-object). Handlers that cannot have such a finding skip the path analysis.
 */
export type HandlerFindingKind = 'handler' | 'log';

function mayHaveFinding(handler: Handler, kind: HandlerFindingKind, testFile: boolean, options: ResolvedOptions): boolean {
  // Another rule analysed this handler already: its answer is at hand, cheaper than a quick check.
  const analysed = peekHandlerAnalysis(handler, options);
  if (kind === 'log') return !(analysed && analysed.logCalls.length === 0) && mayHoldLogCall(handler, options);
  // In a test file every quiet handler is exempt as test code.
  if (testFile && options.idioms.testCode) return false;
  return analysed !== undefined || !throwsOnEveryPath(handler);
}

// A `.catch(cb)` call's handler, per options (allowed no-op names are an option), shared by the rules.
const callHandlers = new WeakMap<TSESTree.CallExpression, { options: ResolvedOptions; handler: Handler | null }>();

function callHandler(call: TSESTree.CallExpression, scopeManager: ScopeManager, options: ResolvedOptions): Handler | null {
  const cached = callHandlers.get(call);
  if (cached?.options === options) return cached.handler;
  const handler = handlerFromCall(call, scopeManager, options);
  callHandlers.set(call, { options, handler });
  return handler;
}

/**
 * Visitors that call `onHandler` once per handler that may have a finding of `kind`, with its
 * (cached) analysis. Nothing is resolved before the file's first handler: most files have none.
 * `ruleOptions` is what `createRule` hands `create`: its first element is read here, at the first
 * handler, so a rule passes it on as it is (not destructured: it is not an array, and `create` runs
 * once per file).
 */
export function handlerVisitors(
  context: Context,
  ruleOptions: readonly [CatchwiseOptions],
  kind: HandlerFindingKind,
  onHandler: (analysis: HandlerAnalysis, file: RuleFile, options: ResolvedOptions) => void,
): TSESLint.RuleListener {
  let resolved: ResolvedOptions | undefined;
  const run = (handler: Handler | null, options: ResolvedOptions): void => {
    if (!handler) return;
    if (!mayHaveFinding(handler, kind, isTestPath(context.filename), options)) return;
    const file = ruleFile(context);
    onHandler(getHandlerAnalysis(handler, file.scopeManager, options), file, options);
  };
  return {
    CatchClause(node) {
      resolved ??= resolveOptions(ruleOptions[0]);
      run(handlerFromCatchClause(node), resolved);
    },
    // The selector lets ESLint's traverser skip every other call before our listener runs.
    'CallExpression[callee.property.name=/^(?:catch|then)$/]'(node: TSESTree.CallExpression) {
      resolved ??= resolveOptions(ruleOptions[0]);
      run(callHandler(node, context.sourceCode.scopeManager as ScopeManager, resolved), resolved);
    },
  };
}

/** The handler finding a rule reports (exemptions resolved), or null. */
export function handlerFinding(analysis: HandlerAnalysis, file: RuleFile, options: ResolvedOptions): HandlerFinding | null {
  const result = classifyHandler(analysis, file, options);
  if (!result || result.exemption) return null;
  return result as HandlerFinding;
}

/** Where a handler is reported: `catch (e)` up to its block, or the callback's head. */
export function handlerLoc(handler: Handler): TSESTree.SourceLocation {
  const node = handler.node;
  if (node.type === T.CatchClause) return { start: node.loc.start, end: node.body.loc.start };
  if (isFunction(node) && handler.call) {
    const inCall = handler.call.arguments.some((argument) => unwrap(argument) === node);
    if (inCall) return { start: node.loc.start, end: node.body.loc.start };
  }
  return handlerArgument(handler)?.loc ?? node.loc;
}

// ───────────────────────────── suggestions ─────────────────────────────

export interface LoggerChoice {
  /** `logger`, `this.logger`, `console`, … */
  expression: string;
  /** pino/bunyan put the error in an object first; winston/console take it after the message. */
  objectFirst: boolean;
}

const LOGGER_USE = /(?<![\w$.#])((?:this\.)?#?(?:[A-Za-z_$][\w$]*\.)?(?:logger|log|[A-Za-z_$][\w$]*Logger))\.(?:trace|debug|info|warn|error|fatal)\(\s*(\{)?/g;
const LOGGER_USE_ANCHOR = /\.(?:trace|debug|info|warn|error|fatal)\(/g;

const loggerChoices = new Map<string, LoggerChoice>();

/** The logger a file already uses (and its argument order), else `console`. Memoised for the last file. */
export function chooseLogger(sourceText: string): LoggerChoice {
  const cached = loggerChoices.get(sourceText);
  if (cached) return cached;
  const choice = scanLogger(sourceText);
  loggerChoices.clear();
  loggerChoices.set(sourceText, choice);
  return choice;
}

function scanLogger(sourceText: string): LoggerChoice {
  let found: string | null = null;
  let objectFirst = false;
  for (const match of anchoredMatches(sourceText, LOGGER_USE, LOGGER_USE_ANCHOR)) {
    if (match[1]!.startsWith('console')) continue;
    found ??= match[1]!;
    if (match[1] === found && match[2]) objectFirst = true;
  }
  if (/from\s+['"](?:pino|bunyan)['"]|require\(\s*['"](?:pino|bunyan)['"]\s*\)/.test(sourceText)) objectFirst = true;
  return found ? { expression: found, objectFirst } : { expression: 'console', objectFirst: false };
}

const unusedNames = new WeakMap<object, string>();

function unusedName(handler: Handler, scopeManager: ScopeManager, base: string): string {
  const cached = unusedNames.get(handler.node);
  if (cached !== undefined) return cached;
  const name = pickUnusedName(handler, scopeManager, base);
  unusedNames.set(handler.node, name);
  return name;
}

function pickUnusedName(handler: Handler, scopeManager: ScopeManager, base: string): string {
  const scope = scopeManager.acquire(handler.node, true) ?? scopeOf(scopeManager, handler.node);
  // Asked per candidate instead of collecting every name in reach: the global scope alone holds
  // hundreds of lib names, and the first candidate is nearly always free.
  const taken = (name: string): boolean => {
    for (let current = scope; current; current = current.upper) {
      if (current.set.has(name)) return true;
      for (const reference of current.through) if (reference.identifier.name === name) return true;
    }
    return false;
  };
  let name = base;
  for (let i = 2; taken(name); i++) name = `${base}${i}`;
  return name;
}

interface BindingPlan {
  name: string;
  /** Every edit the binding needs (the parameter and, for a pattern, the destructuring inside the body). */
  fixes: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];
  /** Only the parameter edit; the caller then places `prelude` itself (to avoid overlapping edits). */
  paramFixes: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];
  /** `const { message } = error;` for a destructured binding, else null. */
  prelude: string | null;
}

/** Makes sure the handler binds the error to a plain name: adds `(error)`, or turns `{ message }` into `error` + a destructuring. */
export function planBinding(handler: Handler, file: RuleFile): BindingPlan | null {
  const node = handler.node;
  const param = handler.param;
  const none = () => [];
  if (param && param.type === T.Identifier) return { name: param.name, fixes: none, paramFixes: none, prelude: null };
  if (param && param.type === T.AssignmentPattern && param.left.type === T.Identifier) {
    return { name: param.left.name, fixes: none, paramFixes: none, prelude: null };
  }
  const name = unusedName(handler, file.scopeManager, 'error');
  if (node.type === T.CatchClause) {
    if (!param) {
      const catchToken = file.sourceCode.getFirstToken(node)!;
      const fixes = (fixer: TSESLint.RuleFixer) => [fixer.insertTextAfter(catchToken, ` (${name})`)];
      return { name, fixes, paramFixes: fixes, prelude: null };
    }
    return wholeParameterPlan(param, node.body, name, file);
  }
  if (isFunction(node)) {
    if (param) {
      // `.catch(({ message }) => { … })`: take the error whole, keep the destructuring inside the block
      if (!isDestructured(param) || node.body.type !== T.BlockStatement) return null;
      return wholeParameterPlan(param, node.body, name, file);
    }
    if (node.type === T.ArrowFunctionExpression) {
      const first = file.sourceCode.getFirstToken(node, { filter: (token) => token.value === '(' });
      if (first && first.range[0] < node.body.range[0]) {
        const fixes = (fixer: TSESLint.RuleFixer) => [fixer.insertTextAfter(first, name)];
        return { name, fixes, paramFixes: fixes, prelude: null };
      }
      return null;
    }
    const open = file.sourceCode.getTokenBefore(node.body, { filter: (token) => token.value === ')' });
    if (!open) return null;
    const fixes = (fixer: TSESLint.RuleFixer) => [fixer.insertTextBefore(open, name)];
    return { name, fixes, paramFixes: fixes, prelude: null };
  }
  return null;
}

/** `const { message } = error;`: the pattern the handler destructured its parameter with, now read from `name`. */
/** `catch ({ message }) {…}` → `catch (error) { const { message } = error; …}`: the pattern becomes `name`, destructured first thing in `body`. */
function wholeParameterPlan(param: TSESTree.Node, body: TSESTree.BlockStatement, name: string, file: RuleFile): BindingPlan {
  const prelude = destructuringPrelude(param, name, file);
  return {
    name,
    fixes: (fixer) => [fixer.replaceText(param, name), fixer.insertTextAfterRange([body.range[0], body.range[0] + 1], ` ${prelude}`)],
    paramFixes: (fixer) => [fixer.replaceText(param, name)],
    prelude,
  };
}

function destructuringPrelude(param: TSESTree.Node, name: string, file: RuleFile): string {
  return `const ${file.sourceText.slice(param.range[0], param.range[1])} = ${name};`;
}

/** `{ message }` or `[first]` without a default or a type annotation. */
function isDestructured(param: TSESTree.Node): boolean {
  return (param.type === T.ObjectPattern || param.type === T.ArrayPattern) && !param.typeAnnotation;
}

/** `({ message }) => 0`: the parameter becomes `error`, the concise body a block that destructures it first. */
function destructuredConciseFix(handler: Handler, file: RuleFile, body: TSESTree.Expression, log: (name: string) => string): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]) | null {
  const param = handler.param;
  if (!param || !isDestructured(param) || !isFunction(handler.node)) return null;
  const span = conciseBodySpan(file.sourceText, handler.node, body);
  if (!span) return null;
  const name = unusedName(handler, file.scopeManager, 'error');
  const prelude = destructuringPrelude(param, name, file);
  return (fixer) => [fixer.replaceText(param, name), fixer.replaceTextRange([span.start, span.end], ` { ${prelude} ${log(name)} return ${span.raw}; }`)];
}

/** An error-level log of `name` through `logger`, in its own argument order (as the rewrite writes it). */
function logStatement(logger: LoggerStyle, name: string, message: string): string {
  const quoted = `'${message.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return `${formatLogCall(logger, 'error', name, quoted)};`;
}

function contextName(handler: Handler): string {
  let current: TSESTree.Node | undefined = handler.node.parent;
  while (current) {
    if (isFunction(current)) {
      if (current.type !== T.ArrowFunctionExpression || current !== handler.node) {
        const parent = current.parent;
        if (current.type === T.FunctionDeclaration && current.id) return current.id.name;
        if (parent?.type === T.MethodDefinition && parent.key.type === T.Identifier) {
          const cls = parent.parent?.parent;
          const className = cls && (cls.type === T.ClassDeclaration || cls.type === T.ClassExpression) && cls.id ? `${cls.id.name}.` : '';
          return `${className}${parent.key.name}`;
        }
        if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) return parent.id.name;
      }
    }
    current = current.parent;
  }
  return '';
}

/** A message for an inserted log line: "PostgresClient.close: unexpected error". */
export function logMessage(handler: Handler): string {
  const where = contextName(handler);
  return where ? `${where}: unexpected error` : 'unexpected error';
}

type SuggestionFix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];

/**
 * Statement-level edits at each quiet exit: `mode` 'log' inserts a log line before it (or passes the
 * error to the log already there), 'rethrow' replaces it with `throw`. `target`: the logger the
 * error goes to, for the suggestion's description (the handler's own log's, when every exit passes
 * the error to one: `logger.warn(e.message)` → `logger.warn(e.message, e)`).
 */
export function quietPathEdits(
  finding: HandlerFinding,
  file: RuleFile,
  mode: 'log' | 'rethrow',
  logger: LoggerStyle,
): { fix: SuggestionFix; target: string } | null {
  let ownTarget: string | null = null;
  const fix = quietPathFix(finding, file, mode, logger, (target) => (ownTarget = target));
  return fix ? { fix, target: ownTarget ?? errorLoggerName(logger) } : null;
}

function quietPathFix(
  finding: HandlerFinding,
  file: RuleFile,
  mode: 'log' | 'rethrow',
  logger: LoggerStyle,
  onlyOwnLogs: (receiver: string | null) => void,
): SuggestionFix | null {
  const { handler } = finding;
  const body = handlerBody(handler);
  const logAs = (name: string): string => logStatement(logger, name, logMessage(handler));
  const binding = planBinding(handler, file);
  if (!binding) return mode === 'log' && body !== null && body.type !== T.BlockStatement ? destructuredConciseFix(handler, file, body, logAs) : null;
  const name = binding.name;
  const log = logAs(name);
  // `e = new Error('x')` in the handler: only at its start does the binding still hold the caught error.
  const replaced = body !== null && body.type === T.BlockStatement && replacesCaughtError(handler, file.scopeManager);
  if (replaced && mode === 'rethrow') return null;
  const line = mode === 'log' ? log : `throw ${name};`;
  if (body === null) {
    // `.catch(noop)`: replace the reference with a logging callback.
    if (mode !== 'log' || !handler.call) return null;
    const target = handler.node;
    return (fixer) => [fixer.replaceText(target, `(${name}) => { ${log} }`)];
  }
  if (body.type !== T.BlockStatement) {
    if (mode !== 'log') return null;
    const span = conciseBodySpan(file.sourceText, handler.node, body);
    if (!span) return null;
    return (fixer) => [...binding.fixes(fixer), fixer.replaceTextRange([span.start, span.end], ` { ${log} return ${span.raw}; }`)];
  }
  const endMixed = finding.paths.some((path) => path.exit.kind === 'end' && path.label !== 'quiet');
  const edits: ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix)[] = [];
  let atStart = replaced;
  const prelude = binding.prelude;
  const ownLogs = mode === 'log' ? ownLogEdits(finding, file, name, logger) : new Map<TSESTree.Node | null, TextEdit[]>();
  const seenExits = new Set<TSESTree.Node | null>();
  let newLines = 0;
  for (const path of finding.quietPaths) {
    // One edit per exit: two quiet paths can end at the same statement (or both fall off the end).
    if (seenExits.has(path.exit.node)) continue;
    seenExits.add(path.exit.node);
    const passed = ownLogs.get(path.exit.node);
    if (passed) edits.push(...passed.map((edit) => (fixer: TSESLint.RuleFixer) => fixer.replaceTextRange(edit.range, edit.text)));
    else {
      newLines += 1;
      edits.push(...exitEdit(path, body, file, line, mode, endMixed, () => (atStart = true), prelude));
    }
  }
  const firstOwnLog = finding.quietPaths[0]?.droppedLog;
  if (!atStart && newLines === 0 && firstOwnLog) onlyOwnLogs(firstOwnLog.callee.type === T.MemberExpression ? expressionText(firstOwnLog.callee.object) : null);
  if (atStart) {
    if (mode === 'rethrow') return null;
    edits.length = 0;
    const indent = body.body.length > 0 ? indentAt(file.sourceText, body.body[0]!.range[0]) : `${indentAt(file.sourceText, body.range[0])}  `;
    const head = prelude ? ` ${prelude}` : '';
    edits.push((fixer) => fixer.insertTextAfterRange([body.range[0], body.range[0] + 1], `${head}\n${indent}${log}`));
    return (fixer) => [...binding.paramFixes(fixer), ...edits.map((edit) => edit(fixer))];
  }
  if (edits.length === 0) return null;
  // The body-replacing edit (an empty block) carries the destructuring itself.
  const replacesBody = finding.quietPaths.some((path) => path.exit.node === null) && !endMixed && body.body.length === 0;
  const bindingFixes = replacesBody ? binding.paramFixes : binding.fixes;
  return (fixer) => [...bindingFixes(fixer), ...edits.map((edit) => edit(fixer))];
}

/**
 * Per exit, the edits that pass the error object to the log at warn or above every quiet path to it
 * already makes, as the codemod does: a log about the error (`console.error(\`failed: ${e}\`)` →
 * `console.error(\`failed: ${e}\`, e)`), or one that reports it without mentioning it
 * (`console.error('upload failed')`, see `reportsCaughtError`). A second log of the same failure
 * beside it would say it twice. An exit some quiet path reaches without such a log is left out (it
 * gets a new log line).
 */
function ownLogEdits(finding: HandlerFinding, file: RuleFile, name: string, style: LoggerStyle): Map<TSESTree.Node | null, TextEdit[]> {
  const result = new Map<TSESTree.Node | null, TextEdit[]>();
  const { handler } = finding;
  if ((handler.param && handler.param.type !== T.Identifier) || !finding.quietPaths.some((path) => path.droppedLog)) return result;
  const bindings = collectBindings(handler, file.scopeManager);
  const input = analysisInput(file);
  const editFor = new Map<TSESTree.CallExpression, TextEdit | null>();
  const passable = (path: HandlerPath): TextEdit | null => {
    const log = path.droppedLog;
    if (!log || !logsAtWarnOrAbove(log)) return null;
    const aboutError = log.arguments.some((argument) => touchesError(argument, bindings) || touchesText(argument, bindings));
    if (!aboutError && !reportsCaughtError(log, handler, style)) return null;
    if (!editFor.has(log)) editFor.set(log, logErrorObjectEdit(input, log, name, handler.node));
    return editFor.get(log)!;
  };
  const exits = new Map<TSESTree.Node | null, (TextEdit | null)[]>();
  for (const path of finding.quietPaths) {
    const edits = exits.get(path.exit.node) ?? [];
    edits.push(passable(path));
    exits.set(path.exit.node, edits);
  }
  for (const [exit, edits] of exits) {
    if (edits.every((edit) => edit !== null)) result.set(exit, [...new Set(edits)] as TextEdit[]);
  }
  return result;
}

function exitEdit(
  path: HandlerPath,
  body: TSESTree.BlockStatement,
  file: RuleFile,
  line: string,
  mode: 'log' | 'rethrow',
  endMixed: boolean,
  fallBackToStart: () => void,
  prelude: string | null = null,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix)[] {
  const node = path.exit.node;
  if (node && node.type !== T.ReturnStatement && node.type !== T.ContinueStatement && node.type !== T.BreakStatement) {
    fallBackToStart();
    return [];
  }
  if (node) {
    const parent = node.parent;
    const inBlock = parent?.type === T.BlockStatement || parent?.type === T.SwitchCase || parent?.type === T.StaticBlock;
    if (mode === 'rethrow') {
      if (node.type === T.ReturnStatement && node.argument && containsSideEffect(node.argument)) {
        fallBackToStart();
        return [];
      }
      return [(fixer) => fixer.replaceText(node, line)];
    }
    if (inBlock) {
      const indent = indentAt(file.sourceText, node.range[0]);
      return [(fixer) => fixer.insertTextBefore(node, `${line}\n${indent}`)];
    }
    const text = file.sourceText.slice(node.range[0], node.range[1]);
    return [(fixer) => fixer.replaceText(node, `{ ${line} ${text} }`)];
  }
  if (endMixed) {
    fallBackToStart();
    return [];
  }
  const processExit = closingProcessExit(body);
  if (processExit) {
    // The process ends there (`process.exit(1)`): a log goes before the exit, where it runs, as in the
    // codemod; a rethrow would replace the exit, so none is offered.
    if (mode === 'rethrow') {
      fallBackToStart();
      return [];
    }
    const indent = indentAt(file.sourceText, processExit.range[0]);
    return [(fixer) => fixer.insertTextBefore(processExit, `${line}\n${indent}`)];
  }
  const last = body.body[body.body.length - 1];
  if (last) {
    const indent = indentAt(file.sourceText, last.range[0]);
    return [(fixer) => fixer.insertTextAfter(last, `\n${indent}${line}`)];
  }
  const closingIndent = indentAt(file.sourceText, body.range[1] - 1);
  const sameLine = !file.sourceText.slice(body.range[0], body.range[1]).includes('\n');
  const head = prelude ? ` ${prelude}` : '';
  const inner = file.sourceText.slice(body.range[0] + 1, body.range[1] - 1);
  if (sameLine) {
    const kept = inner.trim();
    return [(fixer) => fixer.replaceText(body, `{${head}${kept ? ` ${kept}` : ''} ${line} }`)];
  }
  const innerIndent = `${closingIndent}  `;
  return [(fixer) => fixer.replaceText(body, `{${head}${inner.replace(/\s*$/, '')}\n${innerIndent}${line}\n${closingIndent}}`)];
}

function containsSideEffect(node: TSESTree.Node): boolean {
  const current = unwrap(node);
  return !(current.type === T.Literal || current.type === T.Identifier || current.type === T.ObjectExpression && current.properties.length === 0 || current.type === T.ArrayExpression && current.elements.length === 0);
}

export function analysisInput(file: RuleFile): AnalysisInput {
  return { program: file.sourceCode.ast, scopeManager: file.scopeManager, sourceText: file.sourceText, fileName: file.fileName };
}

/** The codemod's specific-then-fallback rewrite as a suggestion fix (one source of truth), or null. */
export function specificRewriteFix(finding: HandlerFinding, file: RuleFile, options: ResolvedOptions): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]) | null {
  let rewrite;
  try {
    // The rule's own options: its configured loggers are loggers for the rewrite too (as in the codemod).
    rewrite = buildSpecificCatchRewrite(finding, analysisInput(file), { knownErrors: knowledgeOf(file).provider, analysis: options });
  } catch (error) {
    // ignore: the rewrite is optional here because the rethrow / log suggestions still apply (${String(error)})
    void error;
    return null;
  }
  if (rewrite.fixme !== null || rewrite.edits.length === 0) return null;
  const edits = [...rewrite.edits].sort((a, b) => a.range[0] - b.range[0]);
  for (let i = 1; i < edits.length; i++) if (edits[i]!.range[0] < edits[i - 1]!.range[1]) return null;
  return (fixer) => edits.map((edit) => fixer.replaceTextRange(edit.range, edit.text));
}

export type HandlerSuggestionId = 'specificCatchSuggestion' | 'logErrorSuggestion' | 'rethrowSuggestion';

/**
 * The logger the suggestions log through: the one the specific rewrite calls (in scope at the
 * handler, the rules' configured loggers included; `globalThis.console` where a local `console` hides
 * the global one), so an editor fix never names a logger the handler cannot reach.
 */
function suggestionLogger(handler: Handler, file: RuleFile, options: ResolvedOptions): LoggerStyle {
  return findLoggerStyle(analysisInput(file), handler.node, null, null, configuredLoggerTest(options));
}

/** The logger an error-level log goes to: `debug` has no levels, its fallback takes the error. */
function errorLoggerName(logger: LoggerStyle): string {
  return logger.kind === 'debug' ? (logger.errorFallback ?? CONSOLE_LOGGER).object : logger.object;
}

/**
 * The suggestions of `no-silent-catch` and `no-broad-catch`, in order: the shared
 * specific-then-fallback rewrite; the error object passed to a logger on the quiet paths (when
 * `withLog`); a rethrow (catch clauses only).
 */
export function handlerSuggestions(
  finding: HandlerFinding,
  file: RuleFile,
  withLog: boolean,
  options: ResolvedOptions,
): TSESLint.SuggestionReportDescriptor<HandlerSuggestionId>[] {
  const logger = suggestionLogger(finding.handler, file, options);
  const suggest: TSESLint.SuggestionReportDescriptor<HandlerSuggestionId>[] = [];
  const specific = specificRewriteFix(finding, file, options);
  if (specific) suggest.push({ messageId: 'specificCatchSuggestion', fix: specific });
  const log = withLog ? quietPathEdits(finding, file, 'log', logger) : null;
  if (log) suggest.push({ messageId: 'logErrorSuggestion', data: { logger: log.target }, fix: log.fix });
  const rethrow = finding.handler.kind === 'catch-clause' ? quietPathEdits(finding, file, 'rethrow', logger) : null;
  if (rethrow) suggest.push({ messageId: 'rethrowSuggestion', fix: rethrow.fix });
  return suggest;
}

/** The `{{expected}}` part of a handler rule's message: the error types the knowledge expects here. */
export function expectedNote(finding: HandlerFinding, file: RuleFile): string {
  return knowledgeNote(finding, analysisInput(file), knowledgeOf(file));
}
