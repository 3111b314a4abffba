import type { KubeObject, ResourceDefinition } from '@minik/types';
import { builtinResources } from '@minik/types';
import { createApiHandler, type ApiHandler } from '../api/api-handler.js';
import type { ApiContext } from '../api/api-context.js';
import { createObject } from '../api/object-writes.js';
import { createDiscovery, defaultKubernetesVersion, versionInfo } from '../discovery/index.js';
import { ResourceRegistry } from '../resources/resource-registry.js';
import { createStrategyContext } from '../resources/strategy-context.js';
import { strategyFor } from '../resources/strategy-table.js';
import { MemoryStore, type Store } from '../store/index.js';
import { systemClock, type Clock } from '../util/clock.js';
import { randomIds, type IdSource } from '../util/ids.js';
import { rfc3339 } from '../util/time.js';
import { defaultServiceAccount, kubernetesEndpoints, kubernetesService, rootCAConfigMap, simulatedCAPem, systemNamespaces } from './bootstrap-objects.js';
import { nodeName } from './node-names.js';
import { nodeInternalIP, nodeObject } from './node-object.js';

/** Options of a cluster, with or without a socket. */
export interface CreateClusterOptions {
  /** Number of simulated nodes; default 1. */
  nodes?: number;
  /** What /version reports and kubelets claim, e.g. 'v1.33.1'. */
  kubernetesVersion?: string;
  /** The cluster's (and first node's) name; default 'minik'. */
  name?: string;
  clock?: Clock;
  ids?: IdSource;
  /** Retained watch history, in events. */
  watchHistorySize?: number;
  /** Where clients reach the API server (for discovery's serverAddressByClientCIDRs). */
  serverAddress?: () => string;
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
}

const nodeCapacity = { cpu: '2', memory: '4015852Ki', pods: '110', 'ephemeral-storage': '61202244Ki' };

/** Builds a cluster in memory and writes the objects of a fresh cluster through the normal create path. */
export function createClusterCore(options: CreateClusterOptions = {}): ClusterCore {
  const name = options.name ?? 'minik';
  const kubernetesVersion = options.kubernetesVersion ?? defaultKubernetesVersion;
  const version = versionInfo(kubernetesVersion);
  const clock = options.clock ?? systemClock;
  const store = new MemoryStore({ historySize: options.watchHistorySize });
  const registry = new ResourceRegistry(builtinResources);
  const context: ApiContext = {
    store,
    registry,
    strategyFor: (def: ResourceDefinition) => strategyFor(def.group, def.kind),
    strategyContext: createStrategyContext(clock),
    clock,
    ids: options.ids ?? randomIds,
  };
  const discovery = createDiscovery(registry.definitions, { serverAddress: options.serverAddress ?? (() => '127.0.0.1:6443') });
  const handle = createApiHandler(context, {
    discovery,
    version,
    onInternalError: (error) => process.emitWarning(`minik: internal error: ${(error as Error)?.stack ?? String(error)}`),
  });

  const create = (obj: KubeObject): void => {
    const def = registry.byKind(obj.apiVersion ?? 'v1', obj.kind ?? '')!;
    createObject(context, def, obj, obj.metadata.namespace, { dryRun: false, fieldManager: undefined, fieldValidation: 'Strict' });
  };
  for (const ns of systemNamespaces) create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  const nodeNames: string[] = [];
  const now = rfc3339(clock.now());
  for (let i = 0; i < (options.nodes ?? 1); i++) {
    const node = nodeName(name, i);
    nodeNames.push(node);
    create(nodeObject({ name: node, index: i, kubeletVersion: kubernetesVersion, controlPlane: i === 0, capacity: nodeCapacity }, now));
  }
  create(kubernetesService());
  create(kubernetesEndpoints(nodeInternalIP(0)));
  for (const ns of systemNamespaces) {
    create(defaultServiceAccount(ns));
    create(rootCAConfigMap(ns, simulatedCAPem));
  }
  return { name, kubernetesVersion, store, registry, context, handle, nodeNames };
}

