// Without types: `throw new X()` in the file's own functions a try block calls, uncaught there,
// two local calls deep (the seed's circuit-breaker fix named the parse errors it expected).
import { describe, expect, it } from 'vitest';
import { createKnownErrorProvider } from '../../src/analysis/knowledge/index.js';
import { guards, rewriteAll } from './helpers.js';

const provider = createKnownErrorProvider();

describe('explicit throws in local functions', () => {
  it('a function declaration, two calls deep, and a class method', () => {
    const code = `class ParseError extends Error {}
function parseTimestamp(value: string): number {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new RangeError(value);
  return time;
}
const readField = (raw: string): string => {
  if (!raw) throw new ParseError('empty');
  return String(parseTimestamp(raw));
};
export class Breaker {
  private check(): void {
    throw new TypeError('state');
  }
  seconds(raw: string): number {
    try {
      this.check();
      return Number(readField(raw));
    } catch (e) {
      return 0;
    }
  }
}
`;
    const known = rewriteAll(code, provider).known.flat();
    expect(known.map((error) => [error.name, error.evidence])).toEqual([
      ['TypeError', 'throws'],
      ['ParseError', 'throws'],
      ['RangeError', 'throws'],
    ]);
    expect(guards(known)).toEqual(['error instanceof TypeError', 'error instanceof ParseError', 'error instanceof RangeError']);
    expect(known[2]!.detail).toBe('throw new RangeError() in readField (file.ts:7) → parseTimestamp (file.ts:2)');
  });

  it('a throw caught inside the function, in a callback, or of plain Error does not count', () => {
    const code = `function safe(): void {
  try {
    throw new RangeError('x');
  } catch {
    console.error('safe');
  }
  [1].forEach(() => {
    throw new TypeError('later');
  });
  throw new Error('plain');
}
export function f(): number {
  try {
    safe();
    return 1;
  } catch {
    return 0;
  }
}
`;
    expect(rewriteAll(code, provider).known.flat()).toEqual([]);
  });
});
