import { defineConfig } from 'tsup';
import { baseOptions } from '../tsup.base.js';

export default defineConfig({
  ...baseOptions,
  entry: ['src/run.ts'],
  noExternal: [/^@minik\//],
  banner: {
    js: "import { createRequire as __minikCreateRequire } from 'node:module'; const require = __minikCreateRequire(import.meta.url);",
  },
});
