/**
 * NamespaceSlab: what an event changes in its namespace, for every namespace of one
 * NamespaceReducer, in typed arrays indexed by the namespace's slot. An event then reads about two
 * lines of its namespace (its 128-byte block and one line of a table) where a state object, its two
 * sketch objects, their typed-array objects and the table were five to seven, each a cache miss on
 * a namespace last touched about a thousand events earlier.
 *
 * Block of a slot: 32 int32 words (128 B; float64 words 0..15 of the same bytes):
 *   float64 0 total size, 1 first event time, 2 last event time, 3 total files
 *   int32   8, 9: content-type dictionary ids counted here (0..29, 30..59)
 *           10..16 workflow_id field, 17..23 content_type field, each: the previous value's hash
 *           (hi, lo), a word (mode | HAS_LAST | HAS_ZERO | log2 of the table's capacity << 8), the
 *           table's count and offset in the arena, the sample's cutoff (`cutoffHi` ^ 2^31 as
 *           int32), the bytes of values the field may still hold for its sample (-1: none)
 * Tables: the exact-mode sets (int32 hi, lo pairs, (0, 0) empty, the zero hash as HAS_ZERO) and the
 *   sparse-mode tables of both fields of every slot share one Int32Array arena, with the open
 *   addressing, growth and mode changes of HyperLogLog, whose state a field is: `sketchOf` rebuilds
 *   that HyperLogLog, `load` writes one in (merge, restore). Dense registers stay in a HyperLogLog
 *   per field (a namespace that busy is in cache anyway). A freed table is reused by the next table
 *   of its size; when none is free and the arena is full, the live tables are compacted to its
 *   start, and the arena grows only when more than 3/4 of it is live, to 4/3 of the live tables: its
 *   length stays within 4/3 of the largest live total, and copying is amortised O(1) per word.
 * Per slot and field, reached only when a sample changes or a sketch is dense: the bottom-k sample,
 *   the values held for it while the count is exact (`NamespaceReducer`'s "samples while a count is
 *   exact"; index = table slot, the zero hash's at index capacity), the dense sketch.
 * Memory: 128 B per slot (block array doubling: <= 256 B) + arena <= 4/3 x 2 x max(8 x exact
 *   capacity, 4 x sparse capacity) B per slot + per field the dense registers or the held values
 *   (never both) + the samples; see `boundsPerSlot`.
 */
import { HyperLogLog, INSERT_MAYBE_REPEAT, INSERT_NEW, sparseEntryOf, type HyperLogLogOptions } from './hyperloglog.js';
import { BottomKSample } from './bottom-k.js';

/** Field numbers. */
export const WORKFLOWS = 0;
export const FILE_TYPES = 1;

/** Float64 words of a block (at slot << 4). */
export const TOTAL_SIZE = 0;
export const FIRST_SEEN = 1;
export const LAST_SEEN = 2;
export const TOTAL_FILES = 3;

const BLOCK_INTS = 32;
/** Bytes of a slot's block, twice (the block array grows by doubling). */
export const SLAB_BLOCK_BYTES = 2 * 4 * BLOCK_INTS;
const TYPES_SEEN_LOW = 8;
const TYPES_SEEN_HIGH = 9;
/** Int32 words of a field, from its base (`fieldBase`). */
const LAST_HI = 0;
const LAST_LO = 1;
const WORD = 2;
const COUNT = 3;
const OFFSET = 4;
const CUTOFF = 5;
const ROOM = 6;
/** Bits of a field's WORD. */
const MODE_MASK = 3;
const MODE_EXACT = 0;
const MODE_SPARSE = 1;
const MODE_DENSE = 2;
const HAS_LAST = 4;
const HAS_ZERO = 8;
const LOG2_SHIFT = 8;
/** Ids of the content-type dictionary per mask word (two small integers). */
const MASK_BITS = 30;
/** Flips the sign bit: int32 order of the results is the uint32 order of the inputs. */
const UNSIGNED_ORDER = 0x80000000;
const NO_CUTOFF = 0xffffffff ^ UNSIGNED_ORDER;
const INITIAL_ARENA = 4096;

