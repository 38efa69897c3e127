/**
 * runStreamWorker: one member of a Redis Streams consumer group reducing its share of a stream
 * into a `NamespaceReducer`, with checkpoints that make counts effectively-once under
 * at-least-once delivery.
 *
 * Protocol (keys in `keys.ts`, bytes in `partial.ts`):
 *   - read: XREADGROUP, first the worker's own pending entries (history, from 0), then new ones (>).
 *   - count: decode → `reducer.add`; an entry that cannot be decoded, is rejected by the reducer, or
 *     is late for its window becomes a dead letter (its fields, reason and message), never dropped.
 *   - checkpoint (every `checkpoint.events` entries or `checkpoint.ms`): WATCH the fence (and the
 *     closed-window set), then one MULTI: SET the partial (reducer bytes + last id + counters),
 *     HSET the consumer's info, XADD the dead letters, XACK every covered entry. An entry is thus
 *     either counted and acknowledged, or neither; the PEL is the exact list of uncounted entries.
 *   - restart / reconnect: drop the in-memory state, load the partial, re-read the own PEL.
 *     Entries delivered as new (>) at or below the checkpointed id (a rewound group) are skipped.
 *   - claim: entries pending at a consumer silent for `claim.minIdleMs` (XINFO CONSUMERS, then
 *     XPENDING IDLE … <consumer>) are taken with XCLAIM in one MULTI with INCR of that consumer's fence: if it was only slow and
 *     still holds them in memory, its next checkpoint's WATCH fails and it reloads, so a slow
 *     worker and its claimer never both count an entry. (Not XAUTOCLAIM: it does not say whose
 *     entries it took, so the fence would have to be global and every claim would make every
 *     worker redo its uncommitted work; under load that starved the group.)
 *   - windowed: one reducer per tumbling event-time window; watermark = max event time; a window
 *     [s, s + size) closes once every active worker's checkpointed watermark is >= s + size +
 *     lateness; the closer merges every partial's copy of it and writes the merged window once.
 *
 * Memory: the reducer state of the open windows (one when not windowed) plus one batch of entries
 * and the ids and dead letters since the last checkpoint (<= checkpoint.events).
 */
import { WatchError } from 'redis';
import { NamespaceReducer, type NamespaceReducerOptions } from '../namespace-reducer.js';
import type { MetadataEvent, RejectReason } from '../validate.js';
import { backoffDelay, getBuffer, isTransient, sleep, type BackoffOptions, type StreamClient } from './client.js';
import { compareIds, protocolKeys, type ProtocolKeys } from './keys.js';
import { decodePartial, emptyHeader, encodePartial, type PartialHeader } from './partial.js';
import { closeWindows } from './snapshot.js';

/** Why an entry went to the dead-letter stream: a reducer reason, or one of the worker's own. */
export type DeadLetterReason = RejectReason | 'undecodable';

export interface WindowOptions {
  /** Tumbling window length in ms of event time. */
  size: number;
  /** A window closes when the group's watermark passes its end by this much (ms). Default 0. */
  lateness?: number;
  /**
   * A worker that has checkpointed nothing for this long is not waited for when closing windows
   * (it crashed and was not restarted). Its partial is still merged. Default 60,000 ms.
   */
  consumerTimeoutMs?: number;
}

export interface ClaimOptions {
  /** Pending entries idle this long are claimed from their (presumed dead) consumer. Default 30,000 ms. */
  minIdleMs?: number;
  /** How often to look for stale entries. Default minIdleMs / 2. */
  everyMs?: number;
  /** XAUTOCLAIM COUNT. Default 1,000. */
  count?: number;
}

export type StreamWorkerEvent =
  | { type: 'loaded'; consumer: string; lastId: string; seq: number; pending: 'history' }
  | { type: 'checkpoint'; consumer: string; seq: number; lastId: string; entries: number; deadLetters: number }
  | { type: 'fenced'; consumer: string; reason: 'claim' | 'window-closed' | 'watch' }
  | { type: 'claimed'; consumer: string; entries: number; from: string[] }
  | { type: 'retry'; consumer: string; attempt: number; delayMs: number; error: unknown }
  | { type: 'window-closed'; consumer: string; starts: number[] }
  | { type: 'stopped'; consumer: string; finalCheckpoint: boolean };

