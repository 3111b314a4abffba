import type { KubeObject, PartialObjectMetadata, Table, TableColumnDefinition, TableRow } from '@minik/types';
import { printerColumnsFor } from '@minik/types';
import { cellFunctionFor, rowConditionsFunctionFor } from './cells-by-kind.js';
import { defaultCells } from './default-cells.js';

/** The `includeObject` query parameter: what each row's `object` carries. */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** Options of {@link buildTable}. */
export interface BuildTableOptions {
  /** The request time (ms since the epoch) ages are computed against. */
  now: number;
  includeObject: IncludeObject;
  /** Column definitions to send instead of the kind's printer columns. */
  columns?: readonly TableColumnDefinition[];
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
}

/** What a row carries as `object`: PartialObjectMetadata by default, the object itself, or nothing. */
function rowObject(obj: KubeObject, includeObject: IncludeObject): unknown {
  switch (includeObject) {
    case 'None':
      return undefined;
    case 'Object':
      return obj;
    case 'Metadata': {
      const partial: PartialObjectMetadata = { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
      return partial;
    }
  }
}

/**
 * One Table row for an object: all cells (the server always prints wide; kubectl hides
 * priority > 0 columns), upstream's row conditions, and the requested `object`. Also the row of
 * a one-row Table in a watch event.
 */
export function tableRow(kind: string, obj: KubeObject, now: number, includeObject: IncludeObject): TableRow {
  const cells = cellFunctionFor(kind)?.(obj, now) ?? defaultCells(obj);
  const row: TableRow = { cells };
  const conditions = rowConditionsFunctionFor(kind)?.(obj);
  if (conditions !== undefined) row.conditions = conditions;
  const object = rowObject(obj, includeObject);
  if (object !== undefined) row.object = object;
  return row;
}

/**
 * A `meta.k8s.io/v1` Table of objects of one kind, as upstream's server-side printing builds it
 * for `Accept: application/json;as=Table;g=meta.k8s.io;v=v1`.
 */
export function buildTable(kind: string, objects: readonly KubeObject[], options: BuildTableOptions): Table {
  const columns = options.columns ?? printerColumnsFor(kind);
  const metadata: Table['metadata'] = {
    ...(options.resourceVersion !== undefined && { resourceVersion: options.resourceVersion }),
    ...(options.continue !== undefined && { continue: options.continue }),
    ...(options.remainingItemCount !== undefined && { remainingItemCount: options.remainingItemCount }),
  };
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    // Every column carries all five fields: kubectl's decoder has no defaults for them.
    columnDefinitions: columns.map(({ name, type, format, description, priority }) => ({ name, type, format, description, priority })),
    rows: objects.map((obj) => tableRow(kind, obj, options.now, options.includeObject)),
  };
}
