import type { KubeObject } from '@minik/types';
import { ageOf } from './human-duration.js';

interface Binding extends KubeObject {
  roleRef?: { kind?: string; name?: string };
  subjects?: { kind?: string; name?: string; namespace?: string }[] | null;
}

/**
 * All cells of a RoleBinding or ClusterRoleBinding row: Name, Role (`Kind/name`), Age, then the
 * bound Users, Groups and ServiceAccounts (`namespace/name`), each comma-separated (rbac
 * SubjectsStrings).
 */
export function roleBindingCells(binding: Binding, now: number): unknown[] {
  const users: string[] = [];
  const groups: string[] = [];
  const serviceAccounts: string[] = [];
  for (const subject of binding.subjects ?? []) {
    if (subject.kind === 'ServiceAccount') serviceAccounts.push(`${subject.namespace ?? ''}/${subject.name ?? ''}`);
    else if (subject.kind === 'User') users.push(subject.name ?? '');
    else if (subject.kind === 'Group') groups.push(subject.name ?? '');
  }
  const role = `${binding.roleRef?.kind ?? ''}/${binding.roleRef?.name ?? ''}`;
  return [binding.metadata?.name ?? '', role, ageOf(binding.metadata?.creationTimestamp, now), users.join(', '), groups.join(', '), serviceAccounts.join(', ')];
}
