import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { BottomKSample } from '../src/bottom-k.js';
import { hash64 } from '../src/hash.js';
import { ReservoirSample } from '../src/reservoir.js';
import { RecentSample } from '../src/recent.js';

function bottomK(values: Iterable<string>, k = 10, seed = 0): BottomKSample {
  const s = new BottomKSample(k);
  for (const v of values) s.add(v, seed);
  return s;
}

describe('BottomKSample', () => {
  test('keeps every distinct value while fewer than k, once each, and is exact', () => {
    const s = bottomK(['a', 'b', 'a', 'c', 'b', 'a'], 10);
    expect(s.values().sort()).toEqual(['a', 'b', 'c']);
    expect(s.estimate()).toEqual({ value: 3, exact: true, rse: 0 });
  });

  test('uniform over distinct values, whatever their frequency (chi-square over 400 seeds)', () => {
    // 20 distinct values; value 0 repeats 1,000 times, the others once. k = 5: each value should
    // be kept in 1/4 of the seeds, the frequent one included.
    const hits = new Array<number>(20).fill(0);
    for (let seed = 0; seed < 400; seed++) {
      const s = new BottomKSample(5);
      for (let r = 0; r < 1000; r++) s.add('v0', seed);
      for (let i = 1; i < 20; i++) s.add(`v${i}`, seed);
      for (const v of s.values()) hits[Number(v.slice(1))]! += 1;
    }
    const expected = 100;
    const chi2 = hits.reduce((sum, h) => sum + (h - expected) ** 2 / (expected * 0.75), 0);
    expect(chi2).toBeLessThan(43.8); // 19 degrees of freedom, p = 0.001
    expect(hits[0]).toBeLessThan(150); // the seed's "first seen" sample would keep v0 every time
  });

  test('deterministic and mergeable: merge(a, b) equals the sample of both streams', () => {
    const values = fc.array(fc.nat(300).map((n) => `w${n}`), { maxLength: 200 });
    fc.assert(
      fc.property(values, values, (a, b) => {
        const merged = bottomK(a).merge(bottomK(b));
        expect(merged.values()).toEqual(bottomK([...a, ...b]).values());
        expect(bottomK(b).merge(bottomK(a)).values()).toEqual(merged.values());
        expect(merged.toJSON()).toEqual(bottomK([...b, ...a]).toJSON());
      }),
    );
  });

  test('keeps exactly the k smallest hashes, in hash order, whatever the order and repeats of the offers', () => {
    const out = new Uint32Array(2);
    const hashOf = (v: string): bigint => {
      hash64(v, 0, out);
      return (BigInt(out[0]!) << 32n) | BigInt(out[1]!);
    };
    fc.assert(
      fc.property(fc.array(fc.nat(120).map((n) => `x${n}`), { maxLength: 300 }), fc.integer({ min: 1, max: 40 }), (stream, k) => {
        const model = [...new Set(stream)].sort((a, b) => (hashOf(a) < hashOf(b) ? -1 : 1)).slice(0, k);
        expect(bottomK(stream, k).values()).toEqual(model);
        // offerNew, for first occurrences only (as NamespaceReducer uses it behind an exact counter)
        const viaNew = new BottomKSample(k);
        const seen = new Set<string>();
        for (const v of stream) {
          if (seen.has(v)) continue;
          seen.add(v);
          hash64(v, 0, out);
          viaNew.offerNew(out[0]!, out[1]!, v);
        }
        expect(viaNew.toJSON()).toEqual(bottomK(stream, k).toJSON());
        expect(viaNew.cutoffHi).toBe(model.length === k ? Number(hashOf(model[k - 1]!) >> 32n) : 0xffffffff);
      }),
    );
  });

  test('large samples (deeper heaps): the k smallest hashes, also after merging samples filled in any order', () => {
    const out = new Uint32Array(2);
    const hashOf = (v: string): bigint => {
      hash64(v, 0, out);
      return (BigInt(out[0]!) << 32n) | BigInt(out[1]!);
    };
    fc.assert(
      fc.property(fc.array(fc.nat(5000).map((n) => `y${n}`), { minLength: 100, maxLength: 3000 }), fc.integer({ min: 41, max: 300 }), (stream, k) => {
        const model = [...new Set(stream)].sort((a, b) => (hashOf(a) < hashOf(b) ? -1 : 1)).slice(0, k);
        expect(bottomK(stream, k).values()).toEqual(model);
        const third = Math.floor(stream.length / 3);
        const merged = bottomK(stream.slice(0, third), k).merge(bottomK(stream.slice(third).reverse(), k));
        expect(merged.toJSON()).toEqual(bottomK(stream, k).toJSON());
      }),
      { numRuns: 40 },
    );
  });

  test('estimates the distinct count within 3 / sqrt(k - 2)', () => {
    const s = new BottomKSample(100);
    for (let i = 0; i < 100_000; i++) s.add(`id-${i}`, 3);
    const e = s.estimate();
    expect(e.exact).toBe(false);
    expect(Math.abs(e.value / 100_000 - 1)).toBeLessThan(3 * e.rse);
    const accuracy = s.accuracy(100_000);
    expect(accuracy.relativeDifference).toBeCloseTo(e.value / 100_000 - 1, 10);
    expect(accuracy.expectedRse).toBeCloseTo(1 / Math.sqrt(98), 10);
  });

  test('long values are kept truncated, hashed whole', () => {
    const s = new BottomKSample(2, 4);
    s.add('abcdefgh');
    s.add('abcdefgX');
    expect(s.size).toBe(2);
    expect(s.values()).toEqual(['abcd', 'abcd']);
  });

  test('JSON round trip and corrupt JSON', () => {
    const s = bottomK(Array.from({ length: 50 }, (_, i) => `x${i}`), 10);
    const back = BottomKSample.fromJSON(JSON.parse(JSON.stringify(s.toJSON())));
    expect(back.toJSON()).toEqual(s.toJSON());
    const json = s.toJSON();
    expect(() => BottomKSample.fromJSON({ ...json, values: json.values.slice(1) })).toThrow(/hash bytes/);
    expect(() => BottomKSample.fromJSON({ ...json, values: [...json.values].reverse(), hashes: Buffer.from(Buffer.from(json.hashes, 'base64').reverse()).toString('base64') })).toThrow(/ascending/);
  });

  test('rejects bad k and mismatched merges', () => {
    expect(() => new BottomKSample(0)).toThrow(/^BottomKSample: k/);
    expect(() => new BottomKSample(5).merge(new BottomKSample(6))).toThrow(/k 5 vs 6/);
  });
});

