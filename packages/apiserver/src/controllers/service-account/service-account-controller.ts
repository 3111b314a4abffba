import { defaultServiceAccount } from '../../cluster/bootstrap-objects.js';
import { ApiError } from '../../errors/index.js';
import type { ReconcileResult } from '../runtime/index.js';
import { ControllerBase } from '../shared/controller-base.js';
import type { ControllerContext } from '../shared/controller-context.js';
import { kinds } from '../shared/kinds.js';
import type { NamespaceObject } from '../shared/object-types.js';

/**
 * The service account controller: every active namespace has a `default` ServiceAccount, created
 * when the namespace appears and again if someone deletes it.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/controller/serviceaccount/serviceaccounts_controller.go
 */
export class ServiceAccountController extends ControllerBase {
  constructor(ctx: ControllerContext) {
    super('serviceaccount-controller', ctx);
  }

  protected setup(): void {
    this.watch(kinds.namespace, (ns, event) => {
      if (event.type !== 'DELETED') this.queue.enqueue(ns.metadata.name ?? '');
    });
    this.watch(kinds.serviceAccount, (sa, event) => {
      if (event.type === 'DELETED' && sa.metadata.name === 'default') this.queue.enqueue(sa.metadata.namespace ?? '');
    });
    for (const ns of this.ctx.client.list(kinds.namespace)) this.queue.enqueue(ns.metadata.name ?? '');
  }

  reconcile(namespace: string): ReconcileResult | void {
    const { client } = this.ctx;
    const ns = client.get<NamespaceObject>(kinds.namespace, '', namespace);
    if (!ns || ns.status?.phase !== 'Active' || ns.metadata.deletionTimestamp) return;
    if (client.get(kinds.serviceAccount, namespace, 'default')) return;
    try {
      client.create(kinds.serviceAccount, defaultServiceAccount(namespace));
    } catch (error) {
      // Someone else created it, or the namespace started terminating meanwhile.
      if (error instanceof ApiError && (error.reason === 'AlreadyExists' || error.reason === 'Forbidden' || error.reason === 'NotFound')) return;
      throw error;
    }
  }
}
