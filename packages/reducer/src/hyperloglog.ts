/**
 * HyperLogLog: a distinct counter that is exact while small, then sparse, then a dense HLL.
 *
 * Every value is hashed once with cw64 (64 bits, `hash.ts`); the three modes are views of the set
 * H of distinct hashes, and the mode is a function of H alone, so adding a stream, or merging the
 * states of its parts, yields byte-identical states:
 *   - exact   (|H| <= exactLimit, default 256): an open-addressing set of the 64-bit hashes.
 *             Memory 8 B x capacity (capacity <= 2 x exactLimit, grown by doubling from 8).
 *             Error: none (a 64-bit collision among 256 values has probability < 2^-48).
 *   - sparse  (HLL++ style): one uint32 per touched register of a 2^25-register HLL,
 *             `index25 << 6 | rank` (rank over the remaining 39 bits, 1..40). Used while it is
 *             smaller than the dense array: at most 0.75 x capacity entries, capacity x 4 B <= dense
 *             bytes. The table starts at the size that holds the exact set it replaces at 3/4 load
 *             (512 slots, 2 KB, for exactLimit 256) and doubles at 3/4 load up to that capacity, so
 *             a sketch pays for the entries it has (a reducer's many middling namespaces share the
 *             cache better); the rehash on growth is O(1) amortised. Error: linear counting over 2^25
 *             registers, sqrt(m'(e^t - t - 1)) / n with t = n / m' (about 0.01 % at n = 1,500),
 *             quoted as at least 1 / n (one value).
 *   - dense   m = 2^p registers of 6 bits packed into a Uint8Array: 0.75 x m bytes
 *             (p = 14: 12,288 B). Standard error 1.04 / sqrt(m) (p = 14: 0.81 %).
 * Estimator: Ertl's improved estimator ("New cardinality estimation algorithms for HyperLogLog
 * sketches", 2017) over the register histogram: unbiased from 0 to 2^64 without empirical bias
 * tables or a linear-counting switch. Ranks start at 1 (a hash whose first bit after the index is
 * 1 has rank 1): the off-by-one of bloom-filters 3.0.4 (rank from 0) is a regression test.
 *
 * Internal (`keepExactValues`): in exact mode the sketch can also keep the value of each hash, one
 * reference per exact slot, for a caller that builds a sample from the exact set (NamespaceReducer);
 * it never changes the sketch's state or bytes.
 *
 * Time: add O(1) (one hash + one probe or register update); estimate O(m) dense, O(entries)
 * otherwise; merge O(size of the argument), or O(m) into/with dense; toBytes O(n log n) exact and
 * sparse (sorted for a canonical form), O(m) dense.
 *
 * Byte layout (little-endian), version 1:
 *   0  "CWHL"   4  u8 version   5  u8 hash id (1 = cw64)   6  u8 precision   7  u8 mode (0 exact,
 *   1 sparse, 2 dense)   8  u32 seed   12  u32 exactLimit   16  u32 count
 *   20 payload: exact  count x (u32 hi, u32 lo), ascending;  sparse  count x u32 entry, ascending;
 *               dense  0.75 x m bytes, register i in bits [6i, 6i + 6) of the byte string
 *   end-4  u32 CRC-32 of every preceding byte
 */
import { HASH_ID, hash64 } from './hash.js';
import { CorruptBytesError, crc32, openEnvelope, writeMagic } from './bytes.js';

/** A distinct-count estimate with its error bars. */
export interface Estimate {
  /** Estimated number of distinct values (an integer when `exact`). */
  value: number;
  /** True when `value` is the exact count (small cardinalities). */
  exact: boolean;
  /** Relative standard error of `value` (0 when exact). */
  rse: number;
  /** Lower end of the 95 % interval (never below the number of distinct values proven seen). */
  lower95: number;
  /** Upper end of the 95 % interval. */
  upper95: number;
}

export interface HyperLogLogOptions {
  /** log2 of the number of dense registers, 4..18. Default 14: 12 KiB, 0.81 % standard error. */
  precision?: number;
  /** Hash seed (uint32). Sketches merge only with sketches of the same seed. Default 0. */
  seed?: number;
  /** Largest cardinality counted exactly, 0..65,536. Default 256. */
  exactLimit?: number;
}

