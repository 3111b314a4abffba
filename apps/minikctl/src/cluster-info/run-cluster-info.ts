import type { Output } from '../cli/command.js';
import type { Factory } from '../client/factory.js';

interface ServiceItem {
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: { ports?: { name?: string; port: number }[] };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

/** utilnet.JoinSchemeNamePort: `https:kubernetes:https`, `dns:53`, `name`. */
function joinSchemeNamePort(scheme: string, name: string, port: string): string {
  if (scheme !== '') return `${scheme}:${name}:${port}`;
  if (port !== '') return `${name}:${port}`;
  return name;
}

/**
 * kubectl cluster-info: the control plane's address, then one line per service labelled
 * kubernetes.io/cluster-service=true (its proxy URL, or its load balancer's address).
 */
export async function runClusterInfo(deps: { factory: Factory; out: Output; namespace: string; color: boolean }): Promise<void> {
  const client = await deps.factory.client();
  const host = client.config.server;
  const line = (name: string, link: string): void => {
    if (deps.color) deps.out.write(`\x1b[0;32m${name}\x1b[0m is running at \x1b[0;33m${link}\x1b[0m\n`);
    else deps.out.write(`${name} is running at ${link}\n`);
  };
  let failure: unknown;
  try {
    // Discovery first, as kubectl resolves "services" through it.
    const mapping = await deps.factory.mapping('services');
    const { listResource } = await import('../resource/fetch.js');
    const list = await listResource(client, mapping, { namespace: deps.namespace, labelSelector: 'kubernetes.io/cluster-service=true', chunkSize: 0 });
    line('Kubernetes control plane', host);
    for (const service of (list['items'] as ServiceItem[] | undefined) ?? []) {
      let link = '';
      const ingress = service.status?.loadBalancer?.ingress ?? [];
      if (ingress.length > 0) {
        const ip = ingress[0]!.ip || ingress[0]!.hostname || '';
        for (const port of service.spec?.ports ?? []) link += `http://${ip}:${port.port} `;
      } else {
        let name = service.metadata.name;
        const port = service.spec?.ports?.[0];
        if (port) {
          const scheme = port.name === 'https' || port.port === 443 ? 'https' : '';
          name = joinSchemeNamePort(scheme, service.metadata.name, port.name ?? '');
        }
        link = `${host}/api/v1/namespaces/${service.metadata.namespace ?? deps.namespace}/services/${name}/proxy`;
      }
      line(service.metadata.labels?.['kubernetes.io/name'] || service.metadata.name, link);
    }
  } catch (error) {
    failure = error;
  }
  deps.out.write("\nTo further debug and diagnose cluster problems, use 'minikctl cluster-info dump'.\n");
  if (failure) throw failure;
}
