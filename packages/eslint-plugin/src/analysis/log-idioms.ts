// Text-only error logs that are fine (precision audit, idiom 10): the log call keeps its
// `log-error-object` report unless one of these holds:
// (a) every path through the handler that passes the log hands on the caught error object (path label
//     `propagates` with `handsOnError`: `throw e`, `throw alias`, `throw new X(msg, { cause: e })`,
//     `reject(e)`, `next(e)`, `callback(e)`): whoever catches it gets the stack and the cause. A path
//     after the log that recovers, or throws a new error without the cause, keeps the report;
// (b) the text includes `e.stack`;
// (c) the log sits in the positive branch of a narrowing to a known error (`e.code === X`,
//     `e instanceof NotFound`), where the error is expected and its message is the content;
// (d) test code (same detection as the other rules);
// (e) the text is a child process's own output (`e.stderr`, `catch ({ stdout, stderr })` after `execSync`):
//     the output says what failed, the stack only points into `child_process`;
// (f) every path that passes the log also logs the error object itself at or above the minimum level
//     (`console.error('failed', e); console.error(JSON.stringify(e.response))`): the text is a supplement;
// (g) the try block only parses a data format (`JSON.parse`, `yaml.parse`, `dotenv.parse`), perhaps of a file
//     it reads (`JSON.parse(readFileSync(p))`): the message names what is wrong with the input and where, the
//     stack only points into the parser.
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { calleeName, forEachChild, memberPath, outerWrapper, propertyName, unwrap, type Node } from './ast.js';
import { resolveOptions } from './options.js';
import { checkPolarity, loggerCallLevel, type ErrorBindings, type HandlerAnalysis } from './paths.js';
import { throwingSurface } from './probes.js';
import { sourceCalls } from './rewrite.js';
import { isTestPath } from './test-paths.js';

function refersToError(node: Node, bindings: ErrorBindings): boolean {
  const [start, end] = node.range;
  return bindings.allRefs.some((ref) => ref.range[0] >= start && ref.range[1] <= end);
}

/**
 * (a) and (f): every path that passes the log call hands on the caught error object, or logs it
 * (also under a check of the error: `if (e.response) log(JSON.stringify(e.response))`); none passes it: not exempt.
 */
function recordedOnEveryPath(call: TSESTree.CallExpression, analysis: HandlerAnalysis): boolean {
  let passed = false;
  for (const path of analysis.paths) {
    if (!path.textLogs?.includes(call)) continue;
    const handsOn = path.label === 'propagates' && path.handsOnError;
    if (!handsOn && !path.logsError) return false;
    passed = true;
  }
  return passed;
}

/** (b) `${e.stack}` in the log text. */
function carriesStack(call: TSESTree.CallExpression, bindings: ErrorBindings): boolean {
  let found = false;
  const visit = (node: Node): void => {
    if (found) return;
    if (node.type === T.MemberExpression && propertyName(node) === 'stack' && bindings.objectRefs.has(unwrap(node.object))) {
      found = true;
      return;
    }
    forEachChild(node, visit);
  };
  for (const argument of call.arguments) visit(argument);
  return found;
}

/** A test that narrows to a specific error: a comparison of a field or an `instanceof` other than `Error`. */
function isSpecificCheck(test: Node, bindings: ErrorBindings): boolean {
  const current = unwrap(test);
  if (current.type === T.LogicalExpression) return isSpecificCheck(current.left, bindings) || isSpecificCheck(current.right, bindings);
  if (current.type === T.UnaryExpression && current.operator === '!') return isSpecificCheck(current.argument, bindings);
  if (current.type !== T.BinaryExpression || !refersToError(current, bindings)) return false;
  if (current.operator === 'instanceof') return memberPath(current.right) !== 'Error';
  if (!['===', '==', '!==', '!='].includes(current.operator)) return false;
  const other = [current.left, current.right].map(unwrap).find((side) => !refersToError(side, bindings));
  return other !== undefined && !(other.type === T.Literal && other.value === null) && !(other.type === T.Identifier && other.name === 'undefined');
}

/** (c) In the branch of an `if` where the error is the narrowed, expected one. */
function inNarrowedBranch(call: TSESTree.CallExpression, analysis: HandlerAnalysis): boolean {
  const stop = analysis.handler.node;
  let child: Node = call;
  let parent: Node | undefined = call.parent;
  while (parent && parent !== stop) {
    if (parent.type === T.IfStatement && child !== parent.test && isSpecificCheck(parent.test, analysis.bindings)) {
      const polarity = checkPolarity(parent.test, analysis.bindings);
      if ((child === parent.consequent && polarity === 'pos') || (child === parent.alternate && polarity === 'neg')) return true;
    }
    child = parent;
    parent = parent.parent;
  }
  return false;
}

