// Configuration: `catchwise.config.json` or `catchwise.config.ts`, the nearest one above each file
// (as the rules find it) or `--config <file>` for every file, and the `--logger` spec.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { CatchwiseConfigError, createKnownErrorProvider, findConfigFile, readRawConfig, validateConfig } from '@catchwise/eslint-plugin/analysis';
import type { KnowledgeConfig, KnowledgeOptions, KnownErrorProvider, LoggerConfig, LoggerLevel } from '@catchwise/eslint-plugin/analysis';

/** The codemod's part of the config file. */
export interface CodemodConfig {
  /** The logger to use where a file has none: a `--logger` spec or an object. */
  logger?: string | LoggerConfig;
  /** Level of the expected-error branches (default `warn`). */
  expectedLevel?: LoggerLevel;
  /** Options of the catch model, the same the rules take (`loggers`, `minimumLevel`, `idioms`, …). */
  rules?: Record<string, unknown>;
  /**
   * Module → errors it throws (class names, or `{ name, guard }` as the error catalog reads them);
   * classes with the default `instanceof` guard are used where the file imports the module.
   */
  errors?: Record<string, (string | { name: string; guard?: string })[]>;
}

export interface LoadedConfig {
  config: CodemodConfig;
  /** The error-knowledge part, validated (errors, cancellation, catalog, throwsTags). */
  knowledge: KnowledgeConfig;
  /** Directory a relative logger module in the config is relative to. */
  baseDir: string;
  /** The file read, or null when none applies. */
  path: string | null;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Reads one config file (JSON or `.ts`): its root fields, overridden by its `codemods` section. */
export function readCodemodConfig(path: string): LoadedConfig {
  let raw: unknown;
  let knowledge: KnowledgeConfig;
  try {
    raw = readRawConfig(path);
    // The file is shared with the rules: the knowledge module validates it and names the field.
    knowledge = validateConfig(raw, path);
  } catch (error) {
    if (error instanceof CatchwiseConfigError) throw new ConfigError(`config file ${error.message}`);
    throw error;
  }
  const root = raw as Record<string, unknown>;
  const section = (root.codemods && typeof root.codemods === 'object' && !Array.isArray(root.codemods) ? root.codemods : {}) as CodemodConfig;
  return { config: { ...(root as CodemodConfig), ...section }, knowledge, baseDir: dirname(path), path };
}

/**
 * The config of each file: `--config <file>` for all of them, else the nearest
 * `catchwise.config.json` / `.ts` at or above the file's directory (as the rules find it).
 * Directories and files are looked up and read once per run.
 */
export class ConfigLookup {
  private readonly directories = new Map<string, string | null>();
  private readonly read = new Map<string, LoadedConfig>();
  private readonly explicit: string | null;

  constructor(
    private readonly cwd: string,
    file?: string,
  ) {
    this.explicit = file ? resolve(cwd, file) : null;
    if (file && !existsSync(this.explicit!)) throw new ConfigError(`config file not found: ${file}`);
  }

  /** The config file that applies to `file`, or null. */
  pathFor(file: string): string | null {
    if (this.explicit) return this.explicit;
    try {
      return findConfigFile(file, this.directories);
    } catch (error) {
      if (error instanceof CatchwiseConfigError) throw new ConfigError(`config file ${error.message}`);
      throw error;
    }
  }

  load(path: string | null): LoadedConfig {
    if (path === null) return { config: {}, knowledge: {}, baseDir: this.cwd, path: null };
    let loaded = this.read.get(path);
    if (!loaded) {
      loaded = readCodemodConfig(path);
      this.read.set(path, loaded);
    }
    return loaded;
  }
}

/**
 * `--logger <name>[@<module>][#default][:object-first|:message-first]`, e.g. `logger@./src/log.js`,
 * `log@@acme/logging:message-first`, `logger@./logger.js#default`.
 */
export function parseLoggerSpec(spec: string): LoggerConfig {
  let rest = spec.trim();
  let style: LoggerConfig['style'];
  const styleMatch = /:(object-first|message-first)$/.exec(rest);
  if (styleMatch) {
    style = styleMatch[1] as LoggerConfig['style'];
    rest = rest.slice(0, styleMatch.index);
  }
  let kind: 'named' | 'default' = 'named';
  if (rest.endsWith('#default')) {
    kind = 'default';
    rest = rest.slice(0, -'#default'.length);
  }
  const at = rest.indexOf('@', 1);
  const name = at === -1 ? rest : rest.slice(0, at);
  const from = at === -1 ? '' : rest.slice(at + 1);
  if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(name)) throw new ConfigError(`--logger: "${name}" is not a logger expression (expected e.g. logger, this.log)`);
  if (at !== -1 && !from) throw new ConfigError(`--logger: missing module after "@" in "${spec}"`);
  return { name, ...(style ? { style } : {}), ...(from ? { import: { from, kind } } : {}) };
}

export function resolveLoggerConfig(value: string | LoggerConfig | undefined): LoggerConfig | null {
  if (!value) return null;
  if (typeof value === 'string') return parseLoggerSpec(value);
  if (typeof value.name !== 'string') throw new ConfigError('config "logger" needs a "name"');
  return value;
}

/** A relative logger module (relative to the config's directory) as seen from `fileName`. */
export function loggerForFile(logger: LoggerConfig | null, baseDir: string, fileName: string): LoggerConfig | null {
  const from = logger?.import?.from;
  if (!logger || !from || !from.startsWith('.')) return logger;
  let specifier = relative(dirname(fileName), resolve(baseDir, from)).replace(/\\/g, '/');
  if (!specifier.startsWith('.')) specifier = `./${specifier}`;
  if (isAbsolute(specifier)) return logger;
  return { ...logger, import: { ...logger.import, from: specifier } };
}

/**
 * Error knowledge (the plugin's knowledge module, DESIGN §4): the config's `errors` first (evidence
 * `config`), then `@throws` when a type checker is given, then the built-in catalog; the config's
 * `cancellation`, `catalog` and `throwsTags` apply as they do in the rules.
 */
export function knownErrorsFrom(
  knowledge: KnowledgeConfig = {},
  configPath: string | null = null,
  types: Pick<KnowledgeOptions, 'ts' | 'checker' | 'getSourceFile'> = {},
): KnownErrorProvider {
  return createKnownErrorProvider({ config: knowledge, configPath, ...types });
}
