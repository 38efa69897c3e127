/**
 * BottomKSample: a uniform sample of k distinct values, chosen as the k values with the smallest
 * 64-bit cw64 hashes (a KMV sketch that keeps the values).
 *
 * Uniform over distinct values (every distinct value is equally likely to be kept, however often it
 * repeats), deterministic (same set of values, same seed: same sample), and mergeable (the bottom-k
 * of a union is the bottom-k of the two bottom-ks), so it replaces the seed's "first 100 seen".
 * It also estimates the number of distinct values: (k - 1) / U(k), U(k) the k-th smallest hash
 * as a fraction of 2^64, relative standard error about 1 / sqrt(k - 2); exact while fewer than k
 * distinct values were seen. `accuracy(counterEstimate)` compares that estimate with a
 * HyperLogLog's (the seed's planned "sample accuracy vs actual cardinality").
 *
 * Memory: 8 B x capacity for the hashes (two Uint32Arrays) + one string reference per kept value
 * (values longer than `maxValueLength` are kept truncated; their hash is of the full value);
 * capacity grows by doubling from 8 up to k, never per item.
 * Layout: the kept entries are unordered; the largest hash and its position are tracked. An insert
 * into a full sample overwrites the largest entry and rescans the k hashes for the next largest:
 * one sequential pass over 4k bytes, where keeping them sorted moved half of three arrays per
 * insert and touched about twice as many cold cache lines. Sorting happens on read (`values`,
 * `toJSON`), which is rare next to `offer`.
 * Time: offer O(1) when the hash is above the current k-th smallest (the common case once full),
 * else O(k) (duplicate check and rescan, one pass each; `offerNew` skips the duplicate check);
 * merge O(k_a x k_b) worst case, O(k_b) into an empty sample; values and toJSON O(k log k).
 *
 * Serialised (inside the reducer's state): { k, hashes: base64 of count x (u32 hi, u32 lo) LE,
 * ascending, values: string[] in the same order }.
 */
import { hash64 } from './hash.js';
import { fromBase64, toBase64 } from './bytes.js';

const SCRATCH = new Uint32Array(2);

export interface BottomKJSON {
  k: number;
  hashes: string;
  values: string[];
}

export class BottomKSample {
  readonly k: number;
  readonly maxValueLength: number;
  /** Entry i: hash (his[i], los[i]) and value vals[i], for i < n, in no particular order. */
  private his: Uint32Array;
  private los: Uint32Array;
  private vals: string[];
  private n = 0;
  /** The largest kept hash and its position (meaningful when n > 0). */
  private maxHi = 0;
  private maxLo = 0;
  private maxAt = 0;

  constructor(k: number, maxValueLength = 256) {
    if (!Number.isInteger(k) || k < 1 || k > 1_000_000) {
      throw new RangeError(`BottomKSample: k must be an integer from 1 to 1,000,000, got ${String(k)}`);
    }
    if (!Number.isInteger(maxValueLength) || maxValueLength < 1) {
      throw new RangeError(`BottomKSample: maxValueLength must be a positive integer, got ${String(maxValueLength)}`);
    }
    this.k = k;
    this.maxValueLength = maxValueLength;
    const capacity = Math.min(k, 8);
    this.his = new Uint32Array(capacity);
    this.los = new Uint32Array(capacity);
    this.vals = new Array<string>(capacity).fill('');
  }

  /** Number of values kept (min(k, distinct values seen)). */
  get size(): number {
    return this.n;
  }

  /**
   * Any offer whose high lane is above this is rejected: the largest kept high lane once full,
   * else 0xffffffff. A caller that keeps it next to its own state skips most offers without
   * touching the sample's memory.
   */
  get cutoffHi(): number {
    return this.n === this.k ? this.maxHi : 0xffffffff;
  }

  /** Offers a value hashed with the given seed (convenience; allocation-free). */
  add(value: string, seed = 0): boolean {
    hash64(value, seed, SCRATCH);
    return this.offer(SCRATCH[0]!, SCRATCH[1]!, value);
  }

  /** Offers a value with its precomputed hash; returns true when the sample changed. */
  offer(hi: number, lo: number, value: string): boolean {
    return this.insert(hi | 0, lo | 0, value, true);
  }

  /**
   * @internal `offer` for a value the caller knows was never offered before (a distinct counter in
   * exact mode just counted it as new): skips the duplicate check.
   */
  offerNew(hi: number, lo: number, value: string): boolean {
    return this.insert(hi | 0, lo | 0, value, false);
  }

  /** The sampled values, in hash order (a uniformly random order). */
  values(): string[] {
    return this.ascending().map((i) => this.vals[i]!);
  }

  /** Estimated number of distinct values offered: exact below k, else (k - 1) / U(k). */
  estimate(): { value: number; exact: boolean; rse: number } {
    if (this.n < this.k) return { value: this.n, exact: true, rse: 0 };
    const u = (this.maxHi * 4294967296 + this.maxLo + 1) / 18446744073709551616;
    return { value: (this.k - 1) / u, exact: false, rse: this.k > 2 ? 1 / Math.sqrt(this.k - 2) : 1 };
  }

  /**
   * Sample accuracy against a distinct counter: how far this sample's own estimate is from the
   * counter's (`relativeDifference`), and the difference expected from the sample's size alone
   * (`expectedRse`). A relativeDifference well above 3 x expectedRse means the sample or the
   * counter was fed a different stream.
   */
  accuracy(counterEstimate: number): { sampleEstimate: number; counterEstimate: number; relativeDifference: number; expectedRse: number } {
    const own = this.estimate();
    return {
      sampleEstimate: own.value,
      counterEstimate,
      relativeDifference: counterEstimate > 0 ? (own.value - counterEstimate) / counterEstimate : own.value === 0 ? 0 : 1,
      expectedRse: own.rse,
    };
  }

