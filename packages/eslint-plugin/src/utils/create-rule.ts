import { ESLintUtils } from '@typescript-eslint/utils';

export interface CatchwiseRuleDocs {
  /** Severity in `configs.recommended`; `false` keeps the rule out of it (it is still in `strict`). */
  recommended: 'error' | 'warn' | false;
  /** Severity in `configs.strict`, when it differs from `recommended`. */
  strict?: 'error' | 'warn';
  /** Options the rule gets in `configs.strict` (merged over its defaults by ESLint). */
  strictOptions?: Record<string, unknown>;
}

const ruleCreator = ESLintUtils.RuleCreator<CatchwiseRuleDocs>(
  (name) => `https://github.com/catchwise/catchwise/blob/main/packages/eslint-plugin/docs/rules/${name}.md`,
);

/**
 * `ESLintUtils.RuleCreator` (docs URL, typed `defaultOptions`), except that `create` receives the
 * user's options as given (`[{}]` when none), read only when a rule first asks for them: RuleCreator
 * `structuredClone`s and deep-merges `defaultOptions` on every file, which costs more than the whole
 * analysis of most files, and even reading `context.options` costs (each file's contexts have a
 * prototype of their own, so the property load is megamorphic) while most files hold no handler.
 * Our rules merge defaults through `resolveOptions`, which caches by identity and by value.
 */
/** One shared "no options" value, so `resolveOptions` finds it by identity on every file. */
const NO_OPTION = Object.freeze({});

/** The rule's options array as `create` sees it; its first element is looked up on first use. */
class LazyOptions {
  constructor(private readonly context: { readonly options: readonly unknown[] }) {}

  get 0(): unknown {
    const options = this.context.options;
    return options.length > 0 ? options[0] : NO_OPTION;
  }
}

export const createRule: typeof ruleCreator = (spec) => {
  const rule = ruleCreator(spec);
  const create = spec.create;
  return {
    ...rule,
    create: (context) => create(context, new LazyOptions(context) as never),
  };
};
