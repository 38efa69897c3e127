/**
 * WindowedReducer: a NamespaceReducer per event-time window, tumbling (hop = size) or hopping
 * (hop < size, size a multiple of hop), closed by a watermark.
 *
 * Window k covers [k x hop, k x hop + size). Watermark = max event time seen - outOfOrderness.
 * A window closes, once, when watermark >= end + grace: `onWindowClose` receives its start, end,
 * snapshot and reducer, then the window is dropped. An event whose windows are all closed is late:
 * it is counted in `rejected.by_reason.late` and passed to `onInvalid` (never thrown, even in strict
 * mode); an event late for some of its hopping windows only is added to the open ones and counted
 * in `partiallyLate`. `flush()` closes every open window (end of stream).
 *
 * Memory bound: openWindows x a window reducer's memoryBound() ((maxNamespaces + 1) x stateBound
 *   + its content-type dictionary), openWindows =
 *   floor((outOfOrderness + grace + size) / hop) + 1 (windows whose start lies in
 *   (maxTime - outOfOrderness - grace - size, maxTime]). `memoryBound()` returns it, and the
 *   constructor throws when it exceeds `memoryLimit` (default 512 MiB).
 * Time per event: size / hop reducer updates + O(1) amortised window bookkeeping.
 * Error: as NamespaceReducer, per window.
 */
import { NamespaceReducer, type NamespaceReducerOptions, type ReducerSnapshot } from './namespace-reducer.js';
import { EventValidator, RejectionCounter, type MetadataEvent, type RejectedCounts } from './validate.js';

export interface ClosedWindow<E = MetadataEvent> {
  /** Window start and end (exclusive), epoch ms. */
  start: number;
  end: number;
  snapshot: ReducerSnapshot<E>;
  /** The window's reducer, for `toBytes()` checkpoints or `merge()` across shards. */
  reducer: NamespaceReducer<E>;
}

export interface WindowedReducerOptions<E = MetadataEvent> extends NamespaceReducerOptions<E> {
  /** Window length in ms. */
  size: number;
  /** Distance between window starts in ms; default `size` (tumbling). `size` must be a multiple. */
  hop?: number;
  /** Watermark lag behind the largest event time seen, in ms. Default 0. */
  outOfOrderness?: number;
  /** Extra time a window stays open after the watermark passes its end, in ms. Default 0. */
  grace?: number;
  /** Called once per window, in window order, when it closes. */
  onWindowClose?: (window: ClosedWindow<E>) => void;
  /** Largest acceptable `memoryBound()`, in bytes. Default 512 MiB. */
  memoryLimit?: number;
}

export class WindowedReducer<E = MetadataEvent> {
  readonly size: number;
  readonly hop: number;
  readonly outOfOrderness: number;
  readonly grace: number;
  private readonly reducerOptions: NamespaceReducerOptions<E>;
  private readonly validator: EventValidator<E>;
  private readonly rejections: RejectionCounter;
  private readonly onWindowClose: ((window: ClosedWindow<E>) => void) | undefined;
  /** Open windows by start, and their starts in ascending order. */
  private readonly windows = new Map<number, NamespaceReducer<E>>();
  private starts: number[] = [];
  private maxTime = -Infinity;
  private closedCount = 0;
  private partial = 0;
  private accepted = 0;
  private readonly bound: number;

