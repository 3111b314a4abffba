import { shortRepository } from './image-reference.js';
import type { AppProcess, AppRequest, AppStartContext, SimulatedApp } from './simulated-app.js';

const decoder = new TextDecoder();

function requestURI(request: AppRequest): string {
  return `${request.path}${request.query ? `?${request.query}` : ''}`;
}

function sortedHeaders(request: AppRequest): [string, string][] {
  // Go's canonical header names: `user-agent` → `User-Agent`.
  const canonical = (name: string): string => name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
  return Object.entries(request.headers)
    .filter(([name]) => name !== 'host')
    .map(([name, value]): [string, string] => [canonical(name), value])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A `[-]name=value` or `-name value` flag of an argv, as Go's flag package reads it. */
function flagValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const bare = arg.replace(/^--?/, '');
    if (bare === name) return argv[i + 1];
    if (bare.startsWith(`${name}=`)) return bare.slice(name.length + 1);
  }
  return undefined;
}

const jmallocRepositories = new Set(['kicbase/echo-server', 'jmalloc/echo-server']);

/**
 * jmalloc/echo-server and minikube's fork kicbase/echo-server (the image of minikube's
 * hello-minikube example): on 8080 (or $PORT), `Request served by <hostname>`, the request line,
 * the headers sorted and the body.
 */
export const echoServerApp: SimulatedApp = {
  name: 'echo-server',
  description: 'kicbase/echo-server, jmalloc/echo-server: reply on 8080 (or $PORT) with `Request served by <pod>`, the request line, headers and body',
  matches: (image) => jmallocRepositories.has(shortRepository(image)),
  imageSize: 2_372_971,
  start(context: AppStartContext): AppProcess {
    const port = Number(context.env['PORT'] ?? 8080) || 8080;
    const host = context.env['HOSTNAME'] ?? context.pod.name;
    context.log(`Echo server listening on port ${port}.`);
    return {
      ports: [port],
      handle(request) {
        let body = `Request served by ${host}\n\nHTTP/1.1 ${request.method} ${requestURI(request)}\n\nHost: ${request.headers['host'] ?? `${request.hostIP}:${request.port}`}\n`;
        for (const [name, value] of sortedHeaders(request)) body += `${name}: ${value}\n`;
        if (request.body && request.body.length > 0) body += `\n${decoder.decode(request.body)}`;
        return { status: 200, headers: { 'content-type': 'text/plain' }, body };
      },
    };
  },
};

const e2eEchoRepositories = new Set(['echoserver', 'google_containers/echoserver', 'google-containers/echoserver', 'e2e-test-images/echoserver']);

/**
 * The Kubernetes e2e echoserver (registry.k8s.io/echoserver, the image of the old minikube
 * docs): nginx with a Lua page on 8080 listing hostname, request information, headers and body.
 */
export const e2eEchoServerApp: SimulatedApp = {
  name: 'echoserver',
  description: 'registry.k8s.io/echoserver (and k8s.gcr.io/echoserver): replies on 8080 with `Hostname:`, request information, headers and body',
  matches: (image) => image.registry !== 'docker.io' && e2eEchoRepositories.has(image.repository),
  imageSize: 46_237_695,
  start(context: AppStartContext): AppProcess {
    const host = context.env['HOSTNAME'] ?? context.pod.name;
    return {
      ports: [8080, 8443],
      handle(request) {
        const lines = [
          '',
          '',
          `Hostname: ${host}`,
          '',
          'Pod Information:',
          '\t-no pod information available-',
          '',
          'Server values:',
          '\tserver_version=nginx: 1.13.3 - lua: 10008',
          '',
          'Request Information:',
          `\tclient_address=${request.clientIP}`,
          `\tmethod=${request.method}`,
          `\treal path=${request.path}`,
          `\tquery=${request.query}`,
          '\trequest_version=1.1',
          `\trequest_scheme=${request.scheme}`,
          `\trequest_uri=${request.scheme}://${request.hostIP}:${request.port}${requestURI(request)}`,
          '',
          'Request Headers:',
          ...Object.entries(request.headers)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([name, value]) => `\t${name}=${value}`),
          '',
          'Request Body:',
          request.body && request.body.length > 0 ? decoder.decode(request.body) : '\t-no body in request-',
          '',
          '',
        ];
        context.log(`${request.clientIP} - - "${request.method} ${requestURI(request)} HTTP/1.1" 200`);
        return { status: 200, headers: { 'content-type': 'text/plain', server: 'echoserver' }, body: lines.join('\n') };
      },
    };
  },
};

/** hashicorp/http-echo: replies with its `-text` argument on `-listen` (default :5678). */
export const httpEchoApp: SimulatedApp = {
  name: 'http-echo',
  description: 'hashicorp/http-echo: replies with its `-text` argument on `-listen` (default :5678)',
  matches: (image) => shortRepository(image) === 'hashicorp/http-echo',
  imageSize: 3_524_317,
  start(context: AppStartContext): AppProcess {
    const argv = [...(context.container.command ?? []), ...(context.container.args ?? [])];
    const text = flagValue(argv, 'text') ?? context.env['ECHO_TEXT'] ?? 'hello-world';
    const listen = flagValue(argv, 'listen') ?? ':5678';
    const port = Number(listen.slice(listen.lastIndexOf(':') + 1)) || 5678;
    context.log(`[INFO] server is listening on ${listen}`);
    return {
      ports: [port],
      handle(request) {
        context.log(`${request.hostIP}:${request.port} ${request.clientIP} "${request.method} ${requestURI(request)} HTTP/1.1" 200 ${text.length + 1} "${request.headers['user-agent'] ?? ''}" 12.3µs`);
        return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-app-name': 'http-echo', 'x-app-version': '1.0.0' }, body: `${text}\n` };
      },
    };
  },
};