const MAGIC = 'CWHL';
const VERSION = 1;
const HEADER = 20;
const MODE_EXACT = 0;
const MODE_SPARSE = 1;
const MODE_DENSE = 2;
const SPARSE_P = 25;
const SPARSE_M = 2 ** SPARSE_P;
const SPARSE_Q = 64 - SPARSE_P;
const ALPHA_INF = 0.5 / Math.LN2;
const Z95 = 1.959963984540054;
const MIN_CAPACITY = 8;

/** @internal `insertHash` results. */
export const INSERT_REPEAT = 0;
export const INSERT_NEW = 1;
export const INSERT_MAYBE_REPEAT = 2;

const HISTOGRAM = new Float64Array(66);
const SCRATCH = new Uint32Array(2);

function sigma(x: number): number {
  if (x === 1) return Infinity;
  let y = 1;
  let z = x;
  for (;;) {
    x *= x;
    const previous = z;
    z += x * y;
    y += y;
    if (previous === z) return z;
  }
}

function tau(x: number): number {
  if (x === 0 || x === 1) return 0;
  let y = 1;
  let z = 1 - x;
  for (;;) {
    x = Math.sqrt(x);
    const previous = z;
    y *= 0.5;
    z -= (1 - x) * (1 - x) * y;
    if (previous === z) return z / 3;
  }
}

/** Ertl's improved estimator over HISTOGRAM[0..q+1] for m registers. */
function estimateFromHistogram(m: number, q: number): number {
  let z = m * tau(1 - HISTOGRAM[q + 1]! / m);
  for (let k = q; k >= 1; k--) z = 0.5 * (z + HISTOGRAM[k]!);
  z += m * sigma(HISTOGRAM[0]! / m);
  return (ALPHA_INF * m * m) / z;
}

function nextPowerOfTwo(n: number): number {
  let c = MIN_CAPACITY;
  while (c < n) c *= 2;
  return c;
}

export class HyperLogLog {
  readonly precision: number;
  readonly seed: number;
  readonly exactLimit: number;
  /** Entries kept in sparse mode before switching to dense; 0 when sparse mode is skipped. */
  readonly sparseLimit: number;
  private readonly m: number;
  private readonly q: number;
  private readonly shift: number;
  /** @internal Bytes of the dense registers: 0.75 x 2^p. */
  readonly denseBytes: number;
  /** @internal Largest sparse table (entries); sparse mode ends beyond 3/4 of it. */
  readonly sparseMaxCapacity: number;
  /** @internal Entries of the sparse table that exact mode escalates into. */
  readonly sparseInitialCapacity: number;
  /** @internal Largest exact table (slots). */
  readonly exactMaxCapacity: number;

  private mode = MODE_EXACT;
  /**
   * Exact-mode set: slot i holds (hi, lo) at [2i, 2i + 1] as int32 bit patterns; (0, 0) marks an
   * empty slot. Signed so that the probe passes and compares small integers: a uint32 above 2^31
   * handed to a call V8 does not inline is boxed as a heap number (about 16 B per add).
   */
  private ex: Int32Array;
  private exMask: number;
  private exCount = 0;
  private exZero = false;
  /**
   * While not null (`keepExactValues`): the value of each exact-mode hash, slot i's at index i (the
   * zero hash's in `exZeroValue`), for a caller that derives a sample from the exact set later.
   */
  private exValues: string[] | null = null;
  private exZeroValue = '';
  private sp: Uint32Array | null = null;
  private spMask = 0;
  private spCount = 0;
  private regs: Uint8Array | null = null;

