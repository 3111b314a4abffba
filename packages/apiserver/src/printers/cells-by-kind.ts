import type {
  ConfigMap,
  Deployment,
  EndpointSlice,
  Endpoints,
  Event,
  KubeObject,
  Lease,
  Namespace,
  Node,
  Pod,
  ReplicaSet,
  ReplicationController,
  Secret,
  Service,
  ServiceAccount,
  TableRow,
} from '@minik/types';
import { configMapCells } from './config-map-cells.js';
import { cronJobCells } from './cron-job-cells.js';
import { daemonSetCells } from './daemon-set-cells.js';
import { deploymentCells } from './deployment-cells.js';
import { endpointSliceCells } from './endpoint-slice-cells.js';
import { endpointsCells } from './endpoints-cells.js';
import { eventCells } from './event-cells.js';
import { jobCells } from './job-cells.js';
import { leaseCells } from './lease-cells.js';
import { roleBindingCells } from './role-binding-cells.js';
import { namespaceCells } from './namespace-cells.js';
import { nodeCells } from './node-cells.js';
import { podCells, podRowConditions } from './pod-cells.js';
import { replicaSetCells } from './replica-set-cells.js';
import { replicationControllerCells } from './replication-controller-cells.js';
import { secretCells } from './secret-cells.js';
import { serviceAccountCells } from './service-account-cells.js';
import { serviceCells } from './service-cells.js';
import { statefulSetCells } from './stateful-set-cells.js';
import type { CronJob, DaemonSet, Job, StatefulSet } from './workload-types.js';

/** All cells of one row, wide columns included, in the order of the kind's printer columns. */
export type CellFunction = (obj: KubeObject, now: number) => unknown[];

/** Row conditions of one row (only finished pods have any upstream). */
export type RowConditionsFunction = (obj: KubeObject) => TableRow['conditions'];

// Stored objects are validated as their kind; the cell functions read every field defensively.
function typed<T>(fn: (obj: T, now: number) => unknown[]): CellFunction {
  return (obj, now) => fn(obj as unknown as T, now);
}

/** Cell functions by kind, the kinds that have a printer of their own upstream. */
const cellFunctions: ReadonlyMap<string, CellFunction> = new Map([
  ['Pod', typed<Pod>(podCells)],
  ['Node', typed<Node>(nodeCells)],
  ['Namespace', typed<Namespace>(namespaceCells)],
  ['Service', typed<Service>(serviceCells)],
  ['Endpoints', typed<Endpoints>(endpointsCells)],
  ['ConfigMap', typed<ConfigMap>(configMapCells)],
  ['Secret', typed<Secret>(secretCells)],
  ['ServiceAccount', typed<ServiceAccount>(serviceAccountCells)],
  ['Event', typed<Event>(eventCells)],
  ['Deployment', typed<Deployment>(deploymentCells)],
  ['ReplicaSet', typed<ReplicaSet>(replicaSetCells)],
  ['Lease', typed<Lease>(leaseCells)],
  ['EndpointSlice', typed<EndpointSlice>(endpointSliceCells)],
  ['ReplicationController', typed<ReplicationController>(replicationControllerCells)],
  ['StatefulSet', typed<StatefulSet>(statefulSetCells)],
  ['DaemonSet', typed<DaemonSet>(daemonSetCells)],
  ['Job', typed<Job>(jobCells)],
  ['CronJob', typed<CronJob>(cronJobCells)],
  ['RoleBinding', roleBindingCells],
  ['ClusterRoleBinding', roleBindingCells],
]);

const rowConditionFunctions: ReadonlyMap<string, RowConditionsFunction> = new Map([
  ['Pod', (obj: KubeObject) => podRowConditions(obj as unknown as Pod)],
]);

/** The kind's cell function; undefined for kinds printed with the default NAME/CREATED AT cells. */
export function cellFunctionFor(kind: string): CellFunction | undefined {
  return cellFunctions.get(kind);
}

/** The kind's row-conditions function, if it has one. */
export function rowConditionsFunctionFor(kind: string): RowConditionsFunction | undefined {
  return rowConditionFunctions.get(kind);
}
