// The built-in catalog without types: for each library, the calls that reach it (by import, by a
// variable or class member initialised from it, by the receiver's name in a file importing it)
// name the right error with the right guard, and the import the guard needs is added once, in the
// file's style. Globals (JSON.parse, new URL, decodeURIComponent, fetch) by unshadowed name.
import { describe, expect, it } from 'vitest';
import { CATALOG, createKnownErrorProvider } from '../../src/analysis/knowledge/index.js';
import { guards, rewriteAll } from './helpers.js';

const provider = createKnownErrorProvider();

interface Case {
  name: string;
  code: string;
  errors: string[];
  guards: string[];
  /** A line the output must contain (the import added), if any. */
  imports?: string;
}

const cases: Case[] = [
  {
    name: 'fs/promises named import: errno codes of readFile',
    code: "import { readFile } from 'node:fs/promises';\nexport async function f() { try { return await readFile('x', 'utf8'); } catch { return ''; } }\n",
    errors: ['ErrnoException (ENOENT, EACCES, EISDIR)'],
    guards: ["error instanceof Error && 'code' in error && typeof error.code === 'string' && ['ENOENT', 'EACCES', 'EISDIR'].includes(error.code)"],
  },
  {
    name: 'fs default import: mkdirSync codes',
    code: "import fs from 'fs';\nexport function f() { try { fs.mkdirSync('x'); } catch (e) { return; } }\n",
    errors: ['ErrnoException (EEXIST, ENOENT, EACCES)'],
    guards: ["error instanceof Error && 'code' in error && typeof error.code === 'string' && ['EEXIST', 'ENOENT', 'EACCES'].includes(error.code)"],
  },
  {
    name: 'two fs calls in one try block: one errno guard with the union of their codes',
    code: "import { stat, writeFile } from 'node:fs/promises';\nexport async function f() { try { await writeFile('x', ''); await stat('x'); } catch { return false; } }\n",
    errors: ['ErrnoException (ENOENT, EACCES, EISDIR, EROFS, ENOSPC, ENOTDIR)'],
    guards: ["error instanceof Error && 'code' in error && typeof error.code === 'string' && ['ENOENT', 'EACCES', 'EISDIR', 'EROFS', 'ENOSPC', 'ENOTDIR'].includes(error.code)"],
  },
  {
    name: 'kafkajs named import: by name (a named ESM import of KafkaJSError fails at run time)',
    code: "import { Kafka } from 'kafkajs';\nconst producer = new Kafka({ brokers: [] }).producer();\nexport async function f() { try { await producer.send({ topic: 't', messages: [] }); } catch {} }\n",
    errors: ['KafkaJSError'],
    guards: ["error instanceof Error && error.name.startsWith('KafkaJS')"],
  },
  {
    name: 'kafkajs default import: instanceof through it',
    code: "import kafkajs from 'kafkajs';\nexport async function f(p: kafkajs.Producer) { try { await p.connect(); } catch {} }\n",
    errors: ['KafkaJSError'],
    guards: ['error instanceof kafkajs.KafkaJSError'],
  },
  {
    name: 'kafkajs namespace import: not instanceof (the namespace misses the spread errors)',
    code: "import * as kafkajs from 'kafkajs';\nexport async function f(p: kafkajs.Producer) { try { await p.connect(); } catch {} }\n",
    errors: ['KafkaJSError'],
    guards: ["error instanceof Error && error.name.startsWith('KafkaJS')"],
  },
  {
    name: 'kafkajs: a class member typed with a type-only import, by the receiver',
    code: "import type { Producer } from 'kafkajs';\nexport class P {\n  constructor(private readonly producer: Producer) {}\n  async stop() { try { await this.producer.disconnect(); } catch {} }\n}\n",
    errors: ['KafkaJSError'],
    guards: ["error instanceof Error && error.name.startsWith('KafkaJS')"],
  },
  {
    name: 'pg: DatabaseError imported by name, added to the existing import',
    code: "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function f() { try { await pool.query('x'); } catch { return null; } }\n",
    errors: ['DatabaseError'],
    guards: ['error instanceof DatabaseError'],
    imports: "import { Pool, DatabaseError } from 'pg';",
  },
  {
    name: 'pg: class member from the default import',
    code: "import pg from 'pg';\nexport class C { pool = new pg.Pool(); async f() { try { await this.pool.query('x'); } catch { return null; } } }\n",
    errors: ['DatabaseError'],
    guards: ['error instanceof pg.DatabaseError'],
  },
  {
    name: 'pg: destructured from the default import, in scope',
    code: "import pg from 'pg';\nconst { DatabaseError, Pool } = pg;\nconst pool = new Pool();\nexport async function f() { try { await pool.end(); } catch {} }\n",
    errors: ['DatabaseError'],
    guards: ['error instanceof DatabaseError'],
  },
  {
    name: 'pg: a type-only DatabaseError import is not a value; never a name check',
    code: "import { Pool, type DatabaseError } from 'pg';\nexport type E = DatabaseError;\nconst pool = new Pool();\nexport async function f() { try { await pool.query('x'); } catch { return null; } }\n",
    errors: ['DatabaseError'],
    guards: ["error instanceof Error && 'severity' in error && 'routine' in error"],
  },
  {
    name: 'axios default import: axios.isAxiosError, never instanceof',
    code: "import axios from 'axios';\nexport async function f() { try { return await axios.get('/x'); } catch { return null; } }\n",
    errors: ['AxiosError'],
    guards: ['axios.isAxiosError(error)'],
  },
  {
    name: 'axios named import: isAxiosError added',
    code: 'import { get } from "axios"\nexport async function f() { try { return await get("/x") } catch { return null } }\n',
    errors: ['AxiosError'],
    guards: ['isAxiosError(error)'],
    imports: 'import { get, isAxiosError } from "axios"',
  },
  {
    name: 'zod: schema.parse through z',
    code: "import { z } from 'zod';\nconst S = z.object({ a: z.string() });\nexport function f(x: unknown) { try { return S.parse(x); } catch { return null; } }\n",
    errors: ['ZodError'],
    guards: ['error instanceof z.ZodError'],
  },
  {
    name: 'zod: safeParse does not throw',
    code: "import { z } from 'zod';\nconst S = z.string();\nexport function f(x: unknown) { try { return S.safeParse(x); } catch { return null; } }\n",
    errors: [],
    guards: [],
  },
  {
    name: 'postgres.js: a tagged template, by name',
    code: "import postgres from 'postgres';\nconst sql = postgres();\nexport async function f() { try { return await sql`select 1`; } catch { return null; } }\n",
    errors: ['PostgresError'],
    guards: ["error instanceof Error && error.name === 'PostgresError'"],
  },
  {
    name: 'mysql2: sqlState, no class',
    code: "import mysql from 'mysql2/promise';\nconst pool = mysql.createPool({});\nexport async function f() { try { return await pool.query('x'); } catch { return null; } }\n",
    errors: ['QueryError'],
    guards: ["error instanceof Error && 'sqlState' in error"],
  },
  {
    name: 'ioredis: ReplyError by name',
    code: "import Redis from 'ioredis';\nconst redis = new Redis();\nexport async function f() { try { return await redis.get('k'); } catch { return null; } }\n",
    errors: ['ReplyError'],
    guards: ["error instanceof Error && error.name === 'ReplyError'"],
  },
  {
    name: 'undici: UND_ERR codes',
    code: "import { request } from 'undici';\nexport async function f() { try { return await request('x'); } catch { return null; } }\n",
    errors: ['UndiciError'],
    guards: ["error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('UND_ERR')"],
  },
  {
    name: 'Prisma: by name',
    code: "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\nexport async function f() { try { return await prisma.user.create({ data: {} }); } catch { return null; } }\n",
    errors: ['PrismaClientKnownRequestError'],
    guards: ["error instanceof Error && error.name === 'PrismaClientKnownRequestError'"],
  },
  {
    name: 'mongodb: MongoServerError by name',
    code: "import { MongoClient } from 'mongodb';\nconst users = new MongoClient('x').db().collection('u');\nexport async function f() { try { return await users.insertOne({}); } catch { return null; } }\n",
    errors: ['MongoServerError'],
    guards: ["error instanceof Error && error.name === 'MongoServerError'"],
  },
  {
    name: 'AWS SDK v3: <Service>ServiceException.isInstance, derived from the client import',
    code: "import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';\nconst s3 = new S3Client({});\nexport async function f() { try { return await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })); } catch { return null; } }\n",
    errors: ['ServiceException'],
    guards: ['S3ServiceException.isInstance(error)'],
    imports: "import { S3Client, GetObjectCommand, S3ServiceException } from '@aws-sdk/client-s3';",
  },
  {
    name: 'got: the RequestError family by name',
    code: "import got from 'got';\nexport async function f() { try { return await got.get('x'); } catch { return null; } }\n",
    errors: ['RequestError'],
    guards: ["error instanceof Error && ['RequestError', 'HTTPError', 'TimeoutError', 'MaxRedirectsError', 'ReadError', 'UploadError', 'CacheError', 'RetryError', 'ParseError'].includes(error.name)"],
  },
  {
    name: 'JSON.parse: SyntaxError',
    code: 'export function f(s: string) { try { return JSON.parse(s); } catch { return null; } }\n',
    errors: ['SyntaxError'],
    guards: ['error instanceof SyntaxError'],
  },
  {
    name: 'new URL: TypeError; decodeURIComponent: URIError',
    code: 'export function f(s: string) { try { return new URL(decodeURIComponent(s)); } catch { return null; } }\n',
    errors: ['TypeError', 'URIError'],
    guards: ['error instanceof TypeError', 'error instanceof URIError'],
  },
  {
    name: 'fetch: TypeError and the abort names',
    code: 'export async function f(url: string) { try { return await fetch(url); } catch { return null; } }\n',
    errors: ['TypeError', 'AbortError'],
    guards: ['error instanceof TypeError', "error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')"],
  },
  {
    name: 'a shadowed JSON is not the global',
    code: 'const JSON = { parse: (s: string) => s };\nexport function f(s: string) { try { return JSON.parse(s); } catch { return null; } }\n',
    errors: [],
    guards: [],
  },
  {
    name: 'an unknown receiver in a file that imports nothing: no guess',
    code: 'export async function f(pool: { query(): Promise<void> }) { try { await pool.query(); } catch {} }\n',
    errors: [],
    guards: [],
  },
];

