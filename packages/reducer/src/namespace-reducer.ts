/**
 * NamespaceReducer: the seed's `execute_reduction` as a streaming reducer in bounded memory.
 *
 * Per namespace it keeps: total_files, total_size_bytes, first/last event time, a HyperLogLog and a
 * bottom-k distinct sample for content_type and for workflow_id (each value hashed once, the hash
 * feeds both), and optionally a reservoir or most-recent sample of whole events.
 * At most `maxNamespaces` namespaces are kept (Space-Saving): a new namespace evicts the least
 * frequent, whose state is merged into the `__other__` record; `evictions` counts them and
 * `unmonitored_max_events` bounds the events of any namespace not listed.
 *
 * State: what an event changes (totals, times, content-type bits, the previous values' hashes, the
 *   samples' cutoffs, the exact and sparse tables of both counters) lives in a `NamespaceSlab`
 *   shared by the reducer's namespaces, at the slot the namespace `Map` gives; dense sketches,
 *   samples and held values are reached from the slot only when they change.
 * Memory bound: (maxNamespaces + 1) x stateBytes + the content-type dictionary (60 values of at
 *   most 64 characters with their hashes, DICTIONARY_BYTES), stateBytes = the slab's arena share
 *   (4/3 x 2 x the largest exact or sparse table: 21.3 KB at p = 14) + 2 x (dense registers + 200 B)
 *   + 2 x maxSamples x (8 B hash + 8 B reference + string of <= maxValueLength UTF-16 units)
 *   + eventSample.size x 8 B references + 256 B of slab block + ~600 B of objects; see
 *   `NamespaceReducer.stateBound()`. Defaults (p = 14, 100 samples, maxValueLength 256, 10,000
 *   namespaces): 158,080 B per namespace, 1.58 GB in all, worst case (about 810 MB if values are
 *   at most 64 characters); a namespace with a few hundred distinct values stays in exact mode and
 *   costs a few KB.
 * Error: unique counts as HyperLogLog (exact up to exactLimit, then 1.04 / sqrt(2^p)); totals exact
 *   for every listed namespace since its admission; `total_files_error` events of it may sit in
 *   `__other__` (Space-Saving error).
 * Time per event: O(1) amortised (validation, one Map lookup, two hashes, two sketch updates, two
 *   sample probes, skipped for a hash above the sample's cutoff kept in the slab, and while the
 *   sketch is exact, where it holds the value for the sample instead (see `NamespaceSlab`); a content type
 *   among the reducer's first 60 distinct ones (at most 64 characters each, hashed once) that the
 *   namespace already counted costs one more Map lookup and a bit test instead of a hash and a
 *   sketch probe; the Space-Saving heap is lazy, so a counted event costs nothing there and an
 *   eviction O(log maxNamespaces) amortised).
 *
 * Serialised: `toJSON()` (format 'catchwise.namespace-reducer' v1, sketches as base64 of their
 * bytes); `toBytes()` = "CWNR" | u8 version | 3 zero bytes | u32 length | UTF-8 JSON | u32 CRC-32.
 */
import type { Readable } from 'node:stream';
import { hash64 } from './hash.js';
import { HyperLogLog, type Estimate } from './hyperloglog.js';
import { BottomKSample, type BottomKJSON } from './bottom-k.js';
import { ReservoirSample, type ReservoirJSON } from './reservoir.js';
import { RecentSample, type RecentJSON } from './recent.js';
import { SpaceSavingIndex, type SpaceSavingEntry } from './space-saving.js';
import { FILE_TYPES, FIRST_SEEN, LAST_SEEN, NamespaceSlab, SLAB_BLOCK_BYTES, TOTAL_FILES, TOTAL_SIZE, WORKFLOWS, heldValueBytes } from './slab.js';
import { CorruptBytesError, crc32, fromBase64, openEnvelope, toBase64, writeMagic } from './bytes.js';
import {
  EventValidator,
  OTHER_NAMESPACE,
  RejectionCounter,
  type FieldAccessors,
  type InvalidHandler,
  type MetadataEvent,
  type RejectReason,
  type RejectedCounts,
} from './validate.js';

export interface EventSampleOptions {
  /** 'reservoir': uniform over the namespace's events (Algorithm L); 'recent': the latest events. */
  mode: 'reservoir' | 'recent';
  size: number;
  /** Reservoir seed (combined with the namespace's hash). Default 0. */
  seed?: number;
}

