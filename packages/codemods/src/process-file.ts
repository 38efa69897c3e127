// One file's work, the same in the main thread and in a worker: read, skip generated files,
// prefilter, transform, diff. Settings are plain data so they cross the worker boundary.
import { readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { KnowledgeConfig, KnownErrorProvider, LoggerConfig, LoggerKind, LoggerModuleResolver, LoggerLevel } from '@catchwise/eslint-plugin/analysis';
import { getTransform } from './transforms/index.js';
import { knownErrorsFrom, loggerForFile } from './config.js';
import type { Diagnostic, RewrittenHandler } from './types.js';

export type FileStatus = 'changed' | 'unchanged' | 'skipped' | 'error';

export interface FileSettings {
  transform: string;
  analysis: Record<string, unknown>;
  logger: LoggerConfig | null;
  /** Directory a relative logger module in the config is relative to. */
  loggerBaseDir: string;
  expectedLevel?: LoggerLevel;
  /** The error knowledge of the file's config (errors, cancellation, catalog, throwsTags). */
  knowledge: KnowledgeConfig;
  /** The config file these settings come from (named in the evidence), or null. */
  configPath: string | null;
  /** Compute a unified diff for changed files. */
  diff: boolean;
  /** Re-run the rules' analysis on each rewrite (under --verify). */
  recheck: boolean;
}

export interface FileWork {
  file: string;
  display: string;
  status: FileStatus;
  reason?: string;
  diagnostics: Diagnostic[];
  findings: number;
  rewritten: number;
  /** The rewritten handlers with the expected errors they branch on and the evidence. */
  handlers: RewrittenHandler[];
  diff?: string;
  /** The original and the new text of a changed file (for the writer and --verify). */
  before?: string;
  output?: string;
  mode?: number;
}

const GENERATED = /@generated\b/;
// A trailing `//# sourceMappingURL=` comment: the file is a bundler's or compiler's output (a
// committed `client-dist/app.js`), its source is elsewhere and the next build would undo an edit.
const SOURCE_MAP_COMMENT = /\/\/[#@] sourceMappingURL=\S+\s*$/;
const LOGGER_LIBRARIES: [RegExp, LoggerKind][] = [
  [/(?:from\s+|require\()\s*['"]pino['"]/, 'pino'],
  [/(?:from\s+|require\()\s*['"]bunyan['"]/, 'bunyan'],
  [/(?:from\s+|require\()\s*['"]winston['"]/, 'winston'],
];

const moduleKinds = new Map<string, LoggerKind | null>();

/** `./logger.js` → the library that module builds its logger with (read once per run). */
export const resolveLoggerModule: LoggerModuleResolver = (specifier, fromFile) => {
  const base = resolve(dirname(fromFile), specifier);
  const stem = base.replace(/\.(?:[cm]?[jt]sx?)$/, '');
  const candidates = [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, `${stem}.js`, `${stem}.mjs`, `${stem}.cjs`, `${base}/index.ts`, `${base}/index.js`];
  for (const candidate of candidates) {
    if (moduleKinds.has(candidate)) return moduleKinds.get(candidate) ?? null;
    if (!existsSync(candidate) || !statSync(candidate).isFile()) continue;
    let kind: LoggerKind | null = null;
    try {
      const head = readFileSync(candidate, 'utf8').slice(0, 64 * 1024);
      kind = LOGGER_LIBRARIES.find(([pattern]) => pattern.test(head))?.[1] ?? null;
    } catch {
      kind = null; // unreadable: its style is then taken from the calls in the file
    }
    moduleKinds.set(candidate, kind);
    return kind;
  }
  return null;
};

const syntaxOnly = new WeakMap<KnowledgeConfig, KnownErrorProvider>();

/** The syntax-only provider, built once per config and run. */
function syntaxOnlyKnowledge(settings: FileSettings): KnownErrorProvider {
  let provider = syntaxOnly.get(settings.knowledge);
  if (!provider) {
    provider = knownErrorsFrom(settings.knowledge, settings.configPath);
    syntaxOnly.set(settings.knowledge, provider);
  }
  return provider;
}

/** `knownErrors`: a provider with a type checker (`--verify`, main thread); syntax-only otherwise. */
export function processFile(file: string, display: string, settings: FileSettings, knownErrors?: KnownErrorProvider): FileWork {
  const base = { file, display, diagnostics: [] as Diagnostic[], findings: 0, rewritten: 0, handlers: [] as RewrittenHandler[] };
  let text: string;
  let mode: number;
  try {
    mode = statSync(file).mode;
    text = readFileSync(file, 'utf8');
  } catch (error) {
    // Reported, not thrown: the file's result carries the reason, so one bad file never stops the run.
    const code = (error as NodeJS.ErrnoException).code;
    return { ...base, status: 'error', reason: `unreadable: ${code ?? (error instanceof Error ? error.message : String(error))}` };
  }
  if (GENERATED.test(text.slice(0, 2048))) return { ...base, status: 'skipped', reason: 'generated file (@generated)' };
  if (SOURCE_MAP_COMMENT.test(text.slice(-512))) return { ...base, status: 'skipped', reason: 'build output (sourceMappingURL)' };
  const transform = getTransform(settings.transform);
  if (!transform.prefilter(text)) return { ...base, status: 'unchanged', reason: 'no handler (prefilter)' };
  let result;
  try {
    result = transform.transform(text, {
      fileName: file,
      analysis: settings.analysis,
      logger: loggerForFile(settings.logger, settings.loggerBaseDir, file),
      expectedLevel: settings.expectedLevel,
      knownErrors: knownErrors ?? syntaxOnlyKnowledge(settings),
      resolveLoggerModule,
      recheck: settings.recheck,
    });
  } catch (error) {
    // Reported with its stack in the file's result, so one bad file never stops the run.
    return { ...base, status: 'error', reason: `transform crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` };
  }
  const common = { ...base, diagnostics: result.diagnostics, findings: result.findings, rewritten: result.rewritten, handlers: result.handlers ?? [] };
  const fatal = result.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  if (fatal) {
    const where = fatal.line ? ` (line ${fatal.line}${fatal.column ? `:${fatal.column}` : ''})` : '';
    return { ...common, status: 'error', reason: `${fatal.code === 'parse-error' ? 'parse error' : 'refused'}: ${fatal.message}${where}` };
  }
  if (result.output === text) return { ...common, status: 'unchanged' };
  const work: FileWork = { ...common, status: 'changed', before: text, output: result.output, mode };
  if (settings.diff) work.diff = createTwoFilesPatch(`a/${display}`, `b/${display}`, text, result.output, undefined, undefined, { context: 3 });
  return work;
}
