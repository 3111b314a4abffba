import type { ApiResponse } from '../api/request.js';
import { jsonBody, jsonText } from '../api/request.js';
import type { OpenApi } from './create-openapi.js';

/**
 * Answers `/openapi/v2`, `/openapi/v3` and `/openapi/v3/<group-version>` the way kube-openapi's
 * handlers do; undefined for any other path (the caller answers 404). A v3 request whose `hash`
 * is not the document's current hash is redirected (301) to the current URL, a matching one is
 * marked immutable so clients may cache it, and every document carries its hash as ETag.
 */
export function openApiResponse(openApi: OpenApi, path: string, query: URLSearchParams): ApiResponse | undefined {
  if (path === '/openapi/v2') {
    const v2 = openApi.v2();
    return { status: 200, headers: { 'content-type': v2.contentType }, body: v2.body };
  }
  if (path === '/openapi/v3') {
    const index = openApi.v3Index();
    return jsonBody(200, index.body, index.contentType);
  }
  const prefix = '/openapi/v3/';
  if (!path.startsWith(prefix)) return undefined;
  const gvPath = path.slice(prefix.length);
  const doc = openApi.v3Document(gvPath);
  if (!doc) return undefined;
  const hash = query.get('hash');
  if (hash !== null && hash !== '' && hash !== doc.hash) {
    return { status: 301, headers: { location: `${prefix}${gvPath}?hash=${doc.hash}`, 'content-type': 'text/plain' }, body: '' };
  }
  const response = jsonText(200, doc.text, doc.contentType);
  response.headers['etag'] = JSON.stringify(doc.hash);
  if (hash !== null && hash !== '') {
    response.headers['cache-control'] = 'public, immutable';
    response.headers['vary'] = 'Accept';
  } else {
    response.headers['cache-control'] = 'no-cache, private';
  }
  return response;
}
