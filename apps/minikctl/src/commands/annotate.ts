import type { Command } from '../cli/command.js';
import { addLabelFlags } from './label.js';

/** `minikctl annotate`. */
export const annotateCommand: Command = {
  name: 'annotate',
  group: 'Settings Commands:',
  short: 'Update the annotations on a resource',
  long: `Update the annotations on one or more resources.

 All Kubernetes objects support the ability to store additional data with the object as annotations. Annotations are key/value pairs that can be larger than labels and include arbitrary string values such as structured JSON. Tools and system extensions may use annotations to store their own data.

 Attempting to set an annotation that already exists will fail unless --overwrite is set. If --resource-version is specified and does not match the current resource version on the server the command will fail.`,
  example: `  # Update pod 'foo' with the annotation 'description' and the value 'my frontend'
  # If the same annotation is set multiple times, only the last value will be applied
  minikctl annotate pods foo description='my frontend'
  
  # Update pod 'foo' with the annotation 'description' and the value 'my frontend running nginx', overwriting any existing value
  minikctl annotate --overwrite pods foo description='my frontend running nginx'
  
  # Update all pods in the namespace
  minikctl annotate pods --all description='my frontend running nginx'
  
  # Update pod 'foo' by removing an annotation named 'description' if it exists
  # Does not require the --overwrite flag
  minikctl annotate pods foo description-`,
  use: 'annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  flags: (f) => addLabelFlags(f, 'annotations', 'kubectl-annotate'),
  async run(ctx) {
    const { runLabel } = await import('../label/run-label.js');
    await runLabel(ctx, { field: 'annotations', past: 'annotated', notPast: 'not annotated', fieldManager: 'kubectl-annotate' });
  },
};
