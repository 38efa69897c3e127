// `specific-catch`: rewrites exactly the handlers the rules report (DESIGN §5) into
// specific-then-fallback form. Pure: one file's text in, `{ output, edits, diagnostics }` out.
// Analyse first (the plugin's own analysis, same options), collect every edit, splice once,
// re-parse the result and refuse it on a parse error; the BOM and the EOL are the file's own.
import {
  buildSpecificCatchRewrite,
  builtinKnownErrors,
  findHandlerFindings,
  findLogCallFindings,
  handlerArgument,
  hasCatchwiseFixme,
  logArgumentLimit,
  logErrorParameterTyped,
  logErrorObjectEdit,
  resolveOptions,
} from '@catchwise/eslint-plugin/analysis';
import type { AnalysisInput, CatchwiseOptions, Handler, KnownError, KnownErrorProvider, KnownErrorWithEvidence, ResolvedOptions, SpecificCatchRewrite, TextEdit } from '@catchwise/eslint-plugin/analysis';
import { applyEdits, diffAsEdit, editsOverlap } from '../edits.js';
import { firstSyntaxError, firstSyntaxErrorOf, hasParseErrors, mayHoldHandler, parseForAnalysis, parseTypeScript, SourceParseError, toAnalysisInput } from '../parse.js';
import { nativeAnalysisInput, nativeParse, oxcParses } from '../native-parse.js';
import type * as TypeScript from 'typescript';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Diagnostic, ExpectedError, RewrittenHandler, Transform, TransformOptions, TransformResult } from '../types.js';

const BOM = '\uFEFF';
const HANDLER_WORD = /\bcatch\b|\.\s*then\b/;
const MAX_PASSES = 3;

interface Pass {
  output: string;
  diagnostics: Diagnostic[];
  handlers: RewrittenHandler[];
  /** Where each of `handlers` starts in this pass's text. */
  starts: number[];
  findings: number;
  rewritten: number;
  deferred: number;
  /** Log calls that now carry the error object: their handlers may be reported only now (a caller's abort logged as an error). */
  revisit: boolean;
  edits: TextEdit[];
}

/**
 * Where a handler is reported (1-based line and column): its own start, or for a handler followed
 * from the call to its declaration elsewhere (`.catch(noop)`), the argument in the call — where
 * the rewrite happens and the rules report it.
 */
function reportedAt(handler: Handler): { line: number; column: number } {
  const { node, call } = handler;
  const elsewhere = call && (node.range[0] < call.range[0] || node.range[1] > call.range[1]);
  const at = elsewhere ? (handlerArgument(handler) ?? call) : node;
  return { line: at.loc.start.line, column: at.loc.start.column + 1 };
}

/**
 * The analysis input of a text: from oxc's tree, else TypeScript's — `tree` when it is already
 * parsed, else parsed here (which throws `SourceParseError`).
 */
function analysisInputOf(text: string, fileName: string, tree?: TypeScript.SourceFile): AnalysisInput {
  const native = nativeParse(text, fileName);
  if (native) return nativeAnalysisInput(native.program, text, fileName);
  return tree ? toAnalysisInput(tree, fileName) : parseForAnalysis(text, fileName);
}

