import type { KubeObject } from '@minik/types';
import { fieldErrors, type FieldError } from '../../errors/index.js';
import type { ResourceStrategy } from '../resource-strategy.js';
import { uniqueErrors } from './field-error-list.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './metadata-validation.js';
import { nameIsDNSSubdomain } from './name-validation.js';
import { isJsonObject } from './object-fields.js';

/**
 * coordination.k8s.io/v1 Lease: a positive leaseDurationSeconds and non-negative leaseTransitions.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/apis/coordination/validation/validation.go
 */
export const leaseStrategy: ResourceStrategy = {
  validateCreate(obj) {
    return [...validateObjectMeta(obj.metadata, nameIsDNSSubdomain), ...validateLeaseSpec(obj)];
  },
  validateUpdate(obj) {
    return uniqueErrors([...validateObjectMetaUpdate(obj.metadata), ...validateObjectMeta(obj.metadata, nameIsDNSSubdomain), ...validateLeaseSpec(obj)]);
  },
};

function validateLeaseSpec(obj: KubeObject): FieldError[] {
  const spec = isJsonObject(obj.spec) ? obj.spec : {};
  const errs: FieldError[] = [];
  if (typeof spec.leaseDurationSeconds === 'number' && spec.leaseDurationSeconds <= 0) {
    errs.push(fieldErrors.invalid('spec.leaseDurationSeconds', spec.leaseDurationSeconds, 'must be greater than 0'));
  }
  if (typeof spec.leaseTransitions === 'number' && spec.leaseTransitions < 0) {
    errs.push(fieldErrors.invalid('spec.leaseTransitions', spec.leaseTransitions, 'must be greater than or equal to 0'));
  }
  return errs;
}
