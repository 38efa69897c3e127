// Where NamespaceReducer.add spends its time: the same per-event work rebuilt in stages from the
// package's parts, each stage adding one step, on the two streams of index.ts.
//   tsc -b && node --import tsx bench/reducer/breakdown.ts
// Rates are events per CPU second, best of 5 interleaved rounds; each stage's cost is the
// difference between its time per event and the previous stage's.
import { cpus, loadavg } from 'node:os';
import { BottomKSample, HyperLogLog, NamespaceReducer, hash64 } from '@catchwise/reducer';
import { EventValidator } from '../../packages/reducer/src/validate.js';
import { INSERT_NEW, INSERT_REPEAT } from '../../packages/reducer/src/hyperloglog.js';
import { realisticStreams, type BenchEvent } from './streams.js';

interface FieldParts {
  last: string | null;
  counter: HyperLogLog;
  sample: BottomKSample;
  cutoff: number;
}

interface Totals {
  files: number;
  size: number;
  first: number;
  last: number;
  /** Content-type dictionary ids already counted here: 0..29, 30..59 (as NamespaceReducer keeps them). */
  typesSeenLow: number;
  typesSeenHigh: number;
  contentType: FieldParts;
  workflow: FieldParts;
}

const STAGES = [
  'read and validate the event, find its namespace (Map), update its totals',
  '+ content_type through the reducer\'s dictionary (first 60 distinct values, hashed once; a bit per namespace), hash workflow_id (cw64; a value equal to the namespace\'s previous one is skipped)',
  '+ distinct counters (HyperLogLog.insertHash: new, repeat or maybe a repeat)',
  '+ bottom-k samples (offer below the cutoff; no duplicate check for a value the counter proved new)',
] as const;

const out = new Uint32Array(2);

function fieldParts(): FieldParts {
  return { last: null, counter: new HyperLogLog(), sample: new BottomKSample(100), cutoff: 0xffffffff };
}

function addField(f: FieldParts, value: string, stage: number): void {
  if (value === f.last) return;
  f.last = value;
  hash64(value, 0, out);
  countField(f, out[0]!, out[1]!, value, stage);
}

function countField(f: FieldParts, hi: number, lo: number, value: string, stage: number): void {
  if (stage < 2) return;
  const learnt = f.counter.insertHash(hi | 0, lo | 0);
  if (learnt === INSERT_REPEAT || stage < 3 || hi > f.cutoff) return;
  if (learnt === INSERT_NEW ? f.sample.offerNew(hi | 0, lo | 0, value) : f.sample.offer(hi | 0, lo | 0, value)) f.cutoff = f.sample.cutoffHi;
}

function runStage(events: BenchEvent[], stage: number): void {
  const v = new EventValidator<BenchEvent>();
  const states = new Map<string, Totals>();
  const dictionary = new Map<string, number>();
  const dictionaryHashes = new Uint32Array(2 * 60);
  for (let i = 0; i < events.length; i++) {
    if (v.parse(events[i]!) !== null) continue;
    let s = states.get(v.namespace);
    if (s === undefined) {
      s = { files: 0, size: 0, first: Infinity, last: -Infinity, typesSeenLow: 0, typesSeenHigh: 0, contentType: fieldParts(), workflow: fieldParts() };
      states.set(v.namespace, s);
    }
    s.files++;
    s.size += v.size;
    if (v.time < s.first) s.first = v.time;
    if (v.time > s.last) s.last = v.time;
    if (stage === 0) continue;
    const ct = v.contentType;
    if (ct !== s.contentType.last) {
      s.contentType.last = ct;
      let id = dictionary.get(ct);
      if (id === undefined && dictionary.size < 60 && ct.length <= 64) {
        id = dictionary.size;
        hash64(ct, 0, out);
        dictionaryHashes[2 * id] = out[0]!;
        dictionaryHashes[2 * id + 1] = out[1]!;
        dictionary.set(ct, id);
      }
      if (id === undefined) {
        hash64(ct, 0, out);
        countField(s.contentType, out[0]!, out[1]!, ct, stage);
      } else if (id < 30 ? (s.typesSeenLow & (1 << id)) === 0 : (s.typesSeenHigh & (1 << (id - 30))) === 0) {
        if (id < 30) s.typesSeenLow |= 1 << id;
        else s.typesSeenHigh |= 1 << (id - 30);
        countField(s.contentType, dictionaryHashes[2 * id]!, dictionaryHashes[2 * id + 1]!, ct, stage);
      }
    }
    addField(s.workflow, v.workflowId, stage);
  }
}

function cpuNow(): number {
  const t = process.cpuUsage();
  return (t.user + t.system) / 1000;
}

console.log(`node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; events per CPU second, best of 5 rounds`);
const streams = realisticStreams(1_000_000);
for (const [name, raw] of Object.entries(streams)) {
  const events = JSON.parse(JSON.stringify(raw)) as BenchEvent[];
  const runs: [string, () => void][] = [...STAGES.map((label, stage): [string, () => void] => [label, () => runStage(events, stage)])];
  runs.push([
    'NamespaceReducer.add (defaults)',
    () => {
      const r = new NamespaceReducer();
      for (let i = 0; i < events.length; i++) r.add(events[i]!);
    },
  ]);
  const best = runs.map(() => Infinity);
  for (let round = 0; round < 6; round++) {
    runs.forEach(([, run], i) => {
      const t0 = cpuNow();
      run();
      if (round > 0) best[i] = Math.min(best[i]!, cpuNow() - t0);
    });
  }
  console.log(`\n## ${name} stream, ${events.length.toLocaleString('en-US')} events\n`);
  console.log('| stage | events/s | ns per event | added by this stage |');
  console.log('| --- | ---: | ---: | ---: |');
  runs.forEach(([label], i) => {
    const ns = (best[i]! * 1e6) / events.length;
    const previous = i > 0 && i < STAGES.length ? (best[i - 1]! * 1e6) / events.length : null;
    console.log(`| ${label} | ${(events.length / best[i]! / 1000).toFixed(2)} M | ${ns.toFixed(0)} | ${previous === null ? '' : `+${(ns - previous).toFixed(0)}`} |`);
  });
}
