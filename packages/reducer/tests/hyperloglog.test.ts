import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { HyperLogLog, INSERT_MAYBE_REPEAT, INSERT_NEW, INSERT_REPEAT } from '../src/hyperloglog.js';
import { CorruptBytesError, crc32 } from '../src/bytes.js';
import { hash64 } from '../src/hash.js';
import { stream, hex, heapUsed, type Dataset } from './helpers.js';

function build(values: Iterable<string>, options: ConstructorParameters<typeof HyperLogLog>[0] = {}): HyperLogLog {
  const h = new HyperLogLog(options);
  for (const v of values) h.add(v);
  return h;
}

/** Decodes the 6-bit dense registers from a sketch's bytes (layout in hyperloglog.ts). */
function denseRegisters(h: HyperLogLog): number[] {
  const bytes = h.toBytes();
  expect(bytes[7]).toBe(2);
  const m = 2 ** h.precision;
  const regs: number[] = [];
  for (let i = 0; i < m; i++) {
    const bit = i * 6;
    const byte = 20 + (bit >>> 3);
    regs.push((((bytes[byte] ?? 0) | ((bytes[byte + 1] ?? 0) << 8)) >>> (bit & 7)) & 63);
  }
  return regs;
}

interface GridPoint {
  dataset: Dataset;
  precision: number;
  distinct: number;
}

describe('HyperLogLog accuracy against exact counts', () => {
  const points: GridPoint[] = [];
  const datasets: Dataset[] = ['uniform', 'zipf', 'all-duplicates', 'adversarial-repeats'];
  for (const dataset of datasets) for (const distinct of [10, 100, 256, 1_000, 10_000, 100_000, 1_000_000]) points.push({ dataset, precision: 14, distinct });
  for (let precision = 4; precision <= 18; precision++) for (const distinct of [200, 2_000, 50_000]) points.push({ dataset: 'uniform', precision, distinct });

  const results: { truth: number; lower: number; upper: number }[] = [];

  test.each(points)('$dataset, $distinct distinct, precision $precision: within 3 x stated standard error, exact below the exact threshold', ({ dataset, precision, distinct }) => {
    const h = new HyperLogLog({ precision, seed: distinct + precision });
    const truth = stream(dataset, distinct, precision * 1000 + distinct, (v) => h.add(v));
    const e = h.estimate();
    results.push({ truth, lower: e.lower95, upper: e.upper95 });
    if (truth <= h.exactLimit) {
      expect(e).toEqual({ value: truth, exact: true, rse: 0, lower95: truth, upper95: truth });
    } else {
      expect(e.exact).toBe(false);
      expect(Math.abs(e.value - truth) / truth).toBeLessThanOrEqual(3 * e.rse);
      expect(e.rse).toBeLessThanOrEqual(1.04 / Math.sqrt(2 ** precision) + 1e-12);
    }
  });

  test('95 % intervals cover the truth at least 85 % of the time over the grid', () => {
    expect(results.length).toBe(points.length);
    const covered = results.filter((r) => r.lower <= r.truth && r.truth <= r.upper).length;
    expect(covered / results.length).toBeGreaterThanOrEqual(0.85);
  });

  test('10^7 distinct values at the default precision: within 3 x 0.81 %', () => {
    const h = new HyperLogLog();
    for (let i = 0; i < 10_000_000; i++) h.add(`wf-${i}`);
    const e = h.estimate();
    expect(Math.abs(e.value / 1e7 - 1)).toBeLessThanOrEqual(3 * e.rse);
    expect(e.rse).toBeCloseTo(0.0081, 4);
  }, 60_000);

  test('the stated standard error is honest: RMS error over 40 sketches is 0.6..1.4 x rse, mean within 3 rse / sqrt(40)', () => {
    const errors: number[] = [];
    let rse = 0;
    for (let seed = 0; seed < 40; seed++) {
      const h = new HyperLogLog({ precision: 10, seed });
      for (let i = 0; i < 20_000; i++) h.add(`${seed}:${i}`);
      const e = h.estimate();
      rse = e.rse;
      errors.push(e.value / 20_000 - 1);
    }
    const rms = Math.sqrt(errors.reduce((s, x) => s + x * x, 0) / errors.length);
    const mean = errors.reduce((s, x) => s + x, 0) / errors.length;
    expect(rms / rse).toBeGreaterThan(0.6);
    expect(rms / rse).toBeLessThan(1.4);
    expect(Math.abs(mean)).toBeLessThan((3 * rse) / Math.sqrt(40));
  });

  test('exact up to the exact limit (default 256), then sparse, then dense at 12,288 bytes', () => {
    const h = new HyperLogLog();
    for (let i = 0; i < 256; i++) h.add(`v${i}`);
    expect(h.representation).toBe('exact');
    expect(h.estimate().value).toBe(256);
    h.add('v256');
    expect(h.representation).toBe('sparse');
    for (let i = 257; i < 5000; i++) h.add(`v${i}`);
    expect(h.representation).toBe('dense');
    expect(h.toBytes().length).toBe(20 + 12_288 + 4);
  });
});

