import { join } from 'node:path';
import { runWithCodeCache } from '@minik/code-cache';

// What bin/minikctl.cjs runs: the CLI's bundle (dist/main.cjs) through a V8 code cache. A file of its
// own next to the bundle, so that starting resolves no package in node_modules (3–4 ms a run).
// bin/minikctl.cjs moved NODE_EXTRA_CA_CERTS aside (see src/client/extra-ca.ts): what minikctl
// starts (exec credential plugins, editors) gets it back.
const extraCerts = process.env.MINIKCTL_EXTRA_CA_CERTS;
if (extraCerts && process.env.NODE_EXTRA_CA_CERTS === undefined) process.env.NODE_EXTRA_CA_CERTS = extraCerts;
runWithCodeCache(join(__dirname, 'main.cjs'), 'minikctl');
