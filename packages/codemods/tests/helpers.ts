// Test helpers: a temporary git repository and the built CLI.
import { spawn, spawnSync } from 'node:child_process';
import type { SpawnSyncReturns } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

export interface Repo {
  dir: string;
  write(path: string, text: string): string;
  git(...args: string[]): string;
  commitAll(message?: string): void;
  cleanup(): void;
}

export function tempRepo(files: Record<string, string> = {}, { git = true } = {}): Repo {
  const dir = mkdtempSync(join(tmpdir(), 'catchwise-cli-'));
  const repo: Repo = {
    dir,
    write(path, text) {
      const full = join(dir, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
      return full;
    },
    git(...args) {
      const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
      if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
      return result.stdout;
    },
    commitAll(message = 'fixture') {
      repo.git('add', '-A');
      repo.git('commit', '-q', '--no-gpg-sign', '-m', message);
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
  for (const [path, text] of Object.entries(files)) repo.write(path, text);
  if (git) {
    repo.git('init', '-q', '-b', 'main');
    repo.commitAll();
  }
  return repo;
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

const TEST_CACHE_HOME = join(tmpdir(), 'catchwise-codemods-test-cache');

export function runCli(cwd: string, args: string[], options: { uid?: number; gid?: number } = {}): CliResult {
  const result: SpawnSyncReturns<string> = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    // HOME is the repository (no user git config leaks in); the compile cache lives outside it.
    env: { ...process.env, NO_COLOR: '1', HOME: cwd, XDG_CACHE_HOME: TEST_CACHE_HOME },
    timeout: 120_000,
    ...options,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function startCli(cwd: string, args: string[]): ReturnType<typeof spawn> {
  return spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: TEST_CACHE_HOME }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Every file under `dir` (not .git), relative. */
export function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    if (entry.name === '.git') continue;
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}

/** Opens the tree to every user (for running the CLI as an unprivileged user when we are root). */
export function openUp(dir: string): void {
  for (const rel of listFiles(dir)) chmodSync(join(dir, rel), 0o666);
  const walk = (path: string): void => {
    chmodSync(path, 0o777);
    for (const entry of readdirSync(path, { withFileTypes: true })) if (entry.isDirectory()) walk(join(path, entry.name));
  };
  walk(dir);
}

export const SILENT = (name: string): string => `import { pino } from 'pino';

const logger = pino();

export async function ${name}(pool: { end(): Promise<void> }): Promise<void> {
  logger.info('closing');
  try {
    await pool.end();
  } catch {}
}
`;

export const CLEAN = `export function add(a: number, b: number): number {
  return a + b;
}
`;
