import { readFileSync } from 'node:fs';
import type { Agent as HttpAgent, IncomingMessage, OutgoingHttpHeaders, request as httpRequestFn } from 'node:http';
import type { Status } from '@minik/types';
import { CliError } from '../cli/cli-error.js';
import { clientVersion } from '../version.js';
import { ConnectionError, genericServerError, StatusError, type RequestTarget } from './api-error.js';
import type { ClientConfig } from './client-config.js';
import { defaultTrustWithExtraCerts } from './extra-ca.js';
import type { Logger } from './klog.js';

/** Query parameters; arrays repeat the key. */
export type Query = Record<string, string | readonly string[] | undefined>;

/** One API request. */
export interface RequestOptions {
  method?: string;
  /** Absolute API path, e.g. `/api/v1/namespaces/default/pods`. */
  path: string;
  query?: Query;
  accept?: string;
  contentType?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Names the resource in errors built for non-Status replies. */
  target?: RequestTarget;
  signal?: AbortSignal;
  /** Overrides the client's timeout (0 = none), e.g. for watches. */
  timeoutMs?: number;
}

/** A buffered reply. */
export interface RawResponse {
  status: number;
  statusText: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** Go's url.QueryEscape: everything but unreserved characters is %-encoded, spaces become `+`. */
export function goQueryEscape(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** Go's url.Values.Encode: keys sorted, values in order. */
export function encodeQuery(query: Query | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const key of Object.keys(query).sort()) {
    const value = query[key];
    if (value === undefined) continue;
    for (const v of typeof value === 'string' ? [value] : value) parts.push(`${goQueryEscape(key)}=${goQueryEscape(v)}`);
  }
  return parts.join('&');
}

const statusTexts: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  410: 'Gone',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/**
 * The HTTP client every command uses: node:http(s) with keep-alive, the kubeconfig's TLS and
 * credentials, client-go's query encoding, request logging at `-v=6`, and client-go's
 * conversion of failures into Status errors.
 */
export class RestClient {
  readonly #config: ClientConfig;
  readonly #logger: Logger;
  readonly #base: URL;
  readonly #agent: HttpAgent;
  readonly #send: typeof httpRequestFn;
  #execToken: string | undefined;

  constructor(
    config: ClientConfig,
    logger: Logger,
    transport: { agent: HttpAgent; request: typeof httpRequestFn; execToken?: string },
    readonly userAgent = `minikctl/${clientVersion.gitVersion} (${process.platform}/${process.arch === 'x64' ? 'amd64' : process.arch}) minik`,
  ) {
    this.#config = config;
    this.#logger = logger;
    this.#base = new URL(config.server);
    this.#agent = transport.agent;
    this.#send = transport.request;
    this.#execToken = transport.execToken;
  }

  get config(): ClientConfig {
    return this.#config;
  }

  /** `host:port` of the server, as kubectl names it in connection errors. */
  get host(): string {
    return this.#base.host;
  }

  /** The full URL of an API path with its query. */
  url(path: string, query?: Query): string {
    const prefix = this.#base.pathname.replace(/\/+$/, '');
    const qs = encodeQuery(query);
    return `${this.#base.protocol}//${this.#base.host}${prefix}${path}${qs ? `?${qs}` : ''}`;
  }

