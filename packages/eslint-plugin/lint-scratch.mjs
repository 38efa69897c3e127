import { ESLint } from 'eslint';
import plugin from '/work/wt/knowledge/packages/eslint-plugin/dist/index.js';
import tsParser from '@typescript-eslint/parser';
const eslint = new ESLint({ cwd: '/', overrideConfigFile: true, overrideConfig: [{ files: ['**/*.ts','**/*.js','**/*.mjs','**/*.tsx','**/*.mts','**/*.cts','**/*.jsx','**/*.cjs'], languageOptions: { parser: tsParser }, plugins: { catchwise: plugin }, rules: { 'catchwise/no-broad-catch': 'error', 'catchwise/no-silent-catch': 'error' } }] });
const results = await eslint.lintFiles(process.argv.slice(2));
for (const r of results) for (const m of r.messages) console.log(`${r.filePath}:${m.line}:${m.column} ${m.ruleId} ${m.messageId ?? ''} ${m.message}`);
