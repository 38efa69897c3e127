import { describe, expect, test, vi } from 'vitest';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { NamespaceReducer, InvalidEventError, CorruptBytesError, formatSnapshot, type MetadataEvent, type ReducerSnapshot } from '../src/index.js';
import { crc32, toBase64 } from '../src/bytes.js';
import { HyperLogLog } from '../src/hyperloglog.js';
import { BottomKSample } from '../src/bottom-k.js';
import { Mulberry32 } from '../src/random.js';
import { SeedReducer } from '../../../bench/reducer/seed-reducer.js';
import { event, hex, heapUsed } from './helpers.js';

/** Snapshot without the parts that depend on eviction history or sampling randomness. */
function comparable(snapshot: ReducerSnapshot): unknown {
  return JSON.parse(JSON.stringify(snapshot));
}

describe('records keep the seed reducer field names', () => {
  test('totals, exact unique counts, samples, first/last seen', () => {
    const r = new NamespaceReducer({ maxSamples: 5 });
    r.add(event('ns1', 'application/json', 'wf-1', 100, '2025-10-23T10:00:00Z'));
    r.add(event('ns1', 'text/plain', 'wf-2', 50, '2025-10-23T09:00:00Z'));
    r.add(event('ns1', 'application/json', 'wf-1', 25, new Date('2025-10-23T11:00:00Z') as unknown as string));
    r.add(event('ns2', 'image/png', 7, 1, Date.UTC(2025, 0, 1)));
    const snap = r.snapshot();
    expect(Object.keys(snap.namespaces)).toEqual(['ns1', 'ns2']);
    const ns1 = snap.namespaces.ns1!;
    expect(ns1).toMatchObject({
      namespace: 'ns1',
      total_files: 3,
      total_size_bytes: 175,
      first_seen: '2025-10-23T09:00:00.000Z',
      last_seen: '2025-10-23T11:00:00.000Z',
      unique_file_types_count: 2,
      unique_workflows_count: 2,
      total_files_error: 0,
    });
    expect(ns1.file_types.sort()).toEqual(['application/json', 'text/plain']);
    expect(ns1.workflow_ids.sort()).toEqual(['wf-1', 'wf-2']);
    expect(ns1.unique_workflows_estimate).toEqual({ value: 2, exact: true, rse: 0, lower95: 2, upper95: 2 });
    expect(snap.namespaces.ns2!.workflow_ids).toEqual(['7']);
    expect(snap.total_events).toBe(4);
    expect(r.get('ns2')!.total_files).toBe(1);
    expect(r.get('missing')).toBeUndefined();
  });

  test("the seed's bug: 250 distinct workflow ids are counted 250 times here, many times more by the seed", () => {
    const rng = new Mulberry32(5);
    const ours = new NamespaceReducer();
    const seed = new SeedReducer();
    for (let i = 0; i < 50_000; i++) {
      const e = event('ns', 'application/json', `wf-${rng.below(250)}`);
      ours.add(e);
      seed.add(e);
    }
    expect(ours.snapshot().namespaces.ns!.unique_workflows_count).toBe(250);
    expect(seed.aggregated.get('ns')!.unique_workflows_count).toBeGreaterThan(2500);
  });

  test('samples are bounded by maxSamples and uniform over distinct values, not the first seen', () => {
    const r = new NamespaceReducer({ maxSamples: 10 });
    for (let i = 0; i < 10_000; i++) r.add(event('ns', 'x', `wf-${i}`));
    const ids = r.get('ns')!.workflow_ids.map((id) => Number(id.slice(3)));
    expect(ids).toHaveLength(10);
    expect(ids.filter((i) => i < 10).length).toBeLessThan(3);
    const accuracy = r.get('ns')!.sample_accuracy.workflow_ids;
    expect(Math.abs(accuracy.relative_difference)).toBeLessThan(3 * accuracy.expected_rse);
  });
});