export interface SlabConfig {
  precision: number;
  seed: number;
  exactLimit: number;
  maxSamples: number;
  maxValueLength: number;
  /** Bytes of values a field may hold for its sample while exact. */
  heldValueBytes: number;
}

function fieldBase(slot: number, field: number): number {
  return slot * BLOCK_INTS + 10 + 7 * field;
}

/** What a string of `length` UTF-16 units is counted as: 24 B of header and 2 B per unit. */
export function heldValueBytes(length: number): number {
  return 24 + 2 * length;
}

/** Int32 words of the table a field WORD describes (0: none). */
function tableSize(word: number): number {
  const log2 = word >>> LOG2_SHIFT;
  if (log2 === 0) return 0;
  const mode = word & MODE_MASK;
  return mode === MODE_EXACT ? 2 << log2 : mode === MODE_SPARSE ? 1 << log2 : 0;
}

function log2Of(capacity: number): number {
  return 31 - Math.clz32(capacity);
}

export class NamespaceSlab {
  /** Blocks as int32 and as float64 (one buffer). */
  ints = new Int32Array(16 * BLOCK_INTS);
  floats = new Float64Array(this.ints.buffer);
  private tables = new Int32Array(INITIAL_ARENA);
  /** End of the allocated part of `tables`, and the words of freed tables below it. */
  private top = 0;
  private garbage = 0;
  /** Offsets of freed tables by log2 of their words, reused before the arena grows (emptied by `compact`). */
  private readonly freeTables: number[][] = Array.from({ length: 32 }, () => []);
  private used = 0;
  private readonly freeSlots: number[] = [];
  /** By 2 x slot + field. */
  private readonly samples: BottomKSample[] = [];
  private readonly held: (string[] | null)[] = [];
  private readonly dense: (HyperLogLog | null)[] = [];
  private readonly sketchOptions: HyperLogLogOptions;
  private readonly exactLimit: number;
  private readonly sparseLimit: number;
  private readonly sparseInitialCapacity: number;
  private readonly exactInitialCapacity: number;
  private readonly maxSamples: number;
  private readonly maxValueLength: number;
  /** Bytes a field may hold for its sample, or -1 when its references would not fit the sketch's bound. */
  private readonly holdBytes: number;

  constructor(config: SlabConfig) {
    this.sketchOptions = { precision: config.precision, seed: config.seed, exactLimit: config.exactLimit };
    const probe = new HyperLogLog(this.sketchOptions);
    this.exactLimit = config.exactLimit;
    this.sparseLimit = probe.sparseLimit;
    this.sparseInitialCapacity = probe.sparseInitialCapacity;
    this.exactInitialCapacity = Math.min(8, probe.exactMaxCapacity);
    this.maxSamples = config.maxSamples;
    this.maxValueLength = config.maxValueLength;
    this.holdBytes = probe.canKeepExactValues ? config.heldValueBytes : -1;
  }

  /**
   * Upper bound of the arena's bytes per slot (both fields' largest tables, x 4/3: see `compact`),
   * and of a field's dense sketch (registers and object) or held value references (which fit in
   * the registers' bytes: `HyperLogLog.canKeepExactValues`).
   */
  static boundsPerSlot(sketch: HyperLogLog): { arenaBytes: number; fieldBytes: number } {
    const largestTable = Math.max(sketch.exactLimit > 0 ? 8 * sketch.exactMaxCapacity : 0, sketch.sparseLimit > 0 ? 4 * sketch.sparseMaxCapacity : 0);
    return { arenaBytes: Math.ceil((4 * 2 * largestTable) / 3), fieldBytes: sketch.denseBytes + 1 + 200 };
  }

