import type { KubeObject, OwnerReference } from '@minik/types';
import type { InProcessClient, KindRef } from '../../client/in-process-client.js';
import { cloneJson } from '../../util/clone-json.js';

/** The owner reference marked `controller: true`, if any (metav1.GetControllerOf). */
export function controllerRefOf(obj: Readonly<KubeObject> | undefined): OwnerReference | undefined {
  return obj?.metadata.ownerReferences?.find((ref) => ref.controller === true);
}

/**
 * metav1.NewControllerRef: the reference a controller puts on what it creates, blocking the owner's
 * foreground deletion until the dependent is gone.
 */
export function newControllerRef(owner: Readonly<KubeObject>, ownerKind: KindRef): OwnerReference {
  return {
    apiVersion: ownerKind.apiVersion,
    kind: ownerKind.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** Whether an owner reference points at a kind (by group, ignoring the version as upstream does). */
export function refersToKind(ref: OwnerReference, kind: KindRef): boolean {
  return ref.kind === kind.kind && groupOf(ref.apiVersion) === groupOf(kind.apiVersion);
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** What a controller needs to claim objects by selector (controller.ControllerRefManager). */
export interface ClaimContext {
  client: InProcessClient;
  owner: Readonly<KubeObject>;
  ownerKind: KindRef;
  /** The kind of the objects being claimed. */
  kind: KindRef;
  /** Whether the owner's selector selects the object. */
  matches(obj: Readonly<KubeObject>): boolean;
}

/**
 * ControllerRefManager.ClaimObject over a list: keeps what the owner controls and still selects,
 * adopts matching orphans, and releases what it controls but no longer selects. An owner being
 * deleted neither adopts nor releases. Returns the claimed objects (adopted ones as written).
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/controller/controller_ref_manager.go
 */
export function claimObjects<T extends KubeObject>(ctx: ClaimContext, objects: readonly Readonly<T>[]): Readonly<T>[] {
  const claimed: Readonly<T>[] = [];
  const ownerUid = ctx.owner.metadata.uid;
  const ownerDeleting = ctx.owner.metadata.deletionTimestamp !== undefined;
  for (const obj of objects) {
    const ref = controllerRefOf(obj);
    if (ref) {
      if (ref.uid !== ownerUid) continue;
      if (ctx.matches(obj)) claimed.push(obj);
      else if (!ownerDeleting) release(ctx, obj);
      continue;
    }
    if (ownerDeleting || !ctx.matches(obj) || obj.metadata.deletionTimestamp) continue;
    if ((obj.metadata.namespace ?? '') !== (ctx.owner.metadata.namespace ?? '')) continue;
    const adopted = adopt(ctx, obj);
    if (adopted) claimed.push(adopted);
  }
  return claimed;
}

// The adoption patch carries the object's uid, so a recreated object of the same name is not adopted.
function adopt<T extends KubeObject>(ctx: ClaimContext, obj: Readonly<T>): Readonly<T> | undefined {
  const current = ctx.client.get<T>(ctx.kind, obj.metadata.namespace ?? '', obj.metadata.name ?? '');
  if (!current || current.metadata.uid !== obj.metadata.uid || controllerRefOf(current)) return undefined;
  // canAdopt: re-read the owner; a deleted or replaced owner must not adopt anything.
  const owner = ctx.client.get(ctx.ownerKind, ctx.owner.metadata.namespace ?? '', ctx.owner.metadata.name ?? '');
  if (!owner || owner.metadata.uid !== ctx.owner.metadata.uid || owner.metadata.deletionTimestamp) return undefined;
  const next = cloneJson(current) as T;
  next.metadata.ownerReferences = [...(next.metadata.ownerReferences ?? []), newControllerRef(ctx.owner, ctx.ownerKind)];
  return ctx.client.update<T>(ctx.kind, next);
}

function release(ctx: ClaimContext, obj: Readonly<KubeObject>): void {
  const current = ctx.client.get(ctx.kind, obj.metadata.namespace ?? '', obj.metadata.name ?? '');
  if (!current || current.metadata.uid !== obj.metadata.uid) return;
  const next = cloneJson(current) as KubeObject;
  next.metadata.ownerReferences = (next.metadata.ownerReferences ?? []).filter((r) => r.uid !== ctx.owner.metadata.uid);
  if (next.metadata.ownerReferences.length === 0) delete next.metadata.ownerReferences;
  ctx.client.update(ctx.kind, next);
}
