import type { FieldType, KubeObject, ResourceDefinition } from '@minik/types';
import { builtinSchemas, schemaNameFor } from '@minik/types';
import type { ApiContext } from '../api/api-context.js';
import { hasStatusSubresource } from '../resources/kind-traits.js';
import { rfc3339 } from '../util/time.js';
import { FieldManager } from './managed-fields/field-manager.js';
import { FieldSet } from './managed-fields/field-set.js';
import { TypedSchema } from './managed-fields/typed-schema.js';
import { TypedValues } from './managed-fields/typed-value.js';
import { cloneJson } from '../util/clone-json.js';

/** The endpoint a write came through, as managedFields' `subresource` records it. */
export type WriteSubresource = 'status' | 'scale' | undefined;

const values = new TypedValues(new TypedSchema(builtinSchemas));

/** Kinds' schema types by definition name: one object per kind, which the typed walks key their caches by. */
const rootTypes = new Map<string, FieldType>();

/** The schema type of a kind, or undefined for kinds the schema does not describe (custom kinds). */
export function schemaTypeOf(def: Pick<ResourceDefinition, 'group' | 'version' | 'kind'>): FieldType | undefined {
  const name = schemaNameFor(def.group, def.version, def.kind);
  if (name === undefined || !builtinSchemas.has(name)) return undefined;
  let type = rootTypes.get(name);
  if (type === undefined) rootTypes.set(name, (type = { kind: 'ref', name }));
  return type;
}

/**
 * Fields a write through an endpoint may not set (each strategy's GetResetFields): the main
 * resource resets `status` when a status subresource exists, `/status` resets `spec`.
 */
function resetFieldsOf(def: ResourceDefinition, subresource: WriteSubresource): FieldSet | undefined {
  if (subresource === 'status') return FieldSet.of([{ field: 'spec' }]);
  if (subresource === undefined && hasStatusSubresource(def)) return FieldSet.of([{ field: 'status' }]);
  return undefined;
}

/** The field manager of one kind through one endpoint, at the time of a write. */
export function fieldManagerFor(def: ResourceDefinition, subresource: WriteSubresource, now: string): FieldManager {
  return new FieldManager({
    values,
    type: schemaTypeOf(def),
    group: def.group,
    version: def.version,
    kind: def.kind,
    subresource,
    resetFields: resetFieldsOf(def, subresource),
    now,
  });
}

/**
 * The manager of a write that names none: the User-Agent up to its first `/`, printable characters
 * only, at most 128 bytes (upstream's prefixFromUserAgent), e.g. `kubectl` for
 * `kubectl/v1.33.1 (linux/amd64) kubernetes/8adc0f0`.
 */
export function managerFromUserAgent(userAgent: string | undefined): string {
  const prefix = (userAgent ?? '').split('/')[0] ?? '';
  let out = '';
  let bytes = 0;
  for (const ch of prefix) {
    if (!/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch)) continue;
    const size = Buffer.byteLength(ch);
    if (bytes + size > 128) break;
    out += ch;
    bytes += size;
  }
  return out;
}

/** Used for writes made in-process without a field manager (controllers that do not name themselves). */
export const defaultInProcessManager = 'unknown';

/**
 * Records an `Update` by `manager` in `next.metadata.managedFields`, comparing with `live`
 * (undefined on create). Upstream drops managed fields it cannot decode; so does this.
 */
export function recordManagedFields(def: ResourceDefinition, live: KubeObject | undefined, next: KubeObject, manager: string | undefined, subresource: WriteSubresource, now: string): void {
  const entries = fieldManagerFor(def, subresource, now).update(live, next, manager ?? defaultInProcessManager);
  if (entries && entries.length > 0) next.metadata.managedFields = entries as KubeObject['metadata']['managedFields'];
  else delete next.metadata.managedFields;
}

/** The parts of a write's options that decide field ownership. */
export interface OwnershipOptions {
  fieldManager: string | undefined;
  appliedManagedFields?: readonly unknown[] | null;
}

/**
 * Sets `next.metadata.managedFields` for a create (`live` undefined) or update: the entries
 * server-side apply decided, or an `Update` by the write's field manager.
 */
export function trackFieldOwnership(ctx: ApiContext, def: ResourceDefinition, live: KubeObject | undefined, next: KubeObject, options: OwnershipOptions, subresource: WriteSubresource): void {
  const applied = options.appliedManagedFields;
  // managedFields is the last field of ObjectMeta in upstream's output; keep it there.
  const requested = next.metadata.managedFields;
  delete next.metadata.managedFields;
  if (applied !== undefined) {
    if (applied && applied.length > 0) next.metadata.managedFields = cloneJson(applied) as KubeObject['metadata']['managedFields'];
    return;
  }
  if (requested !== undefined) next.metadata.managedFields = requested;
  recordManagedFields(def, live, next, options.fieldManager, subresource, rfc3339(ctx.clock.now()));
}
