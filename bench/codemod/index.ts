// bench/codemod: files/s and peak memory of `catchwise-codemods specific-catch --dry-run` (1 and 2
// jobs) against jscodeshift 17 running a comparable catch-rewriting transform on the same files in
// the same run, and against ESLint running our three rules. Each tool runs in its own process.
// Two generated corpora, side by side: `dense` (every file holds four reported handlers and three
// accepted ones) and `realistic` (bench/lint's corpus: one handler per ~250 lines, one in seven
// reported; most files hold none, which the codemod's text prefilter skips unparsed).
//   npx -y pnpm@12.4.2 bench codemod [-- --files 2000] [-- --corpus dense|realistic|both|none] [-- --dir <existing directory>]
//     [-- --repeats N] [-- --verify-rounds N] [-- --verify-project <dir with tsconfig.json>]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateCorpus } from './corpus.js';
import { generateCorpus as generateRealisticCorpus } from '../lint/corpus.js';
import { option } from '../args.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const fileCount = Number(option('files') ?? 2000);
const givenDir = option('dir');
const repeats = Number(option('repeats') ?? 1);
const corpusKind = option('corpus') ?? 'both';
// `none`: only the --verify figure.
if (!['dense', 'realistic', 'both', 'none'].includes(corpusKind)) throw new Error(`--corpus expects dense, realistic, both or none, got ${corpusKind}`);

const cli = join(root, 'packages/codemods/dist/cli.js');
const jscodeshift = join(here, '../node_modules/jscodeshift/bin/jscodeshift.js');
const rssPreload = pathToFileURL(join(here, 'rss.mjs')).href;

if (!existsSync(cli)) throw new Error(`build first: ${cli} is missing (npx tsc -b)`);

/** The directories measured, each with the name the report gives it. */
function targets(): { name: string; dir: string }[] {
  if (givenDir) return [{ name: resolve(givenDir), dir: resolve(givenDir) }];
  const chosen: { name: string; dir: string }[] = [];
  if (corpusKind === 'dense' || corpusKind === 'both') {
    chosen.push({ name: 'dense corpus (bench/.bench-out/codemod-corpus: 4 reported handlers in every file)', dir: generateCorpus(join(here, '../.bench-out/codemod-corpus'), fileCount) });
  }
  if (corpusKind === 'realistic' || corpusKind === 'both') {
    const dir = join(here, '../.bench-out/codemod-realistic-corpus');
    generateRealisticCorpus(dir, fileCount);
    chosen.push({ name: "realistic corpus (bench/.bench-out/codemod-realistic-corpus: bench/lint's, one handler per ~250 lines)", dir });
  }
  return chosen;
}
function countSources(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!['node_modules', 'dist', 'build', '.git'].includes(entry.name)) count += countSources(join(dir, entry.name));
    } else if (/\.[cm]?[jt]sx?$/.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) {
      count += 1;
    }
  }
  return count;
}

interface Measure {
  tool: string;
  /** Threads or processes doing the work. */
  parallelism: 1 | 2;
  seconds: number;
  /** CPU seconds of the measured process and every child process it waited for (jscodeshift's workers). */
  cpu: number;
  /** Peak resident set of the largest process (a worker process counts on its own). */
  rssMiB: number;
  note: string;
}

interface Tool {
  tool: string;
  parallelism: 1 | 2;
  command: string[];
  note: (output: string) => string;
  env?: Record<string, string>;
}

const timeBinary = ['/usr/bin/time', '/bin/time'].find((path) => existsSync(path));

