import { defineConfig } from 'vitest/config';

// The memory tests call global.gc(): child processes (forks pool) started with --expose-gc.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    execArgv: ['--expose-gc'],
    testTimeout: 60_000,
  },
});
