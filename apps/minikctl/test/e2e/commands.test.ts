import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Cluster } from '@minik/apiserver';
import { deploymentYaml, kubectlPath, normaliseAges, useKubectlCluster, type Kubectl } from '@minik/apiserver/test-support';
import { Minikctl } from '../support/minikctl.js';

const manifest = (name: string, replicas: number, data: string): string => `${deploymentYaml(name, { replicas, container: 'c', ports: [80] })}---
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}-config
data:
  ${data}
`;

describe('minikctl commands against minik', () => {
  let cluster: Cluster;
  let m: Minikctl;
  let kubectl: Kubectl;
  const dir = mkdtempSync(join(tmpdir(), 'minikctl-commands-'));

  useKubectlCluster('1.33', {}, (started) => {
    ({ cluster, kubectl } = started);
    m = new Minikctl(cluster.url);
  });
  afterAll(() => {
    m?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('create deployment, label, annotate, scale, expose and delete, with kubectl messages', async () => {
    expect(await m.run(['create', 'deployment', 'shop', '--image=nginx:1.25', '--port=80', '--replicas=2'])).toEqual({ code: 0, stdout: 'deployment.apps/shop created\n', stderr: '' });
    const dup = await m.run(['create', 'deployment', 'shop', '--image=nginx']);
    expect(dup).toEqual({ code: 1, stdout: '', stderr: 'error: failed to create deployment: deployments.apps "shop" already exists\n' });
    expect((await m.run(['label', 'deploy', 'shop', 'tier=fe'])).stdout).toBe('deployment.apps/shop labeled\n');
    expect(await m.run(['label', 'deploy', 'shop', 'tier=be'])).toMatchObject({ code: 1, stderr: "error: 'tier' already has a value (fe), and --overwrite is false\n" });
    expect((await m.run(['label', 'deploy', 'shop', 'tier=be', '--overwrite'])).stdout).toBe('deployment.apps/shop labeled\n');
    expect((await m.run(['label', 'deploy', 'shop', 'tier=be'])).stdout).toBe('deployment.apps/shop not labeled\n');
    expect((await m.run(['annotate', 'deploy/shop', 'note=hi'])).stdout).toBe('deployment.apps/shop annotated\n');
    expect((await m.run(['get', 'deploy', 'shop', '-o', 'jsonpath={.metadata.labels.tier} {.metadata.annotations.note}'])).stdout).toBe('be hi');
    expect((await m.run(['rollout', 'status', 'deployment/shop'])).stdout).toMatch(/deployment "shop" successfully rolled out\n$/);
    expect((await m.run(['scale', 'deploy', 'shop', '--replicas=3'])).stdout).toBe('deployment.apps/shop scaled\n');
    expect(await m.run(['scale', 'deploy/shop', '--replicas=1', '--current-replicas=2'])).toMatchObject({ code: 1, stderr: 'error: Expected replicas to be 2, was 3\n' });
    expect((await m.run(['expose', 'deployment', 'shop', '--type=NodePort'])).stdout).toBe('service/shop exposed\n');
    const svc = JSON.parse((await m.run(['get', 'svc', 'shop', '-o', 'json'])).stdout);
    expect(svc.spec).toMatchObject({ type: 'NodePort', selector: { app: 'shop' }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] });
    expect((await m.run(['delete', 'svc', 'shop'])).stdout).toBe('service "shop" deleted\n');
    expect((await m.run(['delete', 'deploy', 'shop'])).stdout).toBe('deployment.apps "shop" deleted\n');
    expect(await m.run(['delete', 'deploy', 'shop'])).toMatchObject({ code: 1, stderr: 'Error from server (NotFound): deployments.apps "shop" not found\n' });
    expect(await m.run(['delete', 'deploy', 'shop', '--ignore-not-found'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('set image, rollout status/history/undo on a deployment', async () => {
    await m.run(['create', 'deployment', 'web', '--image=nginx:1.25']);
    await m.run(['rollout', 'status', 'deploy/web']);
    expect((await m.run(['set', 'image', 'deploy/web', 'nginx=nginx:1.26'])).stdout).toBe('deployment.apps/web image updated\n');
    expect((await m.run(['rollout', 'status', 'deploy/web'])).stdout).toMatch(/deployment "web" successfully rolled out\n$/);
    const history = await m.run(['rollout', 'history', 'deploy/web']);
    expect(history.stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    expect(history).toEqual(await kubectl.run(['rollout', 'history', 'deploy/web']));
    expect(await m.run(['rollout', 'history', 'deploy/web', '--revision=1'])).toEqual(await kubectl.run(['rollout', 'history', 'deploy/web', '--revision=1']));
    expect((await m.run(['rollout', 'undo', 'deploy/web'])).stdout).toBe('deployment.apps/web rolled back\n');
    await m.run(['rollout', 'status', 'deploy/web']);
    expect((await m.run(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}'])).stdout).toBe('nginx:1.25');
    expect(await m.run(['rollout', 'undo', 'deploy/web', '--to-revision=9'])).toMatchObject({ code: 1, stderr: 'error: unable to find specified revision 9 in history\n' });
    // Rolling back to the revision already running changes nothing, as kubectl says.
    const skipped = await m.run(['rollout', 'undo', 'deploy/web', '--to-revision=3']);
    expect(skipped).toEqual({ code: 0, stdout: 'deployment.apps/web skipped rollback (current template already matches revision 3)\n', stderr: '' });
    expect(skipped).toEqual(await kubectl.run(['rollout', 'undo', 'deploy/web', '--to-revision=3']));
  });

  it('describe matches kubectl for pods, deployments, replica sets, nodes and services', async () => {
    await m.run(['expose', 'deploy', 'web', '--port=80']);
    const pod = (await m.run(['get', 'pods', '-l', 'app=web', '-o', 'jsonpath={.items[0].metadata.name}'])).stdout;
    for (const args of [['describe', 'pod', pod], ['describe', 'deploy', 'web'], ['describe', 'nodes'], ['describe', 'svc', 'web'], ['describe', 'svc', 'kubernetes'], ['describe', 'pods', 'nope']]) {
      const [expected, actual] = await Promise.all([kubectl.run(args), m.run(args)]);
      // Lease renewals and heartbeats may land between the two runs: compare timestamps as TIME.
      const same = (text: string): string => normaliseAges(text).replace(/\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}/g, 'TIME');
      expect({ ...actual, stdout: same(actual.stdout) }, args.join(' ')).toEqual({ ...expected, stdout: same(expected.stdout) });
    }
  });

  it("describe lists events of the same second in kubectl's order (Go's sort.Sort is not stable)", async () => {
    const pod = cluster.client.create({ apiVersion: 'v1', kind: 'Pod' }, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'noisy', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } });
    await cluster.settle();
    const second = (msAgo: number): string => new Date(Math.floor((Date.now() - msAgo) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
    const [recent, older] = [second(5_000), second(65_000)];
    for (let i = 0; i < 25; i++) {
      const at = i % 4 === 0 ? older : recent;
      cluster.client.create({ apiVersion: 'v1', kind: 'Event' }, {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: `noisy.e${String(i).padStart(2, '0')}`, namespace: 'default' },
        involvedObject: { apiVersion: 'v1', kind: 'Pod', namespace: 'default', name: 'noisy', uid: (pod.metadata as { uid?: string }).uid },
        reason: `Reason${String(i).padStart(2, '0')}`,
        message: 'same second',
        type: 'Normal',
        source: { component: 'test' },
        firstTimestamp: at,
        lastTimestamp: at,
        count: 1,
      });
    }
    const args = ['describe', 'pod', 'noisy'];
    const [expected, actual] = await Promise.all([kubectl.run(args), m.run(args)]);
    const reasons = (text: string): string[] => [...text.matchAll(/\bReason\d\d\b/g)].map((r) => r[0]);
    expect(reasons(actual.stdout)).toHaveLength(25);
    expect(reasons(actual.stdout)).toEqual(reasons(expected.stdout));
  });

  it('apply -f creates, leaves unchanged, configures, and interoperates with kubectl apply; delete -f removes', async () => {
    const file = join(dir, 'app.yaml');
    writeFileSync(file, manifest('app1', 1, 'a: "1"'));
    expect((await m.run(['apply', '-f', file])).stdout).toBe('deployment.apps/app1 created\nconfigmap/app1-config created\n');
    expect((await m.run(['apply', '-f', file])).stdout).toBe('deployment.apps/app1 unchanged\nconfigmap/app1-config unchanged\n');
    expect((await kubectl.run(['apply', '-f', file])).stdout).toBe('deployment.apps/app1 unchanged\nconfigmap/app1-config unchanged\n');
    writeFileSync(file, manifest('app1', 2, 'b: "2"'));
    expect((await m.run(['apply', '-f', file])).stdout).toBe('deployment.apps/app1 configured\nconfigmap/app1-config configured\n');
    expect((await m.run(['get', 'cm', 'app1-config', '-o', 'jsonpath={.data}'])).stdout).toBe('{"b":"2"}');
    const applied = (await m.run(['get', 'cm', 'app1-config', '-o', 'jsonpath={.metadata.annotations}'])).stdout;
    expect(JSON.parse(applied)['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      '{"apiVersion":"v1","data":{"b":"2"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"app1-config","namespace":"default"}}\n',
    );
    expect((await m.run(['delete', '-f', '-'], { stdin: manifest('app1', 2, 'b: "2"') })).stdout).toBe('deployment.apps "app1" deleted\nconfigmap "app1-config" deleted\n');
    expect(await m.run(['delete', '-f', file])).toMatchObject({
      code: 1,
      stderr: `Error from server (NotFound): error when deleting "${file}": deployments.apps "app1" not found\nError from server (NotFound): error when deleting "${file}": configmaps "app1-config" not found\n`,
    });
  });

  it('apply -f of values of the wrong JSON type fails as kubectl does, and changes nothing', async () => {
    const configMap = (data: string, labels = 'tier: web') => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: typed, labels: {${labels}}}\ndata: {k: ${data}}\n`;
    const same = async (stdin: string) => {
      const ours = await m.run(['apply', '-f', '-'], { stdin });
      const theirs = await kubectl.run(['apply', '-f', '-'], stdin);
      expect([ours.code, ours.stderr]).toEqual([theirs.code, theirs.stderr]);
      return ours;
    };
    // The server's typed decoding: 400 on create.
    expect((await same(configMap('7'))).stderr).toBe(
      'Error from server (BadRequest): error when creating "STDIN": ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data of type string\n',
    );
    // kubectl's own decoding of the metadata, before anything is sent.
    expect((await same(configMap('"v"', 'tier: 7'))).stderr).toBe(
      'error: unable to decode "STDIN": json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string\n',
    );
    expect((await m.run(['apply', '-f', '-'], { stdin: configMap('"v"') })).stdout).toBe('configmap/typed created\n');
    // Applying over it is a strategic merge patch: the converter's 422 on the patch.
    const patched = await same(configMap('8'));
    expect(patched.stderr).toMatch(/^The request is invalid: patch: Invalid value: "map\[.*": cannot convert int64 to string\n$/);
    expect((await m.run(['get', 'cm', 'typed', '-o', 'jsonpath={.data.k}'])).stdout).toBe('v');
  });

  it('apply -f and get of RBAC objects print what kubectl prints', async () => {
    const rbac = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: reader}
rules: [{apiGroups: [""], resources: [pods], verbs: [get]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: reader}
roleRef: {kind: Role, name: reader}
subjects: [{kind: User, name: alice}]
`;
    expect((await m.run(['apply', '-f', '-'], { stdin: rbac })).stdout).toBe('role.rbac.authorization.k8s.io/reader created\nrolebinding.rbac.authorization.k8s.io/reader created\n');
    for (const args of [['get', 'rolebindings', '-o', 'wide'], ['get', 'roles,rolebindings', '-o', 'name']]) {
      const ours = await m.run(args);
      const theirs = await kubectl.run(args);
      expect(ours.stdout.replace(/\d+s /g, 'AGE ')).toBe(theirs.stdout.replace(/\d+s /g, 'AGE '));
    }
  });

  it('run: a Deployment by default, a Pod with --restart=Never, and what --dry-run prints', async () => {
    expect((await m.run(['run', 'hello', '--image=nginx', '--port=8080'])).stdout).toBe('deployment.apps/hello created\n');
    expect((await m.run(['run', 'once', '--image=busybox', '--restart=Never', '--', 'echo', 'hi'])).stdout).toBe('pod/once created\n');
    const pod = JSON.parse((await m.run(['get', 'pod', 'once', '-o', 'json'])).stdout);
    expect(pod.spec).toMatchObject({ restartPolicy: 'Never', containers: [{ name: 'once', image: 'busybox', args: ['echo', 'hi'] }] });
    expect((await m.run(['run', 'nginx', '--image=nginx', '--dry-run=client', '-o', 'yaml'])).stdout).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    run: nginx
  name: nginx
spec:
  replicas: 1
  selector:
    matchLabels:
      run: nginx
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        run: nginx
    spec:
      containers:
      - image: nginx
        name: nginx
        resources: {}
status: {}
`);
    for (const args of [
      ['run', 'x', '--image=nginx', '--restart=Never', '--dry-run=client', '-o', 'json', '--port=80', '--env=A=B', '--labels=a=b'],
      ['run', 'x'],
      ['run', 'x', '--image=nginx', '--restart=Bogus'],
      ['run', 'x', '--image=NOT VALID'],
    ]) {
      expect(await m.run(args), args.join(' ')).toEqual(await kubectl.run(args).then((r) => ({ ...r, stderr: r.stderr.replace(/kubectl/g, 'minikctl') })));
    }
  });

  it('cordon, uncordon, logs and api-resources', async () => {
    expect((await m.run(['cordon', 'minik'])).stdout).toBe('node/minik cordoned\n');
    expect((await m.run(['cordon', 'minik'])).stdout).toBe('node/minik already cordoned\n');
    expect((await m.run(['get', 'nodes', '-o', 'jsonpath={.items[0].spec.unschedulable}'])).stdout).toBe('true');
    expect((await m.run(['uncordon', 'minik'])).stdout).toBe('node/minik uncordoned\n');
    await m.run(['rollout', 'status', 'deploy/hello']);
    const pod = (await m.run(['get', 'pods', '-l', 'run=hello', '-o', 'jsonpath={.items[0].metadata.name}'])).stdout;
    const [klogs, mlogs] = await Promise.all([kubectl.run(['logs', pod]), m.run(['logs', pod])]);
    expect(mlogs).toEqual(klogs);
    expect(await m.run(['logs', 'nope'])).toMatchObject({ code: 1, stderr: 'error: error from server (NotFound): pods "nope" not found in namespace "default"\n' });
    for (const args of [['api-resources'], ['api-resources', '-o', 'wide'], ['api-resources', '--namespaced=false', '-o', 'name'], ['api-resources', '--api-group=apps']]) {
      expect(await m.run(args), args.join(' ')).toEqual(await kubectl.run(args));
    }
  });
});

describe('minikctl config', () => {
  const dir = mkdtempSync(join(tmpdir(), 'minikctl-config-'));
  const first = join(dir, 'first');
  const second = join(dir, 'second');
  writeFileSync(
    first,
    'apiVersion: v1\nclusters:\n- cluster:\n    server: http://127.0.0.1:6443\n  name: minik\ncontexts:\n- context:\n    cluster: minik\n    namespace: default\n    user: minik\n  name: minik\ncurrent-context: minik\nkind: Config\npreferences: {}\nusers:\n- name: minik\n  user: {}\n',
  );
  writeFileSync(
    second,
    'apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: QUJD\n    server: https://10.0.0.1:6443\n  name: other\ncontexts:\n- context:\n    cluster: other\n    user: admin\n  name: other\nusers:\n- name: admin\n  user:\n    token: secret\n    client-key-data: QUJD\n',
  );
  const m = new Minikctl(undefined, { KUBECONFIG: `${first}:${second}` });
  const kubectl = (args: string[]) =>
    new Promise<{ stdout: string; stderr: string; code: number }>((resolve) => {
      import('node:child_process').then(({ execFile }) =>
        execFile(kubectlPath('1.33'), args, { env: { ...process.env, KUBECONFIG: `${first}:${second}` } }, (error, stdout, stderr) =>
          resolve({ stdout, stderr: stderr.replace(/kubectl/g, 'minikctl'), code: error ? 1 : 0 }),
        ),
      );
    });

  afterAll(() => {
    m.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('view, get-contexts and current-context print what kubectl prints', async () => {
    for (const args of [['config', 'view'], ['config', 'view', '--minify'], ['config', 'view', '-o', 'json'], ['config', 'get-contexts'], ['config', 'get-contexts', '-o', 'name'], ['config', 'current-context'], ['config', 'use-context', 'nope']]) {
      expect(await m.run(args), args.join(' ')).toEqual(await kubectl(args));
    }
  });

  it('use-context writes the current context into the kubeconfig', async () => {
    expect((await m.run(['config', 'use-context', 'other'])).stdout).toBe('Switched to context "other".\n');
    expect((await m.run(['config', 'current-context'])).stdout).toBe('other\n');
  });
});
