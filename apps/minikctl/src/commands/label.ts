import type { Command } from '../cli/command.js';
import type { FlagSet } from '../cli/flag-set.js';
import { addDryRunFlag } from '../resource/dry-run.js';
import { addFilenameFlags } from '../resource/filename-flags.js';
import { addPrintFlags } from './print-flags.js';

/** The flags `label` and `annotate` share. */
export function addLabelFlags(f: FlagSet, field: string, manager: string): void {
  addPrintFlags(f, 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).');
  addDryRunFlag(f);
  addFilenameFlags(f, `identifying the resource to update the ${field}`);
  f.bool('all', undefined, false, 'Select all resources, in the namespace of the specified resource types')
    .bool('all-namespaces', 'A', false, 'If true, check the specified action in all namespaces.')
    .string('field-manager', undefined, manager, 'Name of the manager used to track field ownership.')
    .string('field-selector', undefined, '', "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.")
    .bool('list', undefined, false, `If true, display the ${field} for a given resource.`)
    .bool('local', undefined, false, `If true, ${field === 'labels' ? 'label' : 'annotation'} will NOT contact api-server but run locally.`)
    .bool('overwrite', undefined, false, `If true, allow ${field} to be overwritten, otherwise reject ${field} updates that overwrite existing ${field}.`)
    .string('resource-version', undefined, '', `If non-empty, the ${field} update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.`)
    .string('selector', 'l', '', "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.");
}

/** `minikctl label`. */
export const labelCommand: Command = {
  name: 'label',
  group: 'Settings Commands:',
  short: 'Update the labels on a resource',
  long: `Update the labels on a resource.

  *  A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.
  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
  *  If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.
  *  If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used.`,
  example: `  # Update pod 'foo' with the label 'unhealthy' and the value 'true'
  minikctl label pods foo unhealthy=true
  
  # Update pod 'foo' with the label 'status' and the value 'unhealthy', overwriting any existing value
  minikctl label --overwrite pods foo status=unhealthy
  
  # Update all pods in the namespace
  minikctl label pods --all status=unhealthy
  
  # Update pod 'foo' only if the resource is unchanged from version 1
  minikctl label pods foo status=unhealthy --resource-version=1
  
  # Update pod 'foo' by removing a label named 'bar' if it exists
  # Does not require the --overwrite flag
  minikctl label pods foo bar-`,
  use: 'label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  flags: (f) => addLabelFlags(f, 'labels', 'kubectl-label'),
  async run(ctx) {
    const { runLabel } = await import('../label/run-label.js');
    await runLabel(ctx, { field: 'labels', past: 'labeled', notPast: 'not labeled', fieldManager: 'kubectl-label' });
  },
};
