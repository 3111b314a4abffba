import { conflict } from '../errors/index.js';
import type { ResourceRef, StoredObject, WritePreconditions } from './store.js';

/** 409 Conflict when a write's uid or resourceVersion precondition does not hold. */
export function assertPreconditions(resource: ResourceRef, name: string, current: StoredObject, pre?: WritePreconditions): void {
  if (!pre) return;
  if (pre.uid !== undefined && pre.uid !== current.object.metadata.uid) {
    throw conflict(
      resource,
      name,
      `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${current.object.metadata.uid ?? ''}`,
    );
  }
  if (pre.resourceVersion !== undefined && pre.resourceVersion !== String(current.revision)) {
    throw conflict(resource, name);
  }
}
