import type { FieldDefinition, FieldType, ListMergeRules, ObjectDefinition } from './schema-types.js';

// Small constructors that keep the schema data files compact and readable. They only build plain
// values: every definition stays data that the OpenAPI documents, field validation and strategic
// merge patch read.

/** `io.k8s.api.core.v1.<kind>` */
export const coreV1 = (kind: string): string => `io.k8s.api.core.v1.${kind}`;
/** `io.k8s.apimachinery.pkg.apis.meta.v1.<kind>` */
export const metaV1 = (kind: string): string => `io.k8s.apimachinery.pkg.apis.meta.v1.${kind}`;
/** `io.k8s.api.apps.v1.<kind>` */
export const appsV1 = (kind: string): string => `io.k8s.api.apps.v1.${kind}`;
/** `io.k8s.api.batch.v1.<kind>` */
export const batchV1 = (kind: string): string => `io.k8s.api.batch.v1.${kind}`;
/** `io.k8s.api.autoscaling.v1.<kind>` */
export const autoscalingV1 = (kind: string): string => `io.k8s.api.autoscaling.v1.${kind}`;
/** `io.k8s.api.policy.v1.<kind>` */
export const policyV1 = (kind: string): string => `io.k8s.api.policy.v1.${kind}`;
/** `io.k8s.api.coordination.v1.<kind>` */
export const coordinationV1 = (kind: string): string => `io.k8s.api.coordination.v1.${kind}`;
/** `io.k8s.api.discovery.v1.<kind>` */
export const discoveryV1 = (kind: string): string => `io.k8s.api.discovery.v1.${kind}`;
/** `io.k8s.api.authentication.v1.<kind>` */
export const authenticationV1 = (kind: string): string => `io.k8s.api.authentication.v1.${kind}`;
/** `io.k8s.api.authorization.v1.<kind>` */
export const authorizationV1 = (kind: string): string => `io.k8s.api.authorization.v1.${kind}`;
/** `io.k8s.api.rbac.v1.<kind>` */
export const rbacV1 = (kind: string): string => `io.k8s.api.rbac.v1.${kind}`;
/** `io.k8s.api.events.v1.<kind>` */
export const eventsV1 = (kind: string): string => `io.k8s.api.events.v1.${kind}`;

export const str: FieldType = { kind: 'string' };
export const int32: FieldType = { kind: 'integer', format: 'int32' };
export const int64: FieldType = { kind: 'integer', format: 'int64' };
export const double: FieldType = { kind: 'number', format: 'double' };
export const bool: FieldType = { kind: 'boolean' };
/** metav1.Time */
export const time: FieldType = { kind: 'time' };
/** metav1.MicroTime */
export const microTime: FieldType = { kind: 'time', micro: true };
export const intOrString: FieldType = { kind: 'int-or-string' };
export const quantity: FieldType = { kind: 'quantity' };
export const bytes: FieldType = { kind: 'bytes' };
/** RawExtension, FieldsV1: any JSON value. */
export const anyValue: FieldType = { kind: 'any' };

/** A named object type. */
export const ref = (name: string): FieldType => ({ kind: 'ref', name });

/** An array, with its strategic-merge and server-side-apply rules. */
export const list = (items: FieldType, rules: ListMergeRules = {}): FieldType => ({ kind: 'array', items, ...rules });

/** A string-keyed map. */
export const map = (values: FieldType, mapType?: 'atomic' | 'granular'): FieldType =>
  mapType === undefined ? { kind: 'map', values } : { kind: 'map', values, mapType };

/** One field. */
export function field(
  type: FieldType,
  description: string | undefined,
  options: { required?: boolean; patchStrategy?: FieldDefinition['patchStrategy'] } = {},
): FieldDefinition {
  const def: FieldDefinition = { type };
  if (description !== undefined) def.description = description;
  if (options.required) def.required = true;
  if (options.patchStrategy) def.patchStrategy = options.patchStrategy;
  return def;
}

/** One named object type. */
export function object(
  name: string,
  description: string | undefined,
  fields: Record<string, FieldDefinition>,
  options: Pick<ObjectDefinition, 'gvk' | 'mapType'> = {},
): ObjectDefinition {
  const def: ObjectDefinition = { name, fields };
  if (description !== undefined) def.description = description;
  if (options.gvk) def.gvk = options.gvk;
  if (options.mapType) def.mapType = options.mapType;
  return def;
}

/** The TypeMeta and ObjectMeta fields every top-level kind has (descriptions shortened). */
export const apiVersionField = field(str, 'APIVersion defines the versioned schema of this representation of an object.');
export const kindField = field(str, 'Kind is a string value representing the REST resource this object represents.');
export const objectMetaField = (description = "Standard object's metadata."): FieldDefinition => field(ref(metaV1('ObjectMeta')), description);
/** A list of strings replaced as a whole (`+listType=atomic`). */
export const atomicStrings = list(str, { listType: 'atomic' });
