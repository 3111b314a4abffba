import { fieldErrors, type FieldError } from '../../errors/index.js';
import { isDNS1123Label, isRelaxedEnvVarName } from './name-validation.js';
import { isJsonObject, objectsOf, stringOf, type JsonObject } from './object-fields.js';
import { isNegativeErrorMsg, isValidPortName, isValidPortNum, supportedPortProtocols } from './port-validation.js';
import { parseQuantity } from './quantity.js';

/**
 * Container checks shared by Pods and pod templates, in upstream's order
 * (validateContainers, validateInitContainers and validateContainerCommon in
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/apis/core/validation/validation.go).
 */

/** The regular containers: at least one, unique names, no per-container restartPolicy. */
export function validateContainers(containers: unknown, volumes: ReadonlySet<string>, path: string): FieldError[] {
  const list = objectsOf(containers);
  if (list.length === 0) return [fieldErrors.required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  list.forEach((c, i) => {
    const cPath = `${path}[${i}]`;
    const name = stringOf(c.name);
    errs.push(...validateContainerCommon(c, volumes, cPath));
    if (names.has(name)) errs.push(fieldErrors.duplicate(`${cPath}.name`, name));
    else names.add(name);
    errs.push(...validateProbes(c, cPath));
    if (c.restartPolicy !== undefined && c.restartPolicy !== null) {
      errs.push(fieldErrors.forbidden(`${cPath}.restartPolicy`, 'may not be set for non-init containers'));
    }
  });
  errs.push(...checkHostPortConflicts(list, path));
  return errs;
}

/** Init containers: names unique across regular and init containers; probes only for sidecars. */
export function validateInitContainers(initContainers: unknown, containers: unknown, volumes: ReadonlySet<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set(objectsOf(containers).map((c) => stringOf(c.name)));
  objectsOf(initContainers).forEach((c, i) => {
    const cPath = `${path}[${i}]`;
    const name = stringOf(c.name);
    errs.push(...validateContainerCommon(c, volumes, cPath));
    let restartAlways = false;
    if (c.restartPolicy !== undefined && c.restartPolicy !== null) {
      if (c.restartPolicy === 'Always') restartAlways = true;
      else errs.push(fieldErrors.notSupported(`${cPath}.restartPolicy`, c.restartPolicy, ['Always']));
    }
    if (names.has(name)) errs.push(fieldErrors.duplicate(`${cPath}.name`, name));
    else if (name.length > 0) names.add(name);
    errs.push(...checkHostPortConflicts([c], path));
    if (restartAlways) {
      errs.push(...validateProbes(c, cPath));
    } else {
      for (const key of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (c[key] !== undefined && c[key] !== null) {
          errs.push(fieldErrors.forbidden(`${cPath}.${key}`, 'may not be set for init containers without restartPolicy=Always'));
        }
      }
    }
  });
  return errs;
}

/** The rules every container kind shares: name, image, ports, env, mounts, pull policy, resources. */
function validateContainerCommon(c: JsonObject, volumes: ReadonlySet<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = stringOf(c.name);
  if (name.length === 0) errs.push(fieldErrors.required(`${path}.name`));
  else for (const msg of isDNS1123Label(name)) errs.push(fieldErrors.invalid(`${path}.name`, name, msg));
  if (stringOf(c.image).length === 0) errs.push(fieldErrors.required(`${path}.image`));
  errs.push(...validateEnum(c.terminationMessagePolicy, `${path}.terminationMessagePolicy`, ['File', 'FallbackToLogsOnError']));
  errs.push(...validateContainerPorts(c.ports, `${path}.ports`));
  errs.push(...validateEnv(c.env, `${path}.env`));
  errs.push(...validateVolumeMounts(c.volumeMounts, volumes, `${path}.volumeMounts`));
  errs.push(...validateEnum(c.imagePullPolicy, `${path}.imagePullPolicy`, ['Always', 'IfNotPresent', 'Never']));
  errs.push(...validateResources(c.resources, `${path}.resources`));
  return errs;
}

/** Required when empty, NotSupported when not one of `supported` (listed in upstream's order). */
export function validateEnum(value: unknown, path: string, supported: readonly string[]): FieldError[] {
  if (value === undefined || value === null || value === '') return [fieldErrors.required(path)];
  return supported.includes(String(value)) ? [] : [fieldErrors.notSupported(path, value, supported)];
}

function validateContainerPorts(ports: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  objectsOf(ports).forEach((port, i) => {
    const pPath = `${path}[${i}]`;
    const name = stringOf(port.name);
    if (name.length > 0) {
      const msgs = isValidPortName(name);
      if (msgs.length > 0) for (const msg of msgs) errs.push(fieldErrors.invalid(`${pPath}.name`, name, msg));
      else if (names.has(name)) errs.push(fieldErrors.duplicate(`${pPath}.name`, name));
      else names.add(name);
    }
    const containerPort = typeof port.containerPort === 'number' ? port.containerPort : 0;
    if (containerPort === 0) errs.push(fieldErrors.required(`${pPath}.containerPort`));
    else for (const msg of isValidPortNum(containerPort)) errs.push(fieldErrors.invalid(`${pPath}.containerPort`, containerPort, msg));
    const hostPort = typeof port.hostPort === 'number' ? port.hostPort : 0;
    if (hostPort !== 0) for (const msg of isValidPortNum(hostPort)) errs.push(fieldErrors.invalid(`${pPath}.hostPort`, hostPort, msg));
    errs.push(...validateEnum(port.protocol, `${pPath}.protocol`, supportedPortProtocols));
  });
  return errs;
}

// Host ports may not repeat across the containers that run together (protocol/hostIP/port).
function checkHostPortConflicts(containers: readonly JsonObject[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((c, ci) => {
    objectsOf(c.ports).forEach((port, pi) => {
      const hostPort = typeof port.hostPort === 'number' ? port.hostPort : 0;
      if (hostPort === 0) return;
      const key = `${stringOf(port.protocol)}/${stringOf(port.hostIP)}/${hostPort}`;
      if (seen.has(key)) errs.push(fieldErrors.duplicate(`${path}[${ci}].ports[${pi}].hostPort`, key));
      else seen.add(key);
    });
  });
  return errs;
}

function validateEnv(env: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  objectsOf(env).forEach((variable, i) => {
    const namePath = `${path}[${i}].name`;
    const name = stringOf(variable.name);
    if (name.length === 0) errs.push(fieldErrors.required(namePath));
    for (const msg of isRelaxedEnvVarName(name)) errs.push(fieldErrors.invalid(namePath, name, msg));
    if (isJsonObject(variable.valueFrom)) {
      const valueFrom = variable.valueFrom;
      const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'].filter((key) => isJsonObject(valueFrom[key]));
      const fromPath = `${path}[${i}].valueFrom`;
      if (sources.length === 0) {
        errs.push(fieldErrors.invalid(fromPath, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
      } else if (stringOf(variable.value).length > 0) {
        errs.push(fieldErrors.invalid(fromPath, '', 'may not be specified when `value` is not empty'));
      } else if (sources.length > 1) {
        errs.push(fieldErrors.invalid(fromPath, '', 'may not have more than one field specified at a time'));
      }
    }
  });
  return errs;
}

function validateVolumeMounts(mounts: unknown, volumes: ReadonlySet<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const mountPoints = new Set<string>();
  objectsOf(mounts).forEach((mount, i) => {
    const mPath = `${path}[${i}]`;
    const name = stringOf(mount.name);
    const mountPath = stringOf(mount.mountPath);
    if (name.length === 0) errs.push(fieldErrors.required(`${mPath}.name`));
    if (!volumes.has(name)) errs.push(fieldErrors.notFound(`${mPath}.name`, name));
    if (mountPath.length === 0) errs.push(fieldErrors.required(`${mPath}.mountPath`));
    if (mountPoints.has(mountPath)) errs.push(fieldErrors.invalid(`${mPath}.mountPath`, mountPath, 'must be unique'));
    mountPoints.add(mountPath);
  });
  return errs;
}

const standardContainerResources = new Set(['cpu', 'memory', 'ephemeral-storage']);
// Overcommit (request < limit) is allowed for native resources other than hugepages.
const isNativeResource = (name: string): boolean => !name.includes('/') || name.startsWith('kubernetes.io/');
const isOvercommitAllowed = (name: string): boolean => isNativeResource(name) && !name.startsWith('hugepages-');

function validateResources(resources: unknown, path: string): FieldError[] {
  if (!isJsonObject(resources)) return [];
  const errs: FieldError[] = [];
  const limits = isJsonObject(resources.limits) ? resources.limits : {};
  const requests = isJsonObject(resources.requests) ? resources.requests : {};
  const checkOne = (name: string, raw: unknown, fieldPath: string): bigint | undefined => {
    if (!name.includes('/') && !standardContainerResources.has(name) && !name.startsWith('hugepages-')) {
      errs.push(fieldErrors.invalid(fieldPath, name, 'must be a standard resource for containers'));
    }
    const amount = parseQuantity(String(raw));
    if (amount !== undefined && amount < 0n) errs.push(fieldErrors.invalid(fieldPath, String(raw), isNegativeErrorMsg));
    return amount;
  };
  for (const [name, raw] of Object.entries(limits)) checkOne(name, raw, `${path}.limits[${name}]`);
  for (const [name, raw] of Object.entries(requests)) {
    const request = checkOne(name, raw, `${path}.requests[${name}]`);
    if (name in limits) {
      const limit = parseQuantity(String(limits[name]));
      if (request === undefined || limit === undefined) continue;
      if (request !== limit && !isOvercommitAllowed(name)) {
        errs.push(fieldErrors.invalid(`${path}.requests`, String(raw), `must be equal to ${name} limit of ${String(limits[name])}`));
      } else if (request > limit) {
        errs.push(fieldErrors.invalid(`${path}.requests`, String(raw), `must be less than or equal to ${name} limit of ${String(limits[name])}`));
      }
    } else if (!isOvercommitAllowed(name)) {
      errs.push(fieldErrors.required(`${path}.limits`, 'Limit must be set for non overcommitable resources'));
    }
  }
  return errs;
}

function validateProbes(c: JsonObject, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (isJsonObject(c.lifecycle)) {
    for (const key of ['postStart', 'preStop']) {
      const handler = c.lifecycle[key];
      if (isJsonObject(handler)) errs.push(...validateHandler(handler, `${path}.lifecycle.${key}`, ['exec', 'httpGet', 'tcpSocket', 'sleep']));
    }
  }
  for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const probe = c[key];
    if (!isJsonObject(probe)) continue;
    const pPath = `${path}.${key}`;
    errs.push(...validateHandler(probe, pPath, ['exec', 'httpGet', 'tcpSocket', 'grpc']));
    for (const field of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
      const value = probe[field];
      if (typeof value === 'number' && value < 0) errs.push(fieldErrors.invalid(`${pPath}.${field}`, value, isNegativeErrorMsg));
    }
    if (key !== 'readinessProbe' && typeof probe.successThreshold === 'number' && probe.successThreshold !== 1) {
      errs.push(fieldErrors.invalid(`${pPath}.successThreshold`, probe.successThreshold, 'must be 1'));
    }
  }
  return errs;
}

function validateHandler(handler: JsonObject, path: string, kinds: readonly string[]): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const kind of kinds) {
    const action = handler[kind];
    if (!isJsonObject(action)) continue;
    if (count > 0) {
      errs.push(fieldErrors.forbidden(`${path}.${kind}`, 'may not specify more than 1 handler type'));
      continue;
    }
    count++;
    if (kind === 'exec' && objectsOrStrings(action.command).length === 0) errs.push(fieldErrors.required(`${path}.exec.command`));
    if (kind === 'httpGet' || kind === 'tcpSocket') errs.push(...validatePortNumOrName(action.port, `${path}.${kind}.port`));
    if (kind === 'httpGet' && action.scheme !== undefined && !['HTTP', 'HTTPS'].includes(String(action.scheme))) {
      errs.push(fieldErrors.notSupported(`${path}.httpGet.scheme`, action.scheme, ['HTTP', 'HTTPS']));
    }
  }
  if (count === 0) errs.push(fieldErrors.required(path, 'must specify a handler type'));
  return errs;
}

const objectsOrStrings = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** An IntOrString port: a valid number, or a valid IANA service name. */
export function validatePortNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === 'string') return isValidPortName(port).map((msg) => fieldErrors.invalid(path, port, msg));
  const num = typeof port === 'number' ? port : 0;
  return isValidPortNum(num).map((msg) => fieldErrors.invalid(path, num, msg));
}
