import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { CountMinSketch, type CountMinOptions } from '../src/count-min.js';
import { CorruptBytesError, crc32 } from '../src/bytes.js';
import { hash64 } from '../src/hash.js';
import { Mulberry32 } from '../src/random.js';
import { hex } from './helpers.js';

function build(counts: Iterable<[string, number]>, options: CountMinOptions = {}): CountMinSketch {
  const sketch = new CountMinSketch(options);
  for (const [value, count] of counts) sketch.add(value, count);
  return sketch;
}

/** The column of `value` in row 0 (the file header's layout: hi lane mod width). */
function rowZeroColumn(value: string, width: number, seed = 0): number {
  const out = new Uint32Array(2);
  hash64(value, seed, out);
  return out[0]! % width;
}

type Frequencies = Map<string, number>;

/** Streams as (value, count) pairs with their exact counts. */
function frequencies(kind: 'uniform' | 'zipf' | 'one-heavy', distinct: number, seed: number): Frequencies {
  const rng = new Mulberry32(seed);
  const counts: Frequencies = new Map();
  for (let i = 0; i < distinct; i++) {
    const count = kind === 'uniform' ? 1 + Math.floor(rng.next() * 10) : kind === 'zipf' ? Math.max(1, Math.floor(10_000 / (i + 1))) : i === 0 ? distinct * 100 : 1;
    counts.set(`v${seed}-${i}`, count);
  }
  return counts;
}

describe('CountMinSketch parameters', () => {
  test('w = ceil(e / epsilon), d = ceil(ln(1 / delta)), 8 bytes per counter', () => {
    const defaults = new CountMinSketch();
    expect([defaults.width, defaults.depth, defaults.byteSize]).toEqual([2719, 5, 2719 * 5 * 8]);
    const coarse = new CountMinSketch({ epsilon: 0.01, delta: 0.001 });
    expect([coarse.width, coarse.depth]).toEqual([272, 7]);
    expect(coarse.epsilon).toBeCloseTo(Math.E / 272, 12);
    expect(coarse.delta).toBeCloseTo(Math.exp(-7), 12);
    const direct = new CountMinSketch({ width: 100, depth: 3 });
    expect([direct.width, direct.depth, direct.byteSize]).toEqual([100, 3, 2400]);
  });

  test('bad parameters are refused with messages naming the structure', () => {
    expect(() => new CountMinSketch({ epsilon: 0 })).toThrow('CountMinSketch: epsilon must be in (0, 1), got 0');
    expect(() => new CountMinSketch({ delta: 1 })).toThrow('CountMinSketch: delta must be in (0, 1), got 1');
    expect(() => new CountMinSketch({ width: 10, epsilon: 0.1 })).toThrow('CountMinSketch: give epsilon or width, not both');
    expect(() => new CountMinSketch({ depth: 0 })).toThrow('CountMinSketch: depth must be an integer from 1 to 64, got 0');
    expect(() => new CountMinSketch({ width: 2.5 })).toThrow('CountMinSketch: width must be a positive integer, got 2.5');
    expect(() => new CountMinSketch({ seed: -1 })).toThrow('CountMinSketch: seed must be a uint32, got -1');
    expect(() => new CountMinSketch().add('x', -1)).toThrow('CountMinSketch.add: count must be a non-negative safe integer, got -1');
    expect(() => new CountMinSketch().add('x', 1.5)).toThrow('CountMinSketch.add: count must be a non-negative safe integer, got 1.5');
  });
});

