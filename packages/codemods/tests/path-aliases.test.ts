// A project's `paths` aliases, for a logger module imported through one.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { aliasTargets } from '../src/path-aliases.js';
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
      'app/tsconfig.json': '{\n  // no paths of its own\n  "extends": "../tsconfig.base.json",\n  "compilerOptions": { "strict": true, },\n}\n',
      'app/main.ts': '',
    });
    repos.push(repo);
    const from = join(repo.dir, 'app/main.ts');
    expect(aliasTargets('@/lib/logger', from)).toEqual([join(repo.dir, 'src/lib/logger'), join(repo.dir, 'src/generated/lib/logger')]);
    expect(aliasTargets('#log', from)).toEqual([join(repo.dir, 'src/lib/log.ts')]);
    // A bare specifier no pattern matches is looked up under baseUrl first, as TypeScript does.
    expect(aliasTargets('pino', from)).toEqual([join(repo.dir, 'src/pino')]);
  });

  it('a jsconfig.json where there is no tsconfig.json', () => {
    const repo = tempRepo({ 'jsconfig.json': '{ "compilerOptions": { "paths": { "~/*": ["./lib/*"] } } }\n', 'web/a.js': '' });
    repos.push(repo);
    expect(aliasTargets('~/logger', join(repo.dir, 'web/a.js'))).toEqual([join(repo.dir, 'lib/logger')]);
  });

  it('no config, or one without paths: no targets', () => {
    const repo = tempRepo({ 'pkg/tsconfig.json': '{ "compilerOptions": {} }\n', 'pkg/a.ts': '', 'b.ts': '' });
    repos.push(repo);
    expect(aliasTargets('@/log', join(repo.dir, 'pkg/a.ts'))).toEqual([]);
    expect(aliasTargets('@/log', join(repo.dir, 'b.ts'))).toEqual([]);
  });

  it('an extends that does not resolve (a package not installed): the config\'s own paths and baseUrl', () => {
    const repo = tempRepo({
      'app/tsconfig.json': '{\n  "extends": "expo/tsconfig.base", // not installed\n  "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./src/*",], }, },\n}\n',
      'app/src/a.ts': '',
      'broken/tsconfig.json': '{ "extends": "./missing.json" }\n',
      'broken/c.ts': '',
    });
    repos.push(repo);
    expect(aliasTargets('@/lib/logger', join(repo.dir, 'app/src/a.ts'))).toEqual([join(repo.dir, 'app/src/lib/logger')]);
    expect(aliasTargets('@/log', join(repo.dir, 'broken/c.ts'))).toEqual([]);
  });
});
