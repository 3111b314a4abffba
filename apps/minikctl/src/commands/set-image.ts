import type { Command } from '../cli/command.js';
import { addDryRunFlag } from '../resource/dry-run.js';
import { addFilenameFlags } from '../resource/filename-flags.js';
import { addPrintFlags } from './print-flags.js';

/** `minikctl set image`: a strategic merge patch of container images. */
export const setImageCommand: Command = {
  name: 'image',
  short: 'Update the image of a pod template',
  long: `Update existing container image(s) of resources.

 Possible resources include (case insensitive):

  pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)`,
  example: `  # Set a deployment's nginx container image to 'nginx:1.9.1', and its busybox container image to 'busybox'
  minikctl set image deployment/nginx busybox=busybox nginx=nginx:1.9.1
  
  # Update the kubernetes-bootcamp deployment to version 2 of the app
  minikctl set image deployments/kubernetes-bootcamp kubernetes-bootcamp=docker.io/jocatalin/kubernetes-bootcamp:v2
  
  # Update image of all containers of deployment frontend to 'nginx:1.9.1'
  minikctl set image deployment/frontend *=nginx:1.9.1`,
  use: 'set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N',
  flags(f) {
    addPrintFlags(f, 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).');
    addDryRunFlag(f);
    addFilenameFlags(f, 'identifying the resource to get from a server.');
    f.bool('all', undefined, false, 'Select all resources, in the namespace of the specified resource types')
      .string('field-manager', undefined, 'kubectl-set', 'Name of the manager used to track field ownership.')
      .bool('local', undefined, false, 'If true, set image will NOT contact api-server but run locally.')
      .string('selector', 'l', '', "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.");
  },
  async run(ctx) {
    const { runSetImage } = await import('../set/run-set-image.js');
    await runSetImage(ctx);
  },
};
