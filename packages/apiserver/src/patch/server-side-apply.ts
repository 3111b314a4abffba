import type { KubeObject, ResourceDefinition } from '@minik/types';
import { groupVersionOf } from '@minik/types';
import { parse as parseYaml } from 'yaml';
import type { ApiContext } from '../api/api-context.js';
import { createObject, updateObject, type UpdateScope, type WriteOptions, type WriteResult } from '../api/object-writes.js';
import { ApiError, badRequest, notFound } from '../errors/index.js';
import { rfc3339 } from '../util/time.js';
import { fieldManagerFor } from './field-ownership.js';

type JsonMap = Record<string, unknown>;

/** The apply patch media type (`kubectl apply --server-side`). */
export const applyPatchType = 'application/apply-patch+yaml';

/** PatchOptions that fail validation: 422 with upstream's `PatchOptions.meta.k8s.io "" is invalid` wording. */
function invalidPatchOptions(field: string, reason: 'FieldValueRequired' | 'FieldValueForbidden', detail: string): ApiError {
  return new ApiError('Invalid', `PatchOptions.meta.k8s.io "" is invalid: ${field}: ${detail}`, {
    group: 'meta.k8s.io',
    kind: 'PatchOptions',
    causes: [{ reason, message: detail, field }],
  });
}

/** Go's strconv.ParseBool. */
function parseBool(value: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  return undefined;
}

/**
 * The patch options only patches take (ValidatePatchOptions): `force` belongs to apply, and apply
 * must name its field manager. Returns `force`.
 */
export function patchForce(query: URLSearchParams, isApply: boolean, fieldManager: string | undefined): boolean {
  const raw = query.get('force');
  let force = false;
  if (raw !== null) {
    const parsed = parseBool(raw);
    if (parsed === undefined) throw badRequest(`strconv.ParseBool: parsing ${JSON.stringify(raw)}: invalid syntax`);
    force = parsed;
  }
  if (!isApply && raw !== null) throw invalidPatchOptions('force', 'FieldValueForbidden', 'Forbidden: may not be specified for non-apply patch');
  if (isApply && (fieldManager === undefined || fieldManager === '')) {
    throw invalidPatchOptions('fieldManager', 'FieldValueRequired', 'Required value: is required for apply patch');
  }
  return force;
}

/** Parses an apply patch body: YAML, of which JSON is a subset. */
export function parseApplyPatch(body: Uint8Array | undefined): JsonMap {
  const text = new TextDecoder().decode(body ?? new Uint8Array());
  let value: unknown;
  try {
    value = parseYaml(text, { uniqueKeys: false });
  } catch (error) {
    throw badRequest(`error decoding patch: ${(error as Error).message}`);
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    const kind = Array.isArray(value) ? 'array' : typeof value === 'boolean' ? 'bool' : typeof value;
    throw badRequest(
      `error decoding patch: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`,
    );
  }
  return value as JsonMap;
}

/** The name and namespace checks upstream's patcher runs on the applied result (checkName). */
function checkName(obj: KubeObject, name: string, namespace: string | undefined): void {
  const objName = obj.metadata.name ?? '';
  if (objName !== name) throw badRequest(`the name of the object (${objName}) does not match the name on the URL (${name})`);
  const objNamespace = obj.metadata.namespace ?? '';
  if (namespace && objNamespace && objNamespace !== namespace) {
    throw badRequest(`the namespace of the object (${objNamespace}) does not match the namespace on the request (${namespace})`);
  }
}

/** What a server-side apply did. */
export interface ApplyOutcome {
  /** 201 when the apply created the object, else 200. */
  status: 201 | 200;
  result: WriteResult;
}

/**
 * Server-side apply of an object or its status (`PATCH` with `application/apply-patch+yaml`):
 * creates a missing object, otherwise merges the configuration into it, with field ownership
 * tracked and conflicts reported as upstream does.
 */
export function serverSideApply(
  ctx: ApiContext,
  def: ResourceDefinition,
  namespace: string | undefined,
  name: string,
  config: JsonMap,
  options: WriteOptions & { fieldManager: string },
  force: boolean,
  scope: UpdateScope = 'main',
): ApplyOutcome {
  const now = rfc3339(ctx.clock.now());
  const manager = fieldManagerFor(def, scope === 'status' ? 'status' : undefined, now);
  const current = ctx.store.get(def, namespace ?? '', name);
  if (!current) {
    // The status subresource never creates (its store does not allow create on update).
    if (scope === 'status') throw notFound(def, name);
    const { object } = manager.apply(undefined, config, options.fieldManager, force);
    checkName(object, name, namespace);
    const applied = object.metadata.managedFields ?? null;
    return { status: 201, result: createObject(ctx, def, object, namespace, { ...options, appliedManagedFields: applied }) };
  }
  const { object } = manager.apply(current.object as KubeObject, config, options.fieldManager, force);
  checkName(object, name, namespace);
  object.apiVersion = groupVersionOf(def);
  object.kind = def.kind;
  const applied = object.metadata.managedFields ?? null;
  return { status: 200, result: updateObject(ctx, def, object, current, { ...options, appliedManagedFields: applied }, scope) };
}

/**
 * Server-side apply of `/scale`: the applied Scale's `spec.replicas` is applied to the parent
 * object through the `scale` subresource, so ownership lands on the parent's `.spec.replicas` as
 * upstream's ScaleHandler records it.
 */
export function serverSideApplyScale(
  ctx: ApiContext,
  def: ResourceDefinition,
  namespace: string | undefined,
  name: string,
  config: JsonMap,
  options: WriteOptions & { fieldManager: string },
  force: boolean,
): WriteResult {
  if (config.apiVersion !== 'autoscaling/v1' || config.kind !== 'Scale') {
    const apiVersion = typeof config.apiVersion === 'string' ? config.apiVersion : '';
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    throw badRequest(`invalid object type: ${group}/${version}, Kind=${typeof config.kind === 'string' ? config.kind : ''}`);
  }
  const current = ctx.store.get(def, namespace ?? '', name);
  if (!current) throw notFound(def, name);
  const metadata = (config.metadata ?? {}) as JsonMap;
  const spec = (config.spec ?? undefined) as JsonMap | undefined;
  const parentConfig: JsonMap = {
    apiVersion: groupVersionOf(def),
    kind: def.kind,
    metadata: { name: metadata.name ?? name, ...(namespace ? { namespace } : {}) },
  };
  if (spec && Object.hasOwn(spec, 'replicas')) parentConfig.spec = { replicas: spec.replicas };
  const now = rfc3339(ctx.clock.now());
  const { object } = fieldManagerFor(def, 'scale', now).apply(current.object as KubeObject, parentConfig, options.fieldManager, force);
  checkName(object, name, namespace);
  const applied = object.metadata.managedFields ?? null;
  return updateObject(ctx, def, object, current, { ...options, appliedManagedFields: applied });
}