describe('the hot path skips repeats without changing any state', () => {
  test('each namespace field equals a plain HyperLogLog and BottomKSample fed every value of it', () => {
    // 90 content types (the reducer's dictionary takes the first 60 short ones), some longer than
    // the dictionary accepts; workflow ids enough to reach sparse and dense modes at small precision.
    const contentType = (i: number) => (i % 10 === 9 ? `${'t'.repeat(70)}-${i}` : `type/${i}`);
    const options = fc.record({
      precision: fc.integer({ min: 4, max: 9 }),
      exactLimit: fc.integer({ min: 0, max: 12 }),
      maxSamples: fc.integer({ min: 1, max: 6 }),
      seed: fc.integer({ min: 0, max: 3 }),
    });
    const events = fc.array(fc.tuple(fc.nat(2), fc.nat(89), fc.nat(400)), { maxLength: 400 });
    fc.assert(
      fc.property(options, events, (o, stream) => {
        const reducer = new NamespaceReducer({ ...o, maxNamespaces: Infinity });
        const plain = new Map<string, { types: HyperLogLog; typeSample: BottomKSample; workflows: HyperLogLog; workflowSample: BottomKSample }>();
        for (const [n, t, w] of stream) {
          const ns = `ns${n}`;
          reducer.add(event(ns, contentType(t), `wf-${w}`));
          let p = plain.get(ns);
          if (p === undefined) {
            const sketch = { precision: o.precision, seed: o.seed, exactLimit: o.exactLimit };
            p = { types: new HyperLogLog(sketch), typeSample: new BottomKSample(o.maxSamples), workflows: new HyperLogLog(sketch), workflowSample: new BottomKSample(o.maxSamples) };
            plain.set(ns, p);
          }
          p.types.add(contentType(t));
          p.typeSample.add(contentType(t), o.seed);
          p.workflows.add(`wf-${w}`);
          p.workflowSample.add(`wf-${w}`, o.seed);
        }
        const json = reducer.toJSON();
        expect(json.namespaces.map((s) => s.namespace)).toEqual([...plain.keys()].sort());
        for (const state of json.namespaces) {
          const p = plain.get(state.namespace)!;
          expect(state.file_types).toEqual({ sketch: toBase64(p.types.toBytes()), sample: p.typeSample.toJSON() });
          expect(state.workflow_ids).toEqual({ sketch: toBase64(p.workflows.toBytes()), sample: p.workflowSample.toJSON() });
        }
      }),
    );
  });

  test('samples built from the values an exact sketch holds equal samples fed every value: read, restored, merged or released mid-stream', () => {
    // Default precision, so the sketches hold their values while exact; short maxValueLength and
    // few samples, so long values and a full byte budget switch fields to direct updates early.
    const value = (id: number, pad: number) => `v${id}${'x'.repeat(pad)}`;
    const options = fc.record({
      exactLimit: fc.integer({ min: 1, max: 40 }),
      maxSamples: fc.integer({ min: 1, max: 30 }),
      maxValueLength: fc.integer({ min: 5, max: 12 }),
    });
    // a value is at most 5 characters long, one in 20 is 11 or 12 (over maxValueLength unless 12)
    const events = fc.array(fc.tuple(fc.nat(2), fc.nat(70), fc.nat(60), fc.nat(19)), { maxLength: 300 });
    fc.assert(
      fc.property(options, events, fc.integer({ min: 1, max: 60 }), (o, stream, every) => {
        const reducer = new NamespaceReducer({ ...o, maxNamespaces: Infinity });
        let restored = new NamespaceReducer({ ...o, maxNamespaces: Infinity });
        const halves = [new NamespaceReducer({ ...o, maxNamespaces: Infinity }), new NamespaceReducer({ ...o, maxNamespaces: Infinity })];
        const plain = new Map<string, { typeSample: BottomKSample; workflowSample: BottomKSample }>();
        const check = () => {
          for (const state of reducer.toJSON().namespaces) {
            const p = plain.get(state.namespace)!;
            expect(state.file_types.sample).toEqual(p.typeSample.toJSON());
            expect(state.workflow_ids.sample).toEqual(p.workflowSample.toJSON());
            expect(reducer.get(state.namespace)!.workflow_ids).toEqual(p.workflowSample.values());
          }
        };
        stream.forEach(([n, t, w, pad], i) => {
          const workflowId = value(w, pad === 19 ? 9 : pad % 3);
          const e = event(`ns${n}`, value(t, pad % 3), workflowId);
          reducer.add(e);
          restored.add(e);
          halves[i % 2]!.add(e);
          let p = plain.get(e.namespace);
          if (p === undefined) {
            p = { typeSample: new BottomKSample(o.maxSamples, o.maxValueLength), workflowSample: new BottomKSample(o.maxSamples, o.maxValueLength) };
            plain.set(e.namespace, p);
          }
          p.typeSample.add(e.content_type);
          p.workflowSample.add(workflowId);
          if (i % every === 0) {
            check();
            restored = NamespaceReducer.fromBytes(restored.toBytes());
          }
        });
        check();
        expect(hex(restored.toBytes())).toBe(hex(reducer.toBytes()));
        expect(hex(halves[0]!.merge(halves[1]!).toBytes())).toBe(hex(reducer.toBytes()));
      }),
      { numRuns: 150 },
    );
  });

  test('a namespace state reused after an eviction counts content types its previous namespace had counted', () => {
    const r = new NamespaceReducer({ maxNamespaces: 1 });
    r.add(event('a', 'text/plain', 'w1'));
    r.add(event('b', 'text/plain', 'w1'));
    expect(r.get('b')!.unique_file_types_count).toBe(1);
    expect(r.get('b')!.file_types).toEqual(['text/plain']);
  });
});

