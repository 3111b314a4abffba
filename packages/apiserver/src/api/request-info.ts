import type { ApiRequest } from './request.js';

/** The Kubernetes verb of a resource request. */
export type RequestVerb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

/** What a resource path names, as upstream's RequestInfo resolves it (k8s.io/apiserver/pkg/endpoints/request). */
export interface ResourceRequestInfo {
  group: string;
  version: string;
  namespace: string | undefined;
  resource: string;
  name: string | undefined;
  subresource: string | undefined;
  /** Path segments after the subresource (pods/x/proxy/a/b). */
  rest: string[];
  verb: RequestVerb;
}

// `namespaces/{name}/status|finalize` address the namespace itself, not a resource inside it.
const namespaceSubresources = new Set(['status', 'finalize']);

/**
 * {@link parseResourcePath} of a request. The layers (faults, routing, the request log) ask one
 * after the other about the request being served, so the last answer is kept; a request asked
 * about again after another one is parsed again (a parse is pure, and cheaper than keeping a weak
 * table entry for every request).
 */
export function resourceInfoOf(req: Pick<ApiRequest, 'method' | 'path' | 'query'>): ResourceRequestInfo | undefined {
  if (req === lastRequest) return lastInfo;
  lastInfo = parseResourcePath(req);
  lastRequest = req;
  return lastInfo;
}

let lastRequest: object | undefined;
let lastInfo: ResourceRequestInfo | undefined;

/** Parses `/api/v1/...` and `/apis/{group}/{version}/...`; undefined for anything else. */
export function parseResourcePath(req: Pick<ApiRequest, 'method' | 'path' | 'query'>): ResourceRequestInfo | undefined {
  const parts = req.path.split('/').filter((p) => p !== '');
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 3) {
    group = '';
    version = parts[1]!;
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    group = parts[1]!;
    version = parts[2]!;
    rest = parts.slice(3);
  } else {
    return undefined;
  }
  rest = rest.map(safeDecode);
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length > 1) {
    namespace = rest[1];
    if (rest.length > 2 && !namespaceSubresources.has(rest[2]!)) rest = rest.slice(2);
  }
  const [resource, name, subresource, ...tail] = rest;
  if (!resource) return undefined;
  // `namespaces/{ns}` and `namespaces/{ns}/status` are the namespace object, not content in it.
  if (resource === 'namespaces') namespace = undefined;
  const method = req.method.toUpperCase();
  let verb: RequestVerb;
  switch (method) {
    case 'GET':
    case 'HEAD':
      verb = name === undefined ? (isWatch(req.query) ? 'watch' : 'list') : isWatch(req.query) && !subresource ? 'watch' : 'get';
      break;
    case 'POST':
      verb = 'create';
      break;
    case 'PUT':
      verb = 'update';
      break;
    case 'PATCH':
      verb = 'patch';
      break;
    case 'DELETE':
      verb = name === undefined ? 'deletecollection' : 'delete';
      break;
    default:
      verb = 'get';
  }
  return { group, version, namespace, resource, name, subresource, rest: tail, verb };
}

function isWatch(query: URLSearchParams): boolean {
  const w = query.get('watch');
  return w === 'true' || w === '1';
}

function safeDecode(segment: string): string {
  // Without a percent sign there is nothing to decode.
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
