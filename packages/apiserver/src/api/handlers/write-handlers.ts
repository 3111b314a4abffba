import type { KubeObject, ResourceDefinition } from '@minik/types';
import { badRequest, notFound } from '../../errors/index.js';
import type { StoredObject } from '../../store/index.js';
import type { ApiContext } from '../api-context.js';
import { decodeObject, mediaTypeOf } from '../body-decoder.js';
import { createObject, parseWriteOptions, updateObject, type UpdateScope, type WriteResult } from '../object-writes.js';
import { applyPatch, patchTypeOf } from '../patch.js';
import { managerFromUserAgent, parseApplyPatch, patchForce, serverSideApply } from '../../patch/index.js';
import type { ApiRequest, ApiResponse } from '../request.js';
import { jsonText } from '../request.js';
import type { ResourceRequestInfo } from '../request-info.js';
import { fieldValidationDirective, validateObjectBody, validatePatchedObject, withWarnings } from '../../validation/index.js';

const respond = (status: number, result: WriteResult): ApiResponse => jsonText(status, result.json);
const bodyOf = (req: ApiRequest): { mediaType: string; text: string } => ({ mediaType: mediaTypeOf(req), text: new TextDecoder().decode(req.body ?? new Uint8Array()) });

/** POST: create. */
export function createHandler(ctx: ApiContext, def: ResourceDefinition, info: ResourceRequestInfo, req: ApiRequest): ApiResponse {
  const options = parseWriteOptions(req.query);
  options.fieldManager ??= managerFromUserAgent(req.header('user-agent'));
  const obj = decodeObject(req, def);
  const warnings = validateObjectBody(def, fieldValidationDirective(req.query, options.fieldValidation), bodyOf(req), obj);
  return withWarnings(respond(201, createObject(ctx, def, obj, info.namespace, options)), warnings);
}

function currentOrNotFound(ctx: ApiContext, def: ResourceDefinition, info: ResourceRequestInfo): StoredObject {
  const current = ctx.store.get(def, info.namespace ?? '', info.name!);
  if (!current) throw notFound(def, info.name!);
  return current;
}

function checkName(obj: KubeObject, info: ResourceRequestInfo): void {
  if (obj.metadata.name === undefined || obj.metadata.name === '') obj.metadata.name = info.name;
  if (obj.metadata.name !== info.name) {
    throw badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${info.name})`);
  }
}

/** PUT of the object or its /status. */
export function updateHandler(ctx: ApiContext, def: ResourceDefinition, info: ResourceRequestInfo, req: ApiRequest, scope: UpdateScope = 'main'): ApiResponse {
  const options = parseWriteOptions(req.query);
  options.fieldManager ??= managerFromUserAgent(req.header('user-agent'));
  const obj = decodeObject(req, def);
  const warnings = validateObjectBody(def, fieldValidationDirective(req.query, options.fieldValidation), bodyOf(req), obj);
  checkName(obj, info);
  const namespace = obj.metadata.namespace;
  if (def.namespaced && namespace !== undefined && namespace !== '' && namespace !== info.namespace) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  obj.metadata.namespace = info.namespace;
  if (!def.namespaced) delete obj.metadata.namespace;
  const current = currentOrNotFound(ctx, def, info);
  return withWarnings(respond(200, updateObject(ctx, def, obj, current, options, scope)), warnings);
}

/** PATCH of the object or its /status. */
export function patchHandler(ctx: ApiContext, def: ResourceDefinition, info: ResourceRequestInfo, req: ApiRequest, scope: UpdateScope = 'main'): ApiResponse {
  const type = patchTypeOf(mediaTypeOf(req), def);
  const options = parseWriteOptions(req.query);
  const force = patchForce(req.query, type === 'application/apply-patch+yaml', options.fieldManager);
  if (type === 'application/apply-patch+yaml') {
    const config = parseApplyPatch(req.body);
    const applied = serverSideApply(ctx, def, info.namespace, info.name!, config, { ...options, fieldManager: options.fieldManager! }, force, scope);
    return respond(applied.status, applied.result);
  }
  options.fieldManager ??= managerFromUserAgent(req.header('user-agent'));
  const current = currentOrNotFound(ctx, def, info);
  const patchText = new TextDecoder().decode(req.body ?? new Uint8Array());
  const patched = applyPatch(current.object, patchText, type, def);
  if (patched === null || typeof patched !== 'object' || Array.isArray(patched)) throw badRequest('the patched object is not an object');
  const warnings = validatePatchedObject(def, fieldValidationDirective(req.query, options.fieldValidation), { mediaType: type, text: patchText }, patched);
  const obj = patched as KubeObject;
  if (typeof obj.metadata !== 'object' || obj.metadata === null) obj.metadata = {};
  checkName(obj, info);
  if (def.namespaced && obj.metadata.namespace !== info.namespace) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  return withWarnings(respond(200, updateObject(ctx, def, obj, current, options, scope)), warnings);
}
