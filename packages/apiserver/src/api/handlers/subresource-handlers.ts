import type { KubeObject, ResourceDefinition, Scale } from '@minik/types';
import { ApiError, badRequest, conflict, fieldErrors, invalid, notFound } from '../../errors/index.js';
import { labelSelectorFromObject } from '../../selectors/index.js';
import type { StoredObject } from '../../store/index.js';
import type { ApiContext } from '../api-context.js';
import { decodeObject, mediaTypeOf } from '../body-decoder.js';
import { deleteObject } from '../object-deletes.js';
import { parseWriteOptions, updateObject } from '../object-writes.js';
import { applyPatch, patchTypeOf } from '../patch.js';
import { managerFromUserAgent, parseApplyPatch, patchForce, serverSideApplyScale } from '../../patch/index.js';
import type { ApiRequest, ApiResponse } from '../request.js';
import { jsonBody } from '../request.js';
import type { ResourceRequestInfo } from '../request-info.js';
import { cloneJson } from '../../util/clone-json.js';

const scaleTarget = { group: 'autoscaling', plural: 'scale', kind: 'Scale' };
const scaleKind = { group: 'autoscaling', version: 'v1', kind: 'Scale' };

function current(ctx: ApiContext, def: ResourceDefinition, info: ResourceRequestInfo): StoredObject {
  const stored = ctx.store.get(def, info.namespace ?? '', info.name!);
  if (!stored) throw notFound(def, info.name!);
  return stored;
}

/** The `autoscaling/v1` Scale view of a Deployment or ReplicaSet. */
function scaleOf(stored: StoredObject): Scale {
  const obj = stored.object as KubeObject & { spec?: { replicas?: number; selector?: unknown }; status?: { replicas?: number } };
  const meta = obj.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: meta.name, namespace: meta.namespace, uid: meta.uid, resourceVersion: meta.resourceVersion, creationTimestamp: meta.creationTimestamp },
    spec: { replicas: obj.spec?.replicas ?? 0 },
    // A ReplicationController's selector is a plain label map (labels.SelectorFromSet upstream).
    status: { replicas: obj.status?.replicas ?? 0, selector: labelSelectorFromObject((obj.kind === 'ReplicationController' ? { matchLabels: obj.spec?.selector } : obj.spec?.selector) as never).toString() },
  };
}

/** GET, PUT and PATCH of `/scale`: replicas through the Scale kind, with optimistic concurrency. */
export function scaleHandler(ctx: ApiContext, def: ResourceDefinition, info: ResourceRequestInfo, req: ApiRequest): ApiResponse {
  const stored = current(ctx, def, info);
  if (info.verb === 'get') return jsonBody(200, scaleOf(stored));
  const options = parseWriteOptions(req.query);
  let scale: Scale;
  if (info.verb === 'update') {
    scale = decodeObject(req, def, 'Scale', 'autoscaling/v1') as unknown as Scale;
  } else if (info.verb === 'patch') {
    const type = patchTypeOf(mediaTypeOf(req), scaleKind);
    const force = patchForce(req.query, type === 'application/apply-patch+yaml', options.fieldManager);
    if (type === 'application/apply-patch+yaml') {
      const applied = serverSideApplyScale(ctx, def, info.namespace, info.name!, parseApplyPatch(req.body), { ...options, fieldManager: options.fieldManager! }, force);
      return jsonBody(200, scaleOf({ object: applied.object, json: applied.json, revision: Number(applied.object.metadata.resourceVersion ?? stored.revision) }));
    }
    const patched = applyPatch(scaleOf(stored), new TextDecoder().decode(req.body ?? new Uint8Array()), type, scaleKind);
    scale = patched as Scale;
  } else {
    throw new ApiError('MethodNotAllowed', 'the server does not allow this method on the requested resource');
  }
  const replicas = scale.spec?.replicas ?? 0;
  if (!Number.isInteger(replicas) || replicas < 0) {
    throw invalid(scaleTarget, info.name!, [fieldErrors.invalid('spec.replicas', replicas, 'must be greater than or equal to 0')]);
  }
  const rv = scale.metadata?.resourceVersion;
  if (rv !== undefined && rv !== '' && rv !== String(stored.revision)) throw conflict(def, info.name!);
  const next = cloneJson(stored.object) as KubeObject & { spec: { replicas?: number } };
  next.spec = { ...next.spec, replicas };
  options.fieldManager ??= managerFromUserAgent(req.header('user-agent'));
  const result = updateObject(ctx, def, next, stored, { ...options, subresource: 'scale' });
  return jsonBody(200, scaleOf({ object: result.object, json: result.json, revision: Number(result.object.metadata.resourceVersion ?? stored.revision) }));
}

