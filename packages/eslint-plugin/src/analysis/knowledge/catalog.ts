// The built-in catalog of real libraries' errors (DESIGN §4, step 3): for each library, the import
// specifiers that reach it, the errors its calls raise, and the guard to generate, safest first:
// the library's own guard function; `instanceof` only where it survives dual ESM/CJS builds and
// realms; `name` + `code`; `code` alone. Each entry says why its guard was chosen. Facts were
// checked against the packages' own typings and source (versions in docs/knowledge.md).

/** How to test a caught value for one error. Rendered by `guards.ts`. */
export type Guard =
  /** A global class (`SyntaxError`, `TypeError`, `URIError`): `e instanceof X`. */
  | { kind: 'global-class'; className: string }
  /**
   * A class exported by `from`: `e instanceof X` where `X` is (or can be made) a value binding;
   * `importable: false` means a named ESM import of it fails at run time (use `fallback`).
   */
  | { kind: 'class'; from: string; className: string; importable: boolean; namespaceMember?: boolean; fallback?: Guard }
  /** The library's own guard function: `isAxiosError(e)`, imported by name or via the default export. */
  | { kind: 'function'; from: string; name: string; fallback?: Guard }
  /** A static type test on a class: `S3ServiceException.isInstance(e)`; the class is found per file. */
  | { kind: 'static'; from: string; className: string; method: string; fallback?: Guard }
  /** `e instanceof Error && e.name === 'X'` (or a prefix), optionally with a `code` test. */
  | { kind: 'name'; names?: string[]; prefix?: string; codes?: (string | number)[]; codePrefix?: string }
  /** `e instanceof Error && 'code' in e && (e.code === … )`; `props` adds `'p' in e` tests. */
  | { kind: 'code'; codes?: (string | number)[]; codePrefix?: string; props?: string[] }
  /** `e instanceof DOMException`-free abort test: `e instanceof Error && (e.name === 'AbortError' || …)`. */
  | { kind: 'abort' };

export interface CatalogError {
  /** What the rule messages and the rewrite's `errorTypes` call it. */
  name: string;
  guard: Guard;
}

export interface CatalogEntry {
  id: string;
  /** Import specifiers (and `require` arguments) that reach the library. */
  modules: string[];
  /** Package directories whose declarations describe it (for the type-aware match), e.g. `@types/pg`. */
  packages: string[];
  /**
   * Receiver text that, in a file importing the library, names one of its objects when the
   * call cannot be followed to the import (`this.pool.query()`, `wrapper.producer.stop()`).
   */
  receivers?: RegExp;
  /** The method names whose errors the entry knows; any call when absent. */
  methods?: RegExp;
  /** Errors by method name, for libraries where the method decides (fs). */
  errors: CatalogError[] | ((method: string | null) => CatalogError[]);
  why: string;
}

/** A global function or constructor and what it throws. */
export interface GlobalEntry {
  id: string;
  /** `JSON.parse`, `new URL`, `fetch`, … (the callee text; `new ` for constructors). */
  callee: string;
  errors: CatalogError[];
  why: string;
}

const FS_CODES: Record<string, string[]> = {
  read: ['ENOENT', 'EACCES', 'EISDIR'],
  write: ['ENOENT', 'EACCES', 'EISDIR', 'EROFS', 'ENOSPC'],
  mkdir: ['EEXIST', 'ENOENT', 'EACCES'],
  remove: ['ENOENT', 'EACCES', 'EPERM', 'EBUSY', 'ENOTEMPTY'],
  readdir: ['ENOENT', 'ENOTDIR', 'EACCES'],
  rename: ['ENOENT', 'EACCES', 'EXDEV', 'EEXIST'],
  stat: ['ENOENT', 'EACCES', 'ENOTDIR'],
  open: ['ENOENT', 'EACCES', 'EISDIR', 'EMFILE'],
  any: ['ENOENT', 'EACCES', 'EPERM'],
};

