import { authenticationV1, authorizationV1, bool, field, int64, list, map, metaV1, object, ref, str, time } from './schema-builders.js';
import type { ObjectDefinition } from './schema-types.js';

// Field sets, types and required fields follow the Kubernetes 1.33 OpenAPI definitions.
// Descriptions are shortened to their opening sentences.

const apiVersion = field(str, 'APIVersion defines the versioned schema of this representation of an object.');
const kind = field(str, 'Kind is a string value representing the REST resource this object represents.');
const metadata = field(ref(metaV1('ObjectMeta')), 'Standard list metadata.');
const strings = list(str, { listType: 'atomic' });

/** authorization.k8s.io/v1 SelfSubjectAccessReview and SelfSubjectRulesReview (`kubectl auth can-i`). */
export const authorizationV1Schemas: readonly ObjectDefinition[] = [
  object(authorizationV1('SelfSubjectAccessReview'), 'SelfSubjectAccessReview checks whether or the current user can perform an action.', {
    apiVersion,
    kind,
    metadata,
    spec: field(ref(authorizationV1('SelfSubjectAccessReviewSpec')), 'Spec holds information about the request being evaluated.', { required: true }),
    status: field(ref(authorizationV1('SubjectAccessReviewStatus')), 'Status is filled in by the server and indicates whether the request is allowed or not'),
  }, { gvk: { group: 'authorization.k8s.io', version: 'v1', kind: 'SelfSubjectAccessReview' } }),
  object(authorizationV1('SelfSubjectAccessReviewSpec'), 'SelfSubjectAccessReviewSpec is a description of the access request.', {
    nonResourceAttributes: field(ref(authorizationV1('NonResourceAttributes')), 'NonResourceAttributes describes information for a non-resource access request'),
    resourceAttributes: field(ref(authorizationV1('ResourceAttributes')), 'ResourceAuthorizationAttributes describes information for a resource access request'),
  }),
  object(authorizationV1('ResourceAttributes'), 'ResourceAttributes includes the authorization attributes available for resource requests to the Authorizer interface', {
    fieldSelector: field(ref(authorizationV1('FieldSelectorAttributes')), 'fieldSelector describes the limitation on access based on field.'),
    group: field(str, 'Group is the API Group of the Resource.  "*" means all.'),
    labelSelector: field(ref(authorizationV1('LabelSelectorAttributes')), 'labelSelector describes the limitation on access based on labels.'),
    name: field(str, 'Name is the name of the resource being requested for a "get" or deleted for a "delete". "" (empty) means all.'),
    namespace: field(str, 'Namespace is the namespace of the action being requested.'),
    resource: field(str, 'Resource is one of the existing resource types.  "*" means all.'),
    subresource: field(str, 'Subresource is one of the existing resource types.  "" means none.'),
    verb: field(str, 'Verb is a kubernetes resource API verb, like: get, list, watch, create, update, delete, proxy.  "*" means all.'),
    version: field(str, 'Version is the API Version of the Resource.  "*" means all.'),
  }),
  object(authorizationV1('FieldSelectorAttributes'), 'FieldSelectorAttributes indicates a field limited access.', {
    rawSelector: field(str, 'rawSelector is the serialization of a field selector that would be included in a query parameter.'),
    requirements: field(list(ref(metaV1('FieldSelectorRequirement')), { listType: 'atomic' }), 'requirements is the parsed interpretation of a field selector.'),
  }),
  object(authorizationV1('LabelSelectorAttributes'), 'LabelSelectorAttributes indicates a label limited access.', {
    rawSelector: field(str, 'rawSelector is the serialization of a field selector that would be included in a query parameter.'),
    requirements: field(list(ref(metaV1('LabelSelectorRequirement')), { listType: 'atomic' }), 'requirements is the parsed interpretation of a label selector.'),
  }),
  object(authorizationV1('NonResourceAttributes'), 'NonResourceAttributes includes the authorization attributes available for non-resource requests to the Authorizer interface', {
    path: field(str, 'Path is the URL path of the request'),
    verb: field(str, 'Verb is the standard HTTP verb'),
  }),
  object(authorizationV1('SubjectAccessReviewStatus'), 'SubjectAccessReviewStatus', {
    allowed: field(bool, 'Allowed is required. True if the action would be allowed, false otherwise.', { required: true }),
    denied: field(bool, 'Denied is optional. True if the action would be denied, otherwise false.'),
    evaluationError: field(str, 'EvaluationError is an indication that some error occurred during the authorization check.'),
    reason: field(str, 'Reason is optional.  It indicates why a request was allowed or denied.'),
  }),
  object(authorizationV1('SelfSubjectRulesReview'), 'SelfSubjectRulesReview enumerates the set of actions the current user can perform within a namespace.', {
    apiVersion,
    kind,
    metadata,
    spec: field(ref(authorizationV1('SelfSubjectRulesReviewSpec')), 'Spec holds information about the request being evaluated.', { required: true }),
    status: field(ref(authorizationV1('SubjectRulesReviewStatus')), 'Status is filled in by the server and indicates the set of actions a user can perform.'),
  }, { gvk: { group: 'authorization.k8s.io', version: 'v1', kind: 'SelfSubjectRulesReview' } }),
  object(authorizationV1('SelfSubjectRulesReviewSpec'), 'SelfSubjectRulesReviewSpec defines the specification for SelfSubjectRulesReview.', {
    namespace: field(str, 'Namespace to evaluate rules for. Required.'),
  }),
  object(authorizationV1('SubjectRulesReviewStatus'), 'SubjectRulesReviewStatus contains the result of a rules check.', {
    evaluationError: field(str, 'EvaluationError can appear in combination with Rules.'),
    incomplete: field(bool, 'Incomplete is true when the rules returned by this call are incomplete.', { required: true }),
    nonResourceRules: field(list(ref(authorizationV1('NonResourceRule')), { listType: 'atomic' }), 'NonResourceRules is the list of actions the subject is allowed to perform on non-resources.', { required: true }),
    resourceRules: field(list(ref(authorizationV1('ResourceRule')), { listType: 'atomic' }), 'ResourceRules is the list of actions the subject is allowed to perform on resources.', { required: true }),
  }),
  object(authorizationV1('ResourceRule'), 'ResourceRule is the list of actions the subject is allowed to perform on resources.', {
    apiGroups: field(strings, 'APIGroups is the name of the APIGroup that contains the resources.'),
    resourceNames: field(strings, 'ResourceNames is an optional white list of names that the rule applies to.'),
    resources: field(strings, 'Resources is a list of resources this rule applies to.'),
    verbs: field(strings, 'Verb is a list of kubernetes resource API verbs, like: get, list, watch, create, update, delete, proxy.', { required: true }),
  }),
  object(authorizationV1('NonResourceRule'), 'NonResourceRule holds information that describes a rule for the non-resource', {
    nonResourceURLs: field(strings, 'NonResourceURLs is a set of partial urls that a user should have access to.'),
    verbs: field(strings, 'Verb is a list of kubernetes non-resource API verbs, like: get, post, put, delete, patch, head, options.', { required: true }),
  }),
];

