import type { ApiRequest, ApiResponse } from '../api/request.js';
import { jsonBody } from '../api/request.js';
import { ApiError } from '../errors/index.js';
import type { NodeControl, NodeSummary } from './node-pool.js';

/** Where minik's node admin API lives: under `/minik/`, a prefix Kubernetes never uses. */
export const nodeAdminPath = '/minik/v1/nodes';

const item = (node: NodeSummary) => ({ apiVersion: 'minik/v1', kind: 'SimulatedNode', ...node });

/**
 * minik's node admin API, which `minik node …` calls on a running cluster:
 *
 * - `GET    /minik/v1/nodes`              → `{kind: SimulatedNodeList, items: [{name, internalIP, podCIDR, controlPlane, running}]}`
 * - `POST   /minik/v1/nodes`              → 201, the added node (`minik-m02`, …)
 * - `GET    /minik/v1/nodes/{name}`       → the node
 * - `POST   /minik/v1/nodes/{name}/stop`  → the node, stopped
 * - `POST   /minik/v1/nodes/{name}/start` → the node, started
 * - `DELETE /minik/v1/nodes/{name}`       → the node, deleted
 *
 * Errors are Kubernetes Status objects (404 for an unknown node, 400 for the control plane's delete).
 */
export function nodeAdminHandler(nodes: NodeControl): (req: ApiRequest, path: string) => ApiResponse | undefined {
  return (req, path) => {
    if (path !== nodeAdminPath && !path.startsWith(`${nodeAdminPath}/`)) return undefined;
    const method = req.method.toUpperCase();
    const [name, action, ...extra] = path.slice(nodeAdminPath.length + 1).split('/').filter((p) => p !== '').map(decodeURIComponent);
    const notAllowed = (): never => {
      throw new ApiError('MethodNotAllowed', 'the server does not allow this method on the requested resource');
    };
    if (extra.length > 0) return undefined;
    if (name === undefined) {
      if (method === 'GET') return jsonBody(200, { apiVersion: 'minik/v1', kind: 'SimulatedNodeList', items: nodes.list().map(item) });
      if (method === 'POST') return jsonBody(201, item(nodes.add()));
      return notAllowed();
    }
    if (action === undefined) {
      if (method === 'GET') {
        const node = nodes.list().find((n) => n.name === name);
        if (!node) throw new ApiError('NotFound', `nodes "${name}" not found`, { name, kind: 'nodes' });
        return jsonBody(200, item(node));
      }
      if (method === 'DELETE') return jsonBody(200, item(nodes.delete(name)));
      return notAllowed();
    }
    if (method !== 'POST') return notAllowed();
    if (action === 'stop') return jsonBody(200, item(nodes.stop(name)));
    if (action === 'start') return jsonBody(200, item(nodes.start(name)));
    return undefined;
  };
}
