import { defineConfig } from 'tsup';
import { baseOptions } from '../../tsup.base.js';

// The CLI is bundled with everything it runs (workspace packages and npm dependencies alike) so
// that start-up reads few files; commands load their own chunks lazily (dynamic imports split).
export default defineConfig({
  ...baseOptions,
  entry: ['src/main.ts'],
  noExternal: [/.*/],
  splitting: true,
  // Bundled CommonJS dependencies require Node built-ins at run time, which an ES module cannot
  // do without a `require` of its own.
  banner: {
    js: "import { createRequire as __minikctlCreateRequire } from 'node:module'; const require = __minikctlCreateRequire(import.meta.url);",
  },
});
