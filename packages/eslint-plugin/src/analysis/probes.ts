// Probes (precision audit, idioms 1, 2 and 11): a try block or a promise chain whose only throwing
// operations ask a question whose failure means "absent" or "invalid" (parse, decode, stat, read a
// candidate file, resolve a package, optional import), and whose handler yields a default.
// An existence guard (`existsSync(p)` before `readdirSync(p)`) turns an fs probe back into I/O:
// once the path is known to exist, a failing read is no longer "absent".
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { calleeName, containsNode, enclosingFunction, forEachChild, functionName, isFunction, memberPath, outerWrapper, propertyName, unwrap, type Node } from './ast.js';
import { handlerBody } from './handlers.js';
import type { HandlerAnalysis } from './paths.js';

/**
 * `JSON.parse`, `safeParse`, `yaml.parse`, zod's `schema.parseAsync`: a name ending in parse (not
 * `parseTimestamp`, whose input is domain data).
 */
const PARSE = /parse(?:Async)?$/i;
const DECODE = /^(?:decodeURI(?:Component)?|atob|unescape)$|decode$/i;
const FS_PROBE = /^(?:l|f)?stat(?:Sync)?$|^(?:safe)?realpath(?:Sync)?$|^readFile(?:Sync)?$|^readdir(?:Sync)?$|^access(?:Sync)?$|^exists\w*$|^readlink(?:Sync)?$/i;
const PACKAGE = /^(?:read|load)\w*Package\w*$|^resolve\w*Module\w*$|^resolvePackage\w*$/i;
/** `crypto.subtle.verify(…)`, `jwt.verify(t, k)`: the answer is "valid or not"; `detectPackageManager(cwd)`: "which one, if any". */
const CHECK = /^verify$|^detect[A-Z]\w*$/;
/**
 * `el.matches(selector)`, `root.querySelectorAll(selector)`, `el.closest(selector)`: a synchronous DOM query whose
 * only failure is a selector that does not parse (precision audit 7: formbricks's click-target matcher, stagehand's
 * in-page counters, unleash's meta-tag read). No I/O and no user code runs in it.
 */
const DOM_SELECTOR_QUERY = /^(?:querySelector(?:All)?|matches|closest)$/;
/**
 * `semver.eq(a, b)`, `semver.satisfies(v, range)`, `semver.parse(v)`: the `semver` package's functions fail only on a
 * version or range that does not parse (precision audit 7: pnpm's `equalOrSemverEqual`).
 */
const SEMVER = /^semver\.(?:eq|neq|gt|gte|lt|lte|cmp|compare(?:Loose|Build)?|rcompare|diff|satisfies|valid(?:Range)?|parse|coerce|clean|major|minor|patch|prerelease|intersects|subset|minVersion|maxSatisfying|minSatisfying)$/;
const MODULE_PATH = /^(?:require|require\.resolve|import\.meta\.resolve|createRequire\(\))$|\.createRequire\(\)$/;
/**
 * `localStorage.getItem(k)`, `window.sessionStorage?.getItem(k)`: Web Storage reads fail only when storage is
 * unavailable (a `SecurityError` with storage disabled or in a sandboxed frame): "not available", the probe's answer.
 * (precision audit 10: saved settings and recent searches read and parsed in karakeep, linkwarden, sentry-javascript,
 * trigger.dev, vercel/ai, excalidraw.) `setItem` stays I/O: a full quota loses the write.
 */
const WEB_STORAGE_READ = /(?:^|\.)(?:localStorage|sessionStorage)\.getItem$/;
/** fs probes whose meaning changes when the path was already checked. */
const GUARDABLE = /^(?:l|f)?stat(?:Sync)?$|^(?:safe)?realpath(?:Sync)?$|^readFile(?:Sync)?$|^readdir(?:Sync)?$|^access(?:Sync)?$|^readlink(?:Sync)?$/i;
const EXISTENCE_CHECK = /^(?:exists(?:Sync)?|pathExists(?:Sync)?|(?:l)?stat(?:Sync)?|access(?:Sync)?|isFile|isDirectory)$/;

