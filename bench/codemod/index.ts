// bench/codemod: files/s and peak memory of `catchwise-codemods specific-catch --dry-run` (1 and 2
// jobs) against jscodeshift 17 running a comparable catch-rewriting transform on the same files in
// the same run, and against ESLint running our three rules. Each tool runs in its own process.
//   npx -y pnpm@12.4.2 bench codemod [-- --files 2000] [-- --dir <existing directory>]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateCorpus } from './corpus.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? undefined : args[index + 1];
};
const fileCount = Number(option('files') ?? 2000);
const givenDir = option('dir');
const repeats = Number(option('repeats') ?? 1);

const cli = join(root, 'packages/codemods/dist/cli.js');
const jscodeshift = join(here, '../node_modules/jscodeshift/bin/jscodeshift.js');
const rssPreload = pathToFileURL(join(here, 'rss.mjs')).href;

if (!existsSync(cli)) throw new Error(`build first: ${cli} is missing (npx tsc -b)`);

const target = givenDir ? resolve(givenDir) : generateCorpus(join(here, '../.bench-out/codemod-corpus'), fileCount);
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
const files = countSources(target);

interface Measure {
  tool: string;
  seconds: number;
  /** CPU seconds of the measured process (all its threads; not its child processes). */
  cpu: number;
  rssMiB: number;
  note: string;
}

function measure(tool: string, command: string[], note: (stdout: string) => string): Measure {
  let best: Measure | null = null;
  for (let r = 0; r < repeats; r++) {
    const scratch = mkdtempSync(join(tmpdir(), 'bench-rss-'));
    const rssFile = join(scratch, 'rss');
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--import', rssPreload, ...command], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
      env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.status !== 0 && result.status !== 1) throw new Error(`${tool} failed (${String(result.status)}): ${result.stderr.slice(0, 2000)}`);
    const usage = existsSync(rssFile) ? (JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRSS: number; cpu: number }) : null;
    rmSync(scratch, { recursive: true, force: true });
    const measured = { tool, seconds, cpu: usage ? usage.cpu / 1e6 : NaN, rssMiB: usage ? usage.maxRSS / 1024 : NaN, note: note(result.stdout + result.stderr) };
    if (!best || measured.seconds < best.seconds) best = measured;
  }
  return best!;
}

const codemodNote = (output: string): string => /(\d+) would change/.exec(output)?.[0] ?? '';
const results: Measure[] = [
  measure('catchwise-codemods --dry-run, 1 job', [cli, 'specific-catch', target, '--dry-run', '--jobs', '1'], codemodNote),
  measure('catchwise-codemods --dry-run, 2 jobs', [cli, 'specific-catch', target, '--dry-run', '--jobs', '2'], codemodNote),
  measure('jscodeshift 17.3.0 --dry, in band (1 process)', [jscodeshift, '--no-babel', '-t', join(here, 'jscodeshift-transform.cjs'), '--parser=ts', '--extensions=ts,tsx,js,jsx', '--dry', '--run-in-band', target], (out) => /(\d+) ok/.exec(out)?.[0] ?? ''),
  measure('jscodeshift 17.3.0 --dry, --cpus=2', [jscodeshift, '--no-babel', '-t', join(here, 'jscodeshift-transform.cjs'), '--parser=ts', '--extensions=ts,tsx,js,jsx', '--dry', '--cpus=2', target], (out) => /(\d+) ok/.exec(out)?.[0] ?? ''),
  measure('ESLint 10 + catchwise recommended (3 rules)', ['--import', 'tsx', join(here, 'eslint-child.ts'), target], (out) => {
    const parsed = /\{.*\}/.exec(out)?.[0];
    return parsed ? `${(JSON.parse(parsed) as { reports: number }).reports} reports` : '';
  }),
];

// --verify against the compiler on the same project: examples/service (or --verify-project <dir>).
const verifyProject = resolve(root, option('verify-project') ?? 'examples/service');
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const verifyResults: Measure[] = existsSync(join(verifyProject, 'tsconfig.json'))
  ? [
      measure('catchwise-codemods --dry-run --verify', [cli, 'specific-catch', verifyProject, '--dry-run', '--verify', '--allow-dirty'], codemodNote),
      measure('tsc --noEmit', [tsc, '--noEmit', '-p', verifyProject], () => ''),
    ]
  : [];

const peer = results[2]!;
console.log(`corpus: ${files} files in ${givenDir ? target : 'bench/.bench-out/codemod-corpus'}; ${cpus().length} CPUs; Node ${process.version}; best of ${repeats}; load average ${loadavg().map((value) => value.toFixed(1)).join(' ')} (wall times are only comparable on an idle machine; CPU s is the steadier figure)`);
console.log('');
console.log('| tool | wall s | files/s | × jscodeshift (1 process) | CPU s | peak RSS MiB | result |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
const fmt = (value: number, digits: number): string => (Number.isNaN(value) ? 'n/a' : value.toFixed(digits));
for (const r of results) {
  const rate = files / r.seconds;
  const ratio = peer.seconds / r.seconds;
  console.log(`| ${r.tool} | ${r.seconds.toFixed(2)} | ${rate.toFixed(0)} | ${ratio.toFixed(2)} | ${fmt(r.cpu, 2)} | ${fmt(r.rssMiB, 0)} | ${r.note} |`);
}
console.log('');
console.log('CPU s and peak RSS of jscodeshift --cpus=2 count only its parent process (its workers are child processes).');

if (verifyResults.length === 2) {
  const [verify, compiler] = verifyResults as [Measure, Measure];
  console.log('');
  console.log(`--verify on ${verifyProject.replace(root + '/', '')}: ${verify.seconds.toFixed(2)} s wall (${fmt(verify.cpu, 2)} CPU s), tsc --noEmit ${compiler.seconds.toFixed(2)} s wall (${fmt(compiler.cpu, 2)} CPU s): ${(verify.seconds / compiler.seconds).toFixed(2)}× tsc`);
}
