import type { ApiHandler } from '../api/api-handler.js';
import { parseResourcePath } from '../api/request-info.js';
import type { Clock } from '../util/clock.js';
import type { RequestLog } from './request-log.js';

/** Wraps a handler so that every request is recorded, with its Kubernetes verb and target. */
export function withRequestLog(handle: ApiHandler, log: RequestLog, clock: Clock): ApiHandler {
  return async (req) => {
    const started = clock.now();
    const response = await handle(req);
    const info = parseResourcePath(req);
    log.record({
      time: new Date(started).toISOString(),
      method: req.method,
      path: req.path,
      verb: info?.verb,
      group: info?.group,
      resource: info?.resource,
      subresource: info?.subresource,
      namespace: info?.namespace,
      name: info?.name,
      userAgent: req.header('user-agent'),
      status: response.status,
      durationMs: clock.now() - started,
    });
    return response;
  };
}
