import type { KubeObject, ResourceDefinition } from '@minik/types';
import { groupVersionOf } from '@minik/types';
import { badRequest, fieldErrors, GoValue, invalid, type FieldError } from '../../errors/index.js';
import { managerFromUserAgent, trackFieldOwnership } from '../../patch/index.js';
import { fieldValidationDirective, validateObjectBody, withWarnings } from '../../validation/index.js';
import type { ApiContext } from '../api-context.js';
import { decodeObject, mediaTypeOf } from '../body-decoder.js';
import { parseWriteOptions } from '../object-writes.js';
import type { ApiRequest, ApiResponse } from '../request.js';
import { jsonBody } from '../request.js';
import { goQuote } from '../../resources/strategies/go-syntax.js';

// The reviews a client creates to ask about itself (`kubectl auth can-i`, `kubectl auth whoami`,
// dashboards deciding what to show). They are answered, never stored. minik authenticates nobody
// and authorizes everything, as kube-apiserver does with anonymous requests and the AlwaysAllow
// authorizer: every access review allows, every rules review lists everything, and every request
// comes from system:anonymous.

type JsonMap = Record<string, unknown>;

/** The status each review kind answers with, by `group/kind` (validating the review first). */
const reviewStatuses: Record<string, (review: KubeObject, def: ResourceDefinition) => JsonMap> = {
  'authorization.k8s.io/SelfSubjectAccessReview': (review, def) => {
    throwIfInvalid(def, accessReviewErrors(review.spec as JsonMap | undefined));
    return { allowed: true };
  },
  'authorization.k8s.io/SelfSubjectRulesReview': (review) => {
    if (!(review.spec as JsonMap | undefined)?.namespace) throw badRequest('no namespace on request');
    // AlwaysAllow's RulesFor: every verb on every resource and every non-resource URL.
    return {
      resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
      nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
      incomplete: false,
    };
  },
  'authentication.k8s.io/SelfSubjectReview': () => ({ userInfo: { username: 'system:anonymous', groups: ['system:unauthenticated'] } }),
};

/** Whether a resource is one of the reviews this module answers. */
export function isReview(def: ResourceDefinition): boolean {
  return Object.hasOwn(reviewStatuses, `${def.group}/${def.kind}`);
}

/** POST of a review: the review back with its status, 201 as upstream's create handler answers. */
export function reviewHandler(ctx: ApiContext, def: ResourceDefinition, req: ApiRequest): ApiResponse {
  const options = parseWriteOptions(req.query);
  const review = decodeObject(req, def);
  const warnings = validateObjectBody(def, fieldValidationDirective(req.query, options.fieldValidation), { mediaType: mediaTypeOf(req), text: new TextDecoder().decode(req.body ?? new Uint8Array()) }, review);
  const status = reviewStatuses[`${def.group}/${def.kind}`]!(review, def);
  // The create handler records the request's fields as it does for any create; nothing is stored.
  const answer: KubeObject = { kind: def.kind, apiVersion: groupVersionOf(def), metadata: { ...review.metadata, creationTimestamp: null as unknown as string } };
  if (review.spec !== undefined) answer.spec = review.spec;
  trackFieldOwnership(ctx, def, undefined, answer, { fieldManager: options.fieldManager ?? managerFromUserAgent(req.header('user-agent')) }, undefined);
  return withWarnings(jsonBody(201, { ...answer, status }), warnings);
}

/** ValidateSelfSubjectAccessReviewSpec: exactly one of resourceAttributes and nonResourceAttributes. */
function accessReviewErrors(spec: JsonMap | undefined): FieldError[] {
  const resource = spec?.resourceAttributes ?? null;
  const nonResource = spec?.nonResourceAttributes ?? null;
  if (resource !== null && nonResource !== null) {
    // The bad value is the internal struct, printed with %#v.
    const { path = '', verb = '' } = nonResource as { path?: string; verb?: string };
    const value = new GoValue(`authorization.NonResourceAttributes{Path:${goQuote(path)}, Verb:${goQuote(verb)}}`);
    return [fieldErrors.invalid('spec.nonResourceAttributes', value, 'cannot be specified in combination with resourceAttributes')];
  }
  if (resource === null && nonResource === null) return [fieldErrors.invalid('spec.resourceAttributes', 'null', 'exactly one of nonResourceAttributes or resourceAttributes must be specified')];
  return [];
}

function throwIfInvalid(def: ResourceDefinition, errors: readonly FieldError[]): void {
  if (errors.length > 0) throw invalid(def, '', errors);
}
