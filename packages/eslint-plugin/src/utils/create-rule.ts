import { ESLintUtils } from '@typescript-eslint/utils';

export interface CatchwiseRuleDocs {
  /** Severity in `configs.recommended`; `false` keeps the rule out of it (it is still in `strict`). */
  recommended: 'error' | 'warn' | false;
  /** Severity in `configs.strict`, when it differs from `recommended`. */
  strict?: 'error' | 'warn';
  /** Options the rule gets in `configs.strict` (merged over its defaults by ESLint). */
  strictOptions?: Record<string, unknown>;
}

export const createRule = ESLintUtils.RuleCreator<CatchwiseRuleDocs>(
  (name) => `https://github.com/catchwise/catchwise/blob/main/packages/eslint-plugin/docs/rules/${name}.md`,
);
