import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Cluster } from '@minik/apiserver';
import { collectOutput, cols, kubectlVersions, lines, normaliseAges, useKubectlCluster, type Kubectl } from '../support/index.js';

/*
 * The simulated data plane driven by the real kubectl: the seed lesson's steps 5–9 (deploy the
 * bootcamp app, see it Running, reach it through `kubectl proxy`, read its log), a rollout and
 * rollback, and a three-node cluster healing itself when a node stops.
 *
 * The tests wait for the cluster through its own watch (event-driven, no sleeps) and assert what
 * kubectl prints.
 */

const podsRef = { group: '', plural: 'pods' };
const nodesRef = { group: '', plural: 'nodes' };

interface PodLike {
  metadata: { name?: string; deletionTimestamp?: string; labels?: Record<string, string> };
  spec?: { nodeName?: string };
  status?: { phase?: string; podIP?: string; conditions?: { type: string; status: string }[]; containerStatuses?: { ready?: boolean; state?: { waiting?: { reason?: string } } }[] };
}

/** Resolves once `predicate` holds for the cluster's current pods and nodes, re-checked on every change. */
function until(cluster: Cluster, predicate: (pods: PodLike[], nodes: PodLike[]) => boolean): Promise<void> {
  const check = (): boolean =>
    predicate(
      cluster.store.list(podsRef, 'default').items.map((s) => s.object as PodLike),
      cluster.store.list(nodesRef).items.map((s) => s.object as PodLike),
    );
  if (check()) return Promise.resolve();
  return new Promise((resolve) => {
    const watches = [podsRef, nodesRef].map((ref) =>
      cluster.store.watch(ref, {}, () => {
        if (!check()) return;
        for (const w of watches) w.stop();
        resolve();
      }),
    );
  });
}

const running = (p: PodLike): boolean => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp && (p.status.containerStatuses ?? []).every((c) => c.ready);

/** `kubectl proxy --port=0`: the port it serves on, from its `Starting to serve on 127.0.0.1:PORT`. */
async function kubectlProxy(kubectl: Kubectl): Promise<{ child: ChildProcess; port: number }> {
  const child = kubectl.spawn(['proxy', '--port=0']);
  const output = collectOutput(child);
  const text = await output.waitFor((out) => /Starting to serve on 127\.0\.0\.1:\d+/.test(out));
  return { child, port: Number(/127\.0\.0\.1:(\d+)/.exec(text)![1]) };
}

