/** Creates an object on a server with a plain JSON POST, as any client would. */
export async function post(server: string, path: string, object: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${server}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(object) });
  const body = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

const labels = (extra: Record<string, string> = {}) => ({ app: 'web', tier: 'fe', ...extra });

/**
 * A small cluster population with one or more objects of every kind minik serves, in two
 * namespaces, so golden comparisons exercise every printer.
 */
export async function populate(server: string): Promise<void> {
  await post(server, '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a', labels: { team: 'a' } } });
  const container = { name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80 }] };
  for (const [ns, name] of [
    ['default', 'web'],
    ['default', 'api'],
    ['team-a', 'db'],
  ] as const) {
    await post(server, `/api/v1/namespaces/${ns}/pods`, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, labels: labels({ app: name }) },
      spec: { containers: [container] },
    });
  }
  await post(server, '/apis/apps/v1/namespaces/default/deployments', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'shop', labels: { app: 'shop' } },
    spec: { replicas: 2, selector: { matchLabels: { app: 'shop' } }, template: { metadata: { labels: { app: 'shop' } }, spec: { containers: [container] } } },
  });
  await post(server, '/apis/apps/v1/namespaces/team-a/replicasets', {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'cart-5d4f8', labels: { app: 'cart' } },
    spec: { replicas: 1, selector: { matchLabels: { app: 'cart' } }, template: { metadata: { labels: { app: 'cart' } }, spec: { containers: [container] } } },
  });
  await post(server, '/api/v1/namespaces/default/services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] },
  });
  await post(server, '/api/v1/namespaces/team-a/services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'db', labels: { app: 'db' } },
    spec: { type: 'NodePort', selector: { app: 'db' }, ports: [{ name: 'pg', port: 5432 }] },
  });
  await post(server, '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', labels: { app: 'web' } }, data: { a: '1', b: '2' } });
  // Names that sort differently in natural and byte order, for --sort-by.
  for (const name of ['settings-9', 'settings-10']) {
    await post(server, '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { a: '1' } });
  }
  // Thirty objects in three groups, for --sort-by with ties: kubectl's sort is not stable.
  await post(server, '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'sorting' } });
  for (let i = 0; i < 30; i++) {
    await post(server, '/api/v1/namespaces/sorting/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `c${String(i).padStart(2, '0')}`, labels: { g: String(i % 3) } } });
  }
  await post(server, '/api/v1/namespaces/team-a/secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds' }, type: 'Opaque', stringData: { password: 'x' } });
  await post(server, '/api/v1/namespaces/team-a/serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'builder', labels: { app: 'ci' } } });
  await post(server, '/api/v1/namespaces/default/endpoints', {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'external', labels: { app: 'web' } },
    subsets: [{ addresses: [{ ip: '10.244.0.5' }, { ip: '10.244.0.6' }], ports: [{ port: 80 }] }],
  });
  await post(server, '/apis/coordination.k8s.io/v1/namespaces/default/leases', {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name: 'leader', labels: { app: 'web' } },
    spec: { holderIdentity: 'web-0', leaseDurationSeconds: 15 },
  });
  await post(server, '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices', {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'web-abc', labels: { 'kubernetes.io/service-name': 'web' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: ['10.244.0.5'] }],
    ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
  });
  const now = new Date(Date.now() - 5_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  await post(server, '/api/v1/namespaces/default/events', {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'web.17a' },
    involvedObject: { kind: 'Pod', namespace: 'default', name: 'web', uid: 'u1', apiVersion: 'v1' },
    reason: 'Scheduled',
    message: 'Successfully assigned default/web to minik',
    type: 'Normal',
    source: { component: 'default-scheduler' },
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
  });
}

interface PodState {
  metadata: { namespace: string; name: string; resourceVersion: string };
  status?: { phase?: string; conditions?: { type: string; status: string }[] };
}

const isReady = (pod: PodState): boolean =>
  pod.status?.phase === 'Running' && (pod.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

/**
 * Waits, through a watch (no polling), until at least `count` pods exist and all are Running and Ready:
 * the controllers and kubelets have settled and printed output no longer changes.
 */
export async function settle(server: string, count: number, signal = AbortSignal.timeout(30_000)): Promise<void> {
  const list = (await (await fetch(`${server}/api/v1/pods`, { signal })).json()) as { metadata: { resourceVersion: string }; items: PodState[] };
  const pods = new Map(list.items.map((p) => [`${p.metadata.namespace}/${p.metadata.name}`, p]));
  const done = (): boolean => pods.size >= count && [...pods.values()].every(isReady);
  if (done()) return;
  const res = await fetch(`${server}/api/v1/pods?watch=true&resourceVersion=${list.metadata.resourceVersion}`, { signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done: ended } = await reader.read();
      if (ended) throw new Error('the pod watch ended before the cluster settled');
      buffer += decoder.decode(value, { stream: true });
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const event = JSON.parse(buffer.slice(0, newline)) as { type: string; object: PodState };
        buffer = buffer.slice(newline + 1);
        const key = `${event.object.metadata.namespace}/${event.object.metadata.name}`;
        if (event.type === 'DELETED') pods.delete(key);
        else pods.set(key, event.object);
      }
      if (done()) return;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