/** Calls that only compute: path and string helpers, conversions, collection helpers. */
const PURE_PATH = /^(?:path|posix|win32|nodePath|upath|pathe)\.\w+$|^(?:join|resolve|dirname|basename|extname|relative|normalize|normalizePath|String|Number|Boolean|JSON\.stringify|encodeURIComponent|encodeURI|Buffer\.from|Object\.(?:keys|values|entries|assign|fromEntries|hasOwn)|Array\.(?:isArray|from)|Number\.\w+|Math\.\w+|pathToFileURL|fileURLToPath|(?:Next)?Response\.(?:json|redirect|error)|process\.cwd)$/;
/** Methods on a value (the probe's result or a local): accessors and string/array helpers. */
const PURE_METHOD =
  /^(?:is[A-Z]\w*|to[A-Z]\w*|toString|valueOf|trim\w*|slice|substring|substr|split|startsWith|endsWith|includes|indexOf|lastIndexOf|replace(?:All)?|toLowerCase|toUpperCase|padStart|padEnd|charAt|charCodeAt|at|concat|join|match|test|getTime|flat|reverse|pop|shift)$/;
const ITERATOR_METHOD = /^(?:entries|keys|values)$/;
const CALLBACK_METHOD = /^(?:filter|map|some|every|find|findIndex|flatMap|forEach|reduce|sort)$/;
/** URLSearchParams' reads and writes: none of them throws. */
const SEARCH_PARAMS_METHOD = /^(?:get|getAll|has|set|append|delete|sort)$/;
/** Predicates by name (`isGreaterOrEqual(a, b)`, `hasOwn(o, k)`): they answer, they do not do I/O. */
const PREDICATE_CALLEE = /^(?:is|has)[A-Z]\w*$/;

/**
 * `git rev-parse --abbrev-ref HEAD`, `git rev-list --max-parents=0 HEAD`, `git config --get k`: a git
 * command that only reads answers "which commit / branch / value, if this is a checkout"; its failure
 * means "not a git checkout" or "not set" (precision audit 2: uptime-kuma database.js, astro telemetry).
 * `merge-base`, `show <rev>:<path>` and `branch --show-current` read too (precision audit 5: continue's CLI).
 * `git config <key>` with the key alone reads it (precision audit 6: create-langchain-integration); with a value it writes.
 * Commands that change the repository or the network (`push`, `commit`, `fetch`) stay I/O, and so do the
 * listings (`diff --name-only`, `ls-files`, `status`) whose failure would read as "nothing changed".
 */
const GIT_QUERY =
  /^\s*git\s+(?:-C\s+\S*\s*)?(?:(?:rev-parse|rev-list|describe|symbolic-ref|show-ref|merge-base|show|branch\s+--show-current|remote\s+get-url|config\s+(?:--(?:global|local|system)\s+)?--get)\b|config\s+(?:--(?:global|local|system)\s+)?[\w.-]+\s*$)/;
/**
 * `execSync`, `execFileSync`, and their promise forms (`execAsync`, `execFileAsync`, `asyncExec`,
 * `execPromise`: `promisify(exec)` under the names real code gives it).
 */
const RUNS_COMMAND = /^(?:exec|execFile)(?:Sync|Async|Promise)$|^asyncExec(?:File)?$/;

/** The literal text of a command argument: a string, a template's fixed parts, an array of them. */
function commandText(argument: Node): string {
  if (argument.type === T.Literal) return String(argument.value);
  if (argument.type === T.TemplateLiteral) return argument.quasis.map((q) => q.value.cooked).join('');
  if (argument.type === T.ArrayExpression) return argument.elements.map((element) => (element ? commandText(element) : '')).join(' ');
  return '';
}

/**
 * `await req.json()`, `response.clone().json()`, `c.req.json()`: parsing the body of a request or
 * response already in hand (the receiver is a name, not a call that sends one: `fetch(u).json()` or
 * `ky(u).json()` stay I/O); its failure means "the body is not JSON".
 */
function readsBodyInHand(call: TSESTree.CallExpression, method: 'json' | 'text' = 'json'): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression || calleeName(callee) !== method || call.arguments.length > 0) return false;
  let receiver = unwrap(callee.object);
  if (receiver.type === T.CallExpression && receiver.arguments.length === 0 && calleeName(receiver.callee) === 'clone') {
    const inner = unwrap(receiver.callee);
    receiver = inner.type === T.MemberExpression ? unwrap(inner.object) : inner;
  }
  return receiver.type === T.Identifier || (receiver.type === T.MemberExpression && memberPath(receiver) !== null);
}

