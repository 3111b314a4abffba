import type { PodSpec, PodTemplateSpec } from '@minik/types';
import { fieldErrors, type FieldError } from '../../errors/index.js';
import { validateContainers, validateEnum, validateInitContainers } from './container-validation.js';
import { validateAnnotations, validateLabels } from './metadata-validation.js';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from './name-validation.js';
import { isJsonObject, objectsOf, stringOf, type JsonObject } from './object-fields.js';
import { inclusiveRangeError } from './port-validation.js';

/**
 * PodSpec validation shared by Pods and pod templates, in upstream's order (ValidatePodSpec,
 * ValidateVolumes, ValidateTolerations, ValidatePodTemplateSpec in
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/apis/core/validation/validation.go).
 */

export interface PodSpecValidationOptions {
  /** The spec belongs to a Pod, not a template: a few extra checks apply. */
  resourceIsPod: boolean;
}

const maxInt32 = 2147483647;

/** Field errors of a (defaulted) PodSpec at `path`. */
export function validatePodSpec(spec: PodSpec | undefined, path: string, opts: PodSpecValidationOptions): FieldError[] {
  const s = (spec ?? {}) as unknown as JsonObject;
  const errs: FieldError[] = [];
  if (s.terminationGracePeriodSeconds === undefined || s.terminationGracePeriodSeconds === null) {
    errs.push(fieldErrors.required(`${path}.terminationGracePeriodSeconds`));
  }
  const { volumes, errors: volumeErrors } = validateVolumes(s.volumes, `${path}.volumes`);
  errs.push(...volumeErrors);
  errs.push(...validateContainers(s.containers, volumes, `${path}.containers`));
  errs.push(...validateInitContainers(s.initContainers, s.containers, volumes, `${path}.initContainers`));
  errs.push(...validateHostNetworkPorts(s, path, opts));
  errs.push(...validateEnum(s.restartPolicy, `${path}.restartPolicy`, ['Always', 'OnFailure', 'Never']));
  errs.push(...validateEnum(s.dnsPolicy, `${path}.dnsPolicy`, ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']));
  errs.push(...validateLabels(isJsonObject(s.nodeSelector) ? s.nodeSelector : undefined, `${path}.nodeSelector`));
  if (s.dnsPolicy === 'None' && !isJsonObject(s.dnsConfig)) {
    errs.push(fieldErrors.required(`${path}.dnsConfig`, 'must provide `dnsConfig` when `dnsPolicy` is None'));
  }
  for (const key of ['serviceAccountName', 'nodeName', 'priorityClassName']) {
    const value = stringOf(s[key]);
    if (value.length > 0) for (const msg of isDNS1123Subdomain(value)) errs.push(fieldErrors.invalid(`${path}.${key}`, value, msg));
  }
  if (typeof s.activeDeadlineSeconds === 'number' && (s.activeDeadlineSeconds < 1 || s.activeDeadlineSeconds > maxInt32)) {
    errs.push(fieldErrors.invalid(`${path}.activeDeadlineSeconds`, s.activeDeadlineSeconds, inclusiveRangeError(1, maxInt32)));
  }
  for (const key of ['hostname', 'subdomain']) {
    const value = stringOf(s[key]);
    if (value.length > 0) for (const msg of isDNS1123Label(value)) errs.push(fieldErrors.invalid(`${path}.${key}`, value, msg));
  }
  errs.push(...validateTolerations(s.tolerations, `${path}.tolerations`));
  if (s.preemptionPolicy !== undefined && s.preemptionPolicy !== null) {
    errs.push(...validateEnum(s.preemptionPolicy, `${path}.preemptionPolicy`, ['PreemptLowerPriority', 'Never']));
  }
  if (opts.resourceIsPod) {
    // Pods (not templates) may not carry images padded with whitespace.
    for (const key of ['containers', 'initContainers']) {
      objectsOf(s[key]).forEach((c, i) => {
        const image = stringOf(c.image);
        if (image.trim().length !== image.length) {
          errs.push(fieldErrors.invalid(`${path}.${key}[${i}].image`, image, 'must not have leading or trailing whitespace'));
        }
      });
    }
  }
  return errs;
}

/** A pod template: labels and annotations (at `path.labels`, as upstream names them) and its spec. */
export function validatePodTemplateSpec(template: PodTemplateSpec | undefined, path: string): FieldError[] {
  const t = (template ?? {}) as unknown as JsonObject;
  const metadata = isJsonObject(t.metadata) ? t.metadata : {};
  const errs = [
    ...validateLabels(isJsonObject(metadata.labels) ? metadata.labels : undefined, `${path}.labels`),
    ...validateAnnotations(isJsonObject(metadata.annotations) ? metadata.annotations : undefined, `${path}.annotations`),
    ...validatePodSpec(t.spec as PodSpec | undefined, `${path}.spec`, { resourceIsPod: false }),
  ];
  const spec = isJsonObject(t.spec) ? t.spec : {};
  if (objectsOf(spec.ephemeralContainers).length > 0) {
    errs.push(fieldErrors.forbidden(`${path}.spec.ephemeralContainers`, 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}

const volumeSourceRequiredNames: Readonly<Record<string, string>> = {
  configMap: 'name',
  secret: 'secretName',
  persistentVolumeClaim: 'claimName',
  hostPath: 'path',
};

/** Volume names (required, DNS labels, unique) and the required name of the common sources. */
function validateVolumes(volumes: unknown, path: string): { volumes: Set<string>; errors: FieldError[] } {
  const names = new Set<string>();
  const errors: FieldError[] = [];
  objectsOf(volumes).forEach((volume, i) => {
    const vPath = `${path}[${i}]`;
    const el: FieldError[] = [];
    const sources = Object.keys(volume).filter((key) => key !== 'name' && isJsonObject(volume[key]));
    if (sources.length > 1) {
      for (const extra of sources.slice(1)) el.push(fieldErrors.forbidden(`${vPath}.${extra}`, 'may not specify more than 1 volume type'));
    }
    for (const [source, key] of Object.entries(volumeSourceRequiredNames)) {
      const value = volume[source];
      if (isJsonObject(value) && stringOf(value[key]).length === 0) el.push(fieldErrors.required(`${vPath}.${source}.${key}`));
    }
    const name = stringOf(volume.name);
    if (name.length === 0) el.push(fieldErrors.required(`${vPath}.name`));
    else for (const msg of isDNS1123Label(name)) el.push(fieldErrors.invalid(`${vPath}.name`, name, msg));
    if (names.has(name)) el.push(fieldErrors.duplicate(`${vPath}.name`, name));
    if (el.length === 0) names.add(name);
    else errors.push(...el);
  });
  return { volumes: names, errors };
}

// With hostNetwork, a Pod's hostPort must equal containerPort; templates may leave it 0.
function validateHostNetworkPorts(s: JsonObject, path: string, opts: PodSpecValidationOptions): FieldError[] {
  if (s.hostNetwork !== true) return [];
  const errs: FieldError[] = [];
  objectsOf(s.containers).forEach((c, ci) => {
    objectsOf(c.ports).forEach((port, pi) => {
      const hostPort = typeof port.hostPort === 'number' ? port.hostPort : 0;
      const containerPort = typeof port.containerPort === 'number' ? port.containerPort : 0;
      if ((opts.resourceIsPod || hostPort !== 0) && hostPort !== containerPort) {
        errs.push(fieldErrors.invalid(`${path}.containers[${ci}].ports[${pi}].hostPort`, hostPort, 'must match `containerPort` when `hostNetwork` is true'));
      }
    });
  });
  return errs;
}

/** Toleration keys, operators, values and effects. */
export function validateTolerations(tolerations: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  objectsOf(tolerations).forEach((t, i) => {
    const tPath = `${path}[${i}]`;
    const key = stringOf(t.key);
    const operator = stringOf(t.operator);
    const value = stringOf(t.value);
    const effect = stringOf(t.effect);
    if (key.length > 0) for (const msg of isQualifiedName(key)) errs.push(fieldErrors.invalid(`${tPath}.key`, key, msg));
    if (key.length === 0 && operator !== 'Exists') {
      errs.push(fieldErrors.invalid(`${tPath}.operator`, operator, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && effect !== 'NoExecute') {
      errs.push(fieldErrors.invalid(`${tPath}.effect`, effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    switch (operator) {
      case 'Equal':
      case '': {
        const msgs = isValidLabelValue(value);
        if (msgs.length > 0) errs.push(fieldErrors.invalid(`${tPath}.operator`, value, msgs.join(';')));
        break;
      }
      case 'Exists':
        if (value.length > 0) errs.push(fieldErrors.invalid(`${tPath}.operator`, value, "value must be empty when `operator` is 'Exists'"));
        break;
      default:
        errs.push(fieldErrors.notSupported(`${tPath}.operator`, operator, ['Equal', 'Exists']));
    }
    if (effect.length > 0 && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(effect)) {
      errs.push(fieldErrors.notSupported(`${tPath}.effect`, effect, ['NoSchedule', 'PreferNoSchedule', 'NoExecute']));
    }
  });
  return errs;
}