describe('catalog by import and call name (no types)', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const result = rewriteAll(testCase.code, provider);
      const known = result.known.flat();
      expect(known.map((error) => error.name)).toEqual(testCase.errors);
      expect(guards(known)).toEqual(testCase.guards);
      for (const error of known) expect(error.evidence).toBe('catalog');
      if (testCase.imports) {
        expect(result.output.split('\n')).toContain(testCase.imports);
        // Added once, not duplicated on top of the existing import.
        expect(result.output.split('\n').filter((line) => line.startsWith('import ')).length).toBe(testCase.code.split('\n').filter((line) => line.startsWith('import ')).length);
      }
      if (testCase.errors.length > 0) expect(result.rewrites[0]?.errorTypes.map((type) => type.name)).toEqual(testCase.errors);
    });
  }

  it('every entry says why its guard was chosen, and pg never guards on name', () => {
    for (const entry of CATALOG) expect(entry.why.length).toBeGreaterThan(40);
    const pg = rewriteAll("import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function f() { try { await pool.query('x'); } catch { return null; } }\n", provider);
    expect(pg.output).not.toMatch(/\.name ===/);
    const axios = rewriteAll("import axios from 'axios';\nexport async function f() { try { return await axios.get('/x'); } catch { return null; } }\n", provider);
    expect(axios.output).not.toMatch(/instanceof/);
  });

  it('a binding named like the class but not the class blocks the import: fallback instead', () => {
    const code = "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function f() { const DatabaseError = 1; try { await pool.query('x'); } catch { return DatabaseError; } }\n";
    const known = rewriteAll(code, provider).known.flat();
    expect(guards(known)).toEqual(["error instanceof Error && 'severity' in error && 'routine' in error"]);
  });

  it('two handlers in one file add the import once', () => {
    const code =
      "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function f() { try { await pool.query('x'); } catch { return null; } }\nexport async function g() { try { await pool.end(); } catch {} }\n";
    const result = rewriteAll(code, provider);
    expect(result.output.match(/DatabaseError } from 'pg'/g)).toHaveLength(1);
    expect(result.output.match(/instanceof DatabaseError/g)).toHaveLength(2);
  });
});

