// Which files a run touches: paths or globs, `.gitignore` respected, `node_modules` and build
// output skipped, symbolic links never followed out of the target paths.
import { existsSync, lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import ignore from 'ignore';
import { isSupportedFile } from './parse.js';

export const SOURCE_GLOB = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';
/** Walked for too, only to be counted: components whose script blocks the codemod does not rewrite. */
const COMPONENT_EXTENSIONS = ['vue', 'svelte', 'astro'];
const WALK_GLOB = `**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,${COMPONENT_EXTENSIONS.join(',')}}`;
const COMPONENT_FILE = new RegExp(`\\.(?:${COMPONENT_EXTENSIONS.join('|')})$`, 'i');
/** The reason a file named explicitly is skipped when the codemod cannot parse its type. */
export const UNSUPPORTED_TYPE = 'unsupported file type';
/** Never walked into: dependencies (installed or vendored: third-party code a rewrite would fork), build output, VCS data. */
export const DEFAULT_IGNORES = [
  '**/node_modules/**',
  '**/vendor/**',
  '**/third_party/**',
  '**/third-party/**',
  '**/dist/**',
  '**/build/**',
  '**/out/**',
  '**/coverage/**',
  '**/.next/**',
  '**/.nuxt/**',
  '**/.turbo/**',
  '**/.git/**',
  '**/*.d.ts',
  '**/*.d.mts',
  '**/*.d.cts',
  '**/*.min.js',
];

export class PathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PathError';
  }
}

export interface Discovery {
  /** Absolute paths of the files to process, sorted. */
  files: string[];
  /** Real paths of the target roots: nothing outside them is read through a link or written. */
  roots: string[];
  /** Files found but not processed, each with its reason. */
  skipped: { file: string; reason: string }[];
  /** Files left out because `.gitignore` says so. */
  ignored: number;
  /** `.vue`, `.svelte` and `.astro` files a directory walk or a glob found: counted, not processed. */
  unsupported: string[];
}

function staticBase(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const part of parts) {
    if (isDynamicPattern(part)) break;
    fixed.push(part);
  }
  return fixed.join('/') || '.';
}

export function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

function findGitTop(start: string): string | null {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return null;
  }
}

interface IgnoreFile {
  dir: string;
  matcher: ReturnType<typeof ignore>;
}

function readIgnore(dir: string, file = join(dir, '.gitignore')): IgnoreFile | null {
  if (!existsSync(file)) return null;
  try {
    return { dir, matcher: ignore().add(readFileSync(file, 'utf8')) };
  } catch {
    // An unreadable .gitignore is treated as absent; its directory is still processed.
    return null;
  }
}

