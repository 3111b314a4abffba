import type { Argv, CommandModule } from 'yargs';
import type { CliContext } from '../cli-context.js';
import type { NodeAction } from '../lifecycle/manage-nodes.js';

/** Runs one node action in-process against the running cluster. */
async function run(context: CliContext, action: NodeAction, name?: string): Promise<void> {
  const { manageNodes } = await import('../lifecycle/manage-nodes.js');
  const { isMinikProcess } = await import('../state/process-probe.js');
  context.setExitCode(await manageNodes(action, name, { ...context, isMinikProcess, fetch }));
}

/** A `minik node <action> NAME` subcommand. */
function namedAction(context: CliContext, action: 'stop' | 'start' | 'delete', describe: string): CommandModule<object, { name: string }> {
  return {
    command: `${action} <name>`,
    describe,
    builder: (yargs) => yargs.positional('name', { type: 'string', demandOption: true, describe: 'The node, as "minik node list" names it (minik-m02 or m02)' }) as Argv<{ name: string }>,
    handler: (argv) => run(context, action, argv.name),
  };
}

/** `minik node list|add|stop|start|delete`: the nodes of the running cluster, like `minikube node …`. */
export function nodeCommand(context: CliContext): CommandModule<object, object> {
  return {
    command: 'node <command>',
    describe: 'Add, remove, stop, start or list the nodes of the running cluster',
    builder: (yargs) =>
      yargs
        .command({ command: 'list', describe: 'List the nodes', handler: () => run(context, 'list') })
        .command({ command: 'add', describe: 'Add a worker node (minik-m02, minik-m03, …)', handler: () => run(context, 'add') })
        .command(namedAction(context, 'stop', 'Stop a node: its kubelet stops heartbeating, the node turns NotReady'))
        .command(namedAction(context, 'start', 'Start a stopped node'))
        .command(namedAction(context, 'delete', 'Delete a worker node and its pods'))
        .demandCommand(1, 'Specify a node command.')
        .example('$0 node add', 'Add a worker node')
        .example('$0 node stop minik-m02', 'Stop a node and watch its pods move: kubectl get pods -o wide -w'),
    handler: () => {},
  };
}
