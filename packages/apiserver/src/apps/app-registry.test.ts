import type { Container } from '@minik/types';
import { describe, expect, it } from 'vitest';
import { AppRegistry } from './app-registry.js';
import { parseImageReference } from './image-reference.js';
import type { AppRequest, AppStartContext } from './simulated-app.js';

const ref = (image: string) => parseImageReference(image)!;

function start(registry: AppRegistry, image: string, container: Partial<Container> = {}) {
  const logs: string[] = [];
  let now = Date.parse('2024-01-01T00:00:00Z');
  const context: AppStartContext = {
    image: ref(image),
    container: { name: 'c', image, ...container },
    pod: { name: 'web-7d4b9c-x2x4z', namespace: 'default', uid: 'u', ip: '10.244.0.5', nodeName: 'minik' },
    env: { HOSTNAME: 'web-7d4b9c-x2x4z' },
    restartCount: 0,
    now: () => now,
    log: (line) => logs.push(line),
    after: () => {},
  };
  const process = registry.start(context);
  return { process, logs, tick: (ms: number) => (now += ms) };
}

const get = (port: number, path = '/'): AppRequest => ({
  method: 'GET',
  path,
  query: '',
  headers: { 'user-agent': 'curl/8.5.0', accept: '*/*' },
  body: undefined,
  port,
  scheme: 'http',
  clientIP: '192.168.49.2',
  hostIP: '10.244.0.5',
});

describe('pull rules', () => {
  const registry = new AppRegistry();
  it('pulls known images with known tags and any well-formed image', () => {
    for (const image of ['gcr.io/google-samples/kubernetes-bootcamp:v1', 'docker.io/jocatalin/kubernetes-bootcamp:v2', 'nginx', 'nginx:1.25-alpine', 'my.registry.io/team/app:3.2', 'busybox@sha256:' + 'b'.repeat(64)]) {
      expect(registry.pullError(ref(image)), image).toBeUndefined();
    }
  });

  it('fails tags an app does not have (module 6: v10) as containerd does', () => {
    expect(registry.pullError(ref('gcr.io/google-samples/kubernetes-bootcamp:v10'))).toBe(
      'rpc error: code = NotFound desc = failed to pull and unpack image "gcr.io/google-samples/kubernetes-bootcamp:v10": failed to resolve reference "gcr.io/google-samples/kubernetes-bootcamp:v10": gcr.io/google-samples/kubernetes-bootcamp:v10: not found',
    );
  });

  it('fails tags and repositories that cannot exist, and registries that do not resolve', () => {
    expect(registry.pullError(ref('nginx:doesnotexist'))).toContain('docker.io/library/nginx:doesnotexist: not found');
    expect(registry.pullError(ref('no-such-image'))).toContain('pull access denied, repository does not exist or may require authorization');
    expect(registry.pullError(ref('registry.example/app:1'))).toContain('dial tcp: lookup registry.example: no such host');
  });

  it('lets a programmatic user add an app that takes precedence', () => {
    const own = new AppRegistry().register({
      name: 'hello',
      description: 'says hello',
      matches: (image) => image.repository === 'acme/hello',
      tags: ['1'],
      start: () => ({ ports: [9000], handle: () => ({ status: 200, headers: {}, body: 'hello\n' }) }),
    });
    expect(own.pullError(ref('acme/hello:2'))).toContain('not found');
    expect(start(own, 'acme/hello:1').process.handle(get(9000)).body).toBe('hello\n');
  });
});

describe('simulated apps', () => {
  const registry = new AppRegistry();

  it('kubernetes-bootcamp answers on 8080 like the real server.js, and logs its start and requests', () => {
    const { process, logs, tick } = start(registry, 'gcr.io/google-samples/kubernetes-bootcamp:v1');
    expect(process.ports).toEqual([8080]);
    expect(logs).toEqual(['Kubernetes Bootcamp App Started At: 2024-01-01T00:00:00.000Z | Running On:  web-7d4b9c-x2x4z \n']);
    tick(1611.113 * 1000);
    expect(process.handle(get(8080))).toEqual({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'Hello Kubernetes bootcamp! | Running on: web-7d4b9c-x2x4z | v=1\n' });
    expect(logs[1]).toBe('Running On: web-7d4b9c-x2x4z | Total Requests: 1 | App Uptime: 1611.113 seconds | Log Time: 2024-01-01T00:26:51.113Z');
    expect(start(registry, 'jocatalin/kubernetes-bootcamp:v2').process.handle(get(8080)).body).toBe('Hello Kubernetes bootcamp! | Running on: web-7d4b9c-x2x4z | v=2\n');
  });

  it('nginx serves its welcome page on 80 and logs access lines', () => {
    const { process, logs } = start(registry, 'nginx:1.25');
    const page = process.handle(get(80));
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Welcome to nginx!</title>');
    expect(Buffer.byteLength(page.body as string)).toBe(615);
    expect(process.handle(get(80, '/nope')).status).toBe(404);
    expect(logs.at(-2)).toBe('192.168.49.2 - - [01/Jan/2024:00:00:00 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"');
  });

  it('echo servers reply with the request', () => {
    const echo = start(registry, 'kicbase/echo-server:1.0').process.handle(get(8080, '/hello'));
    expect(echo.body).toBe('Request served by web-7d4b9c-x2x4z\n\nHTTP/1.1 GET /hello\n\nHost: 10.244.0.5:8080\nAccept: */*\nUser-Agent: curl/8.5.0\n');
    expect(start(registry, 'registry.k8s.io/echoserver:1.10').process.handle(get(8080)).body).toContain('Hostname: web-7d4b9c-x2x4z');
    const httpEcho = start(registry, 'hashicorp/http-echo', { args: ['-text=bye', '-listen=:8081'] }).process;
    expect(httpEcho.ports).toEqual([8081]);
    expect(httpEcho.handle(get(8081)).body).toBe('bye\n');
  });

  it('any other image answers every port with a line saying it is simulated', () => {
    const { process } = start(registry, 'acme/shop:2.1');
    expect(process.ports).toBe('any');
    expect(process.handle(get(3000, '/cart')).body).toBe('minik simulated app | pod: default/web-7d4b9c-x2x4z | container: c | image: acme/shop:2.1 | port: 3000 | GET /cart\n');
  });

  it('shell images run their command; without one the shell ends at once', () => {
    expect(start(registry, 'busybox').process.exit).toEqual({ afterMs: 0, exitCode: 0 });
    expect(start(registry, 'busybox', { stdin: true, tty: true }).process.exit).toBeUndefined();
    const job = start(registry, 'busybox:1.36', { command: ['sh', '-c', 'echo hello $HOSTNAME; sleep 2; exit 3'] });
    expect(job.logs).toEqual(['hello web-7d4b9c-x2x4z']);
    expect(job.process.exit).toEqual({ afterMs: 2000, exitCode: 3 });
    expect(job.process.sigterm).toBe('ignore');
    // A command the interpreter follows overrides any image's app.
    expect(start(registry, 'nginx', { command: ['sleep', '10'] }).process.exit).toEqual({ afterMs: 10_000, exitCode: 0 });
    // One it does not follow leaves the image's app running.
    expect(start(registry, 'nginx', { command: ['nginx', '-g', 'daemon off;'] }).process.ports).toEqual([80]);
  });
});
