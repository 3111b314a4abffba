import type { Pod } from '@minik/types';
import type { ConnectHandler } from '../api/api-handler.js';
import type { CompleteResponse } from '../api/request.js';
import type { ApiContext } from '../api/api-context.js';
import { badRequest, notFound } from '../errors/index.js';
import { backendRequest, pathAfterSubresource, redirectToSlash } from './connect-request.js';
import type { NodeNetwork } from './node-network.js';
import { unreachable } from './proxy-errors.js';
import { splitSchemeNamePort } from './scheme-name-port.js';

/** IPs the API server's proxy may dial (proxyutil.IsProxyableIP: global unicast). */
function proxyable(ip: string | undefined): ip is string {
  if (!ip) return false;
  const octets = ip.split('.').map(Number);
  if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255)) return false;
  const [a, b] = octets as [number, number];
  return !(a === 0 || a === 127 || (a === 169 && b === 254) || a >= 224);
}

/**
 * Sends a request to `port` of a pod, through the kubelet of its node: the app's raw reply, or
 * 503 `error trying to reach service` when nothing listens or the node is down.
 */
export function dialPod(network: NodeNetwork, pod: Readonly<Pod>, port: number, scheme: 'http' | 'https', path: string, req: Parameters<ConnectHandler>[0]): CompleteResponse {
  const ip = pod.status?.podIPs?.[0]?.ip ?? pod.status?.podIP ?? '';
  const kubelet = network.kubelet(pod.spec?.nodeName ?? '');
  if (!kubelet || !kubelet.running) throw unreachable(ip, port, 'no-route');
  const result = kubelet.dial(pod.metadata?.uid ?? '', port, backendRequest(req, path, { port, scheme, hostIP: ip, clientIP: network.apiserverIP }));
  if (result.kind === 'refused') throw unreachable(ip, port, 'refused');
  const { status, headers, body } = result.response;
  return { status, headers: { ...headers }, body };
}

/**
 * `pods/{[scheme:]name[:port]}/proxy/{path}` (pod ResourceLocation): without a port, the first
 * port a container declares (else 80); a pod without an IP yet is `400 address not allowed`.
 */
export function podProxyHandler(ctx: ApiContext, network: NodeNetwork): ConnectHandler {
  return (req, target) => {
    const id = splitSchemeNamePort(target.name);
    if (!id) throw badRequest(`invalid pod request "${target.name}"`);
    const stored = ctx.store.get(target.def, target.namespace ?? '', id.name);
    if (!stored) throw notFound(target.def, id.name);
    const pod = stored.object as Readonly<Pod>;
    let port = id.port;
    if (port === '') {
      const declared = pod.spec?.containers?.find((c) => (c.ports ?? []).length > 0)?.ports?.[0]?.containerPort;
      if (declared !== undefined) port = String(declared);
    }
    const ip = pod.status?.podIPs?.[0]?.ip ?? pod.status?.podIP;
    if (!proxyable(ip)) throw badRequest('address not allowed');
    const path = pathAfterSubresource(req.path, 'proxy', true);
    if (path === '') return redirectToSlash(req);
    const scheme = id.scheme === 'https' ? 'https' : 'http';
    let number = port === '' ? (scheme === 'https' ? 443 : 80) : Number(port);
    if (!Number.isInteger(number)) {
      // A named port: the container port of that name, as a convenience (a real dial would fail).
      number = pod.spec?.containers?.flatMap((c) => c.ports ?? []).find((p) => p.name === port)?.containerPort ?? NaN;
      if (!Number.isInteger(number)) throw unreachable(ip, 0, 'refused');
    }
    return dialPod(network, pod, number, scheme, path, req);
  };
}
