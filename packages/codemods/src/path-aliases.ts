// A project's own module aliases (`@server/logging/Logger`, `@/lib/logger`, `~/utils/Logger`): the
// `paths` (and `baseUrl`) of the nearest tsconfig.json or jsconfig.json, so that a logger imported
// through one is read like one imported by a relative path. Without it such a logger's level
// methods are unknown and a rewrite may pass it an argument its signature has no place for.
// get-tsconfig reads the config as TypeScript does: comments, trailing commas, `extends` chains
// (relative or from a package), and `paths` matched by TypeScript's own rules.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createPathsMatcher, findTsconfig, getTsconfig } from 'get-tsconfig';
import type { PathsMatcher, TsConfigResult } from 'get-tsconfig';
import { parseSync } from 'oxc-parser';
import type { OxcNode } from './logger-module.js';

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
  for (const name of ['tsconfig.json', 'jsconfig.json']) {
    try {
      const found = getTsconfig(directory, name, configCache);
      if (found) return found;
    } catch {
      // An `extends` that does not resolve (a package not installed: `expo/tsconfig.base`): the
      // config's own `paths` and `baseUrl` still hold.
      const path = findTsconfig(directory, name, configCache);
      return path ? ownOptions(path) : null;
    }
  }
  return null;
}

/** A config's own `baseUrl` and `paths`, its `extends` left out; null when it is not readable. */
function ownOptions(path: string): TsConfigResult | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  // tsconfig.json is JSON with comments and trailing commas: a JavaScript expression, as oxc reads it.
  const parsed = parseSync('tsconfig.js', `(${text}\n)`);
  const statement = parsed.errors.length === 0 ? parsed.program.body[0] : undefined;
  const config = statement?.type === 'ExpressionStatement' ? literalValue(statement.expression as unknown as OxcNode) : undefined;
  const options = isRecord(config) && isRecord(config.compilerOptions) ? config.compilerOptions : {};
  return { path, config: { compilerOptions: { baseUrl: options.baseUrl as string | undefined, paths: options.paths as Record<string, string[]> | undefined } } };
}

/** The value of an expression made of object, array and primitive literals; undefined for anything else. */
function literalValue(node: OxcNode): unknown {
  switch (node.type) {
    case 'ParenthesizedExpression':
      return literalValue(node.expression as OxcNode);
    case 'Literal':
      return node.value;
    case 'ArrayExpression':
      return (node.elements as (OxcNode | null)[]).map((element) => (element ? literalValue(element) : undefined));
    case 'ObjectExpression': {
      const entries: [string, unknown][] = [];
      for (const property of node.properties as OxcNode[]) {
        const key = property.key as OxcNode | undefined;
        const name = key?.type === 'Literal' ? String(key.value) : key?.type === 'Identifier' ? (key.name as string) : null;
        if (property.type === 'Property' && name !== null) entries.push([name, literalValue(property.value as OxcNode)]);
      }
      return Object.fromEntries(entries);
    }
    default:
      return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
