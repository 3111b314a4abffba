import { defineConfig } from 'tsup';
import { baseOptions } from '../tsup.base.js';

export default defineConfig({
  ...baseOptions,
  // The runner, and the client processes S3 and S7 fork (clients must not share the server's event loop).
  entry: { run: 'src/run.ts', 'workers/watch-load': 'src/workers/watch-load.ts', 'workers/rollout-watch': 'src/workers/rollout-watch.ts' },
  noExternal: [/^@minik\//],
  banner: {
    js: "import { createRequire as __minikCreateRequire } from 'node:module'; const require = __minikCreateRequire(import.meta.url);",
  },
});
