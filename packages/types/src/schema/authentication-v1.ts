import { apiVersionField, atomicStrings, authenticationV1, field, int64, kindField, map, object, objectMetaField, ref, str, time } from './schema-builders.js';
import type { ObjectDefinition } from './schema-types.js';

// Field sets, types and required fields follow the Kubernetes 1.33 OpenAPI definitions.
// Descriptions are shortened to their opening sentences.

/** authentication.k8s.io/v1 SelfSubjectReview (`kubectl auth whoami`) and TokenRequest (`kubectl create token`). */
export const authenticationV1Schemas: readonly ObjectDefinition[] = [
  object(authenticationV1('TokenRequest'), 'TokenRequest requests a token for a given service account.', {
    apiVersion: apiVersionField,
    kind: kindField,
    metadata: objectMetaField(),
    spec: field(ref(authenticationV1('TokenRequestSpec')), 'Spec holds information about the request being evaluated', { required: true }),
    status: field(ref(authenticationV1('TokenRequestStatus')), 'Status is filled in by the server and indicates whether the token can be authenticated.'),
  }, { gvk: { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest' } }),
  object(authenticationV1('TokenRequestSpec'), 'TokenRequestSpec contains client provided parameters of a token request.', {
    audiences: field(atomicStrings, 'Audiences are the intendend audiences of the token.', { required: true }),
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
    apiVersion: apiVersionField,
    kind: kindField,
    metadata: objectMetaField(),
    status: field(ref(authenticationV1('SelfSubjectReviewStatus')), 'Status is filled in by the server with the user attributes.'),
  }, { gvk: { group: 'authentication.k8s.io', version: 'v1', kind: 'SelfSubjectReview' } }),
  object(authenticationV1('SelfSubjectReviewStatus'), 'SelfSubjectReviewStatus is filled by the kube-apiserver and sent back to a user.', {
    userInfo: field(ref(authenticationV1('UserInfo')), 'User attributes of the user making this request.'),
  }),
  object(authenticationV1('UserInfo'), 'UserInfo holds the information about the user needed to implement the user.Info interface.', {
    extra: field(map(atomicStrings), 'Any additional information provided by the authenticator.'),
    groups: field(atomicStrings, 'The names of groups this user is a part of.'),
    uid: field(str, 'A unique value that identifies this user across time.'),
    username: field(str, 'The name that uniquely identifies this user among all active users.'),
  }),
];
