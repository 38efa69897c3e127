// Lints a text with the plugin's recommended rules, as a user's ESLint would (test helper).
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin from '@catchwise/eslint-plugin';

// Fixture paths are virtual (`/project/src/…`), example paths real: the base path must contain both.
const linter = new Linter({ configType: 'flat', cwd: '/' });

const config: Linter.Config[] = [
  {
    files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
    languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'module', ecmaVersion: 'latest' },
    plugins: { catchwise: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
    rules: plugin.configs.recommended.rules as Linter.RulesRecord,
  },
];

export interface LintReport {
  ruleId: string | null;
  line: number;
  message: string;
}

export function lintCatchwise(text: string, fileName: string): LintReport[] {
  return linter
    .verify(text, config, { filename: fileName })
    .map((message) => ({ ruleId: message.ruleId, line: message.line, message: message.message }));
}
