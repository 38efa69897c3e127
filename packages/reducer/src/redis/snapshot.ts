/**
 * Reading the group's state: `readSnapshot` merges every worker's checkpointed partial into one
 * `NamespaceReducer` (read with one MGET, so it is one point in time); `closeWindows` writes the
 * merged result of every window all active workers' watermarks have passed; `readWindow` and
 * `listClosedWindows` read those results.
 *
 * Cost: one round trip for the consumer list plus one MGET; merge time is the reducers'
 * (O(total state size)). Memory: every partial at once plus the merged reducer.
 */
import { WatchError } from 'redis';
import { NamespaceReducer, type NamespaceReducerOptions, type ReducerSnapshot } from '../namespace-reducer.js';
import type { MetadataEvent } from '../validate.js';
import { getBuffer, getBuffers, type StreamClient } from './client.js';
import { protocolKeys } from './keys.js';
import { decodePartial, emptyHeader, encodePartial, type DecodedPartial, type PartialHeader } from './partial.js';
import type { ConsumerInfo, WindowOptions } from './stream-worker.js';

type ReaderOptions<E> = Pick<NamespaceReducerOptions<E>, 'fields'>;

export interface ReadSnapshotOptions<E = MetadataEvent> {
  client: StreamClient;
  group: string;
  /** As given to the workers. Default `catchwise:<group>`. */
  keyPrefix?: string;
  /** Field accessors, as given to the workers (only needed for events shaped differently). */
  reducer?: ReaderOptions<E>;
}

export interface ConsumerProgress {
  consumer: string;
  /** Checkpoints written. */
  seq: number;
  /** Highest entry id covered by the consumer's checkpoint. */
  lastId: string;
  entries: number;
  counted: number;
  skipped: number;
  deleted: number;
  deadLettered: Record<string, number>;
  watermark: number | null;
}

export interface GroupSnapshot<E = MetadataEvent> {
  /** The merged records, as `NamespaceReducer.snapshot()` returns them (all open windows together when windowed). */
  snapshot: ReducerSnapshot<E>;
  /** The merged reducer (a new object: merge it further, serialise it, …). */
  reducer: NamespaceReducer<E>;
  /** Windowed mode: the merged state of each window still open, by window start. */
  windows: Map<number, NamespaceReducer<E>>;
  consumers: ConsumerProgress[];
  /** Stream entries covered by the checkpoints, over all consumers. */
  entries: number;
  /** Dead letters by reason, over all consumers. */
  deadLettered: Record<string, number>;
  skipped: number;
  deleted: number;
}

async function readPartials(client: StreamClient, partialKey: (consumer: string) => string, consumers: string[]): Promise<Array<DecodedPartial | null>> {
  const replies = await getBuffers(client, consumers.map(partialKey));
  return replies.map((raw, i) => (raw === null ? null : decodePartial(partialKey(consumers[i]!), raw)));
}

/** Merges every worker's checkpointed partial into one snapshot (see the file header). */
export async function readSnapshot<E = MetadataEvent>(options: ReadSnapshotOptions<E>): Promise<GroupSnapshot<E>> {
  const { client } = options;
  const keys = protocolKeys(options.group, options.keyPrefix);
  const consumers = (await client.hKeys(keys.consumers)).sort();
  const partials = await readPartials(client, keys.partial, consumers);
  const readerOptions: ReaderOptions<E> = options.reducer?.fields === undefined ? {} : { fields: options.reducer.fields };
  let merged: NamespaceReducer<E> | null = null;
  const windows = new Map<number, NamespaceReducer<E>>();
  const progress: ConsumerProgress[] = [];
  const deadLettered: Record<string, number> = {};
  let entries = 0;
  let skipped = 0;
  let deleted = 0;
  partials.forEach((partial, i) => {
    if (partial === null) return;
    const h = partial.header;
    progress.push({ consumer: consumers[i]!, seq: h.seq, lastId: h.lastId, entries: h.entries, counted: h.counted, skipped: h.skipped, deleted: h.deleted, deadLettered: { ...h.deadLettered }, watermark: h.watermark });
    entries += h.entries;
    skipped += h.skipped;
    deleted += h.deleted;
    for (const [reason, n] of Object.entries(h.deadLettered)) deadLettered[reason] = (deadLettered[reason] ?? 0) + n;
    h.windows.forEach((w, j) => {
      const state = NamespaceReducer.fromBytes<E>(partial.states[j]!, readerOptions);
      if (w.start !== null) {
        const win = windows.get(w.start);
        if (win === undefined) windows.set(w.start, NamespaceReducer.fromBytes<E>(partial.states[j]!, readerOptions));
        else win.merge(state);
      }
      if (merged === null) merged = state;
      else merged.merge(state);
    });
  });
  const reducer: NamespaceReducer<E> = merged ?? new NamespaceReducer<E>(readerOptions);
  return { snapshot: reducer.snapshot(), reducer, windows, consumers: progress, entries, deadLettered, skipped, deleted };
}

