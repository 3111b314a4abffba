/**
 * API machinery types the server and clients exchange. Object models come from `kubernetes-types`
 * (see docs/decisions/0001-object-models.md); these are the shapes that package lacks or that the
 * server needs in a writable form.
 */
import type { ObjectMeta as UpstreamObjectMeta, ListMeta, Status, StatusCause } from 'kubernetes-types/meta/v1.js';

/** ObjectMeta without upstream's `readonly` markers: the server is the one that sets those fields. */
export type ObjectMeta = { -readonly [K in keyof UpstreamObjectMeta]: UpstreamObjectMeta[K] };

/** Any Kubernetes object as the server stores it: typed metadata, everything else open. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

/** A list as the server returns it (`PodList`, `DeploymentList`, …). */
export interface KubeList<T = KubeObject> {
  apiVersion: string;
  kind: string;
  metadata: ListMeta;
  items: T[];
}

/** The `reason` values of a failure Status the server produces. */
export const StatusReasons = [
  'BadRequest',
  'Unauthorized',
  'Forbidden',
  'NotFound',
  'AlreadyExists',
  'Conflict',
  'Gone',
  'Expired',
  'Invalid',
  'MethodNotAllowed',
  'NotAcceptable',
  'RequestEntityTooLarge',
  'UnsupportedMediaType',
  'TooManyRequests',
  'InternalError',
  'ServiceUnavailable',
  'Timeout',
] as const;
export type StatusReason = (typeof StatusReasons)[number];

/** `details.causes[].reason` values used for field errors (Go's `CauseType`). */
export type CauseType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError'
  | 'FieldValueTypeInvalid'
  | 'UnexpectedServerResponse'
  | 'FieldManagerConflict';

export type { Status, StatusCause, ListMeta };

/** The event types of a watch stream. */
export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

/** One line of a watch stream. */
export interface WatchEvent<T = unknown> {
  type: WatchEventType;
  object: T;
}

/** `meta.k8s.io/v1` TableColumnDefinition. */
export interface TableColumnDefinition {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format: string;
  description: string;
  priority: number;
}

/** `meta.k8s.io/v1` TableRow. */
export interface TableRow {
  cells: unknown[];
  conditions?: { type: string; status: string; reason?: string; message?: string }[];
  object?: unknown;
}

/** `meta.k8s.io/v1` Table: what `kubectl get` prints from. */
export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: ListMeta;
  columnDefinitions: TableColumnDefinition[] | null;
  rows: TableRow[] | null;
}

/** `meta.k8s.io/v1` PartialObjectMetadata, the default `object` of a Table row. */
export interface PartialObjectMetadata {
  kind: 'PartialObjectMetadata';
  apiVersion: 'meta.k8s.io/v1';
  metadata: ObjectMeta;
}

/** A group/version/kind reference in aggregated discovery. */
export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** `apidiscovery.k8s.io/v2` APISubresourceDiscovery. */
export interface APISubresourceDiscovery {
  subresource: string;
  responseKind: GroupVersionKind;
  verbs: string[];
  acceptedTypes?: GroupVersionKind[];
}

/** `apidiscovery.k8s.io/v2` APIResourceDiscovery. */
export interface APIResourceDiscovery {
  resource: string;
  responseKind: GroupVersionKind;
  scope: 'Namespaced' | 'Cluster';
  singularResource: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  subresources?: APISubresourceDiscovery[];
}

/** `apidiscovery.k8s.io/v2` APIVersionDiscovery. */
export interface APIVersionDiscovery {
  version: string;
  resources: APIResourceDiscovery[];
  freshness: 'Current' | 'Stale';
}

/** `apidiscovery.k8s.io/v2` APIGroupDiscovery. */
export interface APIGroupDiscovery {
  metadata: { name?: string; creationTimestamp: null };
  versions: APIVersionDiscovery[];
}

/** `apidiscovery.k8s.io/v2` (or v2beta1, same shape) APIGroupDiscoveryList. */
export interface APIGroupDiscoveryList {
  kind: 'APIGroupDiscoveryList';
  apiVersion: 'apidiscovery.k8s.io/v2' | 'apidiscovery.k8s.io/v2beta1';
  metadata: Record<string, never>;
  items: APIGroupDiscovery[];
}

/** `autoscaling/v1` Scale, served by the /scale subresource. */
export interface Scale {
  kind: 'Scale';
  apiVersion: 'autoscaling/v1';
  metadata: ObjectMeta;
  spec: { replicas?: number };
  status: { replicas: number; selector?: string };
}
