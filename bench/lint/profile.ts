// Profiling helper for bench/lint: lints a directory with only the parser plus the chosen rules,
// in one process, so `node --cpu-prof --import tsx bench/lint/profile.ts <dir> [ours|peers|all]` shows where our time goes.
//   node --import tsx bench/lint/profile.ts <dir> [ours|peers|all|none] [passes=1] [all|none|quiet|reported]
// The last argument keeps one kind of file: none, no `catch`/`.then(` text; quiet, handlers but no
// report of ours; reported, at least one. Each pass's times are printed, then the minimum per pass
// (the steadiest figure on a shared machine: noise only adds time).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import sonarjs from 'eslint-plugin-sonarjs';
import catchwise from '@catchwise/eslint-plugin';
import { listFiles } from './files.js';

const [dirArgument, which = 'ours', repeat = '1', group = 'all'] = process.argv.slice(2);
const dir = resolve(dirArgument!);
const OURS = { 'catchwise/no-silent-catch': 'warn', 'catchwise/no-broad-catch': 'warn', 'catchwise/log-error-object': 'warn' } as const;
const PEERS = { 'no-empty': 'warn', 'sonarjs/no-ignored-exceptions': 'warn' } as const;
const rules = which === 'ours' ? OURS : which === 'peers' ? PEERS : which === 'none' ? {} : { ...OURS, ...PEERS };
const linter = new Linter({ configType: 'flat', cwd: dir });
const config: Linter.Config[] = [
  { files: ['**/*.*'], languageOptions: { parser: tseslint.parser as never } },
  { plugins: { catchwise: catchwise as never, sonarjs: sonarjs as never }, rules: rules as Linter.RulesRecord },
];
const oursOnly: Linter.Config[] = [config[0]!, { ...config[1], rules: OURS }];
const HANDLER_TEXT = /\bcatch\s*[({]|\.catch\(|\.then\(/;

function inGroup(file: string, text: string): boolean {
  if (group === 'all') return true;
  if (!HANDLER_TEXT.test(text)) return group === 'none';
  const reported = linter.verify(text, oursOnly, file).some((message) => message.ruleId?.startsWith('catchwise/'));
  return group === 'reported' ? reported : group === 'quiet' && !reported;
}

const sources = listFiles(dir)
  .map((file) => [file, readFileSync(file, 'utf8')] as const)
  .filter(([file, text]) => inGroup(file, text));
const minimum = { ours: Infinity, peers: Infinity };
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
  const pass = { ours: delta(Object.keys(OURS)), peers: delta(Object.keys(PEERS)) };
  minimum.ours = Math.min(minimum.ours, pass.ours);
  minimum.peers = Math.min(minimum.peers, pass.peers);
  console.log(`pass ${r + 1}: ours ${pass.ours.toFixed(1)} ms, peers ${pass.peers.toFixed(1)} ms`);
}
console.log(`${sources.length} files (group ${group}) x ${repeat}: ${(performance.now() - started).toFixed(0)} ms`, Object.fromEntries(counts));
console.log(`minimum per pass: ours ${minimum.ours.toFixed(1)} ms, peers ${minimum.peers.toFixed(1)} ms`);
const sum = (ids: string[]) => ids.reduce((total, id) => total + (times.get(id) ?? 0), 0);
for (const [rule, time] of times) console.log(`${rule.padEnd(32)} ${time.toFixed(1).padStart(9)} ms`);
const ours = sum(Object.keys(OURS));
const peers = sum(Object.keys(PEERS));
if (ours && peers) console.log(`ours ${ours.toFixed(1)} ms, peers ${peers.toFixed(1)} ms, ratio ${(ours / peers).toFixed(2)}x`);
