import { describe, expect, it } from 'vitest';
import type { Cluster } from '@minik/apiserver';
import { cols, deploymentYaml as deploymentManifest, normaliseAges, useKubectlCluster, type Kubectl, type KubectlCluster } from '../support/index.js';

const lines = (s: string): string[] => s.trimEnd().split('\n').map((l) => l.trimEnd());
const hashChars = '[bcdfghjklmnpqrstvwxz2456789]';

const deploymentYaml = (name: string, replicas: number, image?: string): string => deploymentManifest(name, { replicas, image, container: 'web' });

describe('controllers with real kubectl 1.33', () => {
  let cluster: Cluster;
  let kubectl: Kubectl;
  let run: KubectlCluster['run'];
  useKubectlCluster('1.33', {}, (started) => ({ cluster, kubectl, run } = started));

  it('a Deployment gets a ReplicaSet <deployment>-<hash> and pods <rs>-<5 chars>; rollout status returns once it converges', async () => {
    expect(await run(['create', '-f', '-', '--validate=false'], deploymentYaml('web', 3))).toBe('deployment.apps/web created\n');
    expect(await run(['rollout', 'status', 'deployment/web', '--timeout=60s'])).toContain('deployment "web" successfully rolled out');
    const rs = lines(cols(normaliseAges(await run(['get', 'rs']))));
    expect(rs[0]).toBe('NAME | DESIRED | CURRENT | READY | AGE');
    const [, rsName, hash] = new RegExp(`^((?:web)-(${hashChars}{6,10})) \\| 3 \\| 3 \\| 3 \\| AGE$`).exec(rs[1] ?? '') ?? [];
    expect(rsName).toBeDefined();
    const pods = lines(cols(normaliseAges(await run(['get', 'pods', '--show-labels']))));
    expect(pods[0]).toBe('NAME | READY | STATUS | RESTARTS | AGE | LABELS');
    expect(pods.slice(1)).toHaveLength(3);
    for (const row of pods.slice(1)) {
      expect(row).toMatch(new RegExp(`^${rsName}-${hashChars}{5} \\| 1/1 \\| Running \\| 0 \\| AGE \\| app=web,pod-template-hash=${hash}$`));
    }
    expect(lines(cols(normaliseAges(await run(['get', 'deployments']))))).toEqual(['NAME | READY | UP-TO-DATE | AVAILABLE | AGE', 'web | 3/3 | 3 | 3 | AGE']);
    const described = await run(['describe', 'deployment', 'web']);
    expect(described).toMatch(/Available\s+True\s+MinimumReplicasAvailable/);
    expect(described).toMatch(/Progressing\s+True\s+NewReplicaSetAvailable/);
    expect(described).toContain(`NewReplicaSet:   ${rsName} (3/3 replicas created)`);
    expect(described).toMatch(new RegExp(`Normal\\s+ScalingReplicaSet\\s+\\S+\\s+deployment-controller\\s+Scaled up replica set ${rsName} from 0 to 3`));
  });

  it('scales up and down', async () => {
    expect(await run(['scale', 'deployment', 'web', '--replicas=5'])).toBe('deployment.apps/web scaled\n');
    await run(['rollout', 'status', 'deployment/web', '--timeout=60s']);
    expect(lines(await run(['get', 'pods', '-l', 'app=web', '-o', 'name']))).toHaveLength(5);
    await run(['scale', 'deployment', 'web', '--replicas=2']);
    await run(['wait', '--for=jsonpath={.status.replicas}=2', 'deployment/web', '--timeout=60s']);
    await run(['rollout', 'status', 'deployment/web', '--timeout=60s']);
    expect(lines(cols(normaliseAges(await run(['get', 'deployments']))))).toEqual(['NAME | READY | UP-TO-DATE | AVAILABLE | AGE', 'web | 2/2 | 2 | 2 | AGE']);
  });

  it('set image rolls out a new ReplicaSet; history and undo go back to the first one', async () => {
    const first = (await run(['get', 'rs', '-l', 'app=web', '-o', 'jsonpath={.items[0].metadata.name}'])).trim();
    expect(await run(['set', 'image', 'deployment/web', 'web=nginx:1.26'])).toBe('deployment.apps/web image updated\n');
    expect(await run(['rollout', 'status', 'deployment/web', '--timeout=60s'])).toContain('successfully rolled out');
    const history = await run(['rollout', 'history', 'deployment/web']);
    expect(lines(cols(history.trim()))).toEqual(['deployment.apps/web', 'REVISION | CHANGE-CAUSE', '1 | <none>', '2 | <none>']);
    expect(await run(['rollout', 'undo', 'deployment/web'])).toBe('deployment.apps/web rolled back\n');
    await run(['rollout', 'status', 'deployment/web', '--timeout=60s']);
    const rs = await run(['get', 'rs', '-l', 'app=web', '-o', 'jsonpath={range .items[*]}{.metadata.name} {.spec.replicas} {.metadata.annotations.deployment\\.kubernetes\\.io/revision}{"\\n"}{end}']);
    const rows = Object.fromEntries(lines(rs).map((l) => [l.split(' ')[0], l.split(' ').slice(1).join(' ')]));
    expect(rows[first]).toBe('2 3');
    expect(Object.values(rows).sort()).toEqual(['0 2', '2 3']);
    expect(lines(cols((await run(['rollout', 'history', 'deployment/web'])).trim())).slice(2)).toEqual(['2 | <none>', '3 | <none>']);
  });

  it('a Service gets Endpoints and an EndpointSlice with the ready pods', async () => {
    expect(await run(['expose', 'deployment', 'web', '--port=80'])).toBe('service/web exposed\n');
    await run(['wait', '--for=jsonpath={.subsets[0].addresses[1].ip}', 'endpoints/web', '--timeout=30s']);
    // Pods of the previous revision may still be terminating: they are not endpoints.
    const pods = JSON.parse(await run(['get', 'pods', '-l', 'app=web', '-o', 'json'])) as { items: { metadata: { deletionTimestamp?: string }; status: { podIP: string } }[] };
    const ips = pods.items.filter((p) => !p.metadata.deletionTimestamp).map((p) => p.status.podIP).sort();
    const endpoints = lines(cols(normaliseAges(await run(['get', 'endpoints', 'web']))));
    expect(endpoints[0]).toBe('NAME | ENDPOINTS | AGE');
    expect(endpoints[1]).toBe(`web | ${ips.map((ip) => `${ip}:80`).join(',')} | AGE`);
    const slices = lines(cols(normaliseAges(await run(['get', 'endpointslices', '-l', 'kubernetes.io/service-name=web']))));
    expect(slices[0]).toBe('NAME | ADDRESSTYPE | PORTS | ENDPOINTS | AGE');
    const [, sliceIPs] = new RegExp(`^web-${hashChars}{5} \\| IPv4 \\| 80 \\| (\\S+) \\| AGE$`).exec(slices[1] ?? '') ?? [];
    expect(sliceIPs?.split(',').sort()).toEqual(ips);
    await run(['delete', 'service', 'web']);
  });

  it('deleting the Deployment cascades to its ReplicaSets and pods', async () => {
    expect(await run(['delete', 'deployment', 'web'])).toBe('deployment.apps "web" deleted\n');
    await run(['wait', '--for=delete', 'pod', '-l', 'app=web', '--timeout=60s']);
    const left = await kubectl.run(['get', 'rs,pods', '-l', 'app=web']);
    expect(left.stdout).toBe('');
    expect(left.stderr).toBe('No resources found in default namespace.\n');
  });

  it('--cascade=orphan keeps the ReplicaSet and strips its owner reference', async () => {
    await run(['create', '-f', '-', '--validate=false'], deploymentYaml('kept', 1));
    await run(['rollout', 'status', 'deployment/kept', '--timeout=60s']);
    expect(await run(['delete', 'deployment', 'kept', '--cascade=orphan'])).toBe('deployment.apps "kept" deleted\n');
    const rs = JSON.parse(await run(['get', 'rs', '-l', 'app=kept', '-o', 'json']));
    expect(rs.items).toHaveLength(1);
    expect(rs.items[0].metadata.ownerReferences).toBeUndefined();
    await run(['delete', 'rs', '-l', 'app=kept']);
  });

  it('delete namespace empties it and waits until it is gone', async () => {
    expect(await run(['create', 'namespace', 'shop'])).toBe('namespace/shop created\n');
    await run(['-n', 'shop', 'create', '-f', '-', '--validate=false'], deploymentYaml('cart', 2));
    await run(['-n', 'shop', 'rollout', 'status', 'deployment/cart', '--timeout=60s']);
    const sa = await run(['-n', 'shop', 'get', 'serviceaccount,configmap', '-o', 'name']);
    expect(lines(sa)).toEqual(['serviceaccount/default', 'configmap/kube-root-ca.crt']);
    expect(await run(['delete', 'namespace', 'shop', '--timeout=60s'])).toBe('namespace "shop" deleted\n');
    const gone = await kubectl.run(['get', 'namespace', 'shop']);
    expect(gone.stderr).toBe('Error from server (NotFound): namespaces "shop" not found\n');
  });
});

