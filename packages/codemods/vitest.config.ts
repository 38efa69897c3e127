import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The CLI tests spawn the built CLI on temporary repositories: seconds each on a shared machine.
    testTimeout: 120_000,
  },
});
