import type { Node } from '@minik/types';
import type { ConnectHandler } from '../api/api-handler.js';
import type { ApiContext } from '../api/api-context.js';
import { InProcessClient } from '../client/in-process-client.js';
import { badRequest, notFound } from '../errors/index.js';
import { pathAfterSubresource, redirectToSlash } from './connect-request.js';
import { kubeletServer } from './kubelet-server.js';
import type { NodeNetwork } from './node-network.js';
import { unreachable } from './proxy-errors.js';
import { splitSchemeNamePort } from './scheme-name-port.js';

/**
 * `nodes/{name[:port]}/proxy/{path}` (node ResourceLocation): the node's kubelet endpoint
 * (daemonEndpoints.kubeletEndpoint, 10250) over https unless told otherwise.
 */
export function nodeProxyHandler(ctx: ApiContext, network: NodeNetwork): ConnectHandler {
  const client = new InProcessClient(ctx);
  return (req, target) => {
    const id = splitSchemeNamePort(target.name);
    if (!id) throw badRequest(`invalid node request "${target.name}"`);
    const stored = ctx.store.get(target.def, '', id.name);
    if (!stored) throw notFound(target.def, id.name);
    const node = stored.object as Readonly<Node>;
    const ip = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
    const kubeletPort = node.status?.daemonEndpoints?.kubeletEndpoint?.Port ?? 10250;
    const port = id.port === '' ? kubeletPort : Number(id.port);
    const path = pathAfterSubresource(req.path, 'proxy', false);
    if (path === '') return redirectToSlash(req);
    const kubelet = network.kubelet(id.name);
    if (!kubelet || !kubelet.running) throw unreachable(ip, port, 'no-route');
    if (port !== kubeletPort) throw unreachable(ip, port, 'refused');
    return kubeletServer(kubelet, client, req.method.toUpperCase(), path, ctx.clock.now());
  };
}
