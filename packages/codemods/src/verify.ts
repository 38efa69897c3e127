// `--verify`: type-checks each touched file before and after its rewrite with the project's own
// tsconfig; a rewrite that adds a diagnostic is not written. One TypeScript (the one the parser
// already loaded), one Program per project for the original texts (also the checker error knowledge
// reads `@throws` tags with), and for the comparison two more that reuse its parsed files with
// checkers of their own: the original texts, and the rewrites with only the touched files replaced.
// The libraries and every other file are parsed and bound once. Only the
// touched files are checked, and their original texts only when the rewrite has diagnostics at all.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type * as TypeScript from 'typescript';
import type { KnowledgeOptions } from '@catchwise/eslint-plugin/analysis';

// The same TypeScript the parser loads (by require: an ESM import scans the 9 MB file for exports).
const ts = createRequire(import.meta.url)('typescript') as typeof TypeScript;

export interface VerifyResult {
  /** Diagnostics the rewrite adds (`TS2304: Cannot find name 'logger'.`); empty when it adds none. */
  added: string[];
  /** Why the file could not be checked (no tsconfig.json), or null. */
  skipped: string | null;
}

function nearestTsconfig(file: string): string | null {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const candidate = join(dir, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

// "Cannot find name 'eror'. Did you mean 'error'?" (TS2552) is TS2304 with a suggestion, and likewise
// TS2551 of TS2339: the suggestion depends on the names around, which a rewrite adds (`catch (error)`).
const WITHOUT_SUGGESTION: Readonly<Record<number, number>> = { 2552: 2304, 2551: 2339 };

function diagnosticKeys(program: TypeScript.Program, sourceFile: TypeScript.SourceFile): string[] {
  return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)]
    .map((diagnostic) => {
      const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      const plain = WITHOUT_SUGGESTION[diagnostic.code];
      return plain === undefined ? `TS${diagnostic.code}: ${text}` : `TS${plain}: ${text.replace(/\s*Did you mean [^]*$/, '')}`;
    })
    .sort();
}

/** The keys of `after` that `before` does not have (as a multiset: a second copy of a diagnostic counts). */
function addedKeys(before: readonly string[], after: readonly string[]): string[] {
  const remaining = [...before];
  const added: string[] = [];
  for (const key of after) {
    const at = remaining.indexOf(key);
    if (at === -1) added.push(key);
    else remaining.splice(at, 1);
  }
  return added;
}

/**
 * One tsconfig's program. The host hands out the same SourceFile object for a file whose text did
 * not change, which is what lets TypeScript reuse the old program's files (and their binding).
 */
class ProjectPrograms {
  private readonly config: TypeScript.ParsedCommandLine;
  private readonly host: TypeScript.CompilerHost;
  private readonly sourceFiles = new Map<string, TypeScript.SourceFile>();
  /** Texts that replace the files on disk in the next program. */
  private readonly overrides = new Map<string, string>();
  private current: TypeScript.Program | null = null;
  private fileSet: Set<string> | null = null;
  /** Files checked outside the tsconfig's own list: roots of every later program too (each is compared with its own original). */
  private readonly extraRoots = new Set<string>();