describe('bad input is counted by reason, never thrown unless strict', () => {
  const good = event('ns', 'text/plain', 'wf', 10, 1000);
  const cases: [string, unknown][] = [
    ['not_an_object', 'a string'],
    ['not_an_object', null],
    ['missing_namespace', { ...good, namespace: undefined }],
    ['bad_namespace', { ...good, namespace: '' }],
    ['bad_namespace', { ...good, namespace: 42 }],
    ['reserved_namespace', { ...good, namespace: '__other__' }],
    ['missing_content_type', { ...good, content_type: null }],
    ['bad_content_type', { ...good, content_type: ['x'] }],
    ['missing_workflow_id', { ...good, workflow_id: undefined }],
    ['bad_workflow_id', { ...good, workflow_id: NaN }],
    ['missing_size_bytes', { ...good, size_bytes: undefined }],
    ['bad_size_bytes', { ...good, size_bytes: Infinity }],
    ['bad_size_bytes', { ...good, size_bytes: -1 }],
    ['bad_size_bytes', { ...good, size_bytes: '10' }],
    ['missing_timestamp', { ...good, timestamp: undefined }],
    ['bad_timestamp', { ...good, timestamp: 'yesterday-ish' }],
    ['bad_timestamp', { ...good, timestamp: new Date('nope') }],
    ['bad_timestamp', { ...good, timestamp: Infinity }],
    ['bad_timestamp', { ...good, timestamp: true }],
  ];

  test.each(cases)('%s: %j', (reason, bad) => {
    const onInvalid = vi.fn();
    const r = new NamespaceReducer({ onInvalid });
    expect(r.add(bad as MetadataEvent)).toBe(false);
    expect(r.add(good)).toBe(true);
    expect(r.rejected).toEqual({ total: 1, by_reason: { [reason]: 1 } });
    expect(onInvalid).toHaveBeenCalledWith(reason, bad, expect.any(String));
    expect(r.snapshot().total_events).toBe(1);
    expect(r.snapshot().rejected.total).toBe(1);
    const strict = new NamespaceReducer({ strict: true });
    expect(() => strict.add(bad as MetadataEvent)).toThrow(InvalidEventError);
    try {
      strict.add(bad as MetadataEvent);
    } catch (error) {
      expect((error as InvalidEventError).reason).toBe(reason);
    }
  });

  test('constructor options are validated with messages naming the structure', () => {
    expect(() => new NamespaceReducer({ maxSamples: 0 })).toThrow(/^NamespaceReducer: maxSamples/);
    expect(() => new NamespaceReducer({ maxNamespaces: 0 })).toThrow(/^NamespaceReducer: maxNamespaces/);
    expect(() => new NamespaceReducer({ precision: 2 })).toThrow(/^HyperLogLog: precision/);
    expect(() => new NamespaceReducer({ fields: { namespace: 'ns' as never } })).toThrow(/fields.namespace/);
  });
});

