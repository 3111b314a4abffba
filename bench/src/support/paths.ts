import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: bench/dist/run.js (built) or bench/src/support/paths.ts (sources) sit below it. */
export const repoRoot = ((): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('bench: cannot find the repository root');
    dir = parent;
  }
  return dir;
})();

/** The built `minik` CLI shim. */
export const minikBin = join(repoRoot, 'apps/minik/bin/minik.cjs');
/** The built `minikctl` CLI shim. */
export const minikctlBin = join(repoRoot, 'apps/minikctl/bin/minikctl.cjs');

/** The real kubectl of a minor version, as installed with the Google Cloud SDK. */
export function kubectlBin(version = '1.33'): string {
  return `/usr/lib/google-cloud-sdk/bin/kubectl.${version}`;
}

/** Whether a CLI shim can run: the shim and the entry it imports exist. */
export function cliBuilt(bin: string): boolean {
  return existsSync(bin) && existsSync(join(dirname(bin), '..', 'dist', 'main.cjs'));
}
