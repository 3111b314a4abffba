import type { ResourceDefinition } from '@minik/types';
import { builtinSchemas } from '@minik/types';
import type { Discovery, VersionInfo } from '../discovery/index.js';
import { healthResponse } from '../discovery/index.js';
import { ApiError, methodNotAllowed, pathNotFound } from '../errors/index.js';
import { createOpenApi, openApiResponse, type OpenApi } from '../openapi/index.js';
import type { ApiContext } from './api-context.js';
import { deleteCollectionHandler, deleteHandler } from './handlers/delete-handlers.js';
import { getObject, listObjects, watchObjects } from './handlers/read-handlers.js';
import { bindingHandler, evictionHandler, scaleHandler } from './handlers/subresource-handlers.js';
import { createHandler, patchHandler, updateHandler } from './handlers/write-handlers.js';
import { isReview, reviewHandler } from './handlers/review-handlers.js';
import { tokenRequestHandler } from './handlers/token-request-handler.js';
import type { ApiRequest, ApiResponse } from './request.js';
import { jsonBody } from './request.js';
import { resourceInfoOf, type ResourceRequestInfo } from './request-info.js';

/** What the core needs besides the API context. */
export interface ApiHandlerOptions {
  discovery: Discovery;
  version: VersionInfo;
  /** Called once per unexpected (non-ApiError) failure, with the cause. */
  onInternalError?: (error: unknown, req: ApiRequest) => void;
  /** The OpenAPI documents; by default built (lazily) from the registry and the built-in schemas. */
  openApi?: OpenApi;
  /** Subresources served outside the store, keyed `<plural>/<subresource>` (pods/proxy, pods/log, …). */
  connect?: Readonly<Record<string, ConnectHandler>>;
  /** minik's own admin API under `/minik/` (node lifecycle); paths that cannot clash with Kubernetes'. */
  admin?: (req: ApiRequest, path: string) => ApiResponse | undefined;
}

/** What a connect subresource addresses: `pods/{name}/proxy/…` → pods, web, proxy. */
export interface ConnectTarget {
  def: ResourceDefinition;
  namespace: string | undefined;
  /** The name segment as sent, `[scheme:]name[:port]` for proxies. */
  name: string;
  subresource: string;
}

/**
 * A subresource that connects to something instead of reading the store (upstream's
 * rest.Connecter: proxy, log). It sees the raw request: method, full path, query and body.
 */
export type ConnectHandler = (req: ApiRequest, target: ConnectTarget) => ApiResponse;

/** Handles one request; never throws: every failure becomes a Status response. Wrappers (faults, delays) may answer later. */
export type ApiHandler = (req: ApiRequest) => ApiResponse | Promise<ApiResponse>;

/**
 * The transport-neutral API core: discovery, health, version and every resource verb, routed
 * from the registry. Adapters (express, msw) only translate requests and responses.
 */
export function createApiHandler(ctx: ApiContext, handlerOptions: ApiHandlerOptions): (req: ApiRequest) => ApiResponse {
  // Built on the first /openapi request: most clients (kubectl get, informers) never ask, and
  // building it was a tenth of a cluster's start.
  let openApi = handlerOptions.openApi;
  const options: ApiHandlerOptions = {
    ...handlerOptions,
    get openApi() {
      return (openApi ??= createOpenApi(ctx.registry.definitions, builtinSchemas));
    },
  };
  return (req) => {
    try {
      return route(ctx, options, req);
    } catch (error) {
      if (error instanceof ApiError) return statusResponse(error);
      options.onInternalError?.(error, req);
      return statusResponse(new ApiError('InternalError', `Internal error occurred: ${(error as Error)?.message ?? String(error)}`));
    }
  };
}

/** The HTTP response for an ApiError: a Status with the same code. */
export function statusResponse(error: ApiError): ApiResponse {
  const response = jsonBody(error.code, error.toStatus());
  if (error.details?.retryAfterSeconds !== undefined) response.headers['retry-after'] = String(error.details.retryAfterSeconds);
  return response;
}

