// A/B of NamespaceReducer.add between another build of the package and this one, on the two
// streams of index.ts. Each tree runs in its own processes, alternated (A B A B ...), so that code
// and data placement in a shared process cannot favour either (two copies of identical code
// loaded into one process read up to 1.3x apart here). Rates are per CPU second, best of ROUNDS
// rounds (default 3) after a warm-up per process; the result is each tree's best over its
// processes and the range of the per-pair ratios. Both sides are built packages (dist, what
// `pnpm bench` imports); tsx's transform of src in a directory without package.json is CommonJS
// and read 1.38x / 0.82x against the same code as ESM.
//   mkdir -p /tmp/base && git -C /work/main archive <commit> tsconfig.base.json packages/reducer | tar -x -C /tmp/base
//   ln -s $PWD/node_modules /tmp/base/node_modules && (cd /tmp/base/packages/reducer && npx tsc -p tsconfig.json)
//   npx tsc -b && BASE=/tmp/base/packages/reducer/dist/index.js [PAIRS=3] [ROUNDS=3] node --import tsx bench/reducer/ab.ts
// Calibrate with BASE pointing at a copy of this tree (an A/A) first.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { realisticStreams, type BenchEvent } from './streams.js';

type Best = Record<'zipf' | 'even', number>;
/** Timed rounds per stream in each process, after one warm-up round (ROUNDS, default 3). */
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const thisTree = process.env.THIS ?? fileURLToPath(new URL('../../packages/reducer/dist/index.js', import.meta.url));

function cpuNow(): number {
  const t = process.cpuUsage();
  return (t.user + t.system) / 1000;
}

/** Child mode: best CPU ms per stream of the tree at `tree`. */
async function measure(tree: string): Promise<Best> {
  const { NamespaceReducer } = (await import(tree)) as typeof import('../../packages/reducer/src/index.js');
  const streams = realisticStreams(1_000_000);
  const best: Best = { zipf: Infinity, even: Infinity };
  for (const name of ['zipf', 'even'] as const) {
    const events = JSON.parse(JSON.stringify(streams[name])) as BenchEvent[];
    for (let round = 0; round <= ROUNDS; round++) {
      const t0 = cpuNow();
      const r = new NamespaceReducer();
      for (let j = 0; j < events.length; j++) r.add(events[j]!);
      if (round > 0) best[name] = Math.min(best[name], cpuNow() - t0);
    }
  }
  return best;
}

function runChild(tree: string): Best {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], { env: { ...process.env, AB_TREE: tree }, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`measuring ${tree} failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as Best;
}

if (process.env.AB_TREE !== undefined) {
  console.log(JSON.stringify(await measure(process.env.AB_TREE)));
} else {
  const base = process.env.BASE;
  if (base === undefined) throw new Error('set BASE to the src/index.ts of the tree to compare against');
  const pairs = Number(process.env.PAIRS ?? 3);
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${pairs} pairs of processes`);
  const results: [Best, Best][] = [];
  for (let i = 0; i < pairs; i++) results.push(i % 2 === 0 ? [runChild(base), runChild(thisTree)] : ([runChild(thisTree), runChild(base)].reverse() as [Best, Best]));
  for (const name of ['zipf', 'even'] as const) {
    const bestBase = Math.min(...results.map(([b]) => b[name]));
    const bestMine = Math.min(...results.map(([, m]) => m[name]));
    const perPair = results.map(([b, m]) => b[name] / m[name]).sort((a, b) => a - b);
    const rate = (ms: number) => `${(1_000_000 / ms / 1000).toFixed(2)} M/s`;
    console.log(`${name}: base ${rate(bestBase)}, this tree ${rate(bestMine)}; this tree's speed-up ${(bestBase / bestMine).toFixed(3)}x (pairs ${perPair.map((r) => r.toFixed(2)).join(', ')})`);
  }
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end`);
}