describe('HyperLogLog sparse mode', () => {
  /** The sparse entries a sketch must hold for `values`: per 25-bit index the largest rank, ascending. */
  function sparseModel(values: string[], seed = 0): number[] {
    const out = new Uint32Array(2);
    const best = new Map<number, number>();
    for (const v of values) {
      hash64(v, seed, out);
      const w = out[0]! << 25;
      const rank = w !== 0 ? Math.clz32(w) + 1 : 7 + Math.clz32(out[1]!) + 1;
      const index = out[0]! >>> 7;
      best.set(index, Math.max(best.get(index) ?? 0, rank));
    }
    return [...best].map(([index, rank]) => ((index << 6) | rank) >>> 0).sort((a, b) => a - b);
  }

  function sparseEntries(h: HyperLogLog): number[] {
    const bytes = h.toBytes();
    expect(bytes[7]).toBe(1);
    const view = new DataView(bytes.buffer);
    return Array.from({ length: view.getUint32(16, true) }, (_, i) => view.getUint32(20 + 4 * i, true));
  }

  test('the table grows from the size of the exact set it replaces, keeping every entry, up to the dense size', () => {
    const h = new HyperLogLog();
    const values: string[] = [];
    const sizes = new Set<number>();
    for (let i = 0; i < 1536; i++) {
      values.push(`id-${i}`);
      h.add(`id-${i}`);
      if (i >= 256) {
        sizes.add(h.byteSize);
        if (i % 97 === 0 || i === 1535) expect(sparseEntries(h)).toEqual(sparseModel(values));
      }
    }
    expect(h.representation).toBe('sparse');
    expect([...sizes]).toEqual([2048, 4096, 8192]);
    h.add('id-1536');
    expect(h.representation).toBe('dense');
  });

  test('a sparse sketch rebuilt from bytes or merged grows the same way (any seed, small exact limits)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.nat(5), fc.array(fc.nat(3000), { maxLength: 900 }), (exactLimit, seed, ids) => {
        const values = ids.map((i) => `w${i}`);
        const h = build(values, { precision: 14, exactLimit, seed });
        if (h.representation !== 'sparse') return;
        expect(sparseEntries(h)).toEqual(sparseModel(values, seed));
        expect(hex(HyperLogLog.fromBytes(h.toBytes()).toBytes())).toBe(hex(h.toBytes()));
        const half = values.length >> 1;
        const merged = build(values.slice(0, half), { precision: 14, exactLimit, seed }).merge(build(values.slice(half), { precision: 14, exactLimit, seed }));
        expect(hex(merged.toBytes())).toBe(hex(h.toBytes()));
      }),
    );
  });
});

