// Dirty-tree refusal: uncommitted changes under the target paths (not just the current directory).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** Changed or untracked files under `roots` (git's own paths), or null outside a git work tree. */
export function dirtyFiles(roots: readonly string[]): string[] | null {
  const first = roots[0];
  if (!first) return null;
  const dir = existsSync(first) && statSync(first).isDirectory() ? first : dirname(first);
  const top = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8' });
  if (top.status !== 0 || top.error) return null;
  const status = spawnSync('git', ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...roots], {
    cwd: top.stdout.trim(),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (status.status !== 0 || status.error) return null;
  return status.stdout
    .split('\0')
    .filter((entry) => entry.length > 3)
    .map((entry) => entry.slice(3));
}