/** Neither awaited nor chained with `.then`/`.catch`: Playwright's `await page.querySelector(s)` is a round trip to the browser. */
function isSynchronousUse(call: TSESTree.CallExpression): boolean {
  const wrapper = outerWrapper(call);
  const parent = wrapper.parent;
  if (parent?.type === T.AwaitExpression) return false;
  return !(parent?.type === T.MemberExpression && parent.object === wrapper && /^(?:then|catch|finally)$/.test(propertyName(parent) ?? ''));
}

export function isProbeOperation(node: Node): boolean {
  if (node.type === T.ImportExpression) return true;
  if (node.type === T.NewExpression) return memberPath(node.callee) === 'URL';
  if (node.type !== T.CallExpression) return false;
  const path = memberPath(node.callee);
  const name = calleeName(node.callee);
  if (path !== null && (MODULE_PATH.test(path) || path === 'URL.parse' || path === 'URL.canParse' || SEMVER.test(path) || WEB_STORAGE_READ.test(path))) return true;
  // `createRequire(import.meta.url)('pnpapi')`
  const callee = unwrap(node.callee);
  if (callee.type === T.CallExpression && calleeName(callee.callee) === 'createRequire') return true;
  if (name === null) return false;
  // `process.getBuiltinModule('node:x')` (also through `(process as any)`): a module load, as `require('node:x')`.
  if (name === 'getBuiltinModule') return true;
  if (readsBodyInHand(node)) return true;
  if (DOM_SELECTOR_QUERY.test(name) && node.arguments.length === 1 && unwrap(node.callee).type === T.MemberExpression) return isSynchronousUse(node);
  if (RUNS_COMMAND.test(name)) {
    const text = node.arguments.map(commandText).join(' ');
    return /--version\b|\s-v\b/.test(text) || GIT_QUERY.test(text);
  }
  return PARSE.test(name) || DECODE.test(name) || FS_PROBE.test(name) || PACKAGE.test(name) || CHECK.test(name);
}

/** `NEXT_PUBLIC_WEBAPP_URL()`, `getBaseUrl()`, `this.getGitlabUrl(custom)`: a getter of a configured URL. */
const URL_GETTER = /^(?:get\w*(?:Url|URL)|[A-Z][A-Z0-9_]*_URL)$/;

/**
 * The input of `new URL(…)` read from a getter named for it: what the probe validates is the configured
 * value (precision audit 5: documenso's `new URL(NEXT_PUBLIC_WEBAPP_URL())`, outline's
 * `new URL(this.getGitlabUrl(customUrl))`). A builder (`buildUrl(x)`) or an awaited read is not a getter.
 */
function readsUrlForProbe(call: TSESTree.CallExpression): boolean {
  const parent = outerWrapper(call).parent;
  if (parent?.type !== T.NewExpression || memberPath(parent.callee) !== 'URL' || parent.arguments[0] !== outerWrapper(call)) return false;
  return URL_GETTER.test(calleeName(call.callee) ?? '');
}

// A file's top-level functions by name, collected once per program.
const topLevelFunctionsByProgram = new WeakMap<Node, Map<string, Node>>();

function topLevelFunction(name: string, from: Node): Node | null {
  let program: Node = from;
  while (program.parent) program = program.parent;
  let functions = topLevelFunctionsByProgram.get(program);
  if (!functions) {
    functions = new Map();
    for (const item of program.type === T.Program ? program.body : []) {
      const statement = item.type === T.ExportNamedDeclaration && item.declaration ? item.declaration : item;
      if (statement.type === T.FunctionDeclaration && statement.id) functions.set(statement.id.name, statement);
      else if (statement.type === T.VariableDeclaration) {
        for (const declarator of statement.declarations) {
          const init = declarator.init ? unwrap(declarator.init) : null;
          if (declarator.id.type === T.Identifier && init && isFunction(init)) functions.set(declarator.id.name, init);
        }
      }
    }
    topLevelFunctionsByProgram.set(program, functions);
  }
  return functions.get(name) ?? null;
}

