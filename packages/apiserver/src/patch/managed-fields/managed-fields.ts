import { FieldSet } from './field-set.js';

/** `metav1.ManagedFieldsEntry`. */
export interface ManagedFieldsEntry {
  manager?: string;
  operation?: 'Apply' | 'Update';
  apiVersion?: string;
  time?: string;
  fieldsType?: string;
  fieldsV1?: unknown;
  subresource?: string;
}

/** The fields one manager owns, at the API version it last wrote. */
export interface VersionedSet {
  set: FieldSet;
  apiVersion: string;
  applied: boolean;
}

/** Decoded managed fields: sets and times by manager identifier (upstream's internal.Managed). */
export interface Managed {
  fields: Map<string, VersionedSet>;
  times: Map<string, string | undefined>;
}

/** An empty set of managed fields. */
export const emptyManaged = (): Managed => ({ fields: new Map(), times: new Map() });

/** Who wrote: the parts of an entry that identify its manager. */
export interface ManagerInfo {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  subresource?: string;
}

/**
 * The manager identifier (BuildManagerIdentifier): the entry's JSON without time and fields, and
 * without apiVersion for appliers so that one applier keeps one entry across versions.
 */
export function managerIdentifier(info: ManagerInfo): string {
  const id: Record<string, string> = {};
  if (info.manager) id.manager = info.manager;
  id.operation = info.operation;
  if (info.operation !== 'Apply' && info.apiVersion) id.apiVersion = info.apiVersion;
  if (info.subresource) id.subresource = info.subresource;
  return JSON.stringify(id);
}

/** Parsed identifiers: every write encodes its object's few managers again. */
const parsedIdentifiers = new Map<string, Readonly<Partial<ManagerInfo>>>();
const maxParsedIdentifiers = 1_024;

/** The manager parts of an identifier (frozen: shared between calls). */
export function parseManagerIdentifier(identifier: string): Readonly<Partial<ManagerInfo>> {
  let info = parsedIdentifiers.get(identifier);
  if (info !== undefined) return info;
  try {
    info = Object.freeze(JSON.parse(identifier) as Partial<ManagerInfo>);
  } catch {
    info = Object.freeze({ manager: identifier });
  }
  // Managers are clients' names: remember only so many.
  if (parsedIdentifiers.size >= maxParsedIdentifiers) parsedIdentifiers.clear();
  parsedIdentifiers.set(identifier, info);
  return info;
}

/** How conflict messages name a manager: `"kubectl-edit" using apps/v1`, `"kubectl"`. */
export function printManager(identifier: string): string {
  const info = parseManagerIdentifier(identifier);
  let text = JSON.stringify(info.manager ?? '');
  if (info.subresource) text = `${text} with subresource ${JSON.stringify(info.subresource)}`;
  if (info.operation === 'Update') return `${text} using ${info.apiVersion ?? ''}`;
  return text;
}

/** Decodes `metadata.managedFields` (DecodeManagedFields); throws upstream's message on a bad entry. */
export function decodeManagedFields(entries: unknown): Managed {
  const managed = emptyManaged();
  if (!Array.isArray(entries)) return managed;
  entries.forEach((raw, i) => {
    const entry = (raw ?? {}) as ManagedFieldsEntry;
    if (entry.operation !== 'Apply' && entry.operation !== 'Update') throw new Error('operation must be `Apply` or `Update`');
    if (!entry.apiVersion) throw new Error('apiVersion must not be empty');
    if (entry.fieldsType === undefined || entry.fieldsType === '') throw new Error(`missing fieldsType in managed fields entry ${i}`);
    if (entry.fieldsType !== 'FieldsV1') throw new Error(`invalid fieldsType ${JSON.stringify(entry.fieldsType)} in managed fields entry ${i}`);
    const id = managerIdentifier({ manager: entry.manager ?? '', operation: entry.operation, apiVersion: entry.apiVersion, subresource: entry.subresource });
    managed.fields.set(id, { set: FieldSet.fromFieldsV1(entry.fieldsV1), apiVersion: entry.apiVersion, applied: entry.operation === 'Apply' });
    managed.times.set(id, entry.time);
  });
  return managed;
}

/** Whether a request asks to clear managed fields: `[]` or a single empty entry (isResetManagedFields). */
export function isResetManagedFields(entries: unknown): boolean {
  if (!Array.isArray(entries)) return false;
  if (entries.length === 0) return true;
  return entries.length === 1 && entries[0] !== null && typeof entries[0] === 'object' && Object.keys(entries[0] as object).length === 0;
}

const operationRank = (op: string | undefined): string => op ?? '';

/**
 * Encodes managed fields as entries in upstream's order: Apply before Update, then oldest first,
 * then by manager, apiVersion and subresource (sortEncodedManagedFields).
 */
export function encodeManagedFields(managed: Managed): ManagedFieldsEntry[] {
  const entries: ManagedFieldsEntry[] = [];
  for (const [id, vs] of managed.fields) {
    const info = parseManagerIdentifier(id);
    const entry: ManagedFieldsEntry = {};
    if (info.manager) entry.manager = info.manager;
    entry.operation = info.operation ?? 'Update';
    entry.apiVersion = vs.apiVersion;
    const time = managed.times.get(id);
    if (time !== undefined) entry.time = time;
    entry.fieldsType = 'FieldsV1';
    entry.fieldsV1 = vs.set.toFieldsV1();
    if (info.subresource) entry.subresource = info.subresource;
    entries.push(entry);
  }
  const seconds = (t: string | undefined): number => (t ? Math.floor(Date.parse(t) / 1000) : 0);
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return entries.sort(
    (p, q) =>
      cmp(operationRank(p.operation), operationRank(q.operation)) ||
      seconds(p.time) - seconds(q.time) ||
      cmp(p.manager ?? '', q.manager ?? '') ||
      cmp(p.apiVersion ?? '', q.apiVersion ?? '') ||
      cmp(p.subresource ?? '', q.subresource ?? ''),
  );
}