  /** A cleared slot: zero totals, times (Infinity, -Infinity), empty counters and samples. */
  allocate(): number {
    let slot = this.freeSlots.pop();
    if (slot === undefined) {
      slot = this.used++;
      if (this.used * BLOCK_INTS > this.ints.length) {
        const grown = new Int32Array(this.ints.length * 2);
        grown.set(this.ints);
        this.ints = grown;
        this.floats = new Float64Array(grown.buffer);
      }
      for (let field = 0; field < 2; field++) {
        this.samples.push(new BottomKSample(this.maxSamples, this.maxValueLength));
        this.held.push(null);
        this.dense.push(null);
      }
    }
    this.clear(slot);
    return slot;
  }

  /** Empties a slot for another namespace. */
  clear(slot: number): void {
    const at = slot << 4;
    this.floats[at + TOTAL_SIZE] = 0;
    this.floats[at + FIRST_SEEN] = Infinity;
    this.floats[at + LAST_SEEN] = -Infinity;
    this.floats[at + TOTAL_FILES] = 0;
    this.ints[slot * BLOCK_INTS + TYPES_SEEN_LOW] = 0;
    this.ints[slot * BLOCK_INTS + TYPES_SEEN_HIGH] = 0;
    for (let field = 0; field < 2; field++) {
      this.dropTable(slot, field);
      this.samples[2 * slot + field]!.clear();
      this.initField(slot, field);
    }
  }

  release(slot: number): void {
    for (let field = 0; field < 2; field++) {
      this.dropTable(slot, field);
      this.samples[2 * slot + field]!.clear();
    }
    this.freeSlots.push(slot);
  }

  totalFiles(slot: number): number {
    return this.floats[(slot << 4) + TOTAL_FILES]!;
  }

  totalSize(slot: number): number {
    return this.floats[(slot << 4) + TOTAL_SIZE]!;
  }

  firstSeen(slot: number): number {
    return this.floats[(slot << 4) + FIRST_SEEN]!;
  }

  lastSeen(slot: number): number {
    return this.floats[(slot << 4) + LAST_SEEN]!;
  }

  /** Sets a slot's totals and times (restore). */
  setTotals(slot: number, files: number, size: number, first: number, last: number): void {
    const at = slot << 4;
    this.floats[at + TOTAL_FILES] = files;
    this.floats[at + TOTAL_SIZE] = size;
    this.floats[at + FIRST_SEEN] = first;
    this.floats[at + LAST_SEEN] = last;
  }

  /** Records that the content type with dictionary id `id` is counted in the slot; false if it already was. */
  markContentType(slot: number, id: number): boolean {
    const ints = this.ints;
    const at = slot * BLOCK_INTS + (id < MASK_BITS ? TYPES_SEEN_LOW : TYPES_SEEN_HIGH);
    const bit = 1 << (id < MASK_BITS ? id : id - MASK_BITS);
    const seen = ints[at]!;
    if ((seen & bit) !== 0) return false;
    ints[at] = seen | bit;
    return true;
  }

  /**
   * True when (hi, lo) hashes like the field's previous value here, which then changes nothing;
   * otherwise records it as the previous value. Compared by hash, not by string: the previous
   * string belongs to an event long gone from the cache, and equal hashes are one value to the
   * sketch and the sample anyway.
   */
  repeatsLast(slot: number, field: number, hi: number, lo: number): boolean {
    const ints = this.ints;
    const b = fieldBase(slot, field);
    const word = ints[b + WORD]!;
    if ((word & HAS_LAST) !== 0 && ints[b + LAST_HI] === hi && ints[b + LAST_LO] === lo) return true;
    ints[b + WORD] = word | HAS_LAST;
    ints[b + LAST_HI] = hi;
    ints[b + LAST_LO] = lo;
    return false;
  }

