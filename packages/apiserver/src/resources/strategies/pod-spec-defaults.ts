import type { Container, PodSpec, PodTemplateSpec } from '@minik/types';
import { defaultImagePullPolicy } from './image-pull-policy.js';
import { defaultField, ensureObject, isJsonObject, objectsOf, type JsonObject } from './object-fields.js';

/**
 * The defaults every PodSpec gets, in a Pod or in a pod template (SetDefaults_PodSpec,
 * SetDefaults_Container, SetDefaults_Probe, SetDefaults_Volume and friends). Pod-only defaults
 * (enableServiceLinks, admission plugins, status) live in pod-strategy.ts, because upstream keeps
 * them out of templates. https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/apis/core/v1/defaults.go
 */
export function applyPodSpecDefaults(spec: PodSpec): void {
  const s = spec as unknown as JsonObject;
  defaultField(s, 'dnsPolicy', 'ClusterFirst');
  defaultField(s, 'restartPolicy', 'Always');
  if (!isJsonObject(s.securityContext)) s.securityContext = {};
  defaultField(s, 'terminationGracePeriodSeconds', 30);
  defaultField(s, 'schedulerName', 'default-scheduler');
  // The v1 conversion keeps the deprecated serviceAccount field equal to serviceAccountName.
  if (!s.serviceAccountName && typeof s.serviceAccount === 'string' && s.serviceAccount !== '') s.serviceAccountName = s.serviceAccount;
  if (typeof s.serviceAccountName === 'string' && s.serviceAccountName !== '') s.serviceAccount = s.serviceAccountName;
  for (const container of allContainers(spec)) applyContainerDefaults(container);
  for (const volume of objectsOf(s.volumes)) applyVolumeDefaults(volume);
}

/** Pod template defaults: the PodSpec ones, plus the `creationTimestamp: null` Go always prints. */
export function applyPodTemplateDefaults(template: PodTemplateSpec): void {
  const t = template as unknown as JsonObject;
  const metadata = ensureObject(t, 'metadata');
  if (!('creationTimestamp' in metadata) || metadata.creationTimestamp === undefined) metadata.creationTimestamp = null;
  applyPodSpecDefaults(ensureObject(t, 'spec') as unknown as PodSpec);
}

/** Regular, init and ephemeral containers of a spec. */
export function allContainers(spec: PodSpec): Container[] {
  const s = spec as unknown as JsonObject;
  return [...objectsOf(s.containers), ...objectsOf(s.initContainers), ...objectsOf(s.ephemeralContainers)] as unknown as Container[];
}

/** SetDefaults_Container plus the container-level declarative defaults (port protocol, resources). */
export function applyContainerDefaults(container: Container): void {
  const c = container as unknown as JsonObject;
  defaultField(c, 'imagePullPolicy', defaultImagePullPolicy(typeof c.image === 'string' ? c.image : ''));
  defaultField(c, 'terminationMessagePath', '/dev/termination-log');
  defaultField(c, 'terminationMessagePolicy', 'File');
  // ResourceRequirements is a struct, not a pointer: Go always prints `"resources": {}`.
  if (!isJsonObject(c.resources)) c.resources = {};
  for (const port of objectsOf(c.ports)) defaultField(port, 'protocol', 'TCP');
  for (const env of objectsOf(c.env)) applyFieldRefDefaults(env.valueFrom);
  for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const probe = c[key];
    if (isJsonObject(probe)) applyProbeDefaults(probe);
  }
  if (isJsonObject(c.lifecycle)) {
    for (const key of ['postStart', 'preStop']) {
      const handler = c.lifecycle[key];
      if (isJsonObject(handler)) applyHTTPGetDefaults(handler.httpGet);
    }
  }
}

function applyProbeDefaults(probe: JsonObject): void {
  defaultField(probe, 'timeoutSeconds', 1);
  defaultField(probe, 'periodSeconds', 10);
  defaultField(probe, 'successThreshold', 1);
  defaultField(probe, 'failureThreshold', 3);
  applyHTTPGetDefaults(probe.httpGet);
}

function applyHTTPGetDefaults(httpGet: unknown): void {
  if (!isJsonObject(httpGet)) return;
  defaultField(httpGet, 'path', '/');
  defaultField(httpGet, 'scheme', 'HTTP');
}

// ObjectFieldSelector.apiVersion defaults to v1 (env valueFrom and downward API items).
function applyFieldRefDefaults(holder: unknown): void {
  if (isJsonObject(holder) && isJsonObject(holder.fieldRef)) defaultField(holder.fieldRef, 'apiVersion', 'v1');
}

// 0644, the default mode of secret, configMap, downwardAPI and projected volumes.
const defaultVolumeMode = 420;

function applyVolumeDefaults(volume: JsonObject): void {
  // A volume with no source at all is an emptyDir.
  if (Object.keys(volume).every((key) => key === 'name' || volume[key] === undefined || volume[key] === null)) volume.emptyDir = {};
  for (const key of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const source = volume[key];
    if (isJsonObject(source)) defaultField(source, 'defaultMode', defaultVolumeMode);
  }
  if (isJsonObject(volume.hostPath)) defaultField(volume.hostPath, 'type', '');
  if (isJsonObject(volume.downwardAPI)) for (const item of objectsOf(volume.downwardAPI.items)) applyFieldRefDefaults(item);
  if (isJsonObject(volume.projected)) {
    for (const source of objectsOf(volume.projected.sources)) {
      if (isJsonObject(source.serviceAccountToken)) defaultField(source.serviceAccountToken, 'expirationSeconds', 3600);
      if (isJsonObject(source.downwardAPI)) for (const item of objectsOf(source.downwardAPI.items)) applyFieldRefDefaults(item);
    }
  }
}