describe.each(kubectlVersions)('the seed lesson, steps 5–9, with real kubectl %s', (version) => {
  let cluster: Cluster;
  let kubectl: Kubectl;
  let pod = '';
  useKubectlCluster(version, {}, (started) => ({ cluster, kubectl } = started));

  it('step 5: create deployment kubernetes-bootcamp schedules the app onto the node', async () => {
    const created = await kubectl.run(['create', 'deployment', 'kubernetes-bootcamp', '--image=gcr.io/google-samples/kubernetes-bootcamp:v1', '--port=8080']);
    expect(created.stderr).toBe('');
    expect(created.stdout).toBe('deployment.apps/kubernetes-bootcamp created\n');
    const status = await kubectl.run(['rollout', 'status', 'deployment/kubernetes-bootcamp', '--timeout=30s']);
    expect(status.stdout).toContain('deployment "kubernetes-bootcamp" successfully rolled out');
  });

  it('step 6: get deployments shows 1/1', async () => {
    const table = await kubectl.run(['get', 'deployments']);
    expect(lines(cols(normaliseAges(table.stdout)))).toEqual(['NAME | READY | UP-TO-DATE | AVAILABLE | AGE', 'kubernetes-bootcamp | 1/1 | 1 | 1 | AGE']);
  });

  it('get pods shows the pod 1/1 Running on the node with an IP from its podCIDR', async () => {
    const table = await kubectl.run(['get', 'pods', '-o', 'wide']);
    const rows = lines(cols(normaliseAges(table.stdout)));
    expect(rows[0]).toBe('NAME | READY | STATUS | RESTARTS | AGE | IP | NODE | NOMINATED NODE | READINESS GATES');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/^kubernetes-bootcamp-[a-z0-9]{8,10}-[a-z0-9]{5} \| 1\/1 \| Running \| 0 \| AGE \| 10\.244\.0\.\d+ \| minik \| <none> \| <none>$/);
  });

  it('step 8: the pod name from the go-template', async () => {
    const names = await kubectl.run(['get', 'pods', '-o', 'go-template', '--template', '{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}']);
    pod = names.stdout.trim();
    expect(pod).toMatch(/^kubernetes-bootcamp-/);
  });

  it('steps 7 and 9: kubectl proxy, then the pod proxy answers with the app, naming the pod', async () => {
    const { child, port } = await kubectlProxy(kubectl);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/namespaces/default/pods/${pod}/proxy/`);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(`Hello Kubernetes bootcamp! | Running on: ${pod} | v=1\n`);
      // The same with the port spelled out, as today's tutorial writes it.
      const withPort = await fetch(`http://127.0.0.1:${port}/api/v1/namespaces/default/pods/${pod}:8080/proxy/`);
      expect(await withPort.text()).toBe(`Hello Kubernetes bootcamp! | Running on: ${pod} | v=1\n`);
    } finally {
      child.kill();
    }
  });

  it('kubectl logs shows the app starting and the requests curl made', async () => {
    const logs = await kubectl.run(['logs', pod]);
    expect(logs.code).toBe(0);
    const out = lines(logs.stdout);
    expect(out[0]).toMatch(new RegExp(`^Kubernetes Bootcamp App Started At: \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z \\| Running On:  ${pod} $`));
    expect(out[1]).toBe('');
    expect(out[2]).toMatch(new RegExp(`^Running On: ${pod} \\| Total Requests: 1 \\| App Uptime: [\\d.]+ seconds \\| Log Time: \\d{4}-.+Z$`));
    expect(out[3]).toMatch(/\| Total Requests: 2 \|/);
    const tail = await kubectl.run(['logs', pod, '--tail=1', '--timestamps']);
    expect(tail.stdout).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z Running On: .* Total Requests: 2 /);
  });

  it('kubectl logs -f follows: a new request shows up while it runs', async () => {
    const follower = kubectl.spawn(['logs', '-f', pod]);
    const output = collectOutput(follower);
    try {
      await output.waitFor((out) => out.includes('Total Requests: 2 '));
      await fetch(`${cluster.url}/api/v1/namespaces/default/pods/${pod}/proxy/`);
      const out = await output.waitFor((text) => text.includes('Total Requests: 3 '));
      expect(lines(out).at(-1)).toMatch(new RegExp(`^Running On: ${pod} \\| Total Requests: 3 \\|`));
    } finally {
      follower.kill();
    }
  });

  it('describe pod shows the kubelet events in upstream words', async () => {
    const described = await kubectl.run(['describe', 'pod', pod]);
    const events = described.stdout.slice(described.stdout.indexOf('Events:'));
    expect(events).toMatch(new RegExp(`Scheduled .*default-scheduler +Successfully assigned default/${pod} to minik`));
    expect(events).toMatch(/Pulling .*kubelet +Pulling image "gcr\.io\/google-samples\/kubernetes-bootcamp:v1"/);
    expect(events).toMatch(/Created .*kubelet +Created container:? kubernetes-bootcamp/);
    expect(events).toMatch(/Started .*kubelet +Started container kubernetes-bootcamp/);
    expect(described.stdout).toMatch(/Node: +minik\/192\.168\.49\.2/);
  });

  it('a bad tag (module 6) leaves the new pod in ImagePullBackOff and the old one serving; rollout undo goes back', async () => {
    await kubectl.run(['set', 'image', 'deployments/kubernetes-bootcamp', 'kubernetes-bootcamp=gcr.io/google-samples/kubernetes-bootcamp:v10']);
    await until(cluster, (pods) => pods.some((p) => /ImagePullBackOff|ErrImagePull/.test(p.status?.containerStatuses?.[0]?.state?.waiting?.reason ?? '')));
    const table = lines(cols(normaliseAges((await kubectl.run(['get', 'pods'])).stdout)));
    expect(table.filter((r) => / \| 0\/1 \| (ImagePullBackOff|ErrImagePull) \| 0 \| AGE$/.test(r))).toHaveLength(1);
    expect(table).toContain(`${pod} | 1/1 | Running | 0 | AGE`);
    const undo = await kubectl.run(['rollout', 'undo', 'deployments/kubernetes-bootcamp']);
    expect(undo.stdout).toBe('deployment.apps/kubernetes-bootcamp rolled back\n');
    const status = await kubectl.run(['rollout', 'status', 'deployment/kubernetes-bootcamp', '--timeout=30s']);
    expect(status.stdout).toContain('successfully rolled out');
    await until(cluster, (pods) => pods.length === 1);
    expect(lines(cols(normaliseAges((await kubectl.run(['get', 'pods'])).stdout)))).toEqual(['NAME | READY | STATUS | RESTARTS | AGE', `${pod} | 1/1 | Running | 0 | AGE`]);
  });

  it('set image to v2 rolls out a new ReplicaSet whose pod answers v=2', async () => {
    await kubectl.run(['set', 'image', 'deployments/kubernetes-bootcamp', 'kubernetes-bootcamp=docker.io/jocatalin/kubernetes-bootcamp:v2']);
    const status = await kubectl.run(['rollout', 'status', 'deployment/kubernetes-bootcamp', '--timeout=30s']);
    expect(status.stdout).toContain('successfully rolled out');
    await until(cluster, (pods) => pods.length === 1 && running(pods[0]!) && pods[0]!.metadata.name !== pod);
    const name = (await kubectl.run(['get', 'pods', '-o', 'jsonpath={.items[0].metadata.name}'])).stdout;
    const reply = await fetch(`${cluster.url}/api/v1/namespaces/default/pods/${name}/proxy/`);
    expect(await reply.text()).toBe(`Hello Kubernetes bootcamp! | Running on: ${name} | v=2\n`);
  });
});

