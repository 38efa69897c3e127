// bench/reducer-redis: the stream workers (1, 2, 4 processes) against PFADD-only counting of the
// same ids in Redis, in one run on one redis-server. `npx -y pnpm@12.4.2 bench reducer-redis [-- events]`
//
// Throughput: events/s from "go" until the consumer group has no lag and nothing pending (reading,
// decoding, reducing, checkpointing, XACK). PFADD-only: one client pipelining PFADD <ns> <workflow_id>
// for the same events from memory (no stream read, no ack, no checkpoint): what Redis's own
// HyperLogLog costs at best. Accuracy: merged unique_workflows_count and PFCOUNT against exact Sets.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWorkerClient, readSnapshot, type StreamClient } from '@catchwise/reducer/redis';

const EVENTS = Number(process.argv[2] ?? 500_000);
const here = dirname(fileURLToPath(import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = ['model/safetensors', 'model/gguf', 'application/json', 'text/plain', 'image/png'];

/** 1,000 namespaces, Zipf-like sizes; workflow ids mostly distinct in the big ones. */
function makeEvents(n: number): Array<Record<string, string>> {
  const random = rng(2026);
  const out: Array<Record<string, string>> = [];
  for (let i = 0; i < n; i++) {
    const ns = Math.min(999, Math.floor(1 / (random() + 0.001)) - 1);
    out.push({
      namespace: `ns-${ns}`,
      content_type: TYPES[Math.floor(random() * TYPES.length)]!,
      workflow_id: `wf-${ns}-${Math.floor(random() * n)}`,
      size_bytes: String(Math.floor(random() * 1e7)),
      timestamp: String(1_700_000_000_000 + i),
    });
  }
  return out;
}

async function pipe(url: string, stream: string, events: Array<Record<string, string>>): Promise<void> {
  const bulk = (s: string): string => `$${Buffer.byteLength(s)}\r\n${s}\r\n`;
  const parts = events.map((f) => `*13\r\n${bulk('XADD')}${bulk(stream)}${bulk('*')}${Object.entries(f).map(([k, v]) => bulk(k) + bulk(v)).join('')}`);
  const child = spawn('redis-cli', ['-u', url, '--pipe'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'close') // 'close': after stdout is drained;
  child.stdin!.end(parts.join(''));
  await exited;
  if (!output.includes(`errors: 0, replies: ${events.length}`)) throw new Error(`redis-cli --pipe: ${output}`);
}

async function lagOf(admin: StreamClient, stream: string, group: string): Promise<number> {
  const info = (await admin.xInfoGroups(stream)).find((g) => g.name === group);
  return info === undefined ? Infinity : Number(info.pending) + Number(info.lag ?? Infinity);
}

async function runWorkers(url: string, admin: StreamClient, stream: string, n: number): Promise<{ seconds: number; group: string }> {
  const group = `bench-${n}`;
  await admin.xGroupCreate(stream, group, '0');
  const children: ChildProcess[] = [];
  const ready: Array<Promise<unknown>> = [];
  for (let i = 0; i < n; i++) {
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'worker.ts'), url, stream, group, `w${i}`], { stdio: ['pipe', 'pipe', 'inherit'] });
    children.push(child);
    ready.push(once(child.stdout!, 'data'));
  }
  await Promise.all(ready);
  const started = performance.now();
  for (const child of children) child.stdin!.write('go\n');
  while ((await lagOf(admin, stream, group)) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  const seconds = (performance.now() - started) / 1000;
  const exits = children.map((child) => once(child, 'exit'));
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(exits);
  return { seconds, group };
}

function errors(estimates: Map<string, number>, exact: Map<string, Set<string>>, minDistinct: number): { mean: number; max: number; namespaces: number } {
  let sum = 0;
  let max = 0;
  let count = 0;
  for (const [ns, set] of exact) {
    if (set.size < minDistinct) continue;
    const e = Math.abs(estimates.get(ns)! - set.size) / set.size;
    sum += e;
    max = Math.max(max, e);
    count++;
  }
  return { mean: sum / count, max, namespaces: count };
}

const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;

const port = await freePort();
const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
const url = `redis://127.0.0.1:${port}`;
await new Promise((resolve) => setTimeout(resolve, 300));
const admin = createWorkerClient({ url });
try {
  await admin.connect();
  console.log(`${EVENTS.toLocaleString('en')} events, 1,000 namespaces; ${cpus().length} cores; redis-server ${String((await admin.info('server')).match(/redis_version:(\S+)/)?.[1])}; load average ${loadavg()[0]!.toFixed(1)}`);
  const events = makeEvents(EVENTS);
  const exact = new Map<string, Set<string>>();
  for (const e of events) {
    let set = exact.get(e.namespace!);
    if (set === undefined) exact.set(e.namespace!, (set = new Set()));
    set.add(e.workflow_id!);
  }
  await pipe(url, 'bench', events);

  // PFADD-only: the same ids into one Redis HyperLogLog per namespace, pipelined.
  const t0 = performance.now();
  for (let i = 0; i < events.length; i += 2_000) {
    const batch: Array<Promise<unknown>> = [];
    for (let j = i; j < Math.min(events.length, i + 2_000); j++) batch.push(admin.pfAdd(`pf:${events[j]!.namespace}`, events[j]!.workflow_id!));
    await Promise.all(batch);
  }
  const pfSeconds = (performance.now() - t0) / 1000;
  const pfCounts = new Map<string, number>();
  for (const ns of exact.keys()) pfCounts.set(ns, await admin.pfCount(`pf:${ns}`));

  // PFADD batched: the ids of each 2,000 events grouped per namespace, one PFADD per group.
  const t1 = performance.now();
  for (let i = 0; i < events.length; i += 2_000) {
    const groups = new Map<string, string[]>();
    for (let j = i; j < Math.min(events.length, i + 2_000); j++) {
      const e = events[j]!;
      const ids = groups.get(e.namespace!);
      if (ids === undefined) groups.set(e.namespace!, [e.workflow_id!]);
      else ids.push(e.workflow_id!);
    }
    await Promise.all([...groups].map(([ns, ids]) => admin.pfAdd(`pfb:${ns}`, ids)));
  }
  const pfBatchSeconds = (performance.now() - t1) / 1000;

  const rows: string[][] = [];
  const header = ['counting', 'events/s', '÷ PFADD per event', '÷ PFADD grouped', 'distinct error mean (max), ns >= 1,000 distinct', 'ns >= 100'];
  const pfErr = errors(pfCounts, exact, 1_000);
  const pfErr100 = errors(pfCounts, exact, 100);
  const pfRate = EVENTS / pfSeconds;
  const pfBatchRate = EVENTS / pfBatchSeconds;
  const ratio = (rate: number, base: number): string => `${(rate / base).toFixed(2)}x`;
  for (const n of [1, 2, 4]) {
    const { seconds, group } = await runWorkers(url, admin, 'bench', n);
    const merged = await readSnapshot({ client: admin, group });
    if (merged.entries !== EVENTS || merged.snapshot.total_events !== EVENTS) throw new Error(`${n} workers covered ${merged.entries} entries, counted ${merged.snapshot.total_events}`);
    const estimates = new Map(Object.entries(merged.snapshot.namespaces).map(([ns, r]) => [ns, r.unique_workflows_count]));
    const err = errors(estimates, exact, 1_000);
    const err100 = errors(estimates, exact, 100);
    rows.push([`stream workers x${n} (merged)`, Math.round(EVENTS / seconds).toLocaleString('en'), ratio(EVENTS / seconds, pfRate), ratio(EVENTS / seconds, pfBatchRate), `${pct(err.mean)} (${pct(err.max)}), ${err.namespaces} ns`, `${pct(err100.mean)} (${pct(err100.max)})`]);
  }
  rows.push(['PFADD per event (1 client, pipelined)', Math.round(pfRate).toLocaleString('en'), '1.00x', ratio(pfRate, pfBatchRate), `${pct(pfErr.mean)} (${pct(pfErr.max)}), ${pfErr.namespaces} ns`, `${pct(pfErr100.mean)} (${pct(pfErr100.max)})`]);
  rows.push(['PFADD grouped per namespace per 2,000 events', Math.round(pfBatchRate).toLocaleString('en'), ratio(pfBatchRate, pfRate), '1.00x', 'same registers as the row above', '']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
} finally {
  if (admin.isOpen) await admin.quit();
  server.kill('SIGKILL');
}