describe('self-healing with real kubectl 1.33', () => {
  let cluster: Cluster;
  let kubectl: Kubectl;
  let run: KubectlCluster['run'];
  useKubectlCluster('1.33', { nodes: 3 }, (started) => ({ cluster, kubectl, run } = started));

  it('a stopped node turns NotReady, is tainted, and its pods come back on the other nodes', async () => {
    await run(['create', '-f', '-', '--validate=false'], deploymentYaml('web', 6));
    await run(['rollout', 'status', 'deployment/web', '--timeout=60s']);
    const onM03 = lines(await run(['get', 'pods', '-l', 'app=web', '--field-selector=spec.nodeName=minik-m03', '-o', 'name']));
    expect(onM03.length).toBeGreaterThan(0);
    cluster.nodes.stop('minik-m03');
    await run(['wait', '--for=condition=Ready=Unknown', 'node/minik-m03', '--timeout=60s']);
    expect(lines(cols(normaliseAges(await run(['get', 'nodes']))))).toContain('minik-m03 | NotReady | <none> | AGE | v1.33.1');
    // The taint-eviction controller marks them for deletion; they stay Terminating, as on a real cluster.
    for (const pod of onM03) await run(['wait', '--for=jsonpath={.metadata.deletionTimestamp}', pod, '--timeout=60s']);
    const taints = await run(['get', 'node', 'minik-m03', '-o', 'jsonpath={range .spec.taints[*]}{.key}:{.effect}{"\\n"}{end}']);
    expect(lines(taints)).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    await run(['wait', '--for=jsonpath={.status.readyReplicas}=6', 'deployment/web', '--timeout=60s']);
    const running = lines(await run(['get', 'pods', '-l', 'app=web', '-o', 'jsonpath={range .items[?(@.metadata.deletionTimestamp)]}{.metadata.name}{"\\n"}{end}']));
    expect(running.sort()).toEqual(onM03.map((p) => p.replace('pod/', '')).sort());
    const healthy = lines(await run(['get', 'pods', '-l', 'app=web', '-o', 'jsonpath={range .items[*]}{.spec.nodeName},{.metadata.deletionTimestamp}{"\\n"}{end}'])).filter((l) => l.endsWith(','));
    expect(healthy).toHaveLength(6);
    expect(healthy.every((l) => !l.startsWith('minik-m03'))).toBe(true);
  });
});