describe('three nodes: spreading and self-healing (kubectl 1.33)', () => {
  let cluster: Cluster;
  let kubectl: Kubectl;
  useKubectlCluster('1.33', { nodes: 3 }, (started) => ({ cluster, kubectl } = started));

  /** Pod rows of `kubectl get pods -o wide`: name, ready, status, ip, node. */
  async function podRows(): Promise<{ name: string; ready: string; status: string; ip: string; node: string }[]> {
    const out = await kubectl.run(['get', 'pods', '-o', 'wide', '--no-headers']);
    return lines(out.stdout)
      .filter(Boolean)
      .map((row) => {
        const [name = '', ready = '', status = '', , , ip = '', node = ''] = row.split(/\s+/);
        return { name, ready, status, ip, node };
      });
  }

  it('get nodes shows three Ready nodes named as minikube names them', async () => {
    const table = await kubectl.run(['get', 'nodes']);
    expect(lines(cols(normaliseAges(table.stdout)))).toEqual([
      'NAME | STATUS | ROLES | AGE | VERSION',
      'minik | Ready | control-plane | AGE | v1.33.1',
      'minik-m02 | Ready | <none> | AGE | v1.33.1',
      'minik-m03 | Ready | <none> | AGE | v1.33.1',
    ]);
  });

  it('a 6-replica Deployment lands 2/2/2, Running with IPs from each node', async () => {
    const created = await kubectl.run(['create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=6', '--port=80']);
    expect(created.stdout).toBe('deployment.apps/web created\n');
    expect((await kubectl.run(['rollout', 'status', 'deployment/web', '--timeout=30s'])).stdout).toContain('successfully rolled out');
    const rows = await podRows();
    expect(rows).toHaveLength(6);
    const perNode: Record<string, number> = {};
    for (const row of rows) {
      expect(row).toMatchObject({ ready: '1/1', status: 'Running' });
      const cidr = { minik: '10.244.0.', 'minik-m02': '10.244.1.', 'minik-m03': '10.244.2.' }[row.node];
      expect(row.ip.startsWith(cidr ?? '?')).toBe(true);
      perNode[row.node] = (perNode[row.node] ?? 0) + 1;
    }
    expect(perNode).toEqual({ minik: 2, 'minik-m02': 2, 'minik-m03': 2 });
  });

  it('stopping a node (minik node stop) makes it NotReady and its pods come back Running on the other two', async () => {
    const stopped = await fetch(`${cluster.url}/minik/v1/nodes/minik-m02/stop`, { method: 'POST' });
    expect(stopped.status).toBe(200);
    expect(await stopped.json()).toMatchObject({ name: 'minik-m02', running: false });
    await until(cluster, (_, nodes) => nodes.find((n) => n.metadata.name === 'minik-m02')?.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'Unknown');
    const nodes = await kubectl.run(['get', 'nodes']);
    expect(lines(cols(normaliseAges(nodes.stdout)))).toContain('minik-m02 | NotReady | <none> | AGE | v1.33.1');
    await until(cluster, (pods) => pods.filter((p) => running(p) && p.spec?.nodeName !== 'minik-m02').length === 6);
    const rows = await podRows();
    const serving = rows.filter((r) => r.status === 'Running' && r.ready === '1/1');
    expect(serving).toHaveLength(6);
    expect(serving.every((r) => r.node === 'minik' || r.node === 'minik-m03')).toBe(true);
    // The evicted pods stay Terminating on the unreachable node, as on a real cluster.
    expect(rows.filter((r) => r.node === 'minik-m02').every((r) => r.status === 'Terminating')).toBe(true);
    const deployments = await kubectl.run(['get', 'deployments']);
    expect(lines(cols(normaliseAges(deployments.stdout)))).toContain('web | 6/6 | 6 | 6 | AGE');
  });

  it('starting the node again makes it Ready and lets its Terminating pods go', async () => {
    const started = await fetch(`${cluster.url}/minik/v1/nodes/minik-m02/start`, { method: 'POST' });
    expect(started.status).toBe(200);
    await until(
      cluster,
      (pods, nodes) =>
        nodes.find((n) => n.metadata.name === 'minik-m02')?.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True' &&
        pods.every((p) => p.spec?.nodeName !== 'minik-m02'),
    );
    const nodes = await kubectl.run(['get', 'nodes']);
    expect(lines(cols(normaliseAges(nodes.stdout)))).toContain('minik-m02 | Ready | <none> | AGE | v1.33.1');
    expect((await podRows()).filter((r) => r.status === 'Running')).toHaveLength(6);
  });

  it('lists, adds and deletes nodes through the admin API minik node uses', async () => {
    const added = await fetch(`${cluster.url}/minik/v1/nodes`, { method: 'POST' });
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ kind: 'SimulatedNode', name: 'minik-m04', internalIP: '192.168.49.5', running: true });
    await until(cluster, (_, nodes) => nodes.some((n) => n.metadata.name === 'minik-m04'));
    expect((await kubectl.run(['get', 'node', 'minik-m04', '--no-headers'])).stdout).toMatch(/^minik-m04\s+Ready\s+<none>/);
    const list = (await (await fetch(`${cluster.url}/minik/v1/nodes`)).json()) as { items: { name: string; running: boolean }[] };
    expect(list.items.map((n) => `${n.name} ${n.running}`)).toEqual(['minik true', 'minik-m02 true', 'minik-m03 true', 'minik-m04 true']);
    expect((await fetch(`${cluster.url}/minik/v1/nodes/minik-m04`, { method: 'DELETE' })).status).toBe(200);
    expect((await kubectl.run(['get', 'node', 'minik-m04'])).stderr).toBe('Error from server (NotFound): nodes "minik-m04" not found\n');
    const refused = await fetch(`${cluster.url}/minik/v1/nodes/minik`, { method: 'DELETE' });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { message: string }).message).toBe('cannot delete the control-plane node "minik"');
  });

  it('kubectl drain evicts a node\'s pods through the Eviction API and they come back elsewhere', async () => {
    const drained = await kubectl.run(['drain', 'minik-m03', '--ignore-daemonsets', '--delete-emptydir-data', '--timeout=30s']);
    expect(drained.code).toBe(0);
    expect(drained.stdout).toContain('node/minik-m03 cordoned');
    expect(drained.stdout).toMatch(/evicting pod default\/web-|pod\/web-.* evicted/);
    expect(drained.stdout).toContain('node/minik-m03 drained');
    await until(cluster, (pods) => pods.filter((p) => running(p)).length === 6);
    const rows = await podRows();
    expect(rows.filter((r) => r.status === 'Running')).toHaveLength(6);
    expect(rows.some((r) => r.node === 'minik-m03')).toBe(false);
    expect((await kubectl.run(['get', 'node', 'minik-m03', '--no-headers'])).stdout).toMatch(/^minik-m03\s+Ready,SchedulingDisabled\s/);
    expect((await kubectl.run(['uncordon', 'minik-m03'])).stdout).toBe('node/minik-m03 uncordoned\n');
  });

  it('kubectl delete node: its pods are garbage-collected and replaced; minik node start registers it again', async () => {
    expect((await kubectl.run(['scale', 'deployment', 'web', '--replicas=9'])).stdout).toBe('deployment.apps/web scaled\n');
    await until(cluster, (pods) => pods.filter((p) => running(p)).length === 9);
    expect((await podRows()).filter((r) => r.node === 'minik-m03').length).toBeGreaterThan(0);
    expect((await kubectl.run(['delete', 'node', 'minik-m03'])).stdout).toBe('node "minik-m03" deleted\n');
    await until(cluster, (pods) => pods.filter((p) => running(p)).length === 9 && pods.every((p) => p.spec?.nodeName !== 'minik-m03'));
    expect((await podRows()).filter((r) => r.status === 'Running' && r.node !== 'minik-m03')).toHaveLength(9);
    expect((await fetch(`${cluster.url}/minik/v1/nodes/minik-m03/start`, { method: 'POST' })).status).toBe(200);
    await until(cluster, (_, nodes) => nodes.some((n) => n.metadata.name === 'minik-m03'));
    expect((await kubectl.run(['get', 'node', 'minik-m03', '--no-headers'])).stdout).toMatch(/^minik-m03\s+Ready\s/);
  });

  it('cordon keeps new pods off a node; FailedScheduling explains a pod that fits nowhere', async () => {
    expect((await kubectl.run(['cordon', 'minik-m03'])).stdout).toBe('node/minik-m03 cordoned\n');
    const huge = 'apiVersion: v1\nkind: Pod\nmetadata: {name: huge}\nspec:\n  containers: [{name: huge, image: nginx, resources: {requests: {cpu: "3"}}}]\n';
    expect((await kubectl.run(['create', '-f', '-'], huge)).stdout).toBe('pod/huge created\n');
    await until(cluster, (pods) => pods.some((p) => p.metadata.name === 'huge' && p.status?.conditions?.some((c) => c.type === 'PodScheduled' && c.status === 'False')));
    const described = await kubectl.run(['describe', 'pod', 'huge']);
    expect(described.stdout).toMatch(
      /Warning +FailedScheduling +.*default-scheduler +0\/3 nodes are available: 1 node\(s\) were unschedulable, 2 Insufficient cpu\. preemption: 0\/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod\./,
    );
    expect((await kubectl.run(['get', 'pod', 'huge', '--no-headers'])).stdout).toMatch(/^huge\s+0\/1\s+Pending\s+0/);
    expect((await kubectl.run(['uncordon', 'minik-m03'])).stdout).toBe('node/minik-m03 uncordoned\n');
  });
});
