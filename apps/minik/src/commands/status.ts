import type { Argv, CommandModule } from 'yargs';
import type { CliContext } from '../cli-context.js';

function builder(yargs: Argv) {
  return yargs
    .example('$0 status', 'Show whether the cluster runs, its URL, nodes and uptime')
    .example('$0 status >/dev/null && kubectl get nodes', 'Use kubectl only when the cluster runs')
    .epilogue('Exit code: 0 when running, 7 when stopped (like minikube status).');
}

/** `minik status`: minikube-like status lines; exit code 7 when stopped. */
export function statusCommand(context: CliContext): CommandModule<object, object> {
  return {
    command: 'status',
    describe: 'Show the status of the cluster',
    builder,
    handler: async () => {
      const { showStatus } = await import('../lifecycle/show-status.js');
      const { isMinikProcess } = await import('../state/process-probe.js');
      const { probeReadyz } = await import('../lifecycle/probe-readyz.js');
      const { countNodes } = await import('../lifecycle/count-nodes.js');
      context.setExitCode(
        await showStatus({ ...context, isMinikProcess, probeReady: (url) => probeReadyz(url), countNodes }),
      );
    },
  };
}
