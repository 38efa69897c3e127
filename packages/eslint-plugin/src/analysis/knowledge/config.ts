// `catchwise.config.json` or `catchwise.config.ts`: found upward from a file, read by the rules (or
// given as ESLint `settings.catchwise`) and by the codemod. Validated field by field; an error names
// the file and the field (`catchwise.config.json: errors.pg[0].guard must be one of …`). A `.ts`
// config is read synchronously (ESLint rules are synchronous): transpiled to CommonJS with the
// project's `typescript` and evaluated with a `require` from the config's directory.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type ts from 'typescript';

export const CONFIG_FILE_NAME = 'catchwise.config.json';
export const TS_CONFIG_FILE_NAME = 'catchwise.config.ts';

/** One error a module throws, as the config names it. */
export interface ConfiguredError {
  /** The class name (`HttpError`) or, with `guard: "name"`, the error's `name`. */
  name: string;
  /**
   * `instanceof` (default: the class, imported by name from the module where not in scope),
   * `name` (`e.name === name`), `code` (`e.code` in `codes`), or a guard function's name exported
   * by the module (`isHttpError`).
   */
  guard?: string;
  /** Codes for `guard: "code"` (or to narrow a `name` guard). */
  codes?: (string | number)[];
  /** Only these methods throw it (any call into the module when absent). */
  methods?: string[];
  /** Why, shown as the evidence. */
  why?: string;
}

export interface KnowledgeConfig {
  /** Module specifier → errors its calls throw (a string is a class name). */
  errors?: Record<string, (string | ConfiguredError)[]>;
  /** How a rewrite treats an abort in code that takes an `AbortSignal`: `ignore` (default) or `rethrow`. */
  cancellation?: 'ignore' | 'rethrow';
  /** Whether the built-in catalog applies (default true). */
  catalog?: boolean;
  /** Whether `@throws` tags are read (with types; default true). */
  throwsTags?: boolean;
  /** Options of the catch model and the codemod, passed through (validated by their owners). */
  logger?: unknown;
  expectedLevel?: 'debug' | 'info' | 'warn' | 'error';
  rules?: Record<string, unknown>;
  codemods?: Record<string, unknown>;
}

export interface LoadedConfig {
  config: KnowledgeConfig;
  /** The file read, or null when none was found (defaults apply). */
  path: string | null;
}

export class CatchwiseConfigError extends Error {
  constructor(
    readonly file: string,
    readonly field: string | null,
    detail: string,
  ) {
    super(`${file}: ${field ? `${field} ` : ''}${detail}`);
    this.name = 'CatchwiseConfigError';
  }
}

const KNOWN_KEYS = new Set(['$schema', 'errors', 'cancellation', 'catalog', 'throwsTags', 'logger', 'expectedLevel', 'rules', 'codemods']);
const GUARD_KINDS = ['instanceof', 'name', 'code'];
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** Validates a parsed config (from the file or `settings.catchwise`); `file` names it in errors. */
export function validateConfig(value: unknown, file: string): KnowledgeConfig {
  if (!isObject(value)) throw new CatchwiseConfigError(file, null, /\.[cm]?ts$/.test(file) ? 'must export a config object (export default defineConfig({ … }))' : 'must hold a JSON object');
  for (const key of Object.keys(value)) {
    if (!KNOWN_KEYS.has(key)) throw new CatchwiseConfigError(file, key, `is not a known field (expected one of ${[...KNOWN_KEYS].join(', ')})`);
  }
  const config: KnowledgeConfig = {};
  if (value.errors !== undefined) {
    if (!isObject(value.errors)) throw new CatchwiseConfigError(file, 'errors', 'must be an object: module specifier → list of errors');
    const errors: Record<string, (string | ConfiguredError)[]> = {};
    for (const [module, list] of Object.entries(value.errors)) {
      const field = `errors[${JSON.stringify(module)}]`;
      if (!Array.isArray(list)) throw new CatchwiseConfigError(file, field, 'must be an array of class names or { name, guard } objects');
      errors[module] = list.map((item, index) => validateError(item, file, `${field}[${index}]`));
    }
    config.errors = errors;
  }
  if (value.cancellation !== undefined) {
    if (value.cancellation !== 'ignore' && value.cancellation !== 'rethrow') throw new CatchwiseConfigError(file, 'cancellation', 'must be "ignore" or "rethrow"');
    config.cancellation = value.cancellation;
  }
  for (const key of ['catalog', 'throwsTags'] as const) {
    if (value[key] === undefined) continue;
    if (typeof value[key] !== 'boolean') throw new CatchwiseConfigError(file, key, 'must be true or false');
    config[key] = value[key];
  }
  if (value.expectedLevel !== undefined) {
    if (!['debug', 'info', 'warn', 'error'].includes(value.expectedLevel as string)) throw new CatchwiseConfigError(file, 'expectedLevel', 'must be one of debug, info, warn, error');
    config.expectedLevel = value.expectedLevel as KnowledgeConfig['expectedLevel'];
  }
  for (const key of ['rules', 'codemods'] as const) {
    if (value[key] === undefined) continue;
    if (!isObject(value[key])) throw new CatchwiseConfigError(file, key, 'must be an object');
    config[key] = value[key];
  }
  if (value.logger !== undefined) {
    if (typeof value.logger !== 'string' && !(isObject(value.logger) && typeof value.logger.name === 'string')) {
      throw new CatchwiseConfigError(file, 'logger', 'must be a logger spec string or an object with a "name"');
    }
    config.logger = value.logger;
  }
  // The codemod's section may carry its own `errors`.
  if (config.codemods && config.codemods.errors !== undefined) {
    const nested = validateConfig({ errors: config.codemods.errors }, file).errors;
    config.errors = { ...(nested ?? {}), ...(config.errors ?? {}) };
  }
  return config;
}