describe('CommonJS and scripts: no ESM import is ever added', () => {
  it('pg through require: the required binding holds the class', () => {
    const code = "const pg = require('pg');\nconst pool = new pg.Pool();\nasync function f() { try { await pool.query('x'); } catch { return null; } }\nmodule.exports = { f };\n";
    const result = rewriteAll(code, provider, '/project/src/db.cjs');
    expect(guards(result.known.flat())).toEqual(['error instanceof pg.DatabaseError']);
    expect(result.output).not.toContain('import ');
  });

  it('axios destructured from require: its own isAxiosError', () => {
    const code = "const { get, isAxiosError } = require('axios');\nasync function f() { try { return await get('/x'); } catch { return null; } }\nmodule.exports = { f };\n";
    expect(guards(rewriteAll(code, provider, '/project/src/http.cjs').known.flat())).toEqual(['isAxiosError(error)']);
  });

  it('a script without imports or exports gets the fallback guard, not an import', () => {
    const code = "const { Pool } = require('pg');\nconst pool = new Pool();\nasync function f() { try { await pool.query('x'); } catch { return null; } }\n";
    const result = rewriteAll(code, provider, '/project/src/script.js');
    expect(guards(result.known.flat())).toEqual(["error instanceof Error && 'severity' in error && 'routine' in error"]);
    expect(result.output).not.toContain('import ');
  });
});
