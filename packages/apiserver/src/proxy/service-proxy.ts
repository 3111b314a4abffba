import type { Endpoints, Pod, Service } from '@minik/types';
import type { ConnectHandler } from '../api/api-handler.js';
import type { ApiContext } from '../api/api-context.js';
import { ApiError, badRequest, notFound } from '../errors/index.js';
import { pathAfterSubresource, redirectToSlash } from './connect-request.js';
import type { NodeNetwork } from './node-network.js';
import { dialPod } from './pod-proxy.js';
import { splitSchemeNamePort } from './scheme-name-port.js';

const endpointsRef = { group: '', plural: 'endpoints' };
const podsRef = { group: '', plural: 'pods' };

const noEndpoints = (name: string): ApiError => new ApiError('ServiceUnavailable', `no endpoints available for service "${name}"`);

/**
 * `services/{[scheme:]name[:port]}/proxy/{path}` (service ResourceLocation): the port is a
 * service port's name or number; the request goes to a ready address of the Service's Endpoints
 * on the matching endpoint port (round-robin here, random upstream).
 */
export function serviceProxyHandler(ctx: ApiContext, network: NodeNetwork): ConnectHandler {
  const next = new Map<string, number>();
  return (req, target) => {
    const id = splitSchemeNamePort(target.name);
    if (!id) throw badRequest(`invalid service request "${target.name}"`);
    const namespace = target.namespace ?? '';
    const stored = ctx.store.get(target.def, namespace, id.name);
    if (!stored) throw notFound(target.def, id.name);
    const service = stored.object as Readonly<Service>;
    let portName = id.port;
    const asNumber = Number(portName);
    if (portName !== '' && Number.isInteger(asNumber)) {
      const found = service.spec?.ports?.find((p) => p.port === asNumber);
      if (!found) throw new ApiError('ServiceUnavailable', `no service port ${asNumber} found for service "${id.name}"`);
      portName = found.name ?? '';
    }
    const endpoints = ctx.store.get(endpointsRef, namespace, id.name)?.object as Readonly<Endpoints> | undefined;
    if (!endpoints) throw notFound(endpointsRef, id.name);
    if ((endpoints.subsets ?? []).length === 0) throw noEndpoints(id.name);
    const path = pathAfterSubresource(req.path, 'proxy', true);
    if (path === '') return redirectToSlash(req);
    for (const subset of endpoints.subsets ?? []) {
      const addresses = subset.addresses ?? [];
      const port = subset.ports?.find((p) => (p.name ?? '') === portName);
      if (addresses.length === 0 || !port) continue;
      const key = `${namespace}/${id.name}`;
      const start = next.get(key) ?? 0;
      for (let i = 0; i < addresses.length; i++) {
        const address = addresses[(start + i) % addresses.length]!;
        const ref = address.targetRef;
        const pod = (ref?.kind === 'Pod' ? ctx.store.get(podsRef, ref.namespace ?? namespace, ref.name ?? '') : undefined)?.object as Readonly<Pod> | undefined;
        // isValidAddress: the address must still belong to that pod.
        if (!pod || (pod.status?.podIPs?.[0]?.ip ?? pod.status?.podIP) !== address.ip) continue;
        next.set(key, (start + i + 1) % addresses.length);
        return dialPod(network, pod, port.port, id.scheme === 'https' ? 'https' : 'http', path, req);
      }
    }
    throw noEndpoints(target.name);
  };
}