/** Fields an error has (Error, Node system errors, HTTP client errors). */
const ERROR_FIELDS = new Set([
  'message', 'name', 'stack', 'cause', 'code', 'errno', 'syscall', 'path', 'address', 'port', 'dest', 'info', 'status',
  'statusCode', 'errors', 'response', 'reason', 'detail', 'details', 'type', 'toString',
  // child_process and execa errors
  'stdout', 'stderr', 'output', 'signal', 'pid', 'exitCode',
]);

/** `e.stacktrace`: a field errors do not have, so the log prints `undefined` and the failure is lost (a defect even in tests). */
function readsUnknownField(call: TSESTree.CallExpression, bindings: ErrorBindings): boolean {
  let found = false;
  const visit = (node: Node): void => {
    if (found) return;
    if (node.type === T.MemberExpression && !node.computed && bindings.objectRefs.has(unwrap(node.object))) {
      const name = propertyName(node);
      if (name !== null && !ERROR_FIELDS.has(name)) {
        found = true;
        return;
      }
    }
    forEachChild(node, visit);
  };
  for (const argument of call.arguments) visit(argument);
  return found;
}

/** `exec`, `execSync`, `execFile`, `spawnSync`, a promisified `execAsync`, execa's `execa`/`execaSync`. */
const CHILD_PROCESS_CALL = /^(?:exec|execFile|spawn)(?:Sync|Async)?$|^execa(?:Sync|Command(?:Sync)?)?$/;
const CHILD_OUTPUT = /^(?:stdout|stderr|output)$/;

/** (e) The handler's source runs a child process and the log's error-derived text is only its output. */
function printsChildOutput(call: TSESTree.CallExpression, analysis: HandlerAnalysis): boolean {
  const runsChild = sourceCalls(analysis.handler).some((source) => source.type === T.CallExpression && CHILD_PROCESS_CALL.test(calleeName(source.callee) ?? ''));
  if (!runsChild) return false;
  const [start, end] = [call.arguments[0]?.range[0] ?? call.range[1], call.range[1]];
  const refs = analysis.bindings.allRefs.filter((ref) => ref.range[0] >= start && ref.range[1] <= end);
  return refs.length > 0 && refs.every((ref) => {
    if (analysis.bindings.objectRefs.has(ref)) {
      const parent = outerWrapper(ref).parent;
      return parent?.type === T.MemberExpression && unwrap(parent.object) === ref && CHILD_OUTPUT.test(propertyName(parent) ?? '');
    }
    return ref.type === T.Identifier && CHILD_OUTPUT.test(ref.name);
  });
}

/** `JSON.parse`, `yaml.parse`, `dotenv.parse`, `secureJsonParse`: a data format whose parser names where the input is wrong. */
const DATA_FORMAT_PARSE = /^(?:JSON|JSON5|json5|yaml|YAML|toml|TOML|dotenv)\.parse$|^(?:secureJsonParse|parseYaml|parseToml)$/;
/** The read of the file that is parsed, and the existence check before it. */
const FILE_READ = /^(?:readFile|readFileSync|existsSync)$/;

/**
 * (g) The try block only parses a data format, perhaps of a file it reads: every call that can throw is such a
 * parse or a file read, and there is a parse. A code parser (`parse(code)` of a compiler) is not a data
 * format: its failure may be its own bug, whose stack is wanted.
 */
function failsOnInputOnly(analysis: HandlerAnalysis): boolean {
  const tryStatement = analysis.handler.tryStatement;
  if (!tryStatement) return false;
  const surface = throwingSurface(tryStatement.block)?.filter((node) => !isDefaultLoggerCall(node));
  if (!surface || !surface.some(isDataFormatParse)) return false;
  return surface.every((node) => isDataFormatParse(node) || (node.type === T.CallExpression && FILE_READ.test(calleeName(node.callee) ?? '')));
}

function isDataFormatParse(node: Node): boolean {
  return node.type === T.CallExpression && DATA_FORMAT_PARSE.test(memberPath(node.callee) ?? '');
}

const DEFAULT_OPTIONS = resolveOptions();

/** `logger.debug('found it')` next to the parse (the default loggers: a custom one counts as work that can fail). */
function isDefaultLoggerCall(node: Node): boolean {
  return node.type === T.CallExpression && loggerCallLevel(node, DEFAULT_OPTIONS) !== null;
}

/** Whether a text-only log of the error is deliberate. */
export function isDeliberateTextLog(call: TSESTree.CallExpression, analysis: HandlerAnalysis, fileName: string | undefined, testCode: (fileName: string) => boolean = isTestPath): boolean {
  if (fileName !== undefined && testCode(fileName) && !readsUnknownField(call, analysis.bindings)) return true;
  return (
    carriesStack(call, analysis.bindings) || inNarrowedBranch(call, analysis) || printsChildOutput(call, analysis) ||
    recordedOnEveryPath(call, analysis) || failsOnInputOnly(analysis)
  );
}
