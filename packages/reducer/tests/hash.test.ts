import { describe, expect, test } from 'vitest';
import { hash64, hash64Hex } from '../src/hash.js';

describe('cw64 hash', () => {
  // Pinned: the hash is part of the serialised format (HASH_ID 1). If one of these changes, every
  // stored sketch is silently wrong: bump HASH_ID instead.
  test.each([
    ['', 0, 'cfa113010c77f6f4'],
    ['a', 0, '97595706e4a2e1e6'],
    ['ab', 0, '68ff843510f42bc4'],
    ['abc', 0, '719f4cff56950233'],
    ['application/json', 0, '4a28ef64a33f9847'],
    ['wf-00000001', 0, 'd7d71931182f0542'],
    ['héllo wörld', 0, '4b3d322078452496'],
    ['😀', 0, 'f505d4394b56929c'],
    ['\u0000', 0, '8ef9e8c48b29a27a'],
    ['a', 1, '7c1c9c10ae296bfa'],
    ['a', 0xffffffff, '0539d28f59e262d2'],
  ])('hash64(%j, %d) = %s', (value, seed, expected) => {
    expect(hash64Hex(value, seed)).toBe(expected);
  });

  test('reads UTF-16 code units: a string built by concatenation hashes like its flat copy', () => {
    const cons = ['work', 'flow-', String(42)].join('');
    const flat = JSON.parse(JSON.stringify('workflow-42')) as string;
    expect(hash64Hex(cons)).toBe(hash64Hex(flat));
  });

  test('every output bit is balanced and the bucket index is uniform (chi-square, 64 buckets)', () => {
    const out = new Uint32Array(2);
    const n = 64_000;
    const ones = new Array<number>(64).fill(0);
    const buckets = new Array<number>(64).fill(0);
    for (let i = 0; i < n; i++) {
      hash64(`wf-${i}`, 7, out);
      for (let b = 0; b < 32; b++) {
        ones[b]! += (out[0]! >>> b) & 1;
        ones[32 + b]! += (out[1]! >>> b) & 1;
      }
      buckets[out[0]! >>> 26]! += 1;
    }
    for (const count of ones) expect(Math.abs(count / n - 0.5)).toBeLessThan(0.01); // 5 sigma = 0.0099
    const expected = n / 64;
    const chi2 = buckets.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(110); // 63 degrees of freedom: p ~ 0.0002
  });

  test('similar keys do not collide (1e5 sequential ids, all 64-bit hashes distinct)', () => {
    const out = new Uint32Array(2);
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) {
      hash64(`${i}`, 0, out);
      seen.add(`${out[0]}:${out[1]}`);
    }
    expect(seen.size).toBe(100_000);
  });
});