export interface StreamWorkerOptions<E = MetadataEvent> {
  /** A connected node-redis client used by this worker only (XREADGROUP BLOCK holds it). */
  client: StreamClient;
  stream: string;
  group: string;
  /** Stable name: a restarted worker must reuse its name to resume from its partial and PEL. */
  consumer: string;
  /** Checkpoint after this many entries or this many ms, whichever first. Default 10,000 / 1,000 ms. */
  checkpoint?: { events?: number; ms?: number };
  /** Options of every worker's `NamespaceReducer`: must be the same in every worker of a group. */
  reducer?: Omit<NamespaceReducerOptions<E>, 'onInvalid' | 'strict'>;
  /** Windowed mode (tumbling windows on event time). Default: one state for the whole stream. */
  window?: WindowOptions;
  /** Stops the worker: it finishes its batch, checkpoints, and resolves. */
  signal?: AbortSignal;
  /** Prefix of the protocol's keys. Default `catchwise:<group>`. */
  keyPrefix?: string;
  /** Dead-letter stream. Default `<keyPrefix>:dead-letter`. */
  deadLetterStream?: string;
  /** XREADGROUP COUNT. Default 1,000. */
  batchSize?: number;
  /** XREADGROUP BLOCK in ms (also bounds how long a stop takes). Default 500. */
  blockMs?: number;
  /** Claiming of stale pending entries; `false` disables it. */
  claim?: ClaimOptions | false;
  /** Backoff after a lost connection or a transient error reply. */
  backoff?: BackoffOptions;
  /**
   * Entry fields → event. Default `decodeEntry`: the JSON of an `event` field, else the fields
   * themselves with numeric `size_bytes` and `timestamp` converted. A throw makes a dead letter.
   */
  decode?: (fields: Record<string, string>, id: string) => E;
  /** Id the group starts at when this worker creates it. Default '0' (the whole stream). */
  startId?: string;
  /** Progress and recovery notifications (for logs and metrics). */
  onEvent?: (event: StreamWorkerEvent) => void;
}

export interface StreamWorkerReport {
  consumer: string;
  /** Entries counted, dead-lettered or skipped by this run and covered by a checkpoint. */
  entries: number;
  checkpoints: number;
  lastId: string;
  retries: number;
  /** Times the in-memory state was dropped and reloaded (reconnects, fences). */
  reloads: number;
  claimed: number;
  finalCheckpoint: boolean;
}

const NUMERIC = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The default entry decoder (see `StreamWorkerOptions.decode`). */
export function decodeEntry(fields: Record<string, string>): MetadataEvent {
  const json = fields.event;
  if (json !== undefined) return JSON.parse(json) as MetadataEvent;
  const event: Record<string, unknown> = { ...fields };
  const size = fields.size_bytes;
  if (size !== undefined && NUMERIC.test(size)) event.size_bytes = Number(size);
  const time = fields.timestamp;
  if (time !== undefined && NUMERIC.test(time)) event.timestamp = Number(time);
  return event as unknown as MetadataEvent;
}

/** Epoch ms of an event's timestamp as the reducer reads it (number, Date, ISO string), else NaN. */
function timeOf(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value.length > 0 ? Date.parse(value) : NaN;
  if (value instanceof Date) return value.getTime();
  return NaN;
}

export interface ConsumerInfo {
  seq: number;
  lastId: string;
  watermark: number | null;
  /** True when the worker's last read found nothing new and it holds nothing uncommitted. */
  idle: boolean;
  updatedAt: number;
  /** Start of the oldest window in the worker's partial (windowed mode), else null. */
  oldest?: number | null;
}

class StreamWorker<E> {
  private readonly client: StreamClient;
  private readonly keys: ProtocolKeys;
  private readonly partialKey: string;
  private readonly stream: string;
  private readonly group: string;
  private readonly consumer: string;
  private readonly everyEvents: number;
  private readonly everyMs: number;
  private readonly batchSize: number;
  private readonly blockMs: number;
  private readonly claim: Required<ClaimOptions> | null;
  private readonly window: Required<WindowOptions> | null;
  private readonly decode: (fields: Record<string, string>, id: string) => E;
  private readonly reducerOptions: NamespaceReducerOptions<E>;
  private readonly signal: AbortSignal | undefined;
  private readonly startId: string;
  private readonly emit: (event: StreamWorkerEvent) => void;