  /**
   * Counts a value hashed to (hi, lo) (int32 bits) in the field's sketch and offers it to the sample
   * unless the sketch proved it a repeat or the hash is above the sample's cutoff. A value the
   * sketch proves new (it changed the exact set, a sparse entry or a dense register, which a repeat
   * never does) cannot be in the sample, so the sample skips its duplicate check. While the field
   * holds values, a new one is held instead of offered.
   */
  count(slot: number, field: number, hi: number, lo: number, value: string): void {
    const ints = this.ints;
    const b = fieldBase(slot, field);
    const word = ints[b + WORD]!;
    const mode = word & MODE_MASK;
    let learnt: number;
    if (mode === MODE_EXACT) {
      const position = this.exactPosition(b, word, hi, lo);
      if (position < 0) return;
      const room = ints[b + ROOM]!;
      if (room >= 0) {
        const bytes = heldValueBytes(value.length);
        if (bytes <= room && value.length <= this.maxValueLength && ints[b + COUNT]! < this.exactLimit) {
          ints[b + ROOM] = room - bytes;
          this.held[2 * slot + field]![position] = value;
          this.placeExact(slot, field, position, hi, lo);
          return;
        }
        this.releaseHeld(slot, field);
      }
      this.placeExact(slot, field, position, hi, lo);
      learnt = INSERT_NEW;
    } else if (mode === MODE_SPARSE) {
      learnt = this.insertSparse(slot, field, sparseEntryOf(hi, lo)) ? INSERT_NEW : INSERT_MAYBE_REPEAT;
    } else {
      learnt = this.dense[2 * slot + field]!.insertHash(hi, lo);
    }
    if ((hi ^ UNSIGNED_ORDER) > this.ints[b + CUTOFF]!) return;
    const sample = this.samples[2 * slot + field]!;
    if (learnt === INSERT_NEW ? sample.offerNew(hi, lo, value) : sample.offer(hi, lo, value)) this.ints[b + CUTOFF] = sample.cutoffHi ^ UNSIGNED_ORDER;
  }

  /** The field's sketch: its dense HyperLogLog, or one rebuilt from the table (changes nothing). */
  sketchOf(slot: number, field: number): HyperLogLog {
    const b = fieldBase(slot, field);
    const word = this.ints[b + WORD]!;
    const mode = word & MODE_MASK;
    if (mode === MODE_DENSE) return this.dense[2 * slot + field]!;
    const sketch = new HyperLogLog(this.sketchOptions);
    const table = this.tables;
    const offset = this.ints[b + OFFSET]!;
    const capacity = 1 << (word >>> LOG2_SHIFT);
    if (mode === MODE_EXACT) {
      for (let i = 0; i < capacity; i++) {
        const h = table[offset + 2 * i]!;
        const l = table[offset + 2 * i + 1]!;
        if (h !== 0 || l !== 0) sketch.addHash(h, l);
      }
      if ((word & HAS_ZERO) !== 0) sketch.addHash(0, 0);
    } else {
      for (let i = 0; i < capacity; i++) if (table[offset + i] !== 0) sketch.addSparseEntry(table[offset + i]!);
    }
    return sketch;
  }

  /** Makes `sketch` (same parameters) the field's counter state; its held values are released first. */
  load(slot: number, field: number, sketch: HyperLogLog): void {
    if (sketch === this.dense[2 * slot + field]) return;
    this.releaseHeld(slot, field);
    const b = fieldBase(slot, field);
    const keep = this.ints[b + WORD]! & HAS_LAST;
    this.dropTable(slot, field);
    this.ints[b + COUNT] = 0;
    const representation = sketch.representation;
    if (representation === 'dense') {
      this.dense[2 * slot + field] = sketch;
      this.ints[b + WORD] = keep | MODE_DENSE;
    } else if (representation === 'sparse') {
      this.newTable(slot, field, keep | MODE_SPARSE, this.sparseInitialCapacity);
      sketch.visitEntries(ignoreHash, (entry) => this.insertSparse(slot, field, entry));
    } else {
      this.newTable(slot, field, keep | MODE_EXACT, this.exactInitialCapacity);
      sketch.visitEntries((hi, lo) => this.insertExact(slot, field, hi, lo), ignoreEntry);
    }
  }