export interface NamespaceReducerOptions<E = MetadataEvent> {
  /** Size of the `file_types` and `workflow_ids` samples (bottom-k distinct). Default 100. */
  maxSamples?: number;
  /** HyperLogLog precision 4..18. Default 14 (12 KiB dense, 0.81 %). */
  precision?: number;
  /** Hash seed; states merge only with the same seed. Default 0. */
  seed?: number;
  /** Distinct values counted exactly per field. Default 256. */
  exactLimit?: number;
  /** Namespaces kept before Space-Saving eviction into `__other__`. Default 10,000; `Infinity` allowed. */
  maxNamespaces?: number;
  /** Sampled values longer than this are kept truncated (their hash is of the whole value). Default 256. */
  maxValueLength?: number;
  /** Also keep a sample of whole events per namespace (returned as `sample_events`). */
  eventSample?: EventSampleOptions;
  /** Accessors for events shaped differently from `MetadataEvent`. */
  fields?: FieldAccessors<E>;
  /** Called with each rejected event and its reason. */
  onInvalid?: InvalidHandler;
  /** Throw `InvalidEventError` instead of counting. Default false. */
  strict?: boolean;
}

export interface SampleAccuracy {
  /** The bottom-k sample's own estimate of the distinct count. */
  sample_estimate: number;
  /** (sample_estimate - counter estimate) / counter estimate. */
  relative_difference: number;
  /** Relative standard error expected from the sample size alone (0 while the sample is exact). */
  expected_rse: number;
}

/** One namespace, with the seed reducer's field names. */
export interface NamespaceRecord<E = MetadataEvent> {
  namespace: string;
  total_files: number;
  total_size_bytes: number;
  /** ISO 8601 time of the earliest / latest event, null when none. */
  first_seen: string | null;
  last_seen: string | null;
  /** Rounded estimates (exact below `exactLimit`). */
  unique_file_types_count: number;
  unique_workflows_count: number;
  /** The same estimates with their error bars. */
  unique_file_types_estimate: Estimate;
  unique_workflows_estimate: Estimate;
  /** Uniform samples of distinct values (bottom-k by hash), at most `maxSamples` each. */
  file_types: string[];
  workflow_ids: string[];
  /** Up to this many earlier events of this namespace were folded into `__other__` (Space-Saving). */
  total_files_error: number;
  sample_accuracy: { file_types: SampleAccuracy; workflow_ids: SampleAccuracy };
  sample_events?: E[];
}

export interface ReducerSnapshot<E = MetadataEvent> {
  /** Records by namespace, sorted by name; `__other__` (evicted namespaces) last when present. */
  namespaces: Record<string, NamespaceRecord<E>>;
  /** Accepted events. */
  total_events: number;
  /** Namespaces evicted into `__other__`. */
  evictions: number;
  /** Any namespace not listed (folded into `__other__`) had at most this many events. */
  unmonitored_max_events: number;
  rejected: RejectedCounts;
}

interface FieldJSON {
  sketch: string;
  sample: BottomKJSON;
}

interface StateJSON {
  namespace: string;
  count: number;
  error: number;
  total_files: number;
  total_size_bytes: number;
  first_seen: number | null;
  last_seen: number | null;
  file_types: FieldJSON;
  workflow_ids: FieldJSON;
  events?: ReservoirJSON<unknown> | RecentJSON<unknown>;
}

export interface NamespaceReducerJSON {
  format: 'catchwise.namespace-reducer';
  version: 1;
  options: {
    precision: number;
    seed: number;
    exactLimit: number;
    maxSamples: number;
    maxNamespaces: number | null;
    maxValueLength: number;
    eventSample: EventSampleOptions | null;
  };
  total_events: number;
  evictions: number;
  rejected: Partial<Record<RejectReason, number>>;
  namespaces: StateJSON[];
  other: StateJSON | null;
}

const MAGIC = 'CWNR';
const VERSION = 1;
const SCRATCH = new Uint32Array(2);
/** The same two words as int32: hashes are passed on as int32 so that V8 never boxes them (above 2^31). */
const SCRATCH_BITS = new Int32Array(SCRATCH.buffer);

/** Entries of a `ValueDictionary`: ids 0..59, two 30-bit masks per namespace (small integers in V8). */
const DICTIONARY_SIZE = 60;
/** Longer values are not entered: the dictionary holds at most 60 x 64 UTF-16 units. */
const DICTIONARY_MAX_LENGTH = 64;
/** Upper bound of a dictionary's memory: per entry a string, its Map entry and 8 B of hash. */
const DICTIONARY_BYTES = DICTIONARY_SIZE * (24 + 2 * DICTIONARY_MAX_LENGTH + 32 + 8) + 1024;

/**
 * The first 60 distinct short values of a field of small vocabulary (content types), each with a
 * reducer-wide id and its cw64 hash. A namespace keeps one bit per id, set once the value went
 * through its sketch and sample: a repeat (most content_type values of a busy stream) is then
 * proven by a bit test on the namespace's own state, without hashing or touching the sketch
 * (a cache miss on a large state). Values outside the dictionary take the general path.
 */