describe('CountMinSketch accuracy against exact counts', () => {
  const grid: { kind: 'uniform' | 'zipf' | 'one-heavy'; distinct: number; epsilon: number; delta: number; conservative: boolean }[] = [];
  for (const kind of ['uniform', 'zipf', 'one-heavy'] as const) {
    for (const distinct of [100, 5_000, 50_000]) {
      for (const [epsilon, delta] of [
        [0.01, 0.1],
        [0.001, 0.01],
      ] as const) {
        for (const conservative of [false, true]) grid.push({ kind, distinct, epsilon, delta, conservative });
      }
    }
  }

  test.each(grid)('$kind, $distinct distinct, epsilon $epsilon, delta $delta, conservative $conservative: never under, over by more than epsilon N for at most delta of the values', ({ kind, distinct, epsilon, delta, conservative }) => {
    const truth = frequencies(kind, distinct, distinct);
    const sketch = build(truth, { epsilon, delta, conservative });
    const n = [...truth.values()].reduce((a, b) => a + b, 0);
    expect(sketch.total).toBe(n);
    // counted, not asserted one by one: a 50,000-value loop of expect() calls is slow
    let under = 0;
    let beyond = 0;
    let lowerAbove = 0;
    let badShape = 0;
    for (const [value, count] of truth) {
      const e = sketch.estimate(value);
      if (e.value < count) under++;
      if (e.value > count + sketch.epsilon * n) beyond++;
      if (e.lower > count) lowerAbove++;
      if (e.upper !== e.value || Math.abs(e.errorBound - sketch.epsilon * n) > 1e-6 * n || e.lower !== Math.max(0, e.value - e.errorBound)) badShape++;
    }
    expect({ under, badShape }).toEqual({ under: 0, badShape: 0 });
    // lower is above the truth exactly when the estimate is beyond its bound
    expect(lowerAbove).toBe(beyond);
    expect(sketch.epsilon).toBeLessThanOrEqual(epsilon);
    expect(beyond / truth.size).toBeLessThanOrEqual(delta);
  });

  test('conservative update never estimates more than the plain sketch, and never less than the truth', () => {
    const truth = frequencies('zipf', 20_000, 7);
    const plain = build(truth, { epsilon: 0.005 });
    const conservative = build(truth, { epsilon: 0.005, conservative: true });
    let tighter = 0;
    for (const [value, count] of truth) {
      const p = plain.estimate(value).value;
      const c = conservative.estimate(value).value;
      expect(c).toBeGreaterThanOrEqual(count);
      expect(c).toBeLessThanOrEqual(p);
      if (c < p) tighter++;
    }
    expect(tighter).toBeGreaterThan(0);
  });

  test('a value never added estimates 0 in an empty sketch, add(value, 0) changes nothing', () => {
    const sketch = new CountMinSketch({ width: 64, depth: 4 });
    expect(sketch.estimate('absent')).toEqual({ value: 0, lower: 0, upper: 0, errorBound: 0, confidence: 1 - Math.exp(-4) });
    const before = hex(sketch.toBytes());
    sketch.add('x', 0);
    expect(hex(sketch.toBytes())).toBe(before);
  });
});

// The anchor bug (attributed there to bloom-filters 3.0.4, whose installed copy does build d
// rows): a Count-Min that keeps one row whatever depth is asked for.
describe('regression for the anchor bug: a Count-Min with one row whatever depth is asked for', () => {
  const width = 50;
  const target = 'target';
  const column = rowZeroColumn(target, width);
  // Every one of these shares the target's counter in row 0.
  const colliders: string[] = [];
  for (let i = 0; colliders.length < 200; i++) if (rowZeroColumn(`c${i}`, width) === column) colliders.push(`c${i}`);

  test('depth d gives d rows of counters', () => {
    for (const depth of [1, 2, 5, 9]) expect(new CountMinSketch({ width, depth }).toBytes().length).toBe(28 + width * depth * 8 + 4);
    expect(new CountMinSketch({ width, delta: 0.001 }).depth).toBe(7);
  });

  test('values that collide with another in row 0 do not collide with it in every row', () => {
    const sketch = new CountMinSketch({ width, depth: 5 });
    sketch.add(target, 1000);
    const inEveryRow = colliders.filter((c) => sketch.estimate(c).value > 0).length;
    // sharing row 0 and one more row means sharing both hash lanes mod w: about 1 in w - 1
    expect(inEveryRow).toBeLessThan(colliders.length * 0.05);
    const oneRow = new CountMinSketch({ width, depth: 1 });
    oneRow.add(target, 1000);
    expect(colliders.every((c) => oneRow.estimate(c).value === 1000)).toBe(true);
  });

  test('on a set built to collide in row 0, the d-row estimate is within epsilon N and the 1-row estimate is not', () => {
    const sketch = new CountMinSketch({ width, depth: 5 });
    const oneRow = new CountMinSketch({ width, depth: 1 });
    for (const s of [sketch, oneRow]) {
      s.add(target, 1);
      for (const c of colliders) s.add(c, 10);
    }
    const bound = 1 + sketch.epsilon * sketch.total;
    expect(sketch.estimate(target).value).toBeLessThanOrEqual(bound);
    expect(oneRow.estimate(target).value).toBe(sketch.total);
    expect(oneRow.estimate(target).value).toBeGreaterThan(bound);
  });
});

