import { badRequest, type ApiError } from './api-error.js';

/**
 * Upstream's 400 for a body that could not even be typed (transformDecodeError in
 * k8s.io/apiserver/pkg/endpoints/handlers/create.go), ending with what the body began with.
 */
export function unrecognizedBody(expectedKind: string, why: string, body: Uint8Array): ApiError {
  return badRequest(`the object provided is unrecognized (must be of type ${expectedKind}): ${why} (${summarizeData(body)})`);
}

/** summarizeData(body, 30): the first 30 bytes (as text for JSON, else hex), " ..." if more. */
function summarizeData(body: Uint8Array): string {
  if (body.length === 0) return '<empty>';
  const head = Buffer.from(body.subarray(0, 30));
  const text = body[0] === 0x7b ? head.toString('utf8') : head.toString('hex');
  return body.length > 30 ? `${text} ...` : text;
}
