import { apiVersionField, atomicStrings, field, kindField, list, metaV1, object, objectMetaField, rbacV1, ref, str } from './schema-builders.js';
import type { ObjectDefinition } from './schema-types.js';

// Field sets, types and required fields follow the Kubernetes 1.33 OpenAPI definitions; list
// annotations follow the +listType markers of k8s.io/api/rbac/v1. Descriptions are shortened to
// their opening sentences.

const group = 'rbac.authorization.k8s.io';

function withList(name: string, description: string, fields: Parameters<typeof object>[2]): ObjectDefinition[] {
  return [
    object(rbacV1(name), description, { apiVersion: apiVersionField, kind: kindField, metadata: objectMetaField(), ...fields }, { gvk: { group, version: 'v1', kind: name } }),
    object(rbacV1(`${name}List`), `${name}List is a collection of ${name}s`, {
      apiVersion: apiVersionField,
      items: field(list(ref(rbacV1(name))), `Items is a list of ${name}s`, { required: true }),
      kind: kindField,
      metadata: field(ref(metaV1('ListMeta')), 'Standard object\'s metadata.'),
    }, { gvk: { group, version: 'v1', kind: `${name}List` } }),
  ];
}

const rules = field(list(ref(rbacV1('PolicyRule')), { listType: 'atomic' }), 'Rules holds all the PolicyRules for this Role');
const subjects = field(list(ref(rbacV1('Subject')), { listType: 'atomic' }), 'Subjects holds references to the objects the role applies to.');

/** rbac.authorization.k8s.io/v1: Role, ClusterRole and their bindings (stored; minik enforces none). */
export const rbacV1Schemas: readonly ObjectDefinition[] = [
  ...withList('Role', 'Role is a namespaced, logical grouping of PolicyRules that can be referenced as a unit by a RoleBinding.', { rules }),
  ...withList('ClusterRole', 'ClusterRole is a cluster level, logical grouping of PolicyRules that can be referenced as a unit by a RoleBinding or ClusterRoleBinding.', {
    aggregationRule: field(ref(rbacV1('AggregationRule')), 'AggregationRule is an optional field that describes how to build the Rules for this ClusterRole.'),
    rules,
  }),
  ...withList('RoleBinding', 'RoleBinding references a role, but does not contain it.', {
    roleRef: field(ref(rbacV1('RoleRef')), 'RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace.', { required: true }),
    subjects,
  }),
  ...withList('ClusterRoleBinding', 'ClusterRoleBinding references a ClusterRole, but not contain it.', {
    roleRef: field(ref(rbacV1('RoleRef')), 'RoleRef can only reference a ClusterRole in the global namespace.', { required: true }),
    subjects,
  }),
  object(rbacV1('PolicyRule'), 'PolicyRule holds information that describes a policy rule, but does not contain information about who the rule applies to or which namespace the rule applies to.', {
    apiGroups: field(atomicStrings, 'APIGroups is the name of the APIGroup that contains the resources.'),
    nonResourceURLs: field(atomicStrings, 'NonResourceURLs is a set of partial urls that a user should have access to.'),
    resourceNames: field(atomicStrings, 'ResourceNames is an optional white list of names that the rule applies to.'),
    resources: field(atomicStrings, 'Resources is a list of resources this rule applies to.'),
    verbs: field(atomicStrings, 'Verbs is a list of Verbs that apply to ALL the ResourceKinds contained in this rule.', { required: true }),
  }),
  object(rbacV1('Subject'), 'Subject contains a reference to the object or user identities a role binding applies to.', {
    apiGroup: field(str, 'APIGroup holds the API group of the referenced subject.'),
    kind: field(str, 'Kind of object being referenced. Values defined by this API group are "User", "Group", and "ServiceAccount".', { required: true }),
    name: field(str, 'Name of the object being referenced.', { required: true }),
    namespace: field(str, 'Namespace of the referenced object.'),
  }, { mapType: 'atomic' }),
  object(rbacV1('RoleRef'), 'RoleRef contains information that points to the role being used', {
    apiGroup: field(str, 'APIGroup is the group for the resource being referenced', { required: true }),
    kind: field(str, 'Kind is the type of resource being referenced', { required: true }),
    name: field(str, 'Name is the name of resource being referenced', { required: true }),
  }, { mapType: 'atomic' }),
  object(rbacV1('AggregationRule'), 'AggregationRule describes how to locate ClusterRoles to aggregate into the ClusterRole', {
    clusterRoleSelectors: field(list(ref(metaV1('LabelSelector')), { listType: 'atomic' }), 'ClusterRoleSelectors holds a list of selectors which will be used to find ClusterRoles and create the rules.'),
  }),
];
