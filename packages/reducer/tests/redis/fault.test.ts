// The fault test: 4 worker processes consume one stream of 1,000,000 events while a controller
// SIGKILLs and restarts them at random; the merged result must equal a single process's exactly.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { NamespaceReducer } from '../../src/namespace-reducer.js';
import { decodeEntry, protocolKeys, readSnapshot, type StreamClient } from '../../src/redis/index.js';
import { cleanup, eventFields, pipeResp, rng, startRedis, xaddResp, type TestRedis } from './redis-server.js';

const EVENTS = Number(process.env.FAULT_EVENTS ?? 1_000_000);
const WORKERS = ['w1', 'w2', 'w3', 'w4'];
const MIN_KILLS = 12;
const MAX_KILLS = 16;
const PRODUCE_SPAN_MS = 25_000;
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
  if (admin?.isOpen) {
    await cleanup(admin, redis);
    await admin.quit();
  }
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
    const progressed = new Set<string>(); // workers that have checkpointed since their last start
    const loaded = new Set<string>(); // workers that have loaded their checkpoint (SIGTERM handler installed)
    const start = (consumer: string): void => {
      progressed.delete(consumer);
      loaded.delete(consumer);
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
          const line: Record<string, unknown> = { consumer, ...(JSON.parse(buffered.slice(0, nl)) as Record<string, unknown>) };
          lines.push(line);
          if (line.type === 'checkpoint') progressed.add(consumer);
          if (line.type === 'loaded') loaded.add(consumer);
          buffered = buffered.slice(nl + 1);
        }
      });
      procs.set(consumer, { child, exited: once(child, 'exit') });
    };

    // The events and the reference (one reducer over the same events) are prepared first; the
    // producer then appends them in chunks while the workers run.
    const reference = new NamespaceReducer();
    let undecodable = 0;
    const CHUNK = 50_000;
    const chunks: Array<{ payload: string; count: number }> = [];
    const random = rng(42);
    for (let i = 0; i < EVENTS; i += CHUNK) {
      const events: Array<Record<string, string>> = [];
      for (let j = i; j < Math.min(EVENTS, i + CHUNK); j++) {
        const fields = eventFields(j, random);
        events.push(fields);
        if (fields.event !== undefined) undecodable++;
        else reference.add(decodeEntry(fields));
      }
      chunks.push({ payload: xaddResp(stream, events), count: events.length });
    }
    // Paced, so that the workers are still busy while the controller makes its kills, however
    // fast this machine drains the stream.
    let produced = false;
    const producer = (async () => {
      for (const chunk of chunks) {
        await pipeResp(redis.url, chunk.payload, chunk.count);
        await sleep(PRODUCE_SPAN_MS / chunks.length);
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

    // The controller: kill a random worker every 0.3-1.2 s while there is work (12 to 16 kills),
    // restart it after 0-600 ms (every fourth stays down 2.5 s: the others claim its entries).
    const chance = rng(7);
    let kills = 0;
    const restarts: Array<Promise<void>> = [];
    const began = Date.now();
    let lastLog = began;
    while (!produced || kills < MIN_KILLS || (await backlog()) > 0) {
      if (producerFailed !== null) throw producerFailed;
      await sleep(300 + chance() * 900);
      if (Date.now() - lastLog > 5_000) {
        lastLog = Date.now();
        console.log(`fault test: ${((Date.now() - began) / 1000).toFixed(0)} s, ${kills} kills, backlog ${await backlog()}, produced ${produced}`);
      }
      if (kills >= MAX_KILLS || (kills >= MIN_KILLS && produced)) {
        if ((await backlog()) === 0) break;
        continue;
      }
      // A kill only counts when it interrupts work; with the stream drained, there is none left.
      const underLoad = (await backlog()) > 0;
      if (!underLoad) {
        if (produced) break;
        continue;
      }
      // Victims: running workers that have checkpointed since they started. Killing a worker still
      // starting up (seconds on a loaded machine) tests less, and starves the group.
      const alive = WORKERS.filter((w) => progressed.has(w) && procs.get(w)!.child.exitCode === null && procs.get(w)!.child.signalCode === null);
      if (alive.length === 0) continue;
      const victim = alive[Math.floor(chance() * alive.length)]!;
      const proc = procs.get(victim)!;
      proc.child.kill('SIGKILL');
      await proc.exited;
      kills++;
      progressed.delete(victim);
      loaded.delete(victim);
      const down = kills % 4 === 1 ? 2_500 : chance() * 600;
      restarts.push(sleep(down).then(() => start(victim)));
    }
    await producer;
    await Promise.all(restarts);
    const deadline = Date.now() + 120_000;
    while ((await backlog()) > 0) {
      if (Date.now() > deadline) throw new Error(`backlog not drained: ${await backlog()}`);
      await sleep(100);
    }
    // Stop: every worker checkpoints on SIGTERM (once it runs: a restarted one may still be starting).
    while (loaded.size < WORKERS.length) {
      if (Date.now() > deadline) throw new Error(`workers not running: ${WORKERS.filter((w) => !loaded.has(w)).join(', ')}`);
      await sleep(100);
    }
    for (const consumer of WORKERS) procs.get(consumer)!.child.kill('SIGTERM');
    const codes = await Promise.all(WORKERS.map((consumer) => procs.get(consumer)!.exited));
    expect(codes.map((c) => (c as [number | null, string | null])[0])).toEqual([0, 0, 0, 0]);

    expect(kills).toBeGreaterThanOrEqual(MIN_KILLS);
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
      `fault test: ${kills} SIGKILLs, all under load, ${claimed} entries claimed, ` +
        `${lines.filter((l) => l.type === 'fenced').length} fenced reloads, ${lines.filter((l) => l.type === 'retry').length} retries, ` +
        `${letters.length} dead letters, ${((Date.now() - began) / 1000).toFixed(0)} s`,
    );
  }, 170_000);
});
