import type { KubeObject, ResourceDefinition } from '@minik/types';
import { ApiError, badRequest, conflict, fieldErrors, invalid, notFound, type FieldError } from '../errors/index.js';
import { hasStatusSubresource, kindsKeepingStatusOnCreate, kindsWithGeneration } from '../resources/kind-traits.js';
import type { StoredObject } from '../store/index.js';
import { deepEqual } from '../util/deep-equal.js';
import { rfc3339 } from '../util/time.js';
import { namespaceFinalizers } from './object-deletes.js';
import { trackFieldOwnership } from '../patch/field-ownership.js';
import type { ApiContext } from './api-context.js';
import { cloneJson } from '../util/clone-json.js';

const namespaces = { group: '', plural: 'namespaces' };

/** Query options every write accepts. */
export interface WriteOptions {
  dryRun: boolean;
  fieldManager: string | undefined;
  fieldValidation: 'Strict' | 'Warn' | 'Ignore';
  /** The subresource a write came through besides the object itself and `/status` (managedFields' `subresource`). */
  subresource?: 'scale';
  /** Managed fields decided by server-side apply (null: none); otherwise the write is recorded as an Update. */
  appliedManagedFields?: readonly unknown[] | null;
}

/** Parses `dryRun`, `fieldManager` and `fieldValidation` with upstream's 400s for bad values. */
export function parseWriteOptions(query: URLSearchParams, bodyDryRun?: unknown): WriteOptions {
  const dryRunValues = [...query.getAll('dryRun'), ...(Array.isArray(bodyDryRun) ? bodyDryRun.map(String) : [])];
  for (const value of dryRunValues) {
    if (value !== 'All') throw badRequest(`dryRun: Unsupported value: "${value}": supported values: "All"`);
  }
  // Upstream's default (absent or empty) is Warn; kubectl asks for Strict explicitly.
  const fieldValidation = query.get('fieldValidation') || 'Warn';
  if (fieldValidation !== 'Strict' && fieldValidation !== 'Warn' && fieldValidation !== 'Ignore') {
    throw badRequest(`fieldValidation: Unsupported value: "${fieldValidation}": supported values: "Ignore", "Strict", "Warn"`);
  }
  const fieldManager = query.get('fieldManager') ?? undefined;
  if (fieldManager !== undefined && fieldManager.length > 128) {
    throw badRequest(`fieldManager: Too long: may not be more than 128 bytes`);
  }
  return { dryRun: dryRunValues.length > 0, fieldManager, fieldValidation };
}

/** The result of a write: stored, or (dry run) what would have been stored. */
export interface WriteResult {
  readonly object: Readonly<KubeObject>;
  /** Serialised when read: in-process writers (controllers, kubelets) never need the text. */
  readonly json: string;
}

const fromStored = (s: StoredObject): WriteResult => s;
// A class, not an object literal with a getter: V8 gives each such literal a hidden class of its own.
class DryRunResult implements WriteResult {
  constructor(readonly object: KubeObject) {}

  get json(): string {
    return JSON.stringify(this.object);
  }
}

const fromDryRun = (o: KubeObject): WriteResult => new DryRunResult(o);

/**
 * NamespaceLifecycle admission: content goes only into namespaces that exist and are not being
 * deleted.
 */
function admitNamespace(ctx: ApiContext, namespace: string): void {
  const ns = ctx.store.get(namespaces, '', namespace);
  if (!ns) throw notFound(namespaces, namespace);
  if (ns.object.metadata.deletionTimestamp) {
    throw new ApiError('Forbidden', `unable to create new content in namespace ${namespace} because it is being terminated`, {
      name: namespace,
      kind: 'namespaces',
      causes: [{ reason: 'NamespaceTerminating', message: `namespace ${namespace} is being terminated`, field: 'metadata.namespace' }],
    });
  }
}

/**
 * Puts the request's namespace on the object as upstream's BeforeCreate/BeforeUpdate do: fill an
 * empty one, clear it on cluster-scoped kinds, 400 on a mismatch.
 */
export function settleNamespace(def: ResourceDefinition, obj: KubeObject, requestNamespace: string | undefined): void {
  if (!def.namespaced) {
    delete obj.metadata.namespace;
    return;
  }
  const ns = obj.metadata.namespace;
  if (ns === undefined || ns === '') obj.metadata.namespace = requestNamespace;
  else if (ns !== requestNamespace) throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
}

function throwIfInvalid(def: ResourceDefinition, obj: KubeObject, errors: FieldError[]): void {
  if (errors.length > 0) throw invalid(def, obj.metadata.name ?? '', errors);
}

