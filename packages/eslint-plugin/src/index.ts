import { createRequire } from 'node:module';
import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from './rules/index.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

type RuleName = keyof typeof rules;
type Severity = 'error' | 'warn' | 'off';
type RuleDocs = { recommended?: 'error' | 'warn' | false; strict?: 'error' | 'warn'; strictOptions?: Record<string, unknown> };
type RuleMeta = { meta?: { docs?: RuleDocs } };
type RuleEntry = Severity | [Severity, Record<string, unknown>];

function severities(pick: (docs: RuleDocs) => RuleEntry): Record<string, RuleEntry> {
  const result: Record<string, RuleEntry> = {};
  for (const [id, rule] of Object.entries(rules) as [RuleName, RuleMeta][]) {
    const entry = pick(rule.meta?.docs ?? {});
    if (entry !== 'off') result[`catchwise/${id}`] = entry;
  }
  return result;
}

const plugin = {
  meta: { name, version, namespace: 'catchwise' },
  rules,
  configs: {} as Record<'recommended' | 'strict', TSESLint.FlatConfig.Config>,
};

plugin.configs.recommended = {
  name: 'catchwise/recommended',
  plugins: { catchwise: plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: severities((docs) => docs.recommended || 'off'),
};
plugin.configs.strict = {
  name: 'catchwise/strict',
  plugins: { catchwise: plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: severities((docs) => {
    const severity = docs.strict ?? (docs.recommended || 'error');
    return docs.strictOptions ? [severity, docs.strictOptions] : severity;
  }),
};

export default plugin;
export { rules };
/** For `catchwise.config.ts`: `export default defineConfig({ … })` (an identity function, typed). */
export { defineConfig, type CatchwiseConfig } from './analysis/knowledge/config.js';
