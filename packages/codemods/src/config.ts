// Configuration: `catchwise.config.json` (or `--config <file>`) and the `--logger` spec.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { CatchwiseConfigError, createKnownErrorProvider, validateConfig } from '@catchwise/eslint-plugin/analysis';
import type { KnowledgeOptions, KnownErrorProvider, LoggerConfig, LoggerLevel } from '@catchwise/eslint-plugin/analysis';

export const CONFIG_FILE = 'catchwise.config.json';

/** The codemod's part of `catchwise.config.json`. */
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

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Reads `--config <file>`, or `catchwise.config.json` in `cwd` when present. */
export function loadConfig(cwd: string, file?: string): { config: CodemodConfig; baseDir: string; path: string | null } {
  const path = file ? resolve(cwd, file) : resolve(cwd, CONFIG_FILE);
  if (!existsSync(path)) {
    if (file) throw new ConfigError(`config file not found: ${file}`);
    return { config: {}, baseDir: cwd, path: null };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) throw new ConfigError(`config file ${path} is not valid JSON: ${error.message}`);
    throw new ConfigError(`config file ${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ConfigError(`config file ${path} must hold an object`);
  const raw = parsed as Record<string, unknown>;
  // The file is shared with the rules and the error catalog; a `codemods` section overrides the root.
  const section = (raw.codemods && typeof raw.codemods === 'object' && !Array.isArray(raw.codemods) ? raw.codemods : {}) as CodemodConfig;
  const config: CodemodConfig = { ...(raw as CodemodConfig), ...section };
  if (config.errors !== undefined && (typeof config.errors !== 'object' || config.errors === null || Array.isArray(config.errors))) {
    throw new ConfigError(`config file ${path}: "errors" must map module names to lists of error classes`);
  }
  if (config.errors !== undefined) {
    // The knowledge module's validation names the field: `errors["pg"][0].guard must be one of …`.
    try {
      validateConfig({ errors: config.errors }, path);
    } catch (error) {
      if (error instanceof CatchwiseConfigError) throw new ConfigError(`config file ${error.message}`);
      throw error;
    }
  }
  return { config, baseDir: dirname(path), path };
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
 * `config`), then `@throws` when a type checker is given, then the built-in catalog.
 */
export function knownErrorsFrom(errors: CodemodConfig['errors'], types: Pick<KnowledgeOptions, 'ts' | 'checker' | 'getSourceFile'> = {}): KnownErrorProvider {
  const config = errors && Object.keys(errors).length > 0 ? validateConfig({ errors }, CONFIG_FILE) : {};
  return createKnownErrorProvider({ config, ...types });
}