/** Creates an object: server-set metadata, defaults, validation, admission, then the store. */
export function createObject(ctx: ApiContext, def: ResourceDefinition, obj: KubeObject, requestNamespace: string | undefined, options: WriteOptions): WriteResult {
  settleNamespace(def, obj, requestNamespace);
  const meta = obj.metadata;
  if (!meta.name && !meta.generateName) {
    throwIfInvalid(def, obj, [fieldErrors.required('metadata.name', 'name or generateName is required')]);
  }
  const strategy = ctx.strategyFor(def);
  meta.uid = ctx.ids.uid();
  meta.creationTimestamp = rfc3339(ctx.clock.now());
  delete meta.resourceVersion;
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  delete meta.selfLink;
  if (kindsWithGeneration.has(def.kind)) meta.generation = 1;
  else delete meta.generation;
  if (hasStatusSubresource(def) && !kindsKeepingStatusOnCreate.has(def.kind)) delete obj.status;
  const generated = !meta.name;
  if (generated) meta.name = generatedName(ctx, meta.generateName!);
  strategy.applyDefaults?.(obj, ctx.strategyContext);
  throwIfInvalid(def, obj, strategy.validateCreate?.(obj) ?? []);
  trackFieldOwnership(ctx, def, undefined, obj, options, undefined);
  if (def.namespaced) admitNamespace(ctx, meta.namespace!);
  if (options.dryRun) {
    if (ctx.store.get(def, meta.namespace ?? '', meta.name!)) ctx.store.create(def, obj); // throws AlreadyExists
    return fromDryRun(obj);
  }
  // A generated name that collides is retried, as upstream does, before giving up with 409.
  for (let attempt = 0; ; attempt++) {
    try {
      return fromStored(ctx.store.create(def, obj));
    } catch (error) {
      if (!generated || attempt >= 7 || !(error instanceof ApiError) || error.reason !== 'AlreadyExists') {
        strategy.onDelete?.(obj);
        throw error;
      }
      meta.name = generatedName(ctx, meta.generateName!);
    }
  }
}

function generatedName(ctx: ApiContext, prefix: string): string {
  // Upstream keeps the whole name within 63 characters: prefix cut to 58, plus 5 random characters.
  return prefix.slice(0, 58) + ctx.ids.suffix(5);
}

/** What part of the object a write may change. */
export type UpdateScope = 'main' | 'status';

/**
 * Replaces a stored object: keeps what clients may not change, applies the status-subresource
 * split, bumps generation on spec changes, validates, and skips no-op writes (same revision back).
 */
export function updateObject(
  ctx: ApiContext,
  def: ResourceDefinition,
  obj: KubeObject,
  current: StoredObject,
  options: WriteOptions,
  scope: UpdateScope = 'main',
): WriteResult {
  const old = current.object as KubeObject;
  const requested = obj.metadata.resourceVersion;
  if (requested !== undefined && requested !== '' && requested !== String(current.revision)) {
    throw conflict(def, obj.metadata.name ?? '');
  }
  let next: KubeObject;
  if (scope === 'status') {
    // Status writes change status only (metav1.ResetObjectMetaForStatus and friends).
    next = { ...cloneJson(old), status: obj.status };
  } else {
    next = obj;
    const meta = next.metadata;
    meta.uid = old.metadata.uid;
    meta.creationTimestamp = old.metadata.creationTimestamp;
    meta.deletionTimestamp = old.metadata.deletionTimestamp;
    meta.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    meta.generation = old.metadata.generation;
    if (meta.generateName === undefined && old.metadata.generateName !== undefined) meta.generateName = old.metadata.generateName;
    if (hasStatusSubresource(def)) {
      if (old.status === undefined) delete next.status;
      else next.status = old.status;
    }
    if (kindsWithGeneration.has(def.kind) && !deepEqual(old.spec, next.spec)) meta.generation = (old.metadata.generation ?? 0) + 1;
  }
  for (const key of ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation', 'generateName'] as const) {
    if (next.metadata[key] === undefined) delete next.metadata[key];
  }
  next.metadata.resourceVersion = old.metadata.resourceVersion;
  const strategy = ctx.strategyFor(def);
  strategy.applyDefaults?.(next, ctx.strategyContext);
  throwIfInvalid(def, next, strategy.validateUpdate?.(next, old) ?? []);
  trackFieldOwnership(ctx, def, old, next, options, scope === 'status' ? 'status' : options.subresource);
  if (deepEqual(next, old)) return fromStored(current);
  if (options.dryRun) return fromDryRun(next);
  // Deletion completes once nothing holds the object: no finalizers (for namespaces, no
  // spec.finalizers either) and no grace period still running.
  const finishedDeleting =
    next.metadata.deletionTimestamp !== undefined &&
    (next.metadata.finalizers ?? []).length === 0 &&
    namespaceFinalizers(def, next).length === 0 &&
    (next.metadata.deletionGracePeriodSeconds ?? 0) === 0;
  if (finishedDeleting) {
    const stored = ctx.store.update(def, next);
    strategy.onDelete?.(next);
    return fromStored(ctx.store.delete(def, next.metadata.namespace ?? '', next.metadata.name!, { resourceVersion: String(stored.revision) }));
  }
  return fromStored(ctx.store.update(def, next));
}
