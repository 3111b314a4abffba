import type { ConnectHandler } from '../api/api-handler.js';
import type { ApiContext } from '../api/api-context.js';
import type { NodeNetwork } from './node-network.js';
import { nodeProxyHandler } from './node-proxy.js';
import { podLogHandler } from './pod-log.js';
import { podProxyHandler } from './pod-proxy.js';
import { serviceProxyHandler } from './service-proxy.js';

export type { NodeNetwork } from './node-network.js';
export { splitSchemeNamePort } from './scheme-name-port.js';

/**
 * The connect subresources the simulation serves, keyed `<plural>/<subresource>` as the API
 * handler looks them up: pods/proxy, services/proxy, nodes/proxy and pods/log.
 */
export function connectHandlers(ctx: ApiContext, network: NodeNetwork): Record<string, ConnectHandler> {
  return {
    'pods/proxy': podProxyHandler(ctx, network),
    'services/proxy': serviceProxyHandler(ctx, network),
    'nodes/proxy': nodeProxyHandler(ctx, network),
    'pods/log': podLogHandler(ctx, network),
  };
}
