import type { KubeObject, Node, Pod } from '@minik/types';
import type { AppRegistry } from '../apps/app-registry.js';
import type { InProcessClient } from '../client/in-process-client.js';
import { nodeName as nodeNameOf } from '../cluster/node-names.js';
import { nodeInternalIP, nodeObject, nodePodCIDR, type NodeShape } from '../cluster/node-object.js';
import type { EventBroadcaster } from '../controllers/events/event-recorder.js';
import type { Controller } from '../controllers/runtime/index.js';
import { ApiError, badRequest, notFound } from '../errors/index.js';
import type { Clock } from '../util/clock.js';
import { rfc3339 } from '../util/time.js';
import type { KubeletTiming } from './kubelet-timing.js';
import { nodeLeaseNamespace } from './node-heartbeat.js';
import { PodEventRouter } from './pod-event-router.js';
import { SimulatedKubelet } from './simulated-kubelet.js';

const nodeRef = { apiVersion: 'v1', kind: 'Node' };
const podRef = { apiVersion: 'v1', kind: 'Pod' };
const leaseRef = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease' };
const nodesTarget = { group: '', plural: 'nodes' };

/** A node as `minik node list` shows it. */
export interface NodeSummary {
  name: string;
  internalIP: string;
  podCIDR: string;
  controlPlane: boolean;
  /** Whether its (simulated) machine and kubelet run. */
  running: boolean;
}

/** The node lifecycle a cluster offers, like `minikube node …`. */
export interface NodeControl {
  /** Adds a worker node (`minik-m02`, `minik-m03`, …) and starts its kubelet. */
  add(): NodeSummary;
  /** Stops a node's machine: heartbeats and pod updates stop, its containers die. */
  stop(name: string): NodeSummary;
  /** Starts a stopped node again (re-registering its Node if it was deleted meanwhile). */
  start(name: string): NodeSummary;
  /** Drains and removes a worker node: its pods are deleted, then its Lease and Node. */
  delete(name: string): NodeSummary;
  list(): NodeSummary[];
}

/** What the node pool needs. */
export interface NodePoolOptions {
  client: InProcessClient;
  clock: Clock;
  clusterName: string;
  kubernetesVersion: string;
  timing: KubeletTiming;
  apps: AppRegistry;
  capacity: NodeShape['capacity'];
  events?: EventBroadcaster;
  onError?: (error: unknown) => void;
}

interface Member {
  readonly index: number;
  readonly controlPlane: boolean;
  readonly kubelet: SimulatedKubelet;
  /** Whether the machine should run while the cluster runs. */
  up: boolean;
}

/**
 * The cluster's simulated machines: one Node object and one kubelet each, named as minikube
 * names them. Implements `minik node add|stop|start|delete|list`.
 */
export class NodePool implements NodeControl {
  readonly #options: NodePoolOptions;
  readonly #members = new Map<string, Member>();
  /** One pod watch for all the pool's kubelets, routed by node. */
  readonly #podEvents: PodEventRouter;
  #active = false;

  constructor(options: NodePoolOptions) {
    this.#options = options;
    this.#podEvents = new PodEventRouter(options.client);
  }

  /** The address the API server dials from: the control-plane node's. */
  get apiserverIP(): string {
    return nodeInternalIP(0);
  }

  /** The kubelet of a node (for the proxy and logs). */
  kubelet(name: string): SimulatedKubelet | undefined {
    return this.#members.get(name)?.kubelet;
  }

  /** Every kubelet's work queue (to settle the cluster). */
  queues(): Controller[] {
    return [...this.#members.values()].map((m) => m.kubelet.queue);
  }

  /** Registers node number `index` (0 is the control plane): its Node object and its kubelet. */
  register(index: number): NodeSummary {
    const name = nodeNameOf(this.#options.clusterName, index);
    if (this.#members.has(name)) throw new ApiError('AlreadyExists', `node "${name}" already exists`);
    this.#ensureNodeObject(name, index);
    const kubelet = new SimulatedKubelet({
      nodeName: name,
      podCIDR: nodePodCIDR(index),
      internalIP: nodeInternalIP(index),
      client: this.#options.client,
      clock: this.#options.clock,
      timing: this.#options.timing,
      apps: this.#options.apps,
      kubernetesVersion: this.#options.kubernetesVersion,
      podEvents: this.#podEvents,
      ...(this.#options.events ? { events: this.#options.events } : {}),
      ...(this.#options.onError ? { onError: this.#options.onError } : {}),
    });
    const member: Member = { index, controlPlane: index === 0, kubelet, up: true };
    this.#members.set(name, member);
    if (this.#active) kubelet.start();
    return this.#summary(name, member);
  }

  /** Starts every node that is meant to be up (the cluster starts). */
  startAll(): void {
    this.#active = true;
    for (const member of this.#members.values()) if (member.up) member.kubelet.start();
  }

  /** Stops every kubelet (the cluster stops); nodes keep their up/down state. */
  stopAll(): void {
    this.#active = false;
    for (const member of this.#members.values()) member.kubelet.stop();
  }

  add(): NodeSummary {
    let index = 1;
    const used = new Set([...this.#members.values()].map((m) => m.index));
    while (used.has(index)) index++;
    return this.register(index);
  }

  stop(name: string): NodeSummary {
    const member = this.#member(name);
    member.up = false;
    member.kubelet.stop();
    return this.#summary(name, member);
  }

  start(name: string): NodeSummary {
    const member = this.#member(name);
    // A kubelet registers its node when it starts: a Node deleted meanwhile comes back.
    this.#ensureNodeObject(name, member.index);
    member.up = true;
    if (this.#active) member.kubelet.start();
    return this.#summary(name, member);
  }

  delete(name: string): NodeSummary {
    const member = this.#member(name);
    if (member.controlPlane) throw badRequest(`cannot delete the control-plane node "${name}"`);
    const summary = { ...this.#summary(name, member), running: false };
    member.kubelet.stop();
    this.#members.delete(name);
    const client = this.#options.client;
    // minikube drains the node first; the machine is gone for good, so its pods go at once.
    for (const pod of client.list<Pod & KubeObject>(podRef, undefined, (p) => p.spec?.nodeName === name)) {
      ignoreMissing(() => client.delete(podRef, pod.metadata.namespace ?? '', pod.metadata.name ?? '', { gracePeriodSeconds: 0 }));
    }
    ignoreMissing(() => client.delete(leaseRef, nodeLeaseNamespace, name));
    ignoreMissing(() => client.delete(nodeRef, '', name));
    return summary;
  }

  list(): NodeSummary[] {
    return [...this.#members.entries()].sort(([, a], [, b]) => a.index - b.index).map(([name, member]) => this.#summary(name, member));
  }

  #member(name: string): Member {
    const member = this.#members.get(name);
    if (!member) throw notFound(nodesTarget, name);
    return member;
  }

  #summary(name: string, member: Member): NodeSummary {
    return { name, internalIP: nodeInternalIP(member.index), podCIDR: nodePodCIDR(member.index), controlPlane: member.controlPlane, running: member.kubelet.running || (member.up && !this.#active) };
  }

  #ensureNodeObject(name: string, index: number): void {
    const client = this.#options.client;
    if (client.get<Node & KubeObject>(nodeRef, '', name)) return;
    const node = nodeObject(
      { name, index, kubeletVersion: this.#options.kubernetesVersion, controlPlane: index === 0, capacity: this.#options.capacity },
      rfc3339(this.#options.clock.now()),
    );
    client.create(nodeRef, node);
  }
}

function ignoreMissing(fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof ApiError) || error.reason !== 'NotFound') throw error;
  }
}