/** `parsed`: the analysis input of `text`, when its tree is already at hand. */
function onePass(text: string, options: TransformOptions, resolved: ResolvedOptions, parsed?: () => AnalysisInput): Pass {
  const input = parsed ? parsed() : analysisInputOf(text, options.fileName);
  const findings = findHandlerFindings(input, resolved);
  const diagnostics: Diagnostic[] = [];
  const handlers: RewrittenHandler[] = [];
  const starts: number[] = [];
  const accepted: TextEdit[] = [];
  let rewritten = 0;
  let deferred = 0;
  let revisit = false;
  // What the knowledge returned for the handler being rewritten: the evidence behind its branches.
  let offered: KnownError[] = [];
  const provider = options.knownErrors === undefined ? builtinKnownErrors : options.knownErrors;
  const recording: KnownErrorProvider | null = provider
    ? (context) => {
        offered = provider(context);
        return offered;
      }
    : null;
  const rewriteOptions = {
    logger: options.logger ?? null,
    expectedLevel: options.expectedLevel,
    knownErrors: recording,
    resolveLoggerModule: options.resolveLoggerModule ?? null,
    // The rules' configured loggers count as loggers in scope (one truth with the rules).
    analysis: resolved,
  };
  const accept = (group: TextEdit[]): boolean => {
    const fresh = group.filter((edit) => !accepted.some((other) => other.range[0] === edit.range[0] && other.range[1] === edit.range[1] && other.text === edit.text));
    if (fresh.some((edit) => accepted.some((other) => editsOverlap(edit, other)))) return false;
    accepted.push(...fresh);
    return true;
  };

  // Findings from the outside in; an inner handler whose edits touch an outer rewrite waits a pass.
  for (const finding of findings) {
    const { line, column } = reportedAt(finding.handler);
    if (hasCatchwiseFixme(finding, input)) {
      diagnostics.push({ severity: 'warning', code: 'fixme-present', line, column, message: `${finding.ruleId}: left as it is, it carries a FIXME(catchwise) comment` });
      continue;
    }
    offered = [];
    const rewrite = buildSpecificCatchRewrite(finding, input, rewriteOptions);
    if (rewrite.edits.length === 0) continue;
    if (!accept(rewrite.edits)) {
      deferred += 1;
      continue;
    }
    if (rewrite.fixme) {
      diagnostics.push({ severity: 'warning', code: 'fixme', line, column, message: `${finding.ruleId}: no safe rewrite, FIXME(catchwise) added: ${rewrite.fixme}` });
    } else {
      rewritten += 1;
      handlers.push({ line, column, rule: finding.ruleId, expected: expectedErrors(rewrite, offered) });
      starts.push(finding.handler.node.range[0]);
    }
  }

  // `log-error-object`: a log call that carries only text derived from the error gets the object.
  const passed: TSESTree.CallExpression[] = [];
  for (const found of findLogCallFindings(input, resolved)) {
    if (!found.errorName) continue;
    // Once an earlier statement of the block logs the object, this text log is fine as it is (the rules agree).
    if (passed.some((call) => runsBefore(call, found.call))) continue;
    const edit = logErrorObjectEdit(input, found.call, found.errorName, found.call, options.resolveLoggerModule ?? null);
    if (!edit) {
      const limit = logArgumentLimit(input, found.call, found.call, options.resolveLoggerModule ?? null);
      const typed = limit === null && logErrorParameterTyped(input, found.call, found.call, options.resolveLoggerModule ?? null);
      if (limit !== null || typed) {
        const { line, column } = found.call.loc.start;
        const callee = input.sourceText.slice(found.call.callee.range[0], found.call.callee.range[1]);
        const why = typed
          ? `its module declares ${callee}()'s parameter ${found.call.arguments.length + 1} with a type a caught error (unknown) is not assignable to`
          : `its module declares ${callee}() with ${limit} parameters, none left for the error object`;
        diagnostics.push({ severity: 'warning', code: 'log-left', line, column: column + 1, message: `log-error-object: left as it is: ${why}` });
      }
      continue;
    }
    if (accept([edit])) {
      revisit = true;
      passed.push(found.call);
    } else {
      deferred += 1;
    }
  }
  return { output: accepted.length > 0 ? applyEdits(text, accepted) : text, diagnostics, handlers, starts, findings: findings.length, rewritten, deferred, revisit, edits: accepted };
}

/** The statement a log call is (`console.error(…)`, `await log.error(…)`), or null when it sits inside an expression. */
function logStatementOf(call: TSESTree.CallExpression): TSESTree.ExpressionStatement | null {
  let node: TSESTree.Node = call;
  while (node.parent && (node.parent.type === 'AwaitExpression' || node.parent.type === 'ChainExpression')) node = node.parent;
  return node.parent?.type === 'ExpressionStatement' ? node.parent : null;
}

/** Whether log call `first` always runs before `second`: statements of one block, `first` earlier. */
function runsBefore(first: TSESTree.CallExpression, second: TSESTree.CallExpression): boolean {
  const a = logStatementOf(first);
  const b = logStatementOf(second);
  return a !== null && b !== null && a.parent === b.parent && a.parent?.type === 'BlockStatement' && a.range[1] <= b.range[0];
}

/** Where `offset` in the text after `edits` was before them (the start of an edit, for a point inside its new text). */
function offsetBefore(offset: number, edits: readonly TextEdit[]): number {
  let delta = 0;
  for (const edit of [...edits].sort((a, b) => a.range[0] - b.range[0])) {
    const start = edit.range[0] + delta;
    if (start >= offset) break;
    if (offset < start + edit.text.length) return edit.range[0];
    delta += edit.text.length - (edit.range[1] - edit.range[0]);
  }
  return offset - delta;
}

