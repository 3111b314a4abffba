import type { ApiHandler } from '../api/api-handler.js';
import type { ApiRequest, ApiResponse } from '../api/request.js';
import { resourceInfoOf } from '../api/request-info.js';
import type { Clock } from '../util/clock.js';
import type { RequestLog } from './request-log.js';

/** Wraps a handler so that every request is recorded, with its Kubernetes verb and target. */
export function withRequestLog(handle: ApiHandler, log: RequestLog, clock: Clock): ApiHandler {
  return (req) => {
    const started = clock.now();
    const response = handle(req);
    // A synchronous answer stays synchronous: most requests need no promise at all.
    if (response instanceof Promise) return response.then((r) => record(log, clock, req, started, r));
    return record(log, clock, req, started, response);
  };
}

// Requests arrive many to a millisecond under load: their records share one time text.
let lastStarted = Number.NaN;
let lastTime = '';

function timeOf(started: number): string {
  if (started !== lastStarted) {
    lastTime = new Date(started).toISOString();
    lastStarted = started;
  }
  return lastTime;
}

function record(log: RequestLog, clock: Clock, req: ApiRequest, started: number, response: ApiResponse): ApiResponse {
  const info = resourceInfoOf(req);
  log.record({
    time: timeOf(started),
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
}
