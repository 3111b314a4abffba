import { join } from 'node:path';
import { runWithCodeCache } from '@minik/code-cache';

// What bin/minikctl.cjs runs: the CLI's bundle (dist/main.cjs) through a V8 code cache. A file of its
// own next to the bundle, so that starting resolves no package in node_modules (3–4 ms a run).
runWithCodeCache(join(__dirname, 'main.cjs'), 'minikctl');
