import type { Node, Pod, PodTemplateSpec, Toleration } from '@minik/types';
import { requiredAffinityMatches } from '../../scheduler/plugins/node-affinity.js';
import { untoleratedTaint } from '../../scheduler/tolerations.js';

/**
 * The tolerations every daemon pod gets (util.AddOrUpdateDaemonPodTolerations), so a DaemonSet
 * keeps running on nodes that are not ready, unreachable, under pressure or cordoned.
 */
export function daemonPodTolerations(hostNetwork: boolean): Toleration[] {
  const tolerations: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (hostNetwork) tolerations.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  return tolerations;
}

/** AddOrUpdateTolerationInPodSpec for each daemon toleration: an equal one replaces, a new one appends. */
export function withDaemonTolerations(existing: readonly Toleration[] | undefined, hostNetwork: boolean): Toleration[] {
  const out = [...(existing ?? [])];
  for (const toleration of daemonPodTolerations(hostNetwork)) {
    const index = out.findIndex((t) => t.key === toleration.key && t.effect === toleration.effect && (t.operator ?? 'Equal') === toleration.operator);
    if (index < 0) out.push(toleration);
  }
  return out;
}

/**
 * util.ReplaceDaemonSetPodNodeNameNodeAffinity: the pod's required node affinity becomes one term
 * pinning `metadata.name` to the node, so the default scheduler places it there.
 */
export function pinToNode(spec: NonNullable<Pod['spec']>, nodeName: string): void {
  const nodeSelector = { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] };
  const affinity = (spec.affinity ??= {});
  const nodeAffinity = (affinity.nodeAffinity ??= {});
  nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = nodeSelector;
}

/** The node a daemon pod is for: its spec.nodeName, or the node its affinity pins (util.GetTargetNodeName). */
export function targetNodeName(pod: Readonly<Pod>): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const term of terms) {
    for (const field of term.matchFields ?? []) {
      if (field.key === 'metadata.name' && field.operator === 'In' && field.values?.length === 1) return field.values[0];
    }
  }
  return undefined;
}

/**
 * NodeShouldRunDaemonPod: whether a daemon pod should be placed on a node (node name, node
 * selector and required affinity, NoSchedule/NoExecute taints it does not tolerate) and whether
 * one already there may stay (only an untolerated NoExecute taint evicts it).
 */
export function nodeShouldRunDaemonPod(node: Readonly<Node>, template: PodTemplateSpec | undefined): { shouldRun: boolean; shouldContinueRunning: boolean } {
  const spec = template?.spec;
  const pod: Pod = { metadata: {}, spec: { ...(spec ?? { containers: [] }), tolerations: withDaemonTolerations(spec?.tolerations, spec?.hostNetwork === true) } };
  const name = node.metadata?.name ?? '';
  if (spec?.nodeName && spec.nodeName !== name) return { shouldRun: false, shouldContinueRunning: false };
  if (!requiredAffinityMatches(pod, node)) return { shouldRun: false, shouldContinueRunning: false };
  const taints = node.spec?.taints ?? [];
  const tolerations = pod.spec?.tolerations ?? [];
  if (untoleratedTaint(taints, tolerations, ['NoExecute'])) return { shouldRun: false, shouldContinueRunning: false };
  if (untoleratedTaint(taints, tolerations, ['NoSchedule'])) return { shouldRun: false, shouldContinueRunning: true };
  return { shouldRun: true, shouldContinueRunning: true };
}
