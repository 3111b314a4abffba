import type { KubeObject } from '@minik/types';
import { rootCAConfigMap } from '../../cluster/bootstrap-objects.js';
import { ApiError } from '../../errors/index.js';
import { deepEqual } from '../../util/deep-equal.js';
import type { ReconcileResult } from '../runtime/index.js';
import { ControllerBase } from '../shared/controller-base.js';
import type { ControllerContext } from '../shared/controller-context.js';
import { kinds } from '../shared/kinds.js';
import { cloneJson } from '../../util/clone-json.js';

/** The ConfigMap the publisher keeps in every namespace. */
export const rootCAConfigMapName = 'kube-root-ca.crt';
const descriptionAnnotation = 'kubernetes.io/description';

/**
 * The root CA certificate publisher: every namespace holds `kube-root-ca.crt` with the cluster's
 * CA bundle and its description annotation, restored if it is deleted or edited.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/controller/certificates/rootcacertpublisher/publisher.go
 */
export class RootCAPublisher extends ControllerBase {
  constructor(
    ctx: ControllerContext,
    readonly caPem: string,
  ) {
    super('root-ca-certificate-publisher-controller', ctx);
  }

  protected setup(): void {
    this.watch(kinds.namespace, (ns, event) => {
      if (event.type !== 'DELETED') this.queue.enqueue(ns.metadata.name ?? '');
    });
    this.watch(kinds.configMap, (cm, event) => {
      if (cm.metadata.name === rootCAConfigMapName && event.type !== 'ADDED') this.queue.enqueue(cm.metadata.namespace ?? '');
    });
    for (const ns of this.ctx.client.list(kinds.namespace)) this.queue.enqueue(ns.metadata.name ?? '');
  }

  reconcile(namespace: string): ReconcileResult | void {
    const { client } = this.ctx;
    const ns = client.get(kinds.namespace, '', namespace);
    if (!ns || ns.metadata.deletionTimestamp) return;
    const desired = rootCAConfigMap(namespace, this.caPem);
    const cm = client.get(kinds.configMap, namespace, rootCAConfigMapName);
    try {
      if (!cm) {
        client.create(kinds.configMap, desired);
        return;
      }
      if (deepEqual(cm.data, desired.data) && (cm.metadata.annotations?.[descriptionAnnotation] ?? '') !== '') return;
      const next = cloneJson(cm) as KubeObject;
      next.data = desired.data;
      next.metadata.annotations = { ...next.metadata.annotations, ...desired.metadata.annotations };
      client.update(kinds.configMap, next);
    } catch (error) {
      // A namespace that is gone or terminating gets no ConfigMap (upstream does not retry either).
      if (error instanceof ApiError && (error.reason === 'NotFound' || error.reason === 'Forbidden' || error.reason === 'AlreadyExists')) return;
      throw error;
    }
  }
}
