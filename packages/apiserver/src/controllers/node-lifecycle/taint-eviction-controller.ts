import type { Taint } from '@minik/types';
import { ApiError } from '../../errors/index.js';
import type { EventRecorder } from '../events/event-recorder.js';
import type { ReconcileResult } from '../runtime/index.js';
import { ControllerBase } from '../shared/controller-base.js';
import type { ControllerContext } from '../shared/controller-context.js';
import { kinds } from '../shared/kinds.js';
import type { NodeObject, PodObject } from '../shared/object-types.js';
import { updatePodCondition } from '../shared/pod-conditions.js';
import { matchingTolerations, minTolerationSeconds } from './tolerations.js';
import { cloneJson } from '../../util/clone-json.js';

interface ScheduledEviction {
  createdAt: number;
  fireAt: number;
}

const noExecuteTaints = (node: Readonly<NodeObject> | undefined): Taint[] => (node?.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');

/**
 * The taint-eviction controller (the NoExecute taint manager): a pod on a node with NoExecute
 * taints it does not tolerate is deleted at once; one that tolerates them for tolerationSeconds is
 * deleted that long after the taint was seen (scaled by `evictionTimeScale`); removing the taint
 * cancels the eviction. Evicted pods get the DisruptionTarget condition first.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/controller/tainteviction/taint_eviction.go
 */
export class TaintEvictionController extends ControllerBase {
  readonly #recorder: EventRecorder;
  readonly #scheduled = new Map<string, ScheduledEviction>();

  constructor(ctx: ControllerContext) {
    super('taint-eviction-controller', ctx);
    this.#recorder = ctx.events.newRecorder({ component: 'taint-eviction-controller' });
  }

  protected setup(): void {
    const { client } = this.ctx;
    this.watch(kinds.node, (node, event) => {
      const before = JSON.stringify(noExecuteTaints(event.previous?.object as Readonly<NodeObject> | undefined));
      const after = event.type === 'DELETED' ? '[]' : JSON.stringify(noExecuteTaints(node as Readonly<NodeObject>));
      if (event.type === 'ADDED' || before !== after) this.queue.enqueue(`node/${node.metadata.name}`);
    });
    this.watch(kinds.pod, (obj, event) => {
      const pod = obj as Readonly<PodObject>;
      const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
      if (event.type === 'DELETED') {
        this.#cancel(key, false);
        return;
      }
      const previous = event.previous?.object as Readonly<PodObject> | undefined;
      const changed = !previous || previous.spec.nodeName !== pod.spec.nodeName || JSON.stringify(previous.spec.tolerations) !== JSON.stringify(pod.spec.tolerations);
      if (pod.spec.nodeName && changed) this.queue.enqueue(`pod/${key}`);
    });
    for (const node of client.list(kinds.node)) this.queue.enqueue(`node/${node.metadata.name}`);
  }

  reconcile(key: string): ReconcileResult | void {
    const slash = key.indexOf('/');
    const kind = key.slice(0, slash);
    const rest = key.slice(slash + 1);
    if (kind === 'node') return this.#handleNode(rest);
    if (kind === 'pod') return this.#handlePod(rest);
    if (kind === 'evict') return this.#evict(rest);
  }

  #handleNode(name: string): void {
    const { client } = this.ctx;
    const node = client.get<NodeObject>(kinds.node, '', name);
    const taints = noExecuteTaints(node);
    for (const pod of client.list<PodObject>(kinds.pod, undefined, (p) => p.spec.nodeName === name)) {
      this.#processPodOnNode(pod, taints);
    }
  }

  #handlePod(podKey: string): void {
    const { client } = this.ctx;
    const [namespace = '', name = ''] = podKey.split('/');
    const pod = client.get<PodObject>(kinds.pod, namespace, name);
    if (!pod?.spec.nodeName) return;
    const node = client.get<NodeObject>(kinds.node, '', pod.spec.nodeName);
    if (!node) return;
    this.#processPodOnNode(pod, noExecuteTaints(node));
  }

  /** processPodOnNode: evict now, later, or never, from the pod's tolerations. */
  #processPodOnNode(pod: Readonly<PodObject>, taints: readonly Taint[]): void {
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    if (taints.length === 0) {
      this.#cancel(key, true);
      return;
    }
    const now = this.ctx.clock.now();
    const { all, used } = matchingTolerations(taints, pod.spec.tolerations ?? []);
    if (!all) {
      this.#cancel(key, true);
      this.#schedule(key, now, now);
      return;
    }
    const seconds = minTolerationSeconds(used);
    if (seconds === undefined) {
      this.#cancel(key, true);
      return;
    }
    const delay = seconds * 1000 * this.ctx.timing.evictionTimeScale;
    const existing = this.#scheduled.get(key);
    let createdAt = now;
    if (existing) {
      createdAt = existing.createdAt;
      if (createdAt + delay < now + delay) return;
      this.#cancel(key, true);
    }
    this.#schedule(key, createdAt, createdAt + delay);
  }

  #schedule(key: string, createdAt: number, fireAt: number): void {
    this.#scheduled.set(key, { createdAt, fireAt });
    const delay = fireAt - this.ctx.clock.now();
    if (delay <= 0) this.queue.enqueue(`evict/${key}`);
    else this.queue.enqueueAfter(`evict/${key}`, delay);
  }

  // cancelWorkWithEvent: "Cancelling deletion of Pod ns/name", only if an eviction was pending.
  #cancel(key: string, withEvent: boolean): void {
    if (!this.#scheduled.delete(key) || !withEvent) return;
    const [namespace = '', name = ''] = key.split('/');
    this.#recorder.event({ apiVersion: 'v1', kind: 'Pod', name, namespace }, 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`);
  }

  #evict(key: string): ReconcileResult | void {
    const scheduled = this.#scheduled.get(key);
    if (!scheduled) return;
    const now = this.ctx.clock.now();
    if (scheduled.fireAt > now) return { requeueAfterMs: scheduled.fireAt - now };
    this.#scheduled.delete(key);
    const { client } = this.ctx;
    const [namespace = '', name = ''] = key.split('/');
    const pod = client.get<PodObject>(kinds.pod, namespace, name);
    if (!pod || pod.metadata.deletionTimestamp) return;
    this.#recorder.event({ apiVersion: 'v1', kind: 'Pod', name, namespace }, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`);
    try {
      const status = cloneJson(pod.status ?? {});
      const condition = { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' };
      if (updatePodCondition(status, condition, this.nowString())) client.updateStatus(kinds.pod, { ...cloneJson(pod), status } as PodObject);
      client.delete(kinds.pod, namespace, name);
    } catch (error) {
      if (error instanceof ApiError && error.reason === 'NotFound') return;
      throw error;
    }
  }
}
