// `pnpm bench [area] [-- args]`: runs bench/<area>/index.ts for every area (or the one named).
// Each area prints its figures as ratios against a peer measured in the same run.
import { readdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const areas = readdirSync(benchDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(benchDir, entry.name, 'index.ts')))
  .map((entry) => entry.name)
  .sort();

const [wanted, ...args] = process.argv.slice(2);
const selected = wanted ? areas.filter((area) => area === wanted) : areas;
if (wanted && selected.length === 0) {
  console.error(`bench: no area named "${wanted}"; known: ${areas.join(', ')}`);
  process.exit(2);
}

let failed = 0;
for (const area of selected) {
  console.log(`\n=== bench/${area}`);
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(benchDir, area, 'index.ts'), ...args], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
