/**
 * CountMinSketch: how often a value occurred, in memory fixed by the error wanted, never below the
 * true count (Cormode & Muthukrishnan 2005).
 *
 * d rows of w counters. A value is hashed once with cw64 (`hash.ts`); its column in row i is
 * (a + i x b) mod w with a = hi mod w and b = 1 + lo mod (w - 1) from the two hash lanes (Kirsch &
 * Mitzenmacher's double hashing: two hash lanes give d row hashes; b is never 0). `add` increments the value's counter in every row; `estimate` is the
 * smallest of its d counters. Two values share a counter in every row only if they agree on both
 * a and b (probability about 1 / w^2), so a value that collides with a heavy one in one row
 * is rescued by the other rows: the reason for d rows (bloom-filters 3.0.4 builds one row whatever
 * depth is asked for, so every collision goes straight into its estimates: regression-tested).
 *
 * Parameters: from (epsilon, delta), w = ceil(e / epsilon) and d = ceil(ln(1 / delta)); or
 * `width` and `depth` directly (then epsilon = e / w and delta = e^-d).
 * Error bound: with N the total of all counts added, estimate >= true count always, and
 * estimate <= true count + epsilon x N with probability >= 1 - delta (for each queried value).
 * Conservative update (`conservative: true`, Estan & Varghese 2002) raises only the counters that
 * are below the new minimum: estimates are never larger than without it, the bound still holds,
 * but a merge of two such sketches (counters summed) is an upper bound, not the state that adding
 * both streams would give.
 * Memory: 8 B x w x d (Float64Array: counts exact up to 2^53); defaults epsilon 0.001, delta 0.01:
 * w = 2,719, d = 5, 108,760 B.
 * Time: add and estimate O(d) (one hash + d counter reads/writes); merge O(w x d); toBytes and
 * fromBytes O(w x d).
 *
 * Byte layout (little-endian), version 1:
 *   0  "CWCM"   4  u8 version   5  u8 hash id (1 = cw64)   6  u8 flags (bit 0: conservative)
 *   7  u8 0   8  u32 seed   12  u32 width   16  u32 depth   20  f64 total
 *   28 depth x width f64 counters, row by row   end-4  u32 CRC-32 of every preceding byte
 */
import { HASH_ID, hash64 } from './hash.js';
import { CorruptBytesError, crc32, openEnvelope, writeMagic } from './bytes.js';

export interface CountMinOptions {
  /** Additive error as a fraction of the total count: w = ceil(e / epsilon). Default 0.001. */
  epsilon?: number;
  /** Probability that an estimate exceeds the bound: d = ceil(ln(1 / delta)). Default 0.01. */
  delta?: number;
  /** Counters per row, instead of epsilon. */
  width?: number;
  /** Rows, instead of delta. */
  depth?: number;
  /** Hash seed (uint32); sketches merge only with the same seed. Default 0. */
  seed?: number;
  /** Conservative update: tighter estimates, merge no longer equals adding both streams. Default false. */
  conservative?: boolean;
}

/** A frequency estimate: the true count is in [lower, upper] with probability >= confidence. */
export interface FrequencyEstimate {
  /** The sketch's estimate: never below the true count. */
  value: number;
  /** max(0, value - errorBound). */
  lower: number;
  /** Equal to value (a Count-Min sketch never underestimates). */
  upper: number;
  /** epsilon x total: the largest overestimate, with probability >= confidence. */
  errorBound: number;
  /** 1 - delta. */
  confidence: number;
}

const MAGIC = 'CWCM';
const VERSION = 1;
const HEADER = 28;
const MAX_COUNTERS = 2 ** 26;
const FLAG_CONSERVATIVE = 1;
const SCRATCH = new Uint32Array(2);

/** The column step between rows: 1..w-1, never 0 (a 0 step would put a value in one column of every row). */
function stepOf(lo: number, w: number): number {
  return w > 1 ? 1 + ((lo >>> 0) % (w - 1)) : 0;
}

function resolveWidth(options: CountMinOptions): number {
  if (options.width !== undefined) {
    if (options.epsilon !== undefined) throw new RangeError('CountMinSketch: give epsilon or width, not both');
    return options.width;
  }
  const epsilon = options.epsilon ?? 0.001;
  if (!(epsilon > 0 && epsilon < 1)) throw new RangeError(`CountMinSketch: epsilon must be in (0, 1), got ${String(epsilon)}`);
  return Math.ceil(Math.E / epsilon);
}

