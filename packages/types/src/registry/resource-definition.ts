import type { TableColumnDefinition } from '../meta.js';

/** The verbs a resource or subresource can serve, as discovery lists them. */
export type Verb = 'create' | 'delete' | 'deletecollection' | 'get' | 'list' | 'patch' | 'update' | 'watch';

/** A subresource such as `status` or `scale`, shaped like the `plural/sub` APIResource entry. */
export interface SubresourceDefinition {
  name: string;
  kind: string;
  /** Set when the subresource answers with a kind of another group (Scale, Eviction, …). */
  group?: string;
  version?: string;
  verbs: readonly Verb[];
}

/** A field selector's source path and the value it has when the field is absent. */
export interface FieldSelectorPath {
  path: string;
  missing: string;
}

/**
 * One row of the resource registry: Kubernetes' APIResource plus what the server needs to serve
 * it. Routes, discovery, Table printing and client name resolution all derive from these rows.
 */
export interface ResourceDefinition {
  /** API group; '' for the core (legacy) group. */
  group: string;
  version: string;
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  verbs: readonly Verb[];
  shortNames?: readonly string[];
  categories?: readonly string[];
  subresources?: readonly SubresourceDefinition[];
  /** Server-side print columns (`kubectl get`), in upstream's order; cells come from the server's printers. */
  printerColumns: readonly TableColumnDefinition[];
  /**
   * Field selector labels this kind supports beyond metadata.name and metadata.namespace, each
   * mapped to the dotted path whose value it compares against (with the value a missing field
   * has, for booleans and numbers that Go would print as `false` or `0`).
   */
  fieldSelectors?: Readonly<Record<string, string | FieldSelectorPath>>;
}

/** `group/version` as it appears in `apiVersion` (`v1` for the core group). */
export function groupVersionOf(def: Pick<ResourceDefinition, 'group' | 'version'>): string {
  return def.group === '' ? def.version : `${def.group}/${def.version}`;
}

/** Resource name as upstream prints it in messages: `pods`, `deployments.apps`. */
export function qualifiedResourceOf(def: Pick<ResourceDefinition, 'group' | 'plural'>): string {
  return def.group === '' ? def.plural : `${def.plural}.${def.group}`;
}

/** Kind as upstream prints it in validation messages: `Pod`, `Deployment.apps`. */
export function qualifiedKindOf(def: Pick<ResourceDefinition, 'group' | 'kind'>): string {
  return def.group === '' ? def.kind : `${def.kind}.${def.group}`;
}