const helpersBeingRead = new Set<Node>();

/**
 * `areSameDir(real, entry)` where the file declares `const areSameDir = (a, b) => … path.relative(a, b) === ''`: a
 * synchronous top-level function of the same file whose own body only computes is read as if written inline
 * (precision audit 7: pnpm's `dirIsInPath`; audit 6 left the same shape where the helper was imported).
 */
function callsComputingHelper(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== T.Identifier) return false;
  const fn = topLevelFunction(callee.name, call);
  if (!fn || !isFunction(fn) || fn.async || fn.generator || helpersBeingRead.has(fn)) return false;
  helpersBeingRead.add(fn);
  try {
    return throwingSurface(fn.body)?.length === 0;
  } finally {
    helpersBeingRead.delete(fn);
  }
}

function isPureCall(call: TSESTree.CallExpression): boolean {
  if (readsUrlForProbe(call)) return true;
  if (callsComputingHelper(call)) return true;
  const path = memberPath(call.callee);
  if (path !== null && PURE_PATH.test(path)) return true;
  const callee = unwrap(call.callee);
  if (callee.type === T.Identifier && PREDICATE_CALLEE.test(callee.name)) return true;
  // `url.searchParams.get('id')`, `headers.has(k)`: reading a parsed value, not a store
  if (path !== null && /(?:^|\.)(?:searchParams|headers|cookies)\.(?:get|has|getAll)$/.test(path)) return true;
  if (callee.type === T.MemberExpression) {
    const name = calleeName(callee);
    // `new URLSearchParams(location.search).get('client')`: the same read on a value built in place
    if (name !== null && /^(?:get|has|getAll)$/.test(name) && isNewSearchParams(unwrap(callee.object))) return true;
    // `new URL(s).searchParams.get('schema')`, `url.searchParams.delete('token')`: a URL's query parameters are a value
    // in hand, and URLSearchParams' methods do not throw (precision audit 9: a connection string normalised or a URL
    // redacted for a log, in trigger.dev, formbricks and Playwright)
    if (name !== null && SEARCH_PARAMS_METHOD.test(name) && isSearchParamsOfUrl(unwrap(callee.object))) return true;
    // `SUPPORTED_PROTOCOLS.has(url.protocol)`: a membership test on a value in hand (an awaited `has` is a store's)
    if (name === 'has' && call.arguments.length === 1 && outerWrapper(call).parent?.type !== T.AwaitExpression) return true;
    // `xs.map((x) => f(x))` is pure only when its callbacks are written inline (their calls are inspected);
    // `xs.map(transform)` runs code this analysis cannot see.
    if (name !== null && CALLBACK_METHOD.test(name)) {
      return call.arguments.every((argument) => isFunction(argument) || argument.type === T.Literal || (argument.type === T.Identifier && /^(?:Boolean|String|Number)$/.test(argument.name)));
    }
    if (name !== null && PURE_METHOD.test(name)) return true;
    // `request.clone()` before `.json()`: a copy of a value in hand (precision audit 10: umami's `getJsonBody`; audit 9's
    // trigger.dev `response.clone()`). It fails only on a body already read, the failure the probe answers anyway.
    if (name === 'clone' && call.arguments.length === 0 && outerWrapper(call).parent?.type !== T.AwaitExpression && isValueInHand(unwrap(callee.object))) return true;
    // `url.searchParams.entries()`, `map.keys()`: an iterator over a value in hand (a store's `await client.keys('*')` takes a pattern)
    if (name !== null && ITERATOR_METHOD.test(name) && call.arguments.length === 0 && outerWrapper(call).parent?.type !== T.AwaitExpression) return true;
    // bookkeeping: `found.push(x)`, `this.chunks.push(x)`, `descriptions.set(name, text)` (a map filled from what
    // was parsed; precision audit 9: sentry-javascript's tool descriptions, payload's dependency versions)
    const object = unwrap(callee.object);
    if (
      ((name === 'push' && call.arguments.length > 0) || (name === 'set' && call.arguments.length === 2)) &&
      outerWrapper(call).parent?.type !== T.AwaitExpression &&
      (object.type === T.Identifier || (object.type === T.MemberExpression && memberPath(object) !== null))
    ) {
      return true;
    }
  }
  return false;
}

