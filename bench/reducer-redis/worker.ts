// A benchmark worker process: connects, says "ready", waits for "go" on stdin, then consumes
// until SIGTERM and prints its report.
import { createInterface } from 'node:readline';
import { createWorkerClient, runStreamWorker } from '@catchwise/reducer/redis';

const [url, stream, group, consumer] = process.argv.slice(2);
if (!url || !stream || !group || !consumer) throw new Error('usage: worker.ts <url> <stream> <group> <consumer>');
const controller = new AbortController();
process.on('SIGTERM', () => controller.abort());
const client = createWorkerClient({ url, name: consumer });
await client.connect();
const input = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
await new Promise<void>((resolve) => input.once('line', () => resolve()));
const report = await runStreamWorker({ client, stream, group, consumer, signal: controller.signal, checkpoint: { events: 50_000, ms: 1_000 }, batchSize: 2_000 });
process.stdout.write(`${JSON.stringify(report)}\n`);
input.close();
await client.quit();
