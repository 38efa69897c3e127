import { defaultOptionsFor, optionsSchema, type CatchwiseOptions } from '../analysis/index.js';
import { createRule } from '../utils/create-rule.js';
import { expectedNote, handlerFinding, handlerLoc, handlerSuggestions, handlerVisitors } from '../utils/handler-rule.js';

export type MessageIds = 'specificCatchSuggestion' | 'broadCatch' | 'unnarrowedCatch' | 'abortSwallowed' | 'logErrorSuggestion' | 'rethrowSuggestion';
export type Options = [CatchwiseOptions];

const OPTION_KEYS = [
  'loggers', 'minimumLevel', 'guards', 'propagators', 'allowComment', 'allowedHandlers', 'ignoreBindingPattern', 'idioms',
  'requireNarrowing',
] as const;

export default createRule<Options, MessageIds>({
  name: 'no-broad-catch',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: {
      description: 'Disallow handlers that recover quietly from errors they did not narrow',
      recommended: 'error',
      strictOptions: { requireNarrowing: true },
    },
    messages: {
      broadCatch: 'In this {{handler}}, {{which}} at line {{line}} {{action}} without logging the error{{note}}{{more}}{{expected}}.',
      unnarrowedCatch:
        'In this {{handler}}, {{which}} at line {{line}} logs the error but {{action}} for every error alike{{more}}{{expected}}; narrow it to the errors you expect.',
      abortSwallowed:
        'In this {{handler}}, {{which}} at line {{line}} logs an abort of {{signal}} ({{where}}) as an unexpected error and {{action}}{{more}}; tell the abort apart and ignore or rethrow it.',
      specificCatchSuggestion: 'Log expected errors at warn and unexpected ones at error with the error object (specific-then-fallback)',
      logErrorSuggestion: 'Pass the error object to {{logger}}.error on the quiet path',
      rethrowSuggestion: 'Rethrow the errors this handler does not expect',
    },
    schema: optionsSchema(OPTION_KEYS),
  },
  defaultOptions: [defaultOptionsFor(OPTION_KEYS)],
  create(context, options) {
    return handlerVisitors(context, options, 'handler', (analysis, file, options) => {
      const finding = handlerFinding(analysis, file, options);
      if (!finding || finding.ruleId !== 'no-broad-catch') return;
      context.report({
        loc: handlerLoc(finding.handler),
        messageId: finding.messageId as 'broadCatch' | 'unnarrowedCatch' | 'abortSwallowed',
        data: { ...finding.data, expected: expectedNote(finding, file) },
        suggest: handlerSuggestions(finding, file, finding.messageId === 'broadCatch', options),
      });
    });
  },
});
