import type { KubeObject } from '@minik/types';
import { cellFunctionFor, rowConditionsFunctionFor } from './cells-by-kind.js';
import { defaultCells } from './default-cells.js';
import { buildTable, type BuildTableOptions, type IncludeObject } from './table.js';

// Each stored revision's row `object` text, by object: cells change with the clock (AGE), the
// object part does not. Stored objects are frozen, so the text cannot go stale.
const metadataJson = new WeakMap<object, string>();
const objectJsonCache = new WeakMap<object, string>();

function cached(cache: WeakMap<object, string>, obj: KubeObject, text: () => string): string {
  let json = cache.get(obj);
  if (json === undefined) {
    json = text();
    if (Object.isFrozen(obj)) cache.set(obj, json);
  }
  return json;
}

/** The JSON of a row's `object` (see rowObject in table.ts), or undefined for `includeObject=None`. */
function rowObjectJson(obj: KubeObject, includeObject: IncludeObject): string | undefined {
  switch (includeObject) {
    case 'None':
      return undefined;
    case 'Object':
      return cached(objectJsonCache, obj, () => JSON.stringify(obj));
    case 'Metadata':
      return cached(metadataJson, obj, () => JSON.stringify({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata }));
  }
}

/**
 * `JSON.stringify(buildTable(kind, objects, options))`, byte for byte, without serialising each
 * row's object again on every list: serialising 10,000 rows' metadata was half the time of a
 * Table list (bench/ S6).
 */
export function tableJson(kind: string, objects: readonly KubeObject[], options: BuildTableOptions): string {
  // The table without rows ends in `"rows":[]}`: rows is its last field.
  const head = JSON.stringify(buildTable(kind, [], options));
  const cellsOf = cellFunctionFor(kind);
  const conditionsOf = rowConditionsFunctionFor(kind);
  const rows = objects.map((obj) => {
    let row = `{"cells":${JSON.stringify(cellsOf?.(obj, options.now) ?? defaultCells(obj))}`;
    const conditions = conditionsOf?.(obj);
    if (conditions !== undefined) row += `,"conditions":${JSON.stringify(conditions)}`;
    const object = rowObjectJson(obj, options.includeObject);
    if (object !== undefined) row += `,"object":${object}`;
    return `${row}}`;
  });
  return `${head.slice(0, -'[]}'.length)}[${rows.join(',')}]}`;
}