describe('input shapes', () => {
  test('field accessors for events shaped differently', () => {
    interface KafkaRecord {
      key: string;
      value: { type: string; run: { id: string }; bytes: number; at: string };
    }
    const r = new NamespaceReducer<KafkaRecord>({
      fields: {
        namespace: (e) => e.key,
        content_type: (e) => e.value.type,
        workflow_id: (e) => e.value.run.id,
        size_bytes: (e) => e.value.bytes,
        timestamp: (e) => e.value.at,
      },
    });
    r.add({ key: 'tenant-a', value: { type: 'csv', run: { id: 'r1' }, bytes: 5, at: '2025-01-01T00:00:00Z' } });
    expect(r.get('tenant-a')).toMatchObject({ total_files: 1, file_types: ['csv'], workflow_ids: ['r1'], total_size_bytes: 5 });
  });

  test('an accessor that throws on a malformed event is a rejection (with the error as cause), not a crash', () => {
    const onInvalid = vi.fn();
    type Nested = { meta?: { ns: string } };
    const fields = { namespace: (e: Nested) => e.meta!.ns, content_type: () => 'x', workflow_id: () => 'w', size_bytes: () => 1, timestamp: () => 0 };
    const r = new NamespaceReducer<Nested>({ fields, onInvalid });
    expect(r.add({})).toBe(false);
    expect(r.add({ meta: { ns: 'ok' } })).toBe(true);
    expect(r.rejected).toEqual({ total: 1, by_reason: { accessor_threw: 1 } });
    expect(onInvalid).toHaveBeenCalledWith('accessor_threw', {}, expect.any(String), expect.any(TypeError));
    const strict = new NamespaceReducer<Nested>({ fields, strict: true });
    expect(() => strict.add({})).toThrow(expect.objectContaining({ reason: 'accessor_threw', cause: expect.any(TypeError) }));
  });

  test('addAll and consume(async iterable) return the number accepted', async () => {
    const r = new NamespaceReducer();
    expect(r.addAll([event('a', 'x', 1), { bad: true } as unknown as MetadataEvent])).toBe(1);
    async function* gen() {
      for (let i = 0; i < 5; i++) yield event('b', 'x', i);
    }
    expect(await r.consume(gen())).toBe(5);
    expect(r.snapshot().total_events).toBe(6);
  });

  test('consume(Readable) respects backpressure: the source is never read far ahead of the reducer', async () => {
    let produced = 0;
    let maxAhead = 0;
    const r = new NamespaceReducer();
    const source = new Readable({
      objectMode: true,
      highWaterMark: 4,
      read() {
        if (produced === 1000) this.push(null);
        else this.push(event('ns', 'x', produced++));
      },
    });
    const original = r.add.bind(r);
    r.add = (e: MetadataEvent) => {
      maxAhead = Math.max(maxAhead, produced - r.totalEvents);
      return original(e);
    };
    expect(await r.consume(source)).toBe(1000);
    expect(r.get('ns')!.unique_workflows_count).toBe(1000);
    expect(maxAhead).toBeLessThanOrEqual(4 + 2);
  });
});

const eventArb = fc
  .record({
    namespace: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    content_type: fc.constantFrom('json', 'csv', 'png'),
    workflow_id: fc.nat(120).map((n) => `wf-${n}`),
    size_bytes: fc.nat(1000),
    timestamp: fc.integer({ min: 0, max: 1e9 }),
  })
  .map((e) => e as MetadataEvent);
const streamArb = fc.array(eventArb, { maxLength: 150 });
// small sketches so that short streams cross exact, sparse and dense modes
const small = { maxSamples: 4, precision: 8, exactLimit: 8, maxNamespaces: Infinity };

