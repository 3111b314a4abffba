import type { KubeObject, NodeCondition } from '@minik/types';
import { ApiError } from '../../errors/index.js';
import type { EventRecorder } from '../events/event-recorder.js';
import type { ReconcileResult } from '../runtime/index.js';
import { ControllerBase } from '../shared/controller-base.js';
import type { ControllerContext } from '../shared/controller-context.js';
import { kinds } from '../shared/kinds.js';
import type { NodeObject, PodObject } from '../shared/object-types.js';
import { updatePodCondition } from '../shared/pod-conditions.js';
import { checkNodeHealth, computeZoneState, type NodeHealth, type ZoneState } from './node-health.js';
import { noScheduleTaints, notReadyNoExecute, readyCondition, sameTaint, swapTaints, taintExists, unreachableNoExecute, zoneKey } from './node-taints.js';
import { cloneJson } from '../../util/clone-json.js';

const monitorKey = 'monitor';
const nodeLeaseNamespace = 'kube-node-lease';
const disruptionExclusionLabel = 'node.kubernetes.io/exclude-disruption';
// --large-cluster-size-threshold: smaller zones stop evicting when partially disrupted.
const largeClusterThreshold = 50;

/**
 * The node lifecycle controller: every node-monitor-period it checks each node's heartbeats (Ready
 * condition and Lease); a silent node turns Unknown after the grace period, its pods are marked
 * not ready, and it gets the `unreachable` (or, when its kubelet says NotReady, `not-ready`)
 * NoExecute taint that the taint-eviction controller acts on. NoSchedule taints follow the node's
 * conditions and `spec.unschedulable` (cordon). When every node is down it stops tainting, as
 * upstream's "master disruption mode" does.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/controller/nodelifecycle/node_lifecycle_controller.go
 */
export class NodeLifecycleController extends ControllerBase {
  readonly #recorder: EventRecorder;
  readonly #health = new Map<string, NodeHealth>();
  readonly #known = new Map<string, string>();
  readonly #zoneStates = new Map<string, ZoneState>();
  /** zoneNoExecuteTainter: nodes waiting for their NoExecute taint, by zone. */
  readonly #toTaint = new Map<string, Set<string>>();
  readonly #retry = new Set<string>();

  constructor(ctx: ControllerContext) {
    super('node-lifecycle-controller', ctx);
    this.#recorder = ctx.events.newRecorder({ component: 'node-controller' });
  }

  protected setup(): void {
    const { client } = this.ctx;
    this.watch(kinds.node, (node, event) => {
      if (event.type !== 'DELETED') this.queue.enqueue(`node/${node.metadata.name}`);
    });
    // processPod: a pod bound to a node that is not ready is marked not ready at once.
    this.watch(kinds.pod, (pod, event) => {
      const nodeName = (pod as Readonly<PodObject>).spec?.nodeName;
      const before = (event.previous?.object as Readonly<PodObject> | undefined)?.spec?.nodeName;
      if (event.type !== 'DELETED' && nodeName && nodeName !== before) this.queue.enqueue(`pod/${pod.metadata.namespace}/${pod.metadata.name}`);
    });
    for (const node of client.list(kinds.node)) this.queue.enqueue(`node/${node.metadata.name}`);
    this.queue.enqueue(monitorKey);
  }

  reconcile(key: string): ReconcileResult | void {
    if (key === monitorKey) {
      this.#monitorNodeHealth();
      return { requeueAfterMs: this.ctx.timing.nodeMonitorPeriodMs };
    }
    const [kind, ...rest] = key.split('/');
    if (kind === 'node') return this.#noScheduleTaintingPass(rest.join('/'));
    if (kind === 'pod') return this.#processPod(rest[0] ?? '', rest[1] ?? '');
  }