/** A name or a member path (`request`, `ctx.req`), not a call that fetches one. */
function isValueInHand(node: Node): boolean {
  return node.type === T.Identifier || (node.type === T.MemberExpression && memberPath(node) !== null);
}

/** `url.searchParams`, `new URL(s).searchParams`. */
function isSearchParamsOfUrl(node: Node): boolean {
  return node.type === T.MemberExpression && propertyName(node) === 'searchParams';
}

function isNewSearchParams(node: Node): boolean {
  return node.type === T.NewExpression && memberPath(node.callee) === 'URLSearchParams';
}

// Several idioms ask for the same try block's surface: it is walked once.
const surfaces = new WeakMap<Node, readonly Node[] | null>();

/** The calls that can throw in `root` (callbacks passed as arguments run, so they count), minus pure ones. */
export function throwingSurface(root: Node): readonly Node[] | null {
  let surface = surfaces.get(root);
  if (surface === undefined) {
    surface = walkThrowingSurface(root);
    surfaces.set(root, surface);
  }
  return surface;
}

function walkThrowingSurface(root: Node): Node[] | null {
  const surface: Node[] = [];
  let unknown = false;
  const visit = (node: Node): void => {
    if (unknown) return;
    if (isFunction(node) && node !== root) {
      // A callback argument runs here (`xs.map((x) => compile(x))`); any other function does not.
      const parent = node.parent;
      const runs = (parent?.type === T.CallExpression || parent?.type === T.NewExpression) && parent.arguments.includes(node as TSESTree.CallExpressionArgument);
      if (!runs) return;
    }
    if (node.type === T.ClassBody) return;
    if (node.type === T.TaggedTemplateExpression || node.type === T.YieldExpression) {
      unknown = true;
      return;
    }
    if ((node.type === T.CallExpression && isPureCall(node)) || isNewSearchParams(node)) {
      // `new URLSearchParams(flag)` builds a value from a string or a record: it does not fail on I/O
      forEachChild(node, visit);
      return;
    }
    if (node.type === T.CallExpression || node.type === T.NewExpression || node.type === T.ImportExpression) surface.push(node);
    forEachChild(node, visit);
  };
  visit(root);
  return unknown ? null : surface;
}

function sourceOf(node: Node | undefined, text: string): string | null {
  return node ? text.slice(node.range[0], node.range[1]).replace(/\s+/g, '') : null;
}

/** `existsSync(p)` (or `stat(p)`) earlier in the same function, on the same path expression as the probe. */
function existenceGuarded(probe: Node, scope: Node, sourceText: string, before: number = probe.range[0]): boolean {
  if (probe.type !== T.CallExpression) return false;
  const name = calleeName(probe.callee) ?? '';
  if (!GUARDABLE.test(name)) return false;
  const target = sourceOf(probe.arguments[0], sourceText);
  if (target === null) return false;
  let found = false;
  const visit = (node: Node): void => {
    if (found || node.range[0] >= before) return;
    if (node.type === T.CallExpression && node !== probe && EXISTENCE_CHECK.test(calleeName(node.callee) ?? '') && sourceOf(node.arguments[0], sourceText) === target) {
      found = true;
      return;
    }
    forEachChild(node, visit);
  };
  visit(scope);
  return found;
}

function enclosingScopeNode(node: Node): Node {
  let current: Node | undefined = node.parent;
  while (current) {
    if (isFunction(current) || current.type === T.Program) return current;
    current = current.parent;
  }
  return node;
}

/**
 * A default: a literal, `undefined`, an identifier, a template without calls, `!x`, and arrays and
 * object literals built only of those (`[]`, `{ path, status: 'skipped' }`, `{ bytes: 0, lines: 0 }`).
 */
export function isDefaultValue(node: Node | null | undefined): boolean {
  if (!node) return true;
  const current = unwrap(node);
  switch (current.type) {
    case T.Literal:
    case T.Identifier:
    case T.TemplateLiteral:
      return current.type !== T.TemplateLiteral || current.expressions.every((expression) => isDefaultValue(expression));
    case T.ArrayExpression:
      return current.elements.every((element) => element !== null && element.type !== T.SpreadElement && isDefaultValue(element));
    case T.ObjectExpression:
      return current.properties.every(
        (property) => property.type === T.Property && !property.computed && property.kind === 'init' && !property.method && isDefaultValue(property.value),
      );
    case T.UnaryExpression:
      return isDefaultValue(current.argument);
    case T.MemberExpression:
      return memberPath(current) !== null;
    default:
      return false;
  }
}