class ValueDictionary {
  private readonly ids = new Map<string, number>();
  private readonly hashes = new Int32Array(2 * DICTIONARY_SIZE);

  constructor(private readonly seed: number) {}

  /** The value's id, entering it while there is room; -1 when it has none. */
  idOf(value: string): number {
    const id = this.ids.get(value);
    if (id !== undefined) return id;
    if (this.ids.size === DICTIONARY_SIZE || value.length > DICTIONARY_MAX_LENGTH) return -1;
    const next = this.ids.size;
    hash64(value, this.seed, SCRATCH);
    this.hashes[2 * next] = SCRATCH_BITS[0]!;
    this.hashes[2 * next + 1] = SCRATCH_BITS[1]!;
    this.ids.set(value, next);
    return next;
  }

  /** High lane of the hash of the value with this id (int32 bits). */
  hi(id: number): number {
    return this.hashes[2 * id]!;
  }

  /** Low lane of the hash of the value with this id (int32 bits). */
  lo(id: number): number {
    return this.hashes[2 * id + 1]!;
  }
}

const FIELDS = [WORKFLOWS, FILE_TYPES] as const;

class NamespaceState<E> implements SpaceSavingEntry {
  error = 0;
  heapPos = -1;
  heapKey = 0;
  /**
   * The Space-Saving count minus the total files: an event adds to the total in the slab, so the
   * count follows without touching this object (count = total_files + error unless restored
   * otherwise).
   */
  private countBase = 0;
  events: ReservoirSample<E> | RecentSample<E> | null = null;

  constructor(
    public name: string,
    /** This namespace's slot in the reducer's `NamespaceSlab`. */
    readonly slot: number,
    readonly slab: NamespaceSlab,
    config: Config,
  ) {
    this.resetEvents(config);
  }

  get count(): number {
    return this.slab.totalFiles(this.slot) + this.countBase;
  }

  set count(value: number) {
    this.countBase = value - this.slab.totalFiles(this.slot);
  }

  get totalFiles(): number {
    return this.slab.totalFiles(this.slot);
  }

  get totalSize(): number {
    return this.slab.totalSize(this.slot);
  }

  get firstSeen(): number {
    return this.slab.firstSeen(this.slot);
  }

  get lastSeen(): number {
    return this.slab.lastSeen(this.slot);
  }

  /** A field's sketch (rebuilt from the slab unless dense; changes nothing). */
  sketch(field: number): HyperLogLog {
    return this.slab.sketchOf(this.slot, field);
  }

  /** A field's sample as it stands (built from the held values if need be; changes nothing). */
  sampleNow(field: number): BottomKSample {
    return this.slab.sampleNow(this.slot, field);
  }

  resetEvents(config: Config): void {
    const es = config.eventSample;
    if (es === null) return;
    if (es.mode === 'recent') {
      this.events = new RecentSample<E>(es.size);
    } else {
      hash64(this.name, config.seed, SCRATCH);
      this.events = new ReservoirSample<E>(es.size, ((es.seed ?? 0) ^ SCRATCH[1]!) | 0);
    }
  }

  reset(name: string, config: Config): void {
    this.name = name;
    this.error = 0;
    this.slab.clear(this.slot);
    this.countBase = 0;
    this.resetEvents(config);
  }

  /** Folds `other` (of this or another reducer) into this state (never mutates `other`); the Space-Saving count is unchanged. */
  absorb(other: NamespaceState<E>, timeOf: (event: E) => number): void {
    const count = this.count;
    const slab = this.slab;
    const slot = this.slot;
    slab.setTotals(
      slot,
      this.totalFiles + other.totalFiles,
      this.totalSize + other.totalSize,
      Math.min(this.firstSeen, other.firstSeen),
      Math.max(this.lastSeen, other.lastSeen),
    );
    for (const field of FIELDS) {
      slab.releaseHeld(slot, field);
      const sketch = slab.sketchOf(slot, field);
      sketch.merge(other.sketch(field));
      slab.load(slot, field, sketch);
      slab.sample(slot, field).merge(other.sampleNow(field));
      slab.syncCutoff(slot, field);
    }
    this.count = count;
    if (this.events instanceof ReservoirSample && other.events instanceof ReservoirSample) this.events.merge(other.events);
    else if (this.events instanceof RecentSample && other.events instanceof RecentSample) this.events.merge(other.events, timeOf);
  }
}

interface Config {
  /** Bytes of values a sketch may hold for its sample: a full sample's strings, maxSamples x (24 + 2 x maxValueLength). */
  heldValueBytes: number;
  precision: number;
  seed: number;
  exactLimit: number;
  maxSamples: number;
  maxNamespaces: number;
  maxValueLength: number;
  eventSample: EventSampleOptions | null;
}

