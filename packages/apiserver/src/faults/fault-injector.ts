import type { StatusReason } from '@minik/types';
import type { ApiHandler } from '../api/api-handler.js';
import { statusResponse } from '../api/api-handler.js';
import type { ApiRequest, ApiResponse, StreamingResponse } from '../api/request.js';
import { resourceInfoOf } from '../api/request-info.js';
import { ApiError, expired } from '../errors/index.js';
import type { Clock } from '../util/clock.js';

/** What a fault answers or does to the requests it matches. */
export interface FaultSpec {
  /** Kubernetes verb to match (get, list, watch, create, update, patch, delete, deletecollection); any when absent. */
  verb?: string;
  /** Resource plural (`pods`, `deployments`); any when absent. */
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  /** How many requests it affects; unlimited when absent. */
  times?: number;
  /** Answer with this HTTP status and an upstream-shaped Status (409, 429, 500, 503, 504, …). */
  status?: number;
  reason?: StatusReason;
  message?: string;
  /** Sent as `Retry-After` and `details.retryAfterSeconds` (429/503 as upstream's throttling does). */
  retryAfterSeconds?: number;
  /** Delay the request (then serve it, or answer `status`) by this many milliseconds of the cluster clock. */
  delayMs?: number;
  /** Watch only: end the stream after this many events. */
  closeWatchAfterEvents?: number;
  /** Watch only: after `closeWatchAfterEvents` events (0 = at once) send an ERROR event with 410 Expired, forcing a relist. */
  watchExpired?: boolean;
}

/** A fault as added, with how often it has fired. */
export interface Fault extends FaultSpec {
  readonly id: number;
  hits: number;
}

const defaultReasonByStatus: Record<number, StatusReason> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  410: 'Expired',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

// Upstream's wording for the errors a client most often has to survive.
const defaultMessageByReason: Partial<Record<StatusReason, string>> = {
  TooManyRequests: 'the server has received too many requests and has asked us to try again later',
  InternalError: 'an error on the server ("injected fault") has prevented the request from succeeding',
  ServiceUnavailable: 'the server is currently unable to handle the request',
  Timeout: 'the server was unable to return a response in the time allotted, but may still be processing the request',
};

/** Faults injected into the request pipeline: error answers, delays and broken watches. */
export class FaultInjector {
  readonly #faults: Fault[] = [];
  #nextId = 1;

  constructor(private readonly clock: Clock) {}

  /** Adds a fault; returns it (its `hits` counts matches). */
  add(spec: FaultSpec): Fault {
    if (spec.status === undefined && spec.delayMs === undefined && spec.closeWatchAfterEvents === undefined && !spec.watchExpired) {
      throw new Error('a fault needs status, delayMs, closeWatchAfterEvents or watchExpired');
    }
    const fault: Fault = { ...spec, id: this.#nextId++, hits: 0 };
    this.#faults.push(fault);
    return fault;
  }

  remove(fault: Fault | number): void {
    const id = typeof fault === 'number' ? fault : fault.id;
    const index = this.#faults.findIndex((f) => f.id === id);
    if (index >= 0) this.#faults.splice(index, 1);
  }

  clear(): void {
    this.#faults.length = 0;
  }

  get active(): readonly Fault[] {
    return this.#faults;
  }

  /** Wraps a handler so that matching requests get the first matching fault. */
  wrap(handle: ApiHandler): ApiHandler {
    // Without faults a request passes straight through, synchronously: no promise per request.
    return (req) => (this.#faults.length === 0 || req.path.startsWith('/minik/') ? handle(req) : this.#serve(handle, req));
  }

  async #serve(handle: ApiHandler, req: ApiRequest): Promise<ApiResponse> {
    {
      // minik's own admin API is never faulted, so a test can always clear what it injected.
      const info = resourceInfoOf(req);
      const fault = this.#faults.find(
        (f) =>
          (f.verb === undefined || f.verb === info?.verb) &&
          (f.resource === undefined || f.resource === info?.resource) &&
          (f.subresource === undefined || f.subresource === info?.subresource) &&
          (f.namespace === undefined || f.namespace === info?.namespace) &&
          (f.name === undefined || f.name === info?.name),
      );
      if (!fault) return handle(req);
      fault.hits++;
      if (fault.times !== undefined && fault.hits >= fault.times) this.remove(fault);
      if (fault.delayMs !== undefined) await new Promise<void>((resolve) => this.clock.setTimeout(resolve, fault.delayMs!));
      if (fault.status !== undefined) return statusResponse(errorOf(fault));
      const response = await handle(req);
      if ('stream' in response && (fault.closeWatchAfterEvents !== undefined || fault.watchExpired)) return breakWatch(response, fault);
      return response;
    }
  }
}

function errorOf(fault: Fault): ApiError {
  const reason = fault.reason ?? defaultReasonByStatus[fault.status!] ?? 'InternalError';
  const message = fault.message ?? defaultMessageByReason[reason] ?? `injected fault: ${reason}`;
  const details = fault.retryAfterSeconds !== undefined ? { retryAfterSeconds: fault.retryAfterSeconds } : undefined;
  return new ApiError(reason, message, details, fault.status);
}

/** Ends a watch after N events, optionally with a 410 ERROR event first (what informers must survive). */
function breakWatch(response: StreamingResponse, fault: Fault): ApiResponse {
  const limit = fault.closeWatchAfterEvents ?? 0;
  return {
    ...response,
    stream: (sink) => {
      let sent = 0;
      let done = false;
      let close: (() => void) | undefined;
      const finish = (): void => {
        if (done) return;
        done = true;
        if (fault.watchExpired) sink.write(JSON.stringify({ type: 'ERROR', object: expired(1, 0).toStatus() }) + '\n');
        sink.end();
        close?.();
      };
      close = response.stream({
        write: (chunk) => {
          if (done) return;
          sink.write(chunk);
          if (++sent >= limit) finish();
        },
        end: () => finish(),
      });
      // Initial events may have reached the limit before `close` existed.
      if (limit === 0 || done) {
        finish();
        close();
      }
      return close;
    },
  };
}