function resolveDepth(options: CountMinOptions): number {
  if (options.depth !== undefined) {
    if (options.delta !== undefined) throw new RangeError('CountMinSketch: give delta or depth, not both');
    return options.depth;
  }
  const delta = options.delta ?? 0.01;
  if (!(delta > 0 && delta < 1)) throw new RangeError(`CountMinSketch: delta must be in (0, 1), got ${String(delta)}`);
  return Math.max(1, Math.ceil(Math.log(1 / delta)));
}

export class CountMinSketch {
  readonly width: number;
  readonly depth: number;
  readonly seed: number;
  readonly conservative: boolean;
  private readonly counters: Float64Array;
  private totalCount = 0;

  constructor(options: CountMinOptions = {}) {
    const width = resolveWidth(options);
    const depth = resolveDepth(options);
    const seed = options.seed ?? 0;
    if (!Number.isInteger(width) || width < 1) throw new RangeError(`CountMinSketch: width must be a positive integer, got ${String(width)}`);
    if (!Number.isInteger(depth) || depth < 1 || depth > 64) throw new RangeError(`CountMinSketch: depth must be an integer from 1 to 64, got ${String(depth)}`);
    if (width * depth > MAX_COUNTERS) throw new RangeError(`CountMinSketch: ${width} x ${depth} counters exceed the limit of ${MAX_COUNTERS}`);
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`CountMinSketch: seed must be a uint32, got ${String(seed)}`);
    this.width = width;
    this.depth = depth;
    this.seed = seed;
    this.conservative = options.conservative === true;
    this.counters = new Float64Array(width * depth);
  }

  /** e / width: the additive error as a fraction of `total`. */
  get epsilon(): number {
    return Math.E / this.width;
  }

  /** e^-depth: the probability that one estimate exceeds its bound. */
  get delta(): number {
    return Math.exp(-this.depth);
  }

  /** The sum of every count added. */
  get total(): number {
    return this.totalCount;
  }

  /** Bytes held by the counters. */
  get byteSize(): number {
    return this.counters.byteLength;
  }

  /** Adds `count` (a non-negative safe integer, default 1) occurrences of `value`. */
  add(value: string, count = 1): void {
    hash64(value, this.seed, SCRATCH);
    this.addHash(SCRATCH[0]!, SCRATCH[1]!, count);
  }

  /** Adds a value already hashed with `hash64(value, this.seed, out)` (`hi = out[0]`, `lo = out[1]`). */
  addHash(hi: number, lo: number, count = 1): void {
    if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`CountMinSketch.add: count must be a non-negative safe integer, got ${String(count)}`);
    if (count === 0) return;
    const w = this.width;
    const step = stepOf(lo, w);
    const c = this.counters;
    this.totalCount += count;
    if (!this.conservative) {
      let column = (hi >>> 0) % w;
      for (let offset = 0; offset < c.length; offset += w) {
        c[offset + column]! += count;
        column += step;
        if (column >= w) column -= w;
      }
      return;
    }
    const target = this.minimum(hi, lo) + count;
    let column = (hi >>> 0) % w;
    for (let offset = 0; offset < c.length; offset += w) {
      if (c[offset + column]! < target) c[offset + column] = target;
      column += step;
      if (column >= w) column -= w;
    }
  }

  /** How often `value` occurred: never less than the truth, at most `errorBound` more with probability 1 - delta. */
  estimate(value: string): FrequencyEstimate {
    hash64(value, this.seed, SCRATCH);
    return this.estimateHash(SCRATCH[0]!, SCRATCH[1]!);
  }

  estimateHash(hi: number, lo: number): FrequencyEstimate {
    const value = this.minimum(hi, lo);
    const errorBound = this.epsilon * this.totalCount;
    return { value, lower: Math.max(0, value - errorBound), upper: value, errorBound, confidence: 1 - this.delta };
  }

  /** Throws unless `other` can be merged into this sketch (same width, depth, hash, seed and update rule). */
  assertCompatible(other: CountMinSketch, operation = 'merge'): void {
    if (!(other instanceof CountMinSketch)) throw new TypeError(`CountMinSketch.${operation}: argument is not a CountMinSketch`);
    const problems: string[] = [];
    if (other.width !== this.width) problems.push(`width ${this.width} vs ${other.width}`);
    if (other.depth !== this.depth) problems.push(`depth ${this.depth} vs ${other.depth}`);
    if (other.seed !== this.seed) problems.push(`hash seed ${this.seed} vs ${other.seed}`);
    if (other.conservative !== this.conservative) problems.push(`conservative ${String(this.conservative)} vs ${String(other.conservative)}`);
    if (problems.length > 0) throw new Error(`CountMinSketch.${operation}: incompatible sketches (${problems.join(', ')})`);
  }

  /**
   * Adds `other`'s counts to this sketch (counters summed; never mutates `other`). Without
   * conservative update the result is the state that adding both streams gives.
   */
  merge(other: CountMinSketch): this {
    this.assertCompatible(other);
    if (other === this) throw new Error('CountMinSketch.merge: cannot merge a sketch into itself (it would double every count)');
    const a = this.counters;
    const b = other.counters;
    for (let i = 0; i < a.length; i++) a[i]! += b[i]!;
    this.totalCount += other.totalCount;
    return this;
  }

  clear(): void {
    this.counters.fill(0);
    this.totalCount = 0;
  }

  clone(): CountMinSketch {
    return CountMinSketch.fromBytes(this.toBytes());
  }

  /** Versioned, self-describing, checksummed bytes (layout in the file header). */
  toBytes(): Uint8Array {
    const out = new Uint8Array(HEADER + this.counters.length * 8 + 4);
    const view = new DataView(out.buffer);
    writeMagic(out, 0, MAGIC);
    out[4] = VERSION;
    out[5] = HASH_ID;
    out[6] = this.conservative ? FLAG_CONSERVATIVE : 0;
    view.setUint32(8, this.seed, true);
    view.setUint32(12, this.width, true);
    view.setUint32(16, this.depth, true);
    view.setFloat64(20, this.totalCount, true);
    for (let i = 0; i < this.counters.length; i++) view.setFloat64(HEADER + i * 8, this.counters[i]!, true);
    view.setUint32(out.length - 4, crc32(out, 0, out.length - 4), true);
    return out;
  }

  /** Rebuilds a sketch from `toBytes()` output; throws `CorruptBytesError` on anything else. */
  static fromBytes(bytes: Uint8Array): CountMinSketch {
    const view = openEnvelope('CountMinSketch', MAGIC, bytes, HEADER + 4);
    const fail = (problem: string): never => {
      throw new CorruptBytesError('CountMinSketch', problem);
    };
    if (bytes[4] !== VERSION) fail(`unsupported version ${bytes[4]} (this build reads version ${VERSION})`);
    if (bytes[5] !== HASH_ID) fail(`unknown hash id ${bytes[5]} (this build hashes with id ${HASH_ID}, cw64)`);
    const flags = bytes[6]!;
    if ((flags & ~FLAG_CONSERVATIVE) !== 0 || bytes[7] !== 0) fail(`unknown flags ${flags}`);
    const width = view.getUint32(12, true);
    const depth = view.getUint32(16, true);
    if (width < 1 || depth < 1 || depth > 64 || width * depth > MAX_COUNTERS) fail(`width ${width} x depth ${depth} out of range`);
    if (bytes.length !== HEADER + width * depth * 8 + 4) fail(`${bytes.length} bytes, the header implies ${HEADER + width * depth * 8 + 4}`);
    const sketch = new CountMinSketch({ width, depth, seed: view.getUint32(8, true), conservative: (flags & FLAG_CONSERVATIVE) !== 0 });
    const total = view.getFloat64(20, true);
    if (!Number.isSafeInteger(total) || total < 0) fail(`total ${total} is not a non-negative integer`);
    sketch.totalCount = total;
    for (let i = 0; i < width * depth; i++) {
      const c = view.getFloat64(HEADER + i * 8, true);
      if (!Number.isSafeInteger(c) || c < 0 || c > total) fail(`counter ${i} holds ${c}, not an integer in 0..total`);
      sketch.counters[i] = c;
    }
    return sketch;
  }

  // --- internals -------------------------------------------------------------------------------

  private minimum(hi: number, lo: number): number {
    const w = this.width;
    const step = stepOf(lo, w);
    const c = this.counters;
    let column = (hi >>> 0) % w;
    let min = Infinity;
    for (let offset = 0; offset < c.length; offset += w) {
      const v = c[offset + column]!;
      if (v < min) min = v;
      column += step;
      if (column >= w) column -= w;
    }
    return min;
  }
}
