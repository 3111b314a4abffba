/**
 * The project's own compact description of the built-in kinds' structure. One source feeds the
 * OpenAPI v2/v3 documents, field validation (unknown/duplicate fields) and strategic merge patch
 * (merge keys and patch strategies), so the three cannot disagree.
 */

/** How a list merges in strategic merge patch and server-side apply (upstream's struct tags). */
export interface ListMergeRules {
  /** `x-kubernetes-patch-strategy`: 'merge' merges items by `patchMergeKey`; 'replace' (default) replaces. */
  patchStrategy?: 'merge' | 'replace' | 'merge,retainKeys';
  /** `x-kubernetes-patch-merge-key`, e.g. 'name' for containers, 'containerPort' for ports. */
  patchMergeKey?: string;
  /** `x-kubernetes-list-type` for server-side apply. */
  listType?: 'atomic' | 'set' | 'map';
  /** `x-kubernetes-list-map-keys` when listType is 'map'. */
  listMapKeys?: readonly string[];
}

/** The type of one field. Named object types are referenced by definition name. */
export type FieldType =
  | { kind: 'string'; format?: string; enum?: readonly string[] }
  | { kind: 'integer'; format?: 'int32' | 'int64' }
  | { kind: 'number'; format?: 'double' }
  | { kind: 'boolean' }
  /** `intstr.IntOrString` (x-kubernetes-int-or-string). */
  | { kind: 'int-or-string' }
  /** `resource.Quantity`: a string or number on the wire. */
  | { kind: 'quantity' }
  /** `metav1.Time` / `MicroTime`: an RFC 3339 string. */
  | { kind: 'time'; micro?: boolean }
  /** Raw bytes, base64 in JSON (Secret data). */
  | { kind: 'bytes' }
  | { kind: 'ref'; name: string }
  | ({ kind: 'array'; items: FieldType } & ListMergeRules)
  /** A map with string keys (additionalProperties); 'atomic' maps are replaced whole by server-side apply. */
  | { kind: 'map'; values: FieldType; mapType?: 'atomic' | 'granular' }
  /** Anything (RawExtension, free-form JSON): x-kubernetes-preserve-unknown-fields. */
  | { kind: 'any' };

/** One field of an object definition. */
export interface FieldDefinition {
  type: FieldType;
  description?: string;
  required?: boolean;
  /** For object-valued fields: `retainKeys` clears siblings not in the patch (DeploymentStrategy). */
  patchStrategy?: 'retainKeys' | 'replace';
}

/** A named object type, e.g. `io.k8s.api.core.v1.PodSpec`. */
export interface ObjectDefinition {
  /** Full OpenAPI definition name. */
  name: string;
  description?: string;
  fields: Readonly<Record<string, FieldDefinition>>;
  /** Set on top-level kinds: the group/version/kind the definition serves. */
  gvk?: { group: string; version: string; kind: string };
  /** 'atomic' objects are replaced whole by server-side apply (x-kubernetes-map-type). */
  mapType?: 'atomic' | 'granular';
}

/** All definitions by name. */
export type SchemaDefinitions = ReadonlyMap<string, ObjectDefinition>;
