// @catchwise/reducer/redis against a real redis-server: counts, dead letters, reconnects, claims,
// windows. The fault test with worker processes and SIGKILL is fault.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { NamespaceReducer } from '../../src/namespace-reducer.js';
import {
  createWorkerClient,
  decodeEntry,
  listClosedWindows,
  protocolKeys,
  readSnapshot,
  readWindow,
  runStreamWorker,
  type StreamClient,
  type StreamWorkerEvent,
  type StreamWorkerOptions,
  type StreamWorkerReport,
} from '../../src/redis/index.js';
import { cleanup, eventFields, rng, startRedis, type TestRedis } from './redis-server.js';

let redis: TestRedis;
let admin: StreamClient;
let seq = 0;

beforeAll(async () => {
  redis = await startRedis();
  admin = createClient({ url: redis.url, commandOptions: { timeout: 60_000 } }); // bursts of XADD on a busy machine
  admin.on('error', (error: Error) => console.warn('admin client', error));
  await admin.connect();
}, 30_000);

afterAll(async () => {
  if (admin?.isOpen) {
    await cleanup(admin, redis);
    await admin.quit();
  }
  await redis?.stop();
});

function names(): { stream: string; group: string } {
  seq++;
  return { stream: `${redis.tag}:events:${seq}`, group: `${redis.tag}:g${seq}` };
}

/** Appends events [from, to) and returns them; `reference` gets every one, as a single process would. */
async function produce(stream: string, from: number, to: number, reference: NamespaceReducer, seed = 1): Promise<void> {
  const random = rng(seed + from);
  for (let i = from; i < to; i += 5_000) {
    const pending: Array<Promise<string>> = [];
    for (let j = i; j < Math.min(to, i + 5_000); j++) {
      const fields = eventFields(j, random);
      pending.push(admin.xAdd(stream, '*', fields));
      try {
        reference.add(decodeEntry(fields));
      } catch (error) {
        if (!(error instanceof SyntaxError)) throw error; // the undecodable events: dead letters only
      }
    }
    await Promise.all(pending);
  }
}

async function drained(stream: string, group: string): Promise<boolean> {
  const info = (await admin.xInfoGroups(stream)).find((g) => g.name === group);
  return info !== undefined && Number(info.pending) === 0 && Number(info.lag) === 0;
}

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the group to drain');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Running {
  client: StreamClient;
  controller: AbortController;
  done: ReturnType<typeof runStreamWorker>;
  events: StreamWorkerEvent[];
}

async function startWorker(options: Omit<StreamWorkerOptions, 'client' | 'signal'>): Promise<Running> {
  const client = createWorkerClient({ url: redis.url, name: options.consumer, backoff: { initialMs: 20, maxMs: 200 } });
  await client.connect();
  const controller = new AbortController();
  const events: StreamWorkerEvent[] = [];
  const done = runStreamWorker({ ...options, client, signal: controller.signal, onEvent: (e) => events.push(e) });
  return { client, controller, done, events };
}

async function stop(worker: Running): Promise<StreamWorkerReport> {
  worker.controller.abort();
  const report = await worker.done;
  await worker.client.quit();
  return report;
}

/** The merged snapshot equals the single-process reference record for record. */
function expectSameAsReference(merged: NamespaceReducer, reference: NamespaceReducer): void {
  const a = merged.snapshot();
  const b = reference.snapshot();
  expect(a.total_events).toBe(b.total_events);
  expect(a.rejected).toEqual(b.rejected);
  expect(Object.keys(a.namespaces)).toEqual(Object.keys(b.namespaces));
  for (const [name, record] of Object.entries(b.namespaces)) {
    const got = a.namespaces[name]!;
    expect(got.total_files, name).toBe(record.total_files);
    expect(got.total_size_bytes, name).toBe(record.total_size_bytes);
    expect(got.unique_workflows_estimate, name).toEqual(record.unique_workflows_estimate);
    expect(got.unique_file_types_estimate, name).toEqual(record.unique_file_types_estimate);
  }
  expect(a).toEqual(b);
}

