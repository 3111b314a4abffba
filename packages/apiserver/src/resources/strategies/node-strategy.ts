import type { KubeObject } from '@minik/types';
import { fieldErrors, GoValue, type FieldError } from '../../errors/index.js';
import type { ResourceStrategy } from '../resource-strategy.js';
import { validateEnum } from './container-validation.js';
import { uniqueErrors } from './field-error-list.js';
import { goQuote } from './go-syntax.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './metadata-validation.js';
import { isQualifiedName, isValidLabelValue, nameIsDNSSubdomain } from './name-validation.js';
import { cloneJson, ensureObject, isJsonObject, objectsOf, stringOf } from './object-fields.js';

// NodeSystemInfo is a struct, not a pointer: Go prints every field, empty or not.
const nodeInfoFields = [
  'machineID',
  'systemUUID',
  'bootID',
  'kernelVersion',
  'osImage',
  'containerRuntimeVersion',
  'kubeletVersion',
  'kubeProxyVersion',
  'operatingSystem',
  'architecture',
] as const;

/**
 * core/v1 Node: `allocatable` defaults to `capacity` (SetDefaults_NodeStatus), the always-present
 * struct fields of NodeStatus, DNS-1123 subdomain names and taint rules.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/registry/core/node/strategy.go
 */
export const nodeStrategy: ResourceStrategy = {
  applyDefaults(obj) {
    ensureObject(obj, 'spec');
    const status = ensureObject(obj, 'status');
    if (!isJsonObject(status.allocatable) && isJsonObject(status.capacity)) status.allocatable = cloneJson(status.capacity);
    const kubeletEndpoint = ensureObject(ensureObject(status, 'daemonEndpoints'), 'kubeletEndpoint');
    if (typeof kubeletEndpoint.Port !== 'number') kubeletEndpoint.Port = 0;
    const nodeInfo = ensureObject(status, 'nodeInfo');
    for (const key of nodeInfoFields) if (typeof nodeInfo[key] !== 'string') nodeInfo[key] = '';
  },
  validateCreate(obj) {
    return [...validateObjectMeta(obj.metadata, nameIsDNSSubdomain), ...validateTaints(obj)];
  },
  validateUpdate(obj) {
    return uniqueErrors([...validateObjectMetaUpdate(obj.metadata), ...validateObjectMeta(obj.metadata, nameIsDNSSubdomain), ...validateTaints(obj)]);
  },
};

/** validateNodeTaints: key, value and effect of each taint; unique by (key, effect). */
function validateTaints(obj: KubeObject): FieldError[] {
  const spec = isJsonObject(obj.spec) ? obj.spec : {};
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  objectsOf(spec.taints).forEach((taint, i) => {
    const path = `spec.taints[${i}]`;
    const key = stringOf(taint.key);
    const value = stringOf(taint.value);
    const effect = stringOf(taint.effect);
    for (const msg of isQualifiedName(key)) errs.push(fieldErrors.invalid(`${path}.key`, key, msg));
    const valueErrors = isValidLabelValue(value);
    if (valueErrors.length > 0) errs.push(fieldErrors.invalid(`${path}.value`, value, valueErrors.join(';')));
    errs.push(...validateEnum(effect, `${path}.effect`, ['NoSchedule', 'PreferNoSchedule', 'NoExecute']));
    const unique = `${effect}\u0000${key}`;
    if (seen.has(unique)) {
      const taintValue = new GoValue(`core.Taint{Key:${goQuote(key)}, Value:${goQuote(value)}, Effect:${goQuote(effect)}, TimeAdded:<nil>}`);
      const duplicate = fieldErrors.duplicate(path, taintValue);
      errs.push({ ...duplicate, message: `${duplicate.message}: taints must be unique by key and effect pair` });
    }
    seen.add(unique);
  });
  return errs;
}
