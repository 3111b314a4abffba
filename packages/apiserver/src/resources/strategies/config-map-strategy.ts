import type { KubeObject } from '@minik/types';
import { fieldErrors, type FieldError } from '../../errors/index.js';
import type { ResourceStrategy } from '../resource-strategy.js';
import { assertBase64Values, base64DecodedLength } from './base64-data.js';
import { uniqueErrors } from './field-error-list.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './metadata-validation.js';
import { isConfigMapKey, nameIsDNSSubdomain } from './name-validation.js';
import { isJsonObject, type JsonObject } from './object-fields.js';
import { maxSecretSize, validateImmutableData } from './secret-strategy.js';

/**
 * core/v1 ConfigMap: config-key names in `data` and `binaryData`, no key in both, 1 MiB in total,
 * and frozen contents once `immutable` is set.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/apis/core/validation/validation.go
 */
export const configMapStrategy: ResourceStrategy = {
  applyDefaults(obj) {
    assertBase64Values(obj.binaryData, 'ConfigMap');
  },
  validateCreate(obj) {
    return validateConfigMap(obj);
  },
  validateUpdate(obj, old) {
    return uniqueErrors([
      ...validateObjectMetaUpdate(obj.metadata),
      ...validateImmutableData(obj, old, ['data', 'binaryData']),
      ...validateConfigMap(obj),
    ]);
  },
};

function validateConfigMap(obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, nameIsDNSSubdomain);
  const data: JsonObject = isJsonObject(obj.data) ? obj.data : {};
  const binaryData: JsonObject = isJsonObject(obj.binaryData) ? obj.binaryData : {};
  let totalSize = 0;
  for (const [key, value] of Object.entries(data)) {
    for (const msg of isConfigMapKey(key)) errs.push(fieldErrors.invalid(`data[${key}]`, key, msg));
    if (Object.hasOwn(binaryData, key)) errs.push(fieldErrors.invalid(`data[${key}]`, key, 'duplicate of key present in binaryData'));
    totalSize += Buffer.byteLength(String(value ?? ''));
  }
  for (const [key, value] of Object.entries(binaryData)) {
    for (const msg of isConfigMapKey(key)) errs.push(fieldErrors.invalid(`binaryData[${key}]`, key, msg));
    totalSize += typeof value === 'string' ? base64DecodedLength(value) : 0;
  }
  // The whole object is meant, so upstream reports an empty field path.
  if (totalSize > maxSecretSize) errs.push(fieldErrors.tooLong('', maxSecretSize));
  return errs;
}
