import type { PodSpec, Toleration } from '@minik/types';
import { defaultField, objectsOf, stringOf, type JsonObject } from './object-fields.js';

/**
 * The mutating admission plugins a default kube-apiserver runs on every new Pod. Templates never
 * see them; the controllers' Pods do, because they are created through the API like any other.
 */
export function admitPod(spec: PodSpec): void {
  admitServiceAccount(spec);
  admitPriority(spec);
  admitDefaultTolerationSeconds(spec);
}

/**
 * ServiceAccount plugin: a Pod without one runs as `default`. (The real plugin also mounts a
 * `kube-api-access-*` projected token volume; minik has no tokens to project.)
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/plugin/pkg/admission/serviceaccount/admission.go
 */
function admitServiceAccount(spec: PodSpec): void {
  const s = spec as unknown as JsonObject;
  if (stringOf(s.serviceAccountName) === '') s.serviceAccountName = 'default';
  s.serviceAccount = s.serviceAccountName;
}

// The built-in PriorityClasses every cluster has; anything else resolves to the global default 0.
const builtinPriorityClasses: Readonly<Record<string, number>> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

/**
 * Priority plugin: resolves priorityClassName to `priority` and fills `preemptionPolicy`.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/plugin/pkg/admission/priority/admission.go
 */
function admitPriority(spec: PodSpec): void {
  const s = spec as unknown as JsonObject;
  if (typeof s.priority !== 'number') s.priority = builtinPriorityClasses[stringOf(s.priorityClassName)] ?? 0;
  defaultField(s, 'preemptionPolicy', 'PreemptLowerPriority');
}

const notReadyToleration: Toleration = {
  key: 'node.kubernetes.io/not-ready',
  operator: 'Exists',
  effect: 'NoExecute',
  tolerationSeconds: 300,
};
const unreachableToleration: Toleration = {
  key: 'node.kubernetes.io/unreachable',
  operator: 'Exists',
  effect: 'NoExecute',
  tolerationSeconds: 300,
};

/**
 * DefaultTolerationSeconds plugin: Pods tolerate not-ready and unreachable nodes for 300s unless
 * they already tolerate those taints (an empty key or effect counts as tolerating them).
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/plugin/pkg/admission/defaulttolerationseconds/admission.go
 */
function admitDefaultTolerationSeconds(spec: PodSpec): void {
  const s = spec as unknown as JsonObject;
  const tolerations = objectsOf(s.tolerations);
  const tolerates = (taintKey: string): boolean =>
    tolerations.some((t) => {
      const key = stringOf(t.key);
      const effect = stringOf(t.effect);
      return (key === taintKey || key === '') && (effect === 'NoExecute' || effect === '');
    });
  const added: Toleration[] = [];
  if (!tolerates(notReadyToleration.key ?? '')) added.push({ ...notReadyToleration });
  if (!tolerates(unreachableToleration.key ?? '')) added.push({ ...unreachableToleration });
  if (added.length > 0) s.tolerations = [...(Array.isArray(s.tolerations) ? s.tolerations : []), ...added];
}
