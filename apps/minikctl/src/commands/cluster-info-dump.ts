import type { Command } from '../cli/command.js';

/** `minikctl cluster-info dump`: nodes, and the workloads, events and logs of some namespaces. */
export const clusterInfoDumpCommand: Command = {
  name: 'dump',
  short: 'Dump relevant information for debugging and diagnosis',
  long: `Dump cluster information out suitable for debugging and diagnosing cluster problems.  By default, dumps everything to stdout. You can optionally specify a directory with --output-directory.  If you specify a directory, Kubernetes will build a set of files in that directory.  By default, only dumps things in the current namespace and 'kube-system' namespace, but you can switch to a different namespace with the --namespaces flag, or specify --all-namespaces to dump all namespaces.

 The command also dumps the logs of all of the pods in the cluster; these logs are dumped into different directories based on namespace and pod name.`,
  example: `  # Dump current cluster state to stdout
  minikctl cluster-info dump
  
  # Dump current cluster state to /path/to/cluster-state
  minikctl cluster-info dump --output-directory=/path/to/cluster-state
  
  # Dump all namespaces to stdout
  minikctl cluster-info dump --all-namespaces
  
  # Dump a set of namespaces to /path/to/cluster-state
  minikctl cluster-info dump --namespaces default,kube-system --output-directory=/path/to/cluster-state`,
  use: 'cluster-info dump [flags]',
  flags(f) {
    f.bool('all-namespaces', 'A', false, 'If true, dump all namespaces.  If true, --namespaces is ignored.')
      .stringSlice('namespaces', undefined, [], 'A comma separated list of namespaces to dump.')
      .string('output', 'o', 'json', 'Output format. One of: (json, yaml).')
      .string('output-directory', undefined, '', 'Where to output the files.  If empty or \'-\' uses stdout, otherwise creates a directory hierarchy in that directory')
      .duration('pod-running-timeout', undefined, 20_000, 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running');
  },
  async run(ctx) {
    const { runClusterInfoDump } = await import('../cluster-info/run-cluster-info-dump.js');
    const { namespace } = await ctx.factory.namespace();
    await runClusterInfoDump(
      {
        allNamespaces: ctx.flags.getBool('all-namespaces'),
        namespaces: ctx.flags.getStrings('namespaces'),
        output: ctx.flags.getString('output'),
        outputDirectory: ctx.flags.getString('output-directory'),
        namespace,
      },
      { factory: ctx.factory, out: ctx.streams.out },
    );
  },
};
