// The programmatic API as tools use it: run() on a directory, and its usage errors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run, transformSource, transforms, UsageError } from '../src/index.js';
import { CLEAN, SILENT, tempRepo } from './helpers.js';
import type { Repo } from './helpers.js';

const repos: Repo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.cleanup();
});

describe('run()', () => {
  it('dry-run: a summary with diffs and progress, nothing written', async () => {
    const repo = tempRepo({ 'src/a.ts': SILENT('closeA'), 'src/b.ts': CLEAN });
    repos.push(repo);
    const progress: number[] = [];
    const summary = await run({ paths: ['src'], cwd: repo.dir, dryRun: true, onProgress: ({ done }) => progress.push(done) });
    expect(summary.mode).toBe('dry-run');
    expect(summary.counts).toEqual({ changed: 1, unchanged: 1, skipped: 0, error: 0 });
    expect(summary.exitCode).toBe(1);
    expect(summary.written).toBe(0);
    expect(summary.files.map((file) => file.file)).toEqual(['src/a.ts', 'src/b.ts']);
    expect(summary.files[0]?.diff).toContain("+    logger.error({ err: error }, 'closeA: unexpected error from pool.end()');");
    expect(progress).toEqual([1, 2]);
    expect(readFileSync(join(repo.dir, 'src/a.ts'), 'utf8')).toBe(SILENT('closeA'));
  });

  it('rejects with UsageError: missing path, dirty tree, bad jobs, unknown transform', async () => {
    const repo = tempRepo({ 'src/a.ts': SILENT('closeA') });
    repos.push(repo);
    await expect(run({ paths: ['nope'], cwd: repo.dir })).rejects.toBeInstanceOf(UsageError);
    await expect(run({ paths: ['src'], cwd: repo.dir, jobs: 0 })).rejects.toThrow(/--jobs/);
    await expect(run({ paths: ['src'], cwd: repo.dir, transform: 'nope' })).rejects.toThrow(/unknown transform/);
    repo.write('src/a.ts', SILENT('closeA') + '// edit\n');
    await expect(run({ paths: ['src'], cwd: repo.dir })).rejects.toThrow(/uncommitted changes/);
    expect(Object.keys(transforms)).toEqual(['specific-catch']);
  });
});

describe('run(): a home-made logger declared with fixed parameters', () => {
  // dockge's and uptime-kuma's logger: `log.warn(module, msg)`, a third argument is dropped at run time.
  const LOG_MODULE = [
    'class Logger {',
    '  warn(module: string, msg: unknown) { console.warn(`[${module}]`, msg); }',
    '  error(module: string, msg: unknown) { console.error(`[${module}]`, msg); }',
    '}',
    'export const log = new Logger();',
    '',
  ].join('\n');
  const SERVICE = [
    'import { log } from "./log";',
    '',
    'export async function load(db: { query(sql: string): Promise<unknown[]> }) {',
    '    log.warn("db", "loading");',
    '    try {',
    '        return await db.query("select 1");',
    '    } catch (e) {',
    '        if (e instanceof Error) {',
    '            log.warn("db", e.message);',
    '        }',
    '        return [];',
    '    }',
    '}',
    '',
    'export async function stop(server: { close(): Promise<void> }) {',
    '    log.warn("server", "stopping");',
    '    try {',
    '        await server.close();',
    '    } catch {}',
    '}',
    '',
  ].join('\n');

  async function diffWith(logModule: string): Promise<{ diff: string; diagnostics: unknown[] }> {
    const repo = tempRepo({ 'src/log.ts': logModule, 'src/service.ts': SERVICE });
    repos.push(repo);
    const file = (await run({ paths: ['src/service.ts'], cwd: repo.dir, dryRun: true })).files[0]!;
    return { diff: file.diff ?? '', diagnostics: file.diagnostics.filter((diagnostic) => diagnostic.code === 'log-left') };
  }

  it('adds no argument past the declared ones: the fallback logs through console, the text-only log is left and reported', async () => {
    const { diff, diagnostics } = await diffWith(LOG_MODULE);
    expect(diff).toContain('\n             log.warn("db", e.message);\n+        } else {\n+            console.error("load: unexpected error from db.query()", e);\n');
    expect(diff).toContain('+        console.error("stop: unexpected error from server.close()", error);');
    expect(diagnostics).toEqual([
      { severity: 'warning', code: 'log-left', line: 9, column: 13, message: 'log-error-object: left as it is: its module declares log.warn() with 2 parameters, none left for the error object' },
    ]);
  });

  it('a first parameter named like a category makes two parameters too few, however the file calls it', async () => {
    const repo = tempRepo({
      'src/log.ts': LOG_MODULE,
      'src/job.ts': 'import { log } from "./log";\n\nexport async function run(job: { start(): Promise<void> }) {\n    try {\n        await job.start();\n    } catch {}\n}\n',
    });
    repos.push(repo);
    const file = (await run({ paths: ['src/job.ts'], cwd: repo.dir, dryRun: true })).files[0]!;
    expect(file.diff).toContain('+        console.error("run: unexpected error from job.start()", error);');
  });

  it('rest parameters take any number: the error object goes to the file\'s logger', async () => {
    const { diff, diagnostics } = await diffWith(LOG_MODULE.replace(/msg: unknown\)/g, '...msg: unknown[])'));
    expect(diff).toContain('+            log.warn("db", e.message, e);\n+        } else {\n+            log.error("db", "load: unexpected error from db.query()", e);\n');
    expect(diff).toContain('+        log.error("server", "stop: unexpected error from server.close()", error);');
    expect(diagnostics).toEqual([]);
  });
});

