// The runner owns files, workers, writes and the summary (the transforms are pure). Per file:
// `changed | unchanged | skipped(reason) | error(reason)`; one bad file never stops the run.
import { readFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { KnownErrorProvider, LoggerConfig } from '@catchwise/eslint-plugin/analysis';
import { ConfigLookup, knownErrorsFrom, parseLoggerSpec, resolveLoggerConfig } from './config.js';
import { discover, inShard, isInside, parseShard } from './files.js';
import { dirtyFiles } from './git.js';
import { processFile } from './process-file.js';
import type { FileSettings, FileStatus, FileWork } from './process-file.js';
import { getTransform } from './transforms/index.js';
import type { Diagnostic, RewrittenHandler } from './types.js';
import type { Verifier } from './verify.js';
import { writeFileAtomic } from './write.js';

export type { FileStatus } from './process-file.js';

/** Below this many files per worker, `--jobs` runs in the main thread. */
export const MIN_FILES_PER_WORKER = 20;

export interface RunOptions {
  /** Files, directories or globs. */
  paths: string[];
  transform?: string;
  cwd?: string;
  /** Write nothing; collect a unified diff per changed file. */
  dryRun?: boolean;
  /** Write nothing; the exit code says whether anything would change. */
  check?: boolean;
  /** Type-check touched files before and after; a rewrite that adds a diagnostic is not written. */
  verify?: boolean;
  /** Worker threads (default 1: the main thread). */
  jobs?: number;
  /** `i/n`: process only this shard of the files. */
  shard?: string;
  /** `--logger` spec or object; overrides the config file's. */
  logger?: string | LoggerConfig;
  /** Config file for every file (default: the nearest `catchwise.config.json` / `.ts` above each file). */
  config?: string;
  allowDirty?: boolean;
  /** Keep each changed file's unified diff in the summary (implied by `dryRun`). */
  diff?: boolean;
  onProgress?: (progress: { done: number; total: number; file: string }) => void;
  signal?: AbortSignal;
}

export interface FileResult {
  /** Path relative to `cwd`, with `/`. */
  file: string;
  status: FileStatus;
  reason?: string;
  diagnostics: Diagnostic[];
  findings: number;
  rewritten: number;
  /** Per rewritten handler: its line, the rule, and each expected error with its evidence. */
  handlers: RewrittenHandler[];
  diff?: string;
}

export interface RunSummary {
  transform: string;
  mode: 'write' | 'dry-run' | 'check';
  files: FileResult[];
  counts: Record<FileStatus, number>;
  /** Files `.gitignore` left out. */
  ignored: number;
  /** `.vue`, `.svelte` and `.astro` files found in the walked directories, not processed (a file named explicitly is `skipped` instead). */
  unsupported: number;
  findings: number;
  rewritten: number;
  fixmes: number;
  /** Files read with TypeScript's parser because oxc's could not stand in (it reported an error, or JSX text holds a character reference). */
  typescriptParsed: number;
  written: number;
  interrupted: boolean;
  durationMs: number;
  /** 0 clean; 1 changes pending under --check/--dry-run, or any file failed, or interrupted. */
  exitCode: 0 | 1;
}

/** A problem with the invocation itself (bad flag, missing path, dirty tree): exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

function toDisplay(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return (rel.startsWith('..') ? file : rel).split(sep).join('/');
}

export async function run(options: RunOptions): Promise<RunSummary> {
  const started = performance.now();
  const cwd = resolve(options.cwd ?? process.cwd());
  const transformId = options.transform ?? 'specific-catch';
  const mode: RunSummary['mode'] = options.check ? 'check' : options.dryRun ? 'dry-run' : 'write';
  const write = mode === 'write';

  // Settings per config file (the nearest one above each file, or `--config`), keyed by its path.
  const settingsByConfig: Record<string, FileSettings> = {};
  const configOf = new Map<string, string>();
  let shard: { index: number; count: number } | null = null;
  let discovery;
  try {
    getTransform(transformId);
    if (options.paths.length === 0) throw new UsageError('no paths given');
    const jobs = options.jobs ?? 1;
    if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs expects a positive integer, got ${String(options.jobs)}`);
    if (options.shard) shard = parseShard(options.shard);
    const lookup = new ConfigLookup(cwd, options.config);
    const cliLogger: LoggerConfig | undefined = typeof options.logger === 'string' ? parseLoggerSpec(options.logger) : options.logger;
    discovery = await discover(options.paths, cwd);
    for (const file of discovery.files) {
      const path = lookup.pathFor(file);
      const key = path ?? '';
      configOf.set(file, key);
      if (settingsByConfig[key]) continue;
      const loaded = lookup.load(path);
      settingsByConfig[key] = {
        transform: transformId,
        analysis: loaded.config.rules ?? {},
        logger: cliLogger ?? resolveLoggerConfig(loaded.config.logger),
        loggerBaseDir: cliLogger ? cwd : loaded.baseDir,
        expectedLevel: loaded.config.expectedLevel,
        knowledge: loaded.knowledge,
        configPath: loaded.path,
        diff: options.dryRun === true || options.diff === true,
        recheck: options.verify === true,
      };
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }

  if (write && !options.allowDirty) {
    const dirty = dirtyFiles(discovery.roots);
    if (dirty && dirty.length > 0) {
      throw new UsageError(`refusing to write: the git tree has uncommitted changes under the target paths (commit or stash them, or pass --allow-dirty)`, dirty);
    }
  }

  const selected = (file: string): boolean => !shard || inShard(toDisplay(cwd, file), shard);
  const results: FileResult[] = [];
  for (const skip of discovery.skipped) {
    if (selected(skip.file)) results.push({ file: toDisplay(cwd, skip.file), status: 'skipped', reason: skip.reason, diagnostics: [], findings: 0, rewritten: 0, handlers: [] });
  }
  const tasks = discovery.files.filter(selected).map((file) => ({ file, display: toDisplay(cwd, file), settings: configOf.get(file) ?? '' }));
  const total = tasks.length;
  let done = 0;
  let written = 0;
  // The type checker is loaded only for --verify.
  const verifier: Verifier | null = options.verify ? new (await import('./verify.js')).Verifier() : null;
  const realRoots = discovery.roots;

  const toResult = (work: FileWork): FileResult => ({
    file: work.display,
    status: work.status,
    ...(work.reason ? { reason: work.reason } : {}),
    diagnostics: work.diagnostics,
    findings: work.findings,
    rewritten: work.rewritten,
    handlers: work.handlers,
    ...(work.diff ? { diff: work.diff } : {}),
  });

  let typescriptParsed = 0;
  const writeOut = async (work: FileWork, result: FileResult): Promise<void> => {
    if (!write || result.status !== 'changed' || work.before === undefined || work.output === undefined) return;
    try {
      const real = realpathSync(work.file);
      if (!realRoots.some((root) => isInside(root, real))) throw new Error('resolves outside the target paths');
      // The atomic rename would replace a file nobody may write (as sed -i does): a read-only file is kept.
      if (((work.mode ?? 0o644) & 0o222) === 0) throw new Error('read-only file (no write permission bit); make it writable to rewrite it');
      const current = await readFile(work.file, 'utf8');
      if (current !== work.before) throw new Error('changed on disk during the run');
      await writeFileAtomic(work.file, work.output, work.mode ?? 0o644);
      written += 1;
    } catch (error) {
      // Reported as the file's failure; the original stays in place since writes are atomic.
      result.status = 'error';
      result.reason = `not written: ${error instanceof Error ? error.message : String(error)}`;
    }
  };

  // Under --verify, changed files wait: they are type-checked together once all are rewritten.
  const awaitingVerify: { work: FileWork; result: FileResult }[] = [];
  const finish = async (work: FileWork): Promise<void> => {
    const result = toResult(work);
    done += 1;
    if (work.typescriptFallback) typescriptParsed += 1;
    if (verifier && work.status === 'changed') {
      awaitingVerify.push({ work, result });
    } else {
      await writeOut(work, result);
      results.push(result);
    }
    options.onProgress?.({ done, total, file: work.display });
  };

  // A worker costs ~0.7 s of start-up (its own parser and analysis): not worth it for a few files.
  // With N jobs the main thread is one of them.
  const jobs = tasks.length < MIN_FILES_PER_WORKER * 2 ? 1 : Math.min(options.jobs ?? 1, Math.floor(tasks.length / MIN_FILES_PER_WORKER));
  if (jobs <= 1) {
    for (const task of tasks) {
      if (options.signal?.aborted) break;
      // Under --verify the type checker is at hand: error knowledge also reads `@throws` tags.
      const settings = settingsByConfig[task.settings]!;
      const knowledge = verifier ? typedKnowledge(verifier, task, settings) : undefined;
      await finish(processFile(task.file, task.display, settings, knowledge));
      // Let signals and progress through between files.
      await new Promise((resolveTick) => setImmediate(resolveTick));
    }
  } else {
    await runInWorkers(tasks, settingsByConfig, jobs, finish, options.signal);
  }

  if (verifier && awaitingVerify.length > 0) {
    let verdicts: Map<string, { added: string[]; skipped: string | null }> | null = null;
    let failure: string | null = null;
    try {
      verdicts = verifier.verifyAll(awaitingVerify.map(({ work }) => ({ file: work.file, before: work.before!, after: work.output! })));
    } catch (error) {
      // Every waiting file is reported failed and left untouched.
      failure = error instanceof Error ? error.message : String(error);
    }
    for (const { work, result } of awaitingVerify) {
      const verdict = verdicts?.get(work.file);
      if (!verdict) {
        result.status = 'error';
        result.reason = `verify failed, left untouched: ${failure ?? 'not checked'}`;
      } else if (verdict.added.length > 0) {
        result.status = 'error';
        result.reason = `verify failed, left untouched: the rewrite adds ${verdict.added.join('; ')}`;
      } else {
        if (verdict.skipped) result.diagnostics = [...result.diagnostics, { severity: 'info', code: 'not-verified', message: verdict.skipped }];
        await writeOut(work, result);
      }
      results.push(result);
    }
  }

  const interrupted = done < total;
  results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const counts: Record<FileStatus, number> = { changed: 0, unchanged: 0, skipped: 0, error: 0 };
  let findings = 0;
  let rewritten = 0;
  let fixmes = 0;
  for (const result of results) {
    counts[result.status] += 1;
    findings += result.findings;
    rewritten += result.rewritten;
    fixmes += result.diagnostics.filter((diagnostic) => diagnostic.code === 'fixme').length;
  }
  const pending = !write && counts.changed > 0;
  return {
    transform: transformId,
    mode,
    files: results,
    counts,
    ignored: discovery.ignored,
    unsupported: discovery.unsupported.filter(selected).length,
    findings,
    rewritten,
    fixmes,
    typescriptParsed,
    written,
    interrupted,
    durationMs: Math.round(performance.now() - started),
    exitCode: counts.error > 0 || pending || interrupted ? 1 : 0,
  };
}

/**
 * Error knowledge with the file's type checker, built when the first handler asks for it: a file
 * without one (a config file outside the tsconfig) never costs a program.
 */
function typedKnowledge(verifier: Verifier, task: { file: string; display: string }, settings: FileSettings): KnownErrorProvider {
  let provider: KnownErrorProvider | null = null;
  return (context) => {
    if (!provider) {
      try {
        provider = knownErrorsFrom(settings.knowledge, settings.configPath, verifier.types(task.file) ?? undefined);
      } catch (error) {
        // Not fatal: the file is still rewritten with syntax-only knowledge.
        console.error(`catchwise: no type information for ${task.display}:`, error);
        provider = knownErrorsFrom(settings.knowledge, settings.configPath);
      }
    }
    return provider(context);
  };
}

type Task = { file: string; display: string; settings: string };

/** Files a worker has queued at once: it never waits for the main thread between two files. */
const FILES_IN_FLIGHT = 4;

/**
 * `--jobs N`: the main thread (already loaded) works through the file list with N - 1 workers. A
 * worker keeps a few files queued, since the main thread answers only between its own files.
 */
async function runInWorkers(
  tasks: Task[],
  settings: Record<string, FileSettings>,
  jobs: number,
  finish: (work: FileWork) => Promise<void>,
  signal: AbortSignal | undefined,
): Promise<void> {
  const workerUrl = new URL('./worker.js', import.meta.url);
  let next = 0;
  const take = (): { id: number; task: Task } | null => (signal?.aborted || next >= tasks.length ? null : { id: next, task: tasks[next++]! });

  const mainThread = async (): Promise<void> => {
    for (let taken = take(); taken; taken = take()) {
      await finish(processFile(taken.task.file, taken.task.display, settings[taken.task.settings]!));
      // Let the workers' results, signals and progress through between files.
      await new Promise((resolveTick) => setImmediate(resolveTick));
    }
  };

  /** One worker until the list is done (true), or until it crashes (false: its queued files are reported). */
  const oneWorker = (): Promise<boolean> =>
    new Promise<boolean>((resolveWorker) => {
      const worker = new Worker(workerUrl, { workerData: { settings } });
      const queued = new Map<number, Task>();
      let settled = false;
      const settle = (drained: boolean): void => {
        if (settled) return;
        settled = true;
        void worker.terminate().then(() => resolveWorker(drained));
      };
      const refill = (): void => {
        while (queued.size < FILES_IN_FLIGHT) {
          const taken = take();
          if (!taken) break;
          queued.set(taken.id, taken.task);
          worker.postMessage({ id: taken.id, file: taken.task.file, display: taken.task.display, settings: taken.task.settings });
        }
        if (queued.size === 0) settle(true);
      };
      worker.on('message', (message: { id: number; work: FileWork }) => {
        if (!queued.delete(message.id)) return;
        void finish(message.work).then(() => {
          if (!settled) refill();
        });
      });
      worker.on('error', (error: Error) => {
        const lost = [...queued.values()];
        queued.clear();
        const reported = lost.map((task) =>
          finish({ file: task.file, display: task.display, status: 'error', reason: `worker crashed: ${error.message}`, diagnostics: [], findings: 0, rewritten: 0, handlers: [] }),
        );
        void Promise.all(reported).then(() => settle(false));
      });
      refill();
    });

  const workerSlot = async (): Promise<void> => {
    // A crashed worker is replaced while files remain.
    while (!(await oneWorker()) && !signal?.aborted && next < tasks.length);
  };
  await Promise.all([mainThread(), ...Array.from({ length: jobs - 1 }, workerSlot)]);
}

