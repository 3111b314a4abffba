import express, { type Express, type Request, type Response } from 'express';
import { ApiError } from '../errors/index.js';
import type { ApiHandler } from '../api/api-handler.js';
import { statusResponse } from '../api/api-handler.js';
import type { ApiRequest, ApiResponse } from '../api/request.js';

/** Unsent bytes a streaming response may pile up before the client is considered stalled. */
const maxStreamBacklogBytes = 16 * 1024 * 1024;

/** Upstream's request body limit (3 MiB): larger bodies are 413s. */
export const maxBodyBytes = 3 * 1024 * 1024;

/**
 * The express adapter: turns each request into an ApiRequest (raw body, never parsed here, so
 * every patch and protobuf media type reaches the core untouched), and writes the ApiResponse back,
 * streaming watch bodies without buffering or compression.
 */
export function createExpressApp(handle: ApiHandler): Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use((req, res) => {
    readBody(req)
      .then(async (body) => {
        const controller = new AbortController();
        res.on('close', () => controller.abort());
        const url = new URL(req.originalUrl, 'http://localhost');
        const apiRequest: ApiRequest = {
          method: req.method,
          path: url.pathname,
          query: url.searchParams,
          header: (name) => {
            const value = req.headers[name];
            return Array.isArray(value) ? value.join(', ') : value;
          },
          body,
          signal: controller.signal,
        };
        writeResponse(res, await handle(apiRequest), controller.signal);
      })
      .catch((error: unknown) => {
        const apiError =
          error instanceof ApiError ? error : new ApiError('InternalError', `Internal error occurred: ${(error as Error).message}`);
        if (!res.headersSent) writeResponse(res, statusResponse(apiError), new AbortController().signal);
        else res.destroy();
      });
  });
  return app;
}

function readBody(req: Request): Promise<Uint8Array | undefined> {
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

function writeResponse(res: Response, response: ApiResponse, signal: AbortSignal): void {
  res.status(response.status);
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  if ('body' in response) {
    res.end(response.body);
    return;
  }
  res.setHeader('transfer-encoding', 'chunked');
  res.flushHeaders();
  let ended = false;
  const close = response.stream({
    write: (chunk) => {
      if (ended) return;
      // A client that stopped reading must not hold events in memory forever: like upstream's
      // watch cache, drop the watcher once its unsent backlog is too large (it will re-list).
      if (res.writableLength > maxStreamBacklogBytes) {
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
  if (signal.aborted) close();
  else signal.addEventListener('abort', close, { once: true });
  res.on('close', () => {
    ended = true;
    close();
  });
}
