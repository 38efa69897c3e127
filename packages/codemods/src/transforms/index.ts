// The transform registry: the CLI's commands, its help and the docs index are derived from it.
import type { Transform } from '../types.js';
import { specificCatch } from './specific-catch.js';

export const transforms: Readonly<Record<string, Transform>> = {
  [specificCatch.id]: specificCatch,
};

export function getTransform(id: string): Transform {
  const transform = transforms[id];
  if (!transform) throw new Error(`unknown transform "${id}"; known: ${Object.keys(transforms).join(', ')}`);
  return transform;
}
