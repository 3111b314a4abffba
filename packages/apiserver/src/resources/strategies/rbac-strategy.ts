import type { KubeObject } from '@minik/types';
import { fieldErrors, GoValue, type FieldError } from '../../errors/index.js';
import type { ResourceStrategy } from '../resource-strategy.js';
import { uniqueErrors } from './field-error-list.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './metadata-validation.js';
import { nameIsDNSSubdomain, type NameValidator } from './name-validation.js';
import { goQuote, goStringSlice } from './go-syntax.js';
import { isJsonObject } from './object-fields.js';

// rbac.authorization.k8s.io/v1: Roles, ClusterRoles and their bindings are stored and validated as
// upstream validates them; nothing enforces them (minik authorizes every request).
// https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/apis/rbac/validation/validation.go

const rbacGroup = 'rbac.authorization.k8s.io';

/** ValidateRBACName: path.IsValidPathSegmentName. */
const nameIsPathSegment: NameValidator = (name) => {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  return ['/', '%'].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
};

type Json = Record<string, unknown>;
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const goStrings = (value: string[]): GoValue => new GoValue(goStringSlice(value));

function validatePolicyRule(rule: Json, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (strings(rule.verbs).length === 0) errs.push(fieldErrors.required(`${path}.verbs`, 'verbs must contain at least one value'));
  const urls = strings(rule.nonResourceURLs);
  if (urls.length > 0) {
    if (namespaced) errs.push(fieldErrors.invalid(`${path}.nonResourceURLs`, goStrings(urls), 'namespaced rules cannot apply to non-resource URLs'));
    if (strings(rule.apiGroups).length > 0 || strings(rule.resources).length > 0 || strings(rule.resourceNames).length > 0) {
      errs.push(fieldErrors.invalid(`${path}.nonResourceURLs`, goStrings(urls), 'rules cannot apply to both regular resources and non-resource URLs'));
    }
    return errs;
  }
  if (strings(rule.apiGroups).length === 0) errs.push(fieldErrors.required(`${path}.apiGroups`, 'resource rules must supply at least one api group'));
  if (strings(rule.resources).length === 0) errs.push(fieldErrors.required(`${path}.resources`, 'resource rules must supply at least one resource'));
  return errs;
}

function validateRules(obj: KubeObject, namespaced: boolean): FieldError[] {
  const rules = Array.isArray(obj.rules) ? (obj.rules as unknown[]) : [];
  return rules.flatMap((rule, i) => validatePolicyRule(isJsonObject(rule) ? rule : {}, namespaced, `rules[${i}]`));
}

function validateAggregationRule(obj: KubeObject): FieldError[] {
  if (!isJsonObject(obj.aggregationRule)) return [];
  const selectors = obj.aggregationRule.clusterRoleSelectors;
  if (!Array.isArray(selectors) || selectors.length === 0) {
    return [fieldErrors.required('aggregationRule.clusterRoleSelectors', 'at least one clusterRoleSelector required if aggregationRule is non-nil')];
  }
  return [];
}

function validateSubject(subject: Json, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = typeof subject.name === 'string' ? subject.name : '';
  const apiGroup = typeof subject.apiGroup === 'string' ? subject.apiGroup : '';
  if (name === '') errs.push(fieldErrors.required(`${path}.name`));
  switch (subject.kind) {
    case 'ServiceAccount':
      if (name !== '') for (const msg of nameIsDNSSubdomain(name, false)) errs.push(fieldErrors.invalid(`${path}.name`, name, msg));
      if (apiGroup !== '') errs.push(fieldErrors.notSupported(`${path}.apiGroup`, apiGroup, ['']));
      if (!namespaced && !subject.namespace) errs.push(fieldErrors.required(`${path}.namespace`));
      break;
    case 'User':
    case 'Group':
      if (apiGroup !== rbacGroup) errs.push(fieldErrors.notSupported(`${path}.apiGroup`, apiGroup, [rbacGroup]));
      break;
    default:
      errs.push(fieldErrors.notSupported(`${path}.kind`, typeof subject.kind === 'string' ? subject.kind : '', ['ServiceAccount', 'User', 'Group']));
  }
  return errs;
}

