/**
 * The time constants of kube-controller-manager that decide how fast a cluster heals. minik's
 * defaults are compressed so a learner sees a stopped node's pods come back within seconds;
 * {@link realisticTiming} restores upstream's flags.
 */
export interface ControllerTiming {
  /** --node-monitor-period: how often node health is checked. */
  nodeMonitorPeriodMs: number;
  /** --node-monitor-grace-period: how long a node may go without a heartbeat before it is Unknown. */
  nodeMonitorGracePeriodMs: number;
  /** --node-startup-grace-period: the same, for a node that never posted a Ready condition. */
  nodeStartupGracePeriodMs: number;
  /**
   * Factor applied to `tolerationSeconds` when the taint-eviction controller schedules an eviction.
   * 1 is upstream; the default 0.01 turns the admission default of 300 s into 3 s while the pod
   * spec keeps saying 300.
   */
  evictionTimeScale: number;
  /** How often the pod garbage collector runs (upstream gcCheckPeriod, 20 s). */
  podGCPeriodMs: number;
  /** How long a pod's node must stay missing before pod GC deletes the pod (upstream 40 s). */
  podGCOrphanQuarantineMs: number;
  /** --terminated-pod-gc-threshold: finished pods kept before the oldest are deleted. */
  terminatedPodGCThreshold: number;
}

/** minik's default: self-healing visible within seconds. */
export const simulatedTiming: ControllerTiming = {
  nodeMonitorPeriodMs: 1_000,
  nodeMonitorGracePeriodMs: 5_000,
  nodeStartupGracePeriodMs: 10_000,
  evictionTimeScale: 0.01,
  // Pod GC also runs when a node goes or is tainted out of service, so its period can stay upstream's.
  podGCPeriodMs: 20_000,
  podGCOrphanQuarantineMs: 1_000,
  terminatedPodGCThreshold: 12_500,
};

/**
 * Upstream's kube-controller-manager defaults for a Kubernetes version. The node monitor grace
 * period went from 40 s to 50 s in v1.32 (kubernetes/kubernetes#126287).
 */
export function realisticTiming(kubernetesVersion = 'v1.33.0'): ControllerTiming {
  const minor = Number(/^v?1\.(\d+)/.exec(kubernetesVersion)?.[1] ?? '33');
  return {
    nodeMonitorPeriodMs: 5_000,
    nodeMonitorGracePeriodMs: minor >= 32 ? 50_000 : 40_000,
    nodeStartupGracePeriodMs: 60_000,
    evictionTimeScale: 1,
    podGCPeriodMs: 20_000,
    podGCOrphanQuarantineMs: 40_000,
    terminatedPodGCThreshold: 12_500,
  };
}
