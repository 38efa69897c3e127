// The realistic-density corpus bench/lint and bench/codemod share: service classes with one handler
// per ~250 lines (as in vite, fastify, typeorm), about one handler in seven reported, the rest
// ordinary methods. Deterministic (seeded), so both benches and every run see the same files.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Handlers of the kinds the precision audit read in real code: half of them are reported (an empty
// catch, a default returned after I/O, a log line that drops the error), half are deliberate or
// handled (a parse probe, a narrowed rethrow, a logged error, a rollback inside a rethrowing catch).
const DEFECT_HANDLERS = [
  (n: number) => `  async close${n}(): Promise<void> {\n    try {\n      await this.pool.end();\n    } catch {}\n  }`,
  (n: number) => `  read${n}(raw: string): number {\n    try {\n      const value = parseTimestamp(raw);\n      return Math.trunc((Date.now() - value) / 1000);\n    } catch (e) {\n      return 0;\n    }\n  }`,
  (n: number) => `  async load${n}(path: string): Promise<string | null> {\n    try {\n      return await readFile(path, 'utf8');\n    } catch (error) {\n      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;\n      throw error;\n    }\n  }`,
  (n: number) => `  parse${n}(raw: string): unknown {\n    try {\n      return JSON.parse(raw);\n    } catch {\n      return undefined;\n    }\n  }`,
  (n: number) => `  ping${n}(): void {\n    this.client.send({ topic: 't${n}' }).catch(() => {});\n  }`,
  (n: number) => `  async connect${n}(id: string): Promise<boolean> {\n    try {\n      await this.consumer.connect();\n      return true;\n    } catch (err) {\n      logger.warn(\`could not connect \${id}: \${(err as Error).message}\`);\n      return false;\n    }\n  }`,
  (n: number) => `  async insert${n}(row: Row): Promise<boolean> {\n    try {\n      await this.pool.query('INSERT', [row.id]);\n      return true;\n    } catch (err) {\n      if (err instanceof DatabaseError && err.code === '23505') {\n        logger.info({ id: row.id }, 'duplicate');\n        return false;\n      }\n      logger.error({ err }, 'insert failed');\n      return false;\n    }\n  }`,
  (n: number) => `  fetch${n}(url: string): Promise<Response | undefined> {\n    return fetch(url).then((response) => response, (error) => {\n      this.log.error('fetch failed', error);\n      return undefined;\n    });\n  }`,
  (n: number) => `  async release${n}(conns: Conn[]): Promise<void> {\n    for (const conn of conns) {\n      try {\n        conn.release();\n      } catch {\n        // ignore\n      }\n    }\n  }`,
  (n: number) => `  async tx${n}(conn: Conn): Promise<void> {\n    try {\n      await conn.query('BEGIN');\n      await this.work(conn);\n    } catch (e) {\n      try {\n        await conn.query('ROLLBACK');\n      } catch {}\n      throw e;\n    }\n  }`,
];

// Handlers that pass the rules: what most handlers in a real codebase look like (they rethrow,
// wrap, hand the error on or log the error object).
const CLEAN_HANDLERS = [
  (n: number) => `  async save${n}(row: Row): Promise<void> {\n    try {\n      await this.pool.query('UPDATE', [row.id]);\n    } catch (err) {\n      logger.error({ err, id: row.id }, 'update failed');\n      throw err;\n    }\n  }`,
  (n: number) => `  async read${n}(path: string): Promise<string> {\n    try {\n      return await readFile(path, 'utf8');\n    } catch (error) {\n      throw new Error(\`could not read \${path}\`, { cause: error });\n    }\n  }`,
  (n: number) => `  handle${n}(req: Req, res: Res, next: (error?: unknown) => void): void {\n    this.work(req.conn).then(() => res.end(), next);\n  }`,
  (n: number) => `  publish${n}(topic: string): Promise<void> {\n    return this.client.send({ topic }).catch((err: unknown) => {\n      this.log.error('publish failed', err);\n      throw err;\n    });\n  }`,
  (n: number) => `  async lookup${n}(id: string): Promise<Row | null> {\n    try {\n      return await this.pool.query('SELECT', [id]) as Row;\n    } catch (e) {\n      if (e instanceof DatabaseError && e.code === '42P01') return null;\n      throw e;\n    }\n  }`,
  (n: number) => `  run${n}(task: () => Promise<void>): Promise<void> {\n    return new Promise((resolve, reject) => {\n      task().then(resolve, (error) => reject(error));\n    });\n  }`,
  (n: number) => `  async flush${n}(rows: Row[]): Promise<number> {\n    let written = 0;\n    for (const row of rows) {\n      try {\n        await this.pool.query('INSERT', [row.id]);\n        written += 1;\n      } catch (err) {\n        logger.warn({ err, id: row.id }, 'row skipped');\n      }\n    }\n    return written;\n  }`,
  (n: number) => `  async start${n}(): Promise<void> {\n    try {\n      await this.consumer.connect();\n      await this.consumer.subscribe({ topic: 't${n}' });\n    } catch (error) {\n      logger.error({ err: error }, 'consumer failed to start');\n      process.exit(1);\n    }\n  }`,
  (n: number) => `  decode${n}(raw: string): Output {\n    try {\n      return { value: Number.parseInt(raw, 10) };\n    } catch (cause) {\n      throw new TypeError(\`bad input: \${raw}\`, { cause });\n    }\n  }`,
  (n: number) => `  async retry${n}(conn: Conn): Promise<void> {\n    try {\n      await conn.query('SELECT 1');\n    } catch (error) {\n      if (isTransient(error)) return this.retry${n}(conn);\n      throw error;\n    }\n  }`,
];

