#!/usr/bin/env node
// catchwise-codemods <transform> <paths…>: one command per registered transform.
// Exit codes: 0 clean; 1 changes pending under --check/--dry-run, or a file failed; 2 usage error.
// First: TypeScript's compiler, loaded by the imports below, comes from the V8 code cache.
import './compile-cache.js';
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { createColors } from 'picocolors';
import cliProgress from 'cli-progress';
import { transforms } from './transforms/index.js';
import { run, UsageError } from './runner.js';
import type { RunSummary } from './runner.js';
import { htmlReport, jsonReport, summaryLine } from './report.js';
import { removePendingTemporaries } from './write.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

interface CliOptions {
  dryRun?: boolean;
  check?: boolean;
  json?: boolean;
  report?: string;
  verify?: boolean;
  jobs?: number;
  shard?: string;
  logger?: string;
  config?: string;
  allowDirty?: boolean;
  quiet?: boolean;
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('expected a positive integer');
  return parsed;
}

function shardSpec(value: string): string {
  if (!/^\d+\/\d+$/.test(value)) throw new InvalidArgumentError('expected i/n, e.g. 1/4');
  return value;
}

const out = createColors(!!process.stdout.isTTY && !process.env.NO_COLOR);
const err = createColors(!!process.stderr.isTTY && !process.env.NO_COLOR);

function colourDiff(diff: string): string {
  return diff
    .split('\n')
    .filter((line) => !line.startsWith('====='))
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return out.bold(line);
      if (line.startsWith('@@')) return out.cyan(line);
      if (line.startsWith('+')) return out.green(line);
      if (line.startsWith('-')) return out.red(line);
      return line;
    })
    .join('\n');
}

async function execute(transform: string, paths: string[], options: CliOptions): Promise<number> {
  const controller = new AbortController();
  let signals = 0;
  const onSignal = (): void => {
    signals += 1;
    controller.abort();
    if (signals > 1) {
      removePendingTemporaries();
      process.exit(1);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const showProgress = !!process.stderr.isTTY && !options.quiet && !options.json;
  const bar = showProgress
    ? new cliProgress.SingleBar({ stream: process.stderr, clearOnComplete: true, hideCursor: true, format: `${transform} {bar} {value}/{total} {file}` }, cliProgress.Presets.shades_classic)
    : null;
  let barStarted = false;

  let summary: RunSummary;
  try {
    summary = await run({
      transform,
      paths,
      dryRun: options.dryRun,
      check: options.check,
      verify: options.verify,
      jobs: options.jobs,
      shard: options.shard,
      logger: options.logger,
      config: options.config,
      allowDirty: options.allowDirty,
      diff: options.dryRun || !!options.report,
      signal: controller.signal,
      onProgress: bar
        ? ({ done, total, file }) => {
            if (!barStarted) {
              bar.start(total, 0, { file: '' });
              barStarted = true;
            }
            bar.update(done, { file });
          }
        : undefined,
    });
  } catch (error) {
    if (barStarted) bar?.stop();
    if (error instanceof UsageError) {
      process.stderr.write(`${err.red('error')} ${error.message}\n`);
      for (const detail of error.details.slice(0, 20)) process.stderr.write(`  ${detail}\n`);
      if (error.details.length > 20) process.stderr.write(`  … and ${error.details.length - 20} more\n`);
      return 2;
    }
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  if (barStarted) bar?.stop();

  if (options.dryRun && !options.json) {
    for (const file of summary.files) if (file.diff) process.stdout.write(`${colourDiff(file.diff)}\n`);
  }
  if (options.report) {
    try {
      writeFileSync(resolve(options.report), htmlReport(summary));
    } catch (error) {
      console.error(`${err.red('error')} cannot write the report ${options.report}:`, error);
      return 2;
    }
  }
  if (options.json) process.stdout.write(`${jsonReport(summary)}\n`);

  // Failures and FIXMEs always go to stderr; --quiet only drops the summary.
  for (const file of summary.files) {
    if (file.status === 'error') process.stderr.write(`${err.red('failed')}  ${file.file}: ${file.reason ?? 'unknown error'}\n`);
    for (const diagnostic of file.diagnostics) {
      if (diagnostic.code === 'fixme' || diagnostic.code === 'still-reported' || diagnostic.code === 'overlap' || diagnostic.code === 'log-left') {
        process.stderr.write(`${err.yellow('warning')} ${file.file}${diagnostic.line ? `:${diagnostic.line}` : ''}: ${diagnostic.message}\n`);
      }
    }
  }
  if (!options.quiet) {
    const line = summaryLine(summary);
    const coloured = summary.counts.error > 0 ? err.red(line) : summary.counts.changed > 0 ? err.yellow(line) : err.green(line);
    // The summary goes to stdout, except where stdout carries a patch or JSON.
    if (options.dryRun || options.json) process.stderr.write(`${coloured}\n`);
    else process.stdout.write(`${out.isColorSupported ? coloured : line}\n`);
    if (options.check && summary.counts.changed > 0) process.stderr.write(`${summary.counts.changed} file(s) need ${transform}: run it without --check\n`);
  }
  return summary.exitCode;
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('catchwise-codemods')
    .description('Rewrite silent and broad catch handlers so that unexpected errors are logged with their stack')
    .version(version)
    .showHelpAfterError()
    .exitOverride();
  for (const transform of Object.values(transforms)) {
    program
      .command(transform.id)
      .description(transform.description)
      .argument('<paths...>', 'files, directories or globs (quoted) to rewrite')
      .option('--dry-run', 'write nothing; print a unified diff of what would change')
      .option('--check', 'write nothing; exit 1 if any file would change (CI, pre-commit)')
      .option('--json', 'print a machine-readable report on stdout')
      .option('--report <file.html>', 'write a self-contained HTML review page with per-file diffs')
      .option('--verify', "type-check touched files before and after with the project's tsconfig; keep a file untouched if its rewrite adds a diagnostic")
      .addOption(new Option('--jobs <n>', 'worker threads').argParser(positiveInteger).default(1))
      .addOption(new Option('--shard <i/n>', 'process only shard i of n (stable split by path)').argParser(shardSpec))
      .option('--logger <spec>', 'logger for files without one: name[@module][#default][:object-first|:message-first]')
      .option('--config <file>', 'one config file for every file (default: the nearest catchwise.config.json or .ts above each file)')
      .option('--allow-dirty', 'run even if the git tree has uncommitted changes under the target paths')
      .option('--quiet', 'no progress bar and no summary (errors still go to stderr; exit codes unchanged)')
      .action(async (paths: string[], options: CliOptions) => {
        process.exitCode = await execute(transform.id, paths, options);
      });
  }
  return program;
}

export async function main(argv: string[] = process.argv): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed the usage problem: its exit code is ours.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      if (error.code === 'commander.help') return error.exitCode === 0 ? 0 : 2; // no command: help on stderr
      return 2;
    }
    removePendingTemporaries();
    console.error(err.red('internal error'), error);
    return 1;
  }
  if (argv.length <= 2) {
    program.outputHelp({ error: true });
    return 2;
  }
  return typeof process.exitCode === 'number' ? process.exitCode : 0;
}

process.on('exit', removePendingTemporaries);
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('internal error', error);
    process.exitCode = 1;
  },
);