  constructor(options: HyperLogLogOptions = {}) {
    const precision = options.precision ?? 14;
    const seed = options.seed ?? 0;
    const exactLimit = options.exactLimit ?? 256;
    if (!Number.isInteger(precision) || precision < 4 || precision > 18) {
      throw new RangeError(`HyperLogLog: precision must be an integer from 4 to 18, got ${String(precision)}`);
    }
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new RangeError(`HyperLogLog: seed must be a uint32, got ${String(seed)}`);
    }
    if (!Number.isInteger(exactLimit) || exactLimit < 0 || exactLimit > 65536) {
      throw new RangeError(`HyperLogLog: exactLimit must be an integer from 0 to 65536, got ${String(exactLimit)}`);
    }
    this.precision = precision;
    this.seed = seed;
    this.exactLimit = exactLimit;
    this.m = 2 ** precision;
    this.q = 64 - precision;
    this.shift = 32 - precision;
    this.denseBytes = (this.m * 3) / 4;
    let cap = MIN_CAPACITY;
    while (cap * 2 * 4 <= this.denseBytes) cap *= 2;
    const sparseLimit = Math.floor(cap * 0.75);
    this.sparseLimit = sparseLimit > exactLimit ? sparseLimit : 0;
    this.sparseMaxCapacity = cap;
    this.sparseInitialCapacity = Math.min(cap, nextPowerOfTwo(Math.ceil((exactLimit + 1) / 0.75) + 1));
    this.exactMaxCapacity = nextPowerOfTwo(Math.ceil(exactLimit / 0.75) + 1);
    const initial = Math.min(MIN_CAPACITY, this.exactMaxCapacity);
    this.ex = new Int32Array(initial * 2);
    this.exMask = initial - 1;
    if (exactLimit === 0) this.escalate();
  }

  /** Adds a string value (hashed with cw64 and this sketch's seed). */
  add(value: string): void {
    hash64(value, this.seed, SCRATCH);
    this.addHash(SCRATCH[0]!, SCRATCH[1]!);
  }

  /**
   * Adds a value already hashed with `hash64(value, this.seed, out)` (`hi = out[0]`, `lo = out[1]`).
   * Returns false only when the value is known to be a repeat (exact mode); true otherwise, so
   * callers can skip work for repeats (a repeat never changes a bottom-k sample either).
   */
  addHash(hi: number, lo: number): boolean {
    return this.insertHash(hi, lo) !== INSERT_REPEAT;
  }

  /**
   * @internal `addHash` that also says what the sketch learnt about the value: INSERT_REPEAT (exact
   * mode: added before), INSERT_NEW (never added before: it changed the exact set, a sparse entry or
   * a dense register, which a repeat never does) or INSERT_MAYBE_REPEAT (nothing changed).
   */
  insertHash(hi: number, lo: number, value?: string): number {
    if (this.mode === MODE_DENSE) {
      const p = this.precision;
      const w = hi << p;
      const rank = w !== 0 ? Math.clz32(w) + 1 : 32 - p + Math.clz32(lo) + 1;
      return this.raise(hi >>> this.shift, rank) ? INSERT_NEW : INSERT_MAYBE_REPEAT;
    }
    if (this.mode === MODE_SPARSE) return this.sparseInsert(sparseEntryOf(hi, lo)) ? INSERT_NEW : INSERT_MAYBE_REPEAT;
    return this.exactInsert(hi | 0, lo | 0, value) ? INSERT_NEW : INSERT_REPEAT;
  }

  /** @internal Adds a sparse-mode entry (`sparseEntryOf` of a hash), as merging a sparse sketch holding it would. */
  addSparseEntry(entry: number): void {
    if (this.mode === MODE_EXACT) this.escalate();
    if (this.mode === MODE_SPARSE) this.sparseInsert(entry);
    else this.applySparseEntry(entry);
  }

  /**
   * @internal Calls `exact` with every exact-mode hash (int32 bits, the zero hash last) or `sparse`
   * with every sparse entry, in table order; nothing in dense mode.
   */
  visitEntries(exact: (hi: number, lo: number) => void, sparse: (entry: number) => void): void {
    if (this.mode === MODE_EXACT) {
      const ex = this.ex;
      for (let i = 0; i < ex.length; i += 2) if (ex[i] !== 0 || ex[i + 1] !== 0) exact(ex[i]!, ex[i + 1]!);
      if (this.exZero) exact(0, 0);
    } else if (this.mode === MODE_SPARSE) {
      const sp = this.sp!;
      for (let i = 0; i < sp.length; i++) if (sp[i] !== 0) sparse(sp[i]!);
    }
  }

  /**
   * @internal From now on, and while in exact mode, keeps the value passed to `insertHash` with each
   * new hash (every insert must then pass its value), until `releaseExactValues`. Only on an empty
   * exact-mode sketch. Leaving exact mode drops the values: release them before the set reaches
   * `exactLimit`. Costs one reference per exact slot (see `canKeepExactValues`).
   */
  keepExactValues(): void {
    if (!this.canKeepExactValues || this.exCount !== 0) throw new Error('HyperLogLog.keepExactValues: only on an empty exact-mode sketch with room for the references');
    this.exValues = new Array<string>(this.ex.length / 2).fill('');
  }

  /** @internal True while `keepExactValues` is in effect. */
  get keepsExactValues(): boolean {
    return this.exValues !== null;
  }

  /** @internal Distinct hashes held in exact mode (0 in the other modes). */
  get exactSize(): number {
    return this.mode === MODE_EXACT ? this.exCount : 0;
  }

  /**
   * @internal Calls `visit` with every exact-mode hash (int32 bits) and its kept value, then stops
   * keeping values.
   */
  releaseExactValues(visit: (hi: number, lo: number, value: string) => void): void {
    const values = this.exValues;
    if (values === null) return;
    this.forEachExactValue(values, visit);
    this.exValues = null;
    this.exZeroValue = '';
  }

  /** @internal Calls `visit` with every exact-mode hash (int32 bits) and its kept value; changes nothing. */
  visitExactValues(visit: (hi: number, lo: number, value: string) => void): void {
    if (this.exValues !== null) this.forEachExactValue(this.exValues, visit);
  }

  /**
   * @internal True when the references `keepExactValues` holds (8 B per exact slot) fit in
   * `maxByteSize`: they exist only in exact mode, when the sparse and dense arrays, which the bound
   * counts, do not. False at low precision, whose dense array is smaller.
   */
  get canKeepExactValues(): boolean {
    const valueRefs = this.exactMaxCapacity * 8 + 48;
    return this.mode === MODE_EXACT && this.exactLimit > 0 && valueRefs <= Math.max(this.sparseLimit > 0 ? this.sparseMaxCapacity * 4 : 0, this.denseBytes + 1);
  }

  /** The current estimate with its relative standard error and 95 % interval. */
  estimate(): Estimate {
    if (this.mode === MODE_EXACT) {
      const n = this.exCount;
      return { value: n, exact: true, rse: 0, lower95: n, upper95: n };
    }
    HISTOGRAM.fill(0);
    if (this.mode === MODE_SPARSE) {
      const sp = this.sp!;
      for (let i = 0; i < sp.length; i++) {
        const e = sp[i]!;
        if (e !== 0) HISTOGRAM[e & 63]! += 1;
      }
      HISTOGRAM[0] = SPARSE_M - this.spCount;
      const value = estimateFromHistogram(SPARSE_M, SPARSE_Q);
      const t = value / SPARSE_M;
      // Linear-counting error over 2^25 registers, but never below one value: the error is a whole
      // number of 25-bit index collisions, so quoting less than 1 / n would understate it.
      const rse = value > 0 ? Math.max(Math.sqrt(SPARSE_M * (Math.expm1(t) - t)) / value, 1 / value) : 0;
      return bounds(value, rse, this.spCount);
    }
    const regs = this.regs!;
    const m = this.m;
    for (let i = 0; i < m; i++) {
      const bit = i * 6;
      const byte = bit >>> 3;
      HISTOGRAM[((regs[byte]! | (regs[byte + 1]! << 8)) >>> (bit & 7)) & 63]! += 1;
    }
    const value = estimateFromHistogram(m, this.q);
    return bounds(value, 1.04 / Math.sqrt(m), m - HISTOGRAM[0]!);
  }

  /** True while every distinct hash is kept (exact mode): `addHash` then returns true only for a new value. */
  get isExact(): boolean {
    return this.mode === MODE_EXACT;
  }

  /** 'exact' | 'sparse' | 'dense'. */
  get representation(): 'exact' | 'sparse' | 'dense' {
    return this.mode === MODE_EXACT ? 'exact' : this.mode === MODE_SPARSE ? 'sparse' : 'dense';
  }

  /** Bytes held by this sketch's typed arrays right now. */
  get byteSize(): number {
    return this.ex.byteLength + (this.sp?.byteLength ?? 0) + (this.regs?.byteLength ?? 0);
  }

  /** Largest number of bytes this sketch's typed arrays can ever hold. */
  get maxByteSize(): number {
    return this.exactMaxCapacity * 8 + Math.max(this.sparseLimit > 0 ? this.sparseMaxCapacity * 4 : 0, this.denseBytes + 1);
  }

  /** Throws unless `other` can be merged into this sketch (same precision, hash, seed, exactLimit). */
  assertCompatible(other: HyperLogLog, operation = 'merge'): void {
    if (!(other instanceof HyperLogLog)) throw new TypeError(`HyperLogLog.${operation}: argument is not a HyperLogLog`);
    const problems: string[] = [];
    if (other.precision !== this.precision) problems.push(`precision ${this.precision} vs ${other.precision}`);
    if (other.seed !== this.seed) problems.push(`hash seed ${this.seed} vs ${other.seed}`);
    if (other.exactLimit !== this.exactLimit) problems.push(`exactLimit ${this.exactLimit} vs ${other.exactLimit}`);
    if (problems.length > 0) {
      throw new Error(`HyperLogLog.${operation}: incompatible sketches (${problems.join(', ')}); only sketches built with the same precision, hash and seed can be merged`);
    }
  }

  /**
   * Adds every value of `other` to this sketch, losslessly: the result is the state that adding
   * both streams would give. Never mutates `other`.
   */
  merge(other: HyperLogLog): this {
    this.assertCompatible(other);
    if (other === this) return this;
    if (other.mode === MODE_EXACT) {
      const ex = other.ex;
      for (let i = 0; i < ex.length; i += 2) {
        if (ex[i] !== 0 || ex[i + 1] !== 0) this.addHash(ex[i]!, ex[i + 1]!);
      }
      if (other.exZero) this.addHash(0, 0);
    } else if (other.mode === MODE_SPARSE) {
      if (this.mode === MODE_EXACT) this.escalate();
      const sp = other.sp!;
      for (let i = 0; i < sp.length; i++) {
        const e = sp[i]!;
        if (e === 0) continue;
        if (this.mode === MODE_SPARSE) this.sparseInsert(e);
        else this.applySparseEntry(e);
      }
    } else {
      if (this.mode !== MODE_DENSE) this.toDense();
      const b = other.regs!;
      for (let i = 0; i < this.m; i++) {
        const bit = i * 6;
        const byte = bit >>> 3;
        const r = ((b[byte]! | (b[byte + 1]! << 8)) >>> (bit & 7)) & 63;
        if (r !== 0) this.raise(i, r);
      }
    }
    return this;
  }

  /** Empties the sketch (back to exact mode), keeping its parameters. */
  clear(): void {
    // back to a small exact table (the old one may be gone, or large)
    const initial = Math.min(MIN_CAPACITY, this.exactMaxCapacity);
    this.ex = new Int32Array(initial * 2);
    this.exMask = initial - 1;
    this.exCount = 0;
    this.exZero = false;
    this.exValues = null;
    this.exZeroValue = '';
    this.sp = null;
    this.spCount = 0;
    this.regs = null;
    this.mode = MODE_EXACT;
    if (this.exactLimit === 0) this.escalate();
  }

  /** An independent copy. */
  clone(): HyperLogLog {
    return HyperLogLog.fromBytes(this.toBytes());
  }

  /** Canonical, versioned, self-describing bytes (layout in the file header). */
  toBytes(): Uint8Array {
    let count = 0;
    let payload: Uint8Array;
    if (this.mode === MODE_EXACT) {
      count = this.exCount;
      const pairs: [number, number][] = [];
      const ex = this.ex;
      for (let i = 0; i < ex.length; i += 2) {
        if (ex[i] !== 0 || ex[i + 1] !== 0) pairs.push([ex[i]! >>> 0, ex[i + 1]! >>> 0]);
      }
      if (this.exZero) pairs.push([0, 0]);
      pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      payload = new Uint8Array(count * 8);
      const view = new DataView(payload.buffer);
      pairs.forEach(([hi, lo], i) => {
        view.setUint32(i * 8, hi, true);
        view.setUint32(i * 8 + 4, lo, true);
      });
    } else if (this.mode === MODE_SPARSE) {
      count = this.spCount;
      const entries = this.sp!.filter((e) => e !== 0).sort();
      payload = new Uint8Array(count * 4);
      const view = new DataView(payload.buffer);
      entries.forEach((e, i) => view.setUint32(i * 4, e, true));
    } else {
      count = this.m;
      payload = this.regs!.subarray(0, this.denseBytes);
    }
    const out = new Uint8Array(HEADER + payload.length + 4);
    const view = new DataView(out.buffer);
    writeMagic(out, 0, MAGIC);
    out[4] = VERSION;
    out[5] = HASH_ID;
    out[6] = this.precision;
    out[7] = this.mode;
    view.setUint32(8, this.seed, true);
    view.setUint32(12, this.exactLimit, true);
    view.setUint32(16, count, true);
    out.set(payload, HEADER);
    view.setUint32(out.length - 4, crc32(out, 0, out.length - 4), true);
    return out;
  }

  /** Rebuilds a sketch from `toBytes()` output; throws `CorruptBytesError` on anything else. */
  static fromBytes(bytes: Uint8Array): HyperLogLog {
    const view = openEnvelope('HyperLogLog', MAGIC, bytes, HEADER + 4);
    const version = bytes[4]!;
    if (version !== VERSION) throw new CorruptBytesError('HyperLogLog', `unsupported version ${version} (this build reads version ${VERSION})`);
    const hashId = bytes[5]!;
    if (hashId !== HASH_ID) throw new CorruptBytesError('HyperLogLog', `unknown hash id ${hashId} (this build hashes with id ${HASH_ID}, cw64)`);
    const precision = bytes[6]!;
    const mode = bytes[7]!;
    const seed = view.getUint32(8, true);
    const exactLimit = view.getUint32(12, true);
    const count = view.getUint32(16, true);
    if (precision < 4 || precision > 18) throw new CorruptBytesError('HyperLogLog', `precision ${precision} out of range 4..18`);
    if (exactLimit > 65536) throw new CorruptBytesError('HyperLogLog', `exactLimit ${exactLimit} out of range`);
    if (mode > MODE_DENSE) throw new CorruptBytesError('HyperLogLog', `unknown mode ${mode}`);
    const sketch = new HyperLogLog({ precision, seed, exactLimit });
    const payloadLength = bytes.length - HEADER - 4;
    const expected = mode === MODE_EXACT ? count * 8 : mode === MODE_SPARSE ? count * 4 : sketch.denseBytes;
    if (payloadLength !== expected) {
      throw new CorruptBytesError('HyperLogLog', `payload is ${payloadLength} bytes, the header implies ${expected}`);
    }
    if (mode === MODE_EXACT) {
      if (count > exactLimit || exactLimit === 0) {
        throw new CorruptBytesError('HyperLogLog', `exact mode with ${count} values is not valid for exactLimit ${exactLimit}`);
      }
      let prevHi = -1;
      let prevLo = -1;
      for (let i = 0; i < count; i++) {
        const hi = view.getUint32(HEADER + i * 8, true);
        const lo = view.getUint32(HEADER + i * 8 + 4, true);
        if (hi < prevHi || (hi === prevHi && lo <= prevLo)) throw new CorruptBytesError('HyperLogLog', 'exact hashes are not strictly ascending');
        prevHi = hi;
        prevLo = lo;
        sketch.addHash(hi, lo);
      }
    } else if (mode === MODE_SPARSE) {
      if (sketch.sparseLimit === 0 || count > sketch.sparseLimit) {
        throw new CorruptBytesError('HyperLogLog', `sparse mode with ${count} entries is not valid for precision ${precision}`);
      }
      if (sketch.mode === MODE_EXACT) sketch.escalate();
      if (sketch.mode !== MODE_SPARSE) throw new CorruptBytesError('HyperLogLog', 'sparse mode is not valid for these parameters');
      let prev = -1;
      for (let i = 0; i < count; i++) {
        const e = view.getUint32(HEADER + i * 4, true);
        const rank = e & 63;
        if (prev !== -1 && e >>> 6 <= prev >>> 6) throw new CorruptBytesError('HyperLogLog', 'sparse entries are not strictly ascending');
        if (e >>> 31 !== 0 || rank < 1 || rank > SPARSE_Q + 1) throw new CorruptBytesError('HyperLogLog', `sparse entry ${e} has an invalid rank`);
        prev = e;
        sketch.sparseInsert(e);
      }
    } else {
      sketch.toDense();
      const regs = sketch.regs!;
      regs.set(bytes.subarray(HEADER, HEADER + sketch.denseBytes));
      for (let i = 0; i < sketch.m; i++) {
        const bit = i * 6;
        const byte = bit >>> 3;
        const r = ((regs[byte]! | (regs[byte + 1]! << 8)) >>> (bit & 7)) & 63;
        if (r > sketch.q + 1) throw new CorruptBytesError('HyperLogLog', `register ${i} holds ${r}, above the maximum rank ${sketch.q + 1}`);
      }
    }
    return sketch;
  }

  // --- internals -------------------------------------------------------------------------------

  /** Raises register `index` to `rank`; true when it changed. */
  private raise(index: number, rank: number): boolean {
    const regs = this.regs!;
    const bit = index * 6;
    const byte = bit >>> 3;
    const sh = bit & 7;
    const word = regs[byte]! | (regs[byte + 1]! << 8);
    if (((word >>> sh) & 63) >= rank) return false;
    const next = (word & ~(63 << sh)) | (rank << sh);
    regs[byte] = next & 255;
    regs[byte + 1] = next >>> 8;
    return true;
  }


  private forEachExactValue(values: string[], visit: (hi: number, lo: number, value: string) => void): void {
    const ex = this.ex;
    for (let i = 0; i < ex.length; i += 2) {
      if (ex[i] !== 0 || ex[i + 1] !== 0) visit(ex[i]!, ex[i + 1]!, values[i >> 1]!);
    }
    if (this.exZero) visit(0, 0, this.exZeroValue);
  }

  /** `hi`, `lo`: the hash as int32 bit patterns (`| 0`), as `ex` stores them. */
  private exactInsert(hi: number, lo: number, value: string | undefined): boolean {
    if (hi === 0 && lo === 0) {
      if (this.exZero) return false;
      this.exZero = true;
      if (this.exValues !== null) this.exZeroValue = value!;
    } else {
      const ex = this.ex;
      const mask = this.exMask;
      let slot = lo & mask;
      for (;;) {
        const h = ex[2 * slot]!;
        const l = ex[2 * slot + 1]!;
        if (h === 0 && l === 0) break;
        if (h === hi && l === lo) return false;
        slot = (slot + 1) & mask;
      }
      ex[2 * slot] = hi;
      ex[2 * slot + 1] = lo;
      if (this.exValues !== null) this.exValues[slot] = value!;
    }
    this.exCount++;
    if (this.exCount > this.exactLimit) this.escalate();
    else if (this.exCount > (this.exMask + 1) * 0.75) this.growExact();
    return true;
  }

  private growExact(): void {
    const old = this.ex;
    const capacity = old.length; // slots double: 2 x (old.length / 2)
    const ex = new Int32Array(capacity * 2);
    const oldValues = this.exValues;
    const values = oldValues === null ? null : new Array<string>(capacity).fill('');
    const mask = capacity - 1;
    for (let i = 0; i < old.length; i += 2) {
      const hi = old[i]!;
      const lo = old[i + 1]!;
      if (hi === 0 && lo === 0) continue;
      let slot = lo & mask;
      while (ex[2 * slot] !== 0 || ex[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      ex[2 * slot] = hi;
      ex[2 * slot + 1] = lo;
      if (values !== null) values[slot] = oldValues![i >> 1]!;
    }
    this.ex = ex;
    this.exMask = mask;
    this.exValues = values;
  }

  /** Leaves exact mode: to sparse when sparse mode is enabled, else to dense. */
  private escalate(): void {
    const ex = this.ex;
    const hadZero = this.exZero;
    this.ex = new Int32Array(0);
    this.exMask = 0;
    this.exCount = 0;
    this.exZero = false;
    this.exValues = null;
    this.exZeroValue = '';
    if (this.sparseLimit > 0) {
      this.mode = MODE_SPARSE;
      const capacity = this.sparseInitialCapacity;
      this.sp = new Uint32Array(capacity);
      this.spMask = capacity - 1;
      this.spCount = 0;
    } else {
      this.mode = MODE_DENSE;
      this.regs = new Uint8Array(this.denseBytes + 1);
    }
    for (let i = 0; i < ex.length; i += 2) {
      if (ex[i] !== 0 || ex[i + 1] !== 0) this.addHash(ex[i]!, ex[i + 1]!);
    }
    if (hadZero) this.addHash(0, 0);
  }

  /** Inserts or raises a sparse entry; true when the table changed. */
  private sparseInsert(entry: number): boolean {
    const sp = this.sp!;
    const mask = this.spMask;
    const key = entry >>> 6;
    let slot = key & mask;
    for (;;) {
      const e = sp[slot]!;
      if (e === 0) break;
      if (e >>> 6 === key) {
        if ((entry & 63) <= (e & 63)) return false;
        sp[slot] = entry;
        return true;
      }
      slot = (slot + 1) & mask;
    }
    sp[slot] = entry;
    this.spCount++;
    if (this.spCount > this.sparseLimit) this.toDense();
    else if (this.spCount > (mask + 1) * 0.75) this.growSparse();
    return true;
  }

  private growSparse(): void {
    const old = this.sp!;
    const capacity = old.length * 2;
    const sp = new Uint32Array(capacity);
    const mask = capacity - 1;
    for (let i = 0; i < old.length; i++) {
      const e = old[i]!;
      if (e === 0) continue;
      let slot = (e >>> 6) & mask;
      while (sp[slot] !== 0) slot = (slot + 1) & mask;
      sp[slot] = e;
    }
    this.sp = sp;
    this.spMask = mask;
  }

  private applySparseEntry(e: number): void {
    const index25 = e >>> 6;
    const extra = SPARSE_P - this.precision;
    const low = index25 & ((1 << extra) - 1);
    const rank = low !== 0 ? Math.clz32(low) - (32 - extra) + 1 : extra + (e & 63);
    this.raise(index25 >>> extra, rank);
  }

  private toDense(): void {
    const previous = this.mode;
    const sp = this.sp;
    this.mode = MODE_DENSE;
    this.regs = new Uint8Array(this.denseBytes + 1);
    if (previous === MODE_SPARSE && sp !== null) {
      for (let i = 0; i < sp.length; i++) if (sp[i] !== 0) this.applySparseEntry(sp[i]!);
    } else if (previous === MODE_EXACT) {
      const ex = this.ex;
      for (let i = 0; i < ex.length; i += 2) if (ex[i] !== 0 || ex[i + 1] !== 0) this.addHash(ex[i]!, ex[i + 1]!);
      if (this.exZero) this.addHash(0, 0);
      this.ex = new Int32Array(0);
      this.exCount = 0;
      this.exZero = false;
      this.exValues = null;
      this.exZeroValue = '';
    }
    this.sp = null;
    this.spCount = 0;
  }
}

/**
 * @internal The sparse-mode entry of a hash: `index25 << 6 | rank`, the 25-bit register index and the
 * rank (1..40) of the remaining 39 bits. Below 2^31, so the same number as int32 and uint32.
 */
export function sparseEntryOf(hi: number, lo: number): number {
  const w = hi << SPARSE_P;
  const rank = w !== 0 ? Math.clz32(w) + 1 : 32 - SPARSE_P + Math.clz32(lo) + 1;
  return ((hi >>> (32 - SPARSE_P)) << 6) | rank;
}

function bounds(value: number, rse: number, proven: number): Estimate {
  return {
    value,
    exact: false,
    rse,
    lower95: Math.max(proven, value * (1 - Z95 * rse)),
    upper95: Math.max(proven, value * (1 + Z95 * rse)),
  };
}
