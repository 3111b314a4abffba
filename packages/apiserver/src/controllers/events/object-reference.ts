import type { KubeObject, ObjectReference } from '@minik/types';

/**
 * reference.GetReference: how an event names the object it is about. Passing a reference instead
 * of an object keeps it as given (upstream's node events use the node name as the uid).
 */
export function referenceOf(obj: Readonly<KubeObject> | ObjectReference): ObjectReference {
  if (!('metadata' in obj)) return { ...obj };
  const ref: ObjectReference = { kind: obj.kind, name: obj.metadata.name, uid: obj.metadata.uid, apiVersion: obj.apiVersion };
  if (obj.metadata.namespace) ref.namespace = obj.metadata.namespace;
  if (obj.metadata.resourceVersion) ref.resourceVersion = obj.metadata.resourceVersion;
  return ref;
}
