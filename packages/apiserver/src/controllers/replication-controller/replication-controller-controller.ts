import type { KubeObject, LabelSelector, ReplicaSetStatus, ReplicationController } from '@minik/types';
import { ReplicaSetController } from '../replica-set/replica-set-controller.js';
import type { ReplicatedKind } from '../replica-set/replicated-kind.js';
import type { ControllerContext } from '../shared/controller-context.js';
import type { ReplicaSetObject } from '../shared/object-types.js';

/** core/v1 ReplicationController, as the controller reads it. */
export type ReplicationControllerObject = KubeObject & Required<Pick<ReplicationController, 'spec'>> & Pick<ReplicationController, 'status'>;

// One view per stored (frozen) RC, so its converted selector is one frozen object whose compiled
// form the selector cache keeps, as it does for a ReplicaSet's own selector.
const views = new WeakMap<object, Readonly<ReplicaSetObject>>();

/**
 * core/v1 ReplicationController for the ReplicaSet controller: upstream's conversion of an RC to
 * a ReplicaSet, whose plain label-map selector becomes a LabelSelector of matchLabels (a missing
 * or empty map, which validation forbids, selects nothing, as Go's omitempty makes it nil).
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/controller/replication/conversion.go
 */
export const replicationControllerKind: ReplicatedKind = {
  kind: { apiVersion: 'v1', kind: 'ReplicationController' },
  controllerName: 'replication-controller',
  asReplicaSet(obj) {
    let view = views.get(obj);
    if (view) return view;
    const rc = obj as Readonly<ReplicationControllerObject>;
    const { selector, ...spec } = rc.spec;
    const matchLabels = selector ?? {};
    const labelSelector: LabelSelector | undefined = Object.keys(matchLabels).length > 0 ? Object.freeze({ matchLabels }) : undefined;
    view = { ...rc, spec: { ...spec, selector: labelSelector as LabelSelector }, status: rc.status as ReplicaSetStatus | undefined };
    if (Object.isFrozen(obj)) views.set(obj, view);
    return view;
  },
};

/**
 * The ReplicationController controller: upstream's ReplicationManager is the ReplicaSet
 * controller run for ReplicationControllers, with the RC's kind in ownerReferences and its own
 * event source, `replication-controller`.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/controller/replication/replication_controller.go
 */
export class ReplicationControllerController extends ReplicaSetController {
  constructor(ctx: ControllerContext) {
    super(ctx, replicationControllerKind);
  }
}
