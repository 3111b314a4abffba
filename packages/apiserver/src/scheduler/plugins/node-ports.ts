import type { FilterPlugin } from '../framework.js';
import { unschedulable } from '../framework.js';

type Port = { hostPort?: number; hostIP?: string; protocol?: string };

function hostPorts(containers: readonly { ports?: readonly Port[] }[] | undefined): Port[] {
  return (containers ?? []).flatMap((c) => (c.ports ?? []).filter((p) => (p.hostPort ?? 0) > 0));
}

// Stored pods are frozen, so their host ports are worked out once (PreFilter's job upstream).
const portsOfPod = new WeakMap<object, Port[]>();

function wantedPorts(pod: Parameters<FilterPlugin['filter']>[0]): Port[] {
  let ports = portsOfPod.get(pod);
  if (!ports) {
    if (!Object.isFrozen(pod)) return hostPorts(pod.spec?.containers);
    portsOfPod.set(pod, (ports = hostPorts(pod.spec?.containers)));
  }
  return ports;
}

/** NodePorts: a hostPort the pod wants is not already taken on the node (same protocol, overlapping IP). */
export const nodePorts: FilterPlugin = {
  name: 'NodePorts',
  // Upstream's PreFilter: a pod without host ports cannot clash.
  skip: (pod) => wantedPorts(pod).length === 0,
  filter(pod, node) {
    const wanted = wantedPorts(pod);
    if (wanted.length === 0) return undefined;
    const used = node.pods.flatMap((p) => hostPorts(p.spec?.containers));
    const clash = wanted.some((w) =>
      used.some((u) => u.hostPort === w.hostPort && (u.protocol ?? 'TCP') === (w.protocol ?? 'TCP') && (!u.hostIP || !w.hostIP || u.hostIP === '0.0.0.0' || w.hostIP === '0.0.0.0' || u.hostIP === w.hostIP)),
    );
    return clash ? unschedulable("node(s) didn't have free ports for the requested pod ports") : undefined;
  },
};