/** The errors a rewrite branches on, each with the evidence the knowledge gave for it. */
function expectedErrors(rewrite: SpecificCatchRewrite, offered: readonly KnownError[]): ExpectedError[] {
  return rewrite.errorTypes.map((type) => {
    const known = offered.find((error) => error.name === type.name) as Partial<KnownErrorWithEvidence> | undefined;
    return {
      name: type.name,
      evidence: known?.source ?? type.evidence,
      detail: type.detail ?? known?.detail ?? '',
      call: known?.call ?? null,
      guard: known?.guardKind ?? null,
      ...(known?.cancellation ? { cancellation: known.cancellation } : {}),
    };
  });
}

export function transformSpecificCatch(source: string, options: TransformOptions): TransformResult {
  const bom = source.startsWith(BOM) ? BOM : '';
  const text = bom ? source.slice(1) : source;
  const resolved = resolveOptions((options.analysis ?? {}) as CatchwiseOptions);
  const diagnostics: Diagnostic[] = [];
  const handlers: RewrittenHandler[] = [];

  // Most files the text prefilter passes hold no handler at all (`.then(ok)`, "catch" in a comment).
  // oxc's tree when it gives one; TypeScript's otherwise, which also reports the parse errors.
  const native = nativeParse(text, options.fileName);
  const fallback: Pick<TransformResult, 'typescriptFallback'> = native ? {} : { typescriptFallback: true };
  let firstInput: () => AnalysisInput;
  if (native) {
    if (!native.holdsHandler) return { output: source, edits: [], diagnostics, findings: 0, rewritten: 0, handlers: [] };
    firstInput = () => nativeAnalysisInput(native.program, text, options.fileName);
  } else {
    const tree = parseTypeScript(text, options.fileName);
    if (!hasParseErrors(tree) && !mayHoldHandler(tree)) return { output: source, edits: [], diagnostics, findings: 0, rewritten: 0, handlers: [], ...fallback };
    firstInput = () => toAnalysisInput(tree, options.fileName);
  }

  // A refusal (the rewrite does not parse) of a file oxc read is first checked against TypeScript's verdict on the input: a file
  // TypeScript cannot parse is reported as such, as when TypeScript read it.
  const refuseOutput = (why: string): TransformResult => (native ? inputParseError(source, text, options.fileName) : null) ?? { ...refuse(source, why), ...fallback };

  let current = text;
  let findings = 0;
  let rewritten = 0;
  let passes = 0;
  let firstEdits: TextEdit[] = [];
  const earlierPasses: TextEdit[][] = [];
  const handlerStarts: number[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let result: Pass;
    try {
      result = onePass(current, options, resolved, pass === 0 ? firstInput : undefined);
    } catch (error) {
      if (error instanceof SourceParseError) {
        if (pass === 0) return { ...parseErrorResult(source, error), ...fallback };
        // A later pass that cannot parse is the rewrite's fault: refuse everything.
        return refuseOutput(`the rewrite does not parse: ${error.message}`);
      }
      throw error;
    }
    if (pass === 0) {
      findings = result.findings;
      firstEdits = result.edits;
    }
    if (result.edits.length > 0) passes += 1;
    // A later pass meets the same log calls again (at lines its edits may have moved).
    diagnostics.push(...(pass === 0 ? result.diagnostics : result.diagnostics.filter((diagnostic) => diagnostic.code !== 'log-left')));
    // A handler rewritten again in a later pass (its log got the error object, then the abort branch)
    // is one handler: its entry keeps the input's position and gains the later branches.
    result.handlers.forEach((handler, index) => {
      const start = earlierPasses.reduceRight((offset, edits) => offsetBefore(offset, edits), result.starts[index]!);
      const seen = handlerStarts.indexOf(start);
      if (seen >= 0) {
        handlers[seen]!.expected.push(...handler.expected);
        return;
      }
      handlerStarts.push(start);
      handlers.push(handler);
      rewritten += 1;
    });
    earlierPasses.push(result.edits);
    current = result.output;
    if (result.deferred === 0 && !result.revisit) break;
    if (pass === MAX_PASSES - 1 && result.deferred > 0) {
      diagnostics.push({ severity: 'warning', code: 'overlap', message: `${result.deferred} nested handler(s) left for the next run: their edits overlap` });
    }
  }

  if (current === text) return { output: source, edits: [], diagnostics, findings, rewritten: 0, handlers: [], ...fallback };

  // The result must parse (TypeScript is the judge), and the rules should no longer report what was rewritten.
  let after: AnalysisInput | null = null;
  if (options.recheck === false) {
    // oxc reads the result first: where it finds no error TypeScript's parser finds none either, but
    // for syntax where oxc is the laxer (checked in the input and in the new text). TypeScript
    // decides everything else, and names the error.
    const oxcJudges = native !== null && !native.laxerThanTypescript && !earlierPasses.some(hasLaxerSyntax) && oxcParses(current, options.fileName);
    const syntaxError = oxcJudges ? null : firstSyntaxError(current, options.fileName);
    if (syntaxError) return refuseOutput(`the rewrite does not parse: ${syntaxError}`);
  } else {
    // TypeScript's parse of the result judges its syntax; oxc's tree, when it gives one, serves the second analysis.
    const tree = parseTypeScript(current, options.fileName);
    const syntaxError = firstSyntaxErrorOf(tree);
    if (syntaxError) return refuseOutput(`the rewrite does not parse: ${syntaxError}`);
    try {
      after = analysisInputOf(current, options.fileName, tree);
    } catch (error) {
      // Reported as a refusal diagnostic: a rewrite that does not parse is never returned.
      return refuseOutput(`the rewrite does not parse: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  for (const finding of after ? findHandlerFindings(after, resolved) : []) {
    if (hasCatchwiseFixme(finding, after as AnalysisInput)) continue;
    diagnostics.push({
      severity: 'warning',
      code: 'still-reported',
      ...reportedAt(finding.handler),
      message: `${finding.ruleId} still reports this handler after the rewrite; fix it by hand`,
    });
  }

  const output = bom + current;
  const shift = bom.length;
  const edits =
    passes === 1
      ? firstEdits.map((edit): TextEdit => ({ range: [edit.range[0] + shift, edit.range[1] + shift], text: edit.text })).sort((a, b) => a.range[0] - b.range[0])
      : diffAsEdit(source, output);
  return { output, edits, diagnostics: diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)), findings, rewritten, handlers, ...fallback };
}

// In new text: a number with a leading zero or an escaped digit, which oxc may accept and TypeScript
// refuses (`isLaxerThanTypescript` in native-parse.ts); matched anywhere, strings and comments too.
const LAXER_TEXT = /\\[0-9]|(?<![\w.])0[0-9]/;

/** Whether a pass's new text holds syntax oxc may accept and TypeScript's parser refuses. */
function hasLaxerSyntax(edits: readonly TextEdit[]): boolean {
  return edits.some((edit) => LAXER_TEXT.test(edit.text));
}

function parseErrorResult(source: string, error: SourceParseError): TransformResult {
  return {
    output: source,
    edits: [],
    diagnostics: [{ severity: 'error', code: 'parse-error', message: `cannot parse: ${error.message}`, line: error.line, column: error.column }],
    findings: 0,
    rewritten: 0,
  };
}

/** TypeScript's parse error on the input (text without its BOM) as the transform reports it, or null when it parses. */
function inputParseError(source: string, text: string, fileName: string): TransformResult | null {
  try {
    parseForAnalysis(text, fileName);
    return null;
  } catch (error) {
    if (error instanceof SourceParseError) return parseErrorResult(source, error);
    throw error;
  }
}

function refuse(source: string, why: string): TransformResult {
  return { output: source, edits: [], diagnostics: [{ severity: 'error', code: 'rewrite-parse-error', message: why }], findings: 0, rewritten: 0 };
}

export const specificCatch: Transform = {
  id: 'specific-catch',
  description: 'Rewrite silent and broad catch handlers into specific-then-fallback form that logs the error object',
  // Any handler needs the word `catch` or a member `.then` (`catch {`, `.catch(`, `.then (ok, fail)`,
  // `?.then(`, `p\n  .then(`); `catchError`, `catchwise` or a comment's "then" alone never parse.
  prefilter: (text) => HANDLER_WORD.test(text),
  transform: transformSpecificCatch,
};
