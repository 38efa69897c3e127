// Profiling helper for bench/lint: lints a directory with only the parser plus the chosen rules,
// in one process, so `node --cpu-prof --import tsx bench/lint/profile.ts <dir> [ours|peers|all]` shows where our time goes.
import { readFileSync } from 'node:fs';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import sonarjs from 'eslint-plugin-sonarjs';
import catchwise from '@catchwise/eslint-plugin';
import { listFiles } from './files.js';

const [dir, which = 'ours', repeat = '1'] = process.argv.slice(2);
const files = listFiles(dir!);
const OURS = { 'catchwise/no-silent-catch': 'warn', 'catchwise/no-broad-catch': 'warn', 'catchwise/log-error-object': 'warn' } as const;
const PEERS = { 'no-empty': 'warn', 'sonarjs/no-ignored-exceptions': 'warn' } as const;
const rules = which === 'ours' ? OURS : which === 'peers' ? PEERS : which === 'none' ? {} : { ...OURS, ...PEERS };
const linter = new Linter({ configType: 'flat', cwd: dir });
const config: Linter.Config[] = [
  { files: ['**/*.*'], languageOptions: { parser: tseslint.parser as never } },
  { plugins: { catchwise: catchwise as never, sonarjs: sonarjs as never }, rules: rules as Linter.RulesRecord },
];
const sources = files.map((file) => [file, readFileSync(file, 'utf8')] as const);
const counts = new Map<string, number>();
const times = new Map<string, number>();
// `stats` is a runtime option of verifyAndFix that ESLint's types leave out.
const verifyOptions = (filename: string) => ({ filename, stats: true, fix: false });
const started = performance.now();
for (let r = 0; r < Number(repeat); r++) {
  const before = new Map(times);
  for (const [file, text] of sources) {
    for (const message of linter.verifyAndFix(text, config, verifyOptions(file)).messages) {
      counts.set(message.ruleId ?? '(fatal)', (counts.get(message.ruleId ?? '(fatal)') ?? 0) + 1);
    }
    for (const pass of linter.getTimes().passes) {
      for (const [rule, time] of Object.entries(pass.rules ?? {})) times.set(rule, (times.get(rule) ?? 0) + time.total);
    }
  }
  const delta = (ids: string[]) => ids.reduce((total, id) => total + (times.get(id) ?? 0) - (before.get(id) ?? 0), 0);
  console.log(`pass ${r + 1}: ours ${delta(Object.keys(OURS)).toFixed(1)} ms, peers ${delta(Object.keys(PEERS)).toFixed(1)} ms`);
}
console.log(`${files.length} files x ${repeat}: ${(performance.now() - started).toFixed(0)} ms`, Object.fromEntries(counts));
const sum = (ids: string[]) => ids.reduce((total, id) => total + (times.get(id) ?? 0), 0);
for (const [rule, time] of times) console.log(`${rule.padEnd(32)} ${time.toFixed(1).padStart(9)} ms`);
const ours = sum(Object.keys(OURS));
const peers = sum(Object.keys(PEERS));
if (ours && peers) console.log(`ours ${ours.toFixed(1)} ms, peers ${peers.toFixed(1)} ms, ratio ${(ours / peers).toFixed(2)}x`);
