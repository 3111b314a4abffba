import { describe, expect, it } from 'vitest';
import { cols, kubectlVersions, lines, useKubectlCluster, type Kubectl } from '../support/index.js';

// Roles and bindings as an operator's chart ships them: stored, printed and validated as upstream
// does, never enforced (minik authorizes every request).
const chartRbac = `apiVersion: v1
kind: ServiceAccount
metadata: {name: operator}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: operator}
rules:
- apiGroups: [apps]
  resources: [deployments, deployments/status]
  verbs: [get, list, watch, update]
- nonResourceURLs: [/metrics]
  verbs: [get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: operator}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: operator}
subjects:
- {kind: ServiceAccount, name: operator, namespace: default}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: leader-election}
rules:
- apiGroups: [coordination.k8s.io]
  resources: [leases]
  verbs: [get, create, update]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: leader-election}
roleRef: {kind: Role, name: leader-election}
subjects:
- {kind: ServiceAccount, name: operator}
- {kind: User, name: alice}
- {kind: Group, name: devs}
`;

describe.each(kubectlVersions)('RBAC objects with real kubectl %s', (version) => {
  let kubectl: Kubectl;
  useKubectlCluster(version, {}, (started) => ({ kubectl } = started));

  it("applies a chart's roles and bindings and prints them with upstream's columns", async () => {
    const applied = await kubectl.run(['apply', '-f', '-'], chartRbac);
    expect(applied.stderr).toBe('');
    expect(lines(applied.stdout)).toEqual([
      'serviceaccount/operator created',
      'clusterrole.rbac.authorization.k8s.io/operator created',
      'clusterrolebinding.rbac.authorization.k8s.io/operator created',
      'role.rbac.authorization.k8s.io/leader-election created',
      'rolebinding.rbac.authorization.k8s.io/leader-election created',
    ]);
    const bindings = await kubectl.run(['get', 'rolebindings', '-o', 'wide']);
    expect(lines(cols(bindings.stdout))).toEqual([
      'NAME | ROLE | AGE | USERS | GROUPS | SERVICEACCOUNTS',
      expect.stringMatching(/^leader-election \| Role\/leader-election \| \d+s \| alice \| devs \| \/operator$/),
    ]);
    const roles = await kubectl.run(['get', 'clusterroles,roles']);
    expect(lines(cols(roles.stdout))).toEqual([
      'NAME | CREATED AT',
      expect.stringMatching(/^clusterrole\.rbac\.authorization\.k8s\.io\/operator \| \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      '',
      'NAME | CREATED AT',
      expect.stringMatching(/^role\.rbac\.authorization\.k8s\.io\/leader-election \| \d{4}-/),
    ]);
    const stored = JSON.parse((await kubectl.run(['get', 'rolebinding', 'leader-election', '-o', 'json'])).stdout);
    // Defaults: the RBAC group on the roleRef and on User and Group subjects.
    expect(stored.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'leader-election' });
    expect(stored.subjects).toEqual([
      { kind: 'ServiceAccount', name: 'operator' },
      { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'alice' },
      { kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'devs' },
    ]);
  });

  it('creates roles and bindings with kubectl create', async () => {
    const created = [
      await kubectl.run(['create', 'role', 'pod-reader', '--verb=get,list', '--resource=pods']),
      await kubectl.run(['create', 'rolebinding', 'read-pods', '--role=pod-reader', '--serviceaccount=default:operator']),
      await kubectl.run(['create', 'clusterrole', 'health', '--verb=get', '--non-resource-url=/healthz']),
      await kubectl.run(['create', 'clusterrolebinding', 'health', '--clusterrole=health', '--group=system:authenticated']),
    ];
    expect(created.map((r) => [r.code, r.stdout.trimEnd()])).toEqual([
      [0, 'role.rbac.authorization.k8s.io/pod-reader created'],
      [0, 'rolebinding.rbac.authorization.k8s.io/read-pods created'],
      [0, 'clusterrole.rbac.authorization.k8s.io/health created'],
      [0, 'clusterrolebinding.rbac.authorization.k8s.io/health created'],
    ]);
    const role = JSON.parse((await kubectl.run(['get', 'role', 'pod-reader', '-o', 'json'])).stdout);
    expect(role.rules).toEqual([{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }]);
  });

  it("rejects what upstream's validation rejects, with its messages", async () => {
    const clusterBindingToRole = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: wrong}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: x}
subjects: [{kind: ServiceAccount, name: operator}]
`;
    const r = await kubectl.run(['create', '-f', '-'], clusterBindingToRole);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd()).toBe(
      'The ClusterRoleBinding "wrong" is invalid: \n' +
        '* roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"\n' +
        '* subjects[0].namespace: Required value',
    );
    const namespacedUrls = await kubectl.run(['create', '-f', '-'], 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: urls}\nrules: [{nonResourceURLs: [/healthz], verbs: [get]}]\n');
    expect(namespacedUrls.stderr.trimEnd()).toBe('The Role "urls" is invalid: rules[0].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs');
    const noVerbs = await kubectl.run(['create', '-f', '-'], 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: empty}\nrules: [{apiGroups: [""], resources: [pods]}]\n');
    expect(noVerbs.stderr.trimEnd()).toBe('The Role "empty" is invalid: rules[0].verbs: Required value: verbs must contain at least one value');
  });

  it('keeps a binding’s roleRef immutable', async () => {
    expect((await kubectl.run(['create', 'rolebinding', 'fixed', '--clusterrole=view', '--user=bob'])).code).toBe(0);
    const r = await kubectl.run(['patch', 'rolebinding', 'fixed', '--type=merge', '-p', '{"roleRef":{"name":"edit"}}']);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd()).toBe(
      'The RoleBinding "fixed" is invalid: roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"edit"}: cannot change roleRef',
    );
  });
});
