// The source files bench/lint lints under a directory: JS/TS of every flavour, no declaration files,
// nothing under node_modules, dist or a dot-directory.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function listFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.') || entry.name === 'dist') continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(?:[cm]?tsx?|[cm]?jsx?)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
    }
  };
  walk(dir);
  return files;
}
