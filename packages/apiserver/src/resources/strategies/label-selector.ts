import type { LabelSelector } from '@minik/types';
import { fieldErrors, type FieldError } from '../../errors/index.js';
import { validateLabels } from './metadata-validation.js';
import { isQualifiedName, isValidLabelValue } from './name-validation.js';

/**
 * metav1.LabelSelector validation and matching
 * (k8s.io/apimachinery/pkg/apis/meta/v1/validation and metav1.LabelSelectorAsSelector).
 */

/** Field errors of a selector; a selector with none also converts to a labels.Selector. */
export function validateLabelSelector(selector: LabelSelector | null | undefined, path: string): FieldError[] {
  if (selector === null || selector === undefined) return [];
  const errs = validateLabels(selector.matchLabels, `${path}.matchLabels`);
  (selector.matchExpressions ?? []).forEach((req, i) => {
    const reqPath = `${path}.matchExpressions[${i}]`;
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) errs.push(fieldErrors.required(`${reqPath}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) errs.push(fieldErrors.forbidden(`${reqPath}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      default:
        errs.push(fieldErrors.invalid(`${reqPath}.operator`, req.operator ?? '', 'not a valid selector operator'));
    }
    for (const msg of isQualifiedName(req.key ?? '')) errs.push(fieldErrors.invalid(`${reqPath}.key`, req.key ?? '', msg));
    values.forEach((value, vi) => {
      for (const msg of isValidLabelValue(value)) errs.push(fieldErrors.invalid(`${reqPath}.values[${vi}]`, value, msg));
    });
  });
  return errs;
}

/** True when the selector selects everything (`{}`): upstream then skips the template match check. */
export function isEmptySelector(selector: LabelSelector | null | undefined): boolean {
  return (
    selector !== null &&
    selector !== undefined &&
    Object.keys(selector.matchLabels ?? {}).length === 0 &&
    (selector.matchExpressions ?? []).length === 0
  );
}

/** Whether `labels` satisfy the selector; a missing selector matches nothing (labels.Nothing()). */
export function selectorMatches(selector: LabelSelector | null | undefined, labels: Readonly<Record<string, string>> | undefined): boolean {
  if (selector === null || selector === undefined) return false;
  const set = labels ?? {};
  const has = (key: string): boolean => Object.prototype.hasOwnProperty.call(set, key);
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (!has(key) || set[key] !== value) return false;
  }
  for (const req of selector.matchExpressions ?? []) {
    const key = req.key ?? '';
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
        if (!has(key) || !values.includes(set[key] ?? '')) return false;
        break;
      case 'NotIn':
        if (has(key) && values.includes(set[key] ?? '')) return false;
        break;
      case 'Exists':
        if (!has(key)) return false;
        break;
      case 'DoesNotExist':
        if (has(key)) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