function fsCodes(method: string | null): string[] {
  const name = (method ?? '').replace(/Sync$/, '');
  if (/^(readFile|readlink|realpath)$/.test(name)) return FS_CODES.read!;
  if (/^(writeFile|appendFile|copyFile|cp|truncate|symlink|link|utimes|chmod|chown)$/.test(name)) return FS_CODES.write!;
  if (/^(mkdir|mkdtemp)$/.test(name)) return FS_CODES.mkdir!;
  if (/^(rm|rmdir|unlink)$/.test(name)) return FS_CODES.remove!;
  if (/^(readdir|opendir)$/.test(name)) return FS_CODES.readdir!;
  if (name === 'rename') return FS_CODES.rename!;
  if (/^(stat|lstat|access|exists)$/.test(name)) return FS_CODES.stat!;
  if (/^(open|createReadStream|createWriteStream)$/.test(name)) return FS_CODES.open!;
  return FS_CODES.any!;
}

const NO_IMPORT_KAFKAJS: Guard = { kind: 'name', prefix: 'KafkaJS' };

export const CATALOG: readonly CatalogEntry[] = [
  {
    id: 'node:fs',
    modules: ['fs', 'node:fs', 'fs/promises', 'node:fs/promises'],
    packages: ['@types/node'],
    receivers: /^(fs|fsp|fsPromises|promises)$/,
    errors: (method) => [{ name: `ErrnoException (${fsCodes(method).join(', ')})`, guard: { kind: 'code', codes: fsCodes(method) } }],
    why: "Node's fs errors are plain `Error`s whose errno `code` says what failed (ENOENT, EACCES, …); the class says nothing.",
  },
  {
    id: 'kafkajs',
    modules: ['kafkajs'],
    packages: ['kafkajs'],
    receivers: /(producer|consumer|admin|kafka)/i,
    errors: [{ name: 'KafkaJSError', guard: { kind: 'class', from: 'kafkajs', className: 'KafkaJSError', importable: false, namespaceMember: true, fallback: NO_IMPORT_KAFKAJS } }],
    why:
      "kafkajs (CommonJS) spreads its error classes into `module.exports`, which Node's ESM loader cannot see: `import { KafkaJSError } from 'kafkajs'` fails at run time. `instanceof` is used where `KafkaJSError` is already a value binding (destructured from the default import); otherwise the class names, which all start with `KafkaJS`. `error.retriable` tells retriable from fatal.",
  },
  {
    id: 'pg',
    modules: ['pg', 'pg-pool', 'pg-protocol'],
    packages: ['pg', '@types/pg', 'pg-pool', '@types/pg-pool', 'pg-protocol'],
    receivers: /(pool|client|conn|db|pg|query)/i,
    errors: [
      {
        name: 'DatabaseError',
        guard: { kind: 'class', from: 'pg', className: 'DatabaseError', importable: true, namespaceMember: true, fallback: { kind: 'code', props: ['severity', 'routine'] } },
      },
    ],
    why:
      "pg's `DatabaseError` carries the SQLSTATE `code`; its `name` is `'error'`, so a name check never matches. pg's ESM wrapper re-exports the one CommonJS class, so `instanceof` holds in both builds.",
  },
  {
    id: 'postgres',
    modules: ['postgres'],
    packages: ['postgres'],
    receivers: /^(sql|db|postgres|pg|tx)$/i,
    errors: [{ name: 'PostgresError', guard: { kind: 'name', names: ['PostgresError'] } }],
    why: "postgres.js ships separate CJS and ESM builds (two `PostgresError` classes); the name (`this.constructor.name`) is the same in both. SQLSTATE in `code`.",
  },
  {
    id: 'mysql2',
    modules: ['mysql2', 'mysql2/promise'],
    packages: ['mysql2'],
    receivers: /(pool|conn|connection|db|mysql)/i,
    errors: [{ name: 'QueryError', guard: { kind: 'code', props: ['sqlState'] } }],
    why: "mysql2's errors are plain `Error`s with `code` (`ER_DUP_ENTRY`), `errno` and `sqlState`; there is no class to test.",
  },
  {
    id: 'ioredis',
    modules: ['ioredis'],
    packages: ['ioredis'],
    receivers: /redis/i,
    errors: [{ name: 'ReplyError', guard: { kind: 'name', names: ['ReplyError'] } }],
    why: 'ioredis re-exports `ReplyError` from redis-errors typed as `any`, and several copies can be installed; the name is set by the class itself.',
  },
  {
    id: 'axios',
    modules: ['axios'],
    packages: ['axios'],
    receivers: /(axios|http|client|api)/i,
    errors: [{ name: 'AxiosError', guard: { kind: 'function', from: 'axios', name: 'isAxiosError' } }],
    why: "axios ships CJS and ESM builds; `instanceof AxiosError` fails across them. `isAxiosError()` checks the `isAxiosError` flag.",
  },
  {
    id: 'undici',
    modules: ['undici'],
    // Not `undici-types`: it types Node's global fetch, whose errors are `TypeError`s (the undici error is the `cause`).
    packages: ['undici'],
    errors: [{ name: 'UndiciError', guard: { kind: 'code', codePrefix: 'UND_ERR' } }],
    why: "undici's `errors.*` classes set `code` `UND_ERR_*` (and test membership with a global symbol); the code also matches the copy bundled in Node.",
  },
  {
    id: 'zod',
    modules: ['zod', 'zod/v4', 'zod/v3', 'zod/mini'],
    packages: ['zod'],
    methods: /^(parse|parseAsync)$/,
    errors: [{ name: 'ZodError', guard: { kind: 'class', from: 'zod', className: 'ZodError', importable: true, namespaceMember: true } }],
    why: "Only `parse`/`parseAsync` throw (`safeParse` returns). zod 4's classes test membership by trait, so `instanceof ZodError` holds across copies.",
  },
  {
    id: 'prisma',
    modules: ['@prisma/client'],
    packages: ['@prisma/client', '.prisma'],
    receivers: /prisma|db/i,
    errors: [{ name: 'PrismaClientKnownRequestError', guard: { kind: 'name', names: ['PrismaClientKnownRequestError'] } }],
    why: "Prisma's generated client can be bundled more than once (edge, ESM); the name is stable, and `code` (`P2002`…) tells the case. `instanceof Prisma.PrismaClientKnownRequestError` is used where `Prisma` is in scope.",
  },
  {
    id: 'mongodb',
    modules: ['mongodb', 'mongoose'],
    packages: ['mongodb', 'mongoose'],
    receivers: /(collection|coll|db|mongo|model|client)/i,
    errors: [{ name: 'MongoServerError', guard: { kind: 'name', names: ['MongoServerError'] } }],
    why: 'mongoose bundles its own mongodb, so `instanceof MongoServerError` from a second copy fails; the driver defines `name` as a getter. Duplicate keys: `code === 11000`.',
  },
  {
    id: 'aws-sdk-v3',
    modules: ['@aws-sdk/*'],
    packages: ['@aws-sdk/*', '@smithy/smithy-client'],
    receivers: /(client|s3|dynamo|sqs|sns|ddb|lambda)/i,
    methods: /^send$/,
    errors: [
      {
        name: 'ServiceException',
        guard: { kind: 'static', from: '@aws-sdk/*', className: 'ServiceException', method: 'isInstance', fallback: { kind: 'code', props: ['$fault', '$metadata'] } },
      },
    ],
    why: "Each client exports `<Service>ServiceException`; its static `isInstance` checks `$fault`/`$metadata`, so it works across SDK copies where `instanceof` does not.",
  },
  {
    id: 'got',
    modules: ['got'],
    packages: ['got'],
    receivers: /(got|client|http|api)/i,
    errors: [
      {
        name: 'RequestError',
        guard: { kind: 'name', names: ['RequestError', 'HTTPError', 'TimeoutError', 'MaxRedirectsError', 'ReadError', 'UploadError', 'CacheError', 'RetryError', 'ParseError'] },
      },
    ],
    why: "got's `RequestError` family sets a class-field `name` per subclass and an `ERR_*`/errno `code`; name checks survive duplicated installs.",
  },
];

