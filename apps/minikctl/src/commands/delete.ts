import type { Command } from '../cli/command.js';
import { addDryRunFlag } from '../resource/dry-run.js';
import { addFilenameFlags } from '../resource/filename-flags.js';

/** `minikctl delete`. */
export const deleteCommand: Command = {
  name: 'delete',
  group: 'Basic Commands (Intermediate):',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  long: `Delete resources by file names, stdin, resources and names, or by resources and label selector.

 JSON and YAML formats are accepted. Only one type of argument may be specified: file names, resources and names, or resources and label selector.

 Some resources, such as pods, support graceful deletion. These resources define a default period before they are forcibly terminated (the grace period) but you may override that value with the --grace-period flag, or pass --now to set a grace-period of 1.

 After a delete is issued, minikctl waits until the objects are gone, as kubectl does; pass --wait=false to return at once.`,
  example: `  # Delete a pod using the type and name specified in pod.json
  minikctl delete -f ./pod.json
  
  # Delete resources from a directory containing manifests
  minikctl delete -f dir/
  
  # Delete a pod based on the type and name in the JSON passed into stdin
  cat pod.json | minikctl delete -f -
  
  # Delete pods and services with same names "baz" and "foo"
  minikctl delete pod,service baz foo
  
  # Delete pods and services with label name=myLabel
  minikctl delete pods,services -l name=myLabel
  
  # Delete a pod with minimal delay
  minikctl delete pod foo --now
  
  # Delete all pods
  minikctl delete pods --all`,
  use: 'delete ([-f FILENAME] | TYPE [(NAME | -l label | --all)])',
  flags(f) {
    addDryRunFlag(f);
    addFilenameFlags(f, 'containing the resource to delete.');
    f.bool('all', undefined, false, 'Delete all resources, in the namespace of the specified resource types.')
      .bool('all-namespaces', 'A', false, 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.')
      .add({ name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', usage: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.' })
      .string('field-selector', undefined, '', "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.")
      .bool('force', undefined, false, 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.')
      .int('grace-period', undefined, -1, 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).')
      .bool('ignore-not-found', undefined, false, 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.')
      .bool('now', undefined, false, 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).')
      .string('output', 'o', '', 'Output mode. Use "-o name" for shorter output (resource/name).')
      .string('selector', 'l', '', "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.")
      .duration('timeout', undefined, 0, 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object')
      .bool('wait', undefined, true, 'If true, wait for resources to be gone before returning. This waits for finalizers.');
  },
  async run(ctx) {
    const { runDelete } = await import('../delete/run-delete.js');
    await runDelete(ctx);
  },
};
