// The knowledge module as the rules use it: the config from ESLint `settings.catchwise` (else
// `catchwise.config.json` found upward from the linted file), and, with
// `parserOptions.projectService`, typescript-eslint's program for `@throws` and type-aware catalog
// matches. One provider per program and config, cached; without types the catalog still applies.
import { createRequire } from 'node:module';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type ts from 'typescript';
import type { HandlerFinding } from '../types.js';
import type { AnalysisInput } from '../types.js';
import type { KnownErrorProvider } from '../rewrite.js';
import { sourceCalls } from '../rewrite.js';
import { scopeAt } from '../logger-style.js';
import { loadConfigFor, validateConfig } from './config.js';
import type { KnowledgeConfig } from './config.js';
import { createKnownErrorProvider, describeKnownErrors } from './index.js';
import { abortSignalOf, mentionsSignal, narrowsAbort } from './cancellation.js';

export interface RuleKnowledge {
  provider: KnownErrorProvider;
  /** True when typescript-eslint gave a program (messages then name the expected types). */
  typed: boolean;
}

interface ParserServicesLike {
  program?: ts.Program | null;
  esTreeNodeToTSNodeMap?: { get(node: TSESTree.Node): ts.Node | undefined };
}

let typescript: typeof ts | null | undefined;

/**
 * The `typescript` that built the program: the one typescript-estree (under `@typescript-eslint/utils`)
 * resolves, so that `SyntaxKind` numbers match; else the nearest one. Loaded only with a program.
 */
function loadTypeScript(): typeof ts | null {
  if (typescript !== undefined) return typescript;
  const own = createRequire(import.meta.url);
  const attempts: (() => unknown)[] = [
    () => createRequire(createRequire(own.resolve('@typescript-eslint/utils')).resolve('@typescript-eslint/typescript-estree'))('typescript'),
    () => own('typescript'),
  ];
  typescript = null;
  for (const attempt of attempts) {
    try {
      typescript = attempt() as typeof ts;
      break;
    } catch (error) {
      // ignore: try the next; without the compiler API the catalog still applies by syntax (`${String(error)}`)
      void error;
    }
  }
  return typescript;
}

const bySettings = new WeakMap<object, KnowledgeConfig>();
const cache = new WeakMap<object, Map<KnowledgeConfig, KnownErrorProvider>>();
const UNTYPED = {};

function configFor(settings: Readonly<Record<string, unknown>> | undefined, fileName: string): { config: KnowledgeConfig; path: string | null } {
  const own = settings?.catchwise;
  if (own && typeof own === 'object') {
    let config = bySettings.get(own);
    if (!config) {
      config = validateConfig(own, 'ESLint settings.catchwise');
      bySettings.set(own, config);
    }
    return { config, path: null };
  }
  if (!fileName || fileName.startsWith('<')) return { config: {}, path: null };
  return loadConfigFor(fileName);
}

/** The provider for one linted file. */
export function ruleKnowledge(sourceCode: Readonly<TSESLint.SourceCode>, fileName: string, settings?: Readonly<Record<string, unknown>>): RuleKnowledge {
  const { config, path } = configFor(settings, fileName);
  const services = (sourceCode as unknown as { parserServices?: ParserServicesLike }).parserServices;
  const program = services?.program ?? null;
  const tsApi = program ? loadTypeScript() : null;
  const key: object = program && tsApi ? program : UNTYPED;
  let perConfig = cache.get(key);
  if (!perConfig) {
    perConfig = new Map();
    cache.set(key, perConfig);
  }
  let provider = perConfig.get(config);
  if (!provider) {
    provider =
      program && tsApi && services?.esTreeNodeToTSNodeMap
        ? createKnownErrorProvider({ config, configPath: path, ts: tsApi, checker: program.getTypeChecker(), esTreeNodeToTSNodeMap: services.esTreeNodeToTSNodeMap })
        : createKnownErrorProvider({ config, configPath: path });
    perConfig.set(config, provider);
  }
  return { provider, typed: key !== UNTYPED };
}

/**
 * What a rule message adds from the knowledge module: `; it would also swallow an abort of
 * \`signal\` (the AbortSignal parameter at line 3)` (syntax), and with types `; expected here: DatabaseError (catalog),
 * HttpError (@throws)`. `''` otherwise, so syntax-only messages stay as they are.
 */
export function knowledgeNote(finding: HandlerFinding, input: AnalysisInput, knowledge: RuleKnowledge): string {
  const handler = finding.handler;
  if (finding.abort) return ''; // its message is about the abort already
  const calls = sourceCalls(handler);
  let note = '';
  const signal = mentionsSignal(input.sourceText) ? abortSignalOf(handler, input.scopeManager) : null;
  if (signal && !narrowsAbort(handler)) note += `; it would also swallow an abort of \`${signal.name}\` (${signal.where})`;
  if (knowledge.typed) {
    const known = knowledge.provider({ input, handler, calls, scope: scopeAt(input.scopeManager, handler.node) });
    const names = describeKnownErrors(known);
    if (names) note += `; expected here: ${names}`;
  }
  return note;
}
