import { defineMessages } from '../message-schema.js';

/** k8s.io/api/authentication/v1 TokenRequest (`kubectl create token`) and SelfSubjectReview (`kubectl auth whoami`). */
export const authenticationV1Messages = defineMessages('authentication.v1', {
  TokenRequest: `
    1 metadata meta.v1.ObjectMeta?
    2 spec TokenRequestSpec
    3 status TokenRequestStatus?
  `,
  TokenRequestSpec: `
    1 audiences []string
    4 expirationSeconds *int64
    3 boundObjectRef *BoundObjectReference
  `,
  TokenRequestStatus: `
    1 token string
    2 expirationTimestamp meta.v1.Time
  `,
  SelfSubjectReview: `
    1 metadata meta.v1.ObjectMeta?
    2 status SelfSubjectReviewStatus?
  `,
  SelfSubjectReviewStatus: `
    1 userInfo UserInfo?
  `,
  UserInfo: `
    1 username string?
    2 uid string?
    3 groups []string?
    4 extra map[string]ExtraValue?
  `,
  ExtraValue: `
    1 items []string
  `,
  BoundObjectReference: `
    1 kind string?
    2 apiVersion string?
    3 name string?
    4 uid string?
  `,
});
