import type { Status } from '@minik/types';

/** What a request was about, so an error without a Status body can still name it (client-go does). */
export interface RequestTarget {
  group?: string;
  /** Resource plural, e.g. `pods`. */
  resource?: string;
  name?: string;
}

/** A failure the API server reported: its Status, as client-go's StatusError carries it. */
export class StatusError extends Error {
  constructor(readonly status: Status) {
    super(status.message ?? '');
    this.name = 'StatusError';
  }

  get reason(): string {
    return this.status.reason ?? '';
  }

  get code(): number {
    return this.status.code ?? 0;
  }
}

/** The server could not be reached (refused, DNS, TLS, timeout), like Go's *url.Error. */
export class ConnectionError extends Error {
  constructor(
    readonly url: string,
    readonly method: string,
    override readonly cause: Error & { code?: string },
    message: string,
  ) {
    super(message);
    this.name = 'ConnectionError';
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof StatusError && error.reason === 'NotFound';
}

export function isAlreadyExists(error: unknown): boolean {
  return error instanceof StatusError && error.reason === 'AlreadyExists';
}

export function isConflict(error: unknown): boolean {
  return error instanceof StatusError && error.reason === 'Conflict';
}

/**
 * client-go's NewGenericServerResponse: the Status invented for a reply that is not a Status
 * (`the server could not find the requested resource (get pods x)`).
 */
export function genericServerError(code: number, method: string, target: RequestTarget | undefined, body: string, isText: boolean): StatusError {
  const serverMessage = isText && body.trim() !== '' ? body.trim() : 'unknown';
  let reason = 'Unknown';
  let message = `the server responded with the status code ${code} but did not return more information`;
  switch (code) {
    case 409:
      reason = method === 'POST' ? 'AlreadyExists' : 'Conflict';
      message = 'the server reported a conflict';
      break;
    case 404:
      reason = 'NotFound';
      message = 'the server could not find the requested resource';
      break;
    case 400:
      reason = 'BadRequest';
      message = 'the server rejected our request for an unknown reason';
      break;
    case 401:
      reason = 'Unauthorized';
      message = 'the server has asked for the client to provide credentials';
      break;
    case 403:
      reason = 'Forbidden';
      message = serverMessage;
      break;
    case 405:
      reason = 'MethodNotAllowed';
      message = 'the server does not allow this method on the requested resource';
      break;
    case 406:
      reason = 'NotAcceptable';
      message = serverMessage === 'unknown' ? 'the server was unable to respond with a content type that the client supports' : serverMessage;
      break;
    case 415:
      reason = 'UnsupportedMediaType';
      message = serverMessage;
      break;
    case 422:
      reason = 'Invalid';
      message = 'the server rejected our request due to an error in our request';
      break;
    case 429:
      reason = 'TooManyRequests';
      message = 'the server has received too many requests and has asked us to try again later';
      break;
    case 503:
      reason = 'ServiceUnavailable';
      message = 'the server is currently unable to handle the request';
      break;
    case 504:
      reason = 'Timeout';
      message = 'the server was unable to return a response in the time allotted, but may still be processing the request';
      break;
    default:
      if (code >= 500) {
        reason = 'InternalError';
        message = `an error on the server (${JSON.stringify(serverMessage)}) has prevented the request from succeeding`;
      }
  }
  const resource = target?.resource ? (target.group ? `${target.resource}.${target.group}` : target.resource) : '';
  if (resource && target?.name) message = `${message} (${method.toLowerCase()} ${resource} ${target.name})`;
  else if (resource) message = `${message} (${method.toLowerCase()} ${resource})`;
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    code,
    reason,
    message,
    details: {
      ...(target?.group ? { group: target.group } : {}),
      ...(target?.resource ? { kind: target.resource } : {}),
      ...(target?.name ? { name: target.name } : {}),
      causes: [{ reason: 'UnexpectedServerResponse', message: serverMessage }],
    },
  } as Status);
}
