import type { KubeObject } from '@minik/types';
import { fieldErrors, type FieldError } from '../../errors/index.js';
import type { ResourceStrategy } from '../resource-strategy.js';
import { assertBase64Values, base64DecodedLength } from './base64-data.js';
import { uniqueErrors } from './field-error-list.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './metadata-validation.js';
import { isConfigMapKey, nameIsDNSSubdomain } from './name-validation.js';
import { defaultField, isJsonObject, stringOf, type JsonObject } from './object-fields.js';
import { semanticallyEqual } from './semantic-equality.js';

/** Upstream's MaxSecretSize, which also bounds ConfigMaps: 1 MiB. */
export const maxSecretSize = 1024 * 1024;

/**
 * core/v1 Secret: `type` defaults to Opaque, `stringData` is merged into `data` (the v1
 * conversion), data must be base64, keys are config keys, per-type required keys, and type and
 * immutable data never change. https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/registry/core/secret/strategy.go
 */
export const secretStrategy: ResourceStrategy = {
  applyDefaults(obj) {
    assertBase64Values(obj.data, 'Secret');
    defaultField(obj, 'type', 'Opaque');
    if (isJsonObject(obj.stringData)) {
      const data: JsonObject = isJsonObject(obj.data) ? obj.data : {};
      for (const [key, value] of Object.entries(obj.stringData)) data[key] = Buffer.from(String(value ?? ''), 'utf8').toString('base64');
      obj.data = data;
    }
    delete obj.stringData;
  },
  validateCreate(obj) {
    return validateSecret(obj);
  },
  validateUpdate(obj, old) {
    const errs: FieldError[] = [...validateObjectMetaUpdate(obj.metadata)];
    if (stringOf(obj.type) !== stringOf(old.type)) errs.push(fieldErrors.invalid('type', stringOf(obj.type), 'field is immutable'));
    errs.push(...validateImmutableData(obj, old, ['data']));
    return uniqueErrors([...errs, ...validateSecret(obj)]);
  },
};

/** `immutable: true` freezes the flag itself and the listed data fields. */
export function validateImmutableData(obj: KubeObject, old: KubeObject, fields: readonly string[]): FieldError[] {
  if (old.immutable !== true) return [];
  const errs: FieldError[] = [];
  if (obj.immutable !== true) errs.push(fieldErrors.forbidden('immutable', 'field is immutable when `immutable` is set'));
  for (const field of fields) {
    if (!semanticallyEqual(obj[field], old[field])) errs.push(fieldErrors.forbidden(field, 'field is immutable when `immutable` is set'));
  }
  return errs;
}

function validateSecret(obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, nameIsDNSSubdomain);
  const data: JsonObject = isJsonObject(obj.data) ? obj.data : {};
  let totalSize = 0;
  for (const [key, value] of Object.entries(data)) {
    for (const msg of isConfigMapKey(key)) errs.push(fieldErrors.invalid(`data[${key}]`, key, msg));
    totalSize += typeof value === 'string' ? base64DecodedLength(value) : 0;
  }
  if (totalSize > maxSecretSize) errs.push(fieldErrors.tooLong('data', maxSecretSize));
  const has = (key: string): boolean => key in data && data[key] !== null;
  switch (stringOf(obj.type)) {
    case 'kubernetes.io/service-account-token':
      if (stringOf(obj.metadata.annotations?.['kubernetes.io/service-account.name']) === '') {
        errs.push(fieldErrors.required('metadata.annotations[kubernetes.io/service-account.name]'));
      }
      break;
    case 'kubernetes.io/dockercfg':
      errs.push(...requireJsonKey(data, '.dockercfg'));
      break;
    case 'kubernetes.io/dockerconfigjson':
      errs.push(...requireJsonKey(data, '.dockerconfigjson'));
      break;
    case 'kubernetes.io/basic-auth':
      if (!has('username') && !has('password')) errs.push(fieldErrors.required('data[username]'), fieldErrors.required('data[password]'));
      break;
    case 'kubernetes.io/ssh-auth':
      if (stringOf(data['ssh-privatekey']) === '') errs.push(fieldErrors.required('data[ssh-privatekey]'));
      break;
    case 'kubernetes.io/tls':
      if (!has('tls.crt')) errs.push(fieldErrors.required('data[tls.crt]'));
      if (!has('tls.key')) errs.push(fieldErrors.required('data[tls.key]'));
      break;
    default:
  }
  return errs;
}

// Docker config secrets must hold well-formed JSON under their key.
function requireJsonKey(data: JsonObject, key: string): FieldError[] {
  const value = data[key];
  if (typeof value !== 'string') return [fieldErrors.required(`data[${key}]`)];
  const text = Buffer.from(value, 'base64').toString('utf8');
  try {
    JSON.parse(text);
    return [];
  } catch {
    const first = text.trim()[0];
    const detail = first === undefined ? 'unexpected end of JSON input' : `invalid character '${first}' looking for beginning of value`;
    return [fieldErrors.invalid(`data[${key}]`, '<secret contents redacted>', detail)];
  }
}
