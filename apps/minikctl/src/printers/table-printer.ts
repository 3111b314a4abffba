import type { Table, TableColumnDefinition, TableRow } from '@minik/types';
import { goSprint } from './go-format.js';
import { humanDuration } from './human-duration.js';
import type { TabWriter } from './tab-writer.js';

/** kubectl's printers.PrintOptions for human-readable output. */
export interface TablePrintOptions {
  wide?: boolean;
  noHeaders?: boolean;
  /** Prepend NAMESPACE (from each row's object metadata). */
  withNamespace?: boolean;
  showLabels?: boolean;
  /** `-L` label keys, each becoming a column. */
  columnLabels?: readonly string[];
  /** Prefix names with the kind (`pod/web`), as `get` does for several types or `--show-kind`. */
  kindPrefix?: string;
}

interface ObjectMeta {
  namespace?: string;
  name?: string;
  labels?: Record<string, string>;
  creationTimestamp?: string | null;
}

function metadataOf(object: unknown): ObjectMeta | undefined {
  if (typeof object !== 'object' || object === null) return undefined;
  const meta = (object as { metadata?: unknown }).metadata;
  return typeof meta === 'object' && meta !== null ? (meta as ObjectMeta) : undefined;
}

/** labels.FormatLabels: `k=v` sorted by key, `<none>` when there are none. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

const eventTypes: Record<string, string> = { ADDED: 'ADDED   ', MODIFIED: 'MODIFIED', DELETED: 'DELETED ', ERROR: 'ERROR   ' };

/** Terminal control characters are shown, not obeyed (kubectl's WriteEscaped). */
function escapeTerminal(text: string): string {
  return text.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
}

/** A cell as printTable writes it: strings cut at the first line break (then `...`), others via `%v`. */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') {
    const cut = cell.search(/[\f\n\r]/);
    return cut >= 0 ? `${escapeTerminal(cell.slice(0, cut))}...` : escapeTerminal(cell);
  }
  return escapeTerminal(goSprint(cell));
}

/**
 * kubectl's HumanReadablePrinter for server-side Tables: hides priority columns unless wide,
 * adds NAMESPACE, label columns and the kind prefix, prints headers once per column set (so watch
 * events add rows under the first table), and NAME/AGE for objects that are not Tables.
 */
export class HumanReadablePrinter {
  #lastColumns: TableColumnDefinition[] | undefined;
  #printedHeaders = false;
  #lastWasDefault: 'default' | 'status' | undefined;

  constructor(private readonly options: TablePrintOptions) {}