function reduce(events: MetadataEvent[], options = small): NamespaceReducer {
  const r = new NamespaceReducer(options);
  for (const e of events) r.add(e);
  return r;
}

describe('merge', () => {
  test('merge(a, b) equals one reducer fed both streams (unbounded namespaces)', () => {
    fc.assert(
      fc.property(streamArb, streamArb, (a, b) => {
        expect(comparable(reduce(a).merge(reduce(b)).snapshot())).toEqual(comparable(reduce([...a, ...b]).snapshot()));
        expect(hex(reduce(a).merge(reduce(b)).toBytes())).toBe(hex(reduce([...a, ...b]).toBytes()));
      }),
    );
  });

  test('commutative, associative and idempotent on the state', () => {
    fc.assert(
      fc.property(streamArb, streamArb, streamArb, (a, b, c) => {
        expect(hex(reduce(a).merge(reduce(b)).toBytes())).toBe(hex(reduce(b).merge(reduce(a)).toBytes()));
        const left = reduce(a).merge(reduce(b)).merge(reduce(c));
        const right = reduce(a).merge(reduce(b).merge(reduce(c)));
        expect(hex(left.toBytes())).toBe(hex(right.toBytes()));
        // idempotent on what is a set (distinct counts and samples); totals add up, as they must
        const twice = reduce(a).merge(reduce(a)).snapshot();
        const once = reduce(a).snapshot();
        for (const [name, rec] of Object.entries(once.namespaces)) {
          expect(twice.namespaces[name]!.unique_workflows_estimate).toEqual(rec.unique_workflows_estimate);
          expect(twice.namespaces[name]!.workflow_ids).toEqual(rec.workflow_ids);
          expect(twice.namespaces[name]!.total_files).toBe(2 * rec.total_files);
        }
      }),
    );
  });

  test('commutative with a namespace bound (evictions into __other__ chosen by count, then name)', () => {
    const bounded = { ...small, maxNamespaces: 2 };
    fc.assert(
      fc.property(streamArb, streamArb, (a, b) => {
        const ab = reduce(a, bounded).merge(reduce(b, bounded));
        const ba = reduce(b, bounded).merge(reduce(a, bounded));
        expect(hex(ab.toBytes())).toBe(hex(ba.toBytes()));
        const snap = ab.snapshot();
        const files = Object.values(snap.namespaces).reduce((s, rec) => s + rec.total_files, 0);
        expect(files).toBe(a.length + b.length);
        expect(ab.size).toBeLessThanOrEqual(2);
      }),
    );
  });

  test('merged bounded reducers keep the Space-Saving guarantees', () => {
    const skewed = fc.array(
      fc.record({ ns: fc.oneof(fc.constantFrom('h1', 'h2'), fc.nat(30).map((n) => `t${n}`)), w: fc.nat(50) }),
      { maxLength: 200 },
    );
    fc.assert(
      fc.property(skewed, skewed, (a, b) => {
        const options = { ...small, maxNamespaces: 4 };
        const toEvents = (xs: { ns: string; w: number }[]) => xs.map((x) => event(x.ns, 'x', x.w, 1, 0) as MetadataEvent);
        const merged = reduce(toEvents(a), options).merge(reduce(toEvents(b), options));
        const truth = new Map<string, number>();
        for (const x of [...a, ...b]) truth.set(x.ns, (truth.get(x.ns) ?? 0) + 1);
        const snap = merged.snapshot();
        for (const [ns, real] of truth) {
          const rec = snap.namespaces[ns];
          if (rec === undefined) {
            expect(real).toBeLessThanOrEqual(snap.unmonitored_max_events);
          } else {
            expect(rec.total_files).toBeLessThanOrEqual(real);
            expect(rec.total_files + rec.total_files_error).toBeGreaterThanOrEqual(real);
          }
        }
      }),
    );
  });

  test('rejects reducers with different parameters, and itself', () => {
    expect(() => new NamespaceReducer({ precision: 12 }).merge(new NamespaceReducer())).toThrow(/precision 12 vs 14/);
    expect(() => new NamespaceReducer({ maxSamples: 5 }).merge(new NamespaceReducer())).toThrow(/maxSamples 5 vs 100/);
    expect(() => new NamespaceReducer({ seed: 1 }).merge(new NamespaceReducer())).toThrow(/seed 1 vs 0/);
    expect(() => new NamespaceReducer({ maxNamespaces: 5 }).merge(new NamespaceReducer())).toThrow(/maxNamespaces 5 vs 10000/);
    const r = new NamespaceReducer();
    expect(() => r.merge(r)).toThrow(/itself/);
  });
});