/** authentication.k8s.io/v1 SelfSubjectReview (`kubectl auth whoami`) and TokenRequest (`kubectl create token`). */
export const authenticationV1Schemas: readonly ObjectDefinition[] = [
  object(authenticationV1('TokenRequest'), 'TokenRequest requests a token for a given service account.', {
    apiVersion,
    kind,
    metadata,
    spec: field(ref(authenticationV1('TokenRequestSpec')), 'Spec holds information about the request being evaluated', { required: true }),
    status: field(ref(authenticationV1('TokenRequestStatus')), 'Status is filled in by the server and indicates whether the token can be authenticated.'),
  }, { gvk: { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest' } }),
  object(authenticationV1('TokenRequestSpec'), 'TokenRequestSpec contains client provided parameters of a token request.', {
    audiences: field(strings, 'Audiences are the intendend audiences of the token.', { required: true }),
    boundObjectRef: field(ref(authenticationV1('BoundObjectReference')), 'BoundObjectRef is a reference to an object that the token will be bound to.'),
    expirationSeconds: field(int64, 'ExpirationSeconds is the requested duration of validity of the request.'),
  }),
  object(authenticationV1('BoundObjectReference'), 'BoundObjectReference is a reference to an object that a token is bound to.', {
    apiVersion: field(str, 'API version of the referent.'),
    kind: field(str, "Kind of the referent. Valid kinds are 'Pod' and 'Secret'."),
    name: field(str, 'Name of the referent.'),
    uid: field(str, 'UID of the referent.'),
  }),
  object(authenticationV1('TokenRequestStatus'), 'TokenRequestStatus is the result of a token request.', {
    expirationTimestamp: field(time, 'ExpirationTimestamp is the time of expiration of the returned token.', { required: true }),
    token: field(str, 'Token is the opaque bearer token.', { required: true }),
  }),
  object(authenticationV1('SelfSubjectReview'), 'SelfSubjectReview contains the user information that the kube-apiserver has about the user making this request.', {
    apiVersion,
    kind,
    metadata,
    status: field(ref(authenticationV1('SelfSubjectReviewStatus')), 'Status is filled in by the server with the user attributes.'),
  }, { gvk: { group: 'authentication.k8s.io', version: 'v1', kind: 'SelfSubjectReview' } }),
  object(authenticationV1('SelfSubjectReviewStatus'), 'SelfSubjectReviewStatus is filled by the kube-apiserver and sent back to a user.', {
    userInfo: field(ref(authenticationV1('UserInfo')), 'User attributes of the user making this request.'),
  }),
  object(authenticationV1('UserInfo'), 'UserInfo holds the information about the user needed to implement the user.Info interface.', {
    extra: field(map(strings), 'Any additional information provided by the authenticator.'),
    groups: field(strings, 'The names of groups this user is a part of.'),
    uid: field(str, 'A unique value that identifies this user across time.'),
    username: field(str, 'The name that uniquely identifies this user among all active users.'),
  }),
];