const ABORT: CatalogError = { name: 'AbortError', guard: { kind: 'abort' } };

export const GLOBALS: readonly GlobalEntry[] = [
  { id: 'JSON.parse', callee: 'JSON.parse', errors: [{ name: 'SyntaxError', guard: { kind: 'global-class', className: 'SyntaxError' } }], why: 'Invalid JSON throws `SyntaxError`.' },
  { id: 'new URL', callee: 'new URL', errors: [{ name: 'TypeError', guard: { kind: 'global-class', className: 'TypeError' } }], why: 'An invalid URL throws `TypeError` (code `ERR_INVALID_URL` in Node).' },
  { id: 'decodeURIComponent', callee: 'decodeURIComponent', errors: [{ name: 'URIError', guard: { kind: 'global-class', className: 'URIError' } }], why: 'A malformed escape throws `URIError`.' },
  { id: 'decodeURI', callee: 'decodeURI', errors: [{ name: 'URIError', guard: { kind: 'global-class', className: 'URIError' } }], why: 'A malformed escape throws `URIError`.' },
  { id: 'new RegExp', callee: 'new RegExp', errors: [{ name: 'SyntaxError', guard: { kind: 'global-class', className: 'SyntaxError' } }], why: 'An invalid pattern throws `SyntaxError`.' },
  {
    id: 'fetch',
    callee: 'fetch',
    errors: [{ name: 'TypeError', guard: { kind: 'global-class', className: 'TypeError' } }, ABORT],
    why:
      'A network failure rejects with `TypeError` (the reason in `cause`); an aborted or timed-out request with a `DOMException` named `AbortError`/`TimeoutError`, tested by `name` (DOMException is not in every `lib`).',
  },
];

