// The programmatic API as tools use it: run() on a directory, and its usage errors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run, transformSource, transforms, UsageError } from '../src/index.js';
import { CLEAN, SILENT, tempRepo } from './helpers.js';
import type { Repo } from './helpers.js';

const repos: Repo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.cleanup();
});

describe('run()', () => {
  it('dry-run: a summary with diffs and progress, nothing written', async () => {
    const repo = tempRepo({ 'src/a.ts': SILENT('closeA'), 'src/b.ts': CLEAN });
    repos.push(repo);
    const progress: number[] = [];
    const summary = await run({ paths: ['src'], cwd: repo.dir, dryRun: true, onProgress: ({ done }) => progress.push(done) });
    expect(summary.mode).toBe('dry-run');
    expect(summary.counts).toEqual({ changed: 1, unchanged: 1, skipped: 0, error: 0 });
    expect(summary.exitCode).toBe(1);
    expect(summary.written).toBe(0);
    expect(summary.files.map((file) => file.file)).toEqual(['src/a.ts', 'src/b.ts']);
    expect(summary.files[0]?.diff).toContain("+    logger.error({ err: error }, 'closeA: unexpected error from pool.end()');");
    expect(progress).toEqual([1, 2]);
    expect(readFileSync(join(repo.dir, 'src/a.ts'), 'utf8')).toBe(SILENT('closeA'));
  });

  it('rejects with UsageError: missing path, dirty tree, bad jobs, unknown transform', async () => {
    const repo = tempRepo({ 'src/a.ts': SILENT('closeA') });
    repos.push(repo);
    await expect(run({ paths: ['nope'], cwd: repo.dir })).rejects.toBeInstanceOf(UsageError);
    await expect(run({ paths: ['src'], cwd: repo.dir, jobs: 0 })).rejects.toThrow(/--jobs/);
    await expect(run({ paths: ['src'], cwd: repo.dir, transform: 'nope' })).rejects.toThrow(/unknown transform/);
    repo.write('src/a.ts', SILENT('closeA') + '// edit\n');
    await expect(run({ paths: ['src'], cwd: repo.dir })).rejects.toThrow(/uncommitted changes/);
    expect(Object.keys(transforms)).toEqual(['specific-catch']);
  });
});

describe('transformSource()', () => {
  it('needs no options: the text is read as TypeScript (input.ts)', () => {
    const text = 'export async function close(pool: { end(): Promise<void> }) {\n  try {\n    await pool.end();\n  } catch {}\n}\n';
    const bare = transformSource(text);
    expect(bare.output).toContain("console.error('close: unexpected error from pool.end()', error);");
    expect(transformSource(text, {}).output).toBe(bare.output);
    expect(transformSource(text, { fileName: 'input.ts' }).output).toBe(bare.output);
  });
});
