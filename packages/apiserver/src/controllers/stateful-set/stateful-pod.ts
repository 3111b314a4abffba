import type { KubeObject, PodTemplateSpec } from '@minik/types';
import type { PodObject } from '../shared/object-types.js';
import { cloneJson } from '../../util/clone-json.js';

/** Labels the StatefulSet controller puts on its pods. */
export const statefulSetLabels = {
  podName: 'statefulset.kubernetes.io/pod-name',
  podIndex: 'apps.kubernetes.io/pod-index',
  revisionHash: 'controller-revision-hash',
} as const;

/** A StatefulSet as the pod builder reads it. */
export interface StatefulSetShape {
  metadata: KubeObject['metadata'];
  spec: {
    serviceName?: string;
    template?: PodTemplateSpec;
    volumeClaimTemplates?: { metadata?: { name?: string } }[];
  };
}

/**
 * newVersionedStatefulSetPod: `<set>-<ordinal>` with the identity labels, hostname and subdomain
 * (the governing Service), the revision label, and a volume per claim template naming the claim
 * `<template>-<set>-<ordinal>` (unless the template already declares a volume of that name).
 */
export function statefulPod(set: StatefulSetShape, ordinal: number, revision: string, ownerReference: NonNullable<KubeObject['metadata']['ownerReferences']>[number]): PodObject {
  const setName = set.metadata.name ?? '';
  const name = `${setName}-${ordinal}`;
  const template = set.spec.template;
  const spec = cloneJson(template?.spec ?? { containers: [] });
  spec.hostname = name;
  if (set.spec.serviceName) spec.subdomain = set.spec.serviceName;
  const volumes = [...(spec.volumes ?? [])];
  for (const claim of set.spec.volumeClaimTemplates ?? []) {
    const claimName = claim.metadata?.name ?? '';
    if (volumes.some((v) => v.name === claimName)) continue;
    volumes.push({ name: claimName, persistentVolumeClaim: { claimName: `${claimName}-${name}` } });
  }
  if (volumes.length > 0) spec.volumes = volumes;
  const pod: PodObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: set.metadata.namespace,
      labels: {
        ...template?.metadata?.labels,
        [statefulSetLabels.revisionHash]: revision,
        [statefulSetLabels.podName]: name,
        [statefulSetLabels.podIndex]: String(ordinal),
      },
      ownerReferences: [ownerReference],
    },
    spec,
  };
  if (template?.metadata?.annotations) pod.metadata.annotations = { ...template.metadata.annotations };
  return pod;
}

/** The ordinal of a pod of the set, from its `<set>-<n>` name; undefined for other pods. */
export function ordinalOf(setName: string, podName: string | undefined): number | undefined {
  if (!podName?.startsWith(`${setName}-`)) return undefined;
  const rest = podName.slice(setName.length + 1);
  return /^(0|[1-9]\d*)$/.test(rest) ? Number(rest) : undefined;
}
