import type { FieldSelectorPath, KubeObject, ResourceDefinition } from '@minik/types';
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
