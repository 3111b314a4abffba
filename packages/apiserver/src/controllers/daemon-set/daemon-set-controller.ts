import type { KubeObject, LabelSelector, Node, Pod, PodTemplateSpec } from '@minik/types';
import type { KindRef } from '../../client/in-process-client.js';
import { ApiError } from '../../errors/index.js';
import { deepEqual } from '../../util/deep-equal.js';
import { isHeartbeatOnly } from './node-update-filter.js';
import { podTemplateHash } from '../deployment/pod-template-hash.js';
import type { EventRecorder } from '../events/event-recorder.js';
import { podFromTemplate } from '../replica-set/pod-from-template.js';
import type { ReconcileResult } from '../runtime/index.js';
import { splitKey } from '../runtime/index.js';
import { ControllerBase } from '../shared/controller-base.js';
import type { ControllerContext } from '../shared/controller-context.js';
import { claimObjects, controllerRefOf, newControllerRef } from '../shared/controller-ref.js';
import { scaledValueFromIntOrPercent } from '../shared/int-or-percent.js';
import { kinds } from '../shared/kinds.js';
import type { NodeObject, PodObject } from '../shared/object-types.js';
import { isPodAvailable, isPodReady } from '../shared/pod-conditions.js';
import { nodeShouldRunDaemonPod, pinToNode, targetNodeName, withDaemonTolerations } from './daemon-pod-placement.js';
import { cloneJson } from '../../util/clone-json.js';
import { selectorSelects } from '../shared/selector-selects.js';
import { availabilityRequeue } from '../shared/availability-requeue.js';
import { ownerEventsListener } from '../shared/owner-events.js';

/** apps/v1 DaemonSet, as the controller reads it. */
export type DaemonSetObject = KubeObject & {
  spec: {
    selector?: LabelSelector;
    template?: PodTemplateSpec;
    minReadySeconds?: number;
    updateStrategy?: { type?: string; rollingUpdate?: { maxUnavailable?: number | string; maxSurge?: number | string } };
  };
  status?: Record<string, unknown>;
};

const daemonSetKind: KindRef = { apiVersion: 'apps/v1', kind: 'DaemonSet' };
const revisionHashLabel = 'controller-revision-hash';
const templateGenerationLabel = 'pod-template-generation';
const templateGenerationAnnotation = 'deprecated.daemonset.template.generation';

/**
 * The DaemonSet controller: one pod per node that should run it (node selector, required
 * affinity, tolerated taints), pinned there by node affinity for the default scheduler; failed
 * and surplus pods are deleted, pods on nodes that no longer qualify removed, and a changed
 * template rolls out node by node within maxUnavailable. Reacts to nodes coming and going.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/controller/daemon/daemon_controller.go
 */
export class DaemonSetController extends ControllerBase {
  readonly #recorder: EventRecorder;

  constructor(ctx: ControllerContext) {
    super('daemonset-controller', ctx);
    this.#recorder = ctx.events.newRecorder({ component: 'daemonset-controller' });
  }

  protected setup(): void {
    const enqueueAll = (): void => {
      for (const ds of this.ctx.client.list(daemonSetKind)) this.enqueueObject(ds);
    };
    this.watchPrimary(daemonSetKind);
    // Every DaemonSet reconsiders its nodes when one comes, goes or changes (not on heartbeats).
    this.watch(kinds.node, (node, event) => {
      if (event.type === 'MODIFIED' && event.previous && isHeartbeatOnly(event.previous.object, node)) return;
      enqueueAll();
    });
    this.watch(kinds.pod, ownerEventsListener({ client: this.ctx.client, queue: this.queue, ownerKind: daemonSetKind, selectorOf: (ds) => (ds as Readonly<DaemonSetObject>).spec.selector }));
  }

