import type { ApiContext } from '../api/api-context.js';
import type { ConnectHandler } from '../api/api-handler.js';
import type { ApiRequest, ApiResponse } from '../api/request.js';
import { AppRegistry } from '../apps/app-registry.js';
import { InProcessClient } from '../client/in-process-client.js';
import type { NodeShape } from '../cluster/node-object.js';
import type { EventBroadcaster } from '../controllers/events/event-recorder.js';
import type { Controller } from '../controllers/runtime/index.js';
import { connectHandlers } from '../proxy/index.js';
import { Scheduler } from '../scheduler/scheduler.js';
import { kubeletTiming, type KubeletTiming } from './kubelet-timing.js';
import { nodeAdminHandler } from './node-admin-api.js';
import { NodePool } from './node-pool.js';

/** How the simulated nodes behave. */
export interface SimulationOptions {
  /** Kubelet latencies: `fast` (default, Running in the tick a pod is bound) or `realistic`. */
  timing?: 'fast' | 'realistic';
  /** Individual kubelet timing overrides. */
  kubeletTiming?: Partial<KubeletTiming>;
  /** The simulated applications by image; extend it to simulate your own images. */
  apps?: AppRegistry;
  /** Capacity (and allocatable) of every node. */
  nodeCapacity?: Partial<NodeShape['capacity']>;
}

/** The default size of a simulated node, as a 2-CPU, 4 GB minikube machine. */
export const defaultNodeCapacity: NodeShape['capacity'] = { cpu: '2', memory: '4015852Ki', pods: '110', 'ephemeral-storage': '61202244Ki' };

/** The simulated data plane of a cluster: scheduler, nodes with their kubelets, apps, proxy and logs. */
export interface ClusterSimulation {
  readonly nodes: NodePool;
  readonly scheduler: Scheduler;
  readonly apps: AppRegistry;
  /** The connect subresources (pods/proxy, pods/log, services/proxy, nodes/proxy) for the API handler. */
  readonly connect: Readonly<Record<string, ConnectHandler>>;
  /** The `/minik/v1/nodes` admin API for the API handler. */
  readonly admin: (req: ApiRequest, path: string) => ApiResponse | undefined;
  /** Work queues of the scheduler and every kubelet. */
  queues(): Controller[];
  /** Starts the scheduler and the kubelets of the nodes that are up. */
  start(): void;
  /** Stops everything: no timers or watches remain. */
  stop(): void;
}

/** Builds the simulation on an API context; nodes are registered with `nodes.register(i)`, then `start()`. */
export function createSimulation(
  context: ApiContext,
  options: SimulationOptions & { clusterName: string; kubernetesVersion: string; events?: EventBroadcaster; onError?: (error: unknown) => void },
): ClusterSimulation {
  const client = new InProcessClient(context, { fieldManager: 'kubelet' });
  const apps = options.apps ?? new AppRegistry();
  const nodes = new NodePool({
    client,
    clock: context.clock,
    clusterName: options.clusterName,
    kubernetesVersion: options.kubernetesVersion,
    timing: kubeletTiming(options.timing ?? 'fast', options.kubeletTiming),
    apps,
    capacity: { ...defaultNodeCapacity, ...options.nodeCapacity },
    ...(options.events ? { events: options.events } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  });
  const scheduler = new Scheduler({
    client,
    clock: context.clock,
    instance: options.clusterName,
    ...(options.events ? { events: options.events } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  });
  let running = false;
  return {
    nodes,
    scheduler,
    apps,
    connect: connectHandlers(context, nodes),
    admin: nodeAdminHandler(nodes),
    queues: () => [scheduler.queue, ...nodes.queues()],
    start() {
      if (running) return;
      running = true;
      scheduler.start();
      nodes.startAll();
    },
    stop() {
      if (!running) return;
      running = false;
      scheduler.stop();
      nodes.stopAll();
    },
  };
}
