import type { KubeObject } from '@minik/types';
import type { KindRef } from '../../client/in-process-client.js';
import { kinds } from '../shared/kinds.js';
import type { ReplicaSetObject } from '../shared/object-types.js';

/**
 * What the ReplicaSet controller needs to know of the kind it runs for. Upstream runs one
 * ReplicaSetController for both apps/v1 ReplicaSets and core/v1 ReplicationControllers
 * (NewBaseController takes the GroupVersionKind, the event source and informers that convert
 * RCs to ReplicaSets); this is that parameter.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/controller/replication/replication_controller.go
 */
export interface ReplicatedKind {
  /** The kind the controller watches, owns pods as (ownerReferences) and writes status to. */
  readonly kind: KindRef;
  /** The controller's name: the work queue's and the event source component. */
  readonly controllerName: string;
  /**
   * The stored object as a ReplicaSet: same apiVersion, kind and metadata (so events and
   * ownerReferences name the real object), the spec converted where the kinds differ. Status is
   * written back to the stored object, whose status has the ReplicaSet's fields.
   */
  asReplicaSet(obj: Readonly<KubeObject>): Readonly<ReplicaSetObject>;
}

/** apps/v1 ReplicaSet: read as it is stored. */
export const replicaSetKind: ReplicatedKind = {
  kind: kinds.replicaSet,
  controllerName: 'replicaset-controller',
  asReplicaSet: (obj) => obj as Readonly<ReplicaSetObject>,
};
