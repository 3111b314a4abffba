import type { KubeObject, ResourceDefinition } from '@minik/types';
import { fieldErrors, invalid, notFound } from '../errors/index.js';
import { assertPreconditions, type WritePreconditions } from '../store/index.js';
import { rfc3339 } from '../util/time.js';
import type { ApiContext } from './api-context.js';
import { cloneJson } from '../util/clone-json.js';

/** DeleteOptions as the server understands them (body or query). */
export interface DeleteRequest {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  preconditions?: WritePreconditions;
  dryRun: boolean;
}

/** What a delete did: removed the object, or marked it for deletion (finalizers, grace period). */
export interface DeleteResult {
  readonly object: Readonly<KubeObject>;
  /** Serialised when read: in-process deleters never need the text. */
  readonly json: string;
  readonly deleted: boolean;
}

// A class, not an object literal with a getter: V8 gives each such literal a hidden class of its own.
class StoredDeleteResult implements DeleteResult {
  readonly object: Readonly<KubeObject>;
  readonly #stored: { readonly json: string };

  constructor(
    stored: { readonly object: Readonly<KubeObject>; readonly json: string },
    readonly deleted: boolean,
  ) {
    this.object = stored.object;
    this.#stored = stored;
  }

  get json(): string {
    return this.#stored.json;
  }
}

const deleteResult = (stored: { readonly object: Readonly<KubeObject>; readonly json: string }, deleted: boolean): DeleteResult =>
  new StoredDeleteResult(stored, deleted);

const propagationPolicies = ['Foreground', 'Background', 'Orphan'] as const;

/** Reads DeleteOptions from the JSON body and the query, with upstream's 422 for bad values. */
export function parseDeleteOptions(body: Record<string, unknown> | undefined, query: URLSearchParams): Omit<DeleteRequest, 'dryRun'> & { dryRunValues: string[] } {
  const grace = body?.gracePeriodSeconds ?? query.get('gracePeriodSeconds') ?? undefined;
  let propagation = (body?.propagationPolicy ?? query.get('propagationPolicy') ?? undefined) as string | undefined;
  const orphan = body?.orphanDependents ?? query.get('orphanDependents') ?? undefined;
  if (propagation === undefined && orphan !== undefined) propagation = orphan === true || orphan === 'true' ? 'Orphan' : 'Background';
  const errors = [];
  const gracePeriodSeconds = grace === undefined || grace === null ? undefined : Number(grace);
  if (gracePeriodSeconds !== undefined && !Number.isInteger(gracePeriodSeconds)) errors.push(fieldErrors.invalid('gracePeriodSeconds', grace, 'must be an integer'));
  if (propagation !== undefined && !(propagationPolicies as readonly string[]).includes(propagation)) {
    errors.push(fieldErrors.notSupported('propagationPolicy', propagation, [...propagationPolicies, 'nil']));
  }
  if (errors.length > 0) throw invalid({ group: 'meta.k8s.io', plural: 'deleteoptions', kind: 'DeleteOptions' }, '', errors);
  const pre = body?.preconditions as { uid?: string; resourceVersion?: string } | undefined;
  const dryRun = [...query.getAll('dryRun'), ...(Array.isArray(body?.dryRun) ? (body.dryRun as unknown[]).map(String) : [])];
  return {
    gracePeriodSeconds,
    propagationPolicy: propagation as DeleteRequest['propagationPolicy'],
    preconditions: pre ? { uid: pre.uid ?? undefined, resourceVersion: pre.resourceVersion ?? undefined } : undefined,
    dryRunValues: dryRun,
  };
}

/**
 * The grace period a deletion gets: pods bound to a node terminate gracefully (the kubelet finishes
 * them); everything else goes at once (pkg/registry/core/pod/strategy.go CheckGracefulDelete).
 */
function gracePeriodOf(def: ResourceDefinition, obj: Readonly<KubeObject>, requested: number | undefined): number {
  if (def.group !== '' || def.kind !== 'Pod') return 0;
  const spec = obj.spec as { nodeName?: string; terminationGracePeriodSeconds?: number } | undefined;
  const phase = (obj.status as { phase?: string } | undefined)?.phase;
  if (!spec?.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0;
  return Math.max(0, requested ?? spec.terminationGracePeriodSeconds ?? 30);
}

/** Namespaces hold their `spec.finalizers` until the namespace controller has emptied them. */
export function namespaceFinalizers(def: ResourceDefinition, obj: Readonly<KubeObject>): readonly string[] {
  if (def.group !== '' || def.kind !== 'Namespace') return [];
  return ((obj.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []);
}

/**
 * Deletes an object the way upstream's generic registry does: preconditions, graceful deletion,
 * finalizers (including the ones a propagation policy adds), and only then removal.
 */
export function deleteObject(ctx: ApiContext, def: ResourceDefinition, namespace: string, name: string, request: DeleteRequest): DeleteResult {
  const current = ctx.store.get(def, namespace, name);
  if (!current) throw notFound(def, name);
  if (request.preconditions) assertPreconditions(def, name, current, request.preconditions);
  const obj = cloneJson(current.object) as KubeObject;
  const meta = obj.metadata;
  const grace = gracePeriodOf(def, current.object, request.gracePeriodSeconds);
  const finalizers = new Set(meta.finalizers ?? []);
  if (request.propagationPolicy === 'Foreground') finalizers.add('foregroundDeletion');
  if (request.propagationPolicy === 'Orphan') finalizers.add('orphan');
  const pendingNamespace = namespaceFinalizers(def, current.object).length > 0;

  if (finalizers.size === 0 && grace === 0 && !pendingNamespace) {
    if (request.dryRun) return deleteResult(current, true);
    const removed = ctx.store.delete(def, namespace, name, request.preconditions);
    ctx.strategyFor(def).onDelete?.(removed.object as KubeObject);
    return deleteResult(removed, true);
  }

  const now = ctx.clock.now();
  const deadline = rfc3339(now + grace * 1000);
  if (!meta.deletionTimestamp || (grace < (meta.deletionGracePeriodSeconds ?? Infinity))) {
    meta.deletionTimestamp = meta.deletionTimestamp && grace >= (meta.deletionGracePeriodSeconds ?? 0) ? meta.deletionTimestamp : deadline;
    meta.deletionGracePeriodSeconds = grace;
  }
  if (finalizers.size > 0) meta.finalizers = [...finalizers];
  if (pendingNamespace) obj.status = { ...(obj.status as object), phase: 'Terminating' };
  if (request.dryRun) return deleteResult({ object: obj, json: JSON.stringify(obj) }, false);
  return deleteResult(ctx.store.update(def, obj), false);
}
