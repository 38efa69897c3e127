// Options of the catch model, shared by the three rules and the codemod (one truth):
// the user-facing shape (`CatchwiseOptions`), its defaults, its JSON schema, and the
// compiled form the analysis works with (`ResolvedOptions`).
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
export const LOG_LEVELS: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

/**
 * A logger: `name` is a member path pattern matched against the object a method is called on
 * (`console`, `this.logger`, `ctx.log`, `getLogger()`); segments are separated by `.`, `*` matches
 * within a segment (case-insensitive), `**` matches any number of segments (`**.logger` matches
 * `logger`, `this.logger`, `app.ctx.logger`). `methods` maps a method name to its level, or to
 * `"ignore"`; it is merged over the default method levels.
 */
export interface LoggerOption {
  name: string;
  methods?: Record<string, LogLevel | 'ignore'>;
}

/** The idioms `recommended` treats as deliberate. Each can be turned off. */
export interface IdiomOptions {
  /** Best-effort cleanup (`close`, `release`, `rollback`, `unlink`, …) in a try that sits inside another catch or a finally. */
  cleanup: boolean;
  /** A try block that is a single probe (`JSON.parse`, `new URL`, optional `import`/`require`, `stat`) or has no call at all. */
  probes: boolean;
  /** `p.catch(noop)` where the same promise `p` is awaited, returned or handled elsewhere. */
  fireAndForget: boolean;
  /** Test files and test callbacks (`it`, `test`, `beforeEach`, …), which capture errors on purpose. */
  testCode: boolean;
  /** A secondary error while the primary one is decorated or rethrown (`catch (e) { try { addFrame(e) } catch {} throw e }`). */
  secondaryErrors: boolean;
  /** A `.catch` that only marks as handled a rejection observed elsewhere (stored promise, eager start, self-handling callee). */
  observedRejections: boolean;
  /** Feature detection (optional calls, host globals), the same operation retried in a simpler form, bounded retries. */
  featureDetection: boolean;
  /** Validation predicates that return `false`, client input answered with a 4xx. */
  validation: boolean;
}

export interface CatchwiseOptions {
  loggers?: (string | LoggerOption)[];
  minimumLevel?: LogLevel;
  guards?: string[];
  propagators?: string[];
  allowComment?: boolean | string;
  allowedHandlers?: string[];
  ignoreBindingPattern?: string;
  requireNarrowing?: boolean;
  idioms?: Partial<IdiomOptions>;
}

export const DEFAULT_METHOD_LEVELS: Readonly<Record<string, LogLevel>> = {
  silly: 'trace',
  trace: 'trace',
  verbose: 'debug',
  debug: 'debug',
  log: 'info',
  info: 'info',
  http: 'info',
  notice: 'info',
  dir: 'info',
  warn: 'warn',
  warning: 'warn',
  error: 'error',
  err: 'error',
  exception: 'error',
  captureException: 'error',
  fatal: 'fatal',
  crit: 'fatal',
  critical: 'fatal',
  alert: 'fatal',
  emerg: 'fatal',
};

/** Logger paths recognised by default (user loggers are added to these). */
export const DEFAULT_LOGGERS: readonly LoggerOption[] = [
  { name: 'console' },
  // what the codemod calls where a local `console` hides the global one
  { name: 'globalThis.console' },
  { name: '**.logger' },
  { name: '**.log' },
  { name: '**.*Logger' },
  { name: '**.#logger' },
  { name: '**.#log' },
  { name: '**.getLogger()' },
  { name: '**.logger()' },
  { name: 'Sentry', methods: { captureException: 'error', captureMessage: 'ignore' } },
  { name: '**', methods: { captureException: 'error' } },
];

/** Callees that hand the error on when called with any argument. */
export const DEFAULT_PROPAGATORS: readonly string[] = ['reject', 'next', 'callback', 'cb', 'done', 'fail'];

