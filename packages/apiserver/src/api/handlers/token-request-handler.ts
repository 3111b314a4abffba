import { createHash } from 'node:crypto';
import type { KubeObject, ResourceDefinition } from '@minik/types';
import { fieldErrors, invalid, notFound, type FieldError } from '../../errors/index.js';
import { rfc3339 } from '../../util/time.js';
import type { ApiContext } from '../api-context.js';
import { fieldValidationDirective, validateObjectBody, withWarnings } from '../../validation/index.js';
import { decodeObject, mediaTypeOf } from '../body-decoder.js';
import { parseWriteOptions } from '../object-writes.js';
import type { ApiRequest, ApiResponse } from '../request.js';
import { jsonBody } from '../request.js';
import type { ResourceRequestInfo } from '../request-info.js';

/** The audience and issuer of minikube's API server, which minik's tokens name. */
const apiServerAudience = 'https://kubernetes.default.svc.cluster.local';
/** Upstream's bounds on a requested lifetime (validation.MinTokenAgeSec, MaxTokenAgeSec). */
const minTokenSeconds = 10 * 60;
const maxTokenSeconds = 2 ** 32;
const tokenRequestKind = { group: 'authentication.k8s.io', version: 'v1', plural: 'tokenrequests', kind: 'TokenRequest' };

interface TokenRequest extends KubeObject {
  spec?: { audiences?: string[] | null; expirationSeconds?: number; boundObjectRef?: unknown };
}

/**
 * POST serviceaccounts/{name}/token (`kubectl create token`), as upstream's TokenREST answers:
 * the request back with its defaults (the API server's audience, an hour) and a token. minik
 * checks no credentials, so the token is a well-formed service account JWT whose signature
 * nothing verifies: a client can read its claims, and the cluster accepts any request anyway.
 */
export function tokenRequestHandler(ctx: ApiContext, def: ResourceDefinition, info: ResourceRequestInfo, req: ApiRequest): ApiResponse {
  const request = decodeObject(req, def, 'TokenRequest', 'authentication.k8s.io/v1') as TokenRequest;
  // The body is a TokenRequest, typed and field-checked as one (a string lifetime is a 400, not a 500).
  const options = parseWriteOptions(req.query);
  const body = { mediaType: mediaTypeOf(req), text: new TextDecoder().decode(req.body ?? new Uint8Array()) };
  const warnings = validateObjectBody(tokenRequestKind, fieldValidationDirective(req.query, options.fieldValidation), body, request);
  const name = info.name!;
  const namespace = info.namespace ?? '';
  const mismatch = (field: 'name' | 'namespace', value: string | undefined, expected: string): FieldError[] =>
    value && value !== expected ? [fieldErrors.invalid(`metadata.${field}`, value, `must match the service account ${field} if specified`)] : [];
  const metaErrors = [...mismatch('name', request.metadata.name, name), ...mismatch('namespace', request.metadata.namespace, namespace)];
  if (metaErrors.length > 0) throw invalid(tokenRequestKind, name, metaErrors);
  const account = ctx.store.get(def, namespace, name)?.object;
  if (!account) throw notFound(def, name);

  const spec = { audiences: request.spec?.audiences?.length ? request.spec.audiences : [apiServerAudience], expirationSeconds: request.spec?.expirationSeconds ?? 3600, boundObjectRef: request.spec?.boundObjectRef ?? null };
  const seconds = spec.expirationSeconds;
  if (seconds < minTokenSeconds) throw invalid(tokenRequestKind, name, [fieldErrors.invalid('spec.expirationSeconds', seconds, 'may not specify a duration less than 10 minutes')]);
  if (seconds > maxTokenSeconds) throw invalid(tokenRequestKind, name, [fieldErrors.invalid('spec.expirationSeconds', seconds, 'may not specify a duration larger than 2^32 seconds')]);

  const now = ctx.clock.now();
  const issuedAt = Math.floor(now / 1000);
  const token = serviceAccountJwt({
    aud: spec.audiences,
    exp: issuedAt + seconds,
    iat: issuedAt,
    iss: apiServerAudience,
    jti: ctx.ids.uid(),
    'kubernetes.io': { namespace, serviceaccount: { name, uid: account.metadata.uid } },
    nbf: issuedAt,
    sub: `system:serviceaccount:${namespace}:${name}`,
  });
  return withWarnings(jsonBody(201, {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name, namespace, creationTimestamp: rfc3339(now) },
    spec,
    status: { token, expirationTimestamp: rfc3339(now + seconds * 1000) },
  }), warnings);
}

/** header.claims.signature, base64url, as kube-apiserver's RS256 tokens look (the signature is a stand-in). */
function serviceAccountJwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signed = `${encode({ alg: 'RS256', kid: createHash('sha256').update('minik').digest('base64url') })}.${encode(claims)}`;
  // 256 bytes, the length of an RS256 signature with a 2048-bit key, derived from what it signs.
  const digest = createHash('sha256').update(signed).digest();
  return `${signed}.${Buffer.concat(Array.from({ length: 8 }, () => digest)).toString('base64url')}`;
}