function route(ctx: ApiContext, options: ApiHandlerOptions, req: ApiRequest): ApiResponse {
  const path = req.path.length > 1 && req.path.endsWith('/') ? req.path.slice(0, -1) : req.path;
  const method = req.method.toUpperCase();
  if (path.startsWith('/minik/')) {
    const response = options.admin?.(req, path);
    if (!response) throw pathNotFound();
    return response;
  }
  // The same parse as the request log and faults use (trailing slash and method case do not change it).
  const info = resourceInfoOf(req);
  if (info) return resourceRequest(ctx, info, req, options);
  if (method !== 'GET' && method !== 'HEAD') throw pathNotFound();
  if (path.startsWith('/openapi/')) {
    const response = options.openApi && openApiResponse(options.openApi, path, req.query);
    if (!response) throw pathNotFound();
    return response;
  }
  const accept = req.header('accept');
  switch (path) {
    case '/version':
      return jsonBody(200, options.version);
    case '/healthz':
    case '/livez':
    case '/readyz': {
      const health = healthResponse(path.slice(1) as 'healthz', req.query.has('verbose'));
      return { status: 200, headers: { 'content-type': health.contentType }, body: health.body };
    }
    case '/api':
      return discoveryResponse(options.discovery.coreVersions(accept));
    case '/apis':
      return discoveryResponse(options.discovery.groups(accept));
  }
  const parts = path.split('/').filter((p) => p !== '');
  if (parts[0] === 'api' && parts.length === 2) return discoveryResponse(options.discovery.resourceList('', parts[1]!));
  if (parts[0] === 'apis' && parts.length === 3) return discoveryResponse(options.discovery.resourceList(parts[1]!, parts[2]!));
  if (parts[0] === 'apis' && parts.length === 2) {
    const list = options.discovery.groups(undefined)?.body as { groups?: { name: string }[] } | undefined;
    const group = list?.groups?.find((g) => g.name === parts[1]);
    if (group) return jsonBody(200, { kind: 'APIGroup', apiVersion: 'v1', ...group });
  }
  throw pathNotFound();
}

function discoveryResponse(doc: { contentType: string; body: unknown } | undefined): ApiResponse {
  if (!doc) throw pathNotFound();
  return jsonBody(200, doc.body, doc.contentType);
}

function resourceRequest(ctx: ApiContext, info: ResourceRequestInfo, req: ApiRequest, options: ApiHandlerOptions): ApiResponse {
  const def = ctx.registry.lookup(info.group, info.version, info.resource);
  if (!def) throw pathNotFound();
  if (def.namespaced && info.namespace === undefined && info.name !== undefined) throw pathNotFound();
  if (info.subresource !== undefined) return subresourceRequest(ctx, def, info, req, options);
  if (!def.verbs.includes(info.verb)) throw methodNotAllowed(info.verb, def);
  switch (info.verb) {
    case 'get':
      return getObject(ctx, def, info, req);
    case 'list':
      return listObjects(ctx, def, info, req);
    case 'watch':
      return watchObjects(ctx, def, info, req);
    case 'create':
      if (info.name !== undefined) throw methodNotAllowed(info.verb, def);
      return isReview(def) ? reviewHandler(ctx, def, req) : createHandler(ctx, def, info, req);
    case 'update':
      return updateHandler(ctx, def, info, req);
    case 'patch':
      return patchHandler(ctx, def, info, req);
    case 'delete':
      return deleteHandler(ctx, def, info, req);
    case 'deletecollection':
      return deleteCollectionHandler(ctx, def, info, req);
  }
}

function subresourceRequest(ctx: ApiContext, def: ResourceDefinition, info: ResourceRequestInfo, req: ApiRequest, options: ApiHandlerOptions): ApiResponse {
  const sub = def.subresources?.find((s) => s.name === info.subresource);
  const connect = sub && info.name !== undefined ? options.connect?.[`${def.plural}/${sub.name}`] : undefined;
  if (connect && sub && info.name !== undefined) {
    // Proxies take any method and the rest of the path; log is GET only.
    if (!sub.verbs.includes(info.verb)) throw methodNotAllowed(info.verb, def);
    return connect(req, { def, namespace: info.namespace, name: info.name, subresource: sub.name });
  }
  if (!sub || info.name === undefined || info.rest.length > 0) throw pathNotFound();
  if (!sub.verbs.includes(info.verb)) throw methodNotAllowed(info.verb, def);
  switch (sub.name) {
    case 'status':
      if (info.verb === 'get') return getObject(ctx, def, info, req);
      return info.verb === 'update' ? updateHandler(ctx, def, info, req, 'status') : patchHandler(ctx, def, info, req, 'status');
    case 'scale':
      return scaleHandler(ctx, def, info, req);
    case 'binding':
      return bindingHandler(ctx, def, info, req);
    case 'eviction':
      return evictionHandler(ctx, def, info, req);
    case 'token':
      return tokenRequestHandler(ctx, def, info, req);
    case 'finalize':
      return updateHandler(ctx, def, info, req);
  }
  throw pathNotFound();
}
