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
 * Memory: 8 B x capacity for the hashes (one Uint32Array) + one string reference per kept value
 * (values longer than `maxValueLength` are kept truncated; their hash is of the full value);
 * capacity grows by doubling from 8 up to k (or at once, `reserve`, before a known number of
 * offers), never per item.
 * Layout: the kept entries form an 8-ary max-heap on the hash (entry i's children are 8i + 1 to
 * 8i + 8, 64 contiguous bytes of hashes), the hash pairs interleaved in one Uint32Array: the
 * largest kept hash is entry 0, and an insert into a full sample replaces it and sifts down,
 * touching log8(k) levels (4 for k = 100) where rescanning the unordered entries for the next
 * largest read all k, and keeping them sorted moved half of them. On a sample not touched for a
 * thousand events each level is a cache miss, so few, wide levels should beat a binary heap's 7
 * (measured gains were within this machine's noise; see the README).
 * Sorting happens on read (`values`, `toJSON`), which is rare next to `offer`; the layout never
 * shows in any output.
 * Time: offer O(1) when the hash is above the current k-th smallest (the common case once full),
 * else O(log k) plus the duplicate check, one pass over the k hashes (`offerNew` skips it);
 * merge O(k_b (k_a + log k_a)) worst case, O(k_b log k_b) into an empty sample; values and toJSON
 * O(k log k).
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
  /** Entry i: hash (hashes[2i], hashes[2i + 1]) and value vals[i], for i < n, an 8-ary max-heap on the hash. */
  private hashes: Uint32Array;
  private vals: string[];
  private n = 0;

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
    this.hashes = new Uint32Array(capacity * 2);
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
    return this.n === this.k ? this.hashes[0]! : 0xffffffff;
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
    const u = (this.hashes[0]! * 4294967296 + this.hashes[1]! + 1) / 18446744073709551616;
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
    // copied without duplicate checks: O(k log k) instead of O(k^2).
    const checkDuplicate = this.n > 0;
    const hashes = other.hashes;
    for (let i = 0; i < other.n; i++) this.insert(hashes[2 * i]!, hashes[2 * i + 1]!, other.vals[i]!, checkDuplicate);
    return this;
  }

  clear(): void {
    this.n = 0;
    this.vals.fill('');
  }

  toJSON(): BottomKJSON {
    const order = this.ascending();
    const bytes = new Uint8Array(this.n * 8);
    const view = new DataView(bytes.buffer);
    order.forEach((entry, i) => {
      view.setUint32(i * 8, this.hashes[2 * entry]!, true);
      view.setUint32(i * 8 + 4, this.hashes[2 * entry + 1]!, true);
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
    const hashes = this.hashes;
    const order = Array.from({ length: this.n }, (_, i) => i);
    return order.sort((a, b) => hashes[2 * a]! - hashes[2 * b]! || hashes[2 * a + 1]! - hashes[2 * b + 1]!);
  }

  /**
   * Inserts unless the hash is not among the k smallest (or, when checked, already kept). The hash
   * may come as int32 or uint32 bits: callers on the hot path pass int32 (`| 0`), which V8 hands
   * over unboxed; a uint32 above 2^31 would be boxed as a heap number on every call.
   */
  private insert(hiBits: number, loBits: number, value: string, checkDuplicate: boolean): boolean {
    const hi = hiBits >>> 0;
    const lo = loBits >>> 0;
    if (!this.admits(hi, lo)) return false;
    if (checkDuplicate && this.holds(hi, lo)) return false;
    this.place(hi, lo, value.length > this.maxValueLength ? value.slice(0, this.maxValueLength) : value);
    return true;
  }

  /**
   * @internal `offerNew` for a value known to be at most `maxValueLength` long: never reads the
   * string (a value held since an earlier event may be long out of the cache).
   */
  offerNewShort(hiBits: number, loBits: number, value: string): boolean {
    const hi = hiBits >>> 0;
    const lo = loBits >>> 0;
    if (!this.admits(hi, lo)) return false;
    this.place(hi, lo, value);
    return true;
  }

  /** False when the sample is full and the hash is not below the largest kept one. */
  private admits(hi: number, lo: number): boolean {
    return this.n < this.k || hi < this.hashes[0]! || (hi === this.hashes[0]! && lo < this.hashes[1]!);
  }

  /** Adds an admitted entry: replaces the largest when full. */
  private place(hi: number, lo: number, value: string): void {
    const n = this.n;
    if (n === this.k) {
      this.siftDown(hi, lo, value);
    } else {
      if (2 * n === this.hashes.length) this.grow();
      this.n = n + 1;
      this.siftUp(n, hi, lo, value);
    }
  }

  /** Puts (hi, lo, value) in the hole at `at`, moving larger ancestors down. */
  private siftUp(at: number, hi: number, lo: number, value: string): void {
    const hashes = this.hashes;
    const vals = this.vals;
    let i = at;
    while (i > 0) {
      const parent = (i - 1) >> 3;
      const ph = hashes[2 * parent]!;
      if (ph > hi || (ph === hi && hashes[2 * parent + 1]! > lo)) break;
      hashes[2 * i] = ph;
      hashes[2 * i + 1] = hashes[2 * parent + 1]!;
      vals[i] = vals[parent]!;
      i = parent;
    }
    hashes[2 * i] = hi;
    hashes[2 * i + 1] = lo;
    vals[i] = value;
  }

  /** Replaces the largest entry (the root) with (hi, lo, value), moving larger descendants up. */
  private siftDown(hi: number, lo: number, value: string): void {
    const hashes = this.hashes;
    const vals = this.vals;
    const n = this.n;
    let i = 0;
    for (;;) {
      const first = 8 * i + 1;
      if (first >= n) break;
      // the largest of up to eight children, which sit next to each other (64 bytes of hashes)
      let child = first;
      let ch = hashes[2 * first]!;
      let cl = hashes[2 * first + 1]!;
      const end = first + 8 < n ? first + 8 : n;
      for (let c = first + 1; c < end; c++) {
        const h = hashes[2 * c]!;
        const l = hashes[2 * c + 1]!;
        if (h > ch || (h === ch && l > cl)) {
          child = c;
          ch = h;
          cl = l;
        }
      }
      if (ch < hi || (ch === hi && cl <= lo)) break;
      hashes[2 * i] = ch;
      hashes[2 * i + 1] = cl;
      vals[i] = vals[child]!;
      i = child;
    }
    hashes[2 * i] = hi;
    hashes[2 * i + 1] = lo;
    vals[i] = value;
  }

  private holds(hi: number, lo: number): boolean {
    const hashes = this.hashes;
    const end = 2 * this.n;
    for (let i = 0; i < end; i += 2) if (hashes[i] === hi && hashes[i + 1] === lo) return true;
    return false;
  }

  /** @internal Makes room for `count` entries (at most k) in one step, before that many offers. */
  reserve(count: number): void {
    const capacity = Math.min(this.k, count);
    if (2 * capacity > this.hashes.length) this.resize(capacity);
  }

  private grow(): void {
    this.resize(Math.min(this.k, this.hashes.length));
  }

  private resize(capacity: number): void {
    const hashes = new Uint32Array(capacity * 2);
    hashes.set(this.hashes);
    this.hashes = hashes;
    for (let i = this.vals.length; i < capacity; i++) this.vals.push('');
  }
}