describe('serialisation', () => {
  test('toBytes -> fromBytes -> toBytes is byte-identical; toJSON -> fromJSON too', () => {
    fc.assert(
      fc.property(streamArb, fc.boolean(), (events, bounded) => {
        const r = reduce(events, { ...small, maxNamespaces: bounded ? 2 : Infinity });
        r.add({ namespace: '' } as MetadataEvent);
        const bytes = r.toBytes();
        const back = NamespaceReducer.fromBytes(bytes);
        expect(hex(back.toBytes())).toBe(hex(bytes));
        expect(comparable(back.snapshot())).toEqual(comparable(r.snapshot()));
        const viaJson = NamespaceReducer.fromJSON(JSON.parse(JSON.stringify(r)));
        expect(hex(viaJson.toBytes())).toBe(hex(bytes));
      }),
      { numRuns: 60 },
    );
  });

  test('a restored reducer keeps counting as the original would', () => {
    const first = Array.from({ length: 500 }, (_, i) => event(`n${i % 3}`, 'x', `w${i}`));
    const second = Array.from({ length: 500 }, (_, i) => event(`n${i % 4}`, 'y', `w${i * 7}`));
    const restored = NamespaceReducer.fromBytes(reduce(first).toBytes(), {});
    for (const e of second) restored.add(e);
    expect(hex(restored.toBytes())).toBe(hex(reduce([...first, ...second]).toBytes()));
  });

  test('corrupt, truncated or foreign bytes throw CorruptBytesError with the reason', () => {
    const bytes = reduce([event('a', 'x', 1)]).toBytes();
    const flipped = bytes.slice();
    flipped[40]! ^= 1;
    expect(() => NamespaceReducer.fromBytes(flipped)).toThrow(/checksum mismatch/);
    expect(() => NamespaceReducer.fromBytes(bytes.subarray(0, 8))).toThrow(/truncated/);
    expect(() => NamespaceReducer.fromBytes(new Uint8Array(64))).toThrow(CorruptBytesError);
    const json = new TextEncoder().encode('{"format":"something-else","version":1}');
    const forged = new Uint8Array(12 + json.length + 4);
    forged.set(new TextEncoder().encode('CWNR'), 0);
    forged[4] = 1;
    new DataView(forged.buffer).setUint32(8, json.length, true);
    forged.set(json, 12);
    new DataView(forged.buffer).setUint32(forged.length - 4, crc32(forged, 0, forged.length - 4), true);
    expect(() => NamespaceReducer.fromBytes(forged)).toThrow(/not a NamespaceReducer state/);
  });

  test('fromJSON validates nested state', () => {
    const json = reduce([event('a', 'x', 1)]).toJSON();
    const broken = JSON.parse(JSON.stringify(json));
    broken.namespaces[0].file_types.sketch = 'AAAA';
    expect(() => NamespaceReducer.fromJSON(broken)).toThrow(/HyperLogLog/);
    const negative = JSON.parse(JSON.stringify(json));
    negative.namespaces[0].total_files = -3;
    expect(() => NamespaceReducer.fromJSON(negative)).toThrow(/total_files/);
  });
});

