import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from '@minik/apiserver';
import { Kubectl, type KubectlResult, type KubectlVersion } from '../support/kubectl.js';

/**
 * kubectl 1.32+ sends `create <subtype>` bodies as application/vnd.kubernetes.protobuf, with no
 * JSON fallback; 1.27 sends the same objects as JSON. Both must create the same stored objects.
 */

// 1.32 is outside the support helper's default version list; its binary sits beside the others.
const versions: readonly KubectlVersion[] = ['1.27', '1.32', '1.33'];
const protobufVersions = versions.slice(1);

interface TypedCreate {
  args: string[];
  printed: string;
  get: string[];
}

const creates: readonly TypedCreate[] = [
  { args: ['create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=2', '--port=80'], printed: 'deployment.apps/web created', get: ['deployment', 'web'] },
  { args: ['create', 'namespace', 'team-a'], printed: 'namespace/team-a created', get: ['namespace', 'team-a'] },
  { args: ['create', 'configmap', 'x', '--from-literal=a=b'], printed: 'configmap/x created', get: ['configmap', 'x'] },
  { args: ['create', 'secret', 'generic', 's', '--from-literal=k=v'], printed: 'secret/s created', get: ['secret', 's'] },
  { args: ['create', 'service', 'clusterip', 'svc', '--tcp=80:8080'], printed: 'service/svc created', get: ['service', 'svc'] },
  { args: ['create', 'serviceaccount', 'sa'], printed: 'serviceaccount/sa created', get: ['serviceaccount', 'sa'] },
];

interface VersionRun {
  /** What `create --dry-run=server -o json` answered: the object exactly as the create stores it. */
  asCreated: unknown[];
  created: KubectlResult[];
  /** What `get -o json` answered afterwards, minus what controllers have written since. */
  stored: unknown[];
}

/** Drops what legitimately differs between two clusters: identities, times and allocations. */
function comparable(object: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(object);
  const metadata = copy.metadata as Record<string, unknown>;
  delete metadata.uid;
  delete metadata.resourceVersion;
  delete metadata.creationTimestamp;
  delete metadata.managedFields;
  const spec = copy.spec as Record<string, unknown> | undefined;
  if (copy.kind === 'Service' && spec) {
    delete spec.clusterIP;
    delete spec.clusterIPs;
  }
  return copy;
}

/** Also drops what the deployment controller writes after the create, at its own pace. */
function withoutControllerWrites(object: Record<string, unknown>): Record<string, unknown> {
  const copy = comparable(object);
  if (copy.kind !== 'Deployment') return copy;
  delete copy.status;
  const metadata = copy.metadata as { annotations?: Record<string, string> };
  for (const key of Object.keys(metadata.annotations ?? {})) if (key.startsWith('deployment.kubernetes.io/')) delete metadata.annotations![key];
  if (metadata.annotations && Object.keys(metadata.annotations).length === 0) delete metadata.annotations;
  return copy;
}

const parsed = (result: KubectlResult): Record<string, unknown> | string =>
  result.code === 0 ? (JSON.parse(result.stdout) as Record<string, unknown>) : result.stderr;

describe('typed creates: protobuf bodies (kubectl 1.32, 1.33) store what JSON (1.27) stores', () => {
  const runs = new Map<KubectlVersion, VersionRun>();

  beforeAll(async () => {
    await Promise.all(
      versions.map(async (version) => {
        const cluster: Cluster = await startCluster({ port: 0 });
        const kubectl = new Kubectl(version, cluster.url);
        try {
          const run: VersionRun = { asCreated: [], created: [], stored: [] };
          for (const create of creates) {
            const dryRun = parsed(await kubectl.run([...create.args, '--dry-run=server', '-o', 'json']));
            run.asCreated.push(typeof dryRun === 'string' ? dryRun : comparable(dryRun));
            run.created.push(await kubectl.run(create.args));
            const got = parsed(await kubectl.run(['get', ...create.get, '-o', 'json']));
            run.stored.push(typeof got === 'string' ? got : withoutControllerWrites(got));
          }
          runs.set(version, run);
        } finally {
          kubectl.dispose();
          await cluster.stop();
        }
      }),
    );
  });
  afterAll(() => runs.clear());

  it.each(versions)('kubectl %s prints "<resource>/<name> created" for each typed create', (version) => {
    const run = runs.get(version)!;
    expect(run.created.map((r) => ({ stdout: r.stdout, stderr: r.stderr, code: r.code }))).toEqual(
      creates.map((c) => ({ stdout: `${c.printed}\n`, stderr: '', code: 0 })),
    );
    expect(run.asCreated.map((o) => (o as { kind?: unknown }).kind)).toEqual(['Deployment', 'Namespace', 'ConfigMap', 'Secret', 'Service', 'ServiceAccount']);
  });

  it.each(protobufVersions)('kubectl %s (protobuf) creates objects identical to kubectl 1.27 (JSON)', (version) => {
    const json = runs.get('1.27')!;
    const protobuf = runs.get(version)!;
    for (const [i, create] of creates.entries()) {
      expect(protobuf.asCreated[i], `${create.args.join(' ')} --dry-run=server`).toEqual(json.asCreated[i]);
      expect(protobuf.stored[i], `get ${create.get.join(' ')}`).toEqual(json.stored[i]);
    }
  });

  it('stores the defaulted deployment kubectl asked for', () => {
    const deployment = runs.get('1.33')!.asCreated[0] as { spec: Record<string, unknown> };
    expect(deployment.spec).toMatchObject({
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      template: { spec: { containers: [expect.objectContaining({ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80, protocol: 'TCP' }] })] } },
    });
    const secret = runs.get('1.33')!.asCreated[3] as { data: unknown; type: unknown };
    expect(secret).toMatchObject({ data: { k: 'dg==' }, type: 'Opaque' });
  });
});
