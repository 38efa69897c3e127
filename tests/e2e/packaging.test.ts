// The packages as users get them: packed with pnpm, installed with npm into a project outside
// the workspace, then used through their public entry points and bins.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const packages = ['eslint-plugin', 'codemods', 'reducer'];
const pinned = ['eslint@10.15.0', 'typescript-eslint@8.72.0', 'typescript@6.0.3', 'lint-staged@16.3.4'];

let work: string;
let project: string;

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
}

function mustRun(command: string, args: string[], cwd: string): string {
  const result = run(command, args, cwd);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'catchwise-e2e-'));
  const tarballs = join(work, 'tarballs');
  for (const name of packages) {
    mustRun('npx', ['-y', 'pnpm@12.4.2', 'pack', '--pack-destination', tarballs], join(root, 'packages', name));
  }
  project = join(work, 'project');
  cpSync(join(root, 'examples/service/src'), join(project, 'src'), { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'e2e-project', private: true, type: 'module' }));
  writeFileSync(
    join(project, 'eslint.config.js'),
    [
      "import tseslint from 'typescript-eslint';",
      "import catchwise from '@catchwise/eslint-plugin';",
      'export default [',
      "  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },",
      '  catchwise.configs.recommended,',
      '];',
      '',
    ].join('\n'),
  );
  const tgz = readdirSync(tarballs).map((file) => join(tarballs, file));
  mustRun('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tgz, ...pinned], project);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('packed packages installed with npm', () => {
  it('ship only what users need', () => {
    const listing = mustRun('npm', ['ls', '--all', '--parseable'], project);
    expect(listing).toContain('@catchwise/eslint-plugin');
    for (const name of packages) {
      const files = readdirSync(join(project, 'node_modules/@catchwise', name));
      expect(files).toContain('dist');
      expect(files).not.toContain('src');
      expect(files).not.toContain('tests');
    }
  });

  it('the eslint CLI reports the service catch blocks with the plugin', () => {
    const result = run('npx', ['eslint', 'src', '--format', 'json'], project);
    expect(result.status, result.stderr).toBe(1);
    const reports = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
    const found = reports.flatMap((report) =>
      report.messages.map((message) => `${report.filePath.slice(project.length + 1)}:${message.line} ${message.ruleId}`),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^src\/postgres-client\.ts:\d+ catchwise\/no-silent-catch$/),
        expect.stringMatching(/^src\/postgres-client\.ts:\d+ catchwise\/no-broad-catch$/),
        expect.stringMatching(/^src\/kafka-client\.ts:\d+ catchwise\/log-error-object$/),
      ]),
    );
  });

  it('npx catchwise-codemods specific-catch --dry-run prints a diff and writes nothing', () => {
    const result = run('npx', ['catchwise-codemods', 'specific-catch', 'src', '--dry-run'], project);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^\+\+\+ .*postgres-client\.ts/m);
    expect(mustRun('git', ['diff', '--no-index', '--stat', join(root, 'examples/service/src'), 'src'], project)).toBe('');
  });

  it('npx catchwise-codemods specific-catch fixes the service, which then lints clean', () => {
    const fixed = run('npx', ['catchwise-codemods', 'specific-catch', 'src'], project);
    expect(fixed.status, fixed.stdout + fixed.stderr).toBe(0);
    const lint = run('npx', ['eslint', 'src'], project);
    expect(lint.status, lint.stdout + lint.stderr).toBe(0);
    const again = run('npx', ['catchwise-codemods', 'specific-catch', 'src', '--check'], project);
    expect(again.status, again.stdout + again.stderr).toBe(0);
  });

  it('imports @catchwise/reducer and the analysis subpath from a script', () => {
    const script = [
      "import { NamespaceReducer } from '@catchwise/reducer';",
      "import * as analysis from '@catchwise/eslint-plugin/analysis';",
      'const reducer = new NamespaceReducer();',
      "for (let i = 0; i < 1000; i++) reducer.add({ namespace: 'ns', content_type: 'text/plain', workflow_id: `wf-${i}`, size_bytes: 10, timestamp: 1700000000000 + i });",
      'const record = reducer.snapshot().namespaces.ns;',
      "console.log(JSON.stringify({ total: record.total_files, unique: record.unique_workflows_count, hasFindings: typeof analysis.findHandlerFindings }));",
    ].join('\n');
    writeFileSync(join(project, 'use.mjs'), script);
    const output = JSON.parse(mustRun('node', ['use.mjs'], project)) as { total: number; unique: number; hasFindings: string };
    expect(output.total).toBe(1000);
    expect(output.hasFindings).toBe('function');
  });

  it('a package with its own catchwise.config.ts: the rules and the codemod both read it', () => {
    mkdirSync(join(project, 'typed/src'), { recursive: true });
    cpSync(join(root, 'examples/service/src/postgres-client.ts'), join(project, 'typed/src/postgres-client.ts'));
    writeFileSync(
      join(project, 'typed/catchwise.config.ts'),
      [
        "import { defineConfig } from '@catchwise/eslint-plugin';",
        '',
        'export default defineConfig({',
        "  errors: { pg: [{ name: 'UniqueViolation', guard: 'code', codes: ['23505'] }] },",
        "  logger: 'console',",
        '});',
        '',
      ].join('\n'),
    );
    const dry = run('npx', ['catchwise-codemods', 'specific-catch', 'typed', '--dry-run', '--json'], project);
    expect(dry.status, dry.stderr).toBe(1);
    const summary = JSON.parse(dry.stdout) as { files: { handlers: { expected: { name: string; evidence: string; detail: string }[] }[] }[] };
    const expected = summary.files.flatMap((file) => file.handlers.flatMap((handler) => handler.expected));
    expect(expected).toContainEqual(expect.objectContaining({ name: 'UniqueViolation', evidence: 'config', detail: 'catchwise.config.ts errors["pg"]' }));
    writeFileSync(join(project, 'typed/catchwise.config.ts'), "export default { errors: { pg: [{ name: 'X', guard: 'code' }] } };\n");
    const lint = run('npx', ['eslint', 'typed'], project);
    expect(lint.status).toBe(2);
    expect(lint.stdout + lint.stderr).toContain(`${join(project, 'typed/catchwise.config.ts')}: errors["pg"][0].codes is required with guard "code"`);
    rmSync(join(project, 'typed'), { recursive: true, force: true });
  });

  it('the pre-commit example blocks a staged silent catch and lets a clean file through', () => {
    cpSync(join(root, 'examples/pre-commit/.lintstagedrc.json'), join(project, '.lintstagedrc.json'));
    mustRun('git', ['init', '-q'], project);
    writeFileSync(join(project, '.gitignore'), 'node_modules/\n');
    mustRun('git', ['add', '-A'], project);
    mustRun('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.invalid', 'commit', '-qm', 'base'], project);

    writeFileSync(join(project, 'src/clean.ts'), 'export function twice(n: number): number {\n  return n * 2;\n}\n');
    mustRun('git', ['add', 'src/clean.ts'], project);
    const clean = run('npx', ['lint-staged'], project);
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);

    writeFileSync(
      join(project, 'src/silent.ts'),
      'export async function persist(save: () => Promise<void>): Promise<void> {\n  try {\n    await save();\n  } catch {}\n}\n',
    );
    mustRun('git', ['add', 'src/silent.ts'], project);
    const blocked = run('npx', ['lint-staged'], project);
    expect(blocked.status).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toContain('catchwise/no-silent-catch');
  });
});