  // Committed (as of the last load or checkpoint) plus in-memory progress since.
  private header: PartialHeader;
  private epoch = 0;
  private reducers = new Map<number | null, NamespaceReducer<E>>();
  private dirty = new Set<number | null>();
  private closed = new Set<number>();
  private ackIds: string[] = [];
  private deadLetters: Record<string, string>[] = [];
  private headerDirty = false;
  private idle = false;
  private maxTime = -Infinity;
  private lastCheckpointAt = Date.now();
  private lastClaimAt = 0;
  private mode: 'history' | 'live' = 'history';
  private cursor = '0-0';
  private needLoad = true;
  private current: { id: string; fields: Record<string, string> } = { id: '', fields: {} };
  private lastCloseAt = 0;
  private scratch: NamespaceReducer<E> | null = null;

  readonly report: StreamWorkerReport;

  constructor(options: StreamWorkerOptions<E>) {
    const { client, stream, group, consumer } = options;
    if (client === null || typeof client !== 'object') throw new TypeError('runStreamWorker: client must be a node-redis client');
    for (const [name, value] of Object.entries({ stream, group, consumer })) {
      if (typeof value !== 'string' || value.length === 0) throw new TypeError(`runStreamWorker: ${name} must be a non-empty string`);
    }
    this.client = client;
    this.stream = stream;
    this.group = group;
    this.consumer = consumer;
    this.keys = protocolKeys(group, options.keyPrefix, options.deadLetterStream);
    this.partialKey = this.keys.partial(consumer);
    this.everyEvents = positive('checkpoint.events', options.checkpoint?.events ?? 10_000);
    this.everyMs = positive('checkpoint.ms', options.checkpoint?.ms ?? 1_000);
    this.batchSize = positive('batchSize', options.batchSize ?? 1_000);
    this.blockMs = positive('blockMs', options.blockMs ?? 500);
    if (options.claim === false) {
      this.claim = null;
    } else {
      const minIdleMs = positive('claim.minIdleMs', options.claim?.minIdleMs ?? 30_000);
      this.claim = { minIdleMs, everyMs: positive('claim.everyMs', options.claim?.everyMs ?? minIdleMs / 2), count: positive('claim.count', options.claim?.count ?? 1_000) };
    }
    if (options.window !== undefined) {
      const w = options.window;
      this.window = { size: positive('window.size', w.size), lateness: nonNegative('window.lateness', w.lateness ?? 0), consumerTimeoutMs: positive('window.consumerTimeoutMs', w.consumerTimeoutMs ?? 60_000) };
    } else {
      this.window = null;
    }
    this.decode = options.decode ?? (decodeEntry as unknown as (fields: Record<string, string>, id: string) => E);
    this.reducerOptions = { ...options.reducer, onInvalid: (reason, _event, message) => this.deadLetter(reason, message) };
    this.signal = options.signal;
    this.startId = options.startId ?? '0';
    const onEvent = options.onEvent;
    this.emit = onEvent === undefined ? () => undefined : onEvent;
    this.header = emptyHeader(consumer);
    this.report = { consumer, entries: 0, checkpoints: 0, lastId: '0-0', retries: 0, reloads: -1, claimed: 0, finalCheckpoint: false };
    new NamespaceReducer<E>(this.reducerOptions); // validates the reducer options before any I/O
  }

  async run(backoff: BackoffOptions): Promise<StreamWorkerReport> {
    const maxAttempts = backoff.maxAttempts ?? Infinity;
    let attempt = 0;
    let groupReady = false;
    while (!this.signal?.aborted) {
      try {
        if (!this.client.isOpen) await this.client.connect();
        if (!groupReady) {
          await this.ensureGroup();
          groupReady = true;
        }
        if (this.needLoad) await this.load();
        if (this.mode === 'history') {
          await this.readHistory();
        } else if (this.claim !== null && Date.now() - this.lastClaimAt >= this.claim.everyMs) {
          await this.claimStale(this.claim);
        } else {
          await this.readLive();
        }
        if (!this.needLoad && this.checkpointDue()) await this.checkpoint();
        if (this.window !== null && this.idle && !this.needLoad && Date.now() - this.lastCloseAt >= this.everyMs) {
          await this.maybeCloseWindows(this.window); // idle workers close what the others' progress made due
        }
        attempt = 0;
      } catch (error) {
        if (error instanceof WatchError) {
          // The fence or the closed-window set changed between our WATCH and EXEC: reload.
          this.needLoad = true;
          this.emit({ type: 'fenced', consumer: this.consumer, reason: 'watch' });
          continue;
        }
        if (!isTransient(error)) throw error;
        attempt++;
        if (attempt > maxAttempts) {
          throw new Error(`runStreamWorker(${this.consumer}): gave up after ${maxAttempts} attempts`, { cause: error });
        }
        const delayMs = backoffDelay(attempt - 1, backoff);
        this.report.retries++;
        this.needLoad = true;
        this.emit({ type: 'retry', consumer: this.consumer, attempt, delayMs, error });
        await sleep(delayMs, this.signal);
      }
    }
    // Stop: commit what is in memory. If that fails the entries stay pending: nothing is lost.
    if (!this.needLoad) {
      try {
        this.report.finalCheckpoint = await this.checkpoint();
      } catch (error) {
        if (!isTransient(error) && !(error instanceof WatchError)) throw error;
        this.emit({ type: 'retry', consumer: this.consumer, attempt: 0, delayMs: 0, error });
      }
    }
    this.emit({ type: 'stopped', consumer: this.consumer, finalCheckpoint: this.report.finalCheckpoint });
    return this.report;
  }

