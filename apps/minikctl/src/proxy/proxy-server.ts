import { createReadStream, readdirSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { join, normalize } from 'node:path';
import type { Logger } from '../client/klog.js';
import { tlsOptionsOf, type RestClient } from '../client/rest-client.js';
import { accepts, hostOf, type RequestFilter } from './request-filter.js';

/** How the proxy listens and what it lets through. */
export interface ProxyOptions {
  address: string;
  port: number;
  unixSocket?: string;
  /** Requests under this prefix go to the API server (kubectl's --api-prefix). */
  apiPrefix: string;
  /** Serve static files from this directory under `wwwPrefix`. */
  www?: string;
  wwwPrefix: string;
  /** Undefined disables filtering (--disable-filter). */
  filter?: RequestFilter;
  appendServerPath: boolean;
}

/** A running proxy. */
export interface RunningProxy {
  /** `127.0.0.1:8001`, as kubectl prints it. */
  address: string;
  close(): Promise<void>;
}

const hopByHop = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'proxy-connection']);

/** Go's http.Error: a plain-text body with a newline. */
function httpError(res: ServerResponse, status: number, text: string): void {
  const body = `${text}\n`;
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** kubectl's stripLeaveSlash: drop the prefix, keep a leading slash. */
function stripLeaveSlash(prefix: string, path: string): string | undefined {
  if (!path.startsWith(prefix)) return undefined;
  const rest = path.slice(prefix.length);
  return rest.startsWith('/') ? rest : `/${rest}`;
}

/**
 * kubectl proxy: a local HTTP server that forwards every request (method, path, query, body,
 * upgrades) to the API server with the kubeconfig's credentials, streaming responses without
 * buffering (watches, logs, pod and service proxies), behind kubectl's host/path/method filter.
 */
export async function startProxy(options: ProxyOptions, client: RestClient, logger: Logger): Promise<RunningProxy> {
  const target = new URL(client.config.server);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const basePath = options.appendServerPath ? target.pathname.replace(/\/+$/, '') : '';

  const upstreamPath = (req: IncomingMessage): string | undefined => {
    const url = new URL(req.url ?? '/', 'http://proxy.invalid');
    const path = options.apiPrefix.startsWith('/api') ? url.pathname : stripLeaveSlash(options.apiPrefix, url.pathname);
    if (path === undefined) return undefined;
    return `${basePath}${path}${url.search}`;
  };

  const forwardHeaders = (req: IncomingMessage, upgrade: boolean): OutgoingHttpHeaders => {
    const headers: OutgoingHttpHeaders = {};
    for (const [key, value] of Object.entries(req.headers)) {
      if (value === undefined || key === 'host') continue;
      if (!upgrade && hopByHop.has(key)) continue;
      headers[key] = value;
    }
    headers['host'] = target.host;
    if (!req.headers['authorization']) Object.assign(headers, client.authHeaders());
    const forwarded = req.socket.remoteAddress;
    if (forwarded && !upgrade) headers['x-forwarded-for'] = req.headers['x-forwarded-for'] ? `${req.headers['x-forwarded-for']}, ${forwarded}` : forwarded;
    return headers;
  };

  const allowed = (req: IncomingMessage): boolean => {
    if (!options.filter) return true;
    const path = new URL(req.url ?? '/', 'http://proxy.invalid').pathname;
    const host = hostOf(req.headers.host);
    const ok = accepts(options.filter, req.method ?? 'GET', path, host);
    logger.info(3, 'proxy_server.go:121', `Filter ${ok ? 'accepting' : 'rejecting'} ${req.method} ${path} ${host}`);
    return ok;
  };

  const serveStatic = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://proxy.invalid');
    const relative = decodeURIComponent(url.pathname.slice(options.wwwPrefix.length));
    const file = join(options.www!, normalize(`/${relative}`));
    try {
      const stat = statSync(file);
      if (stat.isDirectory()) {
        const index = join(file, 'index.html');
        try {
          statSync(index);
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          createReadStream(index).pipe(res);
        } catch {
          const entries = readdirSync(file, { withFileTypes: true }).map((e) => (e.isDirectory() ? `${e.name}/` : e.name)).sort();
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(`<pre>\n${entries.map((e) => `<a href="${encodeURI(e)}">${e}</a>`).join('\n')}\n</pre>\n`);
        }
        return;
      }
      res.writeHead(200, { 'content-length': stat.size });
      createReadStream(file).pipe(res);
    } catch {
      httpError(res, 404, '404 page not found');
    }
  };

  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://proxy.invalid').pathname;
    const underStatic = options.www !== undefined && path.startsWith(options.wwwPrefix) && options.wwwPrefix.length >= options.apiPrefix.length;
    if (underStatic) return serveStatic(req, res);
    if (!path.startsWith(options.apiPrefix)) return httpError(res, 404, '404 page not found');
    if (!allowed(req)) return httpError(res, 403, 'Forbidden');
    const location = upstreamPath(req);
    if (location === undefined) return httpError(res, 404, '404 page not found');
    const upstream = send(
      { protocol: target.protocol, hostname: target.hostname, port: target.port, path: location, method: req.method, headers: forwardHeaders(req, false), agent: client.agent },
      (upstreamRes) => {
        const headers: OutgoingHttpHeaders = {};
        for (const [key, value] of Object.entries(upstreamRes.headers)) if (value !== undefined && !hopByHop.has(key)) headers[key] = value;
        res.writeHead(upstreamRes.statusCode ?? 502, headers);
        // Stream as it arrives: watches and log follows must not be buffered.
        res.flushHeaders();
        upstreamRes.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      logger.error('proxy_server.go:147', `Error while proxying request: ${error.message}`);
      if (!res.headersSent) httpError(res, 500, error.message);
      else res.destroy();
    });
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });

  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const reject = (status: number, text: string): void => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nContent-Type: text/plain; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${text}\n`);
    };
    if (!allowed(req)) return reject(403, 'Forbidden');
    const location = upstreamPath(req);
    if (location === undefined) return reject(404, 'Not Found');
    // An upgraded connection is the client's alone: no pooled agent, so the TLS settings go with the request.
    const tls = target.protocol === 'https:' ? tlsOptionsOf(client.config) : {};
    const upstream = send({ protocol: target.protocol, hostname: target.hostname, port: target.port, path: location, method: req.method, headers: forwardHeaders(req, true), agent: false, ...tls });
    upstream.on('upgrade', (upstreamRes, upstreamSocket, upstreamHead) => {
      const lines = [`HTTP/1.1 ${upstreamRes.statusCode ?? 101} ${upstreamRes.statusMessage ?? 'Switching Protocols'}`];
      for (let i = 0; i < upstreamRes.rawHeaders.length; i += 2) lines.push(`${upstreamRes.rawHeaders[i]}: ${upstreamRes.rawHeaders[i + 1]}`);
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (upstreamHead.length > 0) socket.write(upstreamHead);
      if (head.length > 0) upstreamSocket.write(head);
      upstreamSocket.pipe(socket).pipe(upstreamSocket);
      upstreamSocket.on('error', () => socket.destroy());
      socket.on('error', () => upstreamSocket.destroy());
    });
    upstream.on('response', (upstreamRes) => {
      // The server refused the upgrade: relay its answer.
      const lines = [`HTTP/1.1 ${upstreamRes.statusCode} ${upstreamRes.statusMessage ?? ''}`];
      for (let i = 0; i < upstreamRes.rawHeaders.length; i += 2) lines.push(`${upstreamRes.rawHeaders[i]}: ${upstreamRes.rawHeaders[i + 1]}`);
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
      upstreamRes.pipe(socket);
    });
    upstream.on('error', () => reject(500, 'Internal Server Error'));
    upstream.end();
  });

  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    const done = (): void => {
      server.off('error', reject);
      resolve();
    };
    if (options.unixSocket) server.listen(options.unixSocket, done);
    else server.listen(options.port, options.address, done);
  });
  const info = server.address();
  const address =
    typeof info === 'string' || info === null
      ? String(info ?? options.unixSocket)
      : (info as AddressInfo).family === 'IPv6'
        ? `[${info.address}]:${info.port}`
        : `${info.address}:${info.port}`;
  return {
    address,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
