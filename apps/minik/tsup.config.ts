import { defineConfig } from 'tsup';
import { baseOptions } from '../../tsup.base.js';

// The CLI is bundled with everything it runs (workspace packages, yargs, yaml) and minified: Node
// resolves, reads and compiles fewer and smaller files, which is most of `minik start` (bench/ S1).
export default defineConfig({
  ...baseOptions,
  entry: ['src/main.ts'],
  noExternal: [/.*/],
  minify: true,
  // Bundled CommonJS dependencies of the API server (express and friends) require Node built-ins
  // at run time, which an ES module cannot do without a `require` of its own.
  banner: {
    js: "import { createRequire as __minikCreateRequire } from 'node:module'; const require = __minikCreateRequire(import.meta.url);",
  },
});