  /** The field's sample, to merge into (call `releaseHeld` first, `syncCutoff` after). */
  sample(slot: number, field: number): BottomKSample {
    return this.samples[2 * slot + field]!;
  }

  /** The field's sample as it stands: built from the held values if need be (changes nothing). */
  sampleNow(slot: number, field: number): BottomKSample {
    const values = this.held[2 * slot + field];
    if (values === null) return this.samples[2 * slot + field]!;
    const built = new BottomKSample(this.maxSamples, this.maxValueLength);
    this.offerHeld(slot, field, values, built);
    return built;
  }

  /** Fills the field's sample from the values it holds; it is updated directly from then on. */
  releaseHeld(slot: number, field: number): void {
    const values = this.held[2 * slot + field];
    if (values === null) return;
    const sample = this.samples[2 * slot + field]!;
    this.offerHeld(slot, field, values, sample);
    this.held[2 * slot + field] = null;
    this.ints[fieldBase(slot, field) + ROOM] = -1;
    this.syncCutoff(slot, field);
  }

  /** Call after any change to a sample made other than through `count`. */
  syncCutoff(slot: number, field: number): void {
    this.ints[fieldBase(slot, field) + CUTOFF] = this.samples[2 * slot + field]!.cutoffHi ^ UNSIGNED_ORDER;
  }

  // --- internals -------------------------------------------------------------------------------

  private initField(slot: number, field: number): void {
    const ints = this.ints;
    const b = fieldBase(slot, field);
    ints[b + LAST_HI] = 0;
    ints[b + LAST_LO] = 0;
    ints[b + COUNT] = 0;
    ints[b + CUTOFF] = NO_CUTOFF;
    ints[b + ROOM] = -1;
    this.held[2 * slot + field] = null;
    this.dense[2 * slot + field] = null;
    if (this.exactLimit > 0) {
      const capacity = this.exactInitialCapacity;
      this.newTable(slot, field, MODE_EXACT, capacity);
      if (this.holdBytes >= 0) {
        ints[b + ROOM] = this.holdBytes;
        this.held[2 * slot + field] = new Array<string>(capacity + 1);
      }
    } else if (this.sparseLimit > 0) {
      this.newTable(slot, field, MODE_SPARSE, this.sparseInitialCapacity);
    } else {
      this.dense[2 * slot + field] = new HyperLogLog(this.sketchOptions);
      ints[b + WORD] = MODE_DENSE;
    }
  }

  /** Gives the field an empty table of `capacity` slots; `flags`: its mode and HAS_LAST. */
  private newTable(slot: number, field: number, flags: number, capacity: number): void {
    const b = fieldBase(slot, field);
    this.ints[b + WORD] = flags & (MODE_MASK | HAS_LAST); // no table while allocating (see `compact`)
    const offset = this.allocateTable((flags & MODE_MASK) === MODE_EXACT ? 2 * capacity : capacity);
    this.ints[b + OFFSET] = offset;
    this.ints[b + WORD] = flags | (log2Of(capacity) << LOG2_SHIFT);
  }

  /** Frees the field's table or dense sketch and drops its held values; keeps HAS_LAST. */
  private dropTable(slot: number, field: number): void {
    const b = fieldBase(slot, field);
    const word = this.ints[b + WORD]!;
    this.freeTable(this.ints[b + OFFSET]!, tableSize(word));
    this.ints[b + WORD] = word & HAS_LAST;
    this.ints[b + COUNT] = 0;
    this.dense[2 * slot + field] = null;
    this.held[2 * slot + field] = null;
  }

