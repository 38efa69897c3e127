import { expect, test } from 'vitest';

test('the test workers run with --expose-gc (memory tests depend on it)', () => {
  expect(typeof globalThis.gc).toBe('function');
});
