import type { KubeObject } from '@minik/types';
import { deepEqual } from '../../util/deep-equal.js';
import type { NodeObject } from '../shared/object-types.js';

type Condition = NonNullable<NonNullable<NodeObject['status']>['conditions']>[number];

const conditionStates = (conditions: readonly Condition[] | undefined): string =>
  (conditions ?? [])
    .map((c) => `${c.type}=${c.status}`)
    .sort()
    .join(',');

/** The node without what a heartbeat changes: resourceVersion, managedFields and the conditions. */
function withoutHeartbeat(node: Readonly<NodeObject>): unknown {
  const { resourceVersion: _rv, managedFields: _mf, ...metadata } = node.metadata;
  return { ...node, metadata, status: { ...node.status, conditions: undefined } };
}

/**
 * shouldIgnoreNodeUpdate of the DaemonSet controller: an update that only renews the node's
 * heartbeat (the same condition types with the same statuses, nothing else changed) cannot change
 * where daemon pods belong, so it does not send every DaemonSet back through its nodes.
 */
export function isHeartbeatOnly(previous: Readonly<KubeObject>, current: Readonly<KubeObject>): boolean {
  const before = previous as Readonly<NodeObject>;
  const after = current as Readonly<NodeObject>;
  if (conditionStates(before.status?.conditions) !== conditionStates(after.status?.conditions)) return false;
  return deepEqual(withoutHeartbeat(before), withoutHeartbeat(after));
}