describe('maxNamespaces (Space-Saving)', () => {
  test('heavy namespaces are kept exactly, the rest fold into __other__, nothing is lost', () => {
    const r = new NamespaceReducer({ maxNamespaces: 10, maxSamples: 5 });
    const truth = new Map<string, number>();
    const rng = new Mulberry32(11);
    for (let i = 0; i < 20_000; i++) {
      // 5 heavy namespaces with 60 % of the traffic, 5,000 light ones
      const ns = rng.next() < 0.6 ? `heavy-${rng.below(5)}` : `light-${rng.below(5000)}`;
      truth.set(ns, (truth.get(ns) ?? 0) + 1);
      r.add(event(ns, 'x', `w${i % 300}`, 2));
    }
    const snap = r.snapshot();
    for (let h = 0; h < 5; h++) {
      const rec = snap.namespaces[`heavy-${h}`]!;
      expect(rec).toBeDefined();
      const real = truth.get(`heavy-${h}`)!;
      expect(rec.total_files).toBeLessThanOrEqual(real);
      expect(rec.total_files + rec.total_files_error).toBeGreaterThanOrEqual(real);
    }
    expect(Object.keys(snap.namespaces)).toHaveLength(11);
    expect(snap.namespaces.__other__).toBeDefined();
    expect(snap.evictions).toBeGreaterThan(1000);
    const files = Object.values(snap.namespaces).reduce((s, rec) => s + rec.total_files, 0);
    expect(files).toBe(20_000);
    expect(Object.values(snap.namespaces).reduce((s, rec) => s + rec.total_size_bytes, 0)).toBe(40_000);
    // every namespace that is not listed had at most unmonitored_max_events events
    for (const [ns, count] of truth) if (!(ns in snap.namespaces)) expect(count).toBeLessThanOrEqual(snap.unmonitored_max_events);
    expect(snap.namespaces.__other__!.unique_workflows_count).toBeGreaterThan(250);
  });

  test('an evicted namespace state is reused correctly, whatever mode its sketches had reached', () => {
    const r = new NamespaceReducer({ maxNamespaces: 1, maxSamples: 3 });
    for (let i = 0; i < 5000; i++) r.add(event('big', `t${i % 400}`, `w${i}`));
    for (let i = 0; i < 10; i++) r.add(event('small', 'x', `s${i % 7}`));
    const small = r.get('small')!;
    expect(small.unique_workflows_count).toBe(7);
    expect(small.unique_file_types_estimate).toEqual({ value: 1, exact: true, rse: 0, lower95: 1, upper95: 1 });
    expect(small.total_files_error).toBe(5000);
    expect(r.get('__other__')!.total_files).toBe(5000);
    expect(hex(NamespaceReducer.fromBytes(r.toBytes()).toBytes())).toBe(hex(r.toBytes()));
    const fresh = new NamespaceReducer({ maxNamespaces: 1, maxSamples: 3 });
    for (let i = 0; i < 10; i++) fresh.add(event('small', 'x', `s${i % 7}`));
    expect(fresh.toJSON().namespaces[0]!.workflow_ids.sketch).toBe(r.toJSON().namespaces[0]!.workflow_ids.sketch);
  });

  test('namespaces created after a merge trimmed others start from zero totals and times', () => {
    // the trimmed states' size/time rows are reused by later states: nothing may leak across
    const options = { maxNamespaces: 2, maxSamples: 3 };
    const sizeOf = (r: NamespaceReducer) => Object.values(r.snapshot().namespaces).reduce((sum, rec) => sum + rec.total_size_bytes, 0);
    const a = new NamespaceReducer(options);
    const b = new NamespaceReducer(options);
    const c = new NamespaceReducer(options);
    a.add(event('a1', 'x', 'w', 1_000, Date.UTC(2020, 0, 1)));
    a.add(event('a2', 'x', 'w', 2_000, Date.UTC(2020, 0, 2)));
    b.add(event('b1', 'x', 'w', 4_000, Date.UTC(2030, 0, 1)));
    b.add(event('b2', 'x', 'w', 8_000, Date.UTC(2030, 0, 2)));
    for (let i = 0; i < 3; i++) {
      c.add(event('c1', 'x', 'w', 16, Date.UTC(2025, 0, 10 + i)));
      c.add(event('c2', 'x', 'w', 32, Date.UTC(2025, 1, 10 + i)));
    }
    a.merge(b);
    expect(sizeOf(a)).toBe(15_000);
    a.merge(c);
    expect(a.size).toBe(2);
    expect(sizeOf(a)).toBe(15_000 + 3 * 48);
    expect(a.get('c1')).toMatchObject({ total_files: 3, total_size_bytes: 48, first_seen: '2025-01-10T00:00:00.000Z', last_seen: '2025-01-12T00:00:00.000Z' });
    expect(a.get('c2')).toMatchObject({ total_files: 3, total_size_bytes: 96, first_seen: '2025-02-10T00:00:00.000Z', last_seen: '2025-02-12T00:00:00.000Z' });
    expect(hex(NamespaceReducer.fromBytes(a.toBytes()).toBytes())).toBe(hex(a.toBytes()));
  });

  test('memory stays bounded under 10^5 namespaces (maxNamespaces 1,000)', () => {
    const r = new NamespaceReducer({ maxNamespaces: 1000 });
    const warm = () => {
      for (let i = 0; i < 2000; i++) r.add(event(`warm-${i}`, 'x', `w${i}`));
    };
    warm();
    const before = heapUsed();
    for (let i = 0; i < 100_000; i++) r.add(event(`tenant-${i}`, 'application/json', `wf-${i}`, 10, i));
    const after = heapUsed();
    expect(r.size).toBe(1000);
    expect(r.evictions).toBe(101_000);
    // 1,000 namespaces in exact mode cost a few KB each; 10^5 would cost hundreds of MB
    expect(after - before).toBeLessThan(8 * 1024 * 1024);
    expect(r.memoryBound()).toBeLessThan(1001 * 200_000);
  });

  test('memory stays bounded under 10^6 distinct values in one namespace', () => {
    const r = new NamespaceReducer();
    r.add(event('ns', 'x', 'warm'));
    const before = heapUsed();
    for (let i = 0; i < 1_000_000; i++) r.add(event('ns', `type-${i % 50_000}`, `wf-${i}`, 1, i));
    const after = heapUsed();
    const rec = r.get('ns')!;
    expect(Math.abs(rec.unique_workflows_count / 1_000_001 - 1)).toBeLessThan(3 * rec.unique_workflows_estimate.rse);
    expect(Math.abs(rec.unique_file_types_count / 50_001 - 1)).toBeLessThan(3 * rec.unique_file_types_estimate.rse);
    expect(after - before).toBeLessThan(1024 * 1024);
  });
});