  /** Headers carrying the credentials (for the proxy, which forwards requests itself). */
  authHeaders(): Record<string, string> {
    const headers: Record<string, string> = {};
    const token = this.#token();
    if (token) headers['authorization'] = `Bearer ${token}`;
    else if (this.#config.username !== undefined && this.#config.password !== undefined) {
      headers['authorization'] = `Basic ${Buffer.from(`${this.#config.username}:${this.#config.password}`).toString('base64')}`;
    }
    return headers;
  }

  /** The agent (TLS settings, keep-alive) requests go through. */
  get agent(): HttpAgent {
    return this.#agent;
  }

  #token(): string | undefined {
    if (this.#config.token) return this.#config.token;
    if (this.#config.tokenFile) return readFileSync(this.#config.tokenFile, 'utf8').trim();
    return this.#execToken;
  }

  /** Sends a request and returns the streaming response, whatever its status. */
  open(options: RequestOptions): Promise<IncomingMessage> {
    const method = options.method ?? 'GET';
    const query: Query = { ...options.query };
    if (this.#config.timeoutMs > 0 && query['timeout'] === undefined) query['timeout'] = `${Math.round(this.#config.timeoutMs / 1000)}s`;
    const url = this.url(options.path, query);
    const headers: OutgoingHttpHeaders = {
      'user-agent': this.userAgent,
      accept: options.accept ?? 'application/json, */*',
      ...this.authHeaders(),
      ...options.headers,
    };
    if (options.body !== undefined) {
      headers['content-type'] = options.contentType ?? 'application/json';
      headers['content-length'] = Buffer.byteLength(options.body);
    }
    const started = Date.now();
    const send = this.#send;
    const timeoutMs = options.timeoutMs ?? this.#config.timeoutMs;
    return new Promise((resolve, reject) => {
      const req = send(url, { method, headers, agent: this.#agent, signal: options.signal }, (res) => {
        if (this.#logger.verbosity >= 6) {
          const status = `${res.statusCode ?? 0} ${statusTexts[res.statusCode ?? 0] ?? res.statusMessage ?? ''}`;
          this.#logger.info(6, 'round_trippers.go:632', `"Response" verb="${method}" url="${url}" status="${status}" milliseconds=${Date.now() - started}`);
        }
        resolve(res);
      });
      if (timeoutMs > 0) {
        req.setTimeout(timeoutMs, () => {
          req.destroy(Object.assign(new Error('context deadline exceeded (Client.Timeout exceeded while awaiting headers)'), { code: 'ETIMEDOUT' }));
        });
      }
      req.on('error', (error: Error & { code?: string }) => reject(toConnectionError(error, method, url)));
      if (options.body !== undefined) req.end(options.body);
      else req.end();
    });
  }

  /** Sends a request and reads the whole reply, whatever its status. */
  async raw(options: RequestOptions): Promise<RawResponse> {
    const res = await this.open(options);
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    return { status: res.statusCode ?? 0, statusText: statusTexts[res.statusCode ?? 0] ?? res.statusMessage ?? '', headers: res.headers, body: Buffer.concat(chunks) };
  }

  /** Sends a request and decodes its JSON reply; a failure becomes a {@link StatusError}. */
  async json<T = unknown>(options: RequestOptions): Promise<T> {
    const res = await this.raw({ ...options, accept: options.accept ?? 'application/json' });
    if (res.status < 200 || res.status > 299) throw responseError(res, options.method ?? 'GET', options.target);
    return (res.body.length === 0 ? {} : JSON.parse(res.body.toString('utf8'))) as T;
  }

  /** Opens a streaming request (watch, logs -f); a failure becomes a {@link StatusError}. */
  async stream(options: RequestOptions): Promise<IncomingMessage> {
    const res = await this.open({ ...options, timeoutMs: options.timeoutMs ?? 0 });
    if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) > 299) {
      const chunks: Buffer[] = [];
      for await (const chunk of res) chunks.push(chunk as Buffer);
      throw responseError(
        { status: res.statusCode ?? 0, statusText: '', headers: res.headers, body: Buffer.concat(chunks) },
        options.method ?? 'GET',
        options.target,
      );
    }
    return res;
  }

  /** Frees sockets kept alive, so the process can end on its own. */
  close(): void {
    this.#agent.destroy();
  }
}

/** client-go's transformResponse: a Status body wins; otherwise an error is made up from the code. */
export function responseError(res: RawResponse, method: string, target: RequestTarget | undefined): Error {
  const text = res.body.toString('utf8');
  const contentType = String(res.headers['content-type'] ?? '');
  if (contentType.startsWith('application/json') || text.trimStart().startsWith('{')) {
    try {
      const parsed = JSON.parse(text) as Partial<Status> & { kind?: string };
      if (parsed && parsed.kind === 'Status' && parsed.status !== 'Success') {
        return new StatusError({ ...parsed, code: parsed.code || res.status } as Status);
      }
    } catch {
      // not JSON after all
    }
  }
  return genericServerError(res.status, method, target, text, contentType.startsWith('text/') || contentType === '');
}

/** Go's *url.Error text for a failed request (`Get "http://…": dial tcp …: connect: connection refused`). */
function toConnectionError(error: Error & { code?: string }, method: string, url: string): Error {
  if (error.name === 'AbortError') return error;
  let detail: string;
  switch (error.code) {
    case 'ECONNREFUSED':
      detail = `dial tcp ${hostWithDefaultPort(url)}: connect: connection refused`;
      break;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      detail = `dial tcp: lookup ${new URL(url).hostname}: no such host`;
      break;
    case 'ETIMEDOUT':
      detail = error.message;
      break;
    case 'ECONNRESET':
      detail = 'read: connection reset by peer';
      break;
    default:
      detail = error.message;
  }
  const verb = method.charAt(0) + method.slice(1).toLowerCase();
  return new ConnectionError(url, method, error, `${verb} "${url}": ${detail}`);
}

function hostWithDefaultPort(url: string): string {
  const u = new URL(url);
  const port = u.port || (u.protocol === 'https:' ? '443' : '80');
  const hostname = u.hostname === 'localhost' ? '127.0.0.1' : u.hostname;
  return `${hostname}:${port}`;
}

/** The TLS side of a connection to the server: its CA (or Node's roots with NODE_EXTRA_CA_CERTS), the client certificate, verification. */
export function tlsOptionsOf(config: ClientConfig): { ca?: Buffer | string[]; cert?: Buffer; key?: Buffer; rejectUnauthorized: boolean; servername?: string } {
  return { ca: config.ca ?? defaultTrustWithExtraCerts(), cert: config.cert, key: config.key, rejectUnauthorized: !config.insecure, servername: config.tlsServerName };
}

/**
 * Builds the REST client, loading only the transport the server needs (node:https and its TLS
 * stack cost start-up time that a plain http:// server does not need).
 */
export async function createRestClient(config: ClientConfig, logger: Logger): Promise<RestClient> {
  const isHttps = new URL(config.server).protocol === 'https:';
  let agent: HttpAgent;
  let send: typeof httpRequestFn;
  if (isHttps) {
    // Built-ins are loaded when used (process.getBuiltinModule: synchronous, and no dynamic
    // import(), which the CLI's code-cached bundle cannot resolve).
    const https = process.getBuiltinModule('node:https');
    agent = new https.Agent({ keepAlive: true, ...tlsOptionsOf(config) });
    send = https.request as unknown as typeof httpRequestFn;
  } else {
    const http = process.getBuiltinModule('node:http');
    agent = new http.Agent({ keepAlive: true });
    send = http.request;
  }
  const execToken = config.exec ? await runExecPlugin(config.exec) : undefined;
  return new RestClient(config, logger, { agent, request: send, execToken });
}

/** Runs a client-go credential plugin and returns its token. */
async function runExecPlugin(exec: NonNullable<ClientConfig['exec']>): Promise<string> {
  const { spawnSync } = process.getBuiltinModule('node:child_process');
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const { name, value } of exec.env ?? []) env[name] = value;
  env['KUBERNETES_EXEC_INFO'] = JSON.stringify({
    kind: 'ExecCredential',
    apiVersion: exec.apiVersion ?? 'client.authentication.k8s.io/v1',
    spec: { interactive: false },
  });
  const result = spawnSync(exec.command, exec.args ?? [], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.error || result.status !== 0) {
    throw new CliError(`getting credentials: exec: executable ${exec.command} failed with exit code ${result.status ?? 1}`);
  }
  const credential = JSON.parse(result.stdout) as { status?: { token?: string } };
  const token = credential.status?.token;
  if (!token) throw new CliError('getting credentials: exec plugin didn\'t return a token');
  return token;
}
