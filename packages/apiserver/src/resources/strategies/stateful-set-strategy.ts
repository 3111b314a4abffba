import type { LabelSelector, PodTemplateSpec } from '@minik/types';
import { fieldErrors, GoValue, type FieldError } from '../../errors/index.js';
import type { ResourceStrategy } from '../resource-strategy.js';
import { validateImmutableSelector } from './deployment-strategy.js';
import { uniqueErrors } from './field-error-list.js';
import { goQuote } from './go-syntax.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './metadata-validation.js';
import { nameIsDNSSubdomain } from './name-validation.js';
import { defaultField, ensureObject, isJsonObject, objectsOf, type JsonObject } from './object-fields.js';
import { assertDecodableQuantities } from './pod-spec-decoding.js';
import { applyPodTemplateDefaults } from './pod-spec-defaults.js';
import { validateNonnegative, validateSelectorAndTemplate } from './replica-set-template-validation.js';
import { semanticallyEqual } from './semantic-equality.js';
import { validateIntOrPercent } from './workload-int-or-percent.js';

// The spec fields an update may change (ValidateStatefulSetUpdate); the rest is frozen at create.
const updatableSpecFields = ['replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];

/**
 * apps/v1 StatefulSet: SetDefaults_StatefulSet (OrderedReady, RollingUpdate with partition 0,
 * Retain/Retain PVC retention as StatefulSetAutoDeletePVC is GA, replicas 1, revisionHistoryLimit
 * 10), defaults of the pod and claim templates, ValidateStatefulSet and ValidateStatefulSetUpdate.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/apis/apps/v1/defaults.go
 */
export const statefulSetStrategy: ResourceStrategy = {
  applyDefaults(obj) {
    const spec = ensureObject(obj, 'spec');
    if (!spec.podManagementPolicy) spec.podManagementPolicy = 'OrderedReady';
    const strategy = ensureObject(spec, 'updateStrategy');
    if (!strategy.type) {
      strategy.type = 'RollingUpdate';
      if (!isJsonObject(strategy.rollingUpdate)) strategy.rollingUpdate = {};
    }
    // Only an existing rollingUpdate gets its partition (a `type: RollingUpdate` alone stays bare).
    if (strategy.type === 'RollingUpdate' && isJsonObject(strategy.rollingUpdate)) defaultField(strategy.rollingUpdate, 'partition', 0);
    const retention = ensureObject(spec, 'persistentVolumeClaimRetentionPolicy');
    if (!retention.whenDeleted) retention.whenDeleted = 'Retain';
    if (!retention.whenScaled) retention.whenScaled = 'Retain';
    if (typeof spec.replicas !== 'number') spec.replicas = 1;
    if (typeof spec.revisionHistoryLimit !== 'number') spec.revisionHistoryLimit = 10;
    const template = ensureObject(spec, 'template') as unknown as PodTemplateSpec;
    assertDecodableQuantities(template.spec, 'StatefulSet', 'v1');
    applyPodTemplateDefaults(template);
    for (const claim of objectsOf(spec.volumeClaimTemplates)) applyClaimTemplateDefaults(claim);
    // StatefulSetStatus.replicas and availableReplicas have no omitempty.
    const status = ensureObject(obj, 'status');
    if (typeof status.replicas !== 'number') status.replicas = 0;
    if (typeof status.availableReplicas !== 'number') status.availableReplicas = 0;
  },
  validateCreate(obj) {
    return [...validateObjectMeta(obj.metadata, nameIsDNSSubdomain), ...validateStatefulSetSpec(obj.spec as JsonObject | undefined)];
  },
  validateUpdate(obj, old) {
    const spec = (obj.spec ?? {}) as JsonObject;
    const oldSpec = (old.spec ?? {}) as JsonObject;
    const errs = [...validateObjectMetaUpdate(obj.metadata), ...validateStatefulSetSpec(spec)];
    const frozen = (s: JsonObject): JsonObject => Object.fromEntries(Object.entries(s).filter(([key]) => !updatableSpecFields.includes(key)));
    if (!semanticallyEqual(frozen(spec), frozen(oldSpec))) {
      errs.push(
        fieldErrors.forbidden(
          'spec',
          "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
        ),
      );
    }
    errs.push(...validateImmutableSelector(spec.selector as LabelSelector | undefined, oldSpec.selector as LabelSelector | undefined));
    return uniqueErrors(errs);
  },
};

// A claim template is a whole PersistentVolumeClaim: typed, defaulted (volumeMode, phase Pending).
function applyClaimTemplateDefaults(claim: JsonObject): void {
  defaultField(claim, 'apiVersion', 'v1');
  defaultField(claim, 'kind', 'PersistentVolumeClaim');
  const metadata = ensureObject(claim, 'metadata');
  if (!('creationTimestamp' in metadata)) metadata.creationTimestamp = null;
  defaultField(ensureObject(claim, 'spec'), 'volumeMode', 'Filesystem');
  defaultField(ensureObject(claim, 'status'), 'phase', 'Pending');
}

/** ValidateStatefulSetSpec. */
function validateStatefulSetSpec(spec: JsonObject | undefined): FieldError[] {
  const s = spec ?? {};
  const errs: FieldError[] = [];
  if (s.podManagementPolicy !== 'OrderedReady' && s.podManagementPolicy !== 'Parallel') {
    errs.push(fieldErrors.invalid('spec.podManagementPolicy', String(s.podManagementPolicy ?? ''), "must be 'OrderedReady' or 'Parallel'"));
  }
  errs.push(...validateUpdateStrategy(s.updateStrategy));
  errs.push(...validateRetentionPolicy(s.persistentVolumeClaimRetentionPolicy));
  errs.push(...validateNonnegative(s.replicas, 'spec.replicas'));
  errs.push(...validateNonnegative(s.minReadySeconds, 'spec.minReadySeconds'));
  if (isJsonObject(s.ordinals)) errs.push(...validateNonnegative(s.ordinals.start, 'spec.ordinals.start'));
  errs.push(
    ...validateSelectorAndTemplate(s.selector as LabelSelector | undefined, s.template as PodTemplateSpec | undefined, 'spec', {
      selectorNoun: 'statefulset',
      restartPolicies: ['Always'],
      activeDeadlineKind: 'StatefulSet',
    }),
  );
  return errs;
}

function validateUpdateStrategy(value: unknown): FieldError[] {
  const path = 'spec.updateStrategy';
  const strategy = isJsonObject(value) ? value : {};
  switch (strategy.type) {
    case 'OnDelete':
      return isJsonObject(strategy.rollingUpdate)
        ? [fieldErrors.invalid(`${path}.rollingUpdate`, new GoValue('{}'), "only allowed for updateStrategy 'RollingUpdate'")]
        : [];
    case 'RollingUpdate': {
      if (!isJsonObject(strategy.rollingUpdate)) return [];
      const r = strategy.rollingUpdate;
      const errs = validateNonnegative(r.partition, `${path}.rollingUpdate.partition`);
      if (r.maxUnavailable !== undefined && r.maxUnavailable !== null) errs.push(...validateIntOrPercent(r.maxUnavailable, `${path}.rollingUpdate.maxUnavailable`));
      return errs;
    }
    default:
      return [fieldErrors.invalid(`${path}.type`, new GoValue(goQuote(String(strategy.type ?? ''))), "must be 'RollingUpdate' or 'OnDelete'")];
  }
}

function validateRetentionPolicy(value: unknown): FieldError[] {
  const policy = isJsonObject(value) ? value : {};
  const errs: FieldError[] = [];
  for (const key of ['whenDeleted', 'whenScaled']) {
    const v = policy[key];
    if (v !== 'Retain' && v !== 'Delete') errs.push(fieldErrors.notSupported(`spec.persistentVolumeClaimRetentionPolicy.${key}`, String(v ?? ''), ['Retain', 'Delete']));
  }
  return errs;
}
