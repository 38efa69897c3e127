// The fault test: 4 worker processes consume one stream of 1,000,000 events while a controller
// SIGKILLs and restarts them at random; the merged result must equal a single process's exactly.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { NamespaceReducer } from '../../src/namespace-reducer.js';
import { decodeEntry, protocolKeys, readSnapshot, type StreamClient } from '../../src/redis/index.js';
import { eventFields, pipeEvents, rng, startRedis, type TestRedis } from './redis-server.js';

const EVENTS = Number(process.env.FAULT_EVENTS ?? 1_000_000);
const WORKERS = ['w1', 'w2', 'w3', 'w4'];
const MIN_KILLS = 12;
const packageDir = join(import.meta.dirname, '../..');

let redis: TestRedis;
let admin: StreamClient;

beforeAll(async () => {
  redis = await startRedis();
  admin = createClient({ url: redis.url, commandOptions: { timeout: 60_000 } });
  admin.on('error', (error: Error) => console.warn('admin client', error));
  await admin.connect();
}, 30_000);

const children = new Set<ChildProcess>();

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (admin?.isOpen) await admin.quit();
  await redis?.stop();
});

interface Proc {
  child: ChildProcess;
  exited: Promise<unknown>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('fault test: SIGKILL and restart of worker processes', () => {
  it(`4 workers, ${EVENTS.toLocaleString('en')} events, >= ${MIN_KILLS} random SIGKILLs: counts equal one process, exactly`, async () => {
    const stream = `${redis.tag}:fault`;
    const group = `${redis.tag}:fault-group`;
    const lines: Array<Record<string, unknown>> = [];
    const procs = new Map<string, Proc>();
    const start = (consumer: string): void => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'tests/redis/fixtures/worker.ts', redis.url, stream, group, consumer], {
        cwd: packageDir,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.add(child);
      let buffered = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        let nl: number;
        while ((nl = buffered.indexOf('\n')) >= 0) {
          lines.push({ consumer, ...(JSON.parse(buffered.slice(0, nl)) as Record<string, unknown>) });
          buffered = buffered.slice(nl + 1);
        }
      });
      procs.set(consumer, { child, exited: once(child, 'exit') });
    };

    // The producer appends while the workers run; the reference is one reducer over the same events.
    const reference = new NamespaceReducer();
    let undecodable = 0;
    let produced = false;
    const producer = (async () => {
      const random = rng(42);
      let i = 0;
      const add = (fields: Record<string, string>): void => {
        if (fields.event !== undefined) undecodable++;
        else reference.add(decodeEntry(fields));
      };
      for (let chunk = 0; chunk < EVENTS; chunk += 50_000) {
        await pipeEvents(redis.url, stream, Math.min(50_000, EVENTS - chunk), () => eventFields(i++, random), add);
      }
      produced = true;
    })();
    let producerFailed: unknown = null;
    producer.catch((error: unknown) => {
      producerFailed = error;
    });
    await admin.xGroupCreate(stream, group, '0', { MKSTREAM: true });
    for (const consumer of WORKERS) start(consumer);

    const backlog = async (): Promise<number> => {
      const info = (await admin.xInfoGroups(stream)).find((g) => g.name === group);
      return info === undefined ? Infinity : Number(info.pending) + Number(info.lag ?? Infinity);
    };

    // The controller: kill a random worker every 150-600 ms while there is work, restart it after
    // 0-600 ms (one in four stays down 2.5 s, long enough for the others to claim its entries).
    const random = rng(7);
    let kills = 0;
    let killsUnderLoad = 0;
    const restarts: Array<Promise<void>> = [];
    const began = Date.now();
    let lastLog = began;
    while (!produced || kills < MIN_KILLS || (await backlog()) > 0) {
      if (producerFailed !== null) throw producerFailed;
      await sleep(150 + random() * 450);
      if (Date.now() - lastLog > 5_000) {
        lastLog = Date.now();
        console.log(`fault test: ${((Date.now() - began) / 1000).toFixed(0)} s, ${kills} kills, backlog ${await backlog()}, produced ${produced}`);
      }
      if (kills >= MIN_KILLS && produced) {
        if ((await backlog()) === 0) break;
        continue;
      }
      const alive = WORKERS.filter((w) => procs.get(w)!.child.exitCode === null && procs.get(w)!.child.signalCode === null);
      if (alive.length === 0) continue;
      const victim = alive[Math.floor(random() * alive.length)]!;
      const underLoad = (await backlog()) > 0;
      const proc = procs.get(victim)!;
      proc.child.kill('SIGKILL');
      await proc.exited;
      kills++;
      if (underLoad) killsUnderLoad++;
      const down = random() < 0.25 ? 2_500 : random() * 600;
      restarts.push(sleep(down).then(() => start(victim)));
    }
    await producer;
    await Promise.all(restarts);
    const deadline = Date.now() + 120_000;
    while ((await backlog()) > 0) {
      if (Date.now() > deadline) throw new Error(`backlog not drained: ${await backlog()}`);
      await sleep(100);
    }
    for (const consumer of WORKERS) procs.get(consumer)!.child.kill('SIGTERM');
    const codes = await Promise.all(WORKERS.map((consumer) => procs.get(consumer)!.exited));
    expect(codes.map((c) => (c as [number | null, string | null])[0])).toEqual([0, 0, 0, 0]);

    expect(kills).toBeGreaterThanOrEqual(MIN_KILLS);
    expect(killsUnderLoad).toBeGreaterThanOrEqual(10);
    const claimed = lines.filter((l) => l.type === 'claimed').reduce((n, l) => n + Number(l.entries), 0);
    expect(claimed, 'entries claimed from killed workers').toBeGreaterThan(0);
    expect(lines.filter((l) => l.type === 'report')).toHaveLength(4);

    // Nothing missing, nothing twice: per-namespace totals, estimates and samples equal the reference.
    const result = await readSnapshot({ client: admin, group });
    const merged = result.snapshot;
    const single = reference.snapshot();
    expect(result.entries).toBe(EVENTS);
    expect(merged.total_events).toBe(single.total_events);
    expect(merged.rejected).toEqual(single.rejected);
    for (const [name, record] of Object.entries(single.namespaces)) {
      expect(merged.namespaces[name]?.total_files, name).toBe(record.total_files);
      expect(merged.namespaces[name]?.total_size_bytes, name).toBe(record.total_size_bytes);
      expect(merged.namespaces[name]?.unique_workflows_estimate, name).toEqual(record.unique_workflows_estimate);
    }
    expect(merged.namespaces['ns-0']!.unique_workflows_estimate.exact).toBe(false); // a dense sketch, merged losslessly
    expect(merged).toEqual(single);

    // Every bad event is in the dead-letter stream exactly once, with its reason.
    const letters = (await admin.xRange(protocolKeys(group).deadLetter, '-', '+')) ?? [];
    const ids = new Set(letters.map((l) => l.message.id));
    expect(ids.size).toBe(letters.length);
    expect(letters.length).toBe(single.rejected.total + undecodable);
    const byReason: Record<string, number> = {};
    for (const l of letters) byReason[l.message.reason!] = (byReason[l.message.reason!] ?? 0) + 1;
    expect(byReason).toEqual({ ...single.rejected.by_reason, undecodable });
    expect(single.total_events + letters.length).toBe(EVENTS);
    console.log(
      `fault test: ${kills} SIGKILLs (${killsUnderLoad} under load), ${claimed} entries claimed, ` +
        `${lines.filter((l) => l.type === 'fenced').length} fenced reloads, ${lines.filter((l) => l.type === 'retry').length} retries, ` +
        `${letters.length} dead letters, ${((Date.now() - began) / 1000).toFixed(0)} s`,
    );
  }, 170_000);
});
