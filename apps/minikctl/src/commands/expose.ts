import type { Command } from '../cli/command.js';
import { addDryRunFlag } from '../resource/dry-run.js';
import { addFilenameFlags } from '../resource/filename-flags.js';
import { addPrintFlags } from './print-flags.js';

/** `minikctl expose`: a Service selecting a workload's pods. */
export const exposeCommand: Command = {
  name: 'expose',
  group: 'Basic Commands (Beginner):',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  long: `Expose a resource as a new Kubernetes service.

 Looks up a deployment, service, replica set, replication controller or pod by name and uses the selector for that resource as the selector for a new service on the specified port. A deployment or replica set will be exposed as a service only if its selector is convertible to a selector that service supports, i.e. when the selector contains only the matchLabels component. Note that if no port is specified via --port and the exposed resource has multiple ports, all will be re-used by the new service. Also if no labels are specified, the new service will re-use the labels from the resource it exposes.

 Possible resources include (case insensitive):

 pod (po), service (svc), replicationcontroller (rc), deployment (deploy), replicaset (rs)`,
  example: `  # Create a service for the kubernetes-bootcamp deployment, reachable on every node's port
  minikctl expose deployment/kubernetes-bootcamp --type="NodePort" --port 8080
  
  # Create a service for a pod valid-pod, which serves on port 444 with the name "frontend"
  minikctl expose pod valid-pod --port=444 --name=frontend
  
  # Create a service for an nginx deployment, which serves on port 80 and connects to the containers on port 8000
  minikctl expose deployment nginx --port=80 --target-port=8000`,
  use: 'expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type]',
  flags(f) {
    addPrintFlags(f, 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).');
    addDryRunFlag(f);
    addFilenameFlags(f, 'identifying the resource to expose a service');
    f.string('cluster-ip', undefined, '', "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service.")
      .string('external-ip', undefined, '', 'Additional external IP address (not managed by Kubernetes) to accept for the service.')
      .string('field-manager', undefined, 'kubectl-expose', 'Name of the manager used to track field ownership.')
      .string('labels', 'l', '', 'Labels to apply to the service created by this call.')
      .string('load-balancer-ip', undefined, '', 'IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific).')
      .string('name', undefined, '', 'The name for the newly created object.')
      .string('port', undefined, '', "The port that the service should serve on. Copied from the resource being exposed, if unspecified")
      .string('protocol', undefined, '', "The network protocol for the service to be created. Default is 'TCP'.")
      .string('selector', undefined, '', 'A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)')
      .string('session-affinity', undefined, '', "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'")
      .string('target-port', undefined, '', 'Name or number for the port on the container that the service should direct traffic to. Optional.')
      .string('type', undefined, '', "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'.");
  },
  async run(ctx) {
    const { runExpose } = await import('../expose/run-expose.js');
    await runExpose(ctx);
  },
};
