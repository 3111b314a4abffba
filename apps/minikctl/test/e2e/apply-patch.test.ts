import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from '@minik/apiserver';
import { Kubectl } from '@minik/apiserver/test-support';
import { Minikctl, type CliResult } from '../support/minikctl.js';

// Golden test: the same sequence of manifests applied by the real kubectl 1.33 to one minik server
// and by minikctl to another must send byte-identical PATCH bodies (recorded by a pass-through
// proxy in front of each server) and leave equal objects behind.

/** A write request as it reached the server. */
interface RecordedPatch {
  path: string;
  contentType: string | undefined;
  body: string;
}

/** An HTTP proxy to `target` that records every PATCH request's body. */
async function recordingProxy(target: string): Promise<{ url: string; patches: RecordedPatch[]; close: () => Promise<void> }> {
  const upstream = new URL(target);
  const patches: RecordedPatch[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.method === 'PATCH') patches.push({ path: req.url ?? '', contentType: req.headers['content-type'], body: body.toString('utf8') });
      const forward = request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      forward.on('error', () => res.destroy());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    patches,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Step {
  description: string;
  replicas: number;
  image: string;
  labels: string;
  containers: string;
  strategy?: string;
  servicePorts: string;
  data: string;
  finalizers: string;
  volumes?: string;
}

const nginx = (image: string, ports: string, env: string): string =>
  `{name: nginx, image: "${image}", ports: ${ports}, env: ${env}, resources: {limits: {cpu: 100m}}}`;
const sidecar = `{name: sidecar, image: "busybox:1.36", command: [sh, -c, "sleep 3600"], env: [{name: MODE, value: side}]}`;

const manifest = (s: Step): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: ${s.labels}
spec:
  replicas: ${s.replicas}
  selector: {matchLabels: {app: web}}${s.strategy ? `\n  strategy: ${s.strategy}` : ''}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [${s.containers}]${s.volumes ? `\n      volumes: ${s.volumes}` : ''}
---
apiVersion: v1
kind: Service
metadata:
  name: web
  labels: ${s.labels}
spec:
  selector: {app: web}
  ports: ${s.servicePorts}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
  finalizers: ${s.finalizers}
data: ${s.data}
`;

const ports80 = '[{containerPort: 80, name: http}]';
const env12 = '[{name: A, value: "1"}, {name: B, value: "2"}]';
const base: Step = {
  description: 'create',
  replicas: 2,
  image: 'nginx:1.25',
  labels: '{app: web, tier: front}',
  containers: nginx('nginx:1.25', ports80, env12),
  servicePorts: '[{name: http, port: 80, targetPort: 80}]',
  data: '{a: "1", b: "2"}',
  finalizers: '[example.com/a, example.com/b]',
};
const steps: Step[] = [
  base,
  { ...base, description: 'unchanged' },
  { ...base, description: 'change replicas and image', replicas: 3, containers: nginx('nginx:1.26', ports80, env12) },
  {
    ...base,
    description: 'add a container',
    replicas: 3,
    containers: `${nginx('nginx:1.26', ports80, env12)}, ${sidecar}`,
  },
  { ...base, description: 'remove a container', replicas: 3, containers: nginx('nginx:1.26', ports80, env12) },
  { ...base, description: 'remove a label and a data key', replicas: 3, labels: '{app: web}', containers: nginx('nginx:1.26', ports80, env12), data: '{a: "1"}' },
  {
    ...base,
    description: 'change the port, env, finalizer and volume lists',
    replicas: 3,
    labels: '{app: web}',
    containers: nginx('nginx:1.26', '[{containerPort: 8080, name: alt}, {containerPort: 80, name: http}]', '[{name: C, value: "3"}, {name: A, value: "1"}]'),
    servicePorts: '[{name: alt, port: 8080, targetPort: 8080}, {name: http, port: 80, targetPort: 80}]',
    data: '{a: "1"}',
    finalizers: '[example.com/c, example.com/a]',
    volumes: '[{name: cache, emptyDir: {}}, {name: config, configMap: {name: web-config}}]',
  },
  {
    ...base,
    description: 'switch the rollout strategy and a volume source',
    replicas: 3,
    labels: '{app: web}',
    strategy: '{type: Recreate}',
    containers: nginx('nginx:1.26', '[{containerPort: 8080, name: alt}, {containerPort: 80, name: http}]', '[{name: C, value: "3"}, {name: A, value: "1"}]'),
    servicePorts: '[{name: alt, port: 8080, targetPort: 8080}]',
    data: '{a: "1"}',
    finalizers: '[example.com/c, example.com/a]',
    volumes: '[{name: cache, emptyDir: {}}, {name: config, secret: {secretName: web-secret}}]',
  },
];

/** Drops what differs between two servers by construction (identity, versions, timestamps). */
function comparable(object: Record<string, unknown>): Record<string, unknown> {
  const metadata = { ...(object['metadata'] as Record<string, unknown>) };
  for (const key of ['resourceVersion', 'uid', 'creationTimestamp', 'generation']) delete metadata[key];
  const managed = metadata['managedFields'] as Record<string, unknown>[] | undefined;
  if (managed) metadata['managedFields'] = managed.map(({ time: _time, ...rest }) => rest);
  const spec = object['spec'] as Record<string, unknown> | undefined;
  // The service's cluster IPs are allocated independently by each server.
  const { clusterIP: _ip, clusterIPs: _ips, ...specRest } = spec ?? {};
  return { metadata, spec: spec ? specRest : undefined, data: object['data'] };
}

describe('apply -f sends the patches kubectl sends', () => {
  let kubectlCluster: Cluster;
  let minikctlCluster: Cluster;
  let kubectlProxy: Awaited<ReturnType<typeof recordingProxy>>;
  let minikctlProxy: Awaited<ReturnType<typeof recordingProxy>>;
  let kubectl: Kubectl;
  let m: Minikctl;
  const dir = mkdtempSync(join(tmpdir(), 'minikctl-apply-patch-'));

  beforeAll(async () => {
    [kubectlCluster, minikctlCluster] = await Promise.all([startCluster({ port: 0 }), startCluster({ port: 0 })]);
    [kubectlProxy, minikctlProxy] = await Promise.all([recordingProxy(kubectlCluster.url), recordingProxy(minikctlCluster.url)]);
    kubectl = new Kubectl('1.33', kubectlProxy.url);
    m = new Minikctl(minikctlProxy.url);
  });
  afterAll(async () => {
    m?.dispose();
    kubectl?.dispose();
    await Promise.all([kubectlProxy?.close(), minikctlProxy?.close()]);
    await Promise.all([kubectlCluster?.stop(), minikctlCluster?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('step by step: same output, same PATCH bodies, same objects', async () => {
    for (const [i, step] of steps.entries()) {
      const file = join(dir, `step-${i}.yaml`);
      writeFileSync(file, manifest(step));
      const kubectlBefore = kubectlProxy.patches.length;
      const minikctlBefore = minikctlProxy.patches.length;
      const expected: CliResult = await kubectl.run(['apply', '-f', file]);
      const actual = await m.run(['apply', '-f', file]);
      expect(actual, step.description).toEqual(expected);
      expect(expected.code, `${step.description}: ${expected.stderr}`).toBe(0);
      const sent = minikctlProxy.patches.slice(minikctlBefore);
      expect(sent, step.description).toEqual(kubectlProxy.patches.slice(kubectlBefore));
      if (step.description === 'unchanged') expect(sent).toEqual([]);
      else if (i > 0) expect(sent.map((p) => p.contentType)).toContain('application/strategic-merge-patch+json');
      await Promise.all([kubectlCluster.settle(), minikctlCluster.settle()]);
    }
    for (const [resource, name] of [
      ['deployments.apps', 'web'],
      ['services', 'web'],
      ['configmaps', 'web-config'],
    ] as const) {
      const live = JSON.parse((await m.run(['get', resource, name, '-o', 'json'])).stdout) as Record<string, unknown>;
      const golden = JSON.parse((await kubectl.run(['get', resource, name, '-o', 'json'])).stdout) as Record<string, unknown>;
      expect(comparable(live), `${resource}/${name}`).toEqual(comparable(golden));
    }
  });

  it('client dry runs, objects created without last-applied, and server dry runs print what kubectl prints', async () => {
    const configMap = (data: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: dry}\ndata: ${data}\n`;
    const same = join(dir, 'dry-same.yaml');
    const changed = join(dir, 'dry-changed.yaml');
    writeFileSync(same, configMap('{a: "1"}'));
    writeFileSync(changed, configMap('{a: "2"}'));
    const both = async (args: string[]): Promise<void> => {
      const kubectlBefore = kubectlProxy.patches.length;
      const minikctlBefore = minikctlProxy.patches.length;
      const expected = await kubectl.run(args);
      const actual = await m.run(args);
      // The warnings name the running command (kubectl's cmdBaseName).
      expect({ ...actual, stderr: actual.stderr.replace(/\bminikctl\b/g, 'kubectl') }, args.join(' ')).toEqual(expected);
      expect(minikctlProxy.patches.slice(minikctlBefore), args.join(' ')).toEqual(kubectlProxy.patches.slice(kubectlBefore));
    };
    // Created imperatively: no last-applied annotation yet.
    await both(['create', '-f', same]);
    await both(['apply', '-f', same, '--dry-run=client']);
    await both(['apply', '-f', changed, '--dry-run=server']);
    await both(['apply', '-f', changed, '--dry-run=client', '-o', 'jsonpath={.data.a}']);
    await both(['apply', '-f', same, '-o', 'name']);
    await both(['apply', '-f', same, '--dry-run=client']);
    await both(['apply', '-f', changed, '--dry-run=server', '-o', 'jsonpath={.data.a}']);
  });
});
