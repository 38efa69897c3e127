// Test harness: a throwaway redis-server on a free loopback port (or REDIS_URL when set), and the
// deterministic event stream the tests and the fault test produce.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { createClient } from 'redis';

export interface TestRedis {
  url: string;
  /** Unique per run: prefix stream names and groups with it (REDIS_URL may be shared). */
  tag: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

export async function startRedis(): Promise<TestRedis> {
  const tag = `t${process.pid}-${Date.now().toString(36)}`;
  const fromEnv = process.env.REDIS_URL;
  if (fromEnv) return { url: fromEnv, tag, stop: async () => undefined };
  const port = await freePort();
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit');
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}:\n${output}`);
    const probe = createClient({ url, socket: { reconnectStrategy: false } });
    probe.on('error', () => undefined); // connection refused while it starts: probed again below
    try {
      await probe.connect();
      await probe.ping();
      await probe.quit();
      break;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`redis-server did not answer on ${url}:\n${output}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    url,
    tag,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = ['model/safetensors', 'model/gguf', 'application/json', 'text/plain', 'image/png', 'application/zip', 'model/onnx'];

/**
 * Event `i` of the test stream, as stream fields. About 0.1 % are bad: a negative size, a
 * missing namespace, or an `event` field that is not JSON. Namespace `ns-0` carries a third of the
 * events with mostly distinct workflow ids (its counter goes dense); the rest spread over 99
 * namespaces. Timestamps rise by 1 ms per event from `t0`.
 */
export function eventFields(i: number, random: () => number, t0 = 1_700_000_000_000): Record<string, string> {
  const r = random();
  if (r < 0.0004) return { namespace: 'ns-1', content_type: 'text/plain', workflow_id: 'w', size_bytes: '-5', timestamp: String(t0 + i) };
  if (r < 0.0007) return { content_type: 'text/plain', workflow_id: 'w', size_bytes: '5', timestamp: String(t0 + i) };
  if (r < 0.001) return { event: '{"namespace": "ns-2", broken' };
  const heavy = random() < 0.33;
  const namespace = heavy ? 'ns-0' : `ns-${1 + Math.floor(random() * 99)}`;
  const workflow = heavy ? `wf-${Math.floor(random() * 400_000)}` : `wf-${Math.floor(random() * 3_000)}`;
  return {
    namespace,
    content_type: TYPES[Math.floor(random() * TYPES.length)]!,
    workflow_id: workflow,
    size_bytes: String(Math.floor(random() * 5_000_000)),
    timestamp: String(t0 + i),
  };
}

/** The RESP encoding of `XADD <stream> * <fields…>` for each event, ready for `pipeResp`. */
export function xaddResp(stream: string, events: ReadonlyArray<Record<string, string>>): string {
  const bulk = (s: string): string => `$${Buffer.byteLength(s)}\r\n${s}\r\n`;
  const head = bulk('XADD') + bulk(stream) + bulk('*');
  const parts: string[] = [];
  for (const fields of events) {
    const keys = Object.keys(fields);
    let command = `*${3 + keys.length * 2}\r\n${head}`;
    for (const key of keys) command += bulk(key) + bulk(fields[key]!);
    parts.push(command);
  }
  return parts.join('');
}

/**
 * Sends prepared commands with `redis-cli --pipe` (the server parses a RESP stream: an order of
 * magnitude faster than a client's round trips) and checks that all `count` replies came, no error.
 */
export async function pipeResp(url: string, payload: string, count: number): Promise<void> {
  const child = spawn('redis-cli', ['-u', url, '--pipe'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'close') // 'close': after stdout is drained;
  child.stdin!.end(payload);
  const [code] = (await exited) as [number | null];
  const replies = /errors: (\d+), replies: (\d+)/.exec(output);
  if (code !== 0 || replies === null || replies[1] !== '0' || Number(replies[2]) !== count) {
    throw new Error(`redis-cli --pipe failed (exit ${code}): ${output}`);
  }
}

/** On a shared server (REDIS_URL) deletes every key this run created: `<tag>…` and `catchwise:<tag>…`. */
export async function cleanup(client: { scanIterator: (options: { MATCH: string; COUNT: number }) => AsyncIterable<string[]>; unlink: (keys: string[]) => Promise<number> }, redis: TestRedis): Promise<void> {
  if (!process.env.REDIS_URL) return; // our own server is killed instead
  for (const pattern of [`${redis.tag}*`, `catchwise:${redis.tag}*`]) {
    for await (const keys of client.scanIterator({ MATCH: pattern, COUNT: 1_000 })) {
      if (keys.length > 0) await client.unlink(keys);
    }
  }
}
