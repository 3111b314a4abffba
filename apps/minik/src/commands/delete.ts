import type { Argv, CommandModule } from 'yargs';
import type { CliContext } from '../cli-context.js';

function builder(yargs: Argv) {
  return yargs
    .example('$0 delete', 'Stop the cluster and remove its state, logs and kubeconfig entries')
    .epilogue('Other kubeconfig entries are left as they are.');
}

/** `minik delete`: stops the cluster and removes every trace of it. */
export function deleteCommand(context: CliContext): CommandModule<object, object> {
  return {
    command: 'delete',
    describe: 'Stop the cluster and remove its state and kubeconfig entries',
    builder,
    handler: async () => {
      const { deleteCluster } = await import('../lifecycle/delete-cluster.js');
      const { isMinikProcess } = await import('../state/process-probe.js');
      context.setExitCode(
        await deleteCluster({ ...context, isMinikProcess, kill: (pid, signal) => process.kill(pid, signal) }),
      );
    },
  };
}