/**
 * A value the handler computes without the error: a default, a call (`number.toString()`), a member
 * of one (`url.split('#')[0]`), or a choice between such values (`url.endsWith(s) ? url.slice(…) : url`,
 * `value.trim() || undefined`).
 */
function isFallbackValue(node: Node | null | undefined): boolean {
  if (isDefaultValue(node)) return true;
  const current = unwrap(node!);
  if (current.type === T.CallExpression) return true;
  if (current.type === T.MemberExpression) return isFallbackValue(current.object);
  if (current.type === T.ConditionalExpression) return isFallbackValue(current.consequent) && isFallbackValue(current.alternate);
  // `value.trim() || undefined`, `cached ?? null` (precision audit 10: linkwarden's search normaliser); not
  // `active && setFailed(true)`, an effect under a condition
  if (current.type === T.LogicalExpression) return current.operator !== '&&' && isFallbackValue(current.left) && isDefaultValue(current.right);
  return false;
}

/** Every quiet path yields a default, or maps the failure with a call that does not take the error. */
export function yieldsDefault(analysis: HandlerAnalysis): boolean {
  if (analysis.used) return false;
  const body = handlerBody(analysis.handler);
  if (body === null) return true;
  if (body.type !== T.BlockStatement) return isFallbackValue(body);
  return analysis.paths.every((path) => {
    if (path.label !== 'quiet') return true;
    const node = path.exit.node;
    if (!node || path.exit.kind === 'end' || path.exit.kind === 'continue' || path.exit.kind === 'break') return true;
    if (node.type === T.ReturnStatement) {
      const value = node.argument ? unwrap(node.argument) : null;
      if (value?.type === T.AwaitExpression) return isDefaultValue(value.argument);
      return isFallbackValue(value);
    }
    return path.exit.kind !== 'return' || isDefaultValue(node);
  });
}

/** Idiom 1: the try block's throwing surface is made only of probe operations. */
export function isProbeTryBlock(analysis: HandlerAnalysis, sourceText: string): boolean {
  const tryStatement = analysis.handler.tryStatement;
  if (!tryStatement || tryStatement.block.body.length === 0) return false;
  const surface = throwingSurface(tryStatement.block);
  if (!surface) return false;
  // Only pure helpers (`Array.from(raw)`, `resolve(base, url)`): what can fail is the input, as with a parse.
  if (surface.length === 0) return containsNode(tryStatement.block, (node) => node.type === T.CallExpression) && !containsNode(tryStatement.block, (node) => node.type === T.AwaitExpression) && yieldsDefault(analysis);
  const self = syncSelfName(tryStatement);
  const parsesText = surface.some(isNamedParse);
  if (!surface.every((node) => isProbeOperation(node) || parsesAProbe(node) || callsSelf(node, self) || (parsesText && readsBodyInHand(node as TSESTree.CallExpression, 'text')))) return false;
  const scope = enclosingScopeNode(tryStatement);
  if (!surface.some(isParseOperation) && surface.some((probe) => existenceGuarded(probe, scope, sourceText, tryStatement.range[0]))) return false;
  return yieldsDefault(analysis);
}

/**
 * The name of the synchronous function that holds a try block without `await` (`const formatValue = (v) => …`,
 * `function toSafeJSONValue(…)`, a method), or null.
 */
function syncSelfName(tryStatement: TSESTree.TryStatement): string | null {
  const fn = enclosingFunction(tryStatement);
  if (!fn || fn.async || fn.generator || containsNode(tryStatement.block, (node) => node.type === T.AwaitExpression)) return null;
  return functionName(fn);
}

