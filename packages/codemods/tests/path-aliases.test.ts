// A project's `paths` aliases, for a logger module imported through one.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { aliasTargets, withoutCommentsAndTrailingCommas } from '../src/path-aliases.js';
import { tempRepo } from './helpers.js';
import type { Repo } from './helpers.js';

const repos: Repo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.cleanup();
});

describe('aliasTargets', () => {
  it('the nearest config\'s paths, relative to its baseUrl, inherited through a relative extends', () => {
    const repo = tempRepo({
      'tsconfig.base.json': '{ "compilerOptions": { "baseUrl": "src", "paths": { "@/*": ["*", "generated/*"], "#log": ["lib/log.ts"] } } }\n',
      'app/tsconfig.json': '{ "extends": "../tsconfig.base.json", /* no paths of its own */ "compilerOptions": { "strict": true } }\n',
      'app/main.ts': '',
    });
    repos.push(repo);
    const from = join(repo.dir, 'app/main.ts');
    expect(aliasTargets('@/lib/logger', from)).toEqual([join(repo.dir, 'src/lib/logger'), join(repo.dir, 'src/generated/lib/logger')]);
    expect(aliasTargets('#log', from)).toEqual([join(repo.dir, 'src/lib/log.ts')]);
    expect(aliasTargets('pino', from)).toEqual([]);
  });

  it('no config, or one without paths: no targets', () => {
    const repo = tempRepo({ 'pkg/tsconfig.json': '{ "compilerOptions": {} }\n', 'pkg/a.ts': '', 'b.ts': '' });
    repos.push(repo);
    expect(aliasTargets('@/log', join(repo.dir, 'pkg/a.ts'))).toEqual([]);
    expect(aliasTargets('@/log', join(repo.dir, 'b.ts'))).toEqual([]);
  });
});

describe('withoutCommentsAndTrailingCommas', () => {
  it('drops comments and trailing commas, not the same characters inside strings', () => {
    const text = '{\n  // a comment\n  "a": "http://x/*y*/", /* b */\n  "c": [1, 2,],\n}\n';
    expect(JSON.parse(withoutCommentsAndTrailingCommas(text))).toEqual({ a: 'http://x/*y*/', c: [1, 2] });
  });
});
