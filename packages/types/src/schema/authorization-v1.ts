import { apiVersionField, atomicStrings, authorizationV1, bool, field, kindField, list, metaV1, object, objectMetaField, ref, str } from './schema-builders.js';
import type { ObjectDefinition } from './schema-types.js';

// Field sets, types and required fields follow the Kubernetes 1.33 OpenAPI definitions.
// Descriptions are shortened to their opening sentences (upstream calls these kinds' ObjectMeta
// "Standard list metadata.").

/** authorization.k8s.io/v1 SelfSubjectAccessReview and SelfSubjectRulesReview (`kubectl auth can-i`). */
export const authorizationV1Schemas: readonly ObjectDefinition[] = [
  object(authorizationV1('SelfSubjectAccessReview'), 'SelfSubjectAccessReview checks whether or the current user can perform an action.', {
    apiVersion: apiVersionField,
    kind: kindField,
    metadata: objectMetaField('Standard list metadata.'),
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
    apiVersion: apiVersionField,
    kind: kindField,
    metadata: objectMetaField('Standard list metadata.'),
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
    apiGroups: field(atomicStrings, 'APIGroups is the name of the APIGroup that contains the resources.'),
    resourceNames: field(atomicStrings, 'ResourceNames is an optional white list of names that the rule applies to.'),
    resources: field(atomicStrings, 'Resources is a list of resources this rule applies to.'),
    verbs: field(atomicStrings, 'Verb is a list of kubernetes resource API verbs, like: get, list, watch, create, update, delete, proxy.', { required: true }),
  }),
  object(authorizationV1('NonResourceRule'), 'NonResourceRule holds information that describes a rule for the non-resource', {
    nonResourceURLs: field(atomicStrings, 'NonResourceURLs is a set of partial urls that a user should have access to.'),
    verbs: field(atomicStrings, 'Verb is a list of kubernetes non-resource API verbs, like: get, post, put, delete, patch, head, options.', { required: true }),
  }),
];
