import type { ResourceStrategy } from '../resource-strategy.js';
import { uniqueErrors } from './field-error-list.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './metadata-validation.js';
import type { NameValidator } from './name-validation.js';

/** A strategy for kinds with no defaults and only ObjectMeta rules (ServiceAccount and the like). */
export function nameOnlyStrategy(nameFn: NameValidator): ResourceStrategy {
  return {
    validateCreate: (obj) => validateObjectMeta(obj.metadata, nameFn),
    validateUpdate: (obj) => uniqueErrors([...validateObjectMetaUpdate(obj.metadata), ...validateObjectMeta(obj.metadata, nameFn)]),
  };
}
