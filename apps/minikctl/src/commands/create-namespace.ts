import { CommandUsageError } from '../cli/cli-error.js';
import type { Command } from '../cli/command.js';
import { addDryRunFlag } from '../resource/dry-run.js';
import { addPrintFlags } from './print-flags.js';

/** `minikctl create namespace NAME`. */
export const createNamespaceCommand: Command = {
  name: 'namespace',
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  long: 'Create a namespace with the specified name.',
  example: `  # Create a new namespace named my-namespace
  minikctl create namespace my-namespace`,
  use: 'create namespace NAME [--dry-run=server|client|none]',
  flags(f) {
    addPrintFlags(f, 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).');
    addDryRunFlag(f);
    f.string('field-manager', undefined, 'kubectl-create', 'Name of the manager used to track field ownership.');
  },
  async run(ctx) {
    if (ctx.args.length !== 1) throw new CommandUsageError('exactly one NAME is required, got ' + ctx.args.length);
    const object = { kind: 'Namespace', apiVersion: 'v1', metadata: { name: ctx.args[0], creationTimestamp: null }, spec: {}, status: {} };
    const { createGenerated } = await import('../create/run-create-object.js');
    await createGenerated(ctx, object, 'namespaces', 'namespace');
  },
};