/** Callee names whose failure is secondary when the try sits inside another catch or a finally. */
export const CLEANUP_METHODS: readonly string[] = [
  'close', 'closeSync', 'destroy', 'release', 'rollback', 'unlink', 'unlinkSync', 'rm', 'rmSync', 'rmdir',
  'rmdirSync', 'kill', 'abort', 'dispose', 'end', 'disconnect', 'terminate', 'cancel', 'stop', 'quit',
  'removeListener', 'removeEventListener', 'off', 'unref', 'unsubscribe', 'shutdown', 'free', 'drop',
  'unwatch', 'clearTimeout', 'clearInterval', 'flush', 'finish', 'detach', 'releaseLock', 'cleanup', 'teardown',
];

/** Callees that signal "invalid" or "not available" rather than failure. */
export const PROBE_CALLS: readonly string[] = [
  'JSON.parse', '**.parse', 'URL', 'URL.parse', 'RegExp', 'decodeURIComponent', 'decodeURI', 'encodeURIComponent',
  'encodeURI', 'atob', 'btoa', 'BigInt', 'structuredClone', 'require', 'require.resolve', 'import.meta.resolve',
  '**.statSync', '**.stat', '**.lstat', '**.lstatSync', '**.access', '**.accessSync', '**.realpath',
  '**.realpathSync', '**.readlinkSync', '**.readlink', 'stat', 'lstat', 'access', 'realpath', 'statSync',
  'lstatSync', 'accessSync', 'realpathSync', 'Intl.*', 'Function', 'fileURLToPath', 'pathToFileURL',
];

export const DEFAULT_IDIOMS: Readonly<IdiomOptions> = {
  cleanup: true,
  probes: true,
  fireAndForget: true,
  testCode: true,
  secondaryErrors: true,
  observedRejections: true,
  featureDetection: true,
  validation: true,
};

export const DEFAULT_OPTIONS: Required<CatchwiseOptions> = {
  loggers: [],
  minimumLevel: 'warn',
  guards: [],
  propagators: [],
  allowComment: true,
  allowedHandlers: [],
  ignoreBindingPattern: '',
  requireNarrowing: false,
  idioms: { ...DEFAULT_IDIOMS },
};

export interface CompiledLogger {
  name: string;
  match: (path: string) => boolean;
  methods: Record<string, LogLevel | 'ignore'>;
}

export interface ResolvedOptions {
  /** The options as given, merged with defaults (what the codemod passes back to the rules). */
  raw: Required<CatchwiseOptions>;
  loggers: CompiledLogger[];
  minimumLevel: LogLevel;
  minimumRank: number;
  guards: Set<string>;
  propagators: Set<string>;
  /** null: comments never exempt; 'reason': the default reason heuristic; a RegExp: a comment must match it. */
  allowComment: RegExp | 'reason' | null;
  allowedHandlers: Set<string>;
  ignoreBindingPattern: RegExp | null;
  requireNarrowing: boolean;
  idioms: IdiomOptions;
  /** Cache key of everything that changes path labels (not `requireNarrowing`). */
  analysisKey: string;
  /** Memo of logger lookups: `objectPath method` → level, or null (filled by `loggerCallLevel`). */
  loggerMemo: Map<string, LogLevel | 'ignore' | null>;
  /** Every method name some logger has a level for: any other call is not a log call. */
  loggerMethods: Set<string>;
}

export function levelRank(level: LogLevel): number {
  return LOG_LEVELS.indexOf(level);
}