function runOnce(tool: Tool): Measure {
  const scratch = mkdtempSync(join(tmpdir(), 'bench-rss-'));
  const rssFile = join(scratch, 'rss');
  const timeFile = join(scratch, 'time');
  const node = [process.execPath, '--import', rssPreload, ...tool.command];
  // GNU time reports the CPU time of the whole process tree it waited for, and the largest RSS in it.
  const [file, ...argv] = timeBinary ? [timeBinary, '-o', timeFile, '-f', '%U %S %M', ...node] : node;
  const started = process.hrtime.bigint();
  const result = spawnSync(file!, argv, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, ...tool.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${tool.tool} failed (${String(result.status)}): ${result.stderr.slice(0, 2000)}`);
  const own = existsSync(rssFile) ? (JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRSS: number; cpu: number }) : null;
  const tree = existsSync(timeFile) ? readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) : null;
  rmSync(scratch, { recursive: true, force: true });
  const cpu = tree ? tree[0]! + tree[1]! : own ? own.cpu / 1e6 : NaN;
  const rssMiB = tree ? tree[2]! / 1024 : own ? own.maxRSS / 1024 : NaN;
  return { tool: tool.tool, parallelism: tool.parallelism, seconds, cpu, rssMiB, note: tool.note(result.stdout + result.stderr) };
}

/** Every tool once per round, rounds interleaved (load on a shared machine drifts): per tool, its run in each round. */
function measureRounds(tools: Tool[], rounds: number): Measure[][] {
  const runs: Measure[][] = tools.map(() => []);
  for (let r = 0; r < rounds; r++) tools.forEach((tool, index) => runs[index]!.push(runOnce(tool)));
  return runs;
}

/** The fastest run of each tool over `repeats` interleaved rounds. */
function measureAll(tools: Tool[]): Measure[] {
  return measureRounds(tools, repeats).map((runs) => runs.reduce((best, run) => (run.seconds < best.seconds ? run : best)));
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const codemodNote = (output: string): string => /(\d+) would change/.exec(output)?.[0] ?? '';
const jscodeshiftArgs = [jscodeshift, '--no-babel', '-t', join(here, 'jscodeshift-transform.cjs'), '--parser=ts', '--extensions=ts,tsx,js,jsx', '--dry'];
const jscodeshiftNote = (out: string): string => [/(\d+) ok/.exec(out)?.[0], /(\d+) unmodified/.exec(out)?.[0]].filter(Boolean).join(', ');
const toolsFor = (target: string): Tool[] => [
  { tool: 'catchwise-codemods --dry-run, 1 job', parallelism: 1, command: [cli, 'specific-catch', target, '--dry-run', '--jobs', '1'], note: codemodNote },
  { tool: 'catchwise-codemods --dry-run, 2 jobs', parallelism: 2, command: [cli, 'specific-catch', target, '--dry-run', '--jobs', '2'], note: codemodNote },
  { tool: 'jscodeshift 17.3.0 --dry, in band (1 process)', parallelism: 1, command: [...jscodeshiftArgs, '--run-in-band', target], note: jscodeshiftNote },
  { tool: 'jscodeshift 17.3.0 --dry, --cpus=2', parallelism: 2, command: [...jscodeshiftArgs, '--cpus=2', target], note: jscodeshiftNote },
  {
    // Not a peer: what the same text prefilter, written into the transform, would give jscodeshift.
    tool: 'reference: jscodeshift in band, our text prefilter in its transform',
    parallelism: 1,
    command: [...jscodeshiftArgs, '--run-in-band', target],
    note: jscodeshiftNote,
    env: { CATCHWISE_BENCH_PREFILTER: '1' },
  },
  {
    tool: 'ESLint 10 + catchwise recommended (3 rules)',
    parallelism: 1,
    command: ['--import', 'tsx', join(here, 'eslint-child.ts'), target],
    note: (out) => {
      const parsed = /\{.*\}/.exec(out)?.[0];
      return parsed ? `${(JSON.parse(parsed) as { reports: number }).reports} reports` : '';
    },
  },
];
const measured = targets().map((target) => ({ ...target, files: countSources(target.dir), results: measureAll(toolsFor(target.dir)) }));

// --verify against the compiler on the same project: examples/service (or --verify-project <dir>).
const verifyProject = resolve(root, option('verify-project') ?? 'examples/service');
const tsc = join(root, 'node_modules/typescript/bin/tsc');
// On a small project a run is mostly start-up, which swings by a third from one run to the next on a
// shared machine: more rounds than the corpora get (--verify-rounds, default 7), interleaved.
const verifyRounds = Number(option('verify-rounds') ?? Math.max(7, repeats));
const verifyRuns: Measure[][] = existsSync(join(verifyProject, 'tsconfig.json'))
  ? measureRounds(
      [
        { tool: 'catchwise-codemods --dry-run --verify', parallelism: 1, command: [cli, 'specific-catch', verifyProject, '--dry-run', '--verify', '--allow-dirty'], note: codemodNote },
        { tool: 'tsc --noEmit', parallelism: 1, command: [tsc, '--noEmit', '-p', verifyProject], note: () => '' },
      ],
      verifyRounds,
    )
  : [];

const peerFor = (results: Measure[], r: Measure): Measure =>
  results.find((other) => other.tool.startsWith('jscodeshift') && other.parallelism === r.parallelism)!;
const fmt = (value: number, digits: number): string => (Number.isNaN(value) ? 'n/a' : value.toFixed(digits));
console.log(`${cpus().length} CPUs; Node ${process.version}; best of ${repeats} interleaved rounds; load average ${loadavg().map((value) => value.toFixed(1)).join(' ')} (wall times are only comparable on an idle machine; CPU s is the steadier figure)`);
for (const { name, files, results } of measured) {
  console.log('');
  console.log(`${name}: ${files} files`);
  console.log('');
  console.log('| tool | wall s | files/s | × jscodeshift, same parallelism (wall) | CPU s (process tree) | × jscodeshift (CPU) | peak RSS MiB | result |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of results) {
    const peer = peerFor(results, r);
    console.log(
      `| ${r.tool} | ${r.seconds.toFixed(2)} | ${(files / r.seconds).toFixed(0)} | ${(peer.seconds / r.seconds).toFixed(2)} | ${fmt(r.cpu, 2)} | ${fmt(peer.cpu / r.cpu, 2)} | ${fmt(r.rssMiB, 0)} | ${r.note} |`,
    );
  }
}
if (measured.length > 0) {
  console.log('');
  console.log('CPU s counts every process of a run (jscodeshift --cpus=2 forks worker processes); peak RSS is the largest single process.');
}

if (verifyRuns.length === 2) {
  const [verify, compiler] = verifyRuns as [Measure[], Measure[]];
  const best = (runs: Measure[], of: (run: Measure) => number): number => Math.min(...runs.map(of));
  // Each round's ratio (the two runs side by side, under the same load), then their median.
  const ratios = (of: (run: Measure) => number): number => median(verify.map((run, round) => of(run) / of(compiler[round]!)));
  const wall = (run: Measure): number => run.seconds;
  const cpu = (run: Measure): number => run.cpu;
  console.log('');
  console.log(
    `--verify on ${verifyProject.replace(root + '/', '')}, ${verifyRounds} interleaved rounds: best ${best(verify, wall).toFixed(2)} s wall (${fmt(best(verify, cpu), 2)} CPU s), tsc --noEmit best ${best(compiler, wall).toFixed(2)} s wall (${fmt(best(compiler, cpu), 2)} CPU s): ` +
      `${(best(verify, wall) / best(compiler, wall)).toFixed(2)}× tsc by wall, ${fmt(best(verify, cpu) / best(compiler, cpu), 2)}× by CPU, best against best; ` +
      `median of the rounds' ratios ${ratios(wall).toFixed(2)}× by wall, ${fmt(ratios(cpu), 2)}× by CPU (target ≤ 1.5×)`,
  );
}