  /** monitorNodeHealth: one pass over every node. */
  #monitorNodeHealth(): void {
    const { client, clock, timing } = this.ctx;
    const nodes = client.list<NodeObject>(kinds.node);
    for (const node of nodes) {
      const name = node.metadata.name ?? '';
      if (this.#known.has(name)) continue;
      this.#nodeEvent(name, node.metadata.uid ?? '', 'RegisteredNode', `Registered Node ${name} in Controller`);
      this.#known.set(name, node.metadata.uid ?? '');
      this.#markNodeAsReachable(name);
    }
    const names = new Set(nodes.map((n) => n.metadata.name));
    for (const [name, uid] of [...this.#known]) {
      if (names.has(name)) continue;
      this.#nodeEvent(name, uid, 'RemovingNode', `Removing Node ${name} from Controller`);
      this.#known.delete(name);
      this.#health.delete(name);
      for (const pending of this.#toTaint.values()) pending.delete(name);
    }
    const zoneConditions = new Map<string, (NodeCondition | undefined)[]>();
    for (const listed of nodes) {
      const name = listed.metadata.name ?? '';
      const lease = client.get(kinds.lease, nodeLeaseNamespace, name) as (KubeObject & { spec?: { renewTime?: string } }) | undefined;
      const { health, check } = checkNodeHealth(listed, this.#health.get(name), microTimeMs(lease?.spec?.renewTime), clock.now(), this.nowString(), {
        monitorMs: timing.nodeMonitorGracePeriodMs,
        startupMs: timing.nodeStartupGracePeriodMs,
      });
      let node: Readonly<NodeObject> = listed;
      if (check.update) {
        try {
          node = client.updateStatus(kinds.node, check.update);
        } catch (error) {
          if (error instanceof ApiError && error.reason === 'NotFound') continue;
          throw error;
        }
      }
      this.#health.set(name, health);
      if (!(disruptionExclusionLabel in (node.metadata.labels ?? {}))) {
        const zone = zoneKey(node);
        const conditions = zoneConditions.get(zone);
        if (conditions) conditions.push(check.current);
        else zoneConditions.set(zone, [check.current]);
      }
      if (!check.current) continue;
      this.#processTaintBaseEviction(node, check.observed);
      // The node's pods only when they are needed: listing them for every node on every pass
      // made each pass cost nodes × pods (upstream reads them from an index by node name).
      const pods = (): Readonly<PodObject>[] => client.list<PodObject>(kinds.pod, undefined, (p) => p.spec.nodeName === name);
      if (check.current.status !== 'True' && check.observed.status === 'True') {
        this.#recorder.event({ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid }, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
        this.#markPodsNotReady(pods(), name);
      } else if (this.#retry.has(name) && check.observed.status !== 'True') {
        this.#markPodsNotReady(pods(), name);
      }
      this.#retry.delete(name);
    }
    this.#handleDisruption(zoneConditions, nodes);
    this.#noExecuteTaintingPass();
  }

  // processTaintBaseEviction: judged on the Ready condition as the kubelet last posted it.
  #processTaintBaseEviction(node: Readonly<NodeObject>, observed: NodeCondition): void {
    const name = node.metadata.name ?? '';
    switch (observed.status) {
      case 'False':
        if (taintExists(node.spec?.taints, unreachableNoExecute)) this.#swap(name, [notReadyNoExecute], [unreachableNoExecute]);
        else this.#markForTainting(node);
        break;
      case 'Unknown':
        if (taintExists(node.spec?.taints, notReadyNoExecute)) this.#swap(name, [unreachableNoExecute], [notReadyNoExecute]);
        else this.#markForTainting(node);
        break;
      case 'True':
        this.#markNodeAsReachable(name);
        break;
    }
  }