const entriesByModule = new Map<string, CatalogEntry | null>();

/** The entry whose `modules` include `specifier` (`node:fs/promises`, `@aws-sdk/client-s3`), memoised. */
export function entryForModule(specifier: string): CatalogEntry | null {
  let entry = entriesByModule.get(specifier);
  if (entry === undefined) {
    entry = scanForModule(specifier);
    // Specifiers come from source files: bounded by what a lint run imports, kept for the next file.
    if (entriesByModule.size > 10_000) entriesByModule.clear();
    entriesByModule.set(specifier, entry);
  }
  return entry;
}

function scanForModule(specifier: string): CatalogEntry | null {
  for (const entry of CATALOG) {
    for (const module of entry.modules) {
      if (module === specifier) return entry;
      if (module.endsWith('/*') && specifier.startsWith(module.slice(0, -1))) return entry;
    }
  }
  return null;
}

/** The entry for a package directory that declares a called function (`@types/pg`, `kafkajs`). */
export function entryForPackage(packageName: string): CatalogEntry | null {
  for (const entry of CATALOG) {
    for (const name of entry.packages) {
      if (name === packageName) return entry;
      if (name.endsWith('/*') && packageName.startsWith(name.slice(0, -1))) return entry;
    }
  }
  return null;
}

export function errorsOf(entry: CatalogEntry, method: string | null): CatalogError[] {
  if (entry.methods && (method === null || !entry.methods.test(method))) return [];
  return typeof entry.errors === 'function' ? entry.errors(method) : entry.errors;
}

export function globalEntry(callee: string): GlobalEntry | null {
  return GLOBALS.find((entry) => entry.callee === callee) ?? null;
}

export const ABORT_ERROR = ABORT;
