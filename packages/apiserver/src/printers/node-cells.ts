import type { Node } from '@minik/types';
import { ageOf } from './human-duration.js';

// Role labels upstream reads (printers.go labelNodeRolePrefix and nodeLabelRole).
const nodeRolePrefix = 'node-role.kubernetes.io/';
const nodeRoleLabel = 'kubernetes.io/role';

/** `Ready`/`NotReady` from the Ready condition, `Unknown` without one, plus `SchedulingDisabled` when cordoned. */
function nodeStatus(node: Node): string {
  // Upstream indexes conditions by type, so the last Ready condition wins.
  const ready = (node.status?.conditions ?? []).findLast((c) => c.type === 'Ready');
  const status = [ready === undefined ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady'];
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

/** Sorted, de-duplicated roles from `node-role.kubernetes.io/<role>` keys and the `kubernetes.io/role` value. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata?.labels ?? {})) {
    if (key.startsWith(nodeRolePrefix)) {
      const role = key.slice(nodeRolePrefix.length);
      if (role.length > 0) roles.add(role);
    } else if (key === nodeRoleLabel && value !== '') {
      roles.add(value);
    }
  }
  return [...roles].sort();
}

function firstAddress(node: Node, type: string): string {
  return node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';
}

function orUnknown(value: string | undefined): string {
  return value === undefined || value === '' ? '<unknown>' : value;
}

/** All cells of a node row: Name, Status, Roles, Age, Version, Internal-IP, External-IP, OS-Image, Kernel-Version, Container-Runtime. */
export function nodeCells(node: Node, now: number): unknown[] {
  const roles = nodeRoles(node).join(',');
  const info = node.status?.nodeInfo;
  return [
    node.metadata?.name ?? '',
    nodeStatus(node),
    roles === '' ? '<none>' : roles,
    ageOf(node.metadata?.creationTimestamp, now),
    info?.kubeletVersion ?? '',
    firstAddress(node, 'InternalIP'),
    firstAddress(node, 'ExternalIP'),
    orUnknown(info?.osImage),
    orUnknown(info?.kernelVersion),
    orUnknown(info?.containerRuntimeVersion),
  ];
}
