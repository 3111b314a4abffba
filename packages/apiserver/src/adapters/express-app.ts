import express, { type Express } from 'express';
import type { ApiHandler } from '../api/api-handler.js';
import { serveNodeRequest } from './node-request.js';

export { maxBodyBytes } from './node-request.js';

/**
 * The express adapter: every request goes through the API core (see serveNodeRequest: raw body,
 * never parsed here, so every patch and protobuf media type reaches the core untouched; watch
 * bodies streamed without buffering or compression).
 */
export function createExpressApp(handle: ApiHandler): Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use((req, res) => serveNodeRequest(handle, req, res, req.originalUrl));
  return app;
}
