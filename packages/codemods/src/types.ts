// Shapes shared by the transforms, the runner and the CLI.
import type { KnownErrorProvider, LoggerConfig, LoggerModuleResolver, LoggerLevel, TextEdit } from '@catchwise/eslint-plugin/analysis';

export type { TextEdit };

export interface Diagnostic {
  severity: 'error' | 'warning' | 'info';
  /** `parse-error`, `rewrite-parse-error`, `fixme`, `fixme-present`, `still-reported`, `overlap`, … */
  code: string;
  message: string;
  line?: number;
  column?: number;
}

/** Options of a transform: the same config the rules read, plus what the rewrite needs. */
export interface TransformOptions {
  fileName: string;
  /** Options of the catch model (the rules' options: loggers, minimumLevel, idioms, …). */
  analysis?: Record<string, unknown>;
  /** The logger to use when the file has none (`--logger`, config `logger`). */
  logger?: LoggerConfig | null;
  /** Level of the expected-error branches (default `warn`). */
  expectedLevel?: LoggerLevel;
  /** Error knowledge (DESIGN §4); defaults to the built-in table. */
  knownErrors?: KnownErrorProvider | null;
  /** Tells which library a local logger module uses (the runner reads the module). */
  resolveLoggerModule?: LoggerModuleResolver | null;
  /**
   * After the rewrite, run the rules' analysis again and report handlers still flagged
   * (`still-reported`). Default true; the CLI does it under `--verify` (it doubles the cost).
   * The result is always re-parsed and refused on a syntax error.
   */
  recheck?: boolean;
}

/** An expected error a rewritten handler branches on, and why it is expected (`--json`). */
export interface ExpectedError {
  name: string;
  /** `config` (catchwise.config), `throws` (a `@throws` tag), `catalog` (built-in), `local-throw` (`throw new X()` in the file). */
  evidence: 'config' | 'throws' | 'catalog' | 'local-throw';
  /** Why: `catalog pg (import 'pg'): …`, `@throws on fetchUser (src/api.ts:7)`, `catchwise.config.json errors["@acme/db"]`. */
  detail: string;
  /** The call in the try block it comes from (`pool.query`), or null. */
  call: string | null;
  /** How the guard was generated: `instanceof (import added)`, `isAxiosError()`, `name`, `code`, … */
  guard: string | null;
  /** An abort in code that takes an AbortSignal: ignored or rethrown, never logged. */
  cancellation?: 'ignore' | 'rethrow';
}

/** One rewritten handler: where it is (in the input), which rule reported it, the errors it branches on. */
export interface RewrittenHandler {
  line: number;
  column: number;
  rule: string;
  expected: ExpectedError[];
}

export interface TransformResult {
  /** The new text; equal to the input when nothing changed or the rewrite was refused. */
  output: string;
  /** Edits on the input text (BOM included) that turn it into `output`. */
  edits: TextEdit[];
  diagnostics: Diagnostic[];
  /** Handlers the rules report in the input. */
  findings: number;
  /** Of these, the ones rewritten (the rest got a FIXME or were left as they were). */
  rewritten: number;
  /** The rewritten handlers with their expected errors and evidence (empty when none). */
  handlers?: RewrittenHandler[];
  /** The file was read with TypeScript's parser, not oxc's (oxc reported an error, or its tree could differ). */
  typescriptFallback?: boolean;
}

export interface Transform {
  id: string;
  description: string;
  /** Cheap text test: false means the file certainly has nothing to rewrite. */
  prefilter: (text: string) => boolean;
  transform: (text: string, options: TransformOptions) => TransformResult;
}