/** POST `pods/{name}/binding`: what the scheduler uses to place a pod on a node. */
export function bindingHandler(ctx: ApiContext, def: ResourceDefinition, info: ResourceRequestInfo, req: ApiRequest): ApiResponse {
  const binding = decodeObject(req, def, 'Binding', 'v1') as KubeObject & { target?: { kind?: string; name?: string } };
  current(ctx, def, info);
  const nodeName = binding.target?.name;
  if (!nodeName) throw invalid({ group: '', plural: 'bindings', kind: 'Binding' }, info.name!, [fieldErrors.required('target.name')]);
  const options = parseWriteOptions(req.query);
  bindPod(ctx, def, info.namespace ?? '', info.name!, nodeName, options.dryRun);
  return jsonBody(201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
}

/**
 * Assigns a pod to a node as the binding subresource does: spec.nodeName and the PodScheduled
 * condition in one write, 409 when the pod is already assigned or being deleted. The scheduler
 * calls it in-process.
 */
export function bindPod(ctx: ApiContext, def: ResourceDefinition, namespace: string, name: string, nodeName: string, dryRun = false): void {
  const stored = ctx.store.get(def, namespace, name);
  if (!stored) throw notFound(def, name);
  const pod = cloneJson(stored.object) as KubeObject & { spec: { nodeName?: string }; status?: { conditions?: unknown[] } };
  if (pod.metadata.deletionTimestamp) throw conflict(def, name, 'pod is being deleted, cannot be assigned to a host');
  if (pod.spec.nodeName) throw conflict(def, name, `pod ${name} is already assigned to node "${pod.spec.nodeName}"`);
  pod.spec.nodeName = nodeName;
  const now = new Date(ctx.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const conditions = (pod.status?.conditions ?? []).filter((c) => (c as { type?: string }).type !== 'PodScheduled');
  conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now });
  pod.status = { ...pod.status, conditions };
  // Binding writes spec.nodeName and the PodScheduled condition together, as upstream's BindingREST does.
  if (!dryRun) ctx.store.update(def, pod, { resourceVersion: String(stored.revision) });
}

/** POST `pods/{name}/eviction`: a policy-checked delete (no PodDisruptionBudgets exist, so it always passes). */
export function evictionHandler(ctx: ApiContext, def: ResourceDefinition, info: ResourceRequestInfo, req: ApiRequest): ApiResponse {
  const eviction = decodeObject(req, def, 'Eviction', 'policy/v1') as KubeObject & { deleteOptions?: { gracePeriodSeconds?: number; dryRun?: string[] } };
  if (eviction.metadata.name && eviction.metadata.name !== info.name) {
    throw badRequest(`name in URL does not match name in Eviction object`);
  }
  current(ctx, def, info);
  const dryRun = (eviction.deleteOptions?.dryRun ?? []).length > 0 || req.query.getAll('dryRun').length > 0;
  deleteObject(ctx, def, info.namespace ?? '', info.name!, { gracePeriodSeconds: eviction.deleteOptions?.gracePeriodSeconds, dryRun });
  return jsonBody(201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
}
