import type { PodSpec } from '@minik/types';
import type { ResourceStrategy } from '../resource-strategy.js';
import { uniqueErrors } from './field-error-list.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './metadata-validation.js';
import { nameIsDNSSubdomain } from './name-validation.js';
import { cloneJson, defaultField, ensureObject, isJsonObject, objectsOf, stringOf, type JsonObject } from './object-fields.js';
import { admitPod } from './pod-admission.js';
import { computePodQOS } from './pod-qos.js';
import { assertDecodableQuantities } from './pod-spec-decoding.js';
import { applyPodSpecDefaults } from './pod-spec-defaults.js';
import { validatePodSpec } from './pod-spec-validation.js';
import { validatePodSpecUpdate } from './pod-update-validation.js';

/**
 * core/v1 Pod: SetDefaults_Pod and SetDefaults_PodSpec, the ServiceAccount, Priority and
 * DefaultTolerationSeconds admission plugins, the Pending status of a new Pod (podStrategy
 * PrepareForCreate), ValidatePodCreate and ValidatePodUpdate.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/registry/core/pod/strategy.go
 */
export const podStrategy: ResourceStrategy = {
  applyDefaults(obj) {
    const spec = ensureObject(obj, 'spec') as unknown as PodSpec;
    assertDecodableQuantities(spec, 'Pod', 'v1');
    applyPodOnlyDefaults(spec);
    applyPodSpecDefaults(spec);
    admitPod(spec);
    const status = isJsonObject(obj.status) ? obj.status : {};
    // A new Pod's status is replaced by {phase: Pending, qosClass}; a stored one keeps its own.
    if (stringOf(status.phase) === '') obj.status = { phase: 'Pending', qosClass: computePodQOS(spec) };
    else defaultField(status, 'qosClass', computePodQOS(spec));
  },
  validateCreate(obj) {
    return uniqueErrors([
      ...validateObjectMeta(obj.metadata, nameIsDNSSubdomain),
      ...validatePodSpec(obj.spec as PodSpec | undefined, 'spec', { resourceIsPod: true }),
    ]);
  },
  validateUpdate(obj, old) {
    return uniqueErrors([
      ...validateObjectMetaUpdate(obj.metadata),
      ...validateObjectMeta(obj.metadata, nameIsDNSSubdomain),
      ...validatePodSpec(obj.spec as PodSpec | undefined, 'spec', { resourceIsPod: true }),
      ...validatePodSpecUpdate(obj.spec as PodSpec | undefined, old.spec as PodSpec | undefined),
    ]);
  },
};

/**
 * SetDefaults_Pod: the defaults a Pod gets but a pod template does not — requests copied from
 * limits, enableServiceLinks, and host ports under hostNetwork.
 */
function applyPodOnlyDefaults(spec: PodSpec): void {
  const s = spec as unknown as JsonObject;
  for (const container of [...objectsOf(s.containers), ...objectsOf(s.initContainers)]) {
    const resources = ensureObject(container, 'resources');
    if (!isJsonObject(resources.limits)) continue;
    const requests = ensureObject(resources, 'requests');
    for (const [name, value] of Object.entries(resources.limits)) {
      if (!(name in requests)) requests[name] = cloneJson(value);
    }
  }
  if (typeof s.enableServiceLinks !== 'boolean') s.enableServiceLinks = true;
  if (s.hostNetwork === true) {
    for (const container of [...objectsOf(s.containers), ...objectsOf(s.initContainers)]) {
      for (const port of objectsOf(container.ports)) {
        if (typeof port.hostPort !== 'number' || port.hostPort === 0) port.hostPort = port.containerPort;
      }
    }
  }
}