describe('runStreamWorker + readSnapshot', () => {
  it('two workers together count exactly what one process counts; bad events go to the dead-letter stream', async () => {
    const { stream, group } = names();
    const reference = new NamespaceReducer();
    await produce(stream, 0, 30_000, reference);
    const workers = await Promise.all(['a', 'b'].map((consumer) => startWorker({ stream, group, consumer, checkpoint: { events: 2_000, ms: 200 } })));
    await until(() => drained(stream, group), 60_000);
    const reports = [];
    for (const w of workers) reports.push(await stop(w));
    expect(reports.map((r) => r.finalCheckpoint)).toEqual([true, true]); // a stop checkpoints first
    expect(reports[0]!.entries + reports[1]!.entries).toBe(30_000);
    const result = await readSnapshot({ client: admin, group });
    expectSameAsReference(result.reducer, reference);
    expect(result.entries).toBe(30_000);
    expect(result.consumers.map((c) => c.consumer)).toEqual(['a', 'b']);
    expect(result.consumers.every((c) => c.counted > 0)).toBe(true);
    // Dead letters: every rejected event plus the undecodable ones, with their reason.
    const keys = protocolKeys(group);
    const letters = (await admin.xRange(keys.deadLetter, '-', '+')) ?? [];
    const byReason: Record<string, number> = {};
    for (const l of letters) byReason[l.message.reason!] = (byReason[l.message.reason!] ?? 0) + 1;
    const rejected = reference.snapshot().rejected;
    expect(rejected.total).toBeGreaterThan(0);
    expect(byReason.undecodable).toBeGreaterThan(0);
    expect(byReason).toEqual({ ...rejected.by_reason, undecodable: byReason.undecodable });
    expect(result.deadLettered).toEqual(byReason);
    expect(letters.length + reference.snapshot().total_events).toBe(30_000);
    const sample = letters.find((l) => l.message.reason === 'bad_size_bytes')!;
    expect(JSON.parse(sample.message.fields!)).toMatchObject({ size_bytes: '-5' });
    expect(sample.message.id).toMatch(/^\d+-\d+$/);
  }, 90_000);

  it('a worker whose connection is killed backs off, reloads its checkpoint and resumes without loss', async () => {
    const { stream, group } = names();
    const reference = new NamespaceReducer();
    await produce(stream, 0, 20_000, reference, 7);
    const worker = await startWorker({ stream, group, consumer: 'k', batchSize: 500, checkpoint: { events: 1_500, ms: 100 } });
    // Kill the worker's connection five times while more events arrive.
    let kills = 0;
    for (let round = 0; round < 5; round++) {
      await produce(stream, 20_000 + round * 4_000, 24_000 + round * 4_000, reference, 7);
      let id: string | undefined;
      for (let tries = 0; id === undefined && tries < 100; tries++) {
        if (tries > 0) await new Promise((resolve) => setTimeout(resolve, 50)); // still reconnecting
        id = /id=(\d+) .*name=k /.exec(String(await admin.sendCommand(['CLIENT', 'LIST'])))?.[1];
      }
      if (id !== undefined) kills += Number(await admin.sendCommand(['CLIENT', 'KILL', 'ID', id]));
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    await until(() => drained(stream, group), 60_000);
    await stop(worker);
    expect(kills).toBe(5);
    const retries = worker.events.filter((e) => e.type === 'retry');
    expect(retries.length).toBeGreaterThanOrEqual(5);
    expect(retries.every((e) => e.type === 'retry' && e.delayMs > 0)).toBe(true);
    expect(worker.events.filter((e) => e.type === 'loaded').length).toBeGreaterThanOrEqual(6); // start + one reload per kill
    const result = await readSnapshot({ client: admin, group });
    expectSameAsReference(result.reducer, reference);
    expect(result.entries).toBe(40_000);
  }, 90_000);

  it('a stop on signal checkpoints what is in memory first', async () => {
    const { stream, group } = names();
    const reference = new NamespaceReducer();
    await produce(stream, 0, 3_000, reference, 13);
    const worker = await startWorker({ stream, group, consumer: 'a', checkpoint: { events: 1e9, ms: 1e9 } });
    await until(async () => (await admin.xPending(stream, group)).pending === 3_000, 20_000); // read, not yet committed
    expect(await readSnapshot({ client: admin, group })).toMatchObject({ entries: 0 });
    const report = await stop(worker);
    expect(report).toMatchObject({ finalCheckpoint: true, entries: 3_000, checkpoints: 1 });
    expect((await admin.xPending(stream, group)).pending).toBe(0);
    expectSameAsReference((await readSnapshot({ client: admin, group })).reducer, reference);
  }, 60_000);

  it('entries delivered again after a group rewind, at or below the checkpointed id, are skipped, not counted twice', async () => {
    const { stream, group } = names();
    const reference = new NamespaceReducer();
    await produce(stream, 0, 6_000, reference, 9);
    const first = await startWorker({ stream, group, consumer: 'a', checkpoint: { events: 1_000, ms: 100 } });
    await until(() => drained(stream, group), 20_000);
    await stop(first);
    await admin.xGroupSetId(stream, group, '0'); // an operator rewinds the group: everything is new again
    const again = await startWorker({ stream, group, consumer: 'a', checkpoint: { events: 1_000, ms: 100 } });
    await until(() => drained(stream, group), 20_000);
    await stop(again);
    const result = await readSnapshot({ client: admin, group });
    expect(result.skipped).toBe(6_000);
    expect(result.entries).toBe(12_000);
    expectSameAsReference(result.reducer, reference);
  }, 60_000);

  it('entries held by a consumer that died are claimed by another and counted once', async () => {
    const { stream, group } = names();
    const reference = new NamespaceReducer();
    await produce(stream, 0, 10_000, reference, 3);
    // A consumer reads 3,000 entries and dies without acknowledging them.
    await admin.xGroupCreate(stream, group, '0');
    const taken = await admin.xReadGroup(group, 'zombie', { key: stream, id: '>' }, { COUNT: 3_000 });
    expect(taken?.[0]?.messages.length).toBe(3_000);
    const worker = await startWorker({ stream, group, consumer: 'a', claim: { minIdleMs: 300, everyMs: 100 }, checkpoint: { events: 2_000, ms: 100 } });
    await until(() => drained(stream, group), 30_000);
    await stop(worker);
    const claimed = worker.events.reduce((n, e) => n + (e.type === 'claimed' ? e.entries : 0), 0);
    expect(claimed).toBe(3_000);
    const result = await readSnapshot({ client: admin, group });
    expectSameAsReference(result.reducer, reference);
    expect(result.entries).toBe(10_000);
  }, 60_000);

  it('a slow worker whose entries were claimed meanwhile is fenced: its checkpoint is refused, nothing counted twice', async () => {
    const { stream, group } = names();
    const reference = new NamespaceReducer();
    await produce(stream, 0, 5_000, reference, 5);
    // "slow" reads everything but would checkpoint only when stopped.
    const slow = await startWorker({ stream, group, consumer: 'slow', claim: false, checkpoint: { events: 1e9, ms: 1e9 } });
    await until(async () => (await admin.xPending(stream, group)).pending === 5_000, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const fast = await startWorker({ stream, group, consumer: 'fast', claim: { minIdleMs: 300, everyMs: 100 }, checkpoint: { events: 1_000, ms: 100 } });
    await until(() => drained(stream, group), 20_000);
    await stop(slow); // its final checkpoint must fail: the fence moved when "fast" claimed
    await stop(fast);
    expect(slow.events.some((e) => e.type === 'fenced')).toBe(true);
    expect(slow.events.find((e) => e.type === 'stopped')).toMatchObject({ finalCheckpoint: false });
    const result = await readSnapshot({ client: admin, group });
    expectSameAsReference(result.reducer, reference);
    expect(result.entries).toBe(5_000);
  }, 60_000);
});

describe('windowed mode', () => {
  it('writes each window once, after every worker has passed it; merged windows equal a single process; late events are dead letters', async () => {
    const { stream, group } = names();
    const size = 5_000;
    const t0 = 1_700_000_000_000; // a multiple of 5,000: event i falls in window floor(i / 5,000)
    const references = new Map<number, NamespaceReducer>();
    const random = rng(11);
    const pending: Array<Promise<string>> = [];
    for (let i = 0; i < 25_000; i++) {
      const fields = eventFields(i, random, t0);
      pending.push(admin.xAdd(stream, '*', fields));
      const start = t0 + Math.floor(i / size) * size;
      if (!references.has(start)) references.set(start, new NamespaceReducer());
      try {
        references.get(start)!.add(decodeEntry(fields));
      } catch (error) {
        if (!(error instanceof SyntaxError)) throw error;
      }
    }
    await Promise.all(pending);
    const window = { size, lateness: 0 };
    const workers = await Promise.all(['a', 'b'].map((consumer) => startWorker({ stream, group, consumer, window, batchSize: 700, checkpoint: { events: 1_000, ms: 100 } })));
    await until(() => drained(stream, group), 30_000);
    const starts = [...references.keys()];
    // Both workers idle: every window up to the highest watermark closes; the last one stays open.
    await until(async () => (await listClosedWindows({ client: admin, group })).length === 4, 10_000);
    expect(await listClosedWindows({ client: admin, group })).toEqual(starts.slice(0, 4));
    for (const start of starts.slice(0, 4)) {
      const closed = await readWindow({ client: admin, group, start });
      expect(closed, String(start)).not.toBeNull();
      expectSameAsReference(closed!.reducer, references.get(start)!);
      expect(Object.keys(closed!.contributions).sort()).toEqual(['a', 'b']);
    }
    expect(await readWindow({ client: admin, group, start: starts[4]! })).toBeNull();
    // An event for a closed window is late: a dead letter with that reason.
    await admin.xAdd(stream, '*', { namespace: 'ns-1', content_type: 'text/plain', workflow_id: 'late', size_bytes: '1', timestamp: String(t0 + 10) });
    await until(() => drained(stream, group), 10_000);
    for (const w of workers) await stop(w);
    const letters = (await admin.xRange(protocolKeys(group).deadLetter, '-', '+')) ?? [];
    expect(letters.filter((l) => l.message.reason === 'late').map((l) => JSON.parse(l.message.fields!).workflow_id)).toEqual(['late']);
    // The open window is still in the partials: readSnapshot merges it.
    const open = await readSnapshot({ client: admin, group });
    expect([...open.windows.keys()]).toEqual([starts[4]]);
    expectSameAsReference(open.windows.get(starts[4]!)!, references.get(starts[4]!)!);
  }, 60_000);
});

