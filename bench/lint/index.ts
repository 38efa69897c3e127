// bench/lint: what catchwise's three rules cost inside a real lint run.
//
//   npx -y pnpm@12.4.2 bench lint                 # generated corpus (2,400 files under bench/.bench-out/lint-corpus,
//                                                 # one handler per ~250 lines, one in seven reported)
//   npx -y pnpm@12.4.2 bench lint -- <dir> [--runs N]   # any directory of .ts/.tsx/.js files
//
// One ESLint run (typescript-eslint's recommended config + catchwise's three rules + core `no-empty`
// + sonarjs `no-ignored-exceptions`, all at "warn") with `stats: true`, which records per-file,
// per-rule times. Reported: each rule's total time, ours against the two peers measured in the same
// run, and ours as a share of the whole lint time (parse + every rule). Median of N runs (default 2)
// after a warm-up run, and the best of the N runs (noise on a shared machine only adds time, so the
// best run is the steadier figure; the two differ by half at N = 3).
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import sonarjs from 'eslint-plugin-sonarjs';
import catchwise from '@catchwise/eslint-plugin';
import { generateCorpus } from './corpus.js';
import { listFiles } from './files.js';
import { option } from '../args.js';

const here = dirname(fileURLToPath(import.meta.url));
const OURS = ['catchwise/no-silent-catch', 'catchwise/no-broad-catch', 'catchwise/log-error-object'];
const PEERS = ['no-empty', 'sonarjs/no-ignored-exceptions'];

// ───────────────────────────── lint ─────────────────────────────

interface RunFigures {
  rules: Map<string, number>;
  parse: number;
  total: number;
  wall: number;
  messages: Map<string, number>;
}

async function lintOnce(cwd: string, files: string[]): Promise<RunFigures> {
  const config: Linter.Config[] = [
    { files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'] },
    ...(tseslint.configs.recommended as Linter.Config[]),
    { plugins: { catchwise: catchwise as never, sonarjs: sonarjs as never } },
    {
      rules: {
        ...Object.fromEntries(OURS.map((rule) => [rule, 'warn'])),
        'no-empty': 'warn',
        'sonarjs/no-ignored-exceptions': 'warn',
      },
    },
  ];
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, stats: true, cache: false, errorOnUnmatchedPattern: false });
  const started = performance.now();
  const results = await eslint.lintFiles(files);
  const wall = performance.now() - started;
  const rules = new Map<string, number>();
  const messages = new Map<string, number>();
  let parse = 0;
  let total = 0;
  for (const result of results) {
    for (const message of result.messages) messages.set(message.ruleId ?? '(fatal)', (messages.get(message.ruleId ?? '(fatal)') ?? 0) + 1);
    for (const pass of result.stats?.times.passes ?? []) {
      parse += pass.parse?.total ?? 0;
      total += pass.total ?? 0;
      for (const [rule, time] of Object.entries(pass.rules ?? {})) rules.set(rule, (rules.get(rule) ?? 0) + time.total);
    }
  }
  return { rules, parse, total, wall, messages };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const args = process.argv.slice(2);
const runsIndex = args.indexOf('--runs');
const runs = Number(option('runs', args) ?? 2);
const target = args.find((arg, index) => !arg.startsWith('--') && (runsIndex < 0 || index !== runsIndex + 1));

let dir: string;
if (target) {
  dir = resolve(target);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.error(`bench lint: not a directory: ${target}`);
    process.exit(2);
  }
} else {
  dir = join(here, '..', '.bench-out', 'lint-corpus');
  generateCorpus(dir, 2400);
}
const files = listFiles(dir);
console.log(`corpus: ${files.length} files in ${dir}${target ? '' : ' (generated)'}; ${runs} measured runs after a warm-up`);

await lintOnce(dir, files); // warm-up: JIT, module loading, parser caches
const measured: RunFigures[] = [];
for (let i = 0; i < runs; i++) {
  (globalThis as { gc?: () => void }).gc?.();
  measured.push(await lintOnce(dir, files));
}

const ruleMedian = (rule: string) => median(measured.map((run) => run.rules.get(rule) ?? 0));
const oursPerRun = measured.map((run) => OURS.reduce((sum, rule) => sum + (run.rules.get(rule) ?? 0), 0));
const peersPerRun = measured.map((run) => PEERS.reduce((sum, rule) => sum + (run.rules.get(rule) ?? 0), 0));
const ours = median(oursPerRun);
const peers = median(peersPerRun);
const oursBest = Math.min(...oursPerRun);
const peersBest = Math.min(...peersPerRun);
const total = median(measured.map((run) => run.total));
const wall = median(measured.map((run) => run.wall));
const last = measured[measured.length - 1]!;

const rows: [string, string, string][] = [];
for (const rule of [...OURS, ...PEERS]) rows.push([rule, `${ruleMedian(rule).toFixed(1)} ms`, String(last.messages.get(rule) ?? 0)]);
const width = Math.max(...rows.map((row) => row[0].length));
console.log(`\n${'rule'.padEnd(width)}  ${'time'.padStart(10)}  reports`);
for (const [rule, time, count] of rows) console.log(`${rule.padEnd(width)}  ${time.padStart(10)}  ${count}`);
console.log(`\ncatchwise (3 rules): ${ours.toFixed(1)} ms; no-empty + sonarjs/no-ignored-exceptions: ${peers.toFixed(1)} ms; ratio ${(ours / peers).toFixed(2)}x (target <= 1.5x)`);
console.log(`best of the ${measured.length} runs: catchwise ${oursBest.toFixed(1)} ms; peers ${peersBest.toFixed(1)} ms; ratio ${(oursBest / peersBest).toFixed(2)}x`);
console.log(`whole lint (parse + all rules, typescript-eslint recommended): ${total.toFixed(0)} ms (wall ${wall.toFixed(0)} ms); catchwise share ${((ours / total) * 100).toFixed(2)} % (target < 5 %)`);
