import type { ResourceStrategy } from '../resource-strategy.js';
import { uniqueErrors } from './field-error-list.js';
import { validateFinalizerName, validateObjectMeta, validateObjectMetaUpdate } from './metadata-validation.js';
import { nameIsDNSLabel } from './name-validation.js';
import { ensureObject, isJsonObject, stringOf } from './object-fields.js';
import type { FieldError } from '../../errors/index.js';
import type { KubeObject } from '@minik/types';

/**
 * core/v1 Namespace: the `kubernetes.io/metadata.name` label (SetDefaults_Namespace), the
 * `kubernetes` finalizer and phase Active of a new namespace (namespaceStrategy PrepareForCreate),
 * and DNS-1123 label names.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/registry/core/namespace/strategy.go
 */
export const namespaceStrategy: ResourceStrategy = {
  applyDefaults(obj) {
    const name = obj.metadata.name ?? '';
    if (name !== '') obj.metadata.labels = { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': name };
    const spec = ensureObject(obj, 'spec');
    if (!Array.isArray(spec.finalizers)) spec.finalizers = ['kubernetes'];
    const status = ensureObject(obj, 'status');
    if (stringOf(status.phase) === '') status.phase = 'Active';
  },
  validateCreate(obj) {
    return [...validateObjectMeta(obj.metadata, nameIsDNSLabel), ...validateSpecFinalizers(obj)];
  },
  validateUpdate(obj) {
    return uniqueErrors([...validateObjectMetaUpdate(obj.metadata), ...validateObjectMeta(obj.metadata, nameIsDNSLabel), ...validateSpecFinalizers(obj)]);
  },
};

function validateSpecFinalizers(obj: KubeObject): FieldError[] {
  const spec = isJsonObject(obj.spec) ? obj.spec : {};
  const finalizers = Array.isArray(spec.finalizers) ? spec.finalizers.map(String) : [];
  return finalizers.flatMap((f) => validateFinalizerName(f, 'spec.finalizers'));
}
