import type { KubeObject, Lease, Node, NodeCondition } from '@minik/types';
import { imageID, type ImageReference } from '../apps/image-reference.js';
import type { InProcessClient } from '../client/in-process-client.js';
import { gridDelay, type Clock, type TimerHandle } from '../util/clock.js';
import { deepEqual } from '../util/deep-equal.js';
import { rfc3339 } from '../util/time.js';
import type { ContainerRuntime } from './container-runtime.js';
import type { KubeletTiming } from './kubelet-timing.js';

type ContainerImage = NonNullable<NonNullable<Node['status']>['images']>[number];

const leaseRef = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease' };
const nodeRef = { apiVersion: 'v1', kind: 'Node' };
/** metav1.MicroTime: RFC 3339 with microseconds, as Lease renewTime is written. */
export function microTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}000Z`;
}

/** Where kubelets keep their heartbeat Leases. */
export const nodeLeaseNamespace = 'kube-node-lease';

/** The conditions a healthy kubelet reports, in upstream's order and words (pkg/kubelet/nodestatus/setters.go). */
const healthyConditions: readonly Pick<NodeCondition, 'type' | 'status' | 'reason' | 'message'>[] = [
  { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
  { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
  { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
  { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
];

/**
 * A kubelet's two heartbeats (KEP-589): it renews its Lease in kube-node-lease every quarter of
 * the lease duration, and posts node status when something changed or every
 * nodeStatusReportFrequency. A stopped heartbeat is what the node lifecycle controller notices.
 * Both beat on a shared grid, so a thousand nodes wake the process ten times a second.
 */
export class NodeHeartbeat {
  readonly #client: InProcessClient;
  readonly #clock: Clock;
  readonly #timing: KubeletTiming;
  readonly #nodeName: string;
  readonly #runtime: ContainerRuntime;
  #leaseTimer: TimerHandle | undefined;
  #statusTimer: TimerHandle | undefined;
  #lastReport = -Infinity;
  #imagesOf: readonly ImageReference[] | undefined;
  #images: ContainerImage[] = [];
  #matched: { stored?: readonly ContainerImage[]; images?: ContainerImage[] } = {};

  constructor(options: { client: InProcessClient; clock: Clock; timing: KubeletTiming; nodeName: string; runtime: ContainerRuntime }) {
    this.#client = options.client;
    this.#clock = options.clock;
    this.#timing = options.timing;
    this.#nodeName = options.nodeName;
    this.#runtime = options.runtime;
  }

  /** Beats now, then on the intervals. */
  start(): void {
    this.stop();
    this.#lastReport = -Infinity;
    this.#renewLease();
    this.#updateStatus();
  }

  stop(): void {
    if (this.#leaseTimer) this.#clock.clearTimeout(this.#leaseTimer);
    if (this.#statusTimer) this.#clock.clearTimeout(this.#statusTimer);
    this.#leaseTimer = undefined;
    this.#statusTimer = undefined;
  }

  /** Posts node status now (after a pod change that alters the images list, for example). */
  postStatusSoon(): void {
    this.#lastReport = -Infinity;
  }

  #renewLease(): void {
    try {
      const node = this.#client.get<Node & KubeObject>(nodeRef, '', this.#nodeName);
      const now = this.#clock.now();
      const existing = this.#client.get<Lease & KubeObject>(leaseRef, nodeLeaseNamespace, this.#nodeName);
      if (existing) {
        // The client copies what it writes: only the parts changed here need copies of their own.
        const next = { ...existing, metadata: { ...existing.metadata } } as unknown as KubeObject & { spec?: Lease['spec'] };
        next.spec = { ...next.spec, holderIdentity: this.#nodeName, leaseDurationSeconds: this.#timing.leaseDurationSeconds, renewTime: microTime(now) };
        delete next.metadata.resourceVersion;
        this.#client.update(leaseRef, next);
      } else if (node) {
        this.#client.create<Lease & KubeObject>(leaseRef, {
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          metadata: {
            name: this.#nodeName,
            namespace: nodeLeaseNamespace,
            ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: this.#nodeName, uid: node.metadata.uid ?? '' }],
          },
          spec: { holderIdentity: this.#nodeName, leaseDurationSeconds: this.#timing.leaseDurationSeconds, renewTime: microTime(now) },
        });
      }
    } catch {
      // A failed renewal is retried at the next interval, as the kubelet's lease controller does.
    }
    this.#leaseTimer = this.#clock.setTimeout(() => this.#renewLease(), gridDelay(this.#clock.now(), this.#timing.leaseRenewIntervalMs));
  }

  #updateStatus(): void {
    try {
      this.#postStatus();
    } catch {
      // Retried at the next interval.
    }
    this.#statusTimer = this.#clock.setTimeout(() => this.#updateStatus(), gridDelay(this.#clock.now(), this.#timing.nodeStatusUpdateMs));
  }

  #postStatus(): void {
    const node = this.#client.get<Node & KubeObject>(nodeRef, '', this.#nodeName);
    // A deleted Node is not recreated: the kubelet registers only when it starts.
    if (!node) return;
    const now = this.#clock.now();
    const stamp = rfc3339(now);
    const current = node.status?.conditions ?? [];
    const unchanged = (wanted: (typeof healthyConditions)[number], old: NodeCondition | undefined): old is NodeCondition =>
      old?.status === wanted.status && old.reason === wanted.reason;
    const images = this.#nodeImages();
    // Checked every second on every node: decide before building anything.
    const changed = healthyConditions.some((wanted) => !unchanged(wanted, current.find((c) => c.type === wanted.type)));
    if (!changed && now - this.#lastReport < this.#timing.nodeStatusReportMs && this.#sameImages(images, node.status?.images)) return;
    const conditions = healthyConditions.map((wanted) => {
      const old = current.find((c) => c.type === wanted.type);
      return { ...wanted, lastHeartbeatTime: stamp, lastTransitionTime: unchanged(wanted, old) && old.lastTransitionTime ? old.lastTransitionTime : stamp };
    });
    const next = { ...node, metadata: { ...node.metadata } } as unknown as KubeObject & { status?: Node['status'] };
    next.status = { ...next.status, conditions, images };
    // NodeStatus.images is omitempty: a node without images has no `images` field, not `[]`.
    if (images.length === 0) delete next.status.images;
    delete next.metadata.resourceVersion;
    this.#client.updateStatus(nodeRef, next);
    this.#lastReport = now;
  }

  /** Whether the node shows `images`; the stored list changes only with a write, so a match is remembered. */
  #sameImages(images: ContainerImage[], stored: readonly ContainerImage[] | undefined): boolean {
    if (stored !== undefined && stored === this.#matched.stored && images === this.#matched.images) return true;
    if (!deepEqual(images, stored ?? [])) return false;
    if (stored !== undefined) this.#matched = { stored, images };
    return true;
  }

  /** node.status.images for the runtime's images, built again only when an image was added. */
  #nodeImages(): ContainerImage[] {
    const refs = this.#runtime.images;
    if (refs !== this.#imagesOf) {
      this.#imagesOf = refs;
      this.#images = refs.map((ref) => ({ names: [imageID(ref), ref.normalized], sizeBytes: this.#runtime.apps.imageSize(ref) }));
    }
    return this.#images;
  }
}