function resolveConfig(options: NamespaceReducerOptions<never>): Config {
  const maxSamples = options.maxSamples ?? 100;
  const maxNamespaces = options.maxNamespaces ?? 10_000;
  const maxValueLength = options.maxValueLength ?? 256;
  if (!Number.isInteger(maxSamples) || maxSamples < 1 || maxSamples > 100_000) {
    throw new RangeError(`NamespaceReducer: maxSamples must be an integer from 1 to 100,000, got ${String(maxSamples)}`);
  }
  if (maxNamespaces !== Infinity && (!Number.isInteger(maxNamespaces) || maxNamespaces < 1)) {
    throw new RangeError(`NamespaceReducer: maxNamespaces must be a positive integer or Infinity, got ${String(maxNamespaces)}`);
  }
  if (!Number.isInteger(maxValueLength) || maxValueLength < 1) {
    throw new RangeError(`NamespaceReducer: maxValueLength must be a positive integer, got ${String(maxValueLength)}`);
  }
  const es = options.eventSample ?? null;
  if (es !== null) {
    if (es.mode !== 'reservoir' && es.mode !== 'recent') throw new RangeError(`NamespaceReducer: eventSample.mode must be 'reservoir' or 'recent', got ${String(es.mode)}`);
    if (!Number.isInteger(es.size) || es.size < 1) throw new RangeError(`NamespaceReducer: eventSample.size must be a positive integer, got ${String(es.size)}`);
  }
  // Validates precision, seed and exactLimit with HyperLogLog's own messages.
  const probe = new HyperLogLog({ precision: options.precision, seed: options.seed, exactLimit: options.exactLimit });
  return {
    heldValueBytes: maxSamples * heldValueBytes(maxValueLength),
    precision: probe.precision,
    seed: probe.seed,
    exactLimit: probe.exactLimit,
    maxSamples,
    maxNamespaces,
    maxValueLength,
    eventSample: es === null ? null : { mode: es.mode, size: es.size, ...(es.seed === undefined ? {} : { seed: es.seed }) },
  };
}


