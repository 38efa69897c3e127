// A/B of NamespaceReducer.add between another source tree of the package and this one, on the two
// streams of index.ts, in one process: rounds interleave the two (the order alternating per round),
// rates are per CPU second, and the ratio of each round is kept so that a burst of load on the
// shared machine shows as scatter instead of a wrong best time.
//   git -C /work/main archive <commit> packages/reducer/src | tar -x -C /tmp/base
//   BASE=/tmp/base/packages/reducer/src/index.ts [ROUNDS=13] [STREAM=zipf|even] node --import tsx bench/reducer/ab.ts
// Calibrate with BASE pointing at a copy of this tree (an A/A): at load averages of 6 to 11 the
// ratios of identical code scatter by about ±8 %.
import { loadavg } from 'node:os';
import { realisticStreams, type BenchEvent } from './streams.js';

const basePath = process.env.BASE;
if (basePath === undefined) throw new Error('set BASE to the src/index.ts of the tree to compare against');
const { NamespaceReducer: Base } = (await import(basePath)) as typeof import('../../packages/reducer/src/index.js');
const { NamespaceReducer: Mine } = await import('../../packages/reducer/src/index.js');

function cpuNow(): number {
  const t = process.cpuUsage();
  return (t.user + t.system) / 1000;
}

const rounds = Number(process.env.ROUNDS ?? 13);
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${rounds} rounds, the first a warm-up`);
const streams = realisticStreams(1_000_000);
for (const [name, raw] of Object.entries(streams)) {
  if (process.env.STREAM !== undefined && process.env.STREAM !== name) continue;
  const events = JSON.parse(JSON.stringify(raw)) as BenchEvent[];
  // One loop function per tree, so that each call site stays monomorphic (as in index.ts).
  const runBase = (): void => {
    const r = new Base();
    for (let j = 0; j < events.length; j++) r.add(events[j]!);
  };
  const runMine = (): void => {
    const r = new Mine();
    for (let j = 0; j < events.length; j++) r.add(events[j]!);
  };
  const runs = [runBase, runMine];
  const best = [Infinity, Infinity];
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const ms = [0, 0];
    for (const i of round % 2 === 0 ? [0, 1] : [1, 0]) {
      const t0 = cpuNow();
      runs[i]!();
      ms[i] = cpuNow() - t0;
      if (round > 0) best[i] = Math.min(best[i]!, ms[i]!);
    }
    if (round > 0) ratios.push(ms[0]! / ms[1]!);
  }
  ratios.sort((a, b) => a - b);
  const rate = (ms: number) => `${(events.length / ms / 1000).toFixed(2)} M/s`;
  console.log(`${name}: base ${rate(best[0]!)}, this tree ${rate(best[1]!)}; this tree's speed-up: best ${(best[0]! / best[1]!).toFixed(3)}x, median round ${ratios[ratios.length >> 1]!.toFixed(3)}x`);
}
