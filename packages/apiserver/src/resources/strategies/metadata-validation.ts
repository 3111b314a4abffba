import type { ObjectMeta } from '@minik/types';
import { fieldErrors, type FieldError } from '../../errors/index.js';
import { isQualifiedName, isValidLabelValue, type NameValidator } from './name-validation.js';

/**
 * ObjectMeta checks the generic handler leaves to the strategies: the name format of the kind,
 * labels, annotations, finalizers and owner references
 * (k8s.io/apimachinery/pkg/api/validation/objectmeta.go).
 */

/** Upstream's limit on the summed size of all annotation keys and values (256 KiB). */
export const totalAnnotationSizeLimit = 256 * 1024;

/** Label keys must be qualified names and values short label values. */
export function validateLabels(labels: Readonly<Record<string, unknown>> | null | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [key, raw] of Object.entries(labels ?? {})) {
    for (const msg of isQualifiedName(key)) errs.push(fieldErrors.invalid(path, key, msg));
    const value = String(raw ?? '');
    for (const msg of isValidLabelValue(value)) errs.push(fieldErrors.invalid(path, value, msg));
  }
  return errs;
}

/** Annotation keys are qualified names compared case-insensitively; the total size is bounded. */
export function validateAnnotations(annotations: Readonly<Record<string, unknown>> | null | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const [key, raw] of Object.entries(annotations ?? {})) {
    for (const msg of isQualifiedName(key.toLowerCase())) errs.push(fieldErrors.invalid(path, key, msg));
    size += Buffer.byteLength(key) + Buffer.byteLength(String(raw ?? ''));
  }
  if (size > totalAnnotationSizeLimit) errs.push(fieldErrors.tooLong(path, totalAnnotationSizeLimit));
  return errs;
}

/** The finalizers upstream accepts without a domain prefix (helper.IsStandardFinalizerName). */
export const standardFinalizerNames: readonly string[] = ['kubernetes', 'orphan', 'foregroundDeletion'];

/** A finalizer name: a qualified name, and a standard one unless it has a `domain/` prefix. */
export function validateFinalizerName(finalizer: string, path: string): FieldError[] {
  const errs = isQualifiedName(finalizer).map((msg) => fieldErrors.invalid(path, finalizer, msg));
  if (!finalizer.includes('/') && !standardFinalizerNames.includes(finalizer)) {
    errs.push(fieldErrors.invalid(path, finalizer, 'name is neither a standard finalizer name nor is it fully qualified'));
  }
  return errs;
}

function validateFinalizers(finalizers: readonly string[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const finalizer of finalizers ?? []) errs.push(...validateFinalizerName(finalizer, path));
  if (finalizers?.includes('orphan') && finalizers.includes('foregroundDeletion')) {
    errs.push(fieldErrors.invalid(path, finalizers, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return errs;
}

function validateOwnerReferences(meta: ObjectMeta, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of meta.ownerReferences ?? []) {
    const version = (ref.apiVersion ?? '').split('/').pop() ?? '';
    if (version === '') errs.push(fieldErrors.invalid(`${path}.apiVersion`, ref.apiVersion ?? '', 'version must not be empty'));
    if (!ref.kind) errs.push(fieldErrors.invalid(`${path}.kind`, ref.kind ?? '', 'must not be empty'));
    if (!ref.name) errs.push(fieldErrors.invalid(`${path}.name`, ref.name ?? '', 'must not be empty'));
    if (!ref.uid) errs.push(fieldErrors.invalid(`${path}.uid`, ref.uid ?? '', 'must not be empty'));
    if (ref.controller === true) {
      const current = `${ref.kind}/${ref.name}`;
      if (firstController !== '') {
        errs.push(
          fieldErrors.invalid(
            path,
            meta.ownerReferences,
            `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`,
          ),
        );
      } else {
        firstController = current;
      }
    }
  }
  return errs;
}

function validateMetaCommon(meta: ObjectMeta, path: string): FieldError[] {
  return [
    ...validateLabels(meta.labels, `${path}.labels`),
    ...validateAnnotations(meta.annotations, `${path}.annotations`),
    ...validateOwnerReferences(meta, `${path}.ownerReferences`),
    ...validateFinalizers(meta.finalizers, `${path}.finalizers`),
  ];
}

/** ObjectMeta of a new object: the name (by the kind's rule) and everything kind-independent. */
export function validateObjectMeta(meta: ObjectMeta | undefined, nameFn: NameValidator, path = 'metadata'): FieldError[] {
  const m = meta ?? {};
  const errs: FieldError[] = [];
  if (!m.name) {
    errs.push(fieldErrors.required(`${path}.name`, 'name or generateName is required'));
  } else {
    for (const msg of nameFn(m.name, false)) errs.push(fieldErrors.invalid(`${path}.name`, m.name, msg));
  }
  return [...errs, ...validateMetaCommon(m, path)];
}

/** ObjectMeta of an update; identity fields (name, uid, …) are the generic handler's concern. */
export function validateObjectMetaUpdate(meta: ObjectMeta | undefined, path = 'metadata'): FieldError[] {
  return validateMetaCommon(meta ?? {}, path);
}
