import type { Command } from '../cli/command.js';
import { clusterInfoDumpCommand } from './cluster-info-dump.js';

/** `minikctl cluster-info`: where the control plane and the cluster services run. */
export const clusterInfoCommand: Command = {
  name: 'cluster-info',
  group: 'Cluster Management Commands:',
  short: 'Display cluster information',
  long: "Display addresses of the control plane and services with label kubernetes.io/cluster-service=true. To further debug and diagnose cluster problems, use 'minikctl cluster-info dump'.",
  example: `  # Print the address of the control plane and cluster services
  minikctl cluster-info`,
  use: 'cluster-info [flags]',
  subcommands: [clusterInfoDumpCommand],
  async run(ctx) {
    const { runClusterInfo } = await import('../cluster-info/run-cluster-info.js');
    await runClusterInfo({
      factory: ctx.factory,
      out: ctx.streams.out,
      namespace: ctx.flags.changed('namespace') ? ctx.flags.getString('namespace') : 'kube-system',
      color: Boolean((process.stdout as { isTTY?: boolean }).isTTY) && ctx.streams.out === process.stdout,
    });
  },
};