  reconcile(key: string): ReconcileResult | void {
    const { client } = this.ctx;
    const { namespace, name } = splitKey(key);
    const ds = client.get<DaemonSetObject>(daemonSetKind, namespace, name);
    if (!ds) return;
    const nodes = client.list<NodeObject>(kinds.node);
    const claimed = claimObjects<PodObject>(
      { client, owner: ds, ownerKind: daemonSetKind, kind: kinds.pod, matches: (p) => selectorSelects(ds.spec.selector, p) },
      client.list<PodObject>(kinds.pod, namespace),
    );
    const hash = podTemplateHash(ds.spec.template);
    if (ds.metadata.deletionTimestamp === undefined) this.#manage(ds, nodes, podsByNode(claimed), hash);
    const current = client.get<DaemonSetObject>(daemonSetKind, namespace, name);
    if (!current) return;
    const pods = podsByNode(client.list<PodObject>(kinds.pod, namespace, (p) => controllerRefOf(p)?.uid === current.metadata.uid));
    const status = this.#status(current, nodes, pods, hash);
    if (!deepEqual(status, current.status)) client.updateStatus(daemonSetKind, { ...cloneJson(current), status } as DaemonSetObject);
    return availabilityRequeue([...pods.values()].flat(), current.spec.minReadySeconds, this.ctx.clock.now());
  }