  /** Prints a Table (or, for a watch, one event's Table); `eventType` adds the EVENT column. */
  printTable(table: Table, out: TabWriter, eventType?: string): void {
    const options = { ...this.options };
    let columns = table.columnDefinitions ?? [];
    if (this.#printedHeaders && (columns.length === 0 || sameColumns(columns, this.#lastColumns))) options.noHeaders = true;
    if (columns.length === 0) columns = this.#lastColumns ?? [];
    else if (!sameColumns(columns, this.#lastColumns)) {
      this.#lastColumns = columns;
      this.#printedHeaders = false;
    }
    const rows = table.rows ?? [];
    if (rows.length > 0) this.#printedHeaders = true;
    const decorated = decorate(columns, rows, options);
    if (eventType) {
      decorated.columns.unshift({ name: 'Event', type: 'string', format: '', description: '', priority: 0 });
      for (const row of decorated.rows) row.unshift(eventTypes[eventType] ?? eventType);
    }
    printRows(decorated.columns, decorated.rows, out, options);
  }

  /** Prints an object that is not a Table: NAME and AGE (or STATUS/REASON/MESSAGE for a Status). */
  printObject(object: Record<string, unknown>, out: TabWriter, now: number, eventType?: string): void {
    const isStatus = object['kind'] === 'Status';
    const handler = isStatus ? 'status' : 'default';
    const includeHeaders = this.#lastWasDefault !== handler && !this.options.noHeaders;
    if (this.#lastWasDefault !== undefined && this.#lastWasDefault !== handler && !this.options.noHeaders) out.write('\n');
    const items = Array.isArray(object['items']) ? (object['items'] as Record<string, unknown>[]) : [object];
    if (includeHeaders) {
      let headers = isStatus ? ['STATUS', 'REASON', 'MESSAGE'] : ['NAME', 'AGE'];
      headers = headers.concat(labelHeaders(this.options.columnLabels ?? []));
      if (this.options.showLabels) headers.push('LABELS');
      if (this.options.withNamespace) headers.unshift('NAMESPACE');
      if (eventType) headers.unshift('EVENT');
      out.write(`${headers.join('\t')}\n`);
    }
    for (const item of items) {
      const meta = metadataOf(item) ?? {};
      const cells: string[] = [];
      if (eventType) cells.push(eventTypes[eventType] ?? eventType);
      if (this.options.withNamespace) cells.push(meta.namespace ?? '');
      if (isStatus) {
        cells.push(String(item['status'] ?? ''), String(item['reason'] ?? ''), String(item['message'] ?? ''));
      } else {
        const name = meta.name ?? '';
        cells.push(this.options.kindPrefix ? `${this.options.kindPrefix}/${name}` : name);
        const created = meta.creationTimestamp ? Date.parse(meta.creationTimestamp) : NaN;
        cells.push(Number.isNaN(created) ? '<unknown>' : humanDuration(now - created));
      }
      for (const key of this.options.columnLabels ?? []) cells.push(meta.labels?.[key] ?? '');
      if (this.options.showLabels) cells.push(formatLabels(meta.labels));
      out.write(`${cells.join('\t')}\n`);
    }
    this.#lastWasDefault = handler;
  }
}

function sameColumns(a: readonly TableColumnDefinition[], b: readonly TableColumnDefinition[] | undefined): boolean {
  if (!b || a.length !== b.length) return false;
  return a.every(
    (c, i) => c.name === b[i]!.name && c.type === b[i]!.type && c.format === b[i]!.format && c.priority === b[i]!.priority && c.description === b[i]!.description,
  );
}

function labelHeaders(labels: readonly string[]): string[] {
  return labels.map((l) => l.split('/').pop()!.toUpperCase());
}

/** kubectl's decorateTable: namespace, label columns and the kind prefix. */
function decorate(columns: TableColumnDefinition[], rows: TableRow[], options: TablePrintOptions): { columns: TableColumnDefinition[]; rows: unknown[][] } {
  const extra = (name: string): TableColumnDefinition => ({ name, type: 'string', format: '', description: '', priority: 0 });
  const outColumns = [...columns];
  if (options.withNamespace) outColumns.unshift(extra('Namespace'));
  for (const label of labelHeaders(options.columnLabels ?? [])) outColumns.push(extra(label));
  if (options.showLabels) outColumns.push(extra('Labels'));
  const nameColumn = options.kindPrefix ? columns.findIndex((c) => c.format === 'name' && c.type === 'string') : -1;
  const outRows = rows.map((row) => {
    const cells = [...(row.cells ?? [])];
    if (nameColumn >= 0) cells[nameColumn] = `${options.kindPrefix}/${goSprint(cells[nameColumn])}`;
    const meta = metadataOf(row.object);
    if (!meta) {
      if (options.withNamespace) cells.unshift(null);
      while (cells.length < outColumns.length) cells.push(null);
      return cells;
    }
    if (options.withNamespace) cells.unshift(meta.namespace ?? '');
    // Label cells go after the table's own columns, whatever the server sent beyond them.
    const own = cells.slice(0, columns.length + (options.withNamespace ? 1 : 0));
    while (own.length < columns.length + (options.withNamespace ? 1 : 0)) own.push(null);
    for (const key of options.columnLabels ?? []) own.push(meta.labels?.[key] ?? '');
    if (options.showLabels) own.push(formatLabels(meta.labels));
    return own;
  });
  return { columns: outColumns, rows: outRows };
}

/** kubectl's printTable: headers in upper case, then one tab-separated line per row. */
function printRows(columns: TableColumnDefinition[], rows: unknown[][], out: TabWriter, options: TablePrintOptions): void {
  const visible = columns.map((c) => options.wide || c.priority === 0 || c.priority === undefined);
  if (!options.noHeaders) {
    if (rows.length === 0) return;
    out.write(`${columns.filter((_, i) => visible[i]).map((c) => c.name.toUpperCase()).join('\t')}\n`);
  }
  for (const row of rows) {
    const cells: string[] = [];
    for (let i = 0; i < row.length && i < columns.length; i++) {
      if (!visible[i]) continue;
      cells.push(cellText(row[i]));
    }
    out.write(`${cells.join('\t')}\n`);
  }
}
