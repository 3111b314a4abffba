import { goJsonString } from './go-json.js';

const metadataOrder = [
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
];

/** Keys in the order Go's typed structs write them: kind, apiVersion, metadata, then the rest. */
function typedOrder(obj: Record<string, unknown>, isMetadata = false): [string, unknown][] {
  const keys = Object.keys(obj);
  const first = isMetadata ? metadataOrder : ['kind', 'apiVersion', 'metadata'];
  return [...first.filter((k) => k in obj), ...keys.filter((k) => !first.includes(k))].map((k) => [k, obj[k]]);
}

/**
 * JSON as kubectl prints typed objects (what `run`, `create deployment` and `cluster-info dump`
 * print): Go struct field order (kind, apiVersion, metadata first), 4-space indentation.
 */
export function typedJson(value: unknown, indent = '', key = ''): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goJsonString(value);
  if (typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${inner}${typedJson(v, inner)}`).join(',\n')}\n${indent}]`;
  }
  const entries = typedOrder(value as Record<string, unknown>, key === 'metadata');
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${goJsonString(k)}: ${typedJson(v, inner, k)}`).join(',\n')}\n${indent}}`;
}

