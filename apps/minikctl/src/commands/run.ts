import type { Command } from '../cli/command.js';
import { addDryRunFlag } from '../resource/dry-run.js';
import { addPrintFlags } from './print-flags.js';

/** `minikctl run`: a Deployment (default restart policy) or a bare Pod (`--restart=Never|OnFailure`). */
export const runCommand: Command = {
  name: 'run',
  group: 'Basic Commands (Beginner):',
  short: 'Run a particular image on the cluster',
  long: `Create and run a particular image on the cluster.

 With the default restart policy (--restart=Always) this creates a Deployment named NAME that keeps --replicas pods running, as kubectl run did when the Kubernetes Basics tutorial was written (kubectl up to 1.17, the deployment/apps.v1 generator). With --restart=Never or --restart=OnFailure it creates a single bare Pod named NAME, which is what kubectl run does today. Pods and deployments are labelled run=NAME unless --labels says otherwise.`,
  example: `  # Start a kubernetes-bootcamp deployment (one replica) listening on port 8080
  minikctl run kubernetes-bootcamp --image=gcr.io/google-samples/kubernetes-bootcamp:v1 --port=8080
  
  # Start three replicas of nginx
  minikctl run nginx --image=nginx --replicas=3
  
  # Start a single nginx pod, as kubectl run does today
  minikctl run nginx --image=nginx --restart=Never
  
  # Start a pod and let the container expose port 5701
  minikctl run hazelcast --image=hazelcast/hazelcast --port=5701 --restart=Never
  
  # Start a deployment with environment variables and labels
  minikctl run hazelcast --image=hazelcast/hazelcast --env="DNS_DOMAIN=cluster" --env="POD_NAMESPACE=default" --labels="app=hazelcast,env=prod"
  
  # Print the deployment minikctl would create, without creating it
  minikctl run nginx --image=nginx --dry-run=client -o yaml
  
  # Start a pod using a different command and custom arguments
  minikctl run nginx --image=nginx --restart=Never --command -- <cmd> <arg1> ... <argN>
  
  # Start the busybox container in a pod and run a command in it that exits
  minikctl run busybox --image=busybox --restart=Never -- echo hello`,
  use: 'run NAME --image=image [--env="key=value"] [--port=port] [--replicas=replicas] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]',
  requiredFlags: ['image'],
  flags(f) {
    addPrintFlags(f, 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).');
    addDryRunFlag(f);
    f.stringArray('annotations', undefined, [], 'Annotations to apply to the pod.')
      .bool('command', undefined, false, 'If true and extra arguments are present, use them as the \'command\' field in the container, rather than the \'args\' field which is the default.')
      .stringArray('env', undefined, [], 'Environment variables to set in the container.')
      .bool('expose', undefined, false, "If true, create a ClusterIP service associated with the pod or deployment.  Requires `--port`.")
      .string('field-manager', undefined, 'kubectl-run', 'Name of the manager used to track field ownership.')
      .string('image', undefined, '', 'The image for the container to run.')
      .string('image-pull-policy', undefined, '', 'The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server.')
      .string('labels', 'l', '', 'Comma separated labels to apply to the pod(s). Will override previous values.')
      .string('overrides', undefined, '', 'An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.')
      .string('port', undefined, '', 'The port that this container exposes.')
      .bool('privileged', undefined, false, 'If true, run the container in privileged mode.')
      .int('replicas', 'r', 1, 'Number of replicas to create for the deployment (with the default --restart=Always). Pods run with --restart=Never or OnFailure take only 1.')
      .string('restart', undefined, 'Always', "The restart policy for this Pod.  Legal values [Always, OnFailure, Never].  Always (the default) creates a Deployment; OnFailure and Never create a bare Pod.");
  },
  async run(ctx) {
    const { runRun } = await import('../run/run-run.js');
    await runRun(ctx);
  },
};
