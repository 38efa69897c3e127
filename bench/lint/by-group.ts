// Where the rules' time goes, by kind of file: lints a directory with only the parser and the chosen
// rules, N passes in one process, and prints the minimum per-pass time of ours and of the peers over
// one group of files (the minimum is the steadiest figure on a shared machine):
//   node --import tsx bench/lint/by-group.ts <absolute dir> [passes=6] [none|quiet|reported|all] [ours|peers|all]
// none: no `catch`/`.then(` text; quiet: handlers, none reported; reported: at least one report of ours.
import { readFileSync } from 'node:fs';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import sonarjs from 'eslint-plugin-sonarjs';
import catchwise from '@catchwise/eslint-plugin';
import { listFiles } from './files.js';

const [dir, passes = '6', group = 'all', which = 'all'] = process.argv.slice(2);
const OURS = ['catchwise/no-silent-catch', 'catchwise/no-broad-catch', 'catchwise/log-error-object'];
const PEERS = ['no-empty', 'sonarjs/no-ignored-exceptions'];
const HANDLER_TEXT = /\bcatch\s*[({]|\.catch\(|\.then\(/;

const linter = new Linter({ configType: 'flat', cwd: dir });
const configWith = (rules: string[]): Linter.Config[] => [
  { files: ['**/*.*'], languageOptions: { parser: tseslint.parser as never } },
  { plugins: { catchwise: catchwise as never, sonarjs: sonarjs as never }, rules: Object.fromEntries(rules.map((rule) => [rule, 'warn'])) },
];
const oursOnly = configWith(OURS);
const config = configWith(which === 'ours' ? OURS : which === 'peers' ? PEERS : [...OURS, ...PEERS]);

function inGroup(file: string, text: string): boolean {
  if (group === 'all') return true;
  if (!HANDLER_TEXT.test(text)) return group === 'none';
  const reported = linter.verify(text, oursOnly, file).some((message) => message.ruleId?.startsWith('catchwise/'));
  return group === 'reported' ? reported : group === 'quiet' && !reported;
}

const sources = listFiles(dir!)
  .map((file) => [file, readFileSync(file, 'utf8')] as const)
  .filter(([file, text]) => inGroup(file, text));
console.log(`${sources.length} files in group "${group}", ${passes} passes`);
const minimum = { ours: Infinity, peers: Infinity };
for (let pass = 0; pass < Number(passes); pass++) {
  const total = { ours: 0, peers: 0 };
  for (const [file, text] of sources) {
    // `stats` is a runtime option of verifyAndFix that ESLint's types leave out.
    linter.verifyAndFix(text, config, { filename: file, stats: true, fix: false } as never);
    for (const run of linter.getTimes().passes) {
      for (const [rule, time] of Object.entries(run.rules ?? {})) total[OURS.includes(rule) ? 'ours' : 'peers'] += time.total;
    }
  }
  minimum.ours = Math.min(minimum.ours, total.ours);
  minimum.peers = Math.min(minimum.peers, total.peers);
}
console.log(`minimum per pass: ours ${minimum.ours.toFixed(2)} ms, peers ${minimum.peers.toFixed(2)} ms`);