function validateError(item: unknown, file: string, field: string): string | ConfiguredError {
  if (typeof item === 'string') {
    if (!IDENTIFIER.test(item)) throw new CatchwiseConfigError(file, field, `"${item}" is not a class name`);
    return item;
  }
  if (!isObject(item)) throw new CatchwiseConfigError(file, field, 'must be a class name or an object { name, guard?, codes?, methods? }');
  for (const key of Object.keys(item)) {
    if (!['name', 'guard', 'codes', 'methods', 'why'].includes(key)) throw new CatchwiseConfigError(file, `${field}.${key}`, 'is not a known field (name, guard, codes, methods, why)');
  }
  if (typeof item.name !== 'string' || item.name === '') throw new CatchwiseConfigError(file, `${field}.name`, 'is required (a class name or an error name)');
  const error: ConfiguredError = { name: item.name };
  if (item.guard !== undefined) {
    if (typeof item.guard !== 'string' || (!GUARD_KINDS.includes(item.guard) && !IDENTIFIER.test(item.guard))) {
      throw new CatchwiseConfigError(file, `${field}.guard`, `must be one of ${GUARD_KINDS.join(', ')} or the name of a guard function the module exports`);
    }
    error.guard = item.guard;
  }
  if ((error.guard ?? 'instanceof') === 'instanceof' && !IDENTIFIER.test(error.name)) {
    throw new CatchwiseConfigError(file, `${field}.name`, `"${error.name}" is not a class name (use guard "name" for an error name)`);
  }
  if (item.codes !== undefined) {
    if (!Array.isArray(item.codes) || item.codes.length === 0 || !item.codes.every((code) => typeof code === 'string' || typeof code === 'number')) {
      throw new CatchwiseConfigError(file, `${field}.codes`, 'must be a non-empty array of strings or numbers');
    }
    error.codes = item.codes as (string | number)[];
  } else if (error.guard === 'code') {
    throw new CatchwiseConfigError(file, `${field}.codes`, 'is required with guard "code"');
  }
  if (item.methods !== undefined) {
    if (!Array.isArray(item.methods) || !item.methods.every((method) => typeof method === 'string')) throw new CatchwiseConfigError(file, `${field}.methods`, 'must be an array of method names');
    error.methods = item.methods as string[];
  }
  if (item.why !== undefined) {
    if (typeof item.why !== 'string') throw new CatchwiseConfigError(file, `${field}.why`, 'must be a string');
    error.why = item.why;
  }
  return error;
}

/** The config object a `catchwise.config.ts` exports, with editor help: `export default defineConfig({ … })`. */
export function defineConfig(config: CatchwiseConfig): CatchwiseConfig {
  return config;
}

/** What `catchwise.config.json` / `catchwise.config.ts` may hold (validated by `validateConfig`). */
export type CatchwiseConfig = Omit<KnowledgeConfig, 'logger'> & {
  $schema?: string;
  /** The logger for files without one: a `--logger` spec (`logger@./src/log.js`) or `{ name, import?, style? }`. */
  logger?: string | { name: string; import?: { from: string; kind: 'named' | 'default' }; style?: 'object-first' | 'message-first' };
};

const found = new Map<string, string | null>();
const loaded = new Map<string, { stamp: string; config: KnowledgeConfig }>();

/** The config file in one directory, or null; both a `.json` and a `.ts` there is a mistake. */
export function configFileIn(dir: string): string | null {
  const json = join(dir, CONFIG_FILE_NAME);
  const typescript = join(dir, TS_CONFIG_FILE_NAME);
  const hasJson = existsSync(json);
  const hasTs = existsSync(typescript);
  if (hasJson && hasTs) throw new CatchwiseConfigError(typescript, null, `and ${CONFIG_FILE_NAME} are both in ${dir}: keep one`);
  return hasTs ? typescript : hasJson ? json : null;
}

