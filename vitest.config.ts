import { defineConfig } from 'vitest/config';

// One run for every package; each project has its own vitest.config.ts.
// The JSON report is what `.ci/run` counts from.
export default defineConfig({
  test: {
    projects: ['packages/*', 'tests/e2e'],
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-results.json' },
  },
});
