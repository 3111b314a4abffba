import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from '@minik/apiserver';
import { kubectlVersions, lines, useKubectlCluster, type Kubectl } from '../support/index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = async (res: Response): Promise<any> => res.json();

/** A Deployment with an unknown field in the spec and one in a container. */
const deploymentWithUnknownFields = (name: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  foo: 1
  replicas: 1
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: c, image: "nginx:1.25", bar: true}]
`;

describe.each(kubectlVersions)('OpenAPI and field validation with real kubectl %s', (version) => {
  let cluster: Cluster;
  let kubectl: Kubectl;
  useKubectlCluster(version, {}, (started) => ({ cluster, kubectl } = started));

  it('explain pods.spec.containers prints the field, its type and the Container fields', async () => {
    const r = await kubectl.run(['explain', 'pods.spec.containers']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out.slice(0, 2)).toEqual(['KIND:       Pod', 'VERSION:    v1']);
    expect(out).toContain('FIELD: containers <[]Container>');
    expect(out).toContain('    A single application container that you want to run within a pod.');
    expect(out).toContain('  name\t<string> -required-');
    expect(out).toContain('  ports\t<[]ContainerPort>');
    expect(out).toContain('  resources\t<ResourceRequirements>');
    expect(out).toContain('  livenessProbe\t<Probe>');
  });

  it('explain deployment.spec --recursive prints the whole tree', async () => {
    const r = await kubectl.run(['explain', 'deployment.spec', '--recursive']);
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out.slice(0, 3)).toEqual(['GROUP:      apps', 'KIND:       Deployment', 'VERSION:    v1']);
    expect(out).toContain('FIELD: spec <DeploymentSpec>');
    expect(out).toContain('  replicas\t<integer>');
    expect(out).toContain('  selector\t<LabelSelector> -required-');
    expect(out).toContain('    matchLabels\t<map[string]string>');
    expect(out).toContain('  strategy\t<DeploymentStrategy>');
    expect(out).toContain('      maxSurge\t<IntOrString>');
    expect(out).toContain('  template\t<PodTemplateSpec> -required-');
    expect(out).toContain('      containers\t<[]Container> -required-');
    expect(out).toContain('          containerPort\t<integer> -required-');
    expect(out).toContain('          limits\t<map[string]Quantity>');
  });

  it('create -f with unknown fields fails with the strict decoding error (--validate=strict, the default)', async () => {
    const r = await kubectl.run(['create', '-f', '-'], deploymentWithUnknownFields('strict'));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd()).toBe(
      'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: ' +
        'strict decoding error: unknown field "spec.foo", unknown field "spec.template.spec.containers[0].bar"',
    );
    expect((await kubectl.run(['get', 'deployment', 'strict'])).code).toBe(1);
  });

  it('--validate=warn creates the object without the unknown fields and prints the warnings', async () => {
    const r = await kubectl.run(['create', '--validate=warn', '-f', '-'], deploymentWithUnknownFields('warned'));
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd()).toBe('deployment.apps/warned created');
    expect(lines(r.stderr)).toEqual(['Warning: unknown field "spec.foo"', 'Warning: unknown field "spec.template.spec.containers[0].bar"']);
    const stored = JSON.parse((await kubectl.run(['get', 'deployment', 'warned', '-o', 'json'])).stdout);
    expect(stored.spec.foo).toBeUndefined();
    expect(stored.spec.template.spec.containers[0].bar).toBeUndefined();
    expect(stored.spec.replicas).toBe(1);
  });

  it('--validate=false creates the object silently', async () => {
    const r = await kubectl.run(['create', '--validate=false', '-f', '-'], deploymentWithUnknownFields('ignored'));
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd()).toBe('deployment.apps/ignored created');
    expect(r.stderr).toBe('');
  });

  it('create -f with a value of the wrong JSON type fails as the typed decoding does, whatever --validate says', async () => {
    const manifest = deploymentWithUnknownFields('typed').replace('  foo: 1\n', '').replace('bar: true', 'env: [{name: PORT, value: 8080}]');
    for (const validate of ['--validate=strict', '--validate=false']) {
      const r = await kubectl.run(['create', validate, '-f', '-'], manifest);
      expect(r.code).toBe(1);
      expect(r.stderr.trimEnd()).toBe(
        'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: ' +
          'json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string',
      );
    }
    expect((await kubectl.run(['get', 'deployment', 'typed'])).code).toBe(1);
  });

  it('patch with a value of the wrong JSON type is invalid and leaves the object as it was', async () => {
    expect((await kubectl.run(['create', 'deployment', 'patched', '--image=nginx:1.25', '--replicas=3'])).code).toBe(0);
    const strategic = await kubectl.run(['patch', 'deployment', 'patched', '-p', '{"spec":{"replicas":"x"}}']);
    expect(strategic.code).toBe(1);
    expect(strategic.stderr.trimEnd()).toBe('The request is invalid: patch: Invalid value: "map[spec:map[replicas:x]]": unrecognized type: int32');
    const merge = await kubectl.run(['patch', 'deployment', 'patched', '--type=merge', '-p', '{"spec":{"replicas":"x"}}']);
    expect(merge.code).toBe(1);
    expect(merge.stderr).toMatch(/^The request is invalid: patch: Invalid value: "\{\\"apiVersion\\":\\"apps\/v1\\",\\"kind\\":\\"Deployment\\",\\"metadata\\":\{/);
    expect(merge.stderr.trimEnd()).toMatch(/\\"replicas\\":\\"x\\",.*": json: cannot unmarshal string into Go struct field DeploymentSpec\.spec\.replicas of type int32$/);
    const stored = JSON.parse((await kubectl.run(['get', 'deployment', 'patched', '-o', 'json'])).stdout);
    expect(stored.spec.replicas).toBe(3);
    expect(stored.metadata.generation).toBe(1);
  });

  it('replace -f with an unknown field fails the same way', async () => {
    const r = await kubectl.run(['replace', '-f', '-'], deploymentWithUnknownFields('warned'));
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd()).toBe(
      'Error from server (BadRequest): error when replacing "STDIN": Deployment in version "v1" cannot be handled as a Deployment: ' +
        'strict decoding error: unknown field "spec.foo", unknown field "spec.template.spec.containers[0].bar"',
    );
  });
});

describe('field validation over HTTP', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster({ port: 0 });
  });
  afterAll(async () => {
    await cluster.stop();
  });

  const send = (method: string, path: string, body: string, contentType = 'application/json') =>
    fetch(`${cluster.url}${path}`, { method, headers: { 'content-type': contentType }, body });

  it('reports duplicate fields, which JSON.parse would hide', async () => {
    const res = await send('POST', '/api/v1/namespaces/default/configmaps?fieldValidation=Strict', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a","name":"b"},"data":{"k":"1","k":"2"}}');
    expect(res.status).toBe(400);
    const status = await json(res);
    expect(status).toMatchObject({ kind: 'Status', reason: 'BadRequest', code: 400 });
    expect(status.message).toBe('ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: duplicate field "metadata.name", duplicate field "data.k"');
  });

  it('warns when fieldValidation is not given (the server default is Warn)', async () => {
    const res = await send('POST', '/api/v1/namespaces/default/configmaps', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"w","foo":1},"data":{"k":"v"}}');
    expect(res.status).toBe(201);
    expect(res.headers.get('warning')).toBe('299 - "unknown field \\"metadata.foo\\""');
    expect((await json(res)).metadata.foo).toBeUndefined();
  });

  it('checks the patched object for merge patches', async () => {
    const strict = await send('PATCH', '/api/v1/namespaces/default/configmaps/w?fieldValidation=Strict', '{"data":{"k":"2"},"foo":1,"foo":2}', 'application/merge-patch+json');
    expect(strict.status).toBe(400);
    expect((await json(strict)).message).toBe('strict decoding error: duplicate field "foo", unknown field "foo"');
    const warned = await send('PATCH', '/api/v1/namespaces/default/configmaps/w?fieldValidation=Warn', '{"data":{"k":"2"},"foo":1}', 'application/merge-patch+json');
    expect(warned.status).toBe(200);
    expect(warned.headers.get('warning')).toBe('299 - "unknown field \\"foo\\""');
    const stored = await json(warned);
    expect(stored.foo).toBeUndefined();
    expect(stored.data).toEqual({ k: '2' });
  });

  it('rejects values of the wrong JSON type on every write path, in every fieldValidation mode, and keeps what was stored', async () => {
    const create = await send('POST', '/api/v1/namespaces/default/configmaps?fieldValidation=Ignore', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"typed","labels":{"a":1}}}');
    expect(create.status).toBe(400);
    expect(await json(create)).toMatchObject({
      kind: 'Status',
      reason: 'BadRequest',
      code: 400,
      message: 'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
    });
    const yaml = await send('POST', '/api/v1/namespaces/default/configmaps', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: typed\n  annotations: {port: 80}\n', 'application/yaml');
    expect((await json(yaml)).message).toBe('ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.annotations of type string');
    expect((await send('POST', '/api/v1/namespaces/default/configmaps', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"typed"},"data":{"k":"v"}}')).status).toBe(201);
    const update = await send('PUT', '/api/v1/namespaces/default/configmaps/typed', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"typed"},"data":{"k":true}}');
    expect(update.status).toBe(400);
    expect((await json(update)).message).toBe('ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal bool into Go struct field ConfigMap.data of type string');
    const metadata = await send('PUT', '/api/v1/namespaces/default/configmaps/typed', '{"apiVersion":"v1","kind":"ConfigMap","metadata":"typed"}');
    expect((await json(metadata)).message).toBe('ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal string into Go struct field ConfigMap.metadata of type v1.ObjectMeta');

    const jsonPatch = await send('PATCH', '/api/v1/namespaces/default/configmaps/typed', '[{"op":"add","path":"/data/n","value":1}]', 'application/json-patch+json');
    expect(jsonPatch.status).toBe(422);
    const invalid = await json(jsonPatch);
    expect(invalid).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'Invalid', code: 422 });
    const detail = 'json: cannot unmarshal number into Go struct field ConfigMap.data of type string';
    expect(invalid.message).toMatch(/^ "" is invalid: patch: Invalid value: "\{\\"apiVersion\\":\\"v1\\",\\"data\\":\{\\"k\\":\\"v\\",\\"n\\":1\},\\"kind\\":\\"ConfigMap\\",/);
    expect(invalid.message.endsWith(`": ${detail}`)).toBe(true);
    expect(invalid.details).toEqual({ causes: [{ reason: 'FieldValueInvalid', message: invalid.message.slice(' "" is invalid: patch: '.length), field: 'patch' }] });
    const strategic = await send('PATCH', '/api/v1/namespaces/default/configmaps/typed', '{"data":{"n":1.5}}', 'application/strategic-merge-patch+json');
    expect(strategic.status).toBe(422);
    expect((await json(strategic)).message).toBe(' "" is invalid: patch: Invalid value: "map[data:map[n:1.5]]": unrecognized type: string');
    const stored = await json(await fetch(`${cluster.url}/api/v1/namespaces/default/configmaps/typed`));
    expect(stored.data).toEqual({ k: 'v' });
  });

  it('serves the OpenAPI documents kubectl downloads', async () => {
    const v2 = await fetch(`${cluster.url}/openapi/v2`, { headers: { accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf' } });
    expect(v2.status).toBe(200);
    expect(v2.headers.get('content-type')).toBe('application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
    expect((await v2.arrayBuffer()).byteLength).toBe(0);
    const index = (await (await fetch(`${cluster.url}/openapi/v3`)).json()) as { paths: Record<string, { serverRelativeURL: string }> };
    const url = index.paths['apis/apps/v1']!.serverRelativeURL;
    const doc = await fetch(`${cluster.url}${url}`);
    expect(doc.status).toBe(200);
    expect(doc.headers.get('cache-control')).toBe('public, immutable');
    expect((await json(doc)).openapi).toBe('3.0.0');
    expect((await fetch(`${cluster.url}/openapi/v3/apis/policy/v1`)).status).toBe(404);
  });
});
