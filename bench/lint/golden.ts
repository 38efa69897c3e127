// Dumps every report of the three rules (message, location, suggestions with their fixes) for the
// directories given, so a performance change can be checked to leave every output unchanged:
//   npx tsx bench/lint/golden.ts <out.json> <dir>...
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import catchwise from '@catchwise/eslint-plugin';
import { listFiles } from './files.js';

const [out, ...dirs] = process.argv.slice(2);
const results: Record<string, unknown[]> = {};
for (const dir of dirs.map((d) => resolve(d))) {
  const files = listFiles(dir);
  const linter = new Linter({ configType: 'flat', cwd: dir });
  const config: Linter.Config[] = [
    { files: ['**/*.*'], languageOptions: { parser: tseslint.parser as never } },
    {
      plugins: { catchwise: catchwise as never },
      rules: { 'catchwise/no-silent-catch': 'warn', 'catchwise/no-broad-catch': 'warn', 'catchwise/log-error-object': 'warn' },
    },
  ];
  for (const file of files.sort()) {
    const messages = linter.verify(readFileSync(file, 'utf8'), config, { filename: file }).filter((m) => m.ruleId?.startsWith('catchwise/') || m.fatal);
    if (messages.length > 0) results[file] = messages;
  }
}
writeFileSync(out!, JSON.stringify(results, null, 1));
console.log(`${Object.values(results).reduce((n, list) => n + list.length, 0)} messages in ${Object.keys(results).length} files`);
