// Error knowledge (DESIGN §4): which specific errors the calls a handler receives can raise, each
// with the guard to generate and its evidence. In order: the project's config
// (`catchwise.config.json`), `@throws` tags through the type checker, the built-in catalog. Without
// types, the catalog still applies by import and call name. One module for the rules (messages)
// and the codemod (branches): both call `createKnownErrorProvider`.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type ts from 'typescript';
import { dirname, relative } from 'node:path';
import type { KnownError, KnownErrorContext, KnownErrorProvider, TextEdit } from '../rewrite.js';
import { fileStyle, importEdit } from '../rewrite.js';
import type { AnalysisInput } from '../types.js';
import { ABORT_ERROR, entryForModule, entryForPackage, errorsOf, globalEntry } from './catalog.js';
import type { CatalogEntry, CatalogError, Guard } from './catalog.js';
import { describeCall, importedModules, taggedTemplates } from './calls.js';
import type { Call, CallSite } from './calls.js';
import type { ConfiguredError, KnowledgeConfig } from './config.js';
import { renderGuard, valueBinding } from './guards.js';
import { localThrows } from './local-throws.js';
import { abortSignalOf, mentionsSignal } from './cancellation.js';
import type { GuardContext, NeededImport } from './guards.js';
import { ambientModuleOf, calledDeclaration, findCallAt, isFirstParty, packageOf, throwsOfDeclaration } from './throws.js';

export { CATALOG, GLOBALS, entryForModule, entryForPackage } from './catalog.js';
export type { CatalogEntry, CatalogError, GlobalEntry, Guard } from './catalog.js';
export {
  CONFIG_FILE_NAME, TS_CONFIG_FILE_NAME, CatchwiseConfigError, clearConfigCache, configFileIn, defineConfig, findConfigFile, loadConfigFor, readConfigFile, readRawConfig, validateConfig,
} from './config.js';
export type { CatchwiseConfig, ConfiguredError, KnowledgeConfig, LoadedConfig } from './config.js';
export { parseThrowsText, throwsOfCall, throwsTagNames, findCallAt } from './throws.js';
export type { ThrownType } from './throws.js';
export { describeCall } from './calls.js';
export { localThrows } from './local-throws.js';
export { abortSignalOf, narrowsAbort } from './cancellation.js';
export type { AbortSignalUse, AbortSwallow } from './cancellation.js';
export type { LocalThrow } from './local-throws.js';
export type { CallSite } from './calls.js';

/** A known error with the evidence behind it, as the rule messages and `--json` show it. */
export interface KnownErrorWithEvidence extends KnownError {
  /** Why: `catalog pg: …`, `@throws on fetchUser (src/api.ts:3)`, `catchwise.config.json errors["pg"]`. */
  detail: string;
  /** The call it comes from (`this.pool.query`), or null. */
  call: string | null;
  /** How the guard was rendered (`instanceof (import added)`, `isAxiosError()`, `name`, `code`). */
  guardKind: string;
  /** The evidence, with `throw new X()` in the file's own functions told apart from a `@throws` tag. */
  source: 'config' | 'throws' | 'catalog' | 'local-throw';
  /** For an abort in code that takes an `AbortSignal`: the rewrite ignores or rethrows it. */
  cancellation?: 'ignore' | 'rethrow';
}

/** What typescript-eslint's `parserServices` or the codemod's TypeScript program provide; all optional. */
export interface KnowledgeOptions {
  config?: KnowledgeConfig | null;
  /** The config file's path, named in the evidence. */
  configPath?: string | null;
  ts?: typeof ts;
  checker?: ts.TypeChecker;
  /** typescript-eslint's map from ESTree nodes to TS nodes. */
  esTreeNodeToTSNodeMap?: { get(node: TSESTree.Node): ts.Node | undefined };
  /** The program's source file for a file name (the codemod, which has no node map). */
  getSourceFile?: (fileName: string) => ts.SourceFile | undefined;
}

const GLOBAL_ERRORS = new Set(['SyntaxError', 'TypeError', 'RangeError', 'URIError', 'EvalError', 'ReferenceError', 'AggregateError']);

interface Candidate {
  name: string;
  guard: Guard;
  evidence: KnownError['evidence'];
  /** Found as `throw new X()` in the file's own functions (evidence `throws`). */
  localThrow?: boolean;
  detail: string;
  call: string | null;
  cancellation?: 'ignore' | 'rethrow';
}

type CodeGuard = Extract<Guard, { kind: 'code' }>;

