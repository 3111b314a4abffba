import type { AppRequest } from '../apps/simulated-app.js';
import type { ApiRequest, CompleteResponse } from '../api/request.js';

// Hop-by-hop headers and the caller's credentials never reach the backend (upgradeaware.go).
const droppedHeaders = new Set(['authorization', 'connection', 'keep-alive', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'accept-encoding', 'content-length']);
const forwardedHeaders = ['accept', 'accept-language', 'content-type', 'user-agent', 'cookie', 'origin', 'referer', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-request-id', 'if-none-match', 'if-modified-since', 'cache-control', 'range'];

/**
 * The part of a connect request's path after the subresource, still encoded and with its
 * trailing slash (`/api/v1/namespaces/ns/pods/web/proxy/a/b/` → `/a/b/`); '' when nothing
 * follows the subresource.
 */
export function pathAfterSubresource(path: string, subresource: string, namespaced: boolean): string {
  const parts = path.split('/');
  // ['', 'api', 'v1', ('namespaces', ns,)? plural, name, subresource, ...] or with 'apis', group.
  const base = parts[1] === 'apis' ? 4 : 3;
  const index = base + (namespaced ? 2 : 0) + 2;
  if (parts[index] !== subresource) return '';
  const rest = parts.slice(index + 1);
  return rest.length === 0 ? '' : `/${rest.join('/')}`;
}

/** The raw query string of a request ('' when none). */
export function rawQuery(req: ApiRequest): string {
  return req.query.toString();
}

/** The request as the backend receives it from the API server's proxy. */
export function backendRequest(req: ApiRequest, path: string, options: { port: number; scheme: 'http' | 'https'; hostIP: string; clientIP: string }): AppRequest {
  const headers: Record<string, string> = {};
  for (const name of forwardedHeaders) {
    const value = req.header(name);
    if (value !== undefined && !droppedHeaders.has(name)) headers[name] = value;
  }
  headers['host'] = `${options.hostIP}:${options.port}`;
  return {
    method: req.method.toUpperCase(),
    path,
    query: rawQuery(req),
    headers,
    body: req.body,
    port: options.port,
    scheme: options.scheme,
    clientIP: options.clientIP,
    hostIP: options.hostIP,
  };
}

/**
 * The answer to `…/proxy` without a trailing slash: a 301 to the same path with one (upstream's
 * fix for relative links, issue 4958).
 */
export function redirectToSlash(req: ApiRequest): CompleteResponse {
  const query = rawQuery(req);
  return { status: 301, headers: { location: `${req.path}/${query ? `?${query}` : ''}` }, body: '' };
}
