import type { Container, Pod } from '@minik/types';
import { podFromTemplate } from '../replica-set/pod-from-template.js';
import { newControllerRef } from '../shared/controller-ref.js';
import type { PodObject } from '../shared/object-types.js';
import { isPodReady } from '../shared/pod-conditions.js';
import { completionIndexKey, jobKind, jobTrackingFinalizer, type JobObject } from './job-types.js';

/** Whether a pod still carries the Job tracking finalizer. */
export function hasTrackingFinalizer(pod: Readonly<PodObject>): boolean {
  return pod.metadata.finalizers?.includes(jobTrackingFinalizer) ?? false;
}

/** The completion index of an Indexed Job's pod, from its annotation; undefined when missing or malformed. */
export function completionIndexOf(pod: Readonly<PodObject>): number | undefined {
  const text = pod.metadata.annotations?.[completionIndexKey];
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

/**
 * isPodFailed: Failed, or (unless only failed pods are replaced) deleted before it succeeded, so
 * orphaned pods that never reach a phase still count.
 */
export function isPodFailed(pod: Readonly<PodObject>, job: Readonly<JobObject>): boolean {
  if (pod.status?.phase === 'Failed') return true;
  if (job.spec.podReplacementPolicy === 'Failed') return false;
  return pod.metadata.deletionTimestamp !== undefined && pod.status?.phase !== 'Succeeded';
}

/** controller.CountTerminatingPods: being deleted and not yet terminal. */
export function isPodTerminating(pod: Readonly<PodObject>): boolean {
  const phase = pod.status?.phase;
  return pod.metadata.deletionTimestamp !== undefined && phase !== 'Succeeded' && phase !== 'Failed';
}

/**
 * getFinishedTime: when a pod finished, the latest container termination; otherwise its deletion
 * time or `now` (used for the pod failure back-off).
 */
export function podFinishTime(pod: Readonly<PodObject>, now: number): number {
  let latest: number | undefined;
  for (const status of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) {
    const at = status.state?.terminated?.finishedAt ? Date.parse(status.state.terminated.finishedAt) : NaN;
    if (!Number.isNaN(at) && (latest === undefined || at > latest)) latest = at;
  }
  if (latest !== undefined) return latest;
  const deleted = pod.metadata.deletionTimestamp ? Date.parse(pod.metadata.deletionTimestamp) : NaN;
  return Number.isNaN(deleted) ? now : deleted;
}

/**
 * The pod manageJob creates: the template with the tracking finalizer, named `<job>-`; for an
 * Indexed Job also the completion index annotation and label, `JOB_COMPLETION_INDEX` in every
 * container, the hostname `<job>-<index>` and the name prefix `<job>-<index>-`.
 */
export function jobPod(job: Readonly<JobObject>, index: number | undefined): PodObject {
  const pod = podFromTemplate(job.spec.template, job, newControllerRef(job, jobKind));
  pod.metadata.finalizers = [...(pod.metadata.finalizers ?? []).filter((f) => f !== jobTrackingFinalizer), jobTrackingFinalizer];
  if (index === undefined) return pod;
  const name = job.metadata.name ?? '';
  pod.metadata.generateName = `${name}-${index}-`;
  pod.metadata.annotations = { ...pod.metadata.annotations, [completionIndexKey]: String(index) };
  pod.metadata.labels = { ...pod.metadata.labels, [completionIndexKey]: String(index) };
  pod.spec.hostname = `${name}-${index}`;
  const withIndexEnv = (c: Container): Container =>
    c.env?.some((e) => e.name === 'JOB_COMPLETION_INDEX')
      ? c
      : { ...c, env: [...(c.env ?? []), { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: `metadata.annotations['${completionIndexKey}']` } } }] };
  pod.spec.containers = pod.spec.containers.map(withIndexEnv);
  if (pod.spec.initContainers) pod.spec.initContainers = pod.spec.initContainers.map(withIndexEnv);
  return pod;
}

/**
 * controller.ActivePods ordering for removal: unscheduled before scheduled, pending before
 * running, not ready before ready, newer before older.
 */
export function removalOrder(a: Readonly<PodObject>, b: Readonly<PodObject>): number {
  const scheduled = (p: Readonly<PodObject>): number => (p.spec.nodeName ? 1 : 0);
  const phaseRank = (p: Readonly<PodObject>): number => ({ Pending: 0, Unknown: 1, Running: 2 })[p.status?.phase ?? 'Pending'] ?? 0;
  const ready = (p: Readonly<PodObject>): number => (isPodReady(p as Pod & PodObject) ? 1 : 0);
  return (
    scheduled(a) - scheduled(b) ||
    phaseRank(a) - phaseRank(b) ||
    ready(a) - ready(b) ||
    (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '')
  );
}

/** Restarts of a pod's containers while it runs (pastBackoffLimitOnFailure counts them). */
export function restartCount(pod: Readonly<PodObject>): number {
  const phase = pod.status?.phase;
  if (phase !== 'Running' && phase !== 'Pending') return 0;
  return [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].reduce((n, s) => n + (s.restartCount ?? 0), 0);
}