/** Compile a member-path pattern (`**.logger`, `this.#log`, `getLogger()`) to a matcher of member paths. */
export function compilePathPattern(pattern: string): (path: string) => boolean {
  const segments = pattern.split('.').map((segment) =>
    segment === '**'
      ? null
      : new RegExp(`^${segment.split('*').map((part) => part.replace(/[\\^$+?()[\]{}|.]/g, '\\$&')).join('.*')}$`, 'i'),
  );
  const matchFrom = (pi: number, parts: string[], si: number): boolean => {
    if (pi === segments.length) return si === parts.length;
    const segment = segments[pi];
    if (segment === null || segment === undefined) {
      for (let k = si; k <= parts.length; k++) if (matchFrom(pi + 1, parts, k)) return true;
      return false;
    }
    return si < parts.length && segment.test(parts[si]!) && matchFrom(pi + 1, parts, si + 1);
  };
  return (path) => matchFrom(0, path.split('.'), 0);
}

const resolvedCache = new Map<string, ResolvedOptions>();
const resolvedByObject = new WeakMap<object, ResolvedOptions>();

/** Merge user options with the defaults and compile them. Cached by identity and by value. */
export function resolveOptions(userOptions: CatchwiseOptions = {}): ResolvedOptions {
  const byObject = resolvedByObject.get(userOptions);
  if (byObject) return byObject;
  const key = JSON.stringify(userOptions);
  const cached = resolvedCache.get(key);
  if (cached) {
    resolvedByObject.set(userOptions, cached);
    return cached;
  }
  const raw: Required<CatchwiseOptions> = {
    ...DEFAULT_OPTIONS,
    ...Object.fromEntries(Object.entries(userOptions).filter(([, value]) => value !== undefined)),
    idioms: { ...DEFAULT_IDIOMS, ...(userOptions.idioms ?? {}) },
  };
  const specs: LoggerOption[] = [
    ...raw.loggers.map((entry) => (typeof entry === 'string' ? { name: entry } : entry)),
    ...DEFAULT_LOGGERS,
  ];
  const loggers = specs.map((spec) => ({
    name: spec.name,
    match: compilePathPattern(spec.name),
    methods: spec.name === '**' ? { ...(spec.methods ?? {}) } : { ...DEFAULT_METHOD_LEVELS, ...(spec.methods ?? {}) },
  }));
  let allowComment: ResolvedOptions['allowComment'];
  if (raw.allowComment === false) allowComment = null;
  else if (raw.allowComment === true || raw.allowComment === '') allowComment = 'reason';
  else allowComment = new RegExp(raw.allowComment, 'iu');
  const resolved: ResolvedOptions = {
    raw,
    loggers,
    minimumLevel: raw.minimumLevel,
    minimumRank: levelRank(raw.minimumLevel),
    guards: new Set(raw.guards),
    propagators: new Set([...DEFAULT_PROPAGATORS, ...raw.propagators]),
    allowComment,
    allowedHandlers: new Set(raw.allowedHandlers),
    ignoreBindingPattern: raw.ignoreBindingPattern ? new RegExp(raw.ignoreBindingPattern, 'u') : null,
    requireNarrowing: raw.requireNarrowing,
    idioms: raw.idioms as IdiomOptions,
    analysisKey: JSON.stringify({ ...raw, requireNarrowing: undefined }),
    loggerMemo: new Map(),
    loggerMethods: new Set(loggers.flatMap((logger) => Object.keys(logger.methods))),
  };
  resolvedCache.set(key, resolved);
  resolvedByObject.set(userOptions, resolved);
  return resolved;
}

const levelEnum = [...LOG_LEVELS];