  /** Inserts (hi, lo) into the field's exact table unless present (no held value). */
  private insertExact(slot: number, field: number, hi: number, lo: number): void {
    const b = fieldBase(slot, field);
    const position = this.exactPosition(b, this.ints[b + WORD]!, hi, lo);
    if (position >= 0) this.placeExact(slot, field, position, hi, lo);
  }

  /**
   * Probes the exact table of the field at `b` (its state `word`) for (hi, lo): -1 when the hash
   * is there, else the empty slot the probe ended on (capacity for the zero hash, which is kept
   * as a flag: its index among held values).
   */
  private exactPosition(b: number, word: number, hi: number, lo: number): number {
    const capacity = 1 << (word >>> LOG2_SHIFT);
    if (hi === 0 && lo === 0) return (word & HAS_ZERO) !== 0 ? -1 : capacity;
    const table = this.tables;
    const offset = this.ints[b + OFFSET]!;
    const mask = capacity - 1;
    let position = lo & mask;
    for (;;) {
      const h = table[offset + 2 * position]!;
      const l = table[offset + 2 * position + 1]!;
      if (h === 0 && l === 0) return position;
      if (h === hi && l === lo) return -1;
      position = (position + 1) & mask;
    }
  }

  /** Stores a new hash at `position` (the empty slot its probe ended on; capacity for the zero hash), then grows or escalates as HyperLogLog does. */
  private placeExact(slot: number, field: number, position: number, hi: number, lo: number): void {
    const ints = this.ints;
    const b = fieldBase(slot, field);
    const word = ints[b + WORD]!;
    if (hi === 0 && lo === 0) {
      ints[b + WORD] = word | HAS_ZERO;
    } else {
      const offset = ints[b + OFFSET]!;
      this.tables[offset + 2 * position] = hi;
      this.tables[offset + 2 * position + 1] = lo;
    }
    const count = ints[b + COUNT]! + 1;
    ints[b + COUNT] = count;
    if (count > this.exactLimit) this.escalate(slot, field);
    else if (count > (1 << (word >>> LOG2_SHIFT)) * 0.75) this.growExact(slot, field);
  }

  private growExact(slot: number, field: number): void {
    const b = fieldBase(slot, field);
    const word = this.ints[b + WORD]!;
    const log2 = word >>> LOG2_SHIFT;
    const capacity = 1 << log2;
    const grown = 2 * capacity;
    const at = this.allocateTable(2 * grown); // may move the old table: read its offset after
    const offset = this.ints[b + OFFSET]!;
    const table = this.tables;
    const old = this.held[2 * slot + field];
    const values = old === null ? null : new Array<string>(grown + 1);
    const mask = grown - 1;
    for (let i = 0; i < capacity; i++) {
      const hi = table[offset + 2 * i]!;
      const lo = table[offset + 2 * i + 1]!;
      if (hi === 0 && lo === 0) continue;
      let position = lo & mask;
      while (table[at + 2 * position] !== 0 || table[at + 2 * position + 1] !== 0) position = (position + 1) & mask;
      table[at + 2 * position] = hi;
      table[at + 2 * position + 1] = lo;
      if (values !== null) values[position] = old![i]!;
    }
    if (values !== null) {
      values[grown] = old![capacity]!;
      this.held[2 * slot + field] = values;
    }
    this.freeTable(offset, 2 * capacity);
    this.ints[b + OFFSET] = at;
    this.ints[b + WORD] = (word & ~(-1 << LOG2_SHIFT)) | ((log2 + 1) << LOG2_SHIFT);
  }