  constructor(tsconfig: string) {
    const config = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(`${tsconfig}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
      },
    });
    if (!config) throw new Error(`${tsconfig}: cannot be read`);
    this.config = config;
    const host = ts.createCompilerHost(config.options, true);
    const readFromDisk = host.getSourceFile.bind(host);
    const key = (fileName: string): string => resolve(fileName);
    host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
      const override = this.overrides.get(key(fileName));
      const cached = this.sourceFiles.get(key(fileName));
      if (cached && !shouldCreate && (override === undefined || cached.text === override)) return cached;
      const created =
        override === undefined
          ? readFromDisk(fileName, languageVersion, onError, shouldCreate)
          : ts.createSourceFile(fileName, override, languageVersion, true);
      if (created) this.sourceFiles.set(key(fileName), created);
      return created;
    };
    const fileExists = host.fileExists.bind(host);
    const readFile = host.readFile.bind(host);
    host.fileExists = (fileName) => this.overrides.has(key(fileName)) || fileExists(fileName);
    host.readFile = (fileName) => this.overrides.get(key(fileName)) ?? readFile(fileName);
    this.host = host;
  }

  /** Whether the tsconfig's own file list (its `include`/`files`) has the file. */
  includes(file: string): boolean {
    this.fileSet ??= new Set(this.config.fileNames.map((name) => resolve(name)));
    return this.fileSet.has(resolve(file));
  }

  /** The tsconfig files of its `references` (a solution-style tsconfig: `"files": []` and references). */
  referencedConfigs(): string[] {
    return (this.config.projectReferences ?? []).map((reference) => ts.resolveProjectReferencePath(reference));
  }

  program(): TypeScript.Program {
    this.current ??= ts.createProgram({
      rootNames: this.config.fileNames,
      options: this.config.options,
      projectReferences: this.config.projectReferences,
      host: this.host,
    });
    return this.current;
  }

  /** Replaces the texts of some files; the next `program()` reuses everything else. */
  replace(texts: ReadonlyMap<string, string>): void {
    for (const [file, text] of texts) this.overrides.set(resolve(file), text);
    for (const file of texts.keys()) if (!this.includes(file)) this.extraRoots.add(file);
    this.rebuild();
  }

  /**
   * The same files in a new program: the parsed and bound files are reused, the type checker is
   * new. The checker's answers depend on the order it was asked in (the types it cached first), so
   * the one error knowledge has queried is never the one whose diagnostics are compared.
   */
  renew(): TypeScript.Program {
    this.rebuild();
    return this.current!;
  }

  private rebuild(): void {
    this.current = ts.createProgram({
      rootNames: [...new Set([...this.config.fileNames, ...this.extraRoots])],
      options: this.config.options,
      projectReferences: this.config.projectReferences,
      host: this.host,
      oldProgram: this.program(),
    });
  }

  /**
   * The file in the program; a file outside the tsconfig's `include` is added as an extra root, as
   * tsc would check it listed. Undefined when even then the program has no source for it (a file
   * of a referenced project, which the program sees as that project's output).
   */
  sourceFile(file: string): TypeScript.SourceFile | undefined {
    const program = this.program();
    const found = program.getSourceFile(file);
    if (found) return found;
    this.replace(new Map([[file, ts.sys.readFile(file) ?? '']]));
    return this.program().getSourceFile(file);
  }
}

export class Verifier {
  private readonly projects = new Map<string, ProjectPrograms>();

  private project(tsconfig: string): ProjectPrograms {
    let project = this.projects.get(tsconfig);
    if (!project) {
      project = new ProjectPrograms(tsconfig);
      this.projects.set(tsconfig, project);
    }
    return project;
  }

  /**
   * The tsconfig that checks the file, as `tsc -b` would: the nearest one, or, when that one does
   * not include the file, the first project it references (breadth first) that does.
   */
  private configFor(file: string): string | null {
    const nearest = nearestTsconfig(file);
    if (!nearest || this.project(nearest).includes(file)) return nearest;
    const queue = this.project(nearest).referencedConfigs();
    const seen = new Set([nearest]);
    while (queue.length > 0) {
      const tsconfig = queue.shift()!;
      if (seen.has(tsconfig) || !existsSync(tsconfig)) continue;
      seen.add(tsconfig);
      const project = this.project(tsconfig);
      if (project.includes(file)) return tsconfig;
      queue.push(...project.referencedConfigs());
    }
    return nearest;
  }

  /**
   * The type checker of the file's project, for error knowledge from `@throws` tags (DESIGN §4):
   * null when no tsconfig.json lies above the file.
   */
  types(file: string): Pick<KnowledgeOptions, 'ts' | 'checker' | 'getSourceFile'> | null {
    const tsconfig = this.configFor(file);
    if (!tsconfig) return null;
    const project = this.project(tsconfig);
    if (!project.sourceFile(file)) return null;
    const program = project.program();
    return {
      ts: ts as unknown as KnowledgeOptions['ts'],
      checker: program.getTypeChecker() as unknown as KnowledgeOptions['checker'],
      getSourceFile: (fileName: string) => program.getSourceFile(fileName) as unknown as ReturnType<NonNullable<KnowledgeOptions['getSourceFile']>>,
    };
  }

  /**
   * Checks every rewrite at once: per project, one program with all rewrites in place; a touched
   * file with diagnostics there is compared with the same file in the program of the original
   * texts. A file whose rewrite adds a diagnostic goes back to its original text for later checks.
   */
  verifyAll(items: readonly { file: string; before: string; after: string }[]): Map<string, VerifyResult> {
    const results = new Map<string, VerifyResult>();
    const groups = new Map<string, { file: string; before: string; after: string }[]>();
    for (const item of items) {
      const tsconfig = this.configFor(item.file);
      if (!tsconfig) {
        results.set(item.file, { added: [], skipped: 'no tsconfig.json above the file' });
        continue;
      }
      const group = groups.get(tsconfig) ?? [];
      group.push(item);
      groups.set(tsconfig, group);
    }
    for (const [tsconfig, all] of groups) {
      const project = this.project(tsconfig);
      const outside = all.filter((item) => !project.sourceFile(item.file));
      for (const item of outside) results.set(item.file, { added: [], skipped: `not a source file of ${tsconfig}'s program` });
      const group = all.filter((item) => !outside.includes(item));
      // The original texts, as the runner read them (the program may have read an older disk state).
      const stale = group.filter((item) => project.sourceFile(item.file)!.text !== item.before);
      if (stale.length > 0) project.replace(new Map(stale.map((item) => [item.file, item.before])));
      // Both sides get a checker nobody has asked anything yet.
      const before = project.renew();
      project.replace(new Map(group.map((item) => [item.file, item.after])));
      const after = project.program();
      const reverted = new Map<string, string>();
      for (const item of group) {
        const fresh = diagnosticKeys(after, after.getSourceFile(item.file)!);
        const added = fresh.length === 0 ? [] : addedKeys(diagnosticKeys(before, before.getSourceFile(item.file)!), fresh);
        if (added.length > 0) reverted.set(item.file, item.before);
        results.set(item.file, { added, skipped: null });
      }
      if (reverted.size > 0) project.replace(reverted);
    }
    return results;
  }
}
