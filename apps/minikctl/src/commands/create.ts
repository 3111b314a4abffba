import type { Command } from '../cli/command.js';
import { addDryRunFlag } from '../resource/dry-run.js';
import { addFilenameFlags } from '../resource/filename-flags.js';
import { createDeploymentCommand } from './create-deployment.js';
import { createNamespaceCommand } from './create-namespace.js';
import { addPrintFlags } from './print-flags.js';

/** `minikctl create -f FILE`, and the `create deployment|namespace` generators. */
export const createCommand: Command = {
  name: 'create',
  group: 'Basic Commands (Beginner):',
  short: 'Create a resource from a file or from stdin',
  long: `Create a resource from a file or from stdin.

 JSON and YAML formats are accepted.`,
  example: `  # Create a pod using the data in pod.json
  minikctl create -f ./pod.json
  
  # Create a pod based on the JSON passed into stdin
  cat pod.json | minikctl create -f -
  
  # Create a deployment the way today's Kubernetes Basics tutorial does
  minikctl create deployment kubernetes-bootcamp --image=gcr.io/google-samples/kubernetes-bootcamp:v1`,
  use: 'create -f FILENAME',
  subcommands: [createDeploymentCommand, createNamespaceCommand],
  flags(f) {
    addPrintFlags(f, 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).');
    addDryRunFlag(f);
    addFilenameFlags(f, 'to use to create the resource');
    f.string('field-manager', undefined, 'kubectl-create', 'Name of the manager used to track field ownership.')
      .bool('save-config', undefined, false, "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.")
      .string('validate', undefined, 'strict', 'Must be one of: strict (or true), warn, ignore (or false).');
  },
  async run(ctx) {
    const { runCreateFromFiles } = await import('../create/run-create-files.js');
    await runCreateFromFiles(ctx);
  },
};
