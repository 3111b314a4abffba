import type { Pod } from '@minik/types';
import type { InProcessClient } from '../client/in-process-client.js';
import { objectKey } from '../controllers/runtime/index.js';
import type { StoreEvent, StoreWatch } from '../store/index.js';

const podRef = { apiVersion: 'v1', kind: 'Pod' };

/**
 * One pod watch for every simulated kubelet, dispatching each event by node: to the kubelet of
 * the pod's node (before and after the change) and to any kubelet that still runs a worker for
 * that pod's key. A real kubelet watches with `fieldSelector=spec.nodeName=<node>` and the API
 * server's watch cache routes events by that index; a watch per kubelet instead made every pod
 * write call every kubelet (1,000 nodes: 1,000 listeners per write).
 */
export class PodEventRouter {
  readonly #client: InProcessClient;
  readonly #kubelets = new Map<string, (event: StoreEvent) => void>();
  /**
   * Nodes whose kubelet runs a worker for a pod key: the node's name, or a set of names while a
   * pod moves (a Set for every running pod took 185 bytes each).
   */
  readonly #workers = new Map<string, string | Set<string>>();
  #watch: StoreWatch | undefined;

  constructor(client: InProcessClient) {
    this.#client = client;
  }

  /** Routes the events of the pods of `nodeName` to `listener` until the returned watch stops. */
  subscribe(nodeName: string, listener: (event: StoreEvent) => void): StoreWatch {
    this.#kubelets.set(nodeName, listener);
    this.#watch ??= this.#client.watch(podRef, (event) => this.#route(event));
    return {
      stop: () => {
        if (this.#kubelets.get(nodeName) !== listener) return;
        this.#kubelets.delete(nodeName);
        if (this.#kubelets.size === 0) {
          this.#watch?.stop();
          this.#watch = undefined;
        }
      },
    };
  }

  /** Records whether `nodeName`'s kubelet runs a worker for `key` (it hears about that key wherever the pod goes). */
  track(key: string, nodeName: string, running: boolean): void {
    const nodes = this.#workers.get(key);
    if (running) {
      if (nodes === undefined || nodes === nodeName) this.#workers.set(key, nodeName);
      else if (typeof nodes === 'string') this.#workers.set(key, new Set([nodes, nodeName]));
      else nodes.add(nodeName);
    } else if (nodes === nodeName) {
      this.#workers.delete(key);
    } else if (nodes !== undefined && typeof nodes !== 'string') {
      nodes.delete(nodeName);
      if (nodes.size === 1) this.#workers.set(key, nodes.values().next().value!);
    }
  }

  #route(event: StoreEvent): void {
    const after = (event.stored.object as Pod).spec?.nodeName;
    const before = (event.previous?.object as Pod | undefined)?.spec?.nodeName;
    const workers = this.#workers.get(objectKey(event.namespace, event.name));
    if (after) this.#kubelets.get(after)?.(event);
    if (before && before !== after) this.#kubelets.get(before)?.(event);
    if (typeof workers === 'string') {
      if (workers !== after && workers !== before) this.#kubelets.get(workers)?.(event);
    } else if (workers) {
      for (const node of workers) if (node !== after && node !== before) this.#kubelets.get(node)?.(event);
    }
  }
}
