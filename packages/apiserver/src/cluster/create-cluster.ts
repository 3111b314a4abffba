import type { KubeObject, ResourceDefinition } from '@minik/types';
import { builtinResources } from '@minik/types';
import { createApiHandler, type ApiHandler } from '../api/api-handler.js';
import type { ApiResponse } from '../api/request.js';
import { faultAdminHandler, FaultInjector } from '../faults/index.js';
import { RequestLog, withRequestLog } from '../request-log/index.js';
import { ManualClock } from '../util/manual-clock.js';
import { seededIds, seededRandom } from '../util/seeded-ids.js';
import { restoreSnapshot, snapshotNodeCount, takeSnapshot, type ClusterSnapshot } from './cluster-snapshot.js';
import { objectsFromSources, type ObjectSource } from './preload-objects.js';
import type { ApiContext } from '../api/api-context.js';
import { createObject } from '../api/object-writes.js';
import { InProcessClient } from '../client/in-process-client.js';
import { EventBroadcaster, settleQueues, startControllers, type ControllerManager, type ControllerManagerOptions } from '../controllers/index.js';
import { createDiscovery, defaultKubernetesVersion, versionInfo } from '../discovery/index.js';
import { createSimulation, defaultNodeCapacity, type ClusterSimulation, type SimulationOptions } from '../kubelet/cluster-simulation.js';
import type { NodeControl } from '../kubelet/node-pool.js';
import { ResourceRegistry } from '../resources/resource-registry.js';
import { createStrategyContext } from '../resources/strategy-context.js';
import { strategyFor } from '../resources/strategy-table.js';
import { ApiError } from '../errors/index.js';
import { MemoryStore, type Store } from '../store/index.js';
import { ConvertingStore } from '../store/converting-store.js';
import { eventsV1EventAlias } from '../conversions/event-conversion.js';
import { systemClock, type Clock } from '../util/clock.js';
import { randomIds, type IdSource } from '../util/ids.js';
import { rfc3339 } from '../util/time.js';
import { defaultServiceAccount, kubernetesEndpoints, kubernetesEndpointSlice, kubernetesService, rootCAConfigMap, simulatedCAPem, systemNamespaces } from './bootstrap-objects.js';
import { nodeName } from './node-names.js';
import { controlPlaneComponents, controlPlaneMirrorPod, coreDnsDeployment, coreDnsServiceAccount, kubeDnsService } from './system-workloads.js';
import { nodeInternalIP, nodeObject, nodePodCIDR } from './node-object.js';
import { cloneJson } from '../util/clone-json.js';

/** Options of a cluster, with or without a socket. */
export interface CreateClusterOptions {
  /** Number of simulated nodes; default 1. */
  nodes?: number;
  /** What /version reports and kubelets claim, e.g. 'v1.33.1'. */
  kubernetesVersion?: string;
  /** The cluster's (and first node's) name; default 'minik'. */
  name?: string;
  /** The cluster's time: a Clock, or `'manual'` for a ManualClock that moves only on `clock.advance('5m')`. Default: real time. */
  clock?: Clock | 'manual';
  /** Seeds generated names (generateName suffixes, pod names), UIDs and allocations, so runs repeat exactly. */
  seed?: number | string;
  /** Where UIDs and name suffixes come from (overrides `seed`). */
  ids?: IdSource;
  /**
   * `'fast'` (default): pods run at once and a stopped node's pods move within seconds, so a learner
   * sees self-healing; `'realistic'`: upstream's timings (40–50 s node grace, 300 s tolerations).
   */
  speed?: 'fast' | 'realistic';
  /** Objects to create before the cluster starts: objects, YAML/JSON text (multi-document) or `{ file }`. */
  objects?: readonly ObjectSource[];
  /** Run minikube's kube-system stand-ins (CoreDNS, static control-plane pods); default true when simulated. */
  systemWorkloads?: boolean;
  /** A `cluster.snapshot()` image to start from. */
  snapshot?: ClusterSnapshot;
  /** Retained watch history, in events. */
  watchHistorySize?: number;
  /** Where clients reach the API server (for discovery's serverAddressByClientCIDRs). */
  serverAddress?: () => string;
  /** Options of the simulated kube-controller-manager; `false` runs the API server alone. */
  controllers?: ControllerManagerOptions | false;
  /** Options of the simulated nodes (kubelets, scheduler, apps, timing); `false` keeps nodes as static objects. */
  simulation?: SimulationOptions | false;
}

