// The merge itself (strategicpatch.StrategicMergeMapPatch) is shared with minikctl's client-side
// apply in @minik/types; this is what the API server does around it.

import { isMap, setOwnProperty, type JsonMap } from '@minik/types';

/** Removes keys that are still directives after merging (upstream drops them when decoding the typed object). */
export function stripDirectiveKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripDirectiveKeys);
  if (!isMap(value)) return value;
  const out: JsonMap = {};
  for (const [k, v] of Object.entries(value)) if (!k.startsWith('$')) setOwnProperty(out, k, stripDirectiveKeys(v));
  return out;
}