/** The nearest `catchwise.config.json` (or `.ts`) at or above `fromFile`'s directory, or null. */
export function findConfigFile(fromFile: string, cache: Map<string, string | null> = found): string | null {
  const start = dirname(resolve(fromFile));
  const visited: string[] = [];
  let result: string | null = null;
  for (let dir = start; ; dir = dirname(dir)) {
    const cached = cache.get(dir);
    if (cached !== undefined) {
      result = cached;
      break;
    }
    visited.push(dir);
    const candidate = configFileIn(dir);
    if (candidate) {
      result = candidate;
      break;
    }
    if (dirname(dir) === dir) break;
  }
  for (const dir of visited) cache.set(dir, result);
  return result;
}

/** The value a config file holds, not yet validated: parsed JSON, or what a `.ts` config exports. */
export function readRawConfig(path: string): unknown {
  if (/\.[cm]?ts$/.test(path)) return evaluateTsConfig(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    // The path came from discovery or the user; a read failure is a config error they must see.
    throw new CatchwiseConfigError(path, null, `cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) throw new CatchwiseConfigError(path, null, `is not valid JSON: ${error.message}`);
    throw error;
  }
}

/** Reads and validates one config file. Throws `CatchwiseConfigError` naming the file and field. */
export function readConfigFile(path: string): KnowledgeConfig {
  return validateConfig(readRawConfig(path), path);
}

/** The project's `typescript` (from the config's directory), else the one next to this package. */
export function typescriptFor(path: string, places: readonly string[] = [path, import.meta.url]): typeof ts {
  for (const from of places) {
    try {
      return createRequire(from)('typescript') as typeof ts;
    } catch (error) {
      // ignore: try the next place; none found is reported below, naming the file (${String(error)})
      void error;
    }
  }
  throw new CatchwiseConfigError(path, null, 'needs the `typescript` package to be read: install it in the project, or use catchwise.config.json');
}

const CONFIG_HELPERS = new Set(['@catchwise/eslint-plugin', '@catchwise/codemods']);

/** Transpiles a `.ts` config to CommonJS and runs it; its default export (or `module.exports`) is the config. */
function evaluateTsConfig(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CatchwiseConfigError(path, null, `cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const typescript = typescriptFor(path);
  const output = typescript.transpileModule(text, {
    fileName: path,
    reportDiagnostics: true,
    compilerOptions: { module: typescript.ModuleKind.CommonJS, target: typescript.ScriptTarget.ES2022, esModuleInterop: true },
  });
  const syntax = output.diagnostics?.find((diagnostic) => diagnostic.category === typescript.DiagnosticCategory.Error);
  if (syntax) throw new CatchwiseConfigError(path, null, `does not parse: ${typescript.flattenDiagnosticMessageText(syntax.messageText, ' ')}`);
  const projectRequire = createRequire(path);
  // `defineConfig` is an identity function: the config needs no runtime import of the (ESM) packages.
  const configRequire = (id: string): unknown => (CONFIG_HELPERS.has(id) ? { defineConfig } : projectRequire(id));
  const module = { exports: {} as Record<string, unknown> };
  try {
    // The config is the user's own code: running it is how a `.ts` config is read.
    new Function('exports', 'require', 'module', '__filename', '__dirname', output.outputText)(module.exports, configRequire, module, path, dirname(path));
  } catch (error) {
    throw new CatchwiseConfigError(path, null, `throws when run: ${error instanceof Error ? error.message : String(error)}`);
  }
  const value = 'default' in module.exports ? module.exports.default : module.exports;
  if (value instanceof Promise) throw new CatchwiseConfigError(path, null, 'must export the config object itself, not a promise (configs are read synchronously)');
  return value;
}

/** The config that applies to `fromFile` (cached per file and content); defaults when none. */
export function loadConfigFor(fromFile: string): LoadedConfig {
  const path = findConfigFile(fromFile);
  if (!path) return { config: {}, path: null };
  // Keyed by the text: reading it is cheap, a `.ts` config's transpile and run are not.
  const stamp = readFileSync(path, 'utf8');
  const cached = loaded.get(path);
  if (cached && cached.stamp === stamp) return { config: cached.config, path };
  const config = readConfigFile(path);
  loaded.set(path, { stamp, config });
  return { config, path };
}

/** Forget discovered and read configs (tests, watch mode). */
export function clearConfigCache(): void {
  found.clear();
  loaded.clear();
}
