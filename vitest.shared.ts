import { defineConfig } from 'vitest/config';

/** Shared Vitest settings: workspace packages resolve to their TypeScript sources. */
export const sharedConfig = defineConfig({
  resolve: { conditions: ['@minik/source'] },
  ssr: { resolve: { conditions: ['@minik/source'] } },
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The JSON report lets .ci/run print one "N passed, N failed" line for the whole repo.
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
