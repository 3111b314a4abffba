import { ApiError } from '../../errors/index.js';
import type { ReconcileResult } from '../runtime/index.js';
import { ControllerBase } from '../shared/controller-base.js';
import type { ControllerContext } from '../shared/controller-context.js';
import { kinds } from '../shared/kinds.js';
import type { NodeObject, PodObject } from '../shared/object-types.js';
import { isPodTerminal, updatePodCondition } from '../shared/pod-conditions.js';
import { readyCondition, taintExists, taintKeys } from '../node-lifecycle/node-taints.js';
import { cloneJson } from '../../util/clone-json.js';

const gcKey = 'gc';

/**
 * The pod garbage collector, every gcCheckPeriod: finished pods beyond the threshold (oldest
 * first), terminating pods on NotReady nodes tainted out-of-service, pods bound to nodes that
 * have been gone for the quarantine time (marked Failed with DisruptionTarget "DeletionByPodGC"),
 * and terminating pods that were never scheduled are force-deleted.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/controller/podgc/gc_controller.go
 */
export class PodGCController extends ControllerBase {
  /** Nodes seen missing, and since when (the quarantine before their pods are collected). */
  readonly #missingSince = new Map<string, number>();

  constructor(ctx: ControllerContext) {
    super('pod-garbage-collector', ctx);
  }

  protected setup(): void {
    this.queue.enqueue(gcKey);
    // What may be due at once rather than at the next period: a node gone (its pods' quarantine
    // starts) or declared out of service (its terminating pods go). Every period is a full scan of
    // the pods, so minik's fast timing keeps upstream's 20 s period and reacts to nodes instead.
    this.watch(kinds.node, (node, event) => {
      if (event.type === 'DELETED' || taintExists((node as Readonly<NodeObject>).spec?.taints, { key: taintKeys.outOfService, effect: 'NoExecute' })) this.queue.enqueue(gcKey);
    });
  }

  reconcile(): ReconcileResult | void {
    const { client } = this.ctx;
    const pods = client.list<PodObject>(kinds.pod);
    const nodes = new Map(client.list<NodeObject>(kinds.node).map((n) => [n.metadata.name ?? '', n]));
    this.#gcTerminated(pods);
    this.#gcTerminating(pods, nodes);
    this.#gcOrphaned(pods, nodes);
    this.#gcUnscheduledTerminating(pods);
    return { requeueAfterMs: this.ctx.timing.podGCPeriodMs };
  }

  #gcTerminated(pods: readonly Readonly<PodObject>[]): void {
    const threshold = this.ctx.timing.terminatedPodGCThreshold;
    const terminated = pods.filter((p) => isPodTerminal(p) && !p.metadata.deletionTimestamp);
    const excess = terminated.length - threshold;
    if (threshold <= 0 || excess <= 0) return;
    // byEvictionAndCreationTimestamp: evicted pods first, then the oldest.
    terminated.sort((a, b) => {
      const ea = a.status?.reason === 'Evicted' ? 0 : 1;
      const eb = b.status?.reason === 'Evicted' ? 0 : 1;
      return ea - eb || (Date.parse(a.metadata.creationTimestamp ?? '') || 0) - (Date.parse(b.metadata.creationTimestamp ?? '') || 0) || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '');
    });
    for (const pod of terminated.slice(0, excess)) this.#forceDelete(pod);
  }

  // Pods stuck terminating on a node an operator declared out of service.
  #gcTerminating(pods: readonly Readonly<PodObject>[], nodes: ReadonlyMap<string, Readonly<NodeObject>>): void {
    for (const pod of pods) {
      if (!pod.metadata.deletionTimestamp || !pod.spec.nodeName) continue;
      const node = nodes.get(pod.spec.nodeName);
      if (!node || readyCondition(node)?.status === 'True') continue;
      if (taintExists(node.spec?.taints, { key: taintKeys.outOfService, effect: 'NoExecute' })) this.#forceDelete(pod);
    }
  }

  #gcOrphaned(pods: readonly Readonly<PodObject>[], nodes: ReadonlyMap<string, Readonly<NodeObject>>): void {
    const now = this.ctx.clock.now();
    const missing = new Set<string>();
    for (const pod of pods) {
      const nodeName = pod.spec.nodeName;
      if (nodeName && !nodes.has(nodeName)) missing.add(nodeName);
    }
    for (const name of [...this.#missingSince.keys()]) if (!missing.has(name)) this.#missingSince.delete(name);
    let nextCheck = Infinity;
    for (const name of missing) {
      const since = this.#missingSince.get(name) ?? now;
      this.#missingSince.set(name, since);
      const due = since + this.ctx.timing.podGCOrphanQuarantineMs;
      if (due > now) {
        nextCheck = Math.min(nextCheck, due);
        continue;
      }
      // Confirm with the API, not just the list, before deleting anything.
      if (this.ctx.client.get(kinds.node, '', name)) continue;
      for (const pod of pods) {
        if (pod.spec.nodeName === name) this.#forceDelete(pod, { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' });
      }
      this.#missingSince.delete(name);
    }
    if (nextCheck !== Infinity) this.queue.enqueueAfter(gcKey, nextCheck - now);
  }

  #gcUnscheduledTerminating(pods: readonly Readonly<PodObject>[]): void {
    for (const pod of pods) if (pod.metadata.deletionTimestamp && !pod.spec.nodeName) this.#forceDelete(pod);
  }

  /** markFailedAndDeletePodWithCondition: Failed (with the condition) unless finished, then deleted with grace 0. */
  #forceDelete(pod: Readonly<PodObject>, condition?: { type: string; status: string; reason: string; message: string }): void {
    const { client } = this.ctx;
    const namespace = pod.metadata.namespace ?? '';
    const name = pod.metadata.name ?? '';
    // A pod already deleting that waits on finalizers: another delete would change nothing.
    if (pod.metadata.deletionTimestamp && (pod.metadata.finalizers?.length ?? 0) > 0 && isPodTerminal(pod)) return;
    try {
      if (!isPodTerminal(pod)) {
        const status = cloneJson(pod.status ?? {});
        status.phase = 'Failed';
        if (condition) updatePodCondition(status, condition, this.nowString());
        client.updateStatus(kinds.pod, { ...cloneJson(pod), status } as PodObject);
      }
      client.delete(kinds.pod, namespace, name, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } });
    } catch (error) {
      if (error instanceof ApiError && (error.reason === 'NotFound' || error.reason === 'Conflict')) return;
      throw error;
    }
  }
}
