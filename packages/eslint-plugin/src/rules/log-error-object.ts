import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { TSESLint } from '@typescript-eslint/utils';
import { defaultOptionsFor, logCallFindingsOf, logErrorObjectEdit, optionsSchema, type CatchwiseOptions, type LogCallFinding } from '../analysis/index.js';
import { unwrap } from '../analysis/ast.js';
import { createRule } from '../utils/create-rule.js';
import { analysisInput, chooseLogger, handlerVisitors, planBinding, type RuleFile } from '../utils/handler-rule.js';

export type MessageIds = 'logErrorObject' | 'passErrorSuggestion';
export type Options = [Pick<CatchwiseOptions, 'loggers' | 'minimumLevel'>];

const OPTION_KEYS = ['loggers', 'minimumLevel'] as const;

/** Adds the error object to a log call in the logger's own style. */
function passErrorFix(finding: LogCallFinding, file: RuleFile): { name: string; fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[] } | null {
  if (finding.errorName !== null) {
    const fix = passNamedErrorFix(finding, file, finding.errorName);
    return fix ? { name: finding.errorName, fix: (fixer) => [fix(fixer)] } : null;
  }
  // `catch ({ message })`: bind the error to a name first, keep the destructuring inside.
  const binding = planBinding(finding.handler, file);
  if (!binding) return null;
  const fix = passNamedErrorFix(finding, file, binding.name);
  return fix ? { name: binding.name, fix: (fixer) => [...binding.fixes(fixer), fix(fixer)] } : null;
}

function passNamedErrorFix(finding: LogCallFinding, file: RuleFile, name: string): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | null {
  const call = finding.call;
  // The codemod's edit first, so editor and codemod write the same text.
  const shared = logErrorObjectEdit(analysisInput(file), call, name, call);
  if (shared) return (fixer) => fixer.replaceTextRange(shared.range, shared.text);
  const first = call.arguments[0] ? unwrap(call.arguments[0]) : null;
  if (first?.type === T.ObjectExpression) {
    // pino/bunyan merge object: add `err` to it.
    if (first.properties.length === 0) return (fixer) => fixer.replaceText(first, `{ err: ${name} }`);
    const last = first.properties[first.properties.length - 1]!;
    const key = name === 'err' ? 'err' : `err: ${name}`;
    return (fixer) => fixer.insertTextAfter(last, `, ${key}`);
  }
  const style = chooseLogger(file.sourceText);
  const isConsole = /^console$/.test(file.sourceText.slice(call.callee.range[0], call.callee.range[1]).split('.')[0] ?? '');
  if (style.objectFirst && !isConsole && first) {
    const key = name === 'err' ? 'err' : `err: ${name}`;
    return (fixer) => fixer.insertTextBefore(call.arguments[0]!, `{ ${key} }, `);
  }
  const last = call.arguments[call.arguments.length - 1];
  if (!last) return null;
  return (fixer) => fixer.insertTextAfter(last, `, ${name}`);
}

export default createRule<Options, MessageIds>({
  name: 'log-error-object',
  meta: {
    type: 'suggestion',
    hasSuggestions: true,
    docs: {
      description: 'Require log calls in error handlers to receive the error object, not only its message',
      recommended: 'warn',
    },
    messages: {
      logErrorObject:
        'This {{level}} log call keeps only text derived from the error; pass the error object itself so its stack and cause are logged.',
      passErrorSuggestion: 'Pass `{{name}}` to the logger',
    },
    schema: optionsSchema(OPTION_KEYS),
  },
  defaultOptions: [defaultOptionsFor(OPTION_KEYS)],
  create(context, options) {
    // Two handlers can hold one log call (a nested try): it is reported once.
    let seen: WeakSet<object> | undefined;
    return handlerVisitors(context, options, 'log', (analysis, file, options) => {
      seen ??= new WeakSet();
      for (const finding of logCallFindingsOf(analysis, options, file.fileName)) {
        if (seen.has(finding.call)) continue;
        seen.add(finding.call);
        const pass = passErrorFix(finding, file);
        context.report({
          node: finding.call,
          messageId: 'logErrorObject',
          data: finding.data,
          suggest: pass ? [{ messageId: 'passErrorSuggestion', data: { name: pass.name }, fix: pass.fix }] : [],
        });
      }
    });
  },
});