  private async ensureGroup(): Promise<void> {
    try {
      await this.client.xGroupCreate(this.stream, this.group, this.startId, { MKSTREAM: true });
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('BUSYGROUP')) return; // the group exists: the normal case
      throw error;
    }
  }

  /** Drops everything uncommitted and restores the last checkpoint; the PEL is read again. */
  private async load(): Promise<void> {
    this.report.reloads++;
    this.ackIds = [];
    this.deadLetters = [];
    this.dirty.clear();
    this.reducers = new Map();
    this.headerDirty = false;
    this.idle = false;
    this.epoch = Number((await this.client.get(this.keys.fence(this.consumer))) ?? 0);
    const raw = await getBuffer(this.client, this.partialKey);
    if (raw === null) {
      this.header = emptyHeader(this.consumer);
      if (this.window === null) this.reducers.set(null, new NamespaceReducer<E>(this.reducerOptions));
    } else {
      const { header, states } = decodePartial(this.partialKey, raw);
      this.header = header;
      header.windows.forEach((w, i) => {
        this.reducers.set(w.start, NamespaceReducer.fromBytes<E>(states[i]!, this.reducerOptions));
      });
      if (this.window === null && !this.reducers.has(null)) this.reducers.set(null, new NamespaceReducer<E>(this.reducerOptions));
    }
    this.maxTime = this.header.watermark ?? -Infinity;
    if (this.window !== null) {
      const closed = await this.client.zRange(this.keys.closed, 0, -1);
      this.closed = new Set(closed.map(Number));
    }
    this.report.lastId = this.header.lastId;
    this.mode = 'history';
    this.cursor = '0-0';
    this.needLoad = false;
    this.lastCheckpointAt = Date.now();
    this.emit({ type: 'loaded', consumer: this.consumer, lastId: this.header.lastId, seq: this.header.seq, pending: 'history' });
  }

  private async readHistory(): Promise<void> {
    const reply = await this.client.xReadGroup(this.group, this.consumer, { key: this.stream, id: this.cursor }, { COUNT: this.batchSize });
    const messages = reply === null ? [] : (reply[0]?.messages ?? []);
    if (messages.length === 0) {
      this.mode = 'live';
      return;
    }
    for (const m of messages) {
      // A pending entry whose data was deleted (XDEL / trimming) comes back with nil fields.
      this.process(m.id, (m.message as Record<string, string> | null) ?? null, false);
    }
    this.cursor = messages[messages.length - 1]!.id;
  }

  private async readLive(): Promise<void> {
    const reply = await this.client.xReadGroup(this.group, this.consumer, { key: this.stream, id: '>' }, { COUNT: this.batchSize, BLOCK: this.blockMs });
    const messages = reply === null ? [] : (reply[0]?.messages ?? []);
    const wasIdle = this.idle;
    this.idle = messages.length === 0 && this.ackIds.length === 0;
    if (this.idle !== wasIdle) this.headerDirty = true;
    for (const m of messages) this.process(m.id, m.message as Record<string, string>, true);
  }

  private process(id: string, fields: Record<string, string> | null, live: boolean): void {
    const h = this.header;
    this.ackIds.push(id);
    h.entries++;
    if (fields === null) {
      h.deleted++;
      return;
    }
    if (live) {
      if (compareIds(id, h.lastId) <= 0) {
        h.skipped++; // delivered as new, yet covered by our checkpoint: the group was rewound
        return;
      }
      h.lastId = id;
    } else if (compareIds(id, h.lastId) > 0) {
      h.lastId = id;
    }
    this.current = { id, fields };
    let event: E;
    try {
      event = this.decode(fields, id);
    } catch (error) {
      this.deadLetter('undecodable', error instanceof Error ? error.message : String(error));
      return;
    }
    if (this.window === null) {
      if (this.reducers.get(null)!.add(event)) h.counted++;
      return;
    }
    this.addWindowed(event, this.window);
  }

  private addWindowed(event: E, w: Required<WindowOptions>): void {
    const accessor = this.reducerOptions.fields?.timestamp;
    const time = timeOf(accessor ? accessor(event) : (event as { timestamp?: unknown } | null)?.timestamp);
    if (!Number.isFinite(time)) {
      // Let the reducer name the problem (missing or bad timestamp, or an earlier field).
      this.scratch ??= new NamespaceReducer<E>(this.reducerOptions);
      this.scratch.add(event);
      return;
    }
    const start = Math.floor(time / w.size) * w.size;
    if (this.closed.has(start) || start + w.size + w.lateness <= this.maxTime) {
      this.deadLetter('late', `event time ${new Date(time).toISOString()} is in window ${new Date(start).toISOString()}, already closed`);
      return;
    }
    let reducer = this.reducers.get(start);
    if (reducer === undefined) {
      reducer = new NamespaceReducer<E>(this.reducerOptions);
      this.reducers.set(start, reducer);
    }
    this.dirty.add(start); // accepted or rejected, the window's state changed
    if (reducer.add(event)) {
      this.header.counted++;
      if (time > this.maxTime) this.maxTime = time;
    }
  }

  private deadLetter(reason: DeadLetterReason, message: string): void {
    const { id, fields } = this.current;
    this.deadLetters.push({ id, stream: this.stream, consumer: this.consumer, reason, message, fields: JSON.stringify(fields) });
    const counts = this.header.deadLettered;
    counts[reason] = (counts[reason] ?? 0) + 1;
  }

  private checkpointDue(): boolean {
    if (this.ackIds.length >= this.everyEvents) return true;
    return Date.now() - this.lastCheckpointAt >= this.everyMs && (this.ackIds.length > 0 || this.headerDirty);
  }

  /** Commits the in-memory state; false when fenced (the state was dropped and will be reloaded). */
  private async checkpoint(): Promise<boolean> {
    if (this.ackIds.length === 0 && !this.headerDirty) {
      this.lastCheckpointAt = Date.now();
      return true;
    }
    const { client, keys } = this;
    const fenceKey = keys.fence(this.consumer);
    await client.watch(this.window === null ? [fenceKey] : [fenceKey, keys.closed]);
    const fence = Number((await client.get(fenceKey)) ?? 0);
    if (fence !== this.epoch) return this.fenced('claim');
    if (this.window !== null) {
      for (const start of (await client.zRange(keys.closed, 0, -1)).map(Number)) this.closed.add(start);
      for (const start of [...this.reducers.keys()]) {
        if (start === null || !this.closed.has(start)) continue;
        // Merged without what we added since our last checkpoint: redo it, now as late events.
        if (this.dirty.has(start)) return this.fenced('window-closed');
        this.reducers.delete(start); // its merged result includes our checkpointed copy
      }
    }
    const h = this.header;
    h.seq++;
    h.watermark = this.window === null || this.maxTime === -Infinity ? null : this.maxTime;
    const starts = [...this.reducers.keys()].sort((a, b) => (a ?? 0) - (b ?? 0));
    h.windows = starts.map((start) => ({ start, bytes: 0 }));
    const bytes = encodePartial(h, starts.map((start) => this.reducers.get(start)!.toBytes()));
    const windowStarts = starts.filter((start): start is number => start !== null);
    const oldest = windowStarts.length > 0 ? windowStarts[0]! : null;
    const info: ConsumerInfo = { seq: h.seq, lastId: h.lastId, watermark: h.watermark, idle: this.idle, updatedAt: Date.now(), oldest };
    const multi = client.multi().set(this.partialKey, bytes).hSet(keys.consumers, this.consumer, JSON.stringify(info));
    for (const letter of this.deadLetters) multi.xAdd(keys.deadLetter, '*', letter);
    if (this.ackIds.length > 0) multi.xAck(this.stream, this.group, this.ackIds);
    const entries = this.ackIds.length;
    const deadLetters = this.deadLetters.length;
    await multi.exec(); // throws WatchError when fenced in between: run() reloads
    this.report.entries += entries;
    this.report.checkpoints++;
    this.report.lastId = h.lastId;
    this.ackIds = [];
    this.deadLetters = [];
    this.dirty.clear();
    this.headerDirty = false;
    this.lastCheckpointAt = Date.now();
    this.emit({ type: 'checkpoint', consumer: this.consumer, seq: h.seq, lastId: h.lastId, entries, deadLetters });
    if (this.window !== null) await this.maybeCloseWindows(this.window);
    return true;
  }

  private async fenced(reason: 'claim' | 'window-closed'): Promise<false> {
    await this.client.unwatch();
    this.needLoad = true;
    this.emit({ type: 'fenced', consumer: this.consumer, reason });
    return false;
  }

  /** After each checkpoint, and every `checkpoint.ms` while idle: close the windows that are due. */
  private async maybeCloseWindows(w: Required<WindowOptions>): Promise<void> {
    this.lastCloseAt = Date.now();
    const starts = await closeWindows({ client: this.client, group: this.group, keyPrefix: this.keys.prefix, window: w, reducer: this.reducerOptions });
    // null: a worker checkpointed meanwhile; the next attempt (its checkpoint or ours) retries.
    if (starts !== null && starts.length > 0) this.emit({ type: 'window-closed', consumer: this.consumer, starts });
    // A window of ours closed (by anyone): checkpoint soon, so our partial and info drop it.
    const local = [...this.reducers.keys()].filter((start): start is number => start !== null);
    if (local.length === 0) return;
    const closed = await this.client.zRangeByScore(this.keys.closed, Math.min(...local), Math.max(...local));
    if (closed.length > 0) this.headerDirty = true;
  }

  private async claimStale(claim: Required<ClaimOptions>): Promise<void> {
    this.lastClaimAt = Date.now();
    // Presumed dead: another consumer with pending entries and no command for minIdleMs (XINFO
    // CONSUMERS is O(consumers); scanning the whole PEL with XPENDING IDLE would be O(pending)).
    const silent = (await this.client.xInfoConsumers(this.stream, this.group)).filter(
      (c) => String(c.name) !== this.consumer && Number(c.pending) > 0 && Number(c.idle) >= claim.minIdleMs,
    );
    const byOwner = new Map<string, string[]>();
    for (const c of silent) {
      const owner = String(c.name);
      const stale = await this.client.xPendingRange(this.stream, this.group, '-', '+', claim.count, { IDLE: claim.minIdleMs, consumer: owner });
      if (stale.length > 0) byOwner.set(owner, stale.map((entry) => entry.id));
    }
    if (byOwner.size === 0) return;
    const multi = this.client.multi();
    for (const [owner, ids] of byOwner) {
      multi.incr(this.keys.fence(owner));
      // XCLAIM with min-idle: an entry its owner acknowledged or read again meanwhile is not taken.
      multi.xClaim(this.stream, this.group, this.consumer, claim.minIdleMs, ids);
    }
    const replies = (await multi.exec()) as unknown[];
    let claimed = 0;
    for (let i = 1; i < replies.length; i += 2) {
      for (const m of replies[i] as Array<{ id: string; message: Record<string, string> } | null>) {
        if (m === null) continue;
        this.process(m.id, m.message, false);
        claimed++;
      }
    }
    this.report.claimed += claimed;
    this.emit({ type: 'claimed', consumer: this.consumer, entries: claimed, from: [...byOwner.keys()] });
  }
}

function positive(name: string, value: number): number {
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) throw new RangeError(`runStreamWorker: ${name} must be a positive number, got ${String(value)}`);
  return value;
}

function nonNegative(name: string, value: number): number {
  if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) throw new RangeError(`runStreamWorker: ${name} must be a number >= 0, got ${String(value)}`);
  return value;
}

/**
 * Runs one worker until `signal` aborts (then checkpoints and resolves with its report). Rejects
 * on a non-transient error (a deleted group, a wrong key type, a bug) or after
 * `backoff.maxAttempts` consecutive transient failures.
 */
export function runStreamWorker<E = MetadataEvent>(options: StreamWorkerOptions<E>): Promise<StreamWorkerReport> {
  const worker = new StreamWorker<E>(options);
  return worker.run(options.backoff ?? {});
}
