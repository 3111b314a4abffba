import type { Argv, CommandModule } from 'yargs';
import type { CliContext } from '../cli-context.js';

function builder(yargs: Argv) {
  return yargs
    .example('$0 stop', 'Stop the cluster started by "minik start"')
    .epilogue(
      'The kubeconfig context stays; "minik start" brings the cluster back, "minik delete" removes it.',
    );
}

/** `minik stop`: stops the detached (or foreground) cluster process. */
export function stopCommand(context: CliContext): CommandModule<object, object> {
  return {
    command: 'stop',
    describe: 'Stop the running cluster',
    builder,
    handler: async () => {
      const { stopCluster } = await import('../lifecycle/stop-cluster.js');
      const { isMinikProcess } = await import('../state/process-probe.js');
      context.setExitCode(
        await stopCluster({ ...context, isMinikProcess, kill: (pid, signal) => process.kill(pid, signal) }),
      );
    },
  };
}
