import { shortRepository } from './image-reference.js';
import type { AppProcess, AppRequest, AppResponse, AppStartContext, SimulatedApp } from './simulated-app.js';

// The stock welcome page of the nginx image (615 bytes, the size every nginx tutorial shows).
const welcomePage = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const notFoundPage = (version: string): string =>
  `<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;

const repositories = new Set(['nginx', 'nginxinc/nginx-unprivileged', 'bitnami/nginx']);
const latestVersion = '1.27.5';

// The last patch release of each minor line, for tags that name only the minor (`nginx:1.25`).
const lastPatch: Readonly<Record<string, string>> = { '1.21': '6', '1.22': '1', '1.23': '4', '1.24': '0', '1.25': '5', '1.26': '3', '1.27': '5', '1.28': '0', '1.29': '0' };

// One string per version, not one per running container.
const versions = new Map<string, string>();

/** The nginx version an image tag stands for: `1.25` → `1.25.5`, `1.25.3-alpine` → `1.25.3`, anything else → the latest. */
function versionOf(tag: string | undefined): string {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(tag ?? '');
  if (!m) return latestVersion;
  const version = `${m[1]}.${m[2]}.${m[3] ?? lastPatch[`${m[1]}.${m[2]}`] ?? '0'}`;
  let known = versions.get(version);
  if (known === undefined) versions.set(version, (known = version));
  return known;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** nginx's error-log time: `2024/01/01 00:00:00`. */
function errorLogTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** nginx's access-log time: `01/Jan/2024:00:00:00 +0000`. */
function accessLogTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

const entrypointLines = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
];

// Containers started in the same second print the same lines: they share the text (a
// Deployment of thousands starts hundreds of containers a second).
let lastStartup: { key: string; text: string } | undefined;

/** The lines nginx's entrypoint and master process print at start-up, at error-log time `t`, as one write. */
function startupText(t: string, version: string): string {
  const key = `${t} ${version}`;
  if (lastStartup?.key !== key) {
    const text = [
      ...entrypointLines,
      `${t} [notice] 1#1: using the "epoll" event method`,
      `${t} [notice] 1#1: nginx/${version}`,
      `${t} [notice] 1#1: OS: Linux (minik simulated node)`,
      `${t} [notice] 1#1: start worker processes`,
      `${t} [notice] 1#1: start worker process 29`,
    ].join('\n');
    lastStartup = { key, text };
  }
  return lastStartup.text;
}

const port80: readonly number[] = Object.freeze([80]);
const port8080: readonly number[] = Object.freeze([8080]);

/** A running nginx: one object per container (closures and their scope took three times the room). */
class NginxProcess implements AppProcess {
  constructor(
    private readonly context: AppStartContext,
    private readonly version: string,
    readonly ports: readonly number[],
  ) {}

  handle(request: AppRequest): AppResponse {
    const path = request.path.split('?')[0] ?? '/';
    const found = path === '/' || path === '/index.html';
    const body = found ? welcomePage : notFoundPage(this.version);
    const agent = request.headers['user-agent'] ?? '-';
    const line = `${request.method} ${request.path}${request.query ? `?${request.query}` : ''} HTTP/1.1`;
    this.context.log(`${request.clientIP} - - [${accessLogTime(this.context.now())}] "${line}" ${found ? 200 : 404} ${Buffer.byteLength(body)} "-" "${agent}" "-"`);
    return {
      status: found ? 200 : 404,
      headers: { server: `nginx/${this.version}`, 'content-type': 'text/html', ...(found ? { 'accept-ranges': 'bytes' } : {}) },
      body: request.method === 'HEAD' ? '' : body,
    };
  }

  onSigterm(): void {
    // The image's STOPSIGNAL is SIGQUIT: a graceful shutdown.
    this.context.log(`${errorLogTime(this.context.now())} [notice] 1#1: signal 3 (SIGQUIT) received, shutting down`);
  }
}

/**
 * The official nginx image: the welcome page on `/` (port 80), nginx's 404 page elsewhere, the
 * entrypoint's start-up lines and one combined-format access-log line per request.
 */
export const nginxApp: SimulatedApp = {
  name: 'nginx',
  description: 'Serves the nginx welcome page on port 80 (`/` and `/index.html`, 404 elsewhere) and logs start-up and access-log lines',
  matches: (image) => repositories.has(shortRepository(image)),
  imageSize: 72_195_292,
  start(context: AppStartContext): AppProcess {
    const version = versionOf(context.image.tag);
    context.log(startupText(errorLogTime(context.now()), version));
    return new NginxProcess(context, version, shortRepository(context.image) === 'nginx' ? port80 : port8080);
  },
};
