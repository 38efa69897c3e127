// ESLint running catchwise's three rules (recommended) over a directory: the speed the codemod
// must not fall below. Run in its own process so its peak memory is its own.
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import catchwise from '@catchwise/eslint-plugin';

const dir = process.argv[2];
if (!dir) throw new Error('usage: eslint-child.ts <dir>');
const eslint = new ESLint({
  cwd: dir,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
    catchwise.configs.recommended as never,
  ],
});
const results = await eslint.lintFiles(['**/*.ts']);
let reports = 0;
for (const result of results) reports += result.messages.length;
console.log(JSON.stringify({ files: results.length, reports }));
