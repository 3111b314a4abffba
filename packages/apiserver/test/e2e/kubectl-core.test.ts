import { describe, expect, it } from 'vitest';
import { builtinResources } from '@minik/types';
import { startCluster, type Cluster } from '@minik/apiserver';
import { collectOutput, cols, deploymentYaml, Kubectl, kubectlVersions, lines, normaliseAges, useKubectlCluster } from '../support/index.js';

const stripAnsi = (s: string): string => s.replace(/\u001b\[[0-9;]*m/g, '');

// One object of each workload kind without a kubectl generator, so every kind has a row to print.
const everyWorkloadKindYaml = ['ReplicationController', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob']
  .map((kind) => {
    const template = `{metadata: {labels: {app: every-${kind.toLowerCase()}}}, spec: {restartPolicy: ${kind === 'Job' || kind === 'CronJob' ? 'Never' : 'Always'}, containers: [{name: c, image: nginx}]}}`;
    const selector = `{matchLabels: {app: every-${kind.toLowerCase()}}}`;
    const spec =
      kind === 'ReplicationController'
        ? `{replicas: 1, template: ${template}}`
        : kind === 'Job'
          ? `{suspend: true, template: ${template}}`
          : kind === 'CronJob'
            ? `{schedule: '0 0 * * *', suspend: true, jobTemplate: {spec: {template: ${template}}}}`
            : `{selector: ${selector}, template: ${template}${kind === 'StatefulSet' ? ', serviceName: every' : ''}}`;
    const apiVersion = { ReplicationController: 'v1', DaemonSet: 'apps/v1', StatefulSet: 'apps/v1', Job: 'batch/v1', CronJob: 'batch/v1' }[kind];
    return `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: every-kind}\nspec: ${spec}\n`;
  })
  .join('---\n');
describe.each(kubectlVersions)('real kubectl %s against minik', (version) => {
  let cluster: Cluster;
  let kubectl: Kubectl;
  useKubectlCluster(version, {}, (started) => ({ cluster, kubectl } = started));

  it('version shows the server version', async () => {
    const r = await kubectl.run(['version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Server Version: (v1\.33\.1|version\.Info\{Major:"1", Minor:"33", GitVersion:"v1\.33\.1")/);
  });

  it('cluster-info names the control plane', async () => {
    const r = await kubectl.run(['cluster-info']);
    expect(r.code).toBe(0);
    expect(stripAnsi(r.stdout)).toContain(`Kubernetes control plane is running at ${cluster.url}`);
    expect(stripAnsi(r.stdout)).toContain("To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.");
  });

  it('api-resources lists what is served with short names', async () => {
    const r = await kubectl.run(['api-resources']);
    expect(r.code).toBe(0);
    const rows = lines(r.stdout).map(cols);
    expect(rows[0]).toBe('NAME | SHORTNAMES | APIVERSION | NAMESPACED | KIND');
    expect(rows).toContain('pods | po | v1 | true | Pod');
    expect(rows).toContain('deployments | deploy | apps/v1 | true | Deployment');
    expect(rows).toContain('namespaces | ns | v1 | false | Namespace');
  });

  it('get nodes shows one Ready control-plane node, wide with its address', async () => {
    const r = await kubectl.run(['get', 'nodes']);
    expect(cols(normaliseAges(r.stdout))).toBe('NAME | STATUS | ROLES | AGE | VERSION\nminik | Ready | control-plane | AGE | v1.33.1\n');
    const wide = await kubectl.run(['get', 'no', '-o', 'wide']);
    expect(lines(cols(wide.stdout))[0]).toBe('NAME | STATUS | ROLES | AGE | VERSION | INTERNAL-IP | EXTERNAL-IP | OS-IMAGE | KERNEL-VERSION | CONTAINER-RUNTIME');
    expect(wide.stdout).toContain('192.168.49.2');
  });

  it('get namespaces shows the system namespaces Active', async () => {
    const r = await kubectl.run(['get', 'ns']);
    expect(lines(cols(normaliseAges(r.stdout)))).toEqual([
      'NAME | STATUS | AGE',
      'default | Active | AGE',
      'kube-node-lease | Active | AGE',
      'kube-public | Active | AGE',
      'kube-system | Active | AGE',
    ]);
  });

  it('run creates a defaulted pod that get prints in every output format', async () => {
    const created = await kubectl.run(['run', 'web', '--image=nginx:1.25', '--port=80', '--labels=app=web,tier=fe']);
    expect(created.stdout).toBe('pod/web created\n');
    // The scheduler and the simulated kubelet take the pod to Running.
    expect((await kubectl.run(['wait', '--for=condition=Ready', 'pod/web', '--timeout=30s'])).code).toBe(0);
    const table = await kubectl.run(['get', 'pods']);
    expect(cols(normaliseAges(table.stdout))).toBe('NAME | READY | STATUS | RESTARTS | AGE\nweb | 1/1 | Running | 0 | AGE\n');
    const json = JSON.parse((await kubectl.run(['get', 'pod', 'web', '-o', 'json'])).stdout);
    expect(json.spec.containers[0]).toMatchObject({ imagePullPolicy: 'IfNotPresent', ports: [{ containerPort: 80, protocol: 'TCP' }] });
    expect(json.spec).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30, schedulerName: 'default-scheduler' });
    expect(json.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect((await kubectl.run(['get', 'pods', '-o', 'name'])).stdout).toBe('pod/web\n');
    expect((await kubectl.run(['get', 'pod', 'web', '-o', 'yaml'])).stdout).toContain('  name: web\n  namespace: default\n');
    const all = await kubectl.run(['get', 'pods', '-A']);
    expect(lines(cols(normaliseAges(all.stdout)))).toContain('default | web | 1/1 | Running | 0 | AGE');
    expect(lines(cols(all.stdout))[0]).toBe('NAMESPACE | NAME | READY | STATUS | RESTARTS | AGE');
    const labels = await kubectl.run(['get', 'pods', '--show-labels']);
    expect(labels.stdout).toContain('app=web,tier=fe');
    const wide = await kubectl.run(['get', 'pods', '-o', 'wide']);
    expect(lines(cols(wide.stdout))[0]).toBe('NAME | READY | STATUS | RESTARTS | AGE | IP | NODE | NOMINATED NODE | READINESS GATES');
    expect(cols(normaliseAges(lines(wide.stdout)[1]!))).toMatch(/^web \| 1\/1 \| Running \| 0 \| AGE \| 10\.244\.0\.\d+ \| minik \| <none> \| <none>$/);
  });

  it('keeps a ConfigMap key named __proto__ through create (JSON or protobuf) and get', async () => {
    const created = await kubectl.run(['create', 'configmap', 'proto-key', '--from-literal=__proto__=x', '--from-literal=a=b']);
    expect(created.code).toBe(0);
    const got = await kubectl.run(['get', 'configmap', 'proto-key', '-o', 'jsonpath={.data}']);
    expect(JSON.parse(got.stdout)).toEqual(JSON.parse('{"__proto__":"x","a":"b"}'));
  });

  it('filters with label and field selectors and sorts', async () => {
    await kubectl.run(['run', 'api', '--image=busybox', '--labels=app=api']);
    expect((await kubectl.run(['get', 'pods', '-l', 'app=web', '-o', 'name'])).stdout).toBe('pod/web\n');
    expect((await kubectl.run(['get', 'pods', '-l', 'app in (web,api)', '-o', 'name'])).stdout).toBe('pod/api\npod/web\n');
    expect((await kubectl.run(['get', 'pods', '-l', '!tier', '-o', 'name'])).stdout).toBe('pod/api\n');
    expect((await kubectl.run(['get', 'pods', '--field-selector', 'metadata.name=api', '-o', 'name'])).stdout).toBe('pod/api\n');
    const sorted = await kubectl.run(['get', 'pods', '--sort-by=.metadata.name', '--no-headers']);
    expect(sorted.stdout.split('\n').filter(Boolean).map((l) => l.split(/\s+/)[0])).toEqual(['api', 'web']);
    const bad = await kubectl.run(['get', 'pods', '--field-selector', 'spec.bogus=x']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('field label not supported: spec.bogus');
  });

  it('label, annotate, and the errors kubectl users know', async () => {
    expect((await kubectl.run(['label', 'pod', 'web', 'env=prod'])).stdout).toBe('pod/web labeled\n');
    // kubectl 1.27 prints "annotate" (an upstream typo fixed in 1.28).
    expect((await kubectl.run(['annotate', 'pod', 'web', 'note=hi'])).stdout).toMatch(/^pod\/web annotated?\n$/);
    const stale = await kubectl.run(['label', 'pod', 'web', 'env=dev', '--overwrite', '--resource-version=1']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain(
      'Error from server (Conflict): Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again',
    );
    const missing = await kubectl.run(['get', 'pod', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    const dup = await kubectl.run(['run', 'web', '--image=nginx']);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toBe('Error from server (AlreadyExists): pods "web" already exists\n');
    const invalid = await kubectl.run(['run', 'Bad_Name', '--image=nginx']);
    expect(invalid.code).toBe(1);
    // kubectl run names the container after the pod, so both names are reported.
    expect(invalid.stderr).toContain('The Pod "Bad_Name" is invalid: \n* metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain');
    expect(invalid.stderr).toContain('* spec.containers[0].name: Invalid value: "Bad_Name": a lowercase RFC 1123 label');
  });

  it('creates a deployment from YAML, scales it and lists it under get all', async () => {
    const created = await kubectl.run(['create', '-f', '-', '--validate=false'], deploymentYaml('shop'));
    expect(created.stdout).toBe('deployment.apps/shop created\n');
    expect((await kubectl.run(['scale', 'deployment', 'shop', '--replicas=3'])).stdout).toBe('deployment.apps/shop scaled\n');
    const json = JSON.parse((await kubectl.run(['get', 'deploy', 'shop', '-o', 'json'])).stdout);
    expect(json.spec.replicas).toBe(3);
    expect(json.metadata.generation).toBe(2);
    expect(json.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
    expect((await kubectl.run(['rollout', 'status', 'deployment/shop', '--timeout=30s'])).stdout).toBe('deployment "shop" successfully rolled out\n');
    const table = await kubectl.run(['get', 'deployments']);
    expect(lines(cols(normaliseAges(table.stdout)))).toContain('shop | 3/3 | 3 | 3 | AGE');
    const all = await kubectl.run(['get', 'all']);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('deployment.apps/shop');
    expect(all.stdout).toContain('service/kubernetes');
    expect(all.stderr).toBe('');
  });

  it('gets every kind with upstream columns, default and wide, across namespaces', async () => {
    await kubectl.run(['create', '-f', '-'], deploymentYaml('every-kind', { replicas: 1 }));
    await kubectl.run(['create', 'secret', 'generic', 'every-kind', '--from-literal=a=b']);
    await kubectl.run(['create', '-f', '-'], everyWorkloadKindYaml);
    // A fresh minik has no RBAC objects (no bootstrap roles): one of each kind.
    await kubectl.run(['create', 'clusterrole', 'every-kind', '--verb=get', '--resource=pods']);
    await kubectl.run(['create', 'clusterrolebinding', 'every-kind', '--clusterrole=every-kind', '--user=alice']);
    await kubectl.run(['create', 'role', 'every-kind', '--verb=get', '--resource=pods']);
    await kubectl.run(['create', 'rolebinding', 'every-kind', '--role=every-kind', '--user=alice']);
    await kubectl.run(['rollout', 'status', 'deployment/every-kind', '--timeout=30s']);
    // Every kind that can be listed (the create-only reviews cannot, as upstream).
    for (const def of builtinResources.filter((d) => d.verbs.includes('list'))) {
      const resource = def.group ? `${def.plural}.${def.group}` : def.plural;
      const header = (wide: boolean) =>
        [...(def.namespaced ? ['NAMESPACE'] : []), ...def.printerColumns.filter((c) => wide || c.priority === 0).map((c) => c.name.toUpperCase())].join(' | ');
      const table = await kubectl.run(['get', resource, '-A']);
      expect(table.code, `${resource}: ${table.stderr}`).toBe(0);
      expect(lines(cols(table.stdout))[0], resource).toBe(header(false));
      const wide = await kubectl.run(['get', resource, '-A', '-o', 'wide']);
      expect(lines(cols(wide.stdout))[0], resource).toBe(header(true));
      const names = await kubectl.run(['get', resource, '-A', '-o', 'name']);
      expect(names.stdout.split('\n')[0], resource).toMatch(new RegExp(`^${def.kind.toLowerCase()}(\\.${def.group.replace(/\./g, '\\.')})?/`));
    }
  });

  it('get -w prints added, modified and deleted rows; delete waits until the object is gone', async () => {
    await kubectl.run(['run', 'watched', '--image=nginx', '--labels=app=watched']);
    const watcher = kubectl.spawn(['get', 'pods', '-w', '-l', 'app=watched']);
    const output = collectOutput(watcher);
    try {
      // Once the list is printed, kubectl watches from the list's resourceVersion: later changes
      // reach it even if its watch request arrives after them.
      await output.waitFor((out) => out.includes('watched'));
      await kubectl.run(['label', 'pod', 'watched', 'step=two']);
      const deleted = await kubectl.run(['delete', 'pod', 'watched']);
      expect(deleted.stdout).toBe('pod "watched" deleted\n');
      const out = await output.waitFor((o) => o.split('\n').filter((l) => l.startsWith('watched')).length >= 3);
      expect(lines(out)[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
      expect((await kubectl.run(['get', 'pod', 'watched'])).code).toBe(1);
    } finally {
      watcher.kill();
    }
  });
});

describe('the kubectl dispatcher', () => {
  it('picks its binary from /version and works unchanged', async () => {
    const cluster = await startCluster({ port: 0, kubernetesVersion: 'v1.30.4' });
    const kubectl = new Kubectl('dispatcher', cluster.url);
    try {
      const r = await kubectl.run(['version']);
      expect(r.stdout).toContain('Client Version: v1.30');
      expect(r.stdout).toContain('Server Version: v1.30.4');
      const nodes = await kubectl.run(['get', 'nodes', '-o', 'name']);
      expect(nodes.stdout).toBe('node/minik\n');
    } finally {
      kubectl.dispose();
      await cluster.stop();
    }
  });
});
