// A project's own module aliases (`@server/logging/Logger`, `@/lib/logger`, `~/utils/Logger`): the
// `paths` (and `baseUrl`) of the nearest tsconfig.json or jsconfig.json, so that a logger imported
// through one is read like one imported by a relative path. Without it such a logger's level
// methods are unknown and a rewrite may pass it an argument its signature has no place for.
// get-tsconfig reads the config as TypeScript does: comments, trailing commas, `extends` chains
// (relative or from a package), and `paths` matched by TypeScript's own rules.
import { dirname } from 'node:path';
import { createPathsMatcher, getTsconfig } from 'get-tsconfig';
import type { PathsMatcher, TsConfigResult } from 'get-tsconfig';

/** By directory: the alias matcher of the nearest config at or above it (null: none, or no aliases). */
const matchers = new Map<string, PathsMatcher | null>();
/** get-tsconfig's own cache of config files read, shared by every lookup of a run. */
const configCache = new Map<string, unknown>();

/**
 * The files `specifier` may name through the `paths` or `baseUrl` of the config nearest to
 * `fromFile`, as absolute paths without an added extension, in the config's order; empty where
 * none applies.
 */
export function aliasTargets(specifier: string, fromFile: string): string[] {
  const directory = dirname(fromFile);
  let matcher = matchers.get(directory);
  if (matcher === undefined) {
    const config = nearestConfig(directory);
    matcher = config ? createPathsMatcher(config) : null;
    matchers.set(directory, matcher);
  }
  return matcher ? matcher(specifier) : [];
}

function nearestConfig(directory: string): TsConfigResult | null {
  try {
    return getTsconfig(directory, 'tsconfig.json', configCache) ?? getTsconfig(directory, 'jsconfig.json', configCache);
  } catch {
    return null; // an unreadable config, or an `extends` that does not resolve: no aliases, as without a config
  }
}