  /** Keeps the k smallest hashes of both samples; never mutates `other`. */
  merge(other: BottomKSample): this {
    if (!(other instanceof BottomKSample)) throw new TypeError('BottomKSample.merge: argument is not a BottomKSample');
    if (other.k !== this.k) throw new Error(`BottomKSample.merge: incompatible samples (k ${this.k} vs ${other.k})`);
    if (other === this) return this;
    // Into an empty sample (fromJSON, a new namespace in a merge) the other's distinct entries are
    // copied without duplicate checks: O(k) instead of O(k^2).
    const checkDuplicate = this.n > 0;
    for (let i = 0; i < other.n; i++) this.insert(other.his[i]!, other.los[i]!, other.vals[i]!, checkDuplicate);
    return this;
  }

  clear(): void {
    this.n = 0;
    this.maxHi = 0;
    this.maxLo = 0;
    this.maxAt = 0;
    this.vals.fill('');
  }

  toJSON(): BottomKJSON {
    const order = this.ascending();
    const bytes = new Uint8Array(this.n * 8);
    const view = new DataView(bytes.buffer);
    order.forEach((entry, i) => {
      view.setUint32(i * 8, this.his[entry]!, true);
      view.setUint32(i * 8 + 4, this.los[entry]!, true);
    });
    return { k: this.k, hashes: toBase64(bytes), values: order.map((entry) => this.vals[entry]!) };
  }

  static fromJSON(json: BottomKJSON, maxValueLength = 256): BottomKSample {
    if (json === null || typeof json !== 'object' || !Number.isInteger(json.k) || typeof json.hashes !== 'string' || !Array.isArray(json.values)) {
      throw new Error('BottomKSample.fromJSON: expected { k, hashes, values }');
    }
    const sample = new BottomKSample(json.k, maxValueLength);
    const bytes = fromBase64(json.hashes);
    if (bytes.length !== json.values.length * 8 || json.values.length > json.k) {
      throw new Error(`BottomKSample.fromJSON: ${bytes.length} hash bytes for ${json.values.length} values (k = ${json.k})`);
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let prevHi = -1;
    let prevLo = -1;
    for (let i = 0; i < json.values.length; i++) {
      const hi = view.getUint32(i * 8, true);
      const lo = view.getUint32(i * 8 + 4, true);
      const value = json.values[i];
      if (typeof value !== 'string') throw new Error(`BottomKSample.fromJSON: value ${i} is not a string`);
      if (hi < prevHi || (hi === prevHi && lo <= prevLo)) throw new Error('BottomKSample.fromJSON: hashes are not strictly ascending');
      prevHi = hi;
      prevLo = lo;
      sample.insert(hi, lo, value, false);
    }
    return sample;
  }

  /** Positions of the kept entries in ascending hash order. */
  private ascending(): number[] {
    const his = this.his;
    const los = this.los;
    const order = Array.from({ length: this.n }, (_, i) => i);
    return order.sort((a, b) => his[a]! - his[b]! || los[a]! - los[b]!);
  }

  /**
   * Inserts unless the hash is not among the k smallest (or, when checked, already kept). The hash
   * may come as int32 or uint32 bits: callers on the hot path pass int32 (`| 0`), which V8 hands
   * over unboxed; a uint32 above 2^31 would be boxed as a heap number on every call.
   */
  private insert(hiBits: number, loBits: number, value: string, checkDuplicate: boolean): boolean {
    const hi = hiBits >>> 0;
    const lo = loBits >>> 0;
    const n = this.n;
    if (n === this.k && (hi > this.maxHi || (hi === this.maxHi && lo >= this.maxLo))) return false;
    if (checkDuplicate && this.holds(hi, lo)) return false;
    const kept = value.length > this.maxValueLength ? value.slice(0, this.maxValueLength) : value;
    if (n === this.k) {
      const at = this.maxAt;
      this.his[at] = hi;
      this.los[at] = lo;
      this.vals[at] = kept;
      this.findMax();
      return true;
    }
    if (n === this.his.length) this.grow();
    this.his[n] = hi;
    this.los[n] = lo;
    this.vals[n] = kept;
    this.n = n + 1;
    if (n === 0 || hi > this.maxHi || (hi === this.maxHi && lo > this.maxLo)) {
      this.maxHi = hi;
      this.maxLo = lo;
      this.maxAt = n;
    }
    return true;
  }

  private holds(hi: number, lo: number): boolean {
    const his = this.his;
    for (let i = 0; i < this.n; i++) if (his[i] === hi && this.los[i] === lo) return true;
    return false;
  }

  /** Rescans the kept hashes for the largest (after the previous largest was overwritten). */
  private findMax(): void {
    const his = this.his;
    const los = this.los;
    let at = 0;
    let maxHi = his[0]!;
    let maxLo = los[0]!;
    for (let i = 1; i < this.n; i++) {
      const h = his[i]!;
      if (h > maxHi || (h === maxHi && los[i]! > maxLo)) {
        maxHi = h;
        maxLo = los[i]!;
        at = i;
      }
    }
    this.maxHi = maxHi;
    this.maxLo = maxLo;
    this.maxAt = at;
  }

  private grow(): void {
    const capacity = Math.min(this.k, this.his.length * 2);
    const his = new Uint32Array(capacity);
    const los = new Uint32Array(capacity);
    his.set(this.his);
    los.set(this.los);
    this.his = his;
    this.los = los;
    for (let i = this.vals.length; i < capacity; i++) this.vals.push('');
  }
}
