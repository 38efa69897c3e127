// Output identity of two builds of the package: prints one digest per case (stream x options x
// timestamp form x how the state was built) of `toBytes()` and of `JSON.stringify(snapshot())`,
// so that a change meant to be invisible can be checked against the build before it:
//   TREE=/tmp/base/packages/reducer/dist/index.js node --import tsx bench/reducer/identity.ts > /tmp/before.txt
//   npx tsc -b && node --import tsx bench/reducer/identity.ts > /tmp/after.txt && diff /tmp/before.txt /tmp/after.txt
// (TREE defaults to this tree's dist.) Streams: the two of index.ts, and a third with runs of one
// namespace, 150 content types, numeric and long workflow ids and non-ASCII values.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { realisticStreams } from './streams.js';

type Reducer = import('../../packages/reducer/src/index.js').NamespaceReducer<Record<string, unknown>>;
const tree = process.env.TREE ?? fileURLToPath(new URL('../../packages/reducer/dist/index.js', import.meta.url));
const { NamespaceReducer } = (await import(tree)) as typeof import('../../packages/reducer/src/index.js');
const N = Number(process.env.EVENTS ?? 300_000);

function mixedStream(n: number): Record<string, unknown>[] {
  let state = 987654321;
  const rand = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const events: Record<string, unknown>[] = [];
  let ns = 0;
  for (let i = 0; i < n; i++) {
    if (rand() < 0.05) ns = Math.floor(3000 * rand() ** 2);
    const r = rand();
    const workflow = r < 0.3 ? Math.floor(rand() * 5000) : r < 0.35 ? `long-${'x'.repeat(Math.floor(rand() * 400))}-${Math.floor(rand() * 50)}` : r < 0.4 ? `wf-é-${Math.floor(rand() * 900)}` : `w${ns}-${Math.floor(rand() * (ns < 5 ? 100_000 : 700))}`;
    events.push({
      namespace: `ns/${ns}`,
      content_type: rand() < 0.02 ? `text/x-${'y'.repeat(70)}-${Math.floor(rand() * 30)}` : `type-${Math.floor(150 * rand() ** 3)}`,
      workflow_id: workflow,
      size_bytes: Math.floor(rand() * 10_000),
      timestamp: 1_760_000_000_000 + Math.floor(rand() * 1e9),
    });
  }
  return events;
}

function digest(reducer: Reducer): string {
  const bytes = createHash('sha256').update(reducer.toBytes()).digest('hex').slice(0, 16);
  const snapshot = createHash('sha256').update(JSON.stringify(reducer.snapshot())).digest('hex').slice(0, 16);
  return `${bytes} ${snapshot}`;
}

const OPTION_SETS: Record<string, object> = {
  defaults: {},
  maxNamespaces300: { maxNamespaces: 300 },
  maxSamples7: { maxSamples: 7 },
  exact16p10: { exactLimit: 16, precision: 10 },
  reservoir: { eventSample: { mode: 'reservoir', size: 5, seed: 3 } },
  recent: { eventSample: { mode: 'recent', size: 4 } },
  maxValueLength4: { maxValueLength: 4 },
  p4: { precision: 4 },
  seed7exact0: { seed: 7, exactLimit: 0 },
};

const base = realisticStreams(N);
const streams: Record<string, Record<string, unknown>[]> = {
  zipf: JSON.parse(JSON.stringify(base.zipf)) as Record<string, unknown>[],
  even: JSON.parse(JSON.stringify(base.even)) as Record<string, unknown>[],
  mixed: JSON.parse(JSON.stringify(mixedStream(N))) as Record<string, unknown>[],
};

for (const [streamName, events] of Object.entries(streams)) {
  const iso = events.map((e) => ({ ...e, timestamp: new Date(e.timestamp as number).toISOString() }));
  for (const [optionsName, options] of Object.entries(OPTION_SETS)) {
    for (const [timeName, stream] of [['epoch', events], ['iso', iso]] as const) {
      const whole = new NamespaceReducer<Record<string, unknown>>(options);
      for (const event of stream) whole.add(event);
      const half = stream.length >> 1;
      const a = new NamespaceReducer<Record<string, unknown>>(options);
      const b = new NamespaceReducer<Record<string, unknown>>(options);
      for (let i = 0; i < half; i++) a.add(stream[i]!);
      for (let i = half; i < stream.length; i++) b.add(stream[i]!);
      a.merge(b);
      const restored = NamespaceReducer.fromBytes<Record<string, unknown>>(b.toBytes());
      const resumed = NamespaceReducer.fromBytes<Record<string, unknown>>(new NamespaceReducer<Record<string, unknown>>(options).toBytes());
      for (let i = 0; i < half; i++) resumed.add(stream[i]!);
      const midway = NamespaceReducer.fromBytes<Record<string, unknown>>(resumed.toBytes());
      for (let i = half; i < stream.length; i++) midway.add(stream[i]!);
      console.log(`${streamName} ${optionsName} ${timeName}: whole ${digest(whole)} merged ${digest(a)} restored ${digest(restored)} resumed ${digest(midway)}`);
    }
  }
}