const FILLER = [
  (n: number) => `  compute${n}(items: number[]): number {\n    let total = 0;\n    for (const item of items) {\n      if (item % 2 === 0) total += item * ${n % 7};\n      else total -= item;\n    }\n    return total;\n  }`,
  (n: number) => `  describe${n}(user: { name: string; tags: string[] }): string {\n    const tags = user.tags.filter((tag) => tag.length > ${n % 5}).map((tag) => tag.toUpperCase());\n    return \`\${user.name} [\${tags.join(', ')}]\`;\n  }`,
  (n: number) => `  group${n}<T extends { kind: string }>(values: T[]): Map<string, T[]> {\n    const groups = new Map<string, T[]>();\n    for (const value of values) {\n      const list = groups.get(value.kind) ?? [];\n      list.push(value);\n      groups.set(value.kind, list);\n    }\n    return groups;\n  }`,
  (n: number) => `  state${n}(input: Input): Output {\n    switch (input.kind) {\n      case 'a':\n        return { value: input.a + ${n} };\n      case 'b':\n        return { value: input.b.length };\n      default:\n        return { value: 0 };\n    }\n  }`,
];

/** Writes `count` files into `dir` (replacing what was there). */
export function generateCorpus(dir: string, count: number): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const random = prng(20261128);
  for (let file = 0; file < count; file++) {
    const members: string[] = [];
    const size = 6 + Math.floor(random() * 10);
    for (let i = 0; i < size; i++) {
      const n = file * 100 + i;
      // About one member in 25 holds a handler (one handler per ~250 lines; vite's packages/vite/src
      // has one per ~270, fastify one per ~230, typeorm's src one per ~700), and three handlers in
      // ten come from the audit's pool, so about one handler in seven is reported (vite: one in six).
      const pool = random() < 0.04 ? (random() < 0.3 ? DEFECT_HANDLERS : CLEAN_HANDLERS) : FILLER;
      members.push(pool[Math.floor(random() * pool.length)]!(n));
    }
    const text = [
      `import { readFile } from 'node:fs/promises';`,
      `import { logger } from './logger.js';`,
      `declare class DatabaseError extends Error { code: string }`,
      `declare function parseTimestamp(raw: string): number;`,
      `declare function isTransient(error: unknown): boolean;`,
      `type Row = { id: string }; type Conn = { query(sql: string, args?: unknown[]): Promise<unknown>; release(): void };`,
      `type Req = { conn: Conn }; type Res = { end(): void };`,
      `type Input = { kind: 'a'; a: number } | { kind: 'b'; b: string } | { kind: 'c' }; type Output = { value: number };`,
      ``,
      `export class Service${file} {`,
      `  constructor(private readonly pool: any, private readonly client: any, private readonly consumer: any, private readonly log: any) {}`,
      `  private async work(conn: Conn): Promise<void> { await conn.query('SELECT 1'); }`,
      members.join('\n\n'),
      `}`,
      ``,
    ].join('\n');
    writeFileSync(join(dir, `service-${String(file).padStart(4, '0')}.ts`), text);
  }
}