  /** Leaves exact mode (its held values were released): to sparse when enabled, else dense. */
  private escalate(slot: number, field: number): void {
    const b = fieldBase(slot, field);
    const word = this.ints[b + WORD]!;
    if (this.sparseLimit === 0) {
      const sketch = this.sketchOf(slot, field); // exactLimit + 1 values: dense
      this.dropTable(slot, field);
      this.dense[2 * slot + field] = sketch;
      this.ints[b + WORD] = (word & HAS_LAST) | MODE_DENSE;
      return;
    }
    const offset = this.ints[b + OFFSET]!;
    const exact = this.tables.slice(offset, offset + tableSize(word));
    this.dropTable(slot, field);
    this.newTable(slot, field, (word & HAS_LAST) | MODE_SPARSE, this.sparseInitialCapacity);
    for (let i = 0; i < exact.length; i += 2) if (exact[i] !== 0 || exact[i + 1] !== 0) this.insertSparse(slot, field, sparseEntryOf(exact[i]!, exact[i + 1]!));
    if ((word & HAS_ZERO) !== 0) this.insertSparse(slot, field, sparseEntryOf(0, 0));
  }

  /** Inserts or raises a sparse entry; true when the table changed. */
  private insertSparse(slot: number, field: number, entry: number): boolean {
    const ints = this.ints;
    const b = fieldBase(slot, field);
    const table = this.tables;
    const offset = ints[b + OFFSET]!;
    const word = ints[b + WORD]!;
    const mask = (1 << (word >>> LOG2_SHIFT)) - 1;
    const key = entry >>> 6;
    let position = key & mask;
    for (;;) {
      const e = table[offset + position]!;
      if (e === 0) break;
      if (e >>> 6 === key) {
        if ((entry & 63) <= (e & 63)) return false;
        table[offset + position] = entry;
        return true;
      }
      position = (position + 1) & mask;
    }
    table[offset + position] = entry;
    const count = ints[b + COUNT]! + 1;
    ints[b + COUNT] = count;
    if (count > this.sparseLimit) this.toDense(slot, field);
    else if (count > (mask + 1) * 0.75) this.growSparse(slot, field);
    return true;
  }

  private growSparse(slot: number, field: number): void {
    const b = fieldBase(slot, field);
    const word = this.ints[b + WORD]!;
    const log2 = word >>> LOG2_SHIFT;
    const capacity = 1 << log2;
    const at = this.allocateTable(2 * capacity); // may move the old table: read its offset after
    const offset = this.ints[b + OFFSET]!;
    const table = this.tables;
    const mask = 2 * capacity - 1;
    for (let i = 0; i < capacity; i++) {
      const e = table[offset + i]!;
      if (e === 0) continue;
      let position = (e >>> 6) & mask;
      while (table[at + position] !== 0) position = (position + 1) & mask;
      table[at + position] = e;
    }
    this.freeTable(offset, capacity);
    this.ints[b + OFFSET] = at;
    this.ints[b + WORD] = (word & ~(-1 << LOG2_SHIFT)) | ((log2 + 1) << LOG2_SHIFT);
  }

  private toDense(slot: number, field: number): void {
    const b = fieldBase(slot, field);
    const word = this.ints[b + WORD]!;
    const sketch = this.sketchOf(slot, field); // more than sparseLimit entries: dense
    this.dropTable(slot, field);
    this.dense[2 * slot + field] = sketch;
    this.ints[b + WORD] = (word & HAS_LAST) | MODE_DENSE;
  }

  /**
   * Offers the values the field holds to `sample`. Only the k smallest hashes can stay: when more
   * are held, those whose top byte is above the k-th smallest's (`heldTopByteLimit`) are skipped,
   * so an empty sample sifts almost every offer up, one comparison per level, where offering all
   * sifted most of them down through eight children per level (about 120,000 instructions for
   * 256 values into 100).
   */
  private offerHeld(slot: number, field: number, values: string[], sample: BottomKSample): void {
    const b = fieldBase(slot, field);
    const word = this.ints[b + WORD]!;
    const capacity = 1 << (word >>> LOG2_SHIFT);
    const table = this.tables;
    const offset = this.ints[b + OFFSET]!;
    const count = this.ints[b + COUNT]!;
    const limit = count > sample.k ? this.heldTopByteLimit(b, sample.k) : 255;
    sample.reserve(count);
    for (let i = 0; i < capacity; i++) {
      const hi = table[offset + 2 * i]!;
      const lo = table[offset + 2 * i + 1]!;
      if ((hi !== 0 || lo !== 0) && hi >>> 24 <= limit) sample.offerNewShort(hi, lo, values[i]!);
    }
    if ((word & HAS_ZERO) !== 0) sample.offerNewShort(0, 0, values[capacity]!);
  }

