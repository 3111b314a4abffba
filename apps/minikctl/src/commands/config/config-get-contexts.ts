import { CliError } from '../../cli/cli-error.js';
import type { Command } from '../../cli/command.js';

/** `minikctl config get-contexts`. */
export const configGetContextsCommand: Command = {
  name: 'get-contexts',
  short: 'Describe one or many contexts',
  long: 'Display one or many contexts from the kubeconfig file.',
  example: `  # List all the contexts in your kubeconfig file
  minikctl config get-contexts
  
  # Describe one context in your kubeconfig file
  minikctl config get-contexts my-context`,
  use: 'config get-contexts [(-o|--output=)name)] [flags]',
  flags(f) {
    f.bool('no-headers', undefined, false, "When using the default or custom-column output format, don't print headers (default print headers).").string('output', 'o', '', 'Output format. One of: (name).');
  },
  async run(ctx) {
    const output = ctx.flags.getString('output');
    if (output !== '' && output !== 'name') throw new CliError(`output must be one of '' or 'name': ${output}`);
    const config = await ctx.factory.kubeconfig();
    const { TabWriter } = await import('../../printers/tab-writer.js');
    let contexts = [...config.contexts].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (ctx.args.length > 0) {
      const missing = ctx.args.filter((name) => !contexts.some((c) => c.name === name));
      contexts = contexts.filter((c) => ctx.args.includes(c.name));
      if (missing.length > 0) {
        if (contexts.length > 0) printContexts();
        throw new CliError(`context ${missing.map((m) => JSON.stringify(m)).join(', ')} not found`);
      }
    }
    printContexts();
    function printContexts(): void {
      if (output === 'name') {
        for (const c of contexts) ctx.streams.out.write(`${c.name}\n`);
        return;
      }
      const w = new TabWriter(ctx.streams.out);
      if (!ctx.flags.getBool('no-headers')) w.write('CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n');
      for (const c of contexts) {
        w.write(`${c.name === config.currentContext ? '*' : ''}\t${c.name}\t${c.value.cluster ?? ''}\t${c.value.user ?? ''}\t${c.value.namespace ?? ''}\n`);
      }
      w.flush();
    }
  },
};