describe('ReservoirSample (Algorithm L)', () => {
  test('every item is kept with probability k / n (1,000 seeds, 100 items, k = 10)', () => {
    const hits = new Array<number>(100).fill(0);
    for (let seed = 0; seed < 1000; seed++) {
      const r = new ReservoirSample<number>(10, seed);
      for (let i = 0; i < 100; i++) r.offer(i);
      expect(r.size).toBe(10);
      for (const i of r.values()) hits[i]! += 1;
    }
    // expected 100 each; binomial sd ~ 9.5
    for (const h of hits) expect(Math.abs(h - 100)).toBeLessThan(45);
    const firstHalf = hits.slice(0, 50).reduce((a, b) => a + b, 0);
    expect(Math.abs(firstHalf - 5000)).toBeLessThan(300);
  });

  test('seeded: the same seed gives the same sample, another seed another one', () => {
    const run = (seed: number) => {
      const r = new ReservoirSample<number>(5, seed);
      for (let i = 0; i < 10_000; i++) r.offer(i);
      return r.values();
    };
    expect(run(1)).toEqual(run(1));
    expect(run(1)).not.toEqual(run(2));
  });

  test('merge draws in proportion to the streams (900 vs 100 items)', () => {
    let fromBig = 0;
    for (let seed = 0; seed < 200; seed++) {
      const a = new ReservoirSample<string>(10, seed);
      const b = new ReservoirSample<string>(10, seed + 1000);
      for (let i = 0; i < 900; i++) a.offer('a');
      for (let i = 0; i < 100; i++) b.offer('b');
      a.merge(b);
      expect(a.seen).toBe(1000);
      fromBig += a.values().filter((v) => v === 'a').length;
    }
    expect(fromBig / 2000).toBeGreaterThan(0.85);
    expect(fromBig / 2000).toBeLessThan(0.95);
  });

  test('JSON round trip continues the same random sequence', () => {
    const a = new ReservoirSample<number>(4, 9);
    for (let i = 0; i < 50; i++) a.offer(i);
    const b = ReservoirSample.fromJSON<number>(JSON.parse(JSON.stringify(a.toJSON())));
    for (let i = 50; i < 500; i++) {
      a.offer(i);
      b.offer(i);
    }
    expect(b.values()).toEqual(a.values());
  });
});

describe('RecentSample (ring buffer)', () => {
  test('keeps the last k items, oldest first', () => {
    const r = new RecentSample<number>(3);
    for (let i = 0; i < 10; i++) r.offer(i);
    expect(r.values()).toEqual([7, 8, 9]);
    expect(r.seen).toBe(10);
  });

  test('merge keeps the k latest by time', () => {
    const a = new RecentSample<number>(3);
    const b = new RecentSample<number>(3);
    [1, 5, 9].forEach((t) => a.offer(t));
    [2, 6, 7].forEach((t) => b.offer(t));
    expect(a.merge(b, (t) => t).values()).toEqual([6, 7, 9]);
    expect(a.seen).toBe(6);
  });

  test('JSON round trip', () => {
    const r = new RecentSample<string>(2);
    ['x', 'y', 'z'].forEach((v) => r.offer(v));
    expect(RecentSample.fromJSON<string>(r.toJSON()).toJSON()).toEqual(r.toJSON());
    expect(() => RecentSample.fromJSON({ k: 2, seen: 3, items: ['x'] })).toThrow(/items/);
  });
});
