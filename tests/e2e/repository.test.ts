// Guards the repository's own contracts: the README's two commands, CI calling them verbatim,
// and package manifests shaped the way users' tools expect.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const install = 'npx -y pnpm@12.4.2 install --frozen-lockfile';

describe('README set-up', () => {
  const readme = read('README.md');

  it('has exactly two set-up commands: install + demo, install + test', () => {
    const commands = readme.split('\n').filter((line) => line.startsWith(`${install} && `));
    expect(commands).toEqual([`${install} && npx -y pnpm@12.4.2 demo`, `${install} && npx -y pnpm@12.4.2 test`]);
  });

  it('is what CI runs, verbatim', () => {
    expect(read('.ci/run')).toContain(`\n${install} && npx -y pnpm@12.4.2 test\n`);
  });
});

describe('package manifests', () => {
  const root_ = JSON.parse(read('package.json')) as { packageManager: string; scripts: Record<string, string> };

  it('pins pnpm and names the scripts plainly', () => {
    expect(root_.packageManager).toBe('pnpm@12.4.2');
    expect(Object.keys(root_.scripts).sort()).toEqual(['bench', 'build', 'demo', 'lint', 'test', 'typecheck']);
  });

  for (const name of ['eslint-plugin', 'codemods', 'reducer']) {
    it(`${name}: ESM, exports with types first, files limited to what users need`, () => {
      const manifest = JSON.parse(read(`packages/${name}/package.json`)) as {
        type: string;
        exports: Record<string, string | Record<string, string>>;
        files: string[];
        engines: { node: string };
      };
      expect(manifest.type).toBe('module');
      expect(manifest.engines.node).toBe('>=20.19');
      for (const [subpath, target] of Object.entries(manifest.exports)) {
        if (typeof target === 'string') continue;
        expect(Object.keys(target)[0], subpath).toBe('types');
        expect(target.default, subpath).toMatch(/^\.\/dist\//);
      }
      expect(manifest.files.every((file) => ['dist', 'docs', 'README.md'].includes(file))).toBe(true);
    });
  }

  it('the reducer has no runtime dependencies', () => {
    const manifest = JSON.parse(read('packages/reducer/package.json')) as Record<string, unknown>;
    expect(manifest.dependencies ?? {}).toEqual({});
  });

  it('the codemods package has a single bin, so `npx @catchwise/codemods` runs it', () => {
    const manifest = JSON.parse(read('packages/codemods/package.json')) as { bin: Record<string, string> };
    expect(manifest.bin).toEqual({ 'catchwise-codemods': './dist/cli.js' });
  });
});