/** JSON schema of every option; each rule picks the properties it accepts. */
export const OPTION_SCHEMAS = {
  loggers: {
    type: 'array',
    description:
      'Extra loggers, added to the defaults. A string is a member path pattern (`**` any segments, `*` within a segment); an object also sets levels per method.',
    items: {
      oneOf: [
        { type: 'string', description: 'Member path pattern of the logger object, e.g. `this.audit` or `**.tracer`.' },
        {
          type: 'object',
          description: 'A logger with its own method levels.',
          properties: {
            name: { type: 'string', description: 'Member path pattern of the logger object.' },
            methods: {
              type: 'object',
              description: 'Method name → level (`trace` … `fatal`) or `ignore`, merged over the default method levels.',
              additionalProperties: { type: 'string', enum: [...levelEnum, 'ignore'] },
            },
          },
          required: ['name'],
          additionalProperties: false,
        },
      ],
    },
  },
  minimumLevel: {
    type: 'string',
    enum: levelEnum,
    description: 'Lowest level at which logging the error object makes a path loud (default `warn`).',
  },
  guards: {
    type: 'array',
    items: { type: 'string' },
    description:
      'Extra functions that narrow the error: called with it in a condition, or as an assertion statement (`assertIsHttpError(e)`).',
  },
  propagators: {
    type: 'array',
    items: { type: 'string' },
    description: 'Extra callees that hand an error on when called (`reject`, `next`, `callback`, `cb`, `done`, `fail` already count).',
  },
  allowComment: {
    oneOf: [{ type: 'boolean' }, { type: 'string' }],
    description:
      'Whether a comment inside the handler exempts it: `true` when it states a reason (placeholders never do), `false` never, or a regular expression the comment must match.',
  },
  allowedHandlers: {
    type: 'array',
    items: { type: 'string' },
    description: 'Names of no-op handlers a codebase uses on purpose (`.catch(squashError)`, `catch (e) { squashError(e) }`).',
  },
  ignoreBindingPattern: {
    type: 'string',
    description: 'Regular expression: a handler whose binding matches it (e.g. `^_|^ignored`) is exempt while the binding is unused. Empty: off.',
  },
  requireNarrowing: {
    type: 'boolean',
    description: 'Report a path that logs the error but recovers without narrowing it (logging alone is not enough).',
  },
  idioms: {
    type: 'object',
    description: 'Deliberate idioms that are allowed (all `true` by default).',
    properties: {
      cleanup: { type: 'boolean', description: 'Best-effort cleanup (`close`, `release`, `rollback`, …) inside another catch or a finally.' },
      probes: {
        type: 'boolean',
        description: 'A try block that is a single probe (`JSON.parse`, `new URL`, optional `import`, `stat`) or makes no call.',
      },
      fireAndForget: { type: 'boolean', description: '`p.catch(noop)` where the same promise is awaited, returned or handled elsewhere.' },
      testCode: { type: 'boolean', description: 'Test files and test callbacks, which capture errors on purpose.' },
      secondaryErrors: {
        type: 'boolean',
        description: 'A secondary error while the primary one is decorated or rethrown (inside a catch that rethrows, or decorating a value thrown next).',
      },
      observedRejections: {
        type: 'boolean',
        description: 'A `.catch` that only marks as handled a rejection observed elsewhere: a stored promise used again, an eager start of a call awaited elsewhere, a callee that handles its own errors.',
      },
      featureDetection: {
        type: 'boolean',
        description: 'Feature detection (only optional calls or host globals in the try), the same operation retried in a simpler form, a bounded retry that throws after the loop.',
      },
      validation: { type: 'boolean', description: 'A validation predicate whose handler returns `false`, or client input answered with a 4xx status.' },
    },
    additionalProperties: false,
  },
} satisfies Record<keyof CatchwiseOptions, JSONSchema4>;

/** A rule's defaults: the shared `DEFAULT_OPTIONS` for the option keys the rule takes (fresh copies). */
export function defaultOptionsFor<K extends keyof CatchwiseOptions>(keys: readonly K[]): Pick<Required<CatchwiseOptions>, K> {
  const picked = {} as Pick<Required<CatchwiseOptions>, K>;
  for (const key of keys) picked[key] = structuredClone(DEFAULT_OPTIONS[key]);
  return picked;
}

export function optionsSchema(keys: readonly (keyof CatchwiseOptions)[]): JSONSchema4[] {
  const properties: Record<string, JSONSchema4> = {};
  for (const key of keys) properties[key] = OPTION_SCHEMAS[key] as JSONSchema4;
  return [{ type: 'object', properties, additionalProperties: false }];
}