describe('regressions for the anchor bugs', () => {
  test('ranks start at 1: a hash whose first bit after the index is 1 sets its register to 1 (bloom-filters 3.0.4 sets 0)', () => {
    const h = new HyperLogLog({ precision: 4, exactLimit: 0 });
    for (let i = 0; i < 16; i++) h.addHash(((i << 28) | (1 << 27)) >>> 0, 0x12345678);
    expect(h.representation).toBe('dense');
    expect(denseRegisters(h)).toEqual(new Array(16).fill(1));
    // all 60 bits after the index zero: the largest rank, q + 1 = 61
    h.addHash(0, 0);
    expect(denseRegisters(h)[0]).toBe(61);
  });

  test('the same rank comes out whether a value went through sparse mode or straight to dense', () => {
    const out = new Uint32Array(2);
    const viaSparse = new HyperLogLog({ precision: 12 });
    const direct = new HyperLogLog({ precision: 12, exactLimit: 0 });
    for (let i = 0; i < 300; i++) {
      hash64(`x${i}`, 0, out);
      viaSparse.addHash(out[0]!, out[1]!);
    }
    expect(viaSparse.representation).toBe('sparse');
    const sparseCopy = viaSparse.clone();
    for (let i = 0; i < 1000; i++) viaSparse.add(`x${i}`);
    for (let i = 0; i < 1000; i++) direct.add(`x${i}`);
    expect(viaSparse.representation).toBe('dense');
    expect(denseRegisters(viaSparse)).toEqual(denseRegisters(direct));
    expect(sparseCopy.estimate().value).toBeCloseTo(300, 0);
  });

  test('no halving at 1,000 distinct values (bloom-filters 3.0.4 estimates about 500)', () => {
    const h = new HyperLogLog({ exactLimit: 0 });
    for (let i = 0; i < 1000; i++) h.add(`id-${i}`);
    expect(Math.abs(h.estimate().value - 1000)).toBeLessThan(10);
    const dense = new HyperLogLog({ precision: 8, exactLimit: 0 });
    for (let i = 0; i < 1000; i++) dense.add(`id-${i}`);
    expect(dense.representation).toBe('dense');
    expect(Math.abs(dense.estimate().value / 1000 - 1)).toBeLessThan(3 * (1.04 / 16));
  });
});

describe('HyperLogLog merge', () => {
  // precision 10, exactLimit 16: exact up to 16 values, sparse up to 96 entries, then dense, so
  // arrays of up to 300 values cross every mode.
  const options = { precision: 10, exactLimit: 16 };
  const values = fc.array(fc.nat(400).map((n) => `v${n}`), { maxLength: 300 });

  test('merge(a, b) has the bytes of one sketch fed both streams (lossless)', () => {
    fc.assert(
      fc.property(values, values, (a, b) => {
        const merged = build(a, options).merge(build(b, options));
        expect(hex(merged.toBytes())).toBe(hex(build([...a, ...b], options).toBytes()));
      }),
    );
  });

  test('commutative, associative and idempotent (byte-identical)', () => {
    fc.assert(
      fc.property(values, values, values, (a, b, c) => {
        const ab = build(a, options).merge(build(b, options));
        const ba = build(b, options).merge(build(a, options));
        expect(hex(ab.toBytes())).toBe(hex(ba.toBytes()));
        const left = build(a, options).merge(build(b, options)).merge(build(c, options));
        const right = build(a, options).merge(build(b, options).merge(build(c, options)));
        expect(hex(left.toBytes())).toBe(hex(right.toBytes()));
        const once = build(a, options);
        const twice = build(a, options).merge(build(a, options));
        expect(hex(twice.toBytes())).toBe(hex(once.toBytes()));
      }),
    );
  });

  test('never mutates its argument', () => {
    const a = build(['x', 'y'], options);
    const b = build(Array.from({ length: 200 }, (_, i) => `b${i}`), options);
    const before = hex(b.toBytes());
    a.merge(b);
    expect(hex(b.toBytes())).toBe(before);
  });

  test.each([
    [{ precision: 12 }, /precision 14 vs 12/],
    [{ seed: 7 }, /hash seed 0 vs 7/],
    [{ exactLimit: 10 }, /exactLimit 256 vs 10/],
  ])('rejects a sketch with different parameters %j', (other, message) => {
    expect(() => new HyperLogLog().merge(new HyperLogLog(other))).toThrow(message);
  });

  test.each([[{ precision: 3 }], [{ precision: 19 }], [{ precision: 14.5 }], [{ seed: -1 }], [{ exactLimit: 70_000 }]])('constructor rejects %j with a message naming the structure', (bad) => {
    expect(() => new HyperLogLog(bad)).toThrow(/^HyperLogLog: /);
  });
});

