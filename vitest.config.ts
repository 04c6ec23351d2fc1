import { defineConfig } from 'vitest/config';

// Three projects, one per kind of test: unit tests beside the code, cross-room integration tests, and
// browser end-to-end tests in Chromium (run one file at a time: the machine has two cores).
export default defineConfig({
  test: {
    // Each npm test script writes its own JSON report, so CI can print one closing "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: `test-results/${(process.env.npm_lifecycle_event ?? 'vitest').replace(/[^a-z0-9-]/gi, '-')}.json` }]],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{shared,server,electron,renderer,scripts}/**/*.test.{ts,tsx}'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