/**
 * `formatValue(val[k])` or `values.map(formatValue)` inside `formatValue`, `toSafeJSONValue({ value: item })` inside `toSafeJSONValue`: a
 * synchronous function applied to a part of its own input adds no other kind of failure than the one the
 * handler answers — a value that cannot be read (a throwing getter, a revoked proxy) — so a formatter's
 * fallback (`catch { return '[object Object]' }`) is a probe when the rest of the try block is (precision
 * audit 6: hoppscotch's sandbox formatter; audit 5's vercel/ai `toSafeJSONValue`).
 */
function callsSelf(node: Node, self: string | null): boolean {
  if (self === null || node.type !== T.CallExpression) return false;
  const callee = unwrap(node.callee);
  if (callee.type === T.Identifier) return callee.name === self;
  if (callee.type !== T.MemberExpression) return false;
  if (unwrap(callee.object).type === T.ThisExpression) return calleeName(callee) === self;
  // `values.map(formatValue)`: the function applied to each part
  const only = node.arguments.length === 1 ? node.arguments[0]! : null;
  return CALLBACK_METHOD.test(calleeName(callee) ?? '') && only?.type === T.Identifier && only.name === self;
}

/**
 * `parseDepsMetadata(await readFile(p))`: a `parse*` call whose input is read by a probe in the same
 * expression parses what was just read. (`parseTimestamp(metrics.lastChange)` parses domain data: not a probe.)
 */
function parsesAProbe(node: Node): boolean {
  if (node.type !== T.CallExpression || !/^parse[A-Z_]/.test(calleeName(node.callee) ?? '') || node.arguments.length === 0) return false;
  let input = unwrap(node.arguments[0]!);
  if (input.type === T.AwaitExpression) input = unwrap(input.argument);
  return isProbeOperation(input);
}

/**
 * `JSON.parse(raw)`, `schema.safeParse(raw)`: with one of these in the try block, `await request.text()` on a request
 * or response in hand is the first half of `await request.json()` (precision audit 9: trigger.dev's API routes,
 * `const raw = await request.text(); body = raw.length > 0 ? JSON.parse(raw) : {}` answered with a 400).
 */
function isNamedParse(node: Node): boolean {
  return node.type === T.CallExpression && PARSE.test(calleeName(node.callee) ?? '');
}

/** A parse or decode: its failure means "invalid", whatever was checked before (existence guards do not apply). */
function isParseOperation(node: Node): boolean {
  if (node.type === T.NewExpression) return true; // new URL
  if (node.type !== T.CallExpression) return false;
  const name = calleeName(node.callee) ?? '';
  return PARSE.test(name) || DECODE.test(name);
}

/** The innermost call of a `.catch(h)` / `.then(ok, h)` receiver chain, through pure `.then(f)` links. */
function chainSource(call: TSESTree.CallExpression): Node | null {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return null;
  let receiver = unwrap(callee.object);
  for (;;) {
    if (receiver.type === T.AwaitExpression) receiver = unwrap(receiver.argument);
    if (receiver.type !== T.CallExpression) return receiver;
    const inner = unwrap(receiver.callee);
    if (inner.type === T.MemberExpression && calleeName(inner) === 'then' && receiver.arguments.length === 1) {
      const link = unwrap(receiver.arguments[0]!);
      const linkPath = memberPath(link);
      const pure = (linkPath !== null && (linkPath === 'JSON.parse' || PARSE.test(linkPath.split('.').pop() ?? ''))) ||
        (isFunction(link) && (throwingSurface(link)?.every(isProbeOperation) ?? false));
      if (!pure) return null;
      receiver = unwrap(inner.object);
      continue;
    }
    return receiver;
  }
}

/** Idiom 2: `stat(p).catch(() => null)`, `readFile(f).then(JSON.parse).catch(() => null)`. */
export function isProbeChain(analysis: HandlerAnalysis, sourceText: string): boolean {
  const call = analysis.handler.call;
  if (!call) return false;
  const source = chainSource(call);
  if (!source || !isProbeOperation(source)) return false;
  const args: Node[] = source.type === T.ImportExpression ? [source.source] : (source as TSESTree.CallExpression | TSESTree.NewExpression).arguments;
  for (const argument of args) {
    const inner = throwingSurface(argument);
    if (!inner || !inner.every(isProbeOperation)) return false;
  }
  if (existenceGuarded(source, enclosingScopeNode(call), sourceText)) return false;
  return yieldsDefault(analysis);
}