  constructor(options: WindowedReducerOptions<E>) {
    const { size, hop = options.size, outOfOrderness = 0, grace = 0, onWindowClose, memoryLimit = 512 * 1024 * 1024, ...rest } = options;
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`WindowedReducer: size must be a positive integer of ms, got ${String(size)}`);
    if (!Number.isInteger(hop) || hop < 1 || hop > size || size % hop !== 0) {
      throw new RangeError(`WindowedReducer: hop must be a positive integer that divides size (${size}), got ${String(hop)}`);
    }
    if (!(outOfOrderness >= 0) || !Number.isFinite(outOfOrderness)) throw new RangeError(`WindowedReducer: outOfOrderness must be a finite number >= 0, got ${String(outOfOrderness)}`);
    if (!(grace >= 0) || !Number.isFinite(grace)) throw new RangeError(`WindowedReducer: grace must be a finite number >= 0, got ${String(grace)}`);
    if (onWindowClose !== undefined && typeof onWindowClose !== 'function') throw new TypeError('WindowedReducer: onWindowClose must be a function');
    this.size = size;
    this.hop = hop;
    this.outOfOrderness = outOfOrderness;
    this.grace = grace;
    this.onWindowClose = onWindowClose;
    this.reducerOptions = { maxNamespaces: 1000, ...rest };
    if (this.reducerOptions.maxNamespaces === Infinity) throw new RangeError('WindowedReducer: maxNamespaces must be finite (it bounds the memory of every window)');
    const probe = new NamespaceReducer<E>(this.reducerOptions);
    this.bound = this.maxOpenWindows() * probe.memoryBound();
    if (this.bound > memoryLimit) {
      throw new RangeError(
        `WindowedReducer: memory bound ${formatBytes(this.bound)} (${this.maxOpenWindows()} open windows x ${probe.memoryBound()} B per window) exceeds memoryLimit ${formatBytes(memoryLimit)}; lower maxNamespaces, maxSamples, precision, outOfOrderness or grace, or raise memoryLimit`,
      );
    }
    this.validator = new EventValidator<E>(rest.fields);
    this.rejections = new RejectionCounter(rest.onInvalid, rest.strict === true);
  }

  /** Most windows open at once: floor((outOfOrderness + grace + size) / hop) + 1. */
  maxOpenWindows(): number {
    return Math.floor((this.outOfOrderness + this.grace + this.size) / this.hop) + 1;
  }

  /** Upper bound in bytes of all open windows' state (checked against memoryLimit at construction). */
  memoryBound(): number {
    return this.bound;
  }

  /** Current watermark (epoch ms), -Infinity before the first event. */
  get watermark(): number {
    return this.maxTime - this.outOfOrderness;
  }

  get rejected(): RejectedCounts {
    return this.rejections.snapshot();
  }

  /** Events added to some but not all of their (hopping) windows because the others had closed. */
  get partiallyLate(): number {
    return this.partial;
  }

  /** Events added to at least one window. */
  get totalEvents(): number {
    return this.accepted;
  }

  get closedWindows(): number {
    return this.closedCount;
  }

  /** Starts of the windows currently open, ascending. */
  openWindows(): number[] {
    return this.starts.slice();
  }

  /** Adds an event to every open window that covers its time; returns false if invalid or late. */
  add(event: E): boolean {
    const v = this.validator;
    const reason = v.parse(event);
    if (reason !== null) return this.rejections.reject(reason, event, true, reason === 'accessor_threw' ? v.accessorError : undefined);
    const t = v.time;
    const hop = this.hop;
    const watermark = this.maxTime - this.outOfOrderness;
    let added = 0;
    let missed = 0;
    for (let start = Math.floor(t / hop) * hop; start > t - this.size; start -= hop) {
      if (start + this.size + this.grace <= watermark) {
        missed++;
        continue;
      }
      let reducer = this.windows.get(start);
      if (reducer === undefined) reducer = this.open(start);
      reducer.addParsed(v, event);
      added++;
    }
    if (added === 0) {
      this.rejections.reject('late', event, false);
      return false;
    }
    this.accepted++;
    if (missed > 0) this.partial++;
    if (t > this.maxTime) {
      this.maxTime = t;
      this.closeUpTo(t - this.outOfOrderness);
    }
    return true;
  }

  addAll(events: Iterable<E>): number {
    let accepted = 0;
    for (const event of events) if (this.add(event)) accepted++;
    return accepted;
  }

  /** Like NamespaceReducer.consume; does not flush at the end (call `flush()`). */
  async consume(source: AsyncIterable<E> | Iterable<E>): Promise<number> {
    let accepted = 0;
    for await (const event of source as AsyncIterable<E>) if (this.add(event)) accepted++;
    return accepted;
  }

  /** Moves the watermark as if an event at `time` had arrived (idle sources), closing windows. */
  advanceTo(time: number): void {
    if (time > this.maxTime) {
      this.maxTime = time;
      this.closeUpTo(time - this.outOfOrderness);
    }
  }

  /** Closes every open window, in order (end of stream). */
  flush(): void {
    this.closeUpTo(Infinity);
  }

  private open(start: number): NamespaceReducer<E> {
    const reducer = new NamespaceReducer<E>(this.reducerOptions);
    this.windows.set(start, reducer);
    let i = this.starts.length;
    this.starts.push(start);
    while (i > 0 && this.starts[i - 1]! > start) {
      this.starts[i] = this.starts[i - 1]!;
      i--;
    }
    this.starts[i] = start;
    return reducer;
  }

  private closeUpTo(watermark: number): void {
    let n = 0;
    while (n < this.starts.length && this.starts[n]! + this.size + this.grace <= watermark) n++;
    if (n === 0) return;
    const closing = this.starts.slice(0, n);
    this.starts = this.starts.slice(n);
    const reducers = closing.map((start) => {
      const reducer = this.windows.get(start)!;
      this.windows.delete(start);
      this.closedCount++;
      return reducer;
    });
    closing.forEach((start, i) => {
      const reducer = reducers[i]!;
      this.onWindowClose?.({ start, end: start + this.size, snapshot: reducer.snapshot(), reducer });
    });
  }
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${n} B`;
}
