// @catchwise/reducer/redis against a real redis-server: counts, dead letters, reconnects, claims,
// windows. The fault test with worker processes and SIGKILL is fault.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { NamespaceReducer } from '../../src/namespace-reducer.js';
import {
  createWorkerClient,
  decodeEntry,
  protocolKeys,
  readSnapshot,
  runStreamWorker,
  type StreamClient,
  type StreamWorkerEvent,
  type StreamWorkerOptions,
} from '../../src/redis/index.js';
import { eventFields, rng, startRedis, type TestRedis } from './redis-server.js';

let redis: TestRedis;
let admin: StreamClient;
let seq = 0;

beforeAll(async () => {
  redis = await startRedis();
  admin = createClient({ url: redis.url });
  admin.on('error', (error: Error) => console.warn('admin client', error));
  await admin.connect();
}, 30_000);

afterAll(async () => {
  if (admin?.isOpen) await admin.quit();
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

async function stop(worker: Running): Promise<void> {
  worker.controller.abort();
  await worker.done;
  await worker.client.quit();
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
    for (const w of workers) await stop(w);
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
});
