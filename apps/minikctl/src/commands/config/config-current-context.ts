import { CliError } from '../../cli/cli-error.js';
import type { Command } from '../../cli/command.js';

/** `minikctl config current-context`. */
export const configCurrentContextCommand: Command = {
  name: 'current-context',
  short: 'Display the current-context',
  long: 'Display the current-context.',
  example: `  # Display the current-context
  minikctl config current-context`,
  use: 'config current-context [flags]',
  async run(ctx) {
    const config = await ctx.factory.kubeconfig();
    if (!config.currentContext) throw new CliError('current-context is not set');
    ctx.streams.out.write(`${config.currentContext}\n`);
  },
};
