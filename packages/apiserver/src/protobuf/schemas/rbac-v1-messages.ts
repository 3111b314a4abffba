import { defineMessages } from '../message-schema.js';

/** k8s.io/api/rbac/v1 (`kubectl create role|clusterrole|rolebinding|clusterrolebinding`). */
export const rbacV1Messages = defineMessages('rbac.v1', {
  Role: `
    1 metadata meta.v1.ObjectMeta?
    2 rules []PolicyRule
  `,
  ClusterRole: `
    1 metadata meta.v1.ObjectMeta?
    2 rules []PolicyRule
    3 aggregationRule *AggregationRule?
  `,
  AggregationRule: `
    1 clusterRoleSelectors []meta.v1.LabelSelector?
  `,
  PolicyRule: `
    1 verbs []string
    2 apiGroups []string?
    3 resources []string?
    4 resourceNames []string?
    5 nonResourceURLs []string?
  `,
  RoleBinding: `
    1 metadata meta.v1.ObjectMeta?
    2 subjects []Subject?
    3 roleRef RoleRef
  `,
  ClusterRoleBinding: `
    1 metadata meta.v1.ObjectMeta?
    2 subjects []Subject?
    3 roleRef RoleRef
  `,
  Subject: `
    1 kind string
    2 apiGroup string?
    3 name string
    4 namespace string?
  `,
  RoleRef: `
    1 apiGroup string
    2 kind string
    3 name string
  `,
});
