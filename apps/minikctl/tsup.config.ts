import { defineConfig } from 'tsup';
import { baseOptions } from '../../tsup.base.js';

// The CLI is one CommonJS bundle with everything it runs (workspace packages and npm dependencies
// alike), minified: bin/minikctl.cjs compiles it with a V8 code cache, which Node 20 offers for
// scripts but not for ES modules. Commands still evaluate their modules lazily (dynamic imports
// become lazy module initialisers inside the bundle).
export default defineConfig({
  ...baseOptions,
  format: ['cjs'],
  entry: ['src/main.ts', 'src/launch.ts'],
  noExternal: [/.*/],
  splitting: false,
  minify: true,
  esbuildOptions(options) {
    // yargs needs two functions of node:assert; loading it costs 3–4 ms a run (assert-for-yargs.ts).
    options.alias = { assert: './src/cli/assert-for-yargs.ts' };
  },
});
