// The config of each file: the nearest `catchwise.config.json` / `.ts` above it (as the rules find
// it), or `--config` for all. CLI runs on a temporary repository with two packages configured
// differently and a directory without a config.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, tempRepo } from './helpers.js';
import type { Repo } from './helpers.js';

const repos: Repo[] = [];
afterEach(() => {
  for (const created of repos.splice(0)) created.cleanup();
});
const read = (r: Repo, path: string): string => readFileSync(join(r.dir, path), 'utf8');

const LOAD = "import { query } from '@acme/db';\n\nexport async function load(): Promise<number> {\n  try {\n    return await query();\n  } catch {\n    return 0;\n  }\n}\n";

function monorepo(extra: Record<string, string> = {}): Repo {
  const r = tempRepo({
    'packages/api/catchwise.config.json': JSON.stringify({ logger: 'log@./src/log.js', errors: { '@acme/db': ['DbError'] } }),
    'packages/api/src/log.js': 'export const log = console;\n',
    'packages/api/src/load.ts': LOAD,
    'packages/web/catchwise.config.ts':
      "import { defineConfig } from '@catchwise/codemods';\n\nexport default defineConfig({\n  logger: 'logger@./src/logger.js:object-first',\n  errors: { '@acme/db': [{ name: 'DbTimeout', guard: 'name' }] },\n});\n",
    'packages/web/src/logger.js': 'export const logger = console;\n',
    'packages/web/src/deep/load.ts': LOAD,
    'tools/load.ts': LOAD,
    ...extra,
  });
  repos.push(r);
  return r;
}

const branch = (guard: string, expected: string, unexpected: string): string =>
  `  } catch (error) {\n    if (${guard}) {\n      ${expected}\n    } else {\n      ${unexpected}\n    }\n    return 0;\n  }\n`;

describe('config per file', () => {
  it('each file gets the nearest config above it: its logger, its errors; none above means the defaults', () => {
    const r = monorepo();
    const result = runCli(r.dir, ['specific-catch', 'packages', 'tools']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const api = read(r, 'packages/api/src/load.ts');
    expect(api).toContain("import { log } from './log.js';");
    expect(api).toContain(branch('error instanceof DbError', "log.warn('load: query() failed', error);", "log.error('load: unexpected error from query()', error);"));
    expect(api).toContain("import { query, DbError } from '@acme/db';");
    const web = read(r, 'packages/web/src/deep/load.ts');
    expect(web).toContain("import { logger } from '../logger.js';");
    expect(web).toContain(
      branch("error instanceof Error && error.name === 'DbTimeout'", "logger.warn({ err: error }, 'load: query() failed');", "logger.error({ err: error }, 'load: unexpected error from query()');"),
    );
    expect(read(r, 'tools/load.ts')).toContain("    console.error('load: unexpected error from query()', error);\n    return 0;");
  });

  it('--config applies one file to every file', () => {
    const r = monorepo();
    expect(runCli(r.dir, ['specific-catch', 'packages', 'tools', '--config', 'packages/api/catchwise.config.json']).status).toBe(0);
    for (const file of ['packages/web/src/deep/load.ts', 'tools/load.ts']) {
      expect(read(r, file)).toContain("log.error('load: unexpected error from query()', error);");
      expect(read(r, file)).toContain('if (error instanceof DbError) {');
    }
    expect(read(r, 'tools/load.ts')).toContain("import { log } from '../packages/api/src/log.js';");
  });

  it('--jobs 2 gives each file its own config, as one job does', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 24; i++) {
      files[`packages/api/src/f${i}.ts`] = LOAD;
      files[`packages/web/src/f${i}.ts`] = LOAD;
    }
    const one = monorepo(files);
    const two = monorepo(files);
    expect(runCli(one.dir, ['specific-catch', 'packages']).status).toBe(0);
    expect(runCli(two.dir, ['specific-catch', 'packages', '--jobs', '2']).status).toBe(0);
    for (const file of Object.keys(files)) expect(read(two, file)).toBe(read(one, file));
    expect(read(two, 'packages/web/src/f3.ts')).toContain("error.name === 'DbTimeout'");
    expect(read(two, 'packages/api/src/f3.ts')).toContain('error instanceof DbError');
  });

  it('a mistake in one package config is a usage error naming the file and the field (exit 2)', () => {
    const r = monorepo({ 'packages/web/catchwise.config.ts': "export default { errors: { pg: [{ name: 'X', guard: 'code' }] } };\n" });
    const result = runCli(r.dir, ['specific-catch', 'packages', '--check']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`config file ${join(r.dir, 'packages/web/catchwise.config.ts')}: errors["pg"][0].codes is required with guard "code"`);
  });
});
