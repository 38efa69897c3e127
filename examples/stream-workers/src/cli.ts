// stream-workers: run N reducer workers on one Redis stream and query the merged snapshot.
//
//   tsx src/cli.ts produce 100000      append sample metadata events (some of them invalid)
//   tsx src/cli.ts run 4               start 4 worker processes; Ctrl-C stops them (checkpoint first)
//   tsx src/cli.ts snapshot            print the merged per-namespace summary, progress, dead letters
//   tsx src/cli.ts demo 200000 3       all of it: produce, run 3 workers until drained, print, stop
//
// Environment: REDIS_URL (default redis://127.0.0.1:6379), STREAM (default catchwise:events),
// GROUP (default reducers).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createWorkerClient, protocolKeys, readSnapshot, runStreamWorker, type StreamClient } from '@catchwise/reducer/redis';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const stream = process.env.STREAM ?? 'catchwise:events';
const group = process.env.GROUP ?? 'reducers';
const self = fileURLToPath(import.meta.url);

async function connect(name?: string): Promise<StreamClient> {
  const client = createWorkerClient({ url, ...(name === undefined ? {} : { name }), onError: (error) => console.warn(`redis: ${error.message}`) });
  await client.connect();
  return client;
}

const TYPES = ['model/safetensors', 'model/gguf', 'application/json', 'image/png'];

async function produce(count: number): Promise<void> {
  const client = await connect();
  for (let i = 0; i < count; i += 1_000) {
    const batch: Array<Promise<string>> = [];
    for (let j = i; j < Math.min(count, i + 1_000); j++) {
      const ns = `team-${Math.floor(Math.random() ** 2 * 50)}`;
      const event = {
        namespace: ns,
        content_type: TYPES[j % TYPES.length]!,
        workflow_id: `wf-${Math.floor(Math.random() * 20_000)}`,
        // One in a thousand is invalid on purpose: it must end in the dead-letter stream.
        size_bytes: j % 1_000 === 999 ? '-1' : String(Math.floor(Math.random() * 1e8)),
        timestamp: new Date().toISOString(),
      };
      batch.push(client.xAdd(stream, '*', event));
    }
    await Promise.all(batch);
  }
  console.log(`appended ${count} events to ${stream}`);
  await client.quit();
}

async function worker(name: string): Promise<void> {
  const client = await connect(name);
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => controller.abort());
  const report = await runStreamWorker({
    client,
    stream,
    group,
    consumer: name,
    checkpoint: { events: 10_000, ms: 1_000 },
    signal: controller.signal,
    onEvent: (event) => {
      if (event.type === 'retry') console.warn(`${name}: retry ${event.attempt} in ${Math.round(event.delayMs)} ms`, event.error);
      else if (event.type === 'claimed' || event.type === 'fenced') console.log(`${name}: ${event.type}`, event);
    },
  });
  console.log(`${name}: stopped after ${report.entries} entries, ${report.checkpoints} checkpoints, last id ${report.lastId}`);
  await client.quit();
}

function startWorkers(n: number): ChildProcess[] {
  return Array.from({ length: n }, (_, i) =>
    spawn(process.execPath, [...process.execArgv, self, 'worker', `worker-${i + 1}`], { stdio: ['ignore', 'inherit', 'inherit'] }),
  );
}

async function stopWorkers(children: ChildProcess[]): Promise<void> {
  const exits = children.map((child) => (child.exitCode === null ? once(child, 'exit') : Promise.resolve()));
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(exits);
}

async function run(n: number): Promise<void> {
  const children = startWorkers(n);
  console.log(`${n} workers on ${stream} (group ${group}); Ctrl-C to stop`);
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  await stopWorkers(children);
}

async function printSnapshot(): Promise<void> {
  const client = await connect();
  const { snapshot, consumers, entries, deadLettered } = await readSnapshot({ client, group });
  console.log(`${entries} entries covered by the checkpoints of ${consumers.length} workers; ${snapshot.total_events} counted`);
  for (const c of consumers) console.log(`  ${c.consumer}: ${c.entries} entries, up to ${c.lastId}`);
  console.log('namespace        files       bytes  distinct workflows');
  for (const r of Object.values(snapshot.namespaces).slice(0, 20)) {
    const e = r.unique_workflows_estimate;
    const bar = e.exact ? 'exact' : `± ${(1.96 * e.rse * 100).toFixed(1)} %`;
    console.log(`${r.namespace.padEnd(14)} ${String(r.total_files).padStart(7)} ${String(r.total_size_bytes).padStart(14)}  ${r.unique_workflows_count} (${bar})`);
  }
  const letters = await client.xLen(protocolKeys(group).deadLetter);
  console.log(`dead letters: ${letters} in ${protocolKeys(group).deadLetter}`, deadLettered);
  await client.quit();
}

async function demo(count: number, n: number): Promise<void> {
  await produce(count);
  const children = startWorkers(n);
  const client = await connect();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const info = (await client.xInfoGroups(stream)).find((g) => g.name === group);
    if (info !== undefined && Number(info.pending) === 0 && Number(info.lag) === 0) break;
  }
  await client.quit();
  await stopWorkers(children);
  await printSnapshot();
}

const [command, a, b] = process.argv.slice(2);
switch (command) {
  case 'produce':
    await produce(Number(a ?? 100_000));
    break;
  case 'worker':
    await worker(a ?? 'worker-1');
    break;
  case 'run':
    await run(Number(a ?? 2));
    break;
  case 'snapshot':
    await printSnapshot();
    break;
  case 'demo':
    await demo(Number(a ?? 100_000), Number(b ?? 2));
    break;
  default:
    console.error('usage: cli.ts produce <count> | run <workers> | snapshot | demo <count> <workers>');
    process.exit(2);
}
