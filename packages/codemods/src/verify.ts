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

  /**
   * Checks every rewrite at once: the touched files' diagnostics with the original texts, then with
   * all rewrites in place (two type-checks per project, not two per file). A file whose rewrite adds
   * a diagnostic goes back to its original text in the program.
   */
  verifyAll(items: readonly { file: string; before: string; after: string }[]): Map<string, VerifyResult> {
    const results = new Map<string, VerifyResult>();
    const groups = new Map<string, { file: string; before: string; after: string }[]>();
    for (const item of items) {
      const tsconfig = nearestTsconfig(item.file);
      if (!tsconfig) {
        results.set(item.file, { added: [], skipped: 'no tsconfig.json above the file' });
        continue;
      }
      const group = groups.get(tsconfig) ?? [];
      group.push(item);
      groups.set(tsconfig, group);
    }
    for (const [tsconfig, group] of groups) {
      const project = this.project(tsconfig);
      const files = group.map((item) => {
        const sourceFile = project.getSourceFile(item.file) ?? project.addSourceFileAtPath(item.file);
        if (sourceFile.getFullText() !== item.before) sourceFile.replaceWithText(item.before);
        return sourceFile;
      });
      const old = files.map(keys);
      group.forEach((item, index) => files[index]!.replaceWithText(item.after));
      const fresh = files.map(keys);
      group.forEach((item, index) => {
        const remaining = [...old[index]!];
        const added: string[] = [];
        for (const key of fresh[index]!) {
          const at = remaining.indexOf(key);
          if (at === -1) added.push(key);
          else remaining.splice(at, 1);
        }
        if (added.length > 0) files[index]!.replaceWithText(item.before);
        results.set(item.file, { added, skipped: null });
      });
    }
    return results;
  }
}
