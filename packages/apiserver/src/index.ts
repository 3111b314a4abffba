/**
 * `@minik/apiserver`: a fake Kubernetes API server and simulated cluster that the real kubectl and
 * client libraries accept unchanged. Start one with `startCluster()` (HTTP on 127.0.0.1) or build
 * one without a socket with `createCluster()` for the msw adapter (`@minik/apiserver/msw`).
 */

// Clusters
export { startCluster } from './cluster/start-cluster.js';
export type { Cluster, ClusterOptions } from './cluster/start-cluster.js';
export { createClusterCore, createClusterCore as createCluster } from './cluster/create-cluster.js';
export type { ClusterCore, CreateClusterOptions } from './cluster/create-cluster.js';
export type { ClusterSnapshot } from './cluster/cluster-snapshot.js';
export type { ObjectSource } from './cluster/preload-objects.js';
export { kubeconfigFor } from './cluster/kubeconfig.js';
export { applyServerHeapPolicy, serverHeapPolicyFlag } from './cluster/server-heap-policy.js';

// Testing handles: faults, the request log, time and identity
export { FaultInjector, faultAdminPath } from './faults/index.js';
export type { Fault, FaultSpec } from './faults/index.js';
export { RequestLog } from './request-log/index.js';
export type { RequestRecord } from './request-log/index.js';
export { ManualClock } from './util/manual-clock.js';
export { systemClock } from './util/clock.js';
export type { Clock, TimerHandle } from './util/clock.js';
export { parseDuration } from './util/duration.js';
export { seededIds } from './util/seeded-ids.js';
export { randomIds } from './util/ids.js';
export type { IdSource } from './util/ids.js';

// The simulation: apps by image, nodes, timing
export { AppRegistry, builtinApps, textResponse } from './apps/index.js';
export type { AppProcess, AppRequest, AppResponse, AppStartContext, SigtermBehaviour, SimulatedApp } from './apps/index.js';
export type { ClusterSimulation, SimulationOptions } from './kubelet/cluster-simulation.js';
export type { NodeControl, NodeSummary } from './kubelet/node-pool.js';
export { kubeletTiming } from './kubelet/kubelet-timing.js';
export type { KubeletTiming } from './kubelet/kubelet-timing.js';
export type { ControllerManagerOptions, ControllerTiming } from './controllers/index.js';

// In-process access and the pieces underneath
export { InProcessClient } from './client/in-process-client.js';
export type { InProcessClientOptions, KindRef } from './client/in-process-client.js';
export * from './errors/index.js';
export { MemoryStore } from './store/index.js';
export type { Store, StoredObject, StoreEvent, ResourceRef } from './store/index.js';
export type { ResourceStrategy, StrategyContext } from './resources/resource-strategy.js';
export { defaultKubernetesVersion } from './discovery/index.js';
export type { ApiRequest, ApiResponse } from './api/request.js';
export type { ApiHandler } from './api/api-handler.js';
