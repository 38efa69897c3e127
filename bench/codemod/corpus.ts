// A generated corpus of service-like TypeScript files, each holding the handler shapes the rules
// report (silent, return-default, continue, promise `.catch(() => {})`) next to ones they accept.
import { mkdirSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';

function file(i: number): string {
  const name = `Service${i}`;
  const method = ['load', 'sync', 'flush', 'publish', 'refresh'][i % 5]!;
  return `import { logger } from '../logger.js';

export interface ${name}Options {
  retries: number;
  endpoint: string;
}

export class ${name} {
  private readonly cache = new Map<string, string>();
  private failures = 0;

  constructor(
    private readonly options: ${name}Options,
    private readonly client: { send(body: string): Promise<void>; close(): Promise<void>; get(key: string): Promise<string> },
  ) {}

  async ${method}(items: string[]): Promise<number> {
    let sent = 0;
    for (const item of items) {
      try {
        await this.client.send(item);
        sent += 1;
      } catch {
        continue;
      }
    }
    logger.info({ sent }, '${method} done');
    return sent;
  }

  async close(): Promise<void> {
    try {
      await this.client.close();
    } catch (e) {}
  }

  async value(key: string): Promise<string | undefined> {
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    try {
      const value = await this.client.get(key);
      this.cache.set(key, value);
      return value;
    } catch (err) {
      this.failures += 1;
      return undefined;
    }
  }

  heartbeat(): void {
    this.client.send('ping-${i}').catch(() => {});
  }

  async strict(body: string): Promise<void> {
    try {
      await this.client.send(body);
    } catch (error) {
      logger.error({ err: error }, '${name}.strict failed');
      throw error;
    }
  }

  parse(raw: string): unknown {
    try {
      return JSON.parse(raw);
    } catch {
      return undefined;
    }
  }

  score(values: number[]): number {
    let total = 0;
    for (const value of values) total += value * ${(i % 7) + 1};
    return total / Math.max(values.length, 1) + this.options.retries;
  }
}
`;
}

const LOGGER = `import { pino } from 'pino';

export const logger = pino({ name: 'bench' });
`;

/** Writes `count` files under `dir/src` (replacing what was there); returns the source directory. */
export function generateCorpus(dir: string, count: number): string {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  const src = join(dir, 'src');
  for (let i = 0; i < count; i++) {
    const sub = join(src, `m${Math.floor(i / 100)}`);
    if (i % 100 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `service-${i}.ts`), file(i));
  }
  writeFileSync(join(src, 'logger.ts'), LOGGER);
  return src;
}
