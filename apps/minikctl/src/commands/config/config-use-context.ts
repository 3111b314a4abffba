import { CliError } from '../../cli/cli-error.js';
import type { Command } from '../../cli/command.js';

/** `minikctl config use-context NAME`. */
export const configUseContextCommand: Command = {
  name: 'use-context',
  aliases: ['use'],
  short: 'Set the current-context in a kubeconfig file',
  long: 'Set the current-context in a kubeconfig file.',
  example: `  # Use the context for the minik cluster
  minikctl config use-context minik`,
  use: 'config use-context CONTEXT_NAME [flags]',
  async run(ctx) {
    if (ctx.args.length !== 1) throw new CliError('Unexpected args: ' + JSON.stringify(ctx.args));
    const name = ctx.args[0]!;
    const config = await ctx.factory.kubeconfig();
    if (!config.contexts.some((c) => c.name === name)) throw new CliError(`no context exists with the name: "${name}"`);
    const { setKubeconfigField } = await import('../../config/write-kubeconfig.js');
    await setKubeconfigField(config.destination, 'current-context', name);
    ctx.streams.out.write(`Switched to context "${name}".\n`);
  },
};
