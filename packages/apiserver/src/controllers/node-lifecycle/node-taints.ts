import type { NodeCondition, Taint } from '@minik/types';
import type { NodeObject } from '../shared/object-types.js';

/** The taints the node lifecycle controller manages. */
export const taintKeys = {
  notReady: 'node.kubernetes.io/not-ready',
  unreachable: 'node.kubernetes.io/unreachable',
  unschedulable: 'node.kubernetes.io/unschedulable',
  memoryPressure: 'node.kubernetes.io/memory-pressure',
  diskPressure: 'node.kubernetes.io/disk-pressure',
  networkUnavailable: 'node.kubernetes.io/network-unavailable',
  pidPressure: 'node.kubernetes.io/pid-pressure',
  outOfService: 'node.kubernetes.io/out-of-service',
} as const;

/** UnreachableTaintTemplate and NotReadyTaintTemplate: the NoExecute taints of an unhealthy node. */
export const unreachableNoExecute: Taint = { key: taintKeys.unreachable, effect: 'NoExecute' };
export const notReadyNoExecute: Taint = { key: taintKeys.notReady, effect: 'NoExecute' };

// nodeConditionToTaintKeyStatusMap: condition type → status → NoSchedule taint key.
const conditionTaints: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Ready: { False: taintKeys.notReady, Unknown: taintKeys.unreachable },
  MemoryPressure: { True: taintKeys.memoryPressure },
  DiskPressure: { True: taintKeys.diskPressure },
  NetworkUnavailable: { True: taintKeys.networkUnavailable },
  PIDPressure: { True: taintKeys.pidPressure },
};
const conditionTaintKeys = new Set(Object.values(conditionTaints).flatMap((m) => Object.values(m)));

/** taintutils.MatchTaint: same key and effect. */
export const sameTaint = (a: Taint, b: Taint): boolean => a.key === b.key && a.effect === b.effect;

/** taintutils.TaintExists. */
export function taintExists(taints: readonly Taint[] | undefined, taint: Taint): boolean {
  return (taints ?? []).some((t) => sameTaint(t, taint));
}

/**
 * doNoScheduleTaintingPass's target: the NoSchedule taints a node's conditions and
 * `spec.unschedulable` call for, and those of its current taints the controller owns.
 */
export function noScheduleTaints(node: Readonly<NodeObject>): { desired: Taint[]; managed: Taint[] } {
  const desired: Taint[] = [];
  for (const condition of node.status?.conditions ?? []) {
    const key = conditionTaints[condition.type]?.[condition.status];
    if (key) desired.push({ key, effect: 'NoSchedule' });
  }
  if (node.spec?.unschedulable) desired.push({ key: taintKeys.unschedulable, effect: 'NoSchedule' });
  const managed = (node.spec?.taints ?? []).filter((t) => t.effect === 'NoSchedule' && (t.key === taintKeys.unschedulable || conditionTaintKeys.has(t.key)));
  return { desired, managed };
}

/**
 * SwapNodeControllerTaint on a node copy: adds (or refreshes) taints stamped `timeAdded: now`,
 * then removes others by key and effect. Returns whether the taints changed.
 */
export function swapTaints(node: NodeObject, add: readonly Taint[], remove: readonly Taint[], now: string): boolean {
  const before = JSON.stringify(node.spec?.taints ?? []);
  let taints = [...(node.spec?.taints ?? [])];
  for (const taint of add) {
    const stamped: Taint = { ...taint, timeAdded: now };
    const index = taints.findIndex((t) => sameTaint(t, taint));
    // AddOrUpdateTaint: an equal taint (value included) stays as it is.
    if (index >= 0) {
      if ((taints[index]!.value ?? '') !== (taint.value ?? '')) taints[index] = stamped;
    } else {
      taints.push(stamped);
    }
  }
  taints = taints.filter((t) => !remove.some((r) => sameTaint(t, r)));
  node.spec = { ...node.spec };
  if (taints.length > 0) node.spec.taints = taints;
  else delete node.spec.taints;
  return JSON.stringify(node.spec.taints ?? []) !== before;
}

/** The node's Ready condition. */
export function readyCondition(node: Readonly<NodeObject>): NodeCondition | undefined {
  return node.status?.conditions?.find((c) => c.type === 'Ready');
}

/** nodetopology.GetZoneKey: region and zone labels; "" for nodes without them (minik's). */
export function zoneKey(node: Readonly<NodeObject>): string {
  const labels = node.metadata.labels ?? {};
  const region = labels['topology.kubernetes.io/region'] ?? labels['failure-domain.beta.kubernetes.io/region'] ?? '';
  const zone = labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'] ?? '';
  return region === '' && zone === '' ? '' : `${region}:\u0000:${zone}`;
}