describe('HyperLogLog insertHash (what the reducer uses to skip a sample\'s duplicate check)', () => {
  function insert(h: HyperLogLog, value: string): number {
    const out = new Uint32Array(2);
    hash64(value, h.seed, out);
    return h.insertHash(out[0]!, out[1]!);
  }

  test('a repeat is never reported new, in any mode; exact mode reports it as a repeat', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3_000 }), { minLength: 1, maxLength: 4_000 }), fc.constantFrom(0, 16, 256), (ids, exactLimit) => {
        const h = new HyperLogLog({ precision: 10, exactLimit });
        const seen = new Set<number>();
        for (const id of ids) {
          const exact = h.isExact;
          const learnt = insert(h, `wf-${id}`);
          if (seen.has(id)) expect(learnt).toBe(exact ? INSERT_REPEAT : INSERT_MAYBE_REPEAT);
          else if (exact) expect(learnt).toBe(INSERT_NEW);
          else expect(learnt).not.toBe(INSERT_REPEAT);
          seen.add(id);
        }
      }),
      { numRuns: 60 },
    );
  });

  test('a value that changes the exact set, a sparse entry or a dense register is reported new, one that changes nothing is not', () => {
    for (const exactLimit of [0, 16, 256]) {
      const h = new HyperLogLog({ precision: 10, exactLimit });
      const modes = new Map<string, { reportedNew: number; unchanged: number }>();
      for (let i = 0; i < 8_000; i++) {
        const mode = h.representation;
        const before = Buffer.from(h.toBytes());
        const learnt = insert(h, `id-${i % 6_000}`);
        const changed = !before.equals(h.toBytes());
        expect(learnt === INSERT_NEW).toBe(changed);
        const tally = modes.get(mode) ?? { reportedNew: 0, unchanged: 0 };
        if (changed) tally.reportedNew++;
        else tally.unchanged++;
        modes.set(mode, tally);
      }
      // every mode the sketch went through saw both outcomes (dense: most values raise nothing)
      expect([...modes.keys()].sort()).toEqual(exactLimit === 16 ? ['dense', 'exact', 'sparse'] : exactLimit === 0 ? ['dense', 'sparse'] : ['dense', 'exact']);
      expect(modes.get('dense')!.reportedNew).toBeGreaterThan(100);
      expect(modes.get('dense')!.unchanged).toBeGreaterThan(1_000);
    }
  });
});

describe('HyperLogLog keepExactValues (what the reducer builds exact-mode samples from)', () => {
  function insert(h: HyperLogLog, value: string): void {
    const out = new Uint32Array(2);
    hash64(value, h.seed, out);
    h.insertHash(out[0]!, out[1]!, value);
  }

  function held(h: HyperLogLog): Map<string, string> {
    const seen = new Map<string, string>();
    h.visitExactValues((hi, lo, value) => seen.set(`${hi >>> 0}:${lo >>> 0}`, value));
    return seen;
  }

  test('each distinct hash keeps the first value inserted with it, through table growth; release hands them over once', () => {
    const h = new HyperLogLog({ exactLimit: 256 });
    expect(h.canKeepExactValues).toBe(true);
    h.keepExactValues();
    const expected = new Map<string, string>();
    for (let i = 0; i < 600; i++) {
      const value = `wf-${(i * 7) % 200}`;
      insert(h, value);
      const out = new Uint32Array(2);
      hash64(value, 0, out);
      if (!expected.has(`${out[0]}:${out[1]}`)) expected.set(`${out[0]}:${out[1]}`, value);
    }
    expect(h.exactSize).toBe(200);
    expect(held(h)).toEqual(expected);
    const bytes = hex(h.toBytes());
    const released = new Map<string, string>();
    h.releaseExactValues((hi, lo, value) => released.set(`${hi >>> 0}:${lo >>> 0}`, value));
    expect(released).toEqual(expected);
    expect(h.keepsExactValues).toBe(false);
    expect(held(h).size).toBe(0);
    expect(hex(h.toBytes())).toBe(bytes); // keeping values never changes the sketch
  });

  test('only on an empty exact sketch whose bound has room for the references (not at low precision)', () => {
    const h = new HyperLogLog();
    insert(h, 'a');
    expect(() => h.keepExactValues()).toThrow(/only on an empty exact-mode sketch/);
    expect(new HyperLogLog({ precision: 8 }).canKeepExactValues).toBe(false); // 193 B of registers < 4 KB of references
    expect(new HyperLogLog({ exactLimit: 0 }).canKeepExactValues).toBe(false);
    const cleared = new HyperLogLog();
    cleared.keepExactValues();
    insert(cleared, 'a');
    cleared.clear();
    expect(cleared.keepsExactValues).toBe(false);
  });
});

