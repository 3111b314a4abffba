import { allocatorContext, createServiceAllocators, type AllocatorOptions, type ClusterIPAllocator, type NodePortAllocator } from './allocators.js';
import type { ResourceStrategy, StrategyContext } from './resource-strategy.js';
import { configMapStrategy } from './strategies/config-map-strategy.js';
import { cronJobStrategy } from './strategies/cron-job-strategy.js';
import { daemonSetStrategy } from './strategies/daemon-set-strategy.js';
import { deploymentStrategy } from './strategies/deployment-strategy.js';
import { endpointSliceStrategy } from './strategies/endpoint-slice-strategy.js';
import { endpointsStrategy } from './strategies/endpoints-strategy.js';
import { coreEventStrategy, eventsV1EventStrategy } from './strategies/event-strategy.js';
import { jobStrategy } from './strategies/job-strategy.js';
import { leaseStrategy } from './strategies/lease-strategy.js';
import { rbacClusterRoleBindingStrategy, rbacClusterRoleStrategy, rbacRoleBindingStrategy, rbacRoleStrategy } from './strategies/rbac-strategy.js';
import { nameIsDNSSubdomain } from './strategies/name-validation.js';
import { namespaceStrategy } from './strategies/namespace-strategy.js';
import { nodeStrategy } from './strategies/node-strategy.js';
import { podStrategy } from './strategies/pod-strategy.js';
import { replicaSetStrategy } from './strategies/replica-set-strategy.js';
import { replicationControllerStrategy } from './strategies/replication-controller-strategy.js';
import { secretStrategy } from './strategies/secret-strategy.js';
import { createServiceStrategy } from './strategies/service-strategy.js';
import { nameOnlyStrategy } from './strategies/simple-name-strategy.js';
import { statefulSetStrategy } from './strategies/stateful-set-strategy.js';

/** Per-kind strategies bound to one cluster's allocators. */
export interface StrategyTable {
  /** The strategy of a kind (`''` for the core group); an empty strategy for unknown kinds. */
  strategyFor(group: string, kind: string): ResourceStrategy;
  /** A StrategyContext whose allocations come from this table's allocators. */
  context(now?: () => string): StrategyContext;
  readonly clusterIPs: ClusterIPAllocator;
  readonly nodePorts: NodePortAllocator;
}

export interface StrategyTableOptions extends AllocatorOptions {
  clusterIPs?: ClusterIPAllocator;
  nodePorts?: NodePortAllocator;
}

const emptyStrategy: ResourceStrategy = Object.freeze({});

/**
 * A strategy table with its own allocators. The strategies themselves hold no cluster state:
 * Services allocate from the allocators of the request's StrategyContext, so build that context
 * with `table.context()` (or allocatorContext) to use this table's pools.
 */
export function createStrategyTable(options: StrategyTableOptions = {}): StrategyTable {
  const fresh = createServiceAllocators(options);
  const clusterIPs = options.clusterIPs ?? fresh.clusterIPs;
  const nodePorts = options.nodePorts ?? fresh.nodePorts;
  const byKind = new Map<string, ResourceStrategy>([
    ['/Pod', podStrategy],
    ['/Service', createServiceStrategy()],
    ['/Namespace', namespaceStrategy],
    ['/Node', nodeStrategy],
    ['/ConfigMap', configMapStrategy],
    ['/Secret', secretStrategy],
    ['/ServiceAccount', nameOnlyStrategy(nameIsDNSSubdomain)],
    ['/Endpoints', endpointsStrategy],
    ['/Event', coreEventStrategy],
    ['/ReplicationController', replicationControllerStrategy],
    ['apps/Deployment', deploymentStrategy],
    ['apps/ReplicaSet', replicaSetStrategy],
    ['apps/DaemonSet', daemonSetStrategy],
    ['apps/StatefulSet', statefulSetStrategy],
    ['batch/Job', jobStrategy],
    ['batch/CronJob', cronJobStrategy],
    ['discovery.k8s.io/EndpointSlice', endpointSliceStrategy],
    ['coordination.k8s.io/Lease', leaseStrategy],
    ['events.k8s.io/Event', eventsV1EventStrategy],
    ['rbac.authorization.k8s.io/Role', rbacRoleStrategy],
    ['rbac.authorization.k8s.io/ClusterRole', rbacClusterRoleStrategy],
    ['rbac.authorization.k8s.io/RoleBinding', rbacRoleBindingStrategy],
    ['rbac.authorization.k8s.io/ClusterRoleBinding', rbacClusterRoleBindingStrategy],
  ]);
  return {
    clusterIPs,
    nodePorts,
    strategyFor: (group, kind) => byKind.get(`${group}/${kind}`) ?? emptyStrategy,
    context: (now) => allocatorContext({ clusterIPs, nodePorts }, now),
  };
}

/**
 * The process-wide table behind {@link strategyFor}. Safe for several clusters in one process:
 * each cluster's StrategyContext carries (or is given) its own allocators.
 */
export const defaultStrategyTable: StrategyTable = createStrategyTable();

/** The strategy of a kind from the default table; an empty strategy for unknown kinds. */
export function strategyFor(group: string, kind: string): ResourceStrategy {
  return defaultStrategyTable.strategyFor(group, kind);
}
