import type { Output } from '../output.js';
import { countNodes, nodeNames, profileName } from '../profile.js';
import { minikVersion } from '../version.js';

/** The first line of `minik start`, printed before anything happens. */
export function printStartBanner(output: Output, kubernetesVersion: string): void {
  output.info(`😄  ${profileName} v${minikVersion} (simulated Kubernetes ${kubernetesVersion})`);
}

/** The lines of `minik start` once the cluster is up and kubectl points at it. */
export function printStartSummary(output: Output, summary: { url: string; nodes: number }): void {
  output.info(`✨  Started ${countNodes(summary.nodes)}: ${nodeNames(summary.nodes).join(', ')}`);
  output.info(`🔗  API server: ${summary.url}`);
  output.info(
    `🏄  Done! kubectl is now configured to use "${profileName}" cluster and "default" namespace by default`,
  );
}
