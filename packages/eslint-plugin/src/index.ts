import { createRequire } from 'node:module';
import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from './rules/index.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

type RuleName = keyof typeof rules;
type Severity = 'error' | 'warn' | 'off';
type RuleMeta = { meta?: { docs?: { recommended?: 'error' | 'warn' | false; strict?: 'error' | 'warn' } } };

function severities(pick: (docs: NonNullable<NonNullable<RuleMeta['meta']>['docs']>) => Severity): Record<string, Severity> {
  const result: Record<string, Severity> = {};
  for (const [id, rule] of Object.entries(rules) as [RuleName, RuleMeta][]) {
    const docs = rule.meta?.docs ?? {};
    const severity = pick(docs);
    if (severity !== 'off') result[`catchwise/${id}`] = severity;
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
  rules: severities((docs) => docs.strict ?? (docs.recommended || 'error')),
};

export default plugin;
export { rules };
