import type { Command } from '../cli/command.js';
import { addFilenameFlags } from '../resource/filename-flags.js';

/** `minikctl describe`. */
export const describeCommand: Command = {
  name: 'describe',
  group: 'Troubleshooting and Debugging Commands:',
  short: 'Show details of a specific resource or group of resources',
  long: `Show details of a specific resource or group of resources.

 Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:

        $ minikctl describe TYPE NAME_PREFIX

 will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.

Use "minikctl api-resources" for a complete list of supported resources.`,
  example: `  # Describe a node
  minikctl describe nodes minik
  
  # Describe a pod
  minikctl describe pods/nginx
  
  # Describe pods by label name=myLabel
  minikctl describe pods -l name=myLabel
  
  # Describe all pods managed by the 'frontend' replica set
  minikctl describe pods frontend
  
  # Describe the deployment of the Kubernetes Basics tutorial
  minikctl describe deployment kubernetes-bootcamp`,
  use: 'describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)',
  flags(f) {
    addFilenameFlags(f, 'containing the resource to describe');
    f.bool('all-namespaces', 'A', false, 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.')
      .int('chunk-size', undefined, 500, 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.')
      .string('selector', 'l', '', "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.")
      .bool('show-events', undefined, true, 'If true, display events related to the described object.');
  },
  async run(ctx) {
    const { runDescribe } = await import('../describe/run-describe.js');
    await runDescribe(ctx);
  },
};
