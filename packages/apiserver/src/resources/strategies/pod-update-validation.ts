import type { PodSpec } from '@minik/types';
import { fieldErrors, type FieldError } from '../../errors/index.js';
import { cloneJson, objectsOf, stringOf, type JsonObject } from './object-fields.js';
import { validateTolerations } from './pod-spec-validation.js';
import { inclusiveRangeError } from './port-validation.js';
import { semanticForm, semanticallyEqual } from './semantic-equality.js';

/**
 * A Pod's spec is immutable but for a few fields (ValidatePodUpdate,
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/apis/core/validation/validation.go).
 */
export const updatablePodSpecFields = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
] as const;

const maxInt32 = 2147483647;

/** Field errors of changing a Pod's spec from `oldSpec` to `newSpec`. */
export function validatePodSpecUpdate(newSpec: PodSpec | undefined, oldSpec: PodSpec | undefined): FieldError[] {
  const next = (newSpec ?? {}) as unknown as JsonObject;
  const prev = (oldSpec ?? {}) as unknown as JsonObject;
  const errs: FieldError[] = [];
  for (const key of ['containers', 'initContainers']) {
    const result = validateContainerUpdates(next[key], prev[key], `spec.${key}`);
    errs.push(...result.errors);
    if (result.stop) return errs;
  }

  // activeDeadlineSeconds may go from unset to positive, or decrease; never back to unset.
  const newDeadline = typeof next.activeDeadlineSeconds === 'number' ? next.activeDeadlineSeconds : undefined;
  const oldDeadline = typeof prev.activeDeadlineSeconds === 'number' ? prev.activeDeadlineSeconds : undefined;
  if (newDeadline !== undefined) {
    if (newDeadline < 0 || newDeadline > maxInt32) {
      errs.push(fieldErrors.invalid('spec.activeDeadlineSeconds', newDeadline, inclusiveRangeError(0, maxInt32)));
      return errs;
    }
    if (oldDeadline !== undefined && oldDeadline < newDeadline) {
      errs.push(fieldErrors.invalid('spec.activeDeadlineSeconds', newDeadline, 'must be less than or equal to previous value'));
      return errs;
    }
  } else if (oldDeadline !== undefined) {
    errs.push(fieldErrors.invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'));
  }

  errs.push(...validateOnlyAddedTolerations(next.tolerations, prev.tolerations));
  errs.push(...validateOnlyDeletedSchedulingGates(next.schedulingGates, prev.schedulingGates));

  if (semanticallyEqual(next, prev)) return errs;

  // Put the updatable fields back to their old values; anything still different is forbidden.
  const munged = cloneJson(next);
  mungeImages(munged, prev, 'containers');
  mungeImages(munged, prev, 'initContainers');
  munged.activeDeadlineSeconds = prev.activeDeadlineSeconds;
  munged.schedulingGates = prev.schedulingGates;
  munged.tolerations = prev.tolerations;
  const oldGrace = prev.terminationGracePeriodSeconds;
  if (typeof oldGrace === 'number' && oldGrace < 0 && munged.terminationGracePeriodSeconds === 1) munged.terminationGracePeriodSeconds = oldGrace;
  if (!semanticallyEqual(munged, prev)) {
    errs.push(fieldErrors.forbidden('spec', `pod updates may not change fields other than ${updatablePodSpecFields.join(',')}\n${specDiff(prev, munged)}`));
  }
  return errs;
}

function validateContainerUpdates(next: unknown, prev: unknown, path: string): { errors: FieldError[]; stop: boolean } {
  const newList = objectsOf(next);
  if (newList.length !== objectsOf(prev).length) {
    return { errors: [fieldErrors.forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  }
  const errors: FieldError[] = [];
  newList.forEach((c, i) => {
    const image = stringOf(c.image);
    if (image.length === 0) errors.push(fieldErrors.required(`${path}[${i}].image`));
    if (image.trim().length !== image.length) errors.push(fieldErrors.invalid(`${path}[${i}].image`, image, 'must not have leading or trailing whitespace'));
  });
  return { errors, stop: false };
}

function validateOnlyAddedTolerations(next: unknown, prev: unknown): FieldError[] {
  const newTolerations = objectsOf(next);
  for (const old of objectsOf(prev)) {
    // tolerationSeconds may change; every other field of an existing toleration must stay.
    const found = newTolerations.some((t) => semanticallyEqual({ ...old, tolerationSeconds: t.tolerationSeconds }, t));
    if (!found) return [fieldErrors.forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return validateTolerations(next, 'spec.tolerations');
}

function validateOnlyDeletedSchedulingGates(next: unknown, prev: unknown): FieldError[] {
  const oldNames = new Set(objectsOf(prev).map((g) => stringOf(g.name)));
  const errs: FieldError[] = [];
  objectsOf(next).forEach((gate, i) => {
    const name = stringOf(gate.name);
    if (!oldNames.has(name)) errs.push(fieldErrors.forbidden(`spec.schedulingGates[${i}].name`, `only deletion is allowed, but found new scheduling gate '${name}'`));
  });
  return errs;
}

function mungeImages(munged: JsonObject, prev: JsonObject, key: string): void {
  const oldList = objectsOf(prev[key]);
  objectsOf(munged[key]).forEach((c, i) => {
    c.image = oldList[i]?.image;
  });
}

/**
 * A short diff of the spec fields that differ, in the spirit of the cmp.Diff upstream appends
 * (its exact Go rendering is not reproduced).
 */
function specDiff(prev: JsonObject, next: JsonObject): string {
  const keys = [...new Set([...Object.keys(prev), ...Object.keys(next)])].sort();
  const lines = ['  core.PodSpec{'];
  let identical = 0;
  for (const key of keys) {
    const before = semanticForm(prev[key]);
    const after = semanticForm(next[key]);
    if (JSON.stringify(before) === JSON.stringify(after)) {
      if (before !== undefined) identical++;
      continue;
    }
    if (before !== undefined) lines.push(`- \t${key}: ${JSON.stringify(prev[key])},`);
    if (after !== undefined) lines.push(`+ \t${key}: ${JSON.stringify(next[key])},`);
  }
  if (identical > 0) lines.splice(1, 0, `  \t... // ${identical} identical fields`);
  lines.push('  }');
  return lines.join('\n');
}

