import { defineConfig } from 'vitest/config';

/** Shared Vitest settings: workspace packages resolve to their TypeScript sources. */
export const sharedConfig = defineConfig({
  resolve: { conditions: ['@minik/source'] },
  ssr: { resolve: { conditions: ['@minik/source'] } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
