import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CliError } from '../cli/cli-error.js';
import type { Output } from '../cli/command.js';
import type { Factory } from '../client/factory.js';
import type { RestClient } from '../client/rest-client.js';
import { typedJson } from '../printers/typed-json.js';
import { goYamlStringify } from '../printers/go-yaml.js';
import { withoutManagedFields } from '../printers/resource-printer.js';

/** Options of `cluster-info dump`. */
export interface DumpOptions {
  allNamespaces: boolean;
  namespaces: string[];
  output: string;
  outputDirectory: string;
  namespace: string;
}

function withItemKinds(list: Record<string, unknown>): Record<string, unknown> {
  const kind = String(list['kind'] ?? '').replace(/List$/, '');
  const apiVersion = list['apiVersion'];
  const items = ((list['items'] as Record<string, unknown>[] | undefined) ?? []).map((item) => ({ kind, apiVersion, ...item }));
  return { ...list, items };
}

/**
 * kubectl cluster-info dump: nodes, then per namespace its events, replication controllers,
 * services, daemon sets, deployments, replica sets and pods, then every container's logs; to
 * stdout or as files under --output-directory.
 */
export async function runClusterInfoDump(o: DumpOptions, deps: { factory: Factory; out: Output }): Promise<void> {
  if (o.output !== 'json' && o.output !== 'yaml') {
    throw new CliError(`unable to match a printer suitable for the output format "${o.output}", allowed formats are: json,yaml`);
  }
  const client = await deps.factory.client();
  const extension = o.output === 'yaml' ? '.yaml' : '.json';
  const toDirectory = o.outputDirectory !== '' && o.outputDirectory !== '-';
  const writer = (relative: string, ext: string): Output => {
    if (!toDirectory) return deps.out;
    const path = join(o.outputDirectory, `${relative}${ext}`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, '');
    return { write: (text) => writeFileSync(path, text, { flag: 'a' }) };
  };
  const print = (list: Record<string, unknown>, out: Output): void => {
    // Dumped through kubectl's printers, which leave managedFields out.
    const typed = withoutManagedFields(withItemKinds(list));
    out.write(o.output === 'yaml' ? goYamlStringify(typed) : `${typedJson(typed)}\n`);
  };
  const list = (path: string): Promise<Record<string, unknown>> => client.json({ path, accept: 'application/json, */*' });

  print(await list('/api/v1/nodes'), writer('nodes', extension));
  let namespaces: string[];
  if (o.allNamespaces) {
    const all = await list('/api/v1/namespaces');
    namespaces = ((all['items'] as { metadata: { name: string } }[] | undefined) ?? []).map((n) => n.metadata.name);
  } else namespaces = o.namespaces.length > 0 ? o.namespaces : ['kube-system', o.namespace];
  for (const ns of namespaces) {
    const sections: [string, string][] = [
      ['events', `/api/v1/namespaces/${ns}/events`],
      ['replication-controllers', `/api/v1/namespaces/${ns}/replicationcontrollers`],
      ['services', `/api/v1/namespaces/${ns}/services`],
      ['daemonsets', `/apis/apps/v1/namespaces/${ns}/daemonsets`],
      ['deployments', `/apis/apps/v1/namespaces/${ns}/deployments`],
      ['replicasets', `/apis/apps/v1/namespaces/${ns}/replicasets`],
    ];
    for (const [name, path] of sections) print(await list(path), writer(`${ns}/${name}`, extension));
    const pods = await list(`/api/v1/namespaces/${ns}/pods`);
    print(pods, writer(`${ns}/pods`, extension));
    for (const pod of (pods['items'] as PodItem[] | undefined) ?? []) {
      const out = writer(`${ns}/${pod.metadata.name}/logs`, '.txt');
      for (const container of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
        await dumpLogs(client, pod, container.name, out);
      }
    }
  }
  if (toDirectory) deps.out.write(`Cluster info dumped to ${o.outputDirectory}\n`);
}

interface PodItem {
  metadata: { name: string; namespace: string };
  spec?: { containers?: { name: string }[]; initContainers?: { name: string }[] };
}

async function dumpLogs(client: RestClient, pod: PodItem, container: string, out: Output): Promise<void> {
  const where = `container ${container} of pod ${pod.metadata.namespace}/${pod.metadata.name}`;
  out.write(`==== START logs for ${where} ====\n`);
  try {
    const res = await client.raw({ path: `/api/v1/namespaces/${pod.metadata.namespace}/pods/${pod.metadata.name}/log`, query: { container }, accept: 'application/json, */*' });
    if (res.status < 200 || res.status > 299) {
      const { responseError } = await import('../client/rest-client.js');
      const error = responseError(res, 'GET', { resource: 'pods', name: pod.metadata.name });
      out.write(`Request log error: ${error.message}\n`);
    } else out.write(res.body.toString('utf8'));
  } finally {
    out.write(`==== END logs for ${where} ====\n`);
  }
}
