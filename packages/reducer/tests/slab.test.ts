import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { hash64 } from '../src/hash.js';
import { HyperLogLog } from '../src/hyperloglog.js';
import { BottomKSample } from '../src/bottom-k.js';
import { FILE_TYPES, NamespaceSlab, WORKFLOWS } from '../src/slab.js';

interface Model {
  sketch: HyperLogLog;
  sample: BottomKSample;
}

const out = new Uint32Array(2);
const bits = new Int32Array(out.buffer);

describe('NamespaceSlab', () => {
  // Many slots with tables of every size, released and reused, merged into and restored: the arena
  // grows, reuses freed tables and compacts, and every field must stay the HyperLogLog and sample
  // a plain sketch fed the same values holds.
  test('every field equals a plain HyperLogLog and BottomKSample through growth, reuse, compaction and loads', () => {
    const options = fc.record({
      precision: fc.integer({ min: 4, max: 10 }),
      exactLimit: fc.integer({ min: 0, max: 40 }),
      maxSamples: fc.integer({ min: 1, max: 8 }),
      seed: fc.integer({ min: 0, max: 3 }),
      maxValueLength: fc.constant(256),
    });
    const op = fc.oneof(
      { weight: 20, arbitrary: fc.tuple(fc.constant('count' as const), fc.nat(39), fc.nat(1), fc.nat(600)) },
      { weight: 1, arbitrary: fc.tuple(fc.constant('release' as const), fc.nat(39), fc.constant(0), fc.constant(0)) },
      { weight: 1, arbitrary: fc.tuple(fc.constant('load' as const), fc.nat(39), fc.nat(1), fc.nat(39)) },
    );
    fc.assert(
      fc.property(options, fc.array(op, { minLength: 1500, maxLength: 3000 }), (o, ops) => {
        const slab = new NamespaceSlab({ ...o, heldValueBytes: o.maxSamples * (24 + 2 * o.maxValueLength) });
        const slots = new Map<number, number>(); // namespace -> slot
        const models = new Map<number, [Model, Model]>();
        const fresh = (): Model => ({ sketch: new HyperLogLog(o), sample: new BottomKSample(o.maxSamples, o.maxValueLength) });
        const slotOf = (ns: number): number => {
          let slot = slots.get(ns);
          if (slot === undefined) {
            slot = slab.allocate();
            slots.set(ns, slot);
            models.set(ns, [fresh(), fresh()]);
          }
          return slot;
        };
        for (const [kind, ns, field, x] of ops) {
          if (kind === 'count') {
            const slot = slotOf(ns);
            const value = `v${x}`;
            hash64(value, o.seed, out);
            slab.count(slot, field, bits[0]!, bits[1]!, value);
            const model = models.get(ns)![field]!;
            model.sketch.add(value);
            model.sample.add(value, o.seed);
          } else if (kind === 'release') {
            const slot = slots.get(ns);
            if (slot === undefined) continue;
            slab.release(slot);
            slots.delete(ns);
            models.delete(ns);
          } else {
            // merge namespace x's field into namespace ns's, through sketchOf / load
            if (x === ns) continue;
            const slot = slotOf(ns);
            const from = slotOf(x);
            slab.releaseHeld(slot, field);
            const sketch = slab.sketchOf(slot, field);
            sketch.merge(slab.sketchOf(from, field));
            slab.load(slot, field, sketch);
            slab.sample(slot, field).merge(slab.sampleNow(from, field));
            slab.syncCutoff(slot, field);
            const [mine, theirs] = [models.get(ns)![field]!, models.get(x)![field]!];
            mine.sketch.merge(theirs.sketch);
            mine.sample.merge(theirs.sample);
          }
        }
        for (const [ns, slot] of slots) {
          for (const field of [WORKFLOWS, FILE_TYPES]) {
            const model = models.get(ns)![field]!;
            expect(slab.sketchOf(slot, field).toBytes()).toEqual(model.sketch.toBytes());
            expect(slab.sampleNow(slot, field).toJSON()).toEqual(model.sample.toJSON());
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  // Releasing held values offers only hashes whose top byte is at most the k-th smallest's: the
  // sample must still be the plain one when many hashes share that byte, or every one does.
  test('held values released into the sample give the plain bottom-k when hashes share their top byte', () => {
    const entry = fc.tuple(fc.constantFrom(0, 0x01, 0x7f, 0x80, 0xff), fc.nat(0xffffff), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(entry, { minLength: 1, maxLength: 60 }), (k, entries) => {
        const slab = new NamespaceSlab({ precision: 10, seed: 0, exactLimit: 40, maxSamples: k, maxValueLength: 256, heldValueBytes: k * 536 });
        const slot = slab.allocate();
        const plain = new BottomKSample(k);
        for (const [top, rest, lo] of entries) {
          const hi = ((top << 24) | rest) | 0;
          slab.count(slot, WORKFLOWS, hi, lo, `${hi}:${lo}`);
          plain.offer(hi, lo, `${hi}:${lo}`);
        }
        expect(slab.sampleNow(slot, WORKFLOWS).toJSON()).toEqual(plain.toJSON());
        slab.releaseHeld(slot, WORKFLOWS);
        expect(slab.sample(slot, WORKFLOWS).toJSON()).toEqual(plain.toJSON());
      }),
      { numRuns: 300 },
    );
  });

  test('a released slot is reused empty, with its totals and times reset', () => {
    const slab = new NamespaceSlab({ precision: 14, seed: 0, exactLimit: 256, maxSamples: 5, maxValueLength: 256, heldValueBytes: 5 * 536 });
    const a = slab.allocate();
    slab.setTotals(a, 3, 30, 1, 2);
    for (let i = 0; i < 2000; i++) {
      hash64(`w${i}`, 0, out);
      slab.count(a, WORKFLOWS, bits[0]!, bits[1]!, `w${i}`);
    }
    expect(slab.sketchOf(a, WORKFLOWS).representation).toBe('dense');
    slab.release(a);
    const b = slab.allocate();
    expect(b).toBe(a);
    expect([slab.totalFiles(b), slab.totalSize(b), slab.firstSeen(b), slab.lastSeen(b)]).toEqual([0, 0, Infinity, -Infinity]);
    expect(slab.sketchOf(b, WORKFLOWS).estimate().value).toBe(0);
    expect(slab.sampleNow(b, WORKFLOWS).size).toBe(0);
  });
});
