import type { Options } from 'tsup';

/** One build setup for every package: ESM for Node 20, sources resolved through the source condition. */
export const baseOptions: Options = {
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  clean: true,
  esbuildOptions(options) {
    options.conditions = ['@minik/source'];
  },
};
