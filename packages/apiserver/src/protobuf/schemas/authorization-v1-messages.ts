import { defineMessages } from '../message-schema.js';

/** k8s.io/api/authorization/v1 SelfSubjectAccessReview and SelfSubjectRulesReview (`kubectl auth can-i`). */
export const authorizationV1Messages = defineMessages('authorization.v1', {
  SelfSubjectAccessReview: `
    1 metadata meta.v1.ObjectMeta?
    2 spec SelfSubjectAccessReviewSpec
    3 status SubjectAccessReviewStatus?
  `,
  SelfSubjectAccessReviewSpec: `
    1 resourceAttributes *ResourceAttributes?
    2 nonResourceAttributes *NonResourceAttributes?
  `,
  ResourceAttributes: `
    1 namespace string?
    2 verb string?
    3 group string?
    4 version string?
    5 resource string?
    6 subresource string?
    7 name string?
    8 fieldSelector *FieldSelectorAttributes?
    9 labelSelector *LabelSelectorAttributes?
  `,
  FieldSelectorAttributes: `
    1 rawSelector string?
    2 requirements []meta.v1.FieldSelectorRequirement?
  `,
  LabelSelectorAttributes: `
    1 rawSelector string?
    2 requirements []meta.v1.LabelSelectorRequirement?
  `,
  NonResourceAttributes: `
    1 path string?
    2 verb string?
  `,
  SubjectAccessReviewStatus: `
    1 allowed bool
    4 denied bool?
    2 reason string?
    3 evaluationError string?
  `,
  SelfSubjectRulesReview: `
    1 metadata meta.v1.ObjectMeta?
    2 spec SelfSubjectRulesReviewSpec
    3 status SubjectRulesReviewStatus?
  `,
  SelfSubjectRulesReviewSpec: `
    1 namespace string?
  `,
  SubjectRulesReviewStatus: `
    1 resourceRules []ResourceRule
    2 nonResourceRules []NonResourceRule
    3 incomplete bool
    4 evaluationError string?
  `,
  ResourceRule: `
    1 verbs []string
    2 apiGroups []string?
    3 resources []string?
    4 resourceNames []string?
  `,
  NonResourceRule: `
    1 verbs []string
    2 nonResourceURLs []string?
  `,
});
