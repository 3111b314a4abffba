/**
 * How long the simulated kubelet takes for each step. `fast` (the default) gets a pod Running in
 * the same tick it is bound, heartbeats every second, and keeps upstream's back-off schedules (so
 * ImagePullBackOff and CrashLoopBackOff look as on a real node); `realistic` takes about as long
 * as a small real node does, so a learner can watch ContainerCreating go by.
 */
export interface KubeletTiming {
  /** Creating the pod sandbox (network namespace, IP) before containers. */
  readonly sandboxMs: number;
  /** Pull time per megabyte of image (realistic: about 25 MB/s). */
  readonly pullMsPerMB: number;
  /** Minimum time of a pull, or of a failed pull attempt. */
  readonly pullMinMs: number;
  /** Creating and starting a container once its image is there. */
  readonly startMs: number;
  /** How long an app that honours SIGTERM takes to exit. */
  readonly stopMs: number;
  /** Between ErrImagePull and the kubelet's next sync that reports ImagePullBackOff. */
  readonly backOffNoticeMs: number;
  /** Image pull back-off: initial delay, doubling up to the maximum (kubelet: 10 s → 300 s). */
  readonly imageBackOffInitialMs: number;
  readonly imageBackOffMaxMs: number;
  /** Container restart back-off (CrashLoopBackOff): 10 s doubling to 300 s upstream. */
  readonly crashBackOffInitialMs: number;
  readonly crashBackOffMaxMs: number;
  /** The node Lease's leaseDurationSeconds; the kubelet renews it every quarter of that. */
  readonly leaseDurationSeconds: number;
  readonly leaseRenewIntervalMs: number;
  /** nodeStatusUpdateFrequency: how often the kubelet computes node status (10 s). */
  readonly nodeStatusUpdateMs: number;
  /** nodeStatusReportFrequency: how often it posts an unchanged status anyway (5 min). */
  readonly nodeStatusReportMs: number;
}

/** Upstream kubelet defaults with the container runtime's typical latencies. */
export const realisticTiming: KubeletTiming = {
  sandboxMs: 1_000,
  pullMsPerMB: 40,
  pullMinMs: 800,
  startMs: 400,
  stopMs: 300,
  backOffNoticeMs: 1_500,
  imageBackOffInitialMs: 10_000,
  imageBackOffMaxMs: 300_000,
  crashBackOffInitialMs: 10_000,
  crashBackOffMaxMs: 300_000,
  leaseDurationSeconds: 40,
  leaseRenewIntervalMs: 10_000,
  nodeStatusUpdateMs: 10_000,
  nodeStatusReportMs: 300_000,
};

/** The default: no artificial latency, heartbeats every second so a stopped node is noticed in seconds. */
export const fastTiming: KubeletTiming = {
  ...realisticTiming,
  sandboxMs: 0,
  pullMsPerMB: 0,
  pullMinMs: 0,
  startMs: 0,
  stopMs: 0,
  backOffNoticeMs: 0,
  leaseDurationSeconds: 4,
  leaseRenewIntervalMs: 1_000,
  nodeStatusUpdateMs: 1_000,
  nodeStatusReportMs: 60_000,
};

/** The timing profile by name, with optional overrides. */
export function kubeletTiming(profile: 'fast' | 'realistic' = 'fast', overrides: Partial<KubeletTiming> = {}): KubeletTiming {
  return { ...(profile === 'realistic' ? realisticTiming : fastTiming), ...overrides };
}

/** Exponential back-off: `initial · 2^(n-1)`, capped. */
export function backOffMs(initialMs: number, maxMs: number, failures: number): number {
  return Math.min(maxMs, initialMs * 2 ** Math.max(0, failures - 1));
}
