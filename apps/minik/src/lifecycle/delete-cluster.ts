import { rm, rmdir } from 'node:fs/promises';
import { resolveKubeconfigPath } from '../kubeconfig/kubeconfig-path.js';
import { removeFromKubeconfig, updateKubeconfigFile } from '../kubeconfig/merge-kubeconfig.js';
import { profileName } from '../profile.js';
import { resolveStatePaths } from '../state/cluster-state.js';
import { stopIfRunning, type StopDeps } from './stop-cluster.js';

/**
 * `minik delete`: stops the cluster if it runs, removes its files under $MINIK_HOME and its
 * cluster, context and user from the kubeconfig. Only the files minik writes are removed, and the
 * directory only if then empty, so a mistaken $MINIK_HOME cannot cost anything else.
 */
export async function deleteCluster(deps: StopDeps): Promise<number> {
  deps.output.info(`🔥  Deleting "${profileName}" …`);
  await stopIfRunning(deps);
  const paths = resolveStatePaths(deps.env, deps.homeDir);
  await rm(paths.stateFile, { force: true });
  await rm(paths.logFile, { force: true });
  await rmdir(paths.home).catch(() => {});
  const kubeconfigPath = resolveKubeconfigPath(deps.env, deps.homeDir);
  await updateKubeconfigFile(kubeconfigPath, (text) =>
    text === undefined ? text : removeFromKubeconfig(text, profileName, kubeconfigPath),
  );
  deps.output.info(`💀  Removed all traces of the "${profileName}" cluster.`);
  return 0;
}