function validateBinding(obj: KubeObject, roleKinds: string[]): FieldError[] {
  const roleRef = isJsonObject(obj.roleRef) ? obj.roleRef : {};
  const errs: FieldError[] = [];
  const apiGroup = typeof roleRef.apiGroup === 'string' ? roleRef.apiGroup : '';
  const kind = typeof roleRef.kind === 'string' ? roleRef.kind : '';
  const name = typeof roleRef.name === 'string' ? roleRef.name : '';
  if (apiGroup !== rbacGroup) errs.push(fieldErrors.notSupported('roleRef.apiGroup', apiGroup, [rbacGroup]));
  if (!roleKinds.includes(kind)) errs.push(fieldErrors.notSupported('roleRef.kind', kind, roleKinds));
  if (name === '') errs.push(fieldErrors.required('roleRef.name'));
  else for (const msg of nameIsPathSegment(name, false)) errs.push(fieldErrors.invalid('roleRef.name', name, msg));
  const subjects = Array.isArray(obj.subjects) ? (obj.subjects as unknown[]) : [];
  const namespaced = roleKinds.includes('Role');
  subjects.forEach((subject, i) => errs.push(...validateSubject(isJsonObject(subject) ? subject : {}, namespaced, `subjects[${i}]`)));
  return errs;
}

/** Go's %#v of the internal RoleRef, as the "cannot change roleRef" error prints it. */
function roleRefValue(roleRef: unknown): GoValue {
  const ref = isJsonObject(roleRef) ? roleRef : {};
  const text = (key: string) => goQuote(typeof ref[key] === 'string' ? ref[key] : '');
  return new GoValue(`rbac.RoleRef{APIGroup:${text('apiGroup')}, Kind:${text('kind')}, Name:${text('name')}}`);
}

/** SetDefaults_RoleBinding / _ClusterRoleBinding / _Subject: the RBAC group where it is implied. */
function defaultBinding(obj: KubeObject): void {
  // RoleRef's fields in the Go struct's order: apiGroup, kind, name.
  if (isJsonObject(obj.roleRef) && !obj.roleRef.apiGroup) {
    const { apiGroup: _empty, ...rest } = obj.roleRef;
    obj.roleRef = { apiGroup: rbacGroup, ...rest };
  }
  if (!Array.isArray(obj.subjects)) return;
  obj.subjects = (obj.subjects as unknown[]).map((subject) => {
    if (!isJsonObject(subject) || subject.apiGroup || (subject.kind !== 'User' && subject.kind !== 'Group')) return subject;
    // In the Go struct's field order: kind, apiGroup, name, namespace.
    const { kind, apiGroup: _empty, ...rest } = subject;
    return { kind, apiGroup: rbacGroup, ...rest };
  });
}

function roleStrategy(namespaced: boolean): ResourceStrategy {
  const validate = (obj: KubeObject): FieldError[] => [...validateObjectMeta(obj.metadata, nameIsPathSegment), ...validateRules(obj, namespaced), ...(namespaced ? [] : validateAggregationRule(obj))];
  return {
    validateCreate: validate,
    validateUpdate: (obj) => uniqueErrors([...validateObjectMetaUpdate(obj.metadata), ...validate(obj)]),
  };
}

function bindingStrategy(roleKinds: string[]): ResourceStrategy {
  const validate = (obj: KubeObject): FieldError[] => [...validateObjectMeta(obj.metadata, nameIsPathSegment), ...validateBinding(obj, roleKinds)];
  return {
    applyDefaults: defaultBinding,
    validateCreate: validate,
    validateUpdate(obj, old) {
      const same = roleRefValue(obj.roleRef).text === roleRefValue(old.roleRef).text;
      const immutable = same ? [] : [fieldErrors.invalid('roleRef', roleRefValue(obj.roleRef), 'cannot change roleRef')];
      return uniqueErrors([...validateObjectMetaUpdate(obj.metadata), ...validate(obj), ...immutable]);
    },
  };
}

export const rbacRoleStrategy = roleStrategy(true);
export const rbacClusterRoleStrategy = roleStrategy(false);
export const rbacRoleBindingStrategy = bindingStrategy(['Role', 'ClusterRole']);
export const rbacClusterRoleBindingStrategy = bindingStrategy(['ClusterRole']);