describe('CountMinSketch merge', () => {
  const pairs = fc.array(fc.tuple(fc.nat(300).map((n) => `v${n}`), fc.integer({ min: 0, max: 1000 })), { maxLength: 200 });
  const options = { width: 40, depth: 4 };

  test('merge(a, b) has the bytes of one sketch fed both streams (lossless)', () => {
    fc.assert(
      fc.property(pairs, pairs, (a, b) => {
        const merged = build(a, options).merge(build(b, options));
        expect(hex(merged.toBytes())).toBe(hex(build([...a, ...b], options).toBytes()));
      }),
    );
  });

  test('commutative and associative (byte-identical)', () => {
    fc.assert(
      fc.property(pairs, pairs, pairs, (a, b, c) => {
        const ab = build(a, options).merge(build(b, options));
        const ba = build(b, options).merge(build(a, options));
        expect(hex(ab.toBytes())).toBe(hex(ba.toBytes()));
        const abC = build(a, options).merge(build(b, options)).merge(build(c, options));
        const aBC = build(a, options).merge(build(b, options).merge(build(c, options)));
        expect(hex(abC.toBytes())).toBe(hex(aBC.toBytes()));
      }),
    );
  });

  test('with conservative update, a merge still never estimates below the truth of both streams', () => {
    fc.assert(
      fc.property(pairs, pairs, (a, b) => {
        const conservative = { ...options, conservative: true };
        const merged = build(a, conservative).merge(build(b, conservative));
        const truth = new Map<string, number>();
        for (const [v, n] of [...a, ...b]) truth.set(v, (truth.get(v) ?? 0) + n);
        for (const [v, n] of truth) expect(merged.estimate(v).value).toBeGreaterThanOrEqual(n);
      }),
    );
  });

  test('never mutates its argument; refuses other shapes, seeds, update rules and itself', () => {
    const a = build([['x', 3]], options);
    const b = build([['y', 5]], options);
    const before = hex(b.toBytes());
    a.merge(b);
    expect(hex(b.toBytes())).toBe(before);
    expect(() => a.merge(new CountMinSketch({ width: 41, depth: 4 }))).toThrow('CountMinSketch.merge: incompatible sketches (width 40 vs 41)');
    expect(() => a.merge(new CountMinSketch({ ...options, seed: 9, conservative: true }))).toThrow(
      'CountMinSketch.merge: incompatible sketches (hash seed 0 vs 9, conservative false vs true)',
    );
    expect(() => a.merge(a)).toThrow('CountMinSketch.merge: cannot merge a sketch into itself');
  });
});

describe('CountMinSketch bytes', () => {
  test('round-trip is byte-identical and the restored sketch continues as the original', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.nat(1_000_000)), { maxLength: 100 }), fc.nat(0xffffffff), fc.boolean(), (pairs, seed, conservative) => {
        const sketch = build(pairs, { width: 30, depth: 3, seed, conservative });
        const bytes = sketch.toBytes();
        const restored = CountMinSketch.fromBytes(bytes);
        expect(hex(restored.toBytes())).toBe(hex(bytes));
        sketch.add('next', 2);
        restored.add('next', 2);
        expect(hex(restored.toBytes())).toBe(hex(sketch.toBytes()));
      }),
    );
  });

  test('corrupt, truncated and foreign input throw CorruptBytesError saying what is wrong', () => {
    const bytes = build([['a', 1]], { width: 8, depth: 2 }).toBytes();
    const flipped = bytes.slice();
    flipped[40]! ^= 1;
    expect(() => CountMinSketch.fromBytes(flipped)).toThrow(/checksum mismatch/);
    expect(() => CountMinSketch.fromBytes(bytes.subarray(0, 20))).toThrow(CorruptBytesError);
    expect(() => CountMinSketch.fromBytes(new TextEncoder().encode('CWHL and more bytes than thirty-two'))).toThrow(/not a CountMinSketch/);
    const future = bytes.slice();
    future[4] = 2;
    const view = new DataView(future.buffer);
    view.setUint32(future.length - 4, crc32(future, 0, future.length - 4), true);
    expect(() => CountMinSketch.fromBytes(future)).toThrow('CountMinSketch.fromBytes: unsupported version 2 (this build reads version 1)');
    const overfull = bytes.slice();
    new DataView(overfull.buffer).setFloat64(28, 5, true); // a counter above the total of 1
    new DataView(overfull.buffer).setUint32(overfull.length - 4, crc32(overfull, 0, overfull.length - 4), true);
    expect(() => CountMinSketch.fromBytes(overfull)).toThrow('CountMinSketch.fromBytes: counter 0 holds 5, not an integer in 0..total');
  });
});
