import type { KubeObject, Node, Pod } from '@minik/types';
import type { StoreEvent } from '../store/index.js';
import { holdsResources, nodeInfo, type NodeInfo } from './node-info.js';

/**
 * The scheduler's view of nodes and of the pods bound to them, kept up to date from watch events
 * (kube-scheduler's cache): a scheduling cycle reads NodeInfos from here instead of listing every
 * node and pod of the cluster for each pod. A node's NodeInfo is rebuilt only after its node or
 * its pods changed. Watch events arrive synchronously with each write, so the cache always
 * equals what a fresh list would give.
 */
export class SchedulerCache {
  readonly #nodes = new Map<string, Readonly<Node>>();
  /** Pods holding resources, by the node they are bound to (which may not exist yet). */
  readonly #podsByNode = new Map<string, Map<string, Readonly<Pod>>>();
  /** Node names in order (a list of nodes is sorted by name); rebuilt when nodes come or go. */
  #names: string[] | undefined;
  /** The NodeInfo of each name's position, built on first use after a change. */
  #slots: (NodeInfo | undefined)[] = [];
  #positions = new Map<string, number>();

  /** Fills the cache from current state (before watching). */
  fill(nodes: readonly Readonly<Node & KubeObject>[], pods: readonly Readonly<Pod & KubeObject>[]): void {
    this.clear();
    for (const node of nodes) this.#nodes.set(node.metadata.name ?? '', node);
    for (const pod of pods) this.#addPod(`${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`, pod);
  }

  clear(): void {
    this.#nodes.clear();
    this.#podsByNode.clear();
    this.#names = undefined;
  }

  onNode(event: StoreEvent): void {
    if (event.type === 'DELETED') this.#nodes.delete(event.name);
    else this.#nodes.set(event.name, event.stored.object as Node);
    if (event.type !== 'MODIFIED') this.#names = undefined;
    else this.#invalidate(event.name);
  }

  onPod(event: StoreEvent): void {
    const key = `${event.namespace}/${event.name}`;
    const before = event.previous?.object as Pod | undefined;
    if (before) this.#removePod(key, before);
    if (event.type === 'DELETED') this.#removePod(key, event.stored.object as Pod);
    else this.#addPod(key, event.stored.object as Pod);
  }

  /** How many nodes there are. */
  get nodeCount(): number {
    return this.#nodes.size;
  }

  /** The NodeInfo of the i-th node in name order. */
  infoAt(index: number): NodeInfo {
    if (!this.#names) {
      this.#names = [...this.#nodes.keys()].sort();
      this.#slots = new Array<NodeInfo | undefined>(this.#names.length);
      this.#positions = new Map(this.#names.map((name, i) => [name, i]));
    }
    let info = this.#slots[index];
    if (!info) {
      const name = this.#names[index]!;
      const pods = this.#podsByNode.get(name);
      // Pods in namespace/name order, as a list returns them.
      // Frozen, so plugins may keep what they derive from it (PodTopologySpread's counts).
      const list = Object.freeze(pods ? [...pods.keys()].sort().map((k) => pods.get(k)!) : []);
      info = nodeInfo(this.#nodes.get(name)!, list);
      this.#slots[index] = info;
    }
    return info;
  }

  #invalidate(node: string): void {
    if (!this.#names) return;
    const position = this.#positions.get(node);
    if (position !== undefined) this.#slots[position] = undefined;
  }

  #addPod(key: string, pod: Readonly<Pod>): void {
    const node = pod.spec?.nodeName;
    if (!node || !holdsResources(pod)) return;
    let pods = this.#podsByNode.get(node);
    if (!pods) this.#podsByNode.set(node, (pods = new Map()));
    pods.set(key, pod);
    this.#invalidate(node);
  }

  #removePod(key: string, pod: Readonly<Pod>): void {
    const node = pod.spec?.nodeName;
    if (!node) return;
    const pods = this.#podsByNode.get(node);
    if (!pods?.delete(key)) return;
    if (pods.size === 0) this.#podsByNode.delete(node);
    this.#invalidate(node);
  }
}
