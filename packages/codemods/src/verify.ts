// `--verify`: type-checks each touched file before and after its rewrite with the project's own
// tsconfig (ts-morph); a rewrite that adds a diagnostic is not written.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Project, ts } from 'ts-morph';
import type { KnowledgeOptions } from '@catchwise/eslint-plugin/analysis';
import type { SourceFile } from 'ts-morph';

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

function keys(sourceFile: SourceFile): string[] {
  return sourceFile
    .getPreEmitDiagnostics()
    .map((diagnostic) => `TS${diagnostic.getCode()}: ${ts.flattenDiagnosticMessageText(diagnostic.compilerObject.messageText, '\n')}`)
    .sort();
}

export class Verifier {
  private readonly projects = new Map<string, Project>();

  private project(tsconfig: string): Project {
    let project = this.projects.get(tsconfig);
    if (!project) {
      project = new Project({ tsConfigFilePath: tsconfig, skipFileDependencyResolution: false });
      this.projects.set(tsconfig, project);
    }
    return project;
  }

  /**
   * The type checker of the file's project, for error knowledge from `@throws` tags (DESIGN §4):
   * null when no tsconfig.json lies above the file.
   */
  types(file: string): Pick<KnowledgeOptions, 'ts' | 'checker' | 'getSourceFile'> | null {
    const tsconfig = nearestTsconfig(file);
    if (!tsconfig) return null;
    const project = this.project(tsconfig);
    if (!project.getSourceFile(file)) project.addSourceFileAtPath(file);
    const program = project.getProgram().compilerObject;
    return {
      ts: ts as unknown as KnowledgeOptions['ts'],
      checker: program.getTypeChecker() as unknown as KnowledgeOptions['checker'],
      getSourceFile: (fileName: string) => program.getSourceFile(fileName) as unknown as ReturnType<NonNullable<KnowledgeOptions['getSourceFile']>>,
    };
  }

  /** Checks `after` against `before` for one file; keeps `after` in the program when accepted. */
  verify(file: string, before: string, after: string): VerifyResult {
    const tsconfig = nearestTsconfig(file);
    if (!tsconfig) return { added: [], skipped: 'no tsconfig.json above the file' };
    const project = this.project(tsconfig);
    const sourceFile = project.getSourceFile(file) ?? project.addSourceFileAtPath(file);
    sourceFile.replaceWithText(before);
    const old = keys(sourceFile);
    sourceFile.replaceWithText(after);
    const fresh = keys(sourceFile);
    const remaining = [...old];
    const added: string[] = [];
    for (const key of fresh) {
      const index = remaining.indexOf(key);
      if (index === -1) added.push(key);
      else remaining.splice(index, 1);
    }
    if (added.length > 0) sourceFile.replaceWithText(before);
    return { added, skipped: null };
  }
}
