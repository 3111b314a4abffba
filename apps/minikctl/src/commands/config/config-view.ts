import type { Command } from '../../cli/command.js';
import { addPrintFlags, outputChoice } from '../print-flags.js';

/** `minikctl config view`: the merged kubeconfig, secrets redacted. */
export const configViewCommand: Command = {
  name: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  long: `Display merged kubeconfig settings or a specified kubeconfig file.

 You can use --output jsonpath={...} to extract specific values using a jsonpath expression.`,
  example: `  # Show merged kubeconfig settings
  minikctl config view
  
  # Show merged kubeconfig settings, raw certificate data, and exposed secrets
  minikctl config view --raw
  
  # Get the password for the e2e user
  minikctl config view -o jsonpath='{.users[?(@.name == "e2e")].user.password}'`,
  use: 'config view [flags]',
  flags(f) {
    addPrintFlags(f, 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).');
    f.bool('flatten', undefined, false, 'Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)')
      .bool('merge', undefined, true, 'Merge the full hierarchy of kubeconfig files')
      .bool('minify', undefined, false, 'Remove all information not used by current-context from the output')
      .bool('raw', undefined, false, 'Display raw byte data and sensitive data');
  },
  async run(ctx) {
    const { kubeconfigView } = await import('../../config/kubeconfig-view.js');
    const { createResourcePrinter } = await import('../../printers/resource-printer.js');
    const config = await ctx.factory.kubeconfig();
    const view = kubeconfigView(config, {
      minify: ctx.flags.getBool('minify'),
      raw: ctx.flags.getBool('raw') || ctx.flags.getBool('flatten'),
      flatten: ctx.flags.getBool('flatten'),
      context: ctx.flags.getString('context') || undefined,
    });
    const choice = outputChoice(ctx.flags);
    const printer = await createResourcePrinter(choice.format === '' ? { format: 'yaml' } : choice, { typedJson: true, showManagedFields: true });
    printer.print(view, ctx.streams.out);
  },
};
