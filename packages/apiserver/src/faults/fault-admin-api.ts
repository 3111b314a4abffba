import { parseDocument } from '../api/body-decoder.js';
import type { ApiRequest, ApiResponse } from '../api/request.js';
import { jsonBody } from '../api/request.js';
import { ApiError, badRequest } from '../errors/index.js';
import type { FaultInjector, FaultSpec } from './fault-injector.js';

/** Where the fault admin API lives: under `/minik/`, a prefix Kubernetes never uses. */
export const faultAdminPath = '/minik/v1/faults';

const item = (fault: object) => ({ apiVersion: 'minik/v1', kind: 'Fault', ...fault });

/**
 * The fault admin API, so a test in any language can inject faults into a running cluster:
 *
 * - `GET    /minik/v1/faults`       → `{kind: FaultList, items}`
 * - `POST   /minik/v1/faults`       → 201, the fault (body: a FaultSpec as JSON or YAML)
 * - `DELETE /minik/v1/faults`       → removes every fault
 * - `DELETE /minik/v1/faults/{id}`  → removes one fault
 */
export function faultAdminHandler(faults: FaultInjector): (req: ApiRequest, path: string) => ApiResponse | undefined {
  return (req, path) => {
    if (path !== faultAdminPath && !path.startsWith(`${faultAdminPath}/`)) return undefined;
    const method = req.method.toUpperCase();
    const id = path.slice(faultAdminPath.length + 1);
    if (id === '') {
      if (method === 'GET') return jsonBody(200, { apiVersion: 'minik/v1', kind: 'FaultList', items: faults.active.map(item) });
      if (method === 'DELETE') {
        faults.clear();
        return jsonBody(200, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success' });
      }
      if (method === 'POST') {
        let spec: unknown;
        try {
          spec = parseDocument(req);
        } catch (error) {
          throw badRequest(`cannot parse the fault: ${(error as Error).message}`);
        }
        if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) throw badRequest('a fault must be an object');
        try {
          return jsonBody(201, item(faults.add(spec as FaultSpec)));
        } catch (error) {
          throw badRequest((error as Error).message);
        }
      }
    } else if (method === 'DELETE' && /^\d+$/.test(id)) {
      const fault = faults.active.find((f) => f.id === Number(id));
      if (!fault) throw new ApiError('NotFound', `faults "${id}" not found`, { name: id, kind: 'faults' });
      faults.remove(fault);
      return jsonBody(200, item(fault));
    }
    throw new ApiError('MethodNotAllowed', 'the server does not allow this method on the requested resource');
  };
}