  /** The top byte of the k-th smallest hash in the exact table of the field at `b` (it holds more than k). */
  private heldTopByteLimit(b: number, k: number): number {
    const word = this.ints[b + WORD]!;
    const capacity = 1 << (word >>> LOG2_SHIFT);
    const table = this.tables;
    const offset = this.ints[b + OFFSET]!;
    const byTopByte = TOP_BYTE_COUNTS.fill(0);
    for (let i = 0; i < capacity; i++) {
      const hi = table[offset + 2 * i]!;
      if (hi !== 0 || table[offset + 2 * i + 1] !== 0) byTopByte[hi >>> 24]++;
    }
    if ((word & HAS_ZERO) !== 0) byTopByte[0]++;
    let seen = 0;
    for (let byte = 0; byte < 255; byte++) {
      seen += byTopByte[byte]!;
      if (seen >= k) return byte;
    }
    return 255;
  }

  /** Offset of `size` (a power of two) zeroed words of the arena. */
  private allocateTable(size: number): number {
    const free = this.freeTables[log2Of(size)]!;
    let at: number;
    if (free.length > 0) {
      at = free.pop()!;
      this.garbage -= size;
    } else {
      if (this.top + size > this.tables.length) this.compact(size);
      at = this.top;
      this.top += size;
    }
    this.tables.fill(0, at, at + size);
    return at;
  }

  private freeTable(offset: number, size: number): void {
    if (size === 0) return;
    this.garbage += size;
    this.freeTables[log2Of(size)]!.push(offset);
  }

  /**
   * Moves every live table to the start of the arena, leaving room for `size`
   * more words: in place, or into a new arena of 4/3 of the live words when more than 3/4 of the
   * arena would be live (twice would copy half as much, but raise the memory bound by a quarter
   * at low precision, where the exact tables dominate it).
   */
  private compact(size: number): void {
    const live = this.top - this.garbage;
    const needed = live + size;
    const target = needed > 0.75 * this.tables.length ? new Int32Array(Math.ceil((4 * needed) / 3)) : this.tables;
    const owners: number[] = [];
    for (let slot = 0; slot < this.used; slot++) {
      for (let field = 0; field < 2; field++) {
        const b = fieldBase(slot, field);
        if (tableSize(this.ints[b + WORD]!) > 0) owners.push(b);
      }
    }
    // In place, tables move down in offset order so that none is overwritten before it moves;
    // into a new arena, slot order will do (sorting 2 x slots on every growth cost a few % of a
    // stream's time).
    if (target === this.tables) owners.sort((x, y) => this.ints[x + OFFSET]! - this.ints[y + OFFSET]!);
    let to = 0;
    for (const b of owners) {
      const from = this.ints[b + OFFSET]!;
      const words = tableSize(this.ints[b + WORD]!);
      if (target === this.tables) target.copyWithin(to, from, from + words);
      else target.set(this.tables.subarray(from, from + words), to);
      this.ints[b + OFFSET] = to;
      to += words;
    }
    this.tables = target;
    this.top = to;
    this.garbage = 0;
    for (const free of this.freeTables) free.length = 0;
  }
}

/** Scratch of `heldTopByteLimit`: exact-table entries by the top byte of their hash. */
const TOP_BYTE_COUNTS = new Int32Array(256);

function ignoreHash(): void {}

function ignoreEntry(): void {}
