import { http, HttpResponse, type HttpHandler } from 'msw';
import type { ApiHandler } from '../api/api-handler.js';
import { statusResponse } from '../api/api-handler.js';
import type { ApiRequest, ApiResponse } from '../api/request.js';
import { ApiError } from '../errors/index.js';
import { maxBodyBytes } from './node-request.js';

/** Options of the msw adapter. */
export interface MswHandlerOptions {
  /** The URL clients use for the cluster, e.g. `https://kube.test`. */
  baseUrl: string;
}

/** Anything with the core request handler: a ClusterCore or a started Cluster. */
export interface HandlesApiRequests {
  readonly handle: ApiHandler;
}

const encoder = new TextEncoder();

/**
 * msw request handlers that serve the whole API in-process — the same request pipeline as the
 * HTTP server, watch streams included — so clients intercepted by msw (client-node, fetch, undici)
 * talk to the cluster without a socket.
 */
export function createHandlers(cluster: HandlesApiRequests, options: MswHandlerOptions): HttpHandler[] {
  const base = options.baseUrl.replace(/\/+$/, '');
  const serve = async ({ request }: { request: Request }): Promise<Response> => {
    const url = new URL(request.url);
    const bytes = request.body ? new Uint8Array(await request.arrayBuffer()) : undefined;
    const apiRequest: ApiRequest = {
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      header: (name) => request.headers.get(name) ?? undefined,
      body: bytes && bytes.length > 0 ? bytes : undefined,
      signal: request.signal,
    };
    const response =
      bytes && bytes.length > maxBodyBytes
        ? statusResponse(new ApiError('RequestEntityTooLarge', `Request entity too large: limit is ${maxBodyBytes}`))
        : await cluster.handle(apiRequest);
    return toFetchResponse(response, request.signal);
  };
  return [http.all(`${base}/*`, serve), http.all(base, serve)];
}

function toFetchResponse(response: ApiResponse, signal: AbortSignal): Response {
  const init = { status: response.status, headers: response.headers };
  if ('body' in response) return new HttpResponse(response.body as ConstructorParameters<typeof HttpResponse>[0], init);
  let close: (() => void) | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let ended = false;
      // msw's http.ClientRequest interceptor releases the response head only with the first body
      // chunk; a watch with nothing to report yet would keep node-fetch clients (client-node's
      // Watch) waiting forever. A lone newline is whitespace to every JSON stream decoder.
      controller.enqueue(encoder.encode('\n'));
      close = response.stream({
        write: (chunk) => {
          if (!ended) controller.enqueue(encoder.encode(chunk));
        },
        end: () => {
          if (ended) return;
          ended = true;
          controller.close();
        },
      });
      signal.addEventListener('abort', () => close?.(), { once: true });
    },
    cancel() {
      close?.();
    },
  });
  return new HttpResponse(stream, init);
}