/** A cluster without a socket: the store, the registry and the request handler adapters call. */
export interface ClusterCore {
  readonly name: string;
  readonly kubernetesVersion: string;
  readonly store: Store;
  readonly registry: ResourceRegistry;
  readonly context: ApiContext;
  readonly handle: ApiHandler;
  readonly nodeNames: readonly string[];
  /** The running controllers, unless disabled. */
  readonly controllers: ControllerManager | undefined;
  /** The simulated scheduler, kubelets and apps, unless disabled. */
  readonly simulation: ClusterSimulation | undefined;
  /** The node lifecycle, like `minikube node add|stop|start|delete|list`. */
  readonly nodes: NodeControl;
  /** The cluster's clock (a ManualClock when started with `clock: 'manual'`). */
  readonly clock: Clock;
  /** Injected faults: error answers, delays, broken watches. */
  readonly faults: FaultInjector;
  /** Every request served, with its Kubernetes verb and target. */
  readonly requests: RequestLog;
  /** The API in-process (same verbs, defaults and validation as HTTP clients). */
  readonly client: InProcessClient;
  /** A JSON image of every object, for `startCluster({ snapshot })`. */
  snapshot(): ClusterSnapshot;
  /** Resolves when every controller's work queue is idle. */
  settle(): Promise<void>;
  /** Stops the controllers (watches, timers); the store stays readable. */
  stop(): void;
}

