import type { ResourceDefinition } from '@minik/types';
import { groupVersionOf } from '@minik/types';
import { ApiError, badRequest } from '../../errors/index.js';
import { kindsReturningDeletedObject } from '../../resources/kind-traits.js';
import type { ApiContext } from '../api-context.js';
import { parseDocument } from '../body-decoder.js';
import { deleteObject, parseDeleteOptions, type DeleteRequest, type DeleteResult } from '../object-deletes.js';
import { objectFilterOf } from '../object-filter.js';
import { parseWriteOptions } from '../object-writes.js';
import type { ApiRequest, ApiResponse } from '../request.js';
import { jsonBody, jsonText } from '../request.js';
import type { ResourceRequestInfo } from '../request-info.js';

function readDeleteRequest(req: ApiRequest): DeleteRequest {
  let body: Record<string, unknown> | undefined;
  if (req.body && req.body.length > 0) {
    let value: unknown;
    try {
      value = parseDocument(req);
    } catch (error) {
      throw badRequest(`the body of the request was in an unknown format: ${(error as Error).message}`);
    }
    if (value !== null && (typeof value !== 'object' || Array.isArray(value))) throw badRequest('DeleteOptions must be a JSON object');
    body = (value ?? undefined) as Record<string, unknown> | undefined;
  }
  const { dryRunValues, ...options } = parseDeleteOptions(body, req.query);
  const { dryRun } = parseWriteOptions(new URLSearchParams(dryRunValues.map((v): [string, string] => ['dryRun', v])));
  return { ...options, dryRun };
}

/** DELETE of one object: the object itself or a Success Status, as the kind's upstream store answers. */
export function deleteHandler(ctx: ApiContext, def: ResourceDefinition, info: ResourceRequestInfo, req: ApiRequest): ApiResponse {
  const result = deleteObject(ctx, def, info.namespace ?? '', info.name!, readDeleteRequest(req));
  return deleteResponse(def, result);
}

function deleteResponse(def: ResourceDefinition, result: DeleteResult): ApiResponse {
  if (!result.deleted || kindsReturningDeletedObject.has(def.kind)) return jsonText(200, result.json);
  return jsonBody(200, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details: { name: result.object.metadata.name, ...(def.group ? { group: def.group } : {}), kind: def.plural, uid: result.object.metadata.uid },
  });
}

/** DELETE of a collection: every object matching the selectors, answered with the list of them. */
export function deleteCollectionHandler(ctx: ApiContext, def: ResourceDefinition, info: ResourceRequestInfo, req: ApiRequest): ApiResponse {
  const request = readDeleteRequest(req);
  const filter = objectFilterOf(def, req.query);
  const { items, revision } = ctx.store.list(def, info.namespace);
  const deleted: string[] = [];
  for (const stored of items) {
    if (filter && !filter(stored.object)) continue;
    const meta = stored.object.metadata;
    try {
      deleted.push(deleteObject(ctx, def, meta.namespace ?? '', meta.name!, request).json);
    } catch (error) {
      // Gone meanwhile (a cascade removed it): not an error for a collection delete.
      if (!(error instanceof ApiError && error.reason === 'NotFound')) throw error;
    }
  }
  const head = `{"kind":${JSON.stringify(`${def.kind}List`)},"apiVersion":${JSON.stringify(groupVersionOf(def))},"metadata":{"resourceVersion":"${revision}"},"items":[`;
  return jsonText(200, head + deleted.join(',') + ']}');
}
