import { defineConfig } from 'tsup';
import { baseOptions } from '../../tsup.base.js';

// The CLI is bundled with its workspace dependencies so that start-up reads one file.
export default defineConfig({
  ...baseOptions,
  entry: ['src/main.ts'],
  noExternal: [/^@minik\//],
});
