import type { ResourceDefinition } from '@minik/types';
import { groupVersionOf } from '@minik/types';
import type { KindRef } from '../../client/in-process-client.js';
import { ApiError } from '../../errors/index.js';
import type { ReconcileResult } from '../runtime/index.js';
import { ControllerBase } from '../shared/controller-base.js';
import type { ControllerContext } from '../shared/controller-context.js';
import { kinds } from '../shared/kinds.js';
import type { NamespaceObject, PodObject } from '../shared/object-types.js';
import { cloneJson } from '../../util/clone-json.js';

const kubernetesFinalizer = 'kubernetes';

/**
 * The namespace controller: a namespace being deleted (phase Terminating, `spec.finalizers`
 * ["kubernetes"]) is emptied of every namespaced resource, each deleted with Background
 * propagation; once nothing is left, the `kubernetes` finalizer is removed through the
 * `namespaces/{name}/finalize` semantics and the API server removes the namespace.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/controller/namespace/deletion/namespaced_resources_deleter.go
 */
export class NamespaceController extends ControllerBase {
  constructor(ctx: ControllerContext) {
    super('namespace-controller', ctx);
  }

  protected setup(): void {
    const { client } = this.ctx;
    this.watch(kinds.namespace, (ns) => {
      if (ns.metadata.deletionTimestamp) this.queue.enqueue(ns.metadata.name ?? '');
    });
    // Upstream polls with an estimate; minik also looks again as soon as content goes away. Only
    // resources with storage of their own: events.k8s.io Events go when their core Events go, and
    // watching that alias too would convert (and keep) a second view of every Event.
    for (const def of this.#contentResources()) {
      const storage = client.context.store.storageOf(def);
      if (storage.group !== def.group || storage.plural !== def.plural) continue;
      this.watch(kindOf(def), (obj, event) => {
        if (event.type !== 'DELETED' || !obj.metadata.namespace) return;
        const ns = client.get(kinds.namespace, '', obj.metadata.namespace);
        if (ns?.metadata.deletionTimestamp) this.queue.enqueue(obj.metadata.namespace);
      });
    }
    for (const ns of client.list(kinds.namespace)) if (ns.metadata.deletionTimestamp) this.queue.enqueue(ns.metadata.name ?? '');
  }

  #contentResources(): ResourceDefinition[] {
    return this.ctx.client.context.registry.definitions.filter((def) => def.namespaced && def.verbs.includes('list') && def.verbs.includes('delete'));
  }

  reconcile(key: string): ReconcileResult | void {
    const { client } = this.ctx;
    const ns = client.get<NamespaceObject>(kinds.namespace, '', key);
    if (!ns?.metadata.deletionTimestamp) return;
    if (!(ns.spec?.finalizers ?? []).includes(kubernetesFinalizer)) return;
    let remaining = 0;
    let estimateSeconds = 0;
    for (const def of this.#contentResources()) {
      for (const obj of client.list(kindOf(def), key)) {
        remaining++;
        if (def.group === '' && def.kind === 'Pod') estimateSeconds = Math.max(estimateSeconds, terminationEstimate(obj as Readonly<PodObject>));
        if (obj.metadata.deletionTimestamp) continue;
        try {
          client.delete(kindOf(def), key, obj.metadata.name ?? '', { propagationPolicy: 'Background' });
        } catch (error) {
          if (!(error instanceof ApiError && error.reason === 'NotFound')) throw error;
        }
      }
    }
    // Count what deleting left behind (graceful pods, objects with finalizers).
    remaining = this.#contentResources().reduce((n, def) => n + client.list(kindOf(def), key).length, 0);
    if (remaining > 0) {
      // ResourcesRemainingError: look again after estimate/2 + 1 seconds.
      return { requeueAfterMs: (Math.floor(estimateSeconds / 2) + 1) * 1000 };
    }
    this.#finalize(ns);
  }

  // finalizeNamespace: an update of spec.finalizers without "kubernetes", as PUT .../finalize does.
  #finalize(ns: Readonly<NamespaceObject>): void {
    const next = cloneJson(ns) as NamespaceObject;
    next.spec = { ...next.spec, finalizers: (ns.spec?.finalizers ?? []).filter((f) => f !== kubernetesFinalizer) };
    try {
      this.ctx.client.update(kinds.namespace, next);
    } catch (error) {
      if (!(error instanceof ApiError && error.reason === 'NotFound')) throw error;
    }
  }
}

// estimateGracefulTermination: how long a pod may still take to go away.
function terminationEstimate(pod: Readonly<PodObject>): number {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return 0;
  return pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
}

function kindOf(def: ResourceDefinition): KindRef {
  return { apiVersion: groupVersionOf(def), kind: def.kind };
}