export interface CloseWindowsOptions<E = MetadataEvent> {
  client: StreamClient;
  group: string;
  keyPrefix?: string;
  /** As given to the workers (`lateness` default 0, `consumerTimeoutMs` default 60,000). */
  window: WindowOptions;
  reducer?: ReaderOptions<E>;
}

/**
 * Writes the merged result of every window that all active workers' watermarks have passed
 * (`start + size + lateness <= min watermark`; idle workers and workers silent for
 * `consumerTimeoutMs` are not waited for, their partials are still merged). Runs under WATCH of
 * the consumer infos: returns null, writing nothing, if a worker checkpointed meanwhile; else the
 * starts of the windows it closed. Workers call it after their checkpoints; safe to call from anywhere.
 */
export async function closeWindows<E = MetadataEvent>(options: CloseWindowsOptions<E>): Promise<number[] | null> {
  const { client } = options;
  const w = { size: options.window.size, lateness: options.window.lateness ?? 0, consumerTimeoutMs: options.window.consumerTimeoutMs ?? 60_000 };
  const keys = protocolKeys(options.group, options.keyPrefix);
  const readerOptions: ReaderOptions<E> = options.reducer?.fields === undefined ? {} : { fields: options.reducer.fields };
  await client.watch(keys.consumers);
  const infos = Object.entries(await client.hGetAll(keys.consumers)).map(([consumer, json]) => ({ consumer, ...(JSON.parse(json) as ConsumerInfo) }));
  const now = Date.now();
  const active = infos.filter((i) => !i.idle && now - i.updatedAt < w.consumerTimeoutMs);
  const marks = (list: typeof infos): number[] => list.map((i) => i.watermark ?? -Infinity);
  const watermark = active.length > 0 ? Math.min(...marks(active)) : Math.max(-Infinity, ...marks(infos));
  // Read the partials only when some worker's oldest open window is due (infos say which).
  const due_ = infos.some((i) => i.oldest !== undefined && i.oldest !== null && i.oldest + w.size + w.lateness <= watermark);
  if (!Number.isFinite(watermark) || !due_) {
    await client.unwatch();
    return [];
  }
  const closed = new Set((await client.zRange(keys.closed, 0, -1)).map(Number));
  const consumers = infos.map((i) => i.consumer).sort();
  const partials = await readPartials(client, keys.partial, consumers);
  const due = new Map<number, { reducer: NamespaceReducer<E>; contributions: Record<string, number> }>();
  partials.forEach((partial, i) => {
    if (partial === null) return;
    partial.header.windows.forEach((win, j) => {
      const start = win.start;
      if (start === null || closed.has(start) || start + w.size + w.lateness > watermark) return;
      const state = NamespaceReducer.fromBytes<E>(partial.states[j]!, readerOptions);
      const entry = due.get(start);
      if (entry === undefined) due.set(start, { reducer: state, contributions: { [consumers[i]!]: partial.header.seq } });
      else {
        entry.reducer.merge(state);
        entry.contributions[consumers[i]!] = partial.header.seq;
      }
    });
  });
  if (due.size === 0) {
    await client.unwatch();
    return [];
  }
  const multi = client.multi();
  const starts = [...due.keys()].sort((a, b) => a - b);
  for (const start of starts) {
    const { reducer, contributions } = due.get(start)!;
    const header: PartialHeader = { ...emptyHeader(''), counted: reducer.totalEvents, watermark, windows: [{ start, bytes: 0 }], contributions };
    multi.set(keys.window(start), encodePartial(header, [reducer.toBytes()]), { condition: 'NX' });
    multi.zAdd(keys.closed, { score: start, value: String(start) });
  }
  try {
    await multi.exec();
  } catch (error) {
    if (error instanceof WatchError) return null; // a worker checkpointed between our reads and EXEC
    throw error;
  }
  return starts;
}

export interface ClosedWindow<E = MetadataEvent> {
  start: number;
  snapshot: ReducerSnapshot<E>;
  reducer: NamespaceReducer<E>;
  /** The checkpoint sequence number of each worker partial merged into it. */
  contributions: Record<string, number>;
}

/** Starts (epoch ms) of the windows whose merged result has been written, ascending. */
export async function listClosedWindows(options: { client: StreamClient; group: string; keyPrefix?: string }): Promise<number[]> {
  const keys = protocolKeys(options.group, options.keyPrefix);
  return (await options.client.zRange(keys.closed, 0, -1)).map(Number);
}

/** The merged result of a closed window, or null while it is open. */
export async function readWindow<E = MetadataEvent>(options: ReadSnapshotOptions<E> & { start: number }): Promise<ClosedWindow<E> | null> {
  const keys = protocolKeys(options.group, options.keyPrefix);
  const key = keys.window(options.start);
  const raw = await getBuffer(options.client, key);
  if (raw === null) return null;
  const { header, states } = decodePartial(key, raw);
  const reducer = NamespaceReducer.fromBytes<E>(states[0]!, options.reducer?.fields === undefined ? {} : { fields: options.reducer.fields });
  return { start: options.start, snapshot: reducer.snapshot(), reducer, contributions: header.contributions ?? {} };
}
