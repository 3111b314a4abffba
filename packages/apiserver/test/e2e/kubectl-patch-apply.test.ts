import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from '@minik/apiserver';
import { Kubectl, kubectlVersions } from '../support/kubectl.js';

// Strategic merge patch, JSON and merge patches, client-side and server-side apply, replace and
// edit, as the real kubectl drives them, with the field ownership the API server records.

interface ManagedEntry {
  manager?: string;
  operation: string;
  subresource?: string;
  fieldsV1: Record<string, unknown>;
}

interface Deployment {
  metadata: { labels?: Record<string, string>; annotations?: Record<string, string>; managedFields?: ManagedEntry[] };
  spec: {
    replicas: number;
    template: { spec: { containers: { name: string; image: string; env?: { name: string; value: string }[] }[] } };
  };
}

const manifest = (options: { image: string; replicas?: number; data?: string }): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: ${options.replicas ?? 2}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: ${options.image}
        ports: [{containerPort: 80}]
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
data:
  mode: ${options.data ?? 'one'}
`;

describe.each(kubectlVersions)('kubectl %s: patch, apply, replace and edit', (version) => {
  let cluster: Cluster;
  let kubectl: Kubectl;
  let dir: string;
  const file = (): string => join(dir, 'app.yaml');

  const deployment = async (): Promise<Deployment> => {
    const r = await kubectl.run(['get', 'deployment', 'web', '-o', 'json', '--show-managed-fields']);
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout) as Deployment;
  };
  const managers = (d: Deployment): string[] =>
    (d.metadata.managedFields ?? []).map((e) => `${e.manager}/${e.operation}${e.subresource ? `/${e.subresource}` : ''}`);

  beforeAll(async () => {
    cluster = await startCluster({ port: 0 });
    dir = mkdtempSync(join(tmpdir(), 'minik-apply-'));
    // The editor kubectl edit runs: it changes replicas in the file it is given.
    const editor = join(dir, 'editor.sh');
    writeFileSync(editor, `#!/bin/sh\nsed -i 's/^  replicas: .*/  replicas: 4/' "$1"\n`);
    chmodSync(editor, 0o755);
    kubectl = new Kubectl(version, cluster.url, { KUBE_EDITOR: editor });
  });
  afterAll(async () => {
    kubectl.dispose();
    rmSync(dir, { recursive: true, force: true });
    await cluster.stop();
  });

  it('create -f creates every document of a multi-document file', async () => {
    writeFileSync(file(), manifest({ image: 'nginx:1.25' }));
    const r = await kubectl.run(['create', '-f', file()]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('deployment.apps/web created\nconfigmap/web-config created\n');
    expect(managers(await deployment())).toContain('kubectl-create/Update');
  });

  it('apply -f configures twice with strategic merge patches and keeps a label set by another manager', async () => {
    expect((await kubectl.run(['label', 'deployment', 'web', 'team=blue'])).stdout).toBe('deployment.apps/web labeled\n');
    writeFileSync(file(), manifest({ image: 'nginx:1.26', data: 'two' }));
    const first = await kubectl.run(['apply', '-f', file()]);
    expect(first.code).toBe(0);
    // Objects made by create -f lack the annotation client-side apply keeps; kubectl warns and patches it in.
    expect(first.stderr).toContain('missing the kubectl.kubernetes.io/last-applied-configuration annotation');
    expect(first.stdout).toBe('deployment.apps/web configured\nconfigmap/web-config configured\n');

    writeFileSync(file(), manifest({ image: 'nginx:1.27', data: 'two' }));
    const second = await kubectl.run(['apply', '-f', file()]);
    expect(second.stderr).toBe('');
    expect(second.stdout).toBe('deployment.apps/web configured\nconfigmap/web-config unchanged\n');
    expect((await kubectl.run(['apply', '-f', file()])).stdout).toBe('deployment.apps/web unchanged\nconfigmap/web-config unchanged\n');

    const d = await deployment();
    expect(d.metadata.labels).toEqual({ app: 'web', team: 'blue' });
    expect(d.spec.template.spec.containers.map((c) => c.image)).toEqual(['nginx:1.27']);
    expect(d.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toContain('"image":"nginx:1.27"');
    expect(managers(d)).toEqual(expect.arrayContaining(['kubectl-create/Update', 'kubectl-label/Update', 'kubectl-client-side-apply/Update']));
  });

  it('apply --server-side takes over from client-side apply, then conflicts with another manager until forced', async () => {
    writeFileSync(file(), manifest({ image: 'nginx:1.27', replicas: 3, data: 'two' }));
    const applied = await kubectl.run(['apply', '--server-side', '-f', file()]);
    expect(applied.stderr).toBe('');
    expect(applied.stdout).toBe('deployment.apps/web serverside-applied\nconfigmap/web-config serverside-applied\n');
    expect((await deployment()).spec.replicas).toBe(3);

    expect((await kubectl.run(['patch', 'deployment', 'web', '--type', 'merge', '-p', '{"spec":{"replicas":5}}'])).stdout).toBe(
      'deployment.apps/web patched\n',
    );
    const conflict = await kubectl.run(['apply', '--server-side', '-f', file()]);
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toContain('Apply failed with 1 conflict: conflict with "kubectl-patch" using apps/v1: .spec.replicas');
    expect(conflict.stderr).toContain('--force-conflicts');

    const forced = await kubectl.run(['apply', '--server-side', '--force-conflicts', '-f', file()]);
    expect(forced.stderr).toBe('');
    expect(forced.stdout).toBe('deployment.apps/web serverside-applied\nconfigmap/web-config serverside-applied\n');
    const d = await deployment();
    expect(d.spec.replicas).toBe(3);
    // kubectl moves client-side apply's ownership to its own apply entry (and the annotation to kubectl-last-applied).
    expect(managers(d)).toEqual(expect.arrayContaining(['kubectl-last-applied/Apply', 'kubectl/Apply']));
    expect(managers(d)).not.toContain('kubectl-patch/Update');
    expect(managers(d)).not.toContain('kubectl-client-side-apply/Update');
    const applyEntry = d.metadata.managedFields!.find((e) => e.manager === 'kubectl' && e.operation === 'Apply')!;
    expect(applyEntry.fieldsV1).toMatchObject({ 'f:spec': { 'f:replicas': {}, 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { '.': {} } } } } } });
  });

  it('replace -f replaces the object', async () => {
    writeFileSync(file(), manifest({ image: 'nginx:1.27', replicas: 2, data: 'three' }));
    const r = await kubectl.run(['replace', '-f', file()]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('deployment.apps/web replaced\nconfigmap/web-config replaced\n');
    expect((await deployment()).spec.replicas).toBe(2);
    expect(managers(await deployment())).toContain('kubectl-replace/Update');
  });

  it('patch --type json, merge and strategic', async () => {
    expect((await kubectl.run(['patch', 'deployment', 'web', '--type', 'json', '-p', '[{"op":"replace","path":"/spec/replicas","value":1}]'])).stdout).toBe(
      'deployment.apps/web patched\n',
    );
    expect((await deployment()).spec.replicas).toBe(1);
    const failed = await kubectl.run(['patch', 'deployment', 'web', '--type', 'json', '-p', '[{"op":"test","path":"/spec/replicas","value":7}]']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('the server rejected our request due to an error in our request');

    expect((await kubectl.run(['patch', 'deployment', 'web', '--type', 'merge', '-p', '{"metadata":{"labels":{"tier":"fe"}}}'])).stdout).toBe(
      'deployment.apps/web patched\n',
    );
    const strategic = await kubectl.run(['patch', 'deployment', 'web', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","env":[{"name":"MODE","value":"fast"}]}]}}}}']);
    expect(strategic.stdout).toBe('deployment.apps/web patched\n');
    const d = await deployment();
    expect(d.metadata.labels).toEqual({ app: 'web', tier: 'fe' });
    // The container list merged by name: the image stays, env is added.
    expect(d.spec.template.spec.containers).toMatchObject([{ name: 'nginx', image: 'nginx:1.27', env: [{ name: 'MODE', value: 'fast' }] }]);
    expect(managers(d)).toContain('kubectl-patch/Update');
  });

  it('keeps ConfigMap keys named __proto__, constructor and prototype through every kind of patch', async () => {
    expect((await kubectl.run(['create', 'configmap', 'odd-keys', '--from-literal=a=1'])).code).toBe(0);
    const data = async (): Promise<unknown> => JSON.parse((await kubectl.run(['get', 'configmap', 'odd-keys', '-o', 'jsonpath={.data}'])).stdout);
    const patch = (type: string, body: string): Promise<{ code: number; stdout: string; stderr: string }> =>
      kubectl.run(['patch', 'configmap', 'odd-keys', '--type', type, '-p', body]);

    expect((await patch('merge', '{"data":{"constructor":"c","__proto__":"p","b":"2"}}')).stdout).toBe('configmap/odd-keys patched\n');
    expect(await data()).toEqual(JSON.parse('{"a":"1","b":"2","constructor":"c","__proto__":"p"}'));
    expect((await patch('strategic', '{"data":{"prototype":"q","__proto__":"p2"}}')).stdout).toBe('configmap/odd-keys patched\n');
    expect(await data()).toEqual(JSON.parse('{"a":"1","b":"2","constructor":"c","__proto__":"p2","prototype":"q"}'));
    expect((await patch('json', '[{"op":"replace","path":"/data/__proto__","value":"j"},{"op":"remove","path":"/data/constructor"}]')).stdout).toBe(
      'configmap/odd-keys patched\n',
    );
    expect(await data()).toEqual(JSON.parse('{"a":"1","b":"2","__proto__":"j","prototype":"q"}'));
    const applied = await kubectl.run(
      ['apply', '--server-side', '--force-conflicts', '--field-manager=odd', '-f', '-'],
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: odd-keys}\ndata: {__proto__: s, c: "3"}\n',
    );
    expect(applied.stdout).toBe('configmap/odd-keys serverside-applied\n');
    expect(await data()).toEqual(JSON.parse('{"a":"1","b":"2","__proto__":"s","prototype":"q","c":"3"}'));
    expect((await patch('merge', '{"data":{"__proto__":null}}')).code).toBe(0);
    expect(await data()).toEqual({ a: '1', b: '2', prototype: 'q', c: '3' });
  });

  it('set image updates one container through a strategic merge patch', async () => {
    const r = await kubectl.run(['set', 'image', 'deployment/web', 'nginx=nginx:1.28']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('deployment.apps/web image updated\n');
    const d = await deployment();
    expect(d.spec.template.spec.containers).toMatchObject([{ name: 'nginx', image: 'nginx:1.28', env: [{ name: 'MODE', value: 'fast' }] }]);
    const set = d.metadata.managedFields!.find((e) => e.manager === 'kubectl-set')!;
    expect(set.fieldsV1).toEqual({ 'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { 'f:image': {} } } } } } });
  });

  it('rollout undo restores the previous template with a JSON patch', async () => {
    const r = await kubectl.run(['rollout', 'undo', 'deployment/web']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('deployment.apps/web rolled back\n');
    expect((await deployment()).spec.template.spec.containers).toMatchObject([{ name: 'nginx', image: 'nginx:1.27', env: [{ name: 'MODE', value: 'fast' }] }]);
  });

  it('edit saves the edited object through KUBE_EDITOR', async () => {
    const r = await kubectl.run(['edit', 'deployment', 'web']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('deployment.apps/web edited\n');
    expect((await deployment()).spec.replicas).toBe(4);
    expect(managers(await deployment())).toContain('kubectl-edit/Update');
  });

  it('scale records ownership of replicas through the scale subresource', async () => {
    expect((await kubectl.run(['scale', 'deployment', 'web', '--replicas=2'])).stdout).toBe('deployment.apps/web scaled\n');
    const d = await deployment();
    expect(d.spec.replicas).toBe(2);
    const scale = d.metadata.managedFields!.find((e) => e.subresource === 'scale')!;
    expect(scale).toMatchObject({ operation: 'Update', fieldsV1: { 'f:spec': { 'f:replicas': {} } } });
  });
});
