import type { EventRecorder } from '../events/event-recorder.js';
import type { ReconcileResult } from '../runtime/index.js';
import { objectKey, splitKey } from '../runtime/index.js';
import { ControllerBase } from '../shared/controller-base.js';
import type { ControllerContext } from '../shared/controller-context.js';
import { claimObjects, controllerRefOf, refersToKind } from '../shared/controller-ref.js';
import { kinds } from '../shared/kinds.js';
import type { DeploymentObject, PodObject, ReplicaSetObject } from '../shared/object-types.js';
import { deploymentReasons, getDeploymentCondition, newDeploymentCondition, setDeploymentCondition } from './deployment-conditions.js';
import { hasProgressDeadline } from './deployment-status.js';
import { DeploymentSync } from './deployment-sync.js';
import { isScalingEvent, scale } from './proportional-scale.js';
import { rolloutRecreate } from './recreate.js';
import { rolloutRolling } from './rolling-update.js';
import { cloneJson } from '../../util/clone-json.js';
import { selectorSelects } from '../shared/selector-selects.js';
import { enqueueOwnersOf, type OwnerEvents } from '../shared/owner-events.js';

/**
 * The Deployment controller: one ReplicaSet per pod template (`<deployment>-<pod-template-hash>`),
 * rolled out with RollingUpdate or Recreate, proportional scaling mid-rollout, pause, revision
 * history and the status and conditions `kubectl rollout status` and `get deployments` read.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/controller/deployment/deployment_controller.go
 */
export class DeploymentController extends ControllerBase {
  readonly #recorder: EventRecorder;

  constructor(ctx: ControllerContext) {
    super('deployment-controller', ctx);
    this.#recorder = ctx.events.newRecorder({ component: 'deployment-controller' });
  }

  protected setup(): void {
    const { client } = this.ctx;
    this.watchPrimary(kinds.deployment);
    const replicaSetEvents: OwnerEvents = { client, queue: this.queue, ownerKind: kinds.deployment, selectorOf: (d) => (d as Readonly<DeploymentObject>).spec.selector };
    this.watch(kinds.replicaSet, (rs, event) => {
      enqueueOwnersOf(replicaSetEvents, rs);
      if (event.previous && controllerRefOf(event.previous.object)?.uid !== controllerRefOf(rs)?.uid) enqueueOwnersOf(replicaSetEvents, event.previous.object);
    });
    // A Recreate rollout waits for the old pods to be gone.
    this.watch(kinds.pod, (pod, event) => {
      if (event.type !== 'DELETED') return;
      const rsRef = controllerRefOf(pod);
      if (!rsRef || !refersToKind(rsRef, kinds.replicaSet)) return;
      const rs = client.get(kinds.replicaSet, pod.metadata.namespace ?? '', rsRef.name);
      const dRef = controllerRefOf(rs);
      if (dRef && refersToKind(dRef, kinds.deployment)) this.queue.enqueue(objectKey(pod.metadata.namespace, dRef.name));
    });
  }

  reconcile(key: string): ReconcileResult | void {
    const { client, clock } = this.ctx;
    const { namespace, name } = splitKey(key);
    const deployment = client.get<DeploymentObject>(kinds.deployment, namespace, name);
    if (!deployment) return;
    const selector = deployment.spec.selector;
    if (!selector?.matchLabels && !selector?.matchExpressions) {
      this.#recorder.event(deployment, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
      if ((deployment.status?.observedGeneration ?? 0) < (deployment.metadata.generation ?? 0)) {
        client.updateStatus(kinds.deployment, { ...cloneJson(deployment), status: { ...deployment.status, observedGeneration: deployment.metadata.generation } } as DeploymentObject);
      }
      return;
    }
    const replicaSets = claimObjects<ReplicaSetObject>(
      { client, owner: deployment, ownerKind: kinds.deployment, kind: kinds.replicaSet, matches: (rs) => selectorSelects(deployment.spec.selector, rs) },
      client.list<ReplicaSetObject>(kinds.replicaSet, namespace),
    );
    const sync = new DeploymentSync(client, clock, this.#recorder, deployment, replicaSets);
    if (deployment.metadata.deletionTimestamp) {
      const { newRS, oldRSs } = sync.getAllReplicaSetsAndSyncRevision(false);
      sync.syncDeploymentStatus([...oldRSs, newRS], newRS);
      return;
    }
    checkPausedConditions(sync);
    if (deployment.spec.paused || isScalingEvent(sync)) {
      // sync(): scale only, no rollout; a paused Deployment still trims its history.
      const { newRS, oldRSs } = sync.getAllReplicaSetsAndSyncRevision(false);
      scale(sync, newRS, oldRSs);
      if (deployment.spec.paused) sync.cleanupDeployment(oldRSs);
      sync.syncDeploymentStatus([...oldRSs, newRS], newRS);
      return;
    }
    const requeue = deployment.spec.strategy?.type === 'Recreate' ? rolloutRecreate(sync, this.#podsByReplicaSet(deployment, sync.rsList)) : rolloutRolling(sync);
    if (requeue !== undefined) return { requeueAfterMs: requeue };
  }

  // getPodMapForDeployment: the Deployment's pods, grouped by the ReplicaSet that controls them.
  #podsByReplicaSet(d: Readonly<DeploymentObject>, replicaSets: readonly Readonly<ReplicaSetObject>[]): Map<string, Readonly<PodObject>[]> {
    const map = new Map<string, Readonly<PodObject>[]>(replicaSets.map((rs) => [rs.metadata.uid ?? '', []]));
    for (const pod of this.ctx.client.list<PodObject>(kinds.pod, d.metadata.namespace ?? '', (p) => selectorSelects(d.spec.selector, p))) {
      const ref = controllerRefOf(pod);
      if (ref) map.get(ref.uid)?.push(pod);
    }
    return map;
  }
}

/**
 * checkPausedConditions: a paused Deployment reports Progressing Unknown "DeploymentPaused", and
 * "DeploymentResumed" when resumed, so time spent paused never counts against the deadline.
 */
function checkPausedConditions(sync: DeploymentSync): void {
  const d = sync.d;
  if (!hasProgressDeadline(d)) return;
  const condition = getDeploymentCondition(d.status, 'Progressing');
  if (condition?.reason === deploymentReasons.timedOut) return;
  const pausedConditionExists = condition?.reason === deploymentReasons.paused;
  const status = (d.status ??= {});
  if (d.spec.paused && !pausedConditionExists) {
    setDeploymentCondition(status, newDeploymentCondition('Progressing', 'Unknown', deploymentReasons.paused, 'Deployment is paused', sync.now()));
  } else if (!d.spec.paused && pausedConditionExists) {
    setDeploymentCondition(status, newDeploymentCondition('Progressing', 'Unknown', deploymentReasons.resumed, 'Deployment is resumed', sync.now()));
  } else {
    return;
  }
  sync.persistStatus();
}