describe('HyperLogLog bytes', () => {
  test('round-trip is byte-identical in every mode and precision', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 18 }), fc.array(fc.nat(5000).map(String), { maxLength: 2000 }), fc.nat(3), (precision, vs, limitChoice) => {
        const exactLimit = [0, 16, 256, 1000][limitChoice]!;
        const h = build(vs, { precision, exactLimit, seed: 99 });
        const bytes = h.toBytes();
        const back = HyperLogLog.fromBytes(bytes);
        expect(hex(back.toBytes())).toBe(hex(bytes));
        expect(back.estimate()).toEqual(h.estimate());
      }),
      { numRuns: 60 },
    );
  });

  const sample = () => build(Array.from({ length: 300 }, (_, i) => `v${i}`));

  test('a flipped bit fails the checksum with a clear error', () => {
    const bytes = sample().toBytes();
    bytes[25]! ^= 0x10;
    expect(() => HyperLogLog.fromBytes(bytes)).toThrow(CorruptBytesError);
    expect(() => HyperLogLog.fromBytes(bytes)).toThrow(/checksum mismatch/);
  });

  test('truncated and foreign input', () => {
    const bytes = sample().toBytes();
    expect(() => HyperLogLog.fromBytes(bytes.subarray(0, 10))).toThrow(/truncated/);
    expect(() => HyperLogLog.fromBytes(bytes.subarray(0, bytes.length - 1))).toThrow(/checksum|payload/);
    expect(() => HyperLogLog.fromBytes(new TextEncoder().encode('{"not":"a sketch at all"}'))).toThrow(/not a HyperLogLog/);
  });

  function resealed(mutate: (b: Uint8Array) => void): Uint8Array {
    const bytes = sample().toBytes();
    mutate(bytes);
    new DataView(bytes.buffer).setUint32(bytes.length - 4, crc32(bytes, 0, bytes.length - 4), true);
    return bytes;
  }

  test.each([
    ['a future version', (b: Uint8Array) => (b[4] = 2), /unsupported version 2/],
    ['another hash', (b: Uint8Array) => (b[5] = 9), /unknown hash id 9/],
    ['precision out of range', (b: Uint8Array) => (b[6] = 30), /precision 30/],
    ['unknown mode', (b: Uint8Array) => (b[7] = 5), /unknown mode 5/],
    ['count disagreeing with the payload', (b: Uint8Array) => (b[16] = 1), /payload is/],
  ])('well-sealed but invalid: %s', (_name, mutate, message) => {
    expect(() => HyperLogLog.fromBytes(resealed(mutate))).toThrow(message);
  });
});

describe('HyperLogLog memory', () => {
  test('10^6 distinct values: 12,289 bytes of registers and no heap growth beyond the sketch', () => {
    const h = new HyperLogLog();
    const before = heapUsed();
    for (let i = 0; i < 1_000_000; i++) h.add(`workflow-${i}`);
    const after = heapUsed();
    expect(h.byteSize).toBe(12_289);
    expect(h.maxByteSize).toBeLessThan(17_000);
    expect(after - before).toBeLessThan(1_000_000);
  });
});
