import type { KindRef } from '../../client/in-process-client.js';

/** The kinds the controllers read and write, as the in-process client names them. */
export const kinds = {
  pod: { apiVersion: 'v1', kind: 'Pod' },
  node: { apiVersion: 'v1', kind: 'Node' },
  namespace: { apiVersion: 'v1', kind: 'Namespace' },
  service: { apiVersion: 'v1', kind: 'Service' },
  endpoints: { apiVersion: 'v1', kind: 'Endpoints' },
  configMap: { apiVersion: 'v1', kind: 'ConfigMap' },
  serviceAccount: { apiVersion: 'v1', kind: 'ServiceAccount' },
  event: { apiVersion: 'v1', kind: 'Event' },
  replicaSet: { apiVersion: 'apps/v1', kind: 'ReplicaSet' },
  deployment: { apiVersion: 'apps/v1', kind: 'Deployment' },
  endpointSlice: { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice' },
  lease: { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease' },
} as const satisfies Record<string, KindRef>;
