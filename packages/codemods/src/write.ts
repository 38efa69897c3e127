// Atomic writes: a temporary file next to the target, same mode, then one rename. An interrupted
// run leaves either the old file or the new one, never half of one; temporaries are removed.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { chmod, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const pending = new Set<string>();

export const TEMP_MARKER = '.catchwise-';

export async function writeFileAtomic(file: string, text: string, mode: number): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}${TEMP_MARKER}${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  pending.add(temp);
  try {
    const handle = await open(temp, 'wx', mode & 0o7777);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(temp, mode & 0o7777);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    pending.delete(temp);
  }
}

/** Removes temporaries of writes still in flight (on SIGINT/SIGTERM). */
export function removePendingTemporaries(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}