describe('run(): a logger module the project imports through its tsconfig paths', () => {
  // outline's `import Logger from "@server/logging/Logger"`: a class over winston whose `warn(message,
  // extra?)` has no third parameter and whose `error(message, error: Error)` takes no `unknown`.
  const LOGGER = [
    'import winston from "winston";',
    '',
    'class Logger {',
    '  private output = winston.createLogger();',
    '  warn(message: string, extra?: Record<string, unknown>) { this.output.warn(message, extra); }',
    '  error(message: string, error: Error, extra?: Record<string, unknown>) { this.output.error(message, { error, ...extra }); }',
    '}',
    '',
    'export default new Logger();',
    '',
  ].join('\n');
  const TSCONFIG = '{\n  // aliases\n  "compilerOptions": {\n    "strict": true,\n    "paths": { "@server/*": ["./server/*"], },\n  },\n}\n';
  const ROUTE = [
    'import Logger from "@server/logging/Logger";',
    '',
    'export async function logout(store: { save(): Promise<void> }) {',
    '  try {',
    '    await store.save();',
    '  } catch (err) {',
    '    Logger.warn("Failed to persist logout token", { error: String(err) });',
    '  }',
    '}',
    '',
    'export async function confirm(tokens: { read(): Promise<string> }) {',
    '  try {',
    '    return await tokens.read();',
    '  } catch {',
    '    return null;',
    '  }',
    '}',
    '',
  ].join('\n');

  it('reads the module: no third argument to warn(), no unknown error to error(message, error: Error)', async () => {
    const repo = tempRepo({ 'tsconfig.json': TSCONFIG, 'server/logging/Logger.ts': LOGGER, 'server/routes/auth.ts': ROUTE });
    repos.push(repo);
    const file = (await run({ paths: ['server/routes/auth.ts'], cwd: repo.dir, dryRun: true })).files[0]!;
    expect(file.diff).not.toContain('}, err)');
    expect(file.diff).toContain('+    console.error("logout: unexpected error from store.save()", err);');
    expect(file.diff).toContain('+    console.error("confirm: unexpected error from tokens.read()", error);');
    expect(file.diagnostics.filter((diagnostic) => diagnostic.code === 'log-left').map((diagnostic) => diagnostic.message)).toEqual([
      'log-error-object: left as it is: its module declares Logger.warn() with 2 parameters, none left for the error object',
    ]);
  });

  it('an error parameter that takes unknown: the module\'s logger is the fallback', async () => {
    const repo = tempRepo({
      'tsconfig.json': TSCONFIG,
      'server/logging/Logger.ts': LOGGER.replace('error: Error,', 'error: unknown,'),
      'server/routes/auth.ts': ROUTE.replace('import Logger', 'import logger').replace('Logger.warn', 'logger.warn'),
    });
    repos.push(repo);
    const file = (await run({ paths: ['server/routes/auth.ts'], cwd: repo.dir, dryRun: true })).files[0]!;
    expect(file.diff).toContain('+    logger.error("confirm: unexpected error from tokens.read()", error);');
  });
});

describe('transformSource()', () => {
  it('needs no options: the text is read as TypeScript (input.ts)', () => {
    const text = 'export async function close(pool: { end(): Promise<void> }) {\n  try {\n    await pool.end();\n  } catch {}\n}\n';
    const bare = transformSource(text);
    expect(bare.output).toContain("console.error('close: unexpected error from pool.end()', error);");
    expect(transformSource(text, {}).output).toBe(bare.output);
    expect(transformSource(text, { fileName: 'input.ts' }).output).toBe(bare.output);
  });
});
