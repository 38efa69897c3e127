import { defaultOptionsFor, optionsSchema, type CatchwiseOptions } from '../analysis/index.js';
import { createRule } from '../utils/create-rule.js';
import { expectedNote, handlerFinding, handlerLoc, handlerSuggestions, handlerVisitors } from '../utils/handler-rule.js';

export type MessageIds = 'specificCatchSuggestion' | 'silentCatch' | 'logErrorSuggestion' | 'rethrowSuggestion';
export type Options = [Omit<CatchwiseOptions, 'requireNarrowing'>];

const OPTION_KEYS = [
  'loggers', 'minimumLevel', 'guards', 'propagators', 'allowComment', 'allowedHandlers', 'ignoreBindingPattern', 'idioms',
] as const;

export default createRule<Options, MessageIds>({
  name: 'no-silent-catch',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: {
      description: 'Disallow catch clauses and promise handlers that discard the error',
      recommended: 'error',
    },
    messages: {
      silentCatch: 'This {{handler}} discards the error: {{detail}}{{expected}}.',
      specificCatchSuggestion: 'Log expected errors at warn and unexpected ones at error with the error object (specific-then-fallback)',
      logErrorSuggestion: 'Pass the error object to {{logger}}.error',
      rethrowSuggestion: 'Rethrow the error',
    },
    schema: optionsSchema(OPTION_KEYS),
  },
  defaultOptions: [defaultOptionsFor(OPTION_KEYS)],
  create(context, options) {
    return handlerVisitors(context, options, 'handler', (analysis, file, options) => {
      const finding = handlerFinding(analysis, file, options);
      if (!finding || finding.ruleId !== 'no-silent-catch') return;
      context.report({
        loc: handlerLoc(finding.handler),
        messageId: 'silentCatch',
        data: { ...finding.data, expected: expectedNote(finding, file) },
        suggest: handlerSuggestions(finding, file, true, options),
      });
    });
  },
});
