import type { Argv, CommandModule } from 'yargs';
import type { CliContext } from '../cli-context.js';

function builder(yargs: Argv) {
  return yargs
    .example('$0 kubeconfig', 'Print a kubeconfig for the running cluster')
    .example(
      '$0 kubeconfig > minik.yaml && KUBECONFIG=minik.yaml kubectl get nodes',
      'Use it without touching ~/.kube/config',
    );
}

/** `minik kubeconfig`: prints a standalone kubeconfig for the running cluster. */
export function kubeconfigCommand(context: CliContext): CommandModule<object, object> {
  return {
    command: 'kubeconfig',
    describe: 'Print a kubeconfig for the running cluster',
    builder,
    handler: async () => {
      const { printKubeconfig } = await import('../lifecycle/print-kubeconfig.js');
      const { isMinikProcess } = await import('../state/process-probe.js');
      context.setExitCode(await printKubeconfig({ ...context, isMinikProcess }));
    },
  };
}