function isoOrNull(ms: number): string | null {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

function sampleAccuracy(sample: BottomKSample, counter: Estimate): SampleAccuracy {
  const a = sample.accuracy(counter.value);
  return { sample_estimate: a.sampleEstimate, relative_difference: a.relativeDifference, expected_rse: a.expectedRse };
}

export class NamespaceReducer<E = MetadataEvent> {
  private readonly config: Config;
  private readonly validator: EventValidator<E>;
  private readonly rejections: RejectionCounter;
  /** Slot in `slab` (and `stateAt`) of each kept namespace; `__other__` has a slot but no entry. */
  private readonly slots = new Map<string, number>();
  private readonly stateAt: NamespaceState<E>[] = [];
  private readonly slab: NamespaceSlab;
  private readonly sampleEvents: boolean;
  private readonly contentTypes: ValueDictionary;
  private readonly index = new SpaceSavingIndex<NamespaceState<E>>();
  private other: NamespaceState<E> | null = null;
  private readonly bounded: boolean;
  private events = 0;
  private evictionCount = 0;
  private readonly options: NamespaceReducerOptions<E>;

  constructor(options: NamespaceReducerOptions<E> = {}) {
    this.options = options;
    this.config = resolveConfig(options as NamespaceReducerOptions<never>);
    this.validator = new EventValidator<E>(options.fields);
    this.rejections = new RejectionCounter(options.onInvalid, options.strict === true);
    this.bounded = this.config.maxNamespaces !== Infinity;
    this.contentTypes = new ValueDictionary(this.config.seed);
    this.slab = new NamespaceSlab(this.config);
    this.sampleEvents = this.config.eventSample !== null;
  }

  /** Adds one event; returns false (and counts the reason) when it is invalid. */
  add(event: E): boolean {
    const v = this.validator;
    const reason = v.parse(event);
    if (reason !== null) return this.rejections.reject(reason, event, true, reason === 'accessor_threw' ? v.accessorError : undefined);
    this.addParsed(v, event);
    return true;
  }

  /** @internal Adds an event already parsed by `v` (used by WindowedReducer). */
  addParsed(v: EventValidator<E>, event: E): void {
    let slot = this.slots.get(v.namespace);
    if (slot === undefined) slot = this.admit(v.namespace);
    this.events++;
    const slab = this.slab;
    const numbers = slab.floats;
    const at = slot << 4;
    numbers[at + TOTAL_FILES] += 1;
    numbers[at + TOTAL_SIZE] += v.size;
    const t = v.time;
    if (t < numbers[at + FIRST_SEEN]!) numbers[at + FIRST_SEEN] = t;
    if (t > numbers[at + LAST_SEEN]!) numbers[at + LAST_SEEN] = t;
    // Repeats change nothing (the sketch is idempotent, a bottom-k sample too): a content type in
    // the reducer's dictionary that this namespace already counted is skipped before hashing, and
    // a value hashing like this namespace's previous one before touching its sketch; a value the
    // counter knows is a repeat (exact mode) skips the sample, and so does a hash above the
    // sample's cutoff (most values once the sample is full), read from the slab.
    const ct = v.contentType;
    const id = this.contentTypes.idOf(ct);
    if (id >= 0) {
      if (slab.markContentType(slot, id)) slab.count(slot, FILE_TYPES, this.contentTypes.hi(id), this.contentTypes.lo(id), ct);
    } else {
      hash64(ct, this.config.seed, SCRATCH);
      const hi = SCRATCH_BITS[0]!;
      const lo = SCRATCH_BITS[1]!;
      if (!slab.repeatsLast(slot, FILE_TYPES, hi, lo)) slab.count(slot, FILE_TYPES, hi, lo, ct);
    }
    const wf = v.workflowId;
    hash64(wf, this.config.seed, SCRATCH);
    const hi = SCRATCH_BITS[0]!;
    const lo = SCRATCH_BITS[1]!;
    if (!slab.repeatsLast(slot, WORKFLOWS, hi, lo)) slab.count(slot, WORKFLOWS, hi, lo, wf);
    if (this.sampleEvents) this.stateAt[slot]!.events!.offer(event);
  }

  /** Adds every event of an iterable; returns the number accepted. */
  addAll(events: Iterable<E>): number {
    let accepted = 0;
    for (const event of events) if (this.add(event)) accepted++;
    return accepted;
  }

  /**
   * Adds every event of an async iterable or an object-mode `Readable`, pulling one event at a
   * time (a paused stream is not read ahead: backpressure is the stream's own). Resolves to the
   * number accepted.
   */
  async consume(source: AsyncIterable<E> | Iterable<E> | Readable): Promise<number> {
    let accepted = 0;
    for await (const event of source as AsyncIterable<E>) if (this.add(event)) accepted++;
    return accepted;
  }

  /** Number of namespaces currently kept (not counting `__other__`). */
  get size(): number {
    return this.slots.size;
  }

  get evictions(): number {
    return this.evictionCount;
  }

  /** Accepted events so far. */
  get totalEvents(): number {
    return this.events;
  }

  get rejected(): RejectedCounts {
    return this.rejections.snapshot();
  }

  /** The record of one namespace (`'__other__'` for the evicted ones), or undefined. */
  get(namespace: string): NamespaceRecord<E> | undefined {
    const state = namespace === OTHER_NAMESPACE ? this.other : this.stateOf(namespace);
    return state ? this.record(state) : undefined;
  }

  /** A plain-data view of everything: records with the seed's field names and error bars. */
  snapshot(): ReducerSnapshot<E> {
    const namespaces: Record<string, NamespaceRecord<E>> = {};
    for (const name of [...this.slots.keys()].sort()) namespaces[name] = this.record(this.stateOf(name)!);
    if (this.other !== null) namespaces[OTHER_NAMESPACE] = this.record(this.other);
    return {
      namespaces,
      total_events: this.events,
      evictions: this.evictionCount,
      unmonitored_max_events: this.evictionCount > 0 ? this.index.minCount() : 0,
      rejected: this.rejections.snapshot(),
    };
  }

  /** Upper bound, in bytes, of one namespace's state under these options. */
  stateBound(): number {
    const c = this.config;
    const { arenaBytes, fieldBytes } = NamespaceSlab.boundsPerSlot(new HyperLogLog({ precision: c.precision, seed: c.seed, exactLimit: c.exactLimit }));
    const stringBytes = heldValueBytes(c.maxValueLength);
    const samples = c.maxSamples * (8 + 8 + stringBytes);
    const events = c.eventSample === null ? 0 : c.eventSample.size * 8 + 64;
    return arenaBytes + 2 * fieldBytes + 2 * samples + events + SLAB_BLOCK_BYTES + 600;
  }

  /** Upper bound, in bytes, of this reducer's state: (maxNamespaces + 1) x stateBound() + the content-type dictionary. */
  memoryBound(): number {
    return (this.config.maxNamespaces + 1) * this.stateBound() + DICTIONARY_BYTES;
  }

  /**
   * Folds `other` into this reducer (never mutates `other`). Same-named namespaces are merged
   * exactly; when more than `maxNamespaces` remain, the least frequent (then by name) move to
   * `__other__`. Throws when the two were built with different precision, seed, exactLimit,
   * maxSamples, maxNamespaces or eventSample.
   */
  merge(other: NamespaceReducer<E>): this {
    if (!(other instanceof NamespaceReducer)) throw new TypeError('NamespaceReducer.merge: argument is not a NamespaceReducer');
    const a = this.config;
    const b = other.config;
    const problems: string[] = [];
    if (a.precision !== b.precision) problems.push(`precision ${a.precision} vs ${b.precision}`);
    if (a.seed !== b.seed) problems.push(`seed ${a.seed} vs ${b.seed}`);
    if (a.exactLimit !== b.exactLimit) problems.push(`exactLimit ${a.exactLimit} vs ${b.exactLimit}`);
    if (a.maxSamples !== b.maxSamples) problems.push(`maxSamples ${a.maxSamples} vs ${b.maxSamples}`);
    if (a.maxNamespaces !== b.maxNamespaces) problems.push(`maxNamespaces ${a.maxNamespaces} vs ${b.maxNamespaces}`);
    if ((a.eventSample?.mode ?? null) !== (b.eventSample?.mode ?? null) || a.eventSample?.size !== b.eventSample?.size) problems.push('eventSample differs');
    if (problems.length > 0) throw new Error(`NamespaceReducer.merge: incompatible reducers (${problems.join(', ')})`);
    if (other === this) throw new Error('NamespaceReducer.merge: cannot merge a reducer into itself (it would double every total)');
    const timeOf = this.timeOf();
    // Mergeable Space-Saving (Agarwal et al. 2012): a namespace monitored on one side only may have
    // up to the other side's minimum count of events in that side's __other__; add it to its
    // count and error so that count >= true count and any unlisted namespace has <= min events.
    const minMine = this.evictionCount > 0 ? this.index.minCount() : 0;
    const minTheirs = other.evictionCount > 0 ? other.index.minCount() : 0;
    for (const mine of this.keptStates()) {
      if (!other.slots.has(mine.name) && minTheirs > 0) {
        mine.count += minTheirs;
        mine.error += minTheirs;
      }
    }
    for (const theirs of other.keptStates()) {
      let mine = this.stateOf(theirs.name);
      if (mine === undefined) {
        mine = this.newState(theirs.name);
        mine.count = minMine;
        mine.error = minMine;
        this.keep(mine);
      }
      mine.absorb(theirs, timeOf);
      mine.count += theirs.count;
      mine.error += theirs.error;
    }
    if (other.other !== null) {
      this.other ??= this.newState(OTHER_NAMESPACE);
      this.other.absorb(other.other, timeOf);
    }
    this.events += other.events;
    this.evictionCount += other.evictionCount;
    this.rejections.addCounts(other.rejections.snapshot().by_reason);
    this.trim();
    return this;
  }

  toJSON(): NamespaceReducerJSON {
    const c = this.config;
    return {
      format: 'catchwise.namespace-reducer',
      version: 1,
      options: {
        precision: c.precision,
        seed: c.seed,
        exactLimit: c.exactLimit,
        maxSamples: c.maxSamples,
        maxNamespaces: c.maxNamespaces === Infinity ? null : c.maxNamespaces,
        maxValueLength: c.maxValueLength,
        eventSample: c.eventSample,
      },
      total_events: this.events,
      evictions: this.evictionCount,
      rejected: this.rejections.snapshot().by_reason,
      namespaces: [...this.slots.keys()].sort().map((name) => stateToJSON(this.stateOf(name)!)),
      other: this.other === null ? null : stateToJSON(this.other),
    };
  }

  /**
   * Rebuilds a reducer from `toJSON()` output. Accessors and callbacks are not serialisable: pass
   * them again in `options` (other options come from the JSON).
   */
  static fromJSON<E = MetadataEvent>(json: NamespaceReducerJSON, options: Pick<NamespaceReducerOptions<E>, 'fields' | 'onInvalid' | 'strict'> = {}): NamespaceReducer<E> {
    const fail = (problem: string): never => {
      throw new CorruptBytesError('NamespaceReducer', problem);
    };
    if (json === null || typeof json !== 'object') fail('expected an object');
    if (json.format !== 'catchwise.namespace-reducer') fail(`not a NamespaceReducer state (format ${JSON.stringify(json.format)})`);
    if (json.version !== VERSION) fail(`unsupported version ${String(json.version)} (this build reads version ${VERSION})`);
    const o = json.options;
    if (o === null || typeof o !== 'object') fail('options missing');
    const reducer = new NamespaceReducer<E>({
      ...options,
      precision: o.precision,
      seed: o.seed,
      exactLimit: o.exactLimit,
      maxSamples: o.maxSamples,
      maxNamespaces: o.maxNamespaces ?? Infinity,
      maxValueLength: o.maxValueLength,
      ...(o.eventSample === null ? {} : { eventSample: o.eventSample }),
    });
    if (!Number.isInteger(json.total_events) || json.total_events < 0) fail('total_events must be a non-negative integer');
    if (!Number.isInteger(json.evictions) || json.evictions < 0) fail('evictions must be a non-negative integer');
    if (!Array.isArray(json.namespaces)) fail('namespaces must be an array');
    reducer.events = json.total_events;
    reducer.evictionCount = json.evictions;
    reducer.rejections.addCounts(json.rejected ?? {});
    for (const entry of json.namespaces) {
      const state = reducer.stateFromJSON(entry, fail);
      if (state.name === OTHER_NAMESPACE || reducer.slots.has(state.name)) fail(`namespace ${JSON.stringify(state.name)} is duplicated or reserved`);
      reducer.keep(state);
    }
    if (reducer.slots.size > reducer.config.maxNamespaces) fail(`${reducer.slots.size} namespaces exceed maxNamespaces ${reducer.config.maxNamespaces}`);
    if (json.other !== null && json.other !== undefined) reducer.other = reducer.stateFromJSON(json.other, fail);
    return reducer;
  }

  /** Versioned, checksummed bytes of `toJSON()`; byte-identical after a `fromBytes` round trip. */
  toBytes(): Uint8Array {
    const body = new TextEncoder().encode(JSON.stringify(this.toJSON()));
    const out = new Uint8Array(12 + body.length + 4);
    const view = new DataView(out.buffer);
    writeMagic(out, 0, MAGIC);
    out[4] = VERSION;
    view.setUint32(8, body.length, true);
    out.set(body, 12);
    view.setUint32(out.length - 4, crc32(out, 0, out.length - 4), true);
    return out;
  }

  static fromBytes<E = MetadataEvent>(bytes: Uint8Array, options: Pick<NamespaceReducerOptions<E>, 'fields' | 'onInvalid' | 'strict'> = {}): NamespaceReducer<E> {
    const view = openEnvelope('NamespaceReducer', MAGIC, bytes, 16);
    if (bytes[4] !== VERSION) throw new CorruptBytesError('NamespaceReducer', `unsupported version ${bytes[4]} (this build reads version ${VERSION})`);
    const length = view.getUint32(8, true);
    if (length !== bytes.length - 16) throw new CorruptBytesError('NamespaceReducer', `length field ${length} does not match ${bytes.length - 16} payload bytes`);
    let json: NamespaceReducerJSON;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(12, 12 + length))) as NamespaceReducerJSON;
    } catch (error) {
      throw new CorruptBytesError('NamespaceReducer', `payload is not UTF-8 JSON (${(error as Error).message})`);
    }
    return NamespaceReducer.fromJSON<E>(json, options);
  }

  // --- internals -------------------------------------------------------------------------------

  /** Keeps a new namespace, evicting the least frequent one into `__other__` at the bound; returns its slot. */
  private admit(name: string): number {
    if (this.bounded && this.slots.size >= this.config.maxNamespaces) {
      const victim = this.index.pop()!;
      this.slots.delete(victim.name);
      this.foldIntoOther(victim);
      const inherited = victim.count;
      victim.reset(name, this.config);
      victim.count = inherited;
      victim.error = inherited;
      this.slots.set(name, victim.slot);
      this.index.push(victim);
      return victim.slot;
    }
    const state = this.newState(name);
    this.keep(state);
    return state.slot;
  }

  /** A state on a new slot of this reducer's slab (not yet kept). */
  private newState(name: string): NamespaceState<E> {
    const state = new NamespaceState<E>(name, this.slab.allocate(), this.slab, this.config);
    this.stateAt[state.slot] = state;
    return state;
  }

  /** Lists a state as a kept namespace. */
  private keep(state: NamespaceState<E>): void {
    this.slots.set(state.name, state.slot);
    if (this.bounded) this.index.push(state);
  }

  private stateOf(name: string): NamespaceState<E> | undefined {
    const slot = this.slots.get(name);
    return slot === undefined ? undefined : this.stateAt[slot];
  }

  private keptStates(): NamespaceState<E>[] {
    return [...this.slots.values()].map((slot) => this.stateAt[slot]!);
  }

  private foldIntoOther(state: NamespaceState<E>): void {
    this.other ??= this.newState(OTHER_NAMESPACE);
    this.other.absorb(state, this.timeOf());
    this.evictionCount++;
  }

  /** Evicts the least frequent namespaces until at most maxNamespaces remain. */
  private trim(): void {
    if (!this.bounded) return;
    while (this.slots.size > this.config.maxNamespaces) {
      const victim = this.index.pop()!;
      this.slots.delete(victim.name);
      this.foldIntoOther(victim);
      this.slab.release(victim.slot);
    }
  }

  private timeOfCache: ((event: E) => number) | null = null;

  private timeOf(): (event: E) => number {
    if (this.timeOfCache === null) {
      const validator = new EventValidator<E>(this.options.fields);
      this.timeOfCache = (event) => (validator.parse(event) === null ? validator.time : 0);
    }
    return this.timeOfCache;
  }

  private record(state: NamespaceState<E>): NamespaceRecord<E> {
    const ft = state.sketch(FILE_TYPES).estimate();
    const wf = state.sketch(WORKFLOWS).estimate();
    const fileTypeSample = state.sampleNow(FILE_TYPES);
    const workflowSample = state.sampleNow(WORKFLOWS);
    const record: NamespaceRecord<E> = {
      namespace: state.name,
      total_files: state.totalFiles,
      total_size_bytes: state.totalSize,
      first_seen: isoOrNull(state.firstSeen),
      last_seen: isoOrNull(state.lastSeen),
      unique_file_types_count: Math.round(ft.value),
      unique_workflows_count: Math.round(wf.value),
      unique_file_types_estimate: ft,
      unique_workflows_estimate: wf,
      file_types: fileTypeSample.values(),
      workflow_ids: workflowSample.values(),
      total_files_error: state.error,
      sample_accuracy: { file_types: sampleAccuracy(fileTypeSample, ft), workflow_ids: sampleAccuracy(workflowSample, wf) },
    };
    if (state.events !== null) record.sample_events = state.events.values();
    return record;
  }

  /** A state (on a new slot, not yet kept) restored from `toJSON()` output. */
  private stateFromJSON(json: StateJSON, fail: (problem: string) => never): NamespaceState<E> {
    const config = this.config;
    if (json === null || typeof json !== 'object' || typeof json.namespace !== 'string' || json.namespace.length === 0) fail('a namespace entry has no name');
    const where = `namespace ${JSON.stringify(json.namespace)}`;
    for (const key of ['count', 'error', 'total_files'] as const) {
      if (!Number.isInteger(json[key]) || json[key] < 0) fail(`${where}: ${key} must be a non-negative integer`);
    }
    if (typeof json.total_size_bytes !== 'number' || !(json.total_size_bytes >= 0)) fail(`${where}: total_size_bytes must be a number >= 0`);
    const state = this.newState(json.namespace);
    const slab = this.slab;
    slab.setTotals(state.slot, json.total_files, json.total_size_bytes, json.first_seen ?? Infinity, json.last_seen ?? -Infinity);
    state.count = json.count; // after the total files it is kept relative to
    state.error = json.error;
    const load = (json: FieldJSON | undefined, field: number, label: string): void => {
      if (json === null || typeof json !== 'object' || typeof json.sketch !== 'string') fail(`${where}: ${label} is missing`);
      const loaded = HyperLogLog.fromBytes(fromBase64(json!.sketch));
      const sketch = slab.sketchOf(state.slot, field);
      sketch.assertCompatible(loaded, 'fromJSON');
      sketch.merge(loaded);
      slab.load(state.slot, field, sketch);
      let restored: BottomKSample;
      try {
        restored = BottomKSample.fromJSON(json!.sample, config.maxValueLength);
      } catch (error) {
        return fail(`${where}: ${label} sample: ${(error as Error).message}`);
      }
      if (restored.k !== config.maxSamples) fail(`${where}: ${label} sample has k = ${restored.k}, maxSamples is ${config.maxSamples}`);
      slab.sample(state.slot, field).merge(restored);
      slab.syncCutoff(state.slot, field);
    };
    load(json.file_types, FILE_TYPES, 'file_types'); // `load` released the values the field held
    load(json.workflow_ids, WORKFLOWS, 'workflow_ids');
    if (config.eventSample !== null) {
      if (json.events === undefined) fail(`${where}: event sample missing`);
      try {
        state.events =
          config.eventSample.mode === 'recent'
            ? RecentSample.fromJSON<E>(json.events as RecentJSON<E>)
            : ReservoirSample.fromJSON<E>(json.events as ReservoirJSON<E>);
      } catch (error) {
        fail(`${where}: event sample: ${(error as Error).message}`);
      }
    }
    return state;
  }
}

function fieldToJSON(sketch: HyperLogLog, sample: BottomKSample): FieldJSON {
  return { sketch: toBase64(sketch.toBytes()), sample: sample.toJSON() };
}

function stateToJSON<E>(state: NamespaceState<E>): StateJSON {
  const json: StateJSON = {
    namespace: state.name,
    count: state.count,
    error: state.error,
    total_files: state.totalFiles,
    total_size_bytes: state.totalSize,
    first_seen: Number.isFinite(state.firstSeen) ? state.firstSeen : null,
    last_seen: Number.isFinite(state.lastSeen) ? state.lastSeen : null,
    file_types: fieldToJSON(state.sketch(FILE_TYPES), state.sampleNow(FILE_TYPES)),
    workflow_ids: fieldToJSON(state.sketch(WORKFLOWS), state.sampleNow(WORKFLOWS)),
  };
  if (state.events !== null) json.events = state.events.toJSON() as ReservoirJSON<unknown> | RecentJSON<unknown>;
  return json;
}
