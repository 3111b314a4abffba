import { defineConfig } from 'tsup';
import { baseOptions } from '../../tsup.base.js';

// The CLI is one minified CommonJS bundle with everything it runs (workspace packages, yargs,
// yaml, express): bin/minik.cjs compiles it with a V8 code cache (@minik/code-cache), which
// Node 20 offers for scripts but not for ES modules (bench/ S1). `shims` gives yargs, an ES
// module, the import.meta.url it reads.
export default defineConfig({
  ...baseOptions,
  format: ['cjs'],
  entry: ['src/main.ts', 'src/launch.ts'],
  noExternal: [/^(?!express$)/],
  // express (with body-parser, iconv-lite, mime-db) serves only the non-API paths and loads on
  // the first such request; kept out of the bundle it is not parsed on every start.
  external: ['express'],
  splitting: false,
  minify: true,
  shims: true,
});