/** The family of a code-guarded error: `ErrnoException` of `ErrnoException (ENOENT, EACCES)`. */
function familyName(name: string): string {
  return name.replace(/ \(.*\)$/, '');
}

/**
 * Two code-guarded candidates of one family (fs's `writeFile` and `stat` in one try block) test the
 * same thing with different code lists: one guard with the union says it once.
 */
function sameCodeFamily(a: Candidate, b: Candidate): boolean {
  if (a.guard.kind !== 'code' || b.guard.kind !== 'code' || !a.guard.codes || !b.guard.codes) return false;
  if (a.guard.codePrefix !== undefined || b.guard.codePrefix !== undefined) return false;
  return (
    familyName(a.name) === familyName(b.name) &&
    a.evidence === b.evidence &&
    a.cancellation === b.cancellation &&
    JSON.stringify(a.guard.props ?? []) === JSON.stringify(b.guard.props ?? [])
  );
}

function mergeCodes(into: Candidate, from: Candidate): Pick<Candidate, 'name' | 'guard' | 'detail'> {
  const guard = into.guard as CodeGuard;
  const codes = [...new Set([...(guard.codes ?? []), ...((from.guard as CodeGuard).codes ?? [])])];
  return {
    name: `${familyName(into.name)} (${codes.join(', ')})`,
    guard: { ...guard, codes },
    detail: into.detail === from.detail ? into.detail : `${into.detail}; ${from.detail}`,
  };
}

function configGuard(module: string, error: string | ConfiguredError): Guard {
  const spec = typeof error === 'string' ? { name: error } : error;
  const kind = spec.guard ?? 'instanceof';
  if (kind === 'instanceof') return { kind: 'class', from: module, className: spec.name, importable: true, namespaceMember: true };
  if (kind === 'name') return { kind: 'name', names: [spec.name], ...(spec.codes ? { codes: spec.codes } : {}) };
  if (kind === 'code') return { kind: 'code', codes: spec.codes ?? [] };
  return { kind: 'function', from: module, name: kind };
}

/** `a/b/errors.ts` as seen from `a/c/file.ts`: `../b/errors.js`. */
function relativeSpecifier(fromFile: string, toFile: string): string {
  let specifier = relative(dirname(fromFile), toFile).replace(/\\/g, '/');
  specifier = specifier.replace(/\.d\.([cm]?)ts$/, '.$1js').replace(/\.([cm]?)tsx?$/, '.$1js');
  return specifier.startsWith('.') ? specifier : `./${specifier}`;
}

function isExported(typescript: typeof ts, declaration: ts.Declaration): boolean {
  const node = typescript.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
  return (typescript.getCombinedModifierFlags(node as ts.Declaration) & typescript.ModifierFlags.Export) !== 0;
}

function catalogEntryFor(input: AnalysisInput, site: CallSite, typedEntry: CatalogEntry | null): { entry: CatalogEntry; how: string } | null {
  if (typedEntry) return { entry: typedEntry, how: 'type' };
  if (site.module) {
    const entry = entryForModule(site.module);
    if (entry) return { entry, how: `import '${site.module}'` };
    return null;
  }
  if (site.global) return null;
  // `wrapper.producer.stop()` in a file that imports kafkajs: the receiver's name says which library.
  const receiver = site.receiver ?? '';
  if (!receiver) return null;
  for (const module of importedModules(input)) {
    const entry = entryForModule(module);
    if (entry?.receivers && entry.receivers.test(receiver.replace(/^this\./, ''))) return { entry, how: `receiver '${receiver}' in a file importing '${module}'` };
  }
  return null;
}