export async function discover(paths: readonly string[], cwd: string): Promise<Discovery> {
  const roots: string[] = [];
  const candidates = new Set<string>();
  const explicit = new Set<string>();
  const walkedDirs: string[] = [];

  for (const raw of paths) {
    if (isDynamicPattern(raw)) {
      const base = resolve(cwd, staticBase(raw));
      if (!existsSync(base)) throw new PathError(`no such directory: ${staticBase(raw)} (from ${raw})`);
      roots.push(realpathSync(base));
      walkedDirs.push(base);
      const found = await glob(raw, { cwd, absolute: true, ignore: DEFAULT_IGNORES, followSymbolicLinks: false, onlyFiles: true, expandDirectories: false });
      const matched = found.filter((file) => isSupportedFile(file) || COMPONENT_FILE.test(file));
      // As with a path that does not exist: a mistyped pattern must not pass as a clean run.
      if (matched.length === 0) throw new PathError(`no source file matches ${raw}`);
      for (const file of matched) candidates.add(resolve(file));
      continue;
    }
    const target = resolve(cwd, raw);
    let stat;
    try {
      stat = lstatSync(target);
    } catch {
      throw new PathError(`no such file or directory: ${raw}`);
    }
    if (stat.isDirectory() || (stat.isSymbolicLink() && statSync(target).isDirectory())) {
      const real = realpathSync(target);
      roots.push(real);
      walkedDirs.push(real);
      const found = await glob(WALK_GLOB, { cwd: real, absolute: true, ignore: DEFAULT_IGNORES, followSymbolicLinks: false, onlyFiles: true });
      for (const file of found) candidates.add(resolve(file));
    } else {
      roots.push(stat.isSymbolicLink() ? target : realpathSync(target));
      candidates.add(target);
      explicit.add(target);
    }
  }

  // .gitignore files: the repository's, the ones between it and each root, and those under the roots.
  const ignoreFiles = new Map<string, IgnoreFile | null>();
  const addIgnore = (dir: string): void => {
    if (!ignoreFiles.has(dir)) ignoreFiles.set(dir, readIgnore(dir));
  };
  for (const dir of walkedDirs) {
    const top = findGitTop(dir);
    // The repository's own exclude file ignores as a .gitignore at its top does (git status agrees).
    const exclude = top ? join(top, '.git', 'info', 'exclude') : null;
    if (exclude && !ignoreFiles.has(exclude)) ignoreFiles.set(exclude, readIgnore(top!, exclude));
    for (let current = dir; ; current = dirname(current)) {
      addIgnore(current);
      if (current === top || dirname(current) === current || !top) break;
    }
    const nested = await glob('**/.gitignore', { cwd: dir, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'], dot: true, followSymbolicLinks: false });
    for (const file of nested) addIgnore(dirname(resolve(file)));
  }
  const matchers = [...ignoreFiles.values()].filter((entry): entry is IgnoreFile => entry !== null);
  // A path the user names is processed even if a .gitignore above it ignores the whole of it
  // (e.g. a generated corpus); the rules still apply to what lies inside it.
  const namedIgnored = (entry: IgnoreFile, file: string): boolean =>
    walkedDirs.some((dir) => {
      if (!isInside(dir, file) || !isInside(entry.dir, dir) || entry.dir === dir) return false;
      return entry.matcher.ignores(`${relative(entry.dir, dir).split(sep).join('/')}/`);
    });

  const files: string[] = [];
  const skipped: Discovery['skipped'] = [];
  const unsupported: string[] = [];
  let ignored = 0;
  for (const file of [...candidates].sort()) {
    if (!explicit.has(file)) {
      const isIgnored = matchers.some((entry) => {
        if (!isInside(entry.dir, file)) return false;
        const rel = relative(entry.dir, file).split(sep).join('/');
        return rel !== '' && entry.matcher.ignores(rel) && !namedIgnored(entry, file);
      });
      if (isIgnored) {
        ignored += 1;
        continue;
      }
    }
    if (!isSupportedFile(file)) {
      if (explicit.has(file)) skipped.push({ file, reason: UNSUPPORTED_TYPE });
      else unsupported.push(file);
      continue;
    }
    if (file.split(sep).includes('node_modules')) {
      skipped.push({ file, reason: 'inside node_modules' });
      continue;
    }
    let link = false;
    try {
      link = lstatSync(file).isSymbolicLink();
    } catch {
      // Vanished between listing and now: reported by the read.
    }
    if (link) {
      let real: string | null = null;
      try {
        real = realpathSync(file);
      } catch {
        real = null;
      }
      const inside = real !== null && roots.some((root) => isInside(root, real));
      skipped.push({ file, reason: inside ? 'symbolic link: its target is processed under its own path' : 'symbolic link to outside the target paths' });
      continue;
    }
    files.push(file);
  }
  return { files, roots, skipped, ignored, unsupported };
}

/** `--shard i/n`: a stable split by path, so each CI machine gets the same files run after run. */
export function parseShard(spec: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(spec.trim());
  if (!match) throw new PathError(`--shard expects i/n (e.g. 1/4), got "${spec}"`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count) throw new PathError(`--shard ${spec}: need 1 <= i <= n`);
  return { index, count };
}

export function inShard(path: string, shard: { index: number; count: number }): boolean {
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) {
    hash ^= path.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shard.count === shard.index - 1;
}