describe('event samples', () => {
  test('reservoir and recent samples of whole events per namespace', () => {
    const reservoir = new NamespaceReducer({ eventSample: { mode: 'reservoir', size: 3, seed: 1 } });
    const recent = new NamespaceReducer({ eventSample: { mode: 'recent', size: 3 } });
    for (let i = 0; i < 100; i++) {
      reservoir.add(event('ns', 'x', i, 1, i));
      recent.add(event('ns', 'x', i, 1, i));
    }
    expect(reservoir.get('ns')!.sample_events).toHaveLength(3);
    expect(recent.get('ns')!.sample_events!.map((e) => e.workflow_id)).toEqual([97, 98, 99]);
    const back = NamespaceReducer.fromBytes(recent.toBytes());
    expect(back.get('ns')!.sample_events!.map((e) => e.workflow_id)).toEqual([97, 98, 99]);
    expect(hex(NamespaceReducer.fromBytes(reservoir.toBytes()).toBytes())).toBe(hex(reservoir.toBytes()));
  });
});

describe('formatSnapshot', () => {
  test('one line per namespace with error bars, then the totals', () => {
    const r = new NamespaceReducer();
    for (let i = 0; i < 5000; i++) r.add(event('big', 'x', `w${i}`));
    r.add(event('small', 'x', 'w'));
    r.add({} as MetadataEvent);
    const text = formatSnapshot(r.snapshot());
    expect(text).toMatch(/^big: 5,000 files, .*workflows [45],\d{3} ±1\.6 % \(95 %: /m);
    expect(text).toMatch(/^small: 1 files, .*workflows 1 \(exact\)/m);
    expect(text).toMatch(/5,001 events, 1 rejected \(missing_namespace: 1\)/);
  });
});
