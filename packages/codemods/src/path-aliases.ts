// A project's own module aliases (`@server/logging/Logger`, `@/lib/logger`, `~/utils/Logger`): the
// `paths` of the nearest tsconfig.json or jsconfig.json, so that a logger imported through one is
// read like one imported by a relative path. Without it such a logger's level methods are unknown
// and a rewrite may pass it an argument its signature has no place for.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

interface PathAliases {
  /** Directory the alias targets are relative to (`baseUrl`, else the directory of the file that sets `paths`). */
  base: string;
  paths: Record<string, string[]>;
}

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];
/** By directory: the aliases of the nearest config at or above it (null: none). */
const byDirectory = new Map<string, PathAliases | null>();

/**
 * The files `specifier` may name through the `paths` of the config nearest to `fromFile`, as
 * extensionless bases, in the config's order; empty for a specifier no alias matches.
 */
export function aliasTargets(specifier: string, fromFile: string): string[] {
  const aliases = aliasesFor(dirname(fromFile));
  if (!aliases) return [];
  const targets: string[] = [];
  for (const [pattern, replacements] of Object.entries(aliases.paths)) {
    const star = pattern.indexOf('*');
    let matched: string | null = null;
    if (star < 0) matched = pattern === specifier ? '' : null;
    else {
      const prefix = pattern.slice(0, star);
      const suffix = pattern.slice(star + 1);
      if (specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix)) {
        matched = specifier.slice(prefix.length, specifier.length - suffix.length);
      }
    }
    if (matched === null) continue;
    for (const replacement of replacements) targets.push(resolve(aliases.base, replacement.replace('*', matched)));
  }
  return targets;
}

function aliasesFor(directory: string): PathAliases | null {
  const cached = byDirectory.get(directory);
  if (cached !== undefined) return cached;
  let found: PathAliases | null = null;
  const config = CONFIG_NAMES.map((name) => join(directory, name)).find((path) => existsSync(path));
  if (config) found = readAliases(config, 0);
  else {
    const parent = dirname(directory);
    found = parent === directory || existsSync(join(directory, '.git')) ? null : aliasesFor(parent);
  }
  byDirectory.set(directory, found);
  return found;
}

/** The `paths` a config sets or inherits through a relative `extends` (a package's base config is not read). */
function readAliases(configPath: string, depth: number): PathAliases | null {
  let config: { extends?: unknown; compilerOptions?: { paths?: unknown; baseUrl?: unknown } };
  try {
    config = JSON.parse(withoutCommentsAndTrailingCommas(readFileSync(configPath, 'utf8'))) as typeof config;
  } catch {
    return null; // unreadable or not JSON: no aliases
  }
  const directory = dirname(configPath);
  const options = config.compilerOptions ?? {};
  const baseUrl = typeof options.baseUrl === 'string' ? resolve(directory, options.baseUrl) : null;
  if (options.paths && typeof options.paths === 'object') {
    const paths: Record<string, string[]> = {};
    for (const [pattern, targets] of Object.entries(options.paths as Record<string, unknown>)) {
      if (Array.isArray(targets)) paths[pattern] = targets.filter((target): target is string => typeof target === 'string');
    }
    return { base: baseUrl ?? directory, paths };
  }
  const parents = typeof config.extends === 'string' ? [config.extends] : Array.isArray(config.extends) ? config.extends : [];
  // The last config that sets `paths` wins, as in TypeScript.
  for (const parent of [...parents].reverse()) {
    if (typeof parent !== 'string' || !parent.startsWith('.') || depth > 8) continue;
    const path = resolve(directory, parent);
    const inherited = readAliases(existsSync(path) ? path : `${path}.json`, depth + 1);
    if (inherited) return baseUrl ? { ...inherited, base: baseUrl } : inherited;
  }
  return null;
}

/** tsconfig.json is JSON with comments and trailing commas: both go, strings stay as they are. */
export function withoutCommentsAndTrailingCommas(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      out += text.slice(i, end + 1);
      i = end;
    } else if (ch === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end - 1;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (ch === ',' && /^\s*[}\]]/.test(nextCode(text, i + 1))) {
      continue;
    } else {
      out += ch;
    }
  }
  return out;
}

/** The text from `start` with leading whitespace and comments skipped (enough of it to see the next token). */
function nextCode(text: string, start: number): string {
  let i = start;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith('//', i)) i = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
    else if (text.startsWith('/*', i)) i = text.indexOf('*/', i + 2) < 0 ? text.length : text.indexOf('*/', i + 2) + 2;
    else return text.slice(i, i + 1);
  }
}
