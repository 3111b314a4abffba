import type { NodeCondition } from '@minik/types';
import { deepEqual } from '../../util/deep-equal.js';
import type { NodeObject } from '../shared/object-types.js';
import { readyCondition } from './node-taints.js';
import { cloneJson } from '../../util/clone-json.js';

/** What the controller remembers of a node between passes (nodeHealthData). */
export interface NodeHealth {
  /** The Ready condition as last seen. */
  ready: NodeCondition | undefined;
  /** When a heartbeat (status or lease) was last observed, on the controller's clock. */
  probeTimestamp: number;
  readyTransitionTimestamp: number;
  /** The lease renewTime last seen, in ms. */
  leaseRenewTime?: number;
}

/** The outcome of one health check: the Ready condition before and after, and the node to write if it changed. */
export interface NodeHealthCheck {
  observed: NodeCondition;
  current: NodeCondition | undefined;
  /** The node with conditions set to Unknown, when they must be written. */
  update?: NodeObject;
}

const monitoredConditions = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

/**
 * tryUpdateNodeHealth: a node is healthy while its Ready heartbeat or its Lease moves; observation
 * times are the controller's own. After the grace period without either, Ready, MemoryPressure,
 * DiskPressure and PIDPressure become Unknown ("Kubelet stopped posting node status.").
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/controller/nodelifecycle/node_lifecycle_controller.go
 */
export function checkNodeHealth(
  node: Readonly<NodeObject>,
  saved: NodeHealth | undefined,
  leaseRenewTime: number | undefined,
  now: number,
  nowString: string,
  grace: { monitorMs: number; startupMs: number },
): { health: NodeHealth; check: NodeHealthCheck } {
  const created = Date.parse(node.metadata.creationTimestamp ?? '') || now;
  const current = readyCondition(node);
  let health = saved;
  let observed: NodeCondition;
  let graceMs: number;
  if (!current) {
    // Never posted: a fake Unknown condition dated at creation, with the startup grace period.
    observed = { type: 'Ready', status: 'Unknown', lastHeartbeatTime: node.metadata.creationTimestamp, lastTransitionTime: node.metadata.creationTimestamp };
    graceMs = grace.startupMs;
    health = health ? { ...health, ready: undefined } : { ready: undefined, probeTimestamp: created, readyTransitionTimestamp: created };
  } else {
    observed = { ...current };
    graceMs = grace.monitorMs;
  }
  const savedReady = saved?.ready;
  if (!health) {
    health = { ready: current, probeTimestamp: now, readyTransitionTimestamp: now };
  } else if (!savedReady && current) {
    health = { ready: current, probeTimestamp: now, readyTransitionTimestamp: now, leaseRenewTime: health.leaseRenewTime };
  } else if (savedReady && !current) {
    health = { ready: undefined, probeTimestamp: now, readyTransitionTimestamp: now, leaseRenewTime: health.leaseRenewTime };
  } else if (savedReady && current && savedReady.lastHeartbeatTime !== current.lastHeartbeatTime) {
    const transition = savedReady.lastTransitionTime !== current.lastTransitionTime ? now : health.readyTransitionTimestamp;
    health = { ready: current, probeTimestamp: now, readyTransitionTimestamp: transition, leaseRenewTime: health.leaseRenewTime };
  }
  // A renewed Lease always counts as a heartbeat.
  if (leaseRenewTime !== undefined && (health.leaseRenewTime === undefined || health.leaseRenewTime < leaseRenewTime)) {
    health = { ...health, leaseRenewTime, probeTimestamp: now };
  }
  if (now <= health.probeTimestamp + graceMs) return { health, check: { observed, current } };

  const next = cloneJson(node) as NodeObject;
  const status = (next.status ??= {});
  const conditions = (status.conditions ??= []);
  for (const type of monitoredConditions) {
    const condition = conditions.find((c) => c.type === type);
    if (!condition) {
      conditions.push({
        type,
        status: 'Unknown',
        reason: 'NodeStatusNeverUpdated',
        message: 'Kubelet never posted node status.',
        lastHeartbeatTime: node.metadata.creationTimestamp,
        lastTransitionTime: nowString,
      });
    } else if (condition.status !== 'Unknown') {
      condition.status = 'Unknown';
      condition.reason = 'NodeStatusUnknown';
      condition.message = 'Kubelet stopped posting node status.';
      condition.lastTransitionTime = nowString;
    }
  }
  const updated = readyCondition(next);
  if (deepEqual(updated, observed)) return { health, check: { observed, current: updated } };
  return {
    health: { ready: updated, probeTimestamp: health.probeTimestamp, readyTransitionTimestamp: now, leaseRenewTime: health.leaseRenewTime },
    check: { observed, current: updated, update: next },
  };
}

/** The zone states of upstream's disruption handling. */
export type ZoneState = 'Initial' | 'Normal' | 'PartialDisruption' | 'FullDisruption';

/**
 * ComputeZoneState: fully disrupted when no node is ready, partially when more than two and at
 * least 55 % are not (--unhealthy-zone-threshold), normal otherwise.
 */
export function computeZoneState(readyConditions: readonly (NodeCondition | undefined)[]): ZoneState {
  let ready = 0;
  let notReady = 0;
  for (const c of readyConditions) {
    if (c?.status === 'True') ready++;
    else notReady++;
  }
  if (ready === 0 && notReady > 0) return 'FullDisruption';
  if (notReady > 2 && notReady / (notReady + ready) >= 0.55) return 'PartialDisruption';
  return 'Normal';
}
