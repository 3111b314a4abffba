import type { FieldSelectorPath, KubeObject, ResourceDefinition } from '@minik/types';
import type { WatchTrigger } from '../store/index.js';
import { assertFieldsSupported, fieldValue, parseFieldSelector, parseLabelSelector } from '../selectors/index.js';

/** A predicate over stored objects; undefined means "everything". */
export type ObjectFilter = ((obj: Readonly<KubeObject>) => boolean) | undefined;

const metadataFields: Record<string, FieldSelectorPath> = {
  'metadata.name': { path: 'metadata.name', missing: '' },
  'metadata.namespace': { path: 'metadata.namespace', missing: '' },
};

// Field paths per registry row, resolved once.
const fieldPathsCache = new WeakMap<ResourceDefinition, Record<string, FieldSelectorPath>>();

function fieldPathsOf(def: ResourceDefinition): Record<string, FieldSelectorPath> {
  let paths = fieldPathsCache.get(def);
  if (!paths) {
    paths = { ...metadataFields };
    for (const [label, source] of Object.entries(def.fieldSelectors ?? {})) {
      paths[label] = typeof source === 'string' ? { path: source, missing: '' } : source;
    }
    fieldPathsCache.set(def, paths);
  }
  return paths;
}

/**
 * Builds the filter of a list or watch from `labelSelector`, `fieldSelector` and (for a named
 * watch) the name. Field labels come from the registry row; unsupported ones are a 400.
 */
export function objectFilterOf(def: ResourceDefinition, query: URLSearchParams, name?: string): ObjectFilter {
  const labels = parseLabelSelector(query.get('labelSelector') ?? '');
  const fields = parseFieldSelector(query.get('fieldSelector') ?? '');
  const paths = fieldPathsOf(def);
  // Kinds without field labels of their own get upstream's "not a known field selector" wording.
  if (!fields.empty) assertFieldsSupported(fields, new Set(Object.keys(paths)), def.fieldSelectors ? 'kind' : 'default');
  if (labels.empty && fields.empty && name === undefined) return undefined;
  return (obj) =>
    (name === undefined || obj.metadata.name === name) &&
    (labels.empty || labels.matches(obj.metadata.labels)) &&
    (fields.empty || fields.matches((field) => fieldValue(obj, paths[field]!.path, paths[field]!.missing)));
}

// Fields a watch may be indexed by: the pod's node (what every kubelet watches by, and what
// upstream's watch cache indexes pods by) and the name (named watches, `get NAME -w`). Both read
// the same in every version of an object, converted or not.
const triggerFields: ReadonlySet<string> = new Set(['spec.nodeName', 'metadata.name']);

/**
 * The index a watch can wait on instead of filtering every event: an equality on the node or the
 * name in the field selector, or the name of a named watch. The watch's full filter still applies.
 */
export function watchTriggerOf(def: ResourceDefinition, query: URLSearchParams, name?: string): WatchTrigger | undefined {
  const paths = fieldPathsOf(def);
  if (name !== undefined) return nameTrigger(name);
  const fields = parseFieldSelector(query.get('fieldSelector') ?? '');
  for (const r of fields.requirements) {
    if (r.operator !== '=' || !triggerFields.has(r.field)) continue;
    const path = paths[r.field];
    if (!path) continue;
    if (r.field === 'metadata.name') return nameTrigger(r.value);
    return { index: `field:${path.path}`, value: r.value, valueOf: (obj) => fieldValue(obj, path.path, path.missing) };
  }
  return undefined;
}

function nameTrigger(name: string): WatchTrigger {
  return { index: 'metadata.name', value: name, valueOf: (obj) => obj.metadata.name ?? '' };
}