  // manage + rollingUpdate: what each node needs, then the creations and deletions.
  #manage(ds: Readonly<DaemonSetObject>, nodes: readonly Readonly<NodeObject>[], byNode: Map<string, Readonly<PodObject>[]>, hash: string): void {
    const toCreate: string[] = [];
    const toDelete: Readonly<PodObject>[] = [];
    const nodeNames = new Set(nodes.map((n) => n.metadata.name ?? ''));
    for (const node of nodes) {
      const nodeName = node.metadata.name ?? '';
      const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node as Node, ds.spec.template);
      const pods = (byNode.get(nodeName) ?? []).filter((p) => !p.metadata.deletionTimestamp);
      if (shouldRun && pods.length === 0) {
        toCreate.push(nodeName);
      } else if (shouldContinueRunning) {
        const running: Readonly<PodObject>[] = [];
        for (const pod of pods) {
          const phase = pod.status?.phase;
          if (phase === 'Failed' || phase === 'Succeeded') {
            if (phase === 'Failed') {
              this.#recorder.event(ds, 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${pod.metadata.namespace}/${pod.metadata.name} on node ${nodeName}, will try to kill it`);
            }
            toDelete.push(pod);
          } else {
            running.push(pod);
          }
        }
        if (running.length === 0 && shouldRun) toCreate.push(nodeName);
        // More than one daemon pod on a node: keep the oldest.
        running.sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''));
        toDelete.push(...running.slice(1));
      } else {
        toDelete.push(...pods);
      }
    }
    // Pods for nodes that no longer exist go too (upstream's pod GC would remove them later).
    for (const [nodeName, pods] of byNode) if (nodeName !== '' && !nodeNames.has(nodeName)) toDelete.push(...pods.filter((p) => !p.metadata.deletionTimestamp));
    if (ds.spec.updateStrategy?.type !== 'OnDelete') toDelete.push(...this.#rollingUpdateDeletions(ds, nodes, byNode, hash, toDelete));
    for (const nodeName of toCreate) this.#createPod(ds, nodeName, hash);
    for (const pod of toDelete) this.#deletePod(ds, pod);
  }

  // rollingUpdate with maxSurge 0: old unavailable pods go at once, old available ones while fewer than maxUnavailable are down.
  #rollingUpdateDeletions(
    ds: Readonly<DaemonSetObject>,
    nodes: readonly Readonly<NodeObject>[],
    byNode: Map<string, Readonly<PodObject>[]>,
    hash: string,
    already: readonly Readonly<PodObject>[],
  ): Readonly<PodObject>[] {
    const now = this.ctx.clock.now();
    const minReady = ds.spec.minReadySeconds ?? 0;
    let desired = 0;
    let unavailable = 0;
    const oldAvailable: Readonly<PodObject>[] = [];
    const out: Readonly<PodObject>[] = [];
    for (const node of nodes) {
      if (!nodeShouldRunDaemonPod(node as Node, ds.spec.template).shouldRun) continue;
      desired++;
      const pods = (byNode.get(node.metadata.name ?? '') ?? []).filter((p) => !p.metadata.deletionTimestamp && !already.includes(p));
      const pod = pods[0];
      if (!pod || !isPodAvailable(pod, minReady, now)) {
        unavailable++;
        if (pod && pod.metadata.labels?.[revisionHashLabel] !== hash) out.push(pod);
        continue;
      }
      if (pod.metadata.labels?.[revisionHashLabel] !== hash) oldAvailable.push(pod);
    }
    // A percentage rounds up, and 0 becomes 1 (surge is not simulated).
    const maxUnavailable = Math.max(1, scaledValueFromIntOrPercent(ds.spec.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1, desired, true));
    for (const pod of oldAvailable) {
      if (unavailable >= maxUnavailable) break;
      out.push(pod);
      unavailable++;
    }
    return out;
  }

  #createPod(ds: Readonly<DaemonSetObject>, nodeName: string, hash: string): void {
    const pod = podFromTemplate(ds.spec.template, ds, newControllerRef(ds, daemonSetKind)) as Pod & PodObject;
    pod.metadata.labels = {
      ...pod.metadata.labels,
      [revisionHashLabel]: hash,
      [templateGenerationLabel]: ds.metadata.annotations?.[templateGenerationAnnotation] ?? '1',
    };
    pod.spec.tolerations = withDaemonTolerations(pod.spec.tolerations, pod.spec.hostNetwork === true);
    pinToNode(pod.spec, nodeName);
    try {
      const created = this.ctx.client.create(kinds.pod, pod);
      this.#recorder.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
    } catch (error) {
      if (error instanceof ApiError && error.details?.causes?.some((c) => c.reason === 'NamespaceTerminating')) return;
      this.#recorder.event(ds, 'Warning', 'FailedCreate', `Error creating: ${(error as Error).message}`);
      throw error;
    }
  }

  #deletePod(ds: Readonly<DaemonSetObject>, pod: Readonly<PodObject>): void {
    try {
      this.ctx.client.delete(kinds.pod, pod.metadata.namespace ?? '', pod.metadata.name ?? '', { preconditions: { uid: pod.metadata.uid } });
      this.#recorder.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
    } catch (error) {
      if (error instanceof ApiError && error.reason === 'NotFound') return;
      this.#recorder.event(ds, 'Warning', 'FailedDelete', `Error deleting: ${(error as Error).message}`);
      throw error;
    }
  }

  // storeDaemonSetStatus: per node that should run the pod, whether it has one, ready, available, up to date.
  #status(ds: Readonly<DaemonSetObject>, nodes: readonly Readonly<NodeObject>[], byNode: Map<string, Readonly<PodObject>[]>, hash: string): Record<string, unknown> {
    const now = this.ctx.clock.now();
    const minReady = ds.spec.minReadySeconds ?? 0;
    let desired = 0;
    let current = 0;
    let misscheduled = 0;
    let ready = 0;
    let available = 0;
    let updated = 0;
    for (const node of nodes) {
      const { shouldRun } = nodeShouldRunDaemonPod(node as Node, ds.spec.template);
      const pods = (byNode.get(node.metadata.name ?? '') ?? []).filter((p) => !p.metadata.deletionTimestamp);
      if (shouldRun) {
        desired++;
        if (pods.length === 0) continue;
        current++;
        const oldest = [...pods].sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''))[0]!;
        if (isPodReady(oldest)) {
          ready++;
          if (isPodAvailable(oldest, minReady, now)) available++;
        }
        if (pods.some((p) => p.metadata.labels?.[revisionHashLabel] === hash)) updated++;
      } else if (pods.length > 0) {
        misscheduled++;
      }
    }
    const status: Record<string, unknown> = {
      currentNumberScheduled: current,
      numberMisscheduled: misscheduled,
      desiredNumberScheduled: desired,
      numberReady: ready,
      observedGeneration: ds.metadata.generation ?? 0,
    };
    // omitempty counters.
    if (updated > 0) status.updatedNumberScheduled = updated;
    if (available > 0) status.numberAvailable = available;
    if (desired - available > 0) status.numberUnavailable = desired - available;
    if (Array.isArray(ds.status?.conditions)) status.conditions = ds.status.conditions;
    return status;
  }
}

function podsByNode(pods: readonly Readonly<PodObject>[]): Map<string, Readonly<PodObject>[]> {
  const byNode = new Map<string, Readonly<PodObject>[]>();
  for (const pod of pods) {
    const node = targetNodeName(pod as Pod) ?? '';
    byNode.set(node, [...(byNode.get(node) ?? []), pod]);
  }
  return byNode;
}

