import type { CauseType, Status, StatusCause, StatusReason } from '@minik/types';

/** The one table from a failure reason to its HTTP code (k8s.io/apimachinery/pkg/api/errors). */
export const statusCodeByReason: Readonly<Record<StatusReason, number>> = {
  BadRequest: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  MethodNotAllowed: 405,
  NotAcceptable: 406,
  AlreadyExists: 409,
  Conflict: 409,
  Gone: 410,
  Expired: 410,
  RequestEntityTooLarge: 413,
  UnsupportedMediaType: 415,
  Invalid: 422,
  TooManyRequests: 429,
  InternalError: 500,
  ServiceUnavailable: 503,
  Timeout: 504,
};

/** Details of a failure as upstream reports them: `kind` is the resource plural (or Kind for Invalid). */
export interface ApiErrorDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/**
 * A domain error that carries a Kubernetes reason. Only the API layer turns it into a Status.
 * Throw these from anywhere below the adapters; anything else becomes an InternalError.
 */
export class ApiError extends Error {
  readonly reason: StatusReason;
  readonly code: number;
  readonly details: ApiErrorDetails | undefined;

  constructor(reason: StatusReason, message: string, details?: ApiErrorDetails, code?: number) {
    super(message);
    this.name = 'ApiError';
    this.reason = reason;
    this.code = code ?? statusCodeByReason[reason];
    this.details = details;
  }

  /** The upstream `Status` object for this error. */
  toStatus(): Status {
    const status: Status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      code: this.code,
    };
    if (this.details) status.details = { ...this.details };
    return status;
  }
}

/** A field error, shaped as a `details.causes[]` item (Go's `Type` serialises as `reason`). */
export interface FieldError {
  type: CauseType;
  field: string;
  /** Full message as upstream prints it: `metadata.name: Required value: name or generateName is required`. */
  message: string;
}

/** Resource identity used in error messages: `pods`, `deployments.apps`, `Deployment.apps`. */
export interface ErrorTarget {
  group: string;
  plural: string;
  kind?: string;
}

const qualifiedResource = (t: ErrorTarget): string => (t.group ? `${t.plural}.${t.group}` : t.plural);
const groupDetail = (t: ErrorTarget): { group?: string } => (t.group ? { group: t.group } : {});

/** 404 `pods "x" not found`. */
export function notFound(target: ErrorTarget, name: string): ApiError {
  return new ApiError('NotFound', `${qualifiedResource(target)} "${name}" not found`, {
    name,
    ...groupDetail(target),
    kind: target.plural,
  });
}

/** 409 `pods "x" already exists`. */
export function alreadyExists(target: ErrorTarget, name: string): ApiError {
  return new ApiError('AlreadyExists', `${qualifiedResource(target)} "${name}" already exists`, {
    name,
    ...groupDetail(target),
    kind: target.plural,
  });
}

/** 409 Conflict for a stale resourceVersion (or another reason given). */
export function conflict(
  target: ErrorTarget,
  name: string,
  why = 'the object has been modified; please apply your changes to the latest version and try again',
): ApiError {
  return new ApiError('Conflict', `Operation cannot be fulfilled on ${qualifiedResource(target)} "${name}": ${why}`, {
    name,
    ...groupDetail(target),
    kind: target.plural,
  });
}

/** 422 Invalid: `Deployment.apps "x" is invalid: [a, b]` with one cause per field error. */
export function invalid(target: ErrorTarget & { kind: string }, name: string, errors: readonly FieldError[]): ApiError {
  const kind = target.group ? `${target.kind}.${target.group}` : target.kind;
  const summary = errors.length === 1 ? errors[0]!.message : `[${errors.map((e) => e.message).join(', ')}]`;
  return new ApiError('Invalid', `${kind} "${name}" is invalid: ${summary}`, {
    name,
    ...groupDetail(target),
    kind: target.kind,
    causes: errors.map((e) => ({ reason: e.type, message: e.message.slice(e.field.length + 2), field: e.field })),
  });
}

/** 400 BadRequest with a free-text message. */
export function badRequest(message: string): ApiError {
  return new ApiError('BadRequest', message);
}

/** 405 MethodNotAllowed, as upstream words it for an unsupported verb on a resource. */
export function methodNotAllowed(verb: string, target: ErrorTarget): ApiError {
  return new ApiError('MethodNotAllowed', `the server does not allow this method on the requested resource`, {
    ...groupDetail(target),
    kind: target.plural,
  });
}

/** 410 Expired for a watch or list from a resourceVersion older than the retained history. */
export function expired(asked: string | number, current: string | number): ApiError {
  return new ApiError('Expired', `too old resource version: ${asked} (${current})`);
}

/** The generic 404 for an unknown path. */
export function pathNotFound(): ApiError {
  return new ApiError('NotFound', 'the server could not find the requested resource', {});
}