  #markForTainting(node: Readonly<NodeObject>): void {
    const zone = zoneKey(node);
    let pending = this.#toTaint.get(zone);
    if (!pending) this.#toTaint.set(zone, (pending = new Set()));
    pending.add(node.metadata.name ?? '');
  }

  /** markNodeAsReachable: both NoExecute taints off, and no tainting pending. */
  #markNodeAsReachable(name: string): void {
    this.#swap(name, [], [unreachableNoExecute, notReadyNoExecute]);
    for (const pending of this.#toTaint.values()) pending.delete(name);
  }

  /** handleDisruption: zone states decide whether NoExecute tainting may proceed. */
  #handleDisruption(zoneConditions: Map<string, (NodeCondition | undefined)[]>, nodes: readonly Readonly<NodeObject>[]): void {
    const newStates = new Map<string, ZoneState>();
    let allAreFullyDisrupted = true;
    for (const [zone, conditions] of zoneConditions) {
      const state = computeZoneState(conditions);
      if (state !== 'FullDisruption') allAreFullyDisrupted = false;
      newStates.set(zone, state);
      if (!this.#zoneStates.has(zone)) this.#zoneStates.set(zone, 'Initial');
    }
    let allWereFullyDisrupted = true;
    for (const [zone, state] of [...this.#zoneStates]) {
      if (!zoneConditions.has(zone)) {
        this.#zoneStates.delete(zone);
        continue;
      }
      if (state !== 'FullDisruption') {
        allWereFullyDisrupted = false;
        break;
      }
    }
    if (allAreFullyDisrupted && allWereFullyDisrupted) return;
    if (allAreFullyDisrupted) {
      // Every node down at once is more likely the control plane's problem: evict nothing.
      for (const node of nodes) this.#markNodeAsReachable(node.metadata.name ?? '');
      for (const zone of this.#zoneStates.keys()) this.#zoneStates.set(zone, 'FullDisruption');
      return;
    }
    if (allWereFullyDisrupted) {
      const now = this.ctx.clock.now();
      for (const [name, health] of this.#health) this.#health.set(name, { ...health, probeTimestamp: now, readyTransitionTimestamp: now });
    }
    for (const zone of this.#zoneStates.keys()) this.#zoneStates.set(zone, newStates.get(zone) ?? 'Normal');
  }

  /** doNoExecuteTaintingPass: taint the queued nodes of zones whose eviction rate is not zero. */
  #noExecuteTaintingPass(): void {
    const { client } = this.ctx;
    for (const [zone, pending] of this.#toTaint) {
      const state = this.#zoneStates.get(zone) ?? 'Initial';
      const zoneSize = [...this.#known.keys()].length;
      if (state === 'FullDisruption' && [...this.#zoneStates.values()].every((s) => s === 'FullDisruption')) continue;
      if (state === 'PartialDisruption' && zoneSize <= largeClusterThreshold) continue;
      for (const name of [...pending]) {
        const node = client.get<NodeObject>(kinds.node, '', name);
        const ready = node ? readyCondition(node) : undefined;
        if (ready?.status === 'False') this.#swap(name, [notReadyNoExecute], [unreachableNoExecute]);
        else if (ready?.status === 'Unknown') this.#swap(name, [unreachableNoExecute], [notReadyNoExecute]);
        pending.delete(name);
      }
    }
  }

  /** doNoScheduleTaintingPass: NoSchedule taints that mirror the node's conditions and cordon. */
  #noScheduleTaintingPass(name: string): void {
    const node = this.ctx.client.get<NodeObject>(kinds.node, '', name);
    if (!node) return;
    const { desired, managed } = noScheduleTaints(node);
    const add = desired.filter((t) => !managed.some((m) => sameTaint(m, t)));
    const remove = managed.filter((t) => !desired.some((d) => sameTaint(d, t)));
    if (add.length > 0 || remove.length > 0) this.#swap(name, add, remove);
  }

  #swap(name: string, add: Parameters<typeof swapTaints>[1], remove: Parameters<typeof swapTaints>[2]): void {
    const current = this.ctx.client.get<NodeObject>(kinds.node, '', name);
    if (!current) return;
    // swapTaints replaces spec without touching what is inside: a shallow copy will do (most
    // passes change nothing, and this runs for every node on every pass).
    const next = { ...current } as NodeObject;
    if (!swapTaints(next, add, remove, this.nowString())) return;
    this.ctx.client.update(kinds.node, next);
  }

  #processPod(namespace: string, name: string): void {
    const pod = this.ctx.client.get<PodObject>(kinds.pod, namespace, name);
    const nodeName = pod?.spec.nodeName;
    if (!pod || !nodeName) return;
    const ready = this.#health.get(nodeName)?.ready;
    if (!ready || !this.ctx.client.get(kinds.node, '', nodeName)) return;
    if (ready.status !== 'True') this.#markPodsNotReady([pod], nodeName);
  }

  /** MarkPodsNotReady: the Ready condition of each pod on the node turns False. */
  #markPodsNotReady(pods: readonly Readonly<PodObject>[], nodeName: string): void {
    for (const pod of pods) {
      if (pod.spec.nodeName !== nodeName) continue;
      const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
      if (!ready) continue;
      const status = cloneJson(pod.status ?? {});
      if (!updatePodCondition(status, { ...ready, status: 'False' }, this.nowString())) continue;
      try {
        this.ctx.client.updateStatus(kinds.pod, { ...cloneJson(pod), status } as PodObject);
      } catch (error) {
        if (error instanceof ApiError && error.reason === 'NotFound') continue;
        this.#retry.add(nodeName);
        throw error;
      }
      this.#recorder.event(pod, 'Warning', 'NodeNotReady', 'Node is not ready');
    }
  }

  // RecordNodeEvent: "Node minik event: Registered Node minik in Controller".
  #nodeEvent(name: string, uid: string, reason: string, event: string): void {
    this.#recorder.event({ apiVersion: 'v1', kind: 'Node', name, uid }, 'Normal', reason, `Node ${name} event: ${event}`);
  }
}

/** metav1.MicroTime to ms; JavaScript dates keep three fractional digits. */
function microTimeMs(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const t = Date.parse(value.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(t) ? undefined : t;
}