/** The error-knowledge provider the rewrite calls (`RewriteOptions.knownErrors`). */
export function createKnownErrorProvider(options: KnowledgeOptions = {}): KnownErrorProvider {
  const config = options.config ?? {};
  const typescript = options.ts;
  const checker = options.checker;
  const configName = options.configPath ? options.configPath.replace(/\\/g, '/').split('/').pop()! : 'catchwise.config.json';

  const tsCallOf = (input: AnalysisInput, call: Call): ts.CallExpression | ts.NewExpression | null => {
    if (!typescript || !checker || call.type === AST_NODE_TYPES.TaggedTemplateExpression) return null;
    const mapped = options.esTreeNodeToTSNodeMap?.get(call as TSESTree.Node);
    if (mapped && (typescript.isCallExpression(mapped) || typescript.isNewExpression(mapped))) return mapped;
    // Only while the program's text is the text analysed (a codemod's second pass works on new text).
    const sourceFile = options.getSourceFile?.(input.fileName);
    return sourceFile && sourceFile.text === input.sourceText ? findCallAt(typescript, sourceFile, call.range[0], call.range[1]) : null;
  };

  return (context: KnownErrorContext): KnownErrorWithEvidence[] => {
    const { input } = context;
    const candidates: Candidate[] = [];
    const add = (candidate: Candidate): void => {
      if (candidates.some((other) => other.name === candidate.name)) return;
      const sibling = candidates.find((other) => sameCodeFamily(other, candidate));
      if (sibling) Object.assign(sibling, mergeCodes(sibling, candidate));
      else candidates.push(candidate);
    };

    // Cancellation first: in code that takes an AbortSignal, an abort is not an unexpected error.
    const signal = mentionsSignal(input.sourceText) ? abortSignalOf(context.handler, input.scopeManager) : null;
    if (signal) {
      add({
        name: ABORT_ERROR.name,
        guard: ABORT_ERROR.guard,
        evidence: 'catalog',
        detail: `cancellation: the code takes an AbortSignal (${signal.name}, ${signal.where}); an abort (AbortError/TimeoutError) is the caller cancelling, not a failure`,
        call: null,
        cancellation: config.cancellation ?? 'ignore',
      });
    }

    const block = context.handler.tryStatement?.block ?? null;
    const hasTemplates = block !== null && input.sourceText.slice(block.range[0], block.range[1]).includes('`');
    const calls: Call[] = [...context.calls, ...(hasTemplates ? taggedTemplates(block) : [])];
    for (const call of calls) {
      const site = describeCall(input, call);
      // A call syntax already follows to a catalogued package needs no checker (library typings carry
      // no `@throws` there); the checker is for first-party calls, globals and what syntax cannot follow.
      const knownBySyntax = site.module !== null && !site.module.startsWith('.') && entryForModule(site.module) !== null;
      const tsCall = knownBySyntax ? null : tsCallOf(input, call);
      const declaration = tsCall && typescript && checker ? calledDeclaration(typescript, checker, tsCall) : null;
      let typedEntry: CatalogEntry | null = null;
      let typedModule: string | null = null;
      if (declaration && typescript) {
        const fileName = declaration.getSourceFile().fileName;
        typedModule = ambientModuleOf(typescript, declaration);
        typedEntry = (typedModule ? entryForModule(typedModule) : null) ?? (packageOf(fileName) ? entryForPackage(packageOf(fileName)!) : null);
        if (!typedModule) typedModule = packageOf(fileName)?.replace(/^@types\/(?:([^_/]+)__)?/, (_, scope?: string) => (scope ? `@${scope}/` : '')) ?? null;
      }

      // 1. The project's config: module → errors.
      if (config.errors) {
        const modules = Object.keys(config.errors);
        const module =
          modules.find((m) => m === site.module || m === typedModule) ??
          // A method call whose receiver syntax cannot follow, in a file that imports the module; a
          // plain call of a local function or parameter (`start(port)`) is not a call into it.
          (!site.module && !site.global && !typedModule && site.receiver !== null ? modules.find((m) => importedModules(input).has(m)) : undefined);
        for (const error of module ? (config.errors[module] ?? []) : []) {
          const spec = typeof error === 'string' ? { name: error } : error;
          if (spec.methods && (!site.method || !spec.methods.includes(site.method))) continue;
          add({
            name: spec.name,
            guard: configGuard(module!, error),
            evidence: 'config',
            detail: `${configName} errors[${JSON.stringify(module)}]${spec.why ? `: ${spec.why}` : ''}`,
            call: site.label,
          });
        }
      }

      // 2. `@throws` on the resolved signature, and through first-party functions that do not catch.
      if (tsCall && typescript && checker && config.throwsTags !== false) {
        for (const thrown of declaration ? throwsOfDeclaration(typescript, checker, declaration) : []) {
          if (thrown.name === 'Error') continue; // says nothing a fallback does not
          const declared = thrown.declaration;
          let guard: Guard | null = null;
          const file = declared?.getSourceFile().fileName ?? null;
          const ambient = declared && typescript ? ambientModuleOf(typescript, declared) : null;
          if (ambient) {
            // `declare module 'http-lib' { export class HttpError … }`: imported from that module.
            const entry = entryForModule(ambient);
            guard = (entry ? errorsOf(entry, null).find((error) => error.name === thrown.name)?.guard : undefined) ?? { kind: 'class', from: ambient, className: thrown.name, importable: true, namespaceMember: true };
          } else if (!declared || !file || !isFirstParty(file) || file.endsWith('.d.ts')) {
            const pkg = file ? packageOf(file) : null;
            const entry = pkg ? entryForPackage(pkg) : null;
            const known = entry ? errorsOf(entry, null).find((error) => error.name === thrown.name) : undefined;
            if (known) guard = known.guard;
            else if (GLOBAL_ERRORS.has(thrown.name) || (file && /[\\/]typescript[\\/]lib[\\/]/.test(file))) guard = { kind: 'global-class', className: thrown.name };
            else if (pkg) guard = { kind: 'class', from: pkg.replace(/^@types\//, ''), className: thrown.name, importable: true, namespaceMember: true };
          }
          if (!guard && declared && file && typescript) {
            if (valueBinding(context.scope, thrown.name) === 'value') guard = { kind: 'class', from: '', className: thrown.name, importable: false };
            else if (isExported(typescript, declared)) guard = { kind: 'class', from: relativeSpecifier(input.fileName, file), className: thrown.name, importable: true };
          }
          if (!guard) continue;
          add({ name: thrown.name, guard, evidence: 'throws', detail: `@throws on ${thrown.via.join(' → ')}`, call: site.label });
        }
      }

      // 2b. `throw new X(…)` in the file's own functions the call reaches, uncaught there.
      if (config.throwsTags !== false) {
        for (const thrown of localThrows(input, [call])) {
          const guard: Guard = GLOBAL_ERRORS.has(thrown.name) ? { kind: 'global-class', className: thrown.name } : { kind: 'class', from: '', className: thrown.name, importable: false };
          add({ name: thrown.name, guard, evidence: 'throws', localThrow: true, detail: `throw new ${thrown.name}() in ${thrown.via.join(' → ')}`, call: site.label });
        }
      }

      // 3. The catalog: globals by name, libraries by import (or by type).
      if (config.catalog === false) continue;
      const global = site.global && site.label ? globalEntry(site.label) : null;
      if (global) {
        for (const error of global.errors) add({ name: error.name, guard: error.guard, evidence: 'catalog', detail: `catalog ${global.id}: ${global.why}`, call: site.label });
        continue;
      }
      const matched = catalogEntryFor(input, site, typedEntry);
      if (!matched) continue;
      for (const error of errorsOf(matched.entry, site.method)) {
        add({ name: error.name, guard: error.guard, evidence: 'catalog', detail: `catalog ${matched.entry.id} (${matched.how}): ${matched.entry.why}`, call: site.label });
      }
    }

    // Render the guards for this file; imports are merged per module into one edit.
    const guardContext: GuardContext = { input, scope: context.scope, quote: fileStyle(input).quote, planned: [] };
    const out: KnownErrorWithEvidence[] = [];
    const importsByError = new Map<KnownErrorWithEvidence, NeededImport[]>();
    for (const candidate of candidates) {
      const plannedBefore = guardContext.planned.length;
      const rendered = renderGuard(candidate.guard, guardContext);
      if (!rendered) continue;
      const probe = rendered.guard('error');
      if (out.some((other) => other.guard('error') === probe)) {
        guardContext.planned.length = plannedBefore;
        continue;
      }
      const known: KnownErrorWithEvidence = {
        name: candidate.name,
        guard: rendered.guard,
        evidence: candidate.evidence,
        edits: [],
        detail: candidate.detail,
        call: candidate.call,
        guardKind: rendered.how,
        source: candidate.localThrow ? 'local-throw' : candidate.evidence,
        ...(candidate.cancellation ? { cancellation: candidate.cancellation } : {}),
      };
      out.push(known);
      importsByError.set(known, rendered.imports);
    }
    const byModule = new Map<string, string[]>();
    for (const needed of guardContext.planned) {
      const names = byModule.get(needed.from) ?? [];
      if (!names.includes(needed.name)) names.push(needed.name);
      byModule.set(needed.from, names);
    }
    const first = out.find((known) => (importsByError.get(known) ?? []).length > 0);
    if (first) {
      const edits: TextEdit[] = [...byModule].map(([from, names]) => importEdit(input, { kind: 'named', from, name: names.join(', ') }));
      first.edits.push(...edits);
    }
    return out;
  };
}

/** The provider without types or config: the catalog by import and call name. */
export const catalogKnownErrors: KnownErrorProvider = createKnownErrorProvider();

/** `DatabaseError (catalog pg), HttpError (@throws)`: the types for a rule message. */
export function describeKnownErrors(known: readonly KnownError[]): string {
  return known
    .filter((error) => !(error as KnownErrorWithEvidence).cancellation)
    .map((error) => `${error.name} (${error.evidence === 'throws' ? '@throws' : error.evidence})`)
    .join(', ');
}

export type { CatalogError as KnownCatalogError };
