import type { KubeObject, OwnerReference } from '@minik/types';

const noOwners: readonly string[] = Object.freeze([]);
// The store shares a ReplicaSet's owner references between its pods: so do their uid lists here.
const uidsByReferences = new WeakMap<readonly OwnerReference[], readonly string[]>();

function ownerUids(refs: readonly OwnerReference[] | undefined): readonly string[] {
  if (refs === undefined || refs.length === 0) return noOwners;
  let uids = uidsByReferences.get(refs);
  if (uids === undefined) uidsByReferences.set(refs, (uids = Object.freeze(refs.map((ref) => ref.uid))));
  return uids;
}

/**
 * The garbage collector's view of ownership (upstream's GraphBuilder, reduced to indexes): who
 * depends on an owner uid, and which uids an object's owner references name.
 */
export class OwnerGraph {
  readonly #dependents = new Map<string, Set<string>>();
  readonly #ownersOf = new Map<string, readonly string[]>();
  readonly #keyByUid = new Map<string, string>();
  readonly #uidByKey = new Map<string, string>();

  /** Records an object's current owner references under its key. */
  upsert(key: string, obj: Readonly<KubeObject>): void {
    this.#unlinkOwners(key);
    const uid = obj.metadata.uid ?? '';
    const previousUid = this.#uidByKey.get(key);
    if (previousUid !== undefined && previousUid !== uid) this.#keyByUid.delete(previousUid);
    this.#uidByKey.set(key, uid);
    this.#keyByUid.set(uid, key);
    const owners = ownerUids(obj.metadata.ownerReferences);
    this.#ownersOf.set(key, owners);
    for (const owner of owners) {
      let set = this.#dependents.get(owner);
      if (!set) this.#dependents.set(owner, (set = new Set()));
      set.add(key);
    }
  }

  /** Forgets an object that was deleted. */
  remove(key: string): void {
    this.#unlinkOwners(key);
    this.#ownersOf.delete(key);
    const uid = this.#uidByKey.get(key);
    if (uid !== undefined && this.#keyByUid.get(uid) === key) this.#keyByUid.delete(uid);
    this.#uidByKey.delete(key);
  }

  /** Keys of the objects whose owner references name `ownerUid`. */
  dependentsOf(ownerUid: string): string[] {
    return [...(this.#dependents.get(ownerUid) ?? [])];
  }

  /** The key of the object with this uid, if it is known. */
  keyOf(uid: string): string | undefined {
    return this.#keyByUid.get(uid);
  }

  /** The owner uids an object names. */
  ownersOf(key: string): readonly string[] {
    return this.#ownersOf.get(key) ?? [];
  }

  #unlinkOwners(key: string): void {
    for (const owner of this.#ownersOf.get(key) ?? []) {
      const set = this.#dependents.get(owner);
      set?.delete(key);
      if (set?.size === 0) this.#dependents.delete(owner);
    }
  }
}
