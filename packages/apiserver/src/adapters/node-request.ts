import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiHandler } from '../api/api-handler.js';
import { statusResponse } from '../api/api-handler.js';
import type { ApiRequest, ApiResponse } from '../api/request.js';
import { ApiError } from '../errors/index.js';
import { StallDetector } from './stall-detector.js';

/** Upstream's request body limit (3 MiB): larger bodies are 413s. */
export const maxBodyBytes = 3 * 1024 * 1024;

/**
 * Serves one Node HTTP request through the API core: the request becomes an ApiRequest (raw
 * body, never parsed here, so every patch and protobuf media type reaches the core untouched) and
 * the ApiResponse is written back, watch bodies streamed without buffering or compression. The
 * express adapter and the server's direct route both call this, so they answer byte for byte alike.
 */
export function serveNodeRequest(handle: ApiHandler, req: IncomingMessage, res: ServerResponse, target = req.url ?? '/'): void {
  const fail = (error: unknown): void => {
    const apiError = error instanceof ApiError ? error : new ApiError('InternalError', `Internal error occurred: ${(error as Error).message}`);
    if (!res.headersSent) writeResponse(res, statusResponse(apiError), new LazyAbort(res));
    else res.destroy();
  };
  const serve = (body: Uint8Array | undefined): void => {
    try {
      const abort = new LazyAbort(res);
      const { path, query } = splitUrl(target);
      const response = handle(new NodeApiRequest(req, path, query, body, abort));
      if (response instanceof Promise) response.then((r) => writeResponse(res, r, abort)).catch(fail);
      else writeResponse(res, response, abort);
    } catch (error) {
      fail(error);
    }
  };
  // Without Content-Length or Transfer-Encoding a request has no body (RFC 9112 §6.3): no need
  // to wait for the stream's end, which costs a turn of the event loop on every GET.
  const length = req.headers['content-length'];
  if (req.headers['transfer-encoding'] === undefined && (length === undefined || length === '0')) {
    serve(undefined);
    return;
  }
  readBody(req).then(serve, fail);
}

// Per-request objects with getters are classes, not object literals: V8 gives each literal that
// defines its own accessor a hidden class of its own, allocated in old space, and every request's
// objects then outlived a scavenge (S8 GET: scavenges of 5 ms instead of 0.4 ms).

/** Aborted when the response closes; the AbortController (and its DOMException) exists only if someone asks. */
class LazyAbort {
  readonly #res: ServerResponse;
  #controller: AbortController | undefined;

  constructor(res: ServerResponse) {
    this.#res = res;
  }

  get signal(): AbortSignal {
    if (!this.#controller) {
      const created = new AbortController();
      this.#controller = created;
      // Listened for only when asked: most requests never ask (the response knows whether it closed).
      if (this.#res.closed) created.abort();
      else this.#res.once('close', () => created.abort());
    }
    return this.#controller.signal;
  }
}

/** A Node request as the API core sees it. */
class NodeApiRequest implements ApiRequest {
  readonly method: string;
  readonly #req: IncomingMessage;
  readonly #abort: LazyAbort;

  constructor(
    req: IncomingMessage,
    readonly path: string,
    readonly query: URLSearchParams,
    readonly body: Uint8Array | undefined,
    abort: LazyAbort,
  ) {
    this.method = req.method ?? 'GET';
    this.#req = req;
    this.#abort = abort;
  }

  header(name: string): string | undefined {
    const value = this.#req.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  }

  get signal(): AbortSignal {
    return this.#abort.signal;
  }
}

// Paths made only of these characters, without dot segments, are their own URL pathname (a
// leading `//` would make URL read a host).
const plainPath = /^\/(?!\/)[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/;
const dotSegment = /(?:^|\/)(?:\.|%2e){1,2}(?:\/|$)/i;

/**
 * The path and query of a request target, as `new URL(target, base)` gives them, without the
 * cost of a URL for the plain paths every API request has.
 */
export function splitUrl(target: string): { path: string; query: URLSearchParams } {
  const mark = target.indexOf('?');
  const path = mark < 0 ? target : target.slice(0, mark);
  if (plainPath.test(path) && !dotSegment.test(path) && !target.includes('#')) {
    return { path, query: new URLSearchParams(mark < 0 ? '' : target.slice(mark + 1)) };
  }
  const url = new URL(target, 'http://localhost');
  return { path: url.pathname, query: url.searchParams };
}

function readBody(req: IncomingMessage): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBodyBytes) {
      req.resume();
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length === 0 ? undefined : new Uint8Array(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

function tooLarge(): ApiError {
  return new ApiError('RequestEntityTooLarge', `Request entity too large: limit is ${maxBodyBytes}`);
}

function writeResponse(res: ServerResponse, response: ApiResponse, abort: LazyAbort): void {
  res.statusCode = response.status;
  for (const name in response.headers) res.setHeader(name, response.headers[name]!);
  if ('body' in response) {
    res.end(response.body);
    return;
  }
  res.setHeader('transfer-encoding', 'chunked');
  res.flushHeaders();
  let ended = false;
  const stall = new StallDetector(() => performance.now());
  const close = response.stream({
    write: (chunk) => {
      if (ended) return;
      // A client that stopped reading must not hold events in memory forever: like upstream's
      // watch cache, drop an unresponsive watcher (it re-watches from its last resourceVersion).
      if (stall.beforeWrite(chunk, res.writableLength)) {
        ended = true;
        res.destroy();
        return;
      }
      res.write(chunk);
    },
    end: () => {
      if (ended) return;
      ended = true;
      res.end();
    },
  });
  const signal = abort.signal;
  if (signal.aborted) close();
  else signal.addEventListener('abort', close, { once: true });
  res.on('close', () => {
    ended = true;
    close();
  });
}

// Paths whose requests go straight to the core: the resource API and discovery, and what
// kubectl, probes and `minik start` ask first (version, health).
const directRoots: ReadonlySet<string> = new Set(['api', 'apis', 'version', 'healthz', 'livez', 'readyz']);

/** Whether a request target's first path segment is one of the direct roots. */
export function isDirectPath(target: string): boolean {
  if (!target.startsWith('/')) return false;
  let end = 1;
  while (end < target.length && target[end] !== '/' && target[end] !== '?') end++;
  return directRoots.has(target.slice(1, end));
}

/** A Node request listener (what `http.createServer` takes). */
export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The server's request listener: the API, discovery, version and health go straight to the core;
 * everything else through the express app, loaded on first use. Express's per-request routing cost
 * more than the rest of a GET together (bench/ S8), adds nothing to these responses, and loading
 * it (with body-parser, iconv-lite, send, mime-db) was a tenth of `minik start` (bench/ S1).
 */
export function apiRequestListener(handle: ApiHandler, loadApp: () => Promise<RequestListener>): RequestListener {
  let app: Promise<RequestListener> | undefined;
  return (req, res) => {
    const url = req.url ?? '/';
    if (isDirectPath(url)) {
      serveNodeRequest(handle, req, res, url);
      return;
    }
    (app ??= loadApp()).then(
      (listener) => listener(req, res),
      (error: unknown) => {
        if (!res.headersSent) writeResponse(res, statusResponse(new ApiError('InternalError', `Internal error occurred: ${(error as Error).message}`)), new LazyAbort(res));
      },
    );
  };
}
