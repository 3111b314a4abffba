import type { Container, ContainerStatus, Pod, PodCondition, TableRow } from '@minik/types';
import { ageOf, humanDuration, parseTimestamp } from './human-duration.js';

/*
 * Pod cells as upstream's printPod computes them (pkg/printers/internalversion/printers.go).
 * The order of the checks below matters and is upstream's; see section 5.1 of the protocol
 * reference for the rules in prose.
 */

// pkg/util/node.NodeUnreachablePodReason: set by the node lifecycle controller on pods of a lost node.
const nodeUnreachablePodReason = 'NodeLost';
const schedulingGatedReason = 'SchedulingGated';

/** A sidecar: an init container with `restartPolicy: Always` (podutil.IsRestartableInitContainer). */
function isRestartableInitContainer(container: Container | undefined): boolean {
  return container?.restartPolicy === 'Always';
}

function isConditionTrue(conditions: readonly PodCondition[], type: string): boolean {
  // Upstream stops at the first condition of the type.
  const condition = conditions.find((c) => c.type === type);
  return condition?.status === 'True';
}

/** When the container last terminated (ms since the epoch), -Infinity standing for Go's zero time. */
function lastTerminationOf(status: ContainerStatus): number {
  const terminated = status.lastState?.terminated;
  if (terminated === undefined) return -Infinity;
  return parseTimestamp(terminated.finishedAt) ?? -Infinity;
}

/** All cells of a pod row, wide included: Name, Ready, Status, Restarts, Age, IP, Node, Nominated Node, Readiness Gates. */
export function podCells(pod: Pod, now: number): unknown[] {
  const spec = pod.spec;
  const status = pod.status ?? {};
  const conditions = status.conditions ?? [];
  const initContainerSpecs = spec?.initContainers ?? [];

  let restarts = 0;
  let restartableInitContainerRestarts = 0;
  let totalContainers = spec?.containers?.length ?? 0;
  let readyContainers = 0;
  let lastRestartDate = -Infinity;
  let lastRestartableInitContainerRestartDate = -Infinity;

  const podPhase = status.phase ?? '';
  let reason = status.reason !== undefined && status.reason !== '' ? status.reason : podPhase;

  if (conditions.some((c) => c.type === 'PodScheduled' && c.reason === schedulingGatedReason)) {
    reason = schedulingGatedReason;
  }

  const initContainers = new Map<string, Container>();
  for (const container of initContainerSpecs) {
    initContainers.set(container.name, container);
    if (isRestartableInitContainer(container)) totalContainers++;
  }

  // The first init container that has not completed decides the status.
  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (const [i, container] of initStatuses.entries()) {
    restarts += container.restartCount ?? 0;
    lastRestartDate = Math.max(lastRestartDate, lastTerminationOf(container));
    const restartable = isRestartableInitContainer(initContainers.get(container.name));
    if (restartable) {
      restartableInitContainerRestarts += container.restartCount ?? 0;
      lastRestartableInitContainerRestartDate = Math.max(lastRestartableInitContainerRestartDate, lastTerminationOf(container));
    }

    const terminated = container.state?.terminated;
    const waiting = container.state?.waiting;
    if (terminated !== undefined && (terminated.exitCode ?? 0) === 0) continue;
    if (restartable && container.started === true) {
      if (container.ready) readyContainers++;
      continue;
    }
    if (terminated !== undefined) {
      // Initialization failed.
      if (terminated.reason === undefined || terminated.reason === '') {
        reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode ?? 0}`;
      } else {
        reason = `Init:${terminated.reason}`;
      }
    } else if (waiting?.reason !== undefined && waiting.reason !== '' && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initContainerSpecs.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || isConditionTrue(conditions, 'Initialized')) {
    restarts = restartableInitContainerRestarts;
    lastRestartDate = lastRestartableInitContainerRestartDate;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    // Walked from last to first, so the first container with a waiting or terminated reason wins.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const container = statuses[i];
      if (container === undefined) continue;
      restarts += container.restartCount ?? 0;
      lastRestartDate = Math.max(lastRestartDate, lastTerminationOf(container));
      const waiting = container.state?.waiting;
      const terminated = container.state?.terminated;
      if (waiting !== undefined && waiting.reason !== undefined && waiting.reason !== '') {
        reason = waiting.reason;
      } else if (terminated !== undefined && terminated.reason !== undefined && terminated.reason !== '') {
        reason = terminated.reason;
      } else if (terminated !== undefined) {
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode ?? 0}`;
      } else if (container.ready && container.state?.running !== undefined) {
        hasRunning = true;
        readyContainers++;
      }
    }

    // A completed container next to a running one: the pod as a whole still runs.
    if (reason === 'Completed' && hasRunning) {
      reason = isConditionTrue(conditions, 'Ready') ? 'Running' : 'NotReady';
    }
  }

  const deletionTimestamp = pod.metadata?.deletionTimestamp;
  if (deletionTimestamp && status.reason === nodeUnreachablePodReason) {
    reason = 'Unknown';
  } else if (deletionTimestamp && podPhase !== 'Succeeded' && podPhase !== 'Failed') {
    reason = 'Terminating';
  }

  const restartsCell =
    restarts !== 0 && lastRestartDate !== -Infinity ? `${restarts} (${humanDuration(now - lastRestartDate)} ago)` : String(restarts);

  return [
    pod.metadata?.name ?? '',
    `${readyContainers}/${totalContainers}`,
    reason,
    restartsCell,
    ageOf(pod.metadata?.creationTimestamp, now),
    orNone(status.podIPs?.[0]?.ip),
    orNone(spec?.nodeName),
    orNone(status.nominatedNodeName),
    readinessGatesCell(pod),
  ];
}

function orNone(value: string | undefined): string {
  return value === undefined || value === '' ? '<none>' : value;
}

/** `<true gates>/<gates>`, counting a gate true when the first condition of its type is True. */
function readinessGatesCell(pod: Pod): string {
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return '<none>';
  const conditions = pod.status?.conditions ?? [];
  const trueGates = gates.filter((gate) => isConditionTrue(conditions, gate.conditionType)).length;
  return `${trueGates}/${gates.length}`;
}

const succeededConditions: NonNullable<TableRow['conditions']> = [
  { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
];
const failedConditions: NonNullable<TableRow['conditions']> = [
  { type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' },
];

/** Row conditions upstream attaches to finished pods (kubectl uses them to hide completed pods in some views). */
export function podRowConditions(pod: Pod): TableRow['conditions'] {
  switch (pod.status?.phase) {
    case 'Succeeded':
      return succeededConditions.map((c) => ({ ...c }));
    case 'Failed':
      return failedConditions.map((c) => ({ ...c }));
    default:
      return undefined;
  }
}
