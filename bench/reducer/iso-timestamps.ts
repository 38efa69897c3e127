// The reducer on the two realistic streams with ISO-8601 string timestamps, in a process of its own
// (index.ts runs it as a child): events whose timestamp is a string have another hidden class, and
// in the process that measured the numeric streams the reducer's property loads and validation
// would serve both shapes, which slows both. Prints {"Zipf": events/s, "even": events/s}.
//   node --import tsx bench/reducer/iso-timestamps.ts <events>
import { NamespaceReducer } from '@catchwise/reducer';
import { realisticStreams, type BenchEvent } from './streams.js';

const nEvents = Number(process.argv[2] ?? 1_000_000);
const { zipf, even } = realisticStreams(nEvents);
const iso = (events: BenchEvent[]) => JSON.parse(JSON.stringify(events.map((e) => ({ ...e, timestamp: new Date(e.timestamp).toISOString() })))) as object[];
const streams = { Zipf: iso(zipf), even: iso(even) };

function cpuNow(): number {
  const t = process.cpuUsage();
  return (t.user + t.system) / 1000;
}

// Interleaved rounds, the first a warm-up, best time each (as in index.ts).
const best: Record<string, number> = {};
for (let round = 0; round < 5; round++) {
  for (const [name, events] of Object.entries(streams)) {
    const t0 = cpuNow();
    const reducer = new NamespaceReducer();
    for (let i = 0; i < events.length; i++) reducer.add(events[i] as never);
    const ms = cpuNow() - t0;
    if (round > 0) best[name] = Math.min(best[name] ?? Infinity, ms);
  }
}
console.log(JSON.stringify(Object.fromEntries(Object.entries(best).map(([name, ms]) => [name, (nEvents / ms) * 1000]))));
