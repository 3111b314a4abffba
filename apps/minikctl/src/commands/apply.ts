import type { Command } from '../cli/command.js';
import { addDryRunFlag } from '../resource/dry-run.js';
import { addFilenameFlags } from '../resource/filename-flags.js';
import { addPrintFlags } from './print-flags.js';

/** `minikctl apply -f`: client-side apply, recording the manifest in last-applied-configuration. */
export const applyCommand: Command = {
  name: 'apply',
  group: 'Advanced Commands:',
  short: 'Apply a configuration to a resource by file name or stdin',
  long: `Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.

 JSON and YAML formats are accepted.`,
  example: `  # Apply the configuration in pod.json to a pod
  minikctl apply -f ./pod.json
  
  # Apply every manifest of a directory
  minikctl apply -f ./manifests/
  
  # Apply the JSON passed into stdin to a pod
  cat pod.json | minikctl apply -f -`,
  use: 'apply (-f FILENAME | -k DIRECTORY)',
  flags(f) {
    addPrintFlags(f, 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).');
    addDryRunFlag(f);
    addFilenameFlags(f, 'that contains the configuration to apply');
    f.string('field-manager', undefined, 'kubectl-client-side-apply', 'Name of the manager used to track field ownership.')
      .bool('force-conflicts', undefined, false, 'If true, server-side apply will force the changes against conflicts.')
      .bool('server-side', undefined, false, 'If true, apply runs in the server instead of the client.')
      .string('validate', undefined, 'strict', 'Must be one of: strict (or true), warn, ignore (or false).');
  },
  async run(ctx) {
    const { runApply } = await import('../apply/run-apply.js');
    await runApply(ctx);
  },
};