/** Builds a cluster in memory and writes the objects of a fresh cluster through the normal create path. */
export function createClusterCore(options: CreateClusterOptions = {}): ClusterCore {
  const name = options.name ?? 'minik';
  const kubernetesVersion = options.kubernetesVersion ?? defaultKubernetesVersion;
  const version = versionInfo(kubernetesVersion);
  const clock: Clock = options.clock === 'manual' ? new ManualClock() : (options.clock ?? systemClock);
  const seeded = options.seed === undefined ? undefined : seededIds(options.seed);
  const realistic = options.speed === 'realistic';
  const storage = new MemoryStore({ historySize: options.watchHistorySize });
  // events.k8s.io/v1 Events are core/v1 Events read through a conversion: one storage, as upstream.
  const store: Store = new ConvertingStore(storage, [eventsV1EventAlias]);
  const registry = new ResourceRegistry(builtinResources);
  const context: ApiContext = {
    store,
    registry,
    strategyFor: (def: ResourceDefinition) => strategyFor(def.group, def.kind),
    strategyContext: createStrategyContext(clock, options.seed === undefined ? undefined : seededRandom(options.seed, 1)),
    clock,
    ids: options.ids ?? seeded ?? randomIds,
  };
  const discovery = createDiscovery(registry.definitions, { serverAddress: options.serverAddress ?? (() => '127.0.0.1:6443') });
  const client = new InProcessClient(context, { fieldManager: 'kube-controller-manager' });
  // One event sink for controllers, scheduler and kubelets, as a cluster's components share the API.
  const events = (options.controllers !== false && options.controllers?.events) || new EventBroadcaster(client, clock);
  const simulation =
    options.simulation === false
      ? undefined
      : createSimulation(context, { ...(realistic ? { timing: 'realistic' as const } : {}), ...options.simulation, clusterName: name, kubernetesVersion, events });
  const faults = new FaultInjector(clock);
  const requests = new RequestLog();
  const admins = [faultAdminHandler(faults), ...(simulation ? [simulation.admin] : [])];
  const coreHandle = createApiHandler(context, {
    discovery,
    version,
    onInternalError: (error) => process.emitWarning(`minik: internal error: ${(error as Error)?.stack ?? String(error)}`),
    ...(simulation ? { connect: simulation.connect } : {}),
    admin: (req, path) => admins.reduce<ApiResponse | undefined>((found, admin) => found ?? admin(req, path), undefined),
  });
  // The request log sees what the client saw, injected faults included.
  const handle = withRequestLog(faults.wrap(coreHandle), requests, clock);

  const create = (obj: KubeObject): void => {
    const def = registry.byKind(obj.apiVersion ?? 'v1', obj.kind ?? '')!;
    createObject(context, def, obj, obj.metadata.namespace, { dryRun: false, fieldManager: 'kube-apiserver', fieldValidation: 'Strict' });
  };
  for (const ns of systemNamespaces) create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  const nodeNames: string[] = [];
  const now = rfc3339(clock.now());
  const nodeCount = options.nodes ?? (options.snapshot ? Math.max(1, snapshotNodeCount(options.snapshot)) : 1);
  for (let i = 0; i < nodeCount; i++) {
    const node = nodeName(name, i);
    nodeNames.push(node);
    // Each simulated node registers its Node object with its kubelet.
    if (simulation) simulation.nodes.register(i);
    else create(nodeObject({ name: node, index: i, kubeletVersion: kubernetesVersion, controlPlane: i === 0, capacity: defaultNodeCapacity }, now));
  }
  create(kubernetesService());
  create(kubernetesEndpoints(nodeInternalIP(0)));
  create(kubernetesEndpointSlice(nodeInternalIP(0)));
  // What a fresh minikube shows in kube-system, as simulated stand-ins (they need kubelets and controllers).
  if (options.systemWorkloads !== false && simulation && options.controllers !== false) {
    const firstNode = store.get({ group: '', plural: 'nodes' }, '', nodeNames[0]!)?.object.metadata;
    create(kubeDnsService());
    create(coreDnsServiceAccount());
    create(coreDnsDeployment());
    if (firstNode?.uid) {
      for (const component of controlPlaneComponents) create(controlPlaneMirrorPod(component, { name: firstNode.name!, uid: firstNode.uid }, kubernetesVersion));
    }
  }
  if (options.snapshot) restoreSnapshot(store, registry, options.snapshot);
  for (const obj of objectsFromSources(options.objects ?? [])) {
    const def = registry.byKind(obj.apiVersion!, obj.kind!);
    if (!def) throw new Error(`minik: cannot preload ${obj.apiVersion} ${obj.kind}: not served`);
    createObject(context, def, cloneJson(obj), obj.metadata.namespace ?? (def.namespaced ? 'default' : undefined), {
      dryRun: false,
      fieldManager: 'minik',
      fieldValidation: 'Strict',
    });
  }
  // The service account and root CA controllers fill every namespace; without them, do it here.
  const controllers =
    options.controllers === false
      ? undefined
      : startControllers(client, clock, { kubernetesVersion, events, ...(realistic ? { realisticTiming: true } : {}), ...options.controllers });
  simulation?.start();
  // The system namespaces' ServiceAccount and root CA exist from the first request on (the
  // controllers keep every later namespace filled), so a fresh cluster is complete at once.
  for (const ns of systemNamespaces) {
    if (!store.get({ group: '', plural: 'serviceaccounts' }, ns, 'default')) create(defaultServiceAccount(ns));
    if (!store.get({ group: '', plural: 'configmaps' }, ns, 'kube-root-ca.crt')) create(rootCAConfigMap(ns, simulatedCAPem));
  }
  return {
    name,
    kubernetesVersion,
    store,
    registry,
    context,
    handle,
    nodeNames,
    controllers,
    simulation,
    nodes: simulation?.nodes ?? staticNodes(nodeNames),
    clock,
    faults,
    requests,
    client,
    // The raw storage, so objects shown by two APIs (events) are written down once.
    snapshot: () => takeSnapshot(storage, registry, kubernetesVersion),
    settle: () => settleQueues(() => [...(controllers?.queues() ?? []), ...(simulation?.queues() ?? [])]),
    stop: () => {
      simulation?.stop();
      controllers?.stop();
    },
  };
}


/** The node control of a cluster without simulation: it lists its nodes and changes nothing. */
function staticNodes(names: readonly string[]): NodeControl {
  const refuse = (): never => {
    throw new ApiError('MethodNotAllowed', 'the node simulation of this cluster is disabled');
  };
  return {
    list: () => names.map((name, i) => ({ name, internalIP: nodeInternalIP(i), podCIDR: nodePodCIDR(i), controlPlane: i === 0, running: false })),
    add: refuse,
    stop: refuse,
    start: refuse,
    delete: refuse,
  };
}
