import type { KubeObject } from '@minik/types';
import { fieldErrors, GoValue, type FieldError } from '../../errors/index.js';
import { validatePortNumOrName, validateEnum } from './container-validation.js';
import { goQuote, goValue } from './go-syntax.js';
import { invalidIPMessage, isIPAddress, isIPv4Address } from './ip-validation.js';
import { validateLabels, validateObjectMeta } from './metadata-validation.js';
import { isDNS1123Label, isDNS1123Subdomain, nameIsDNS1035Label } from './name-validation.js';
import { isJsonObject, objectsOf, stringOf, type JsonObject } from './object-fields.js';
import { isValidPortNum, supportedPortProtocols } from './port-validation.js';

/**
 * ValidateService and the ClusterIP/IP-family checks of a single-stack IPv4 cluster
 * (https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/apis/core/validation/validation.go,
 * pkg/registry/core/service/storage/alloc.go).
 */

/** A Service spec as plain JSON. */
export type ServiceSpecJson = JsonObject;

export const specOf = (svc: KubeObject): ServiceSpecJson => (isJsonObject(svc.spec) ? svc.spec : {});
export const isExternalName = (spec: ServiceSpecJson): boolean => spec.type === 'ExternalName';
export const isHeadless = (spec: ServiceSpecJson): boolean => spec.clusterIP === 'None' || (Array.isArray(spec.clusterIPs) && spec.clusterIPs[0] === 'None');
export const needsClusterIP = (spec: ServiceSpecJson): boolean => !isExternalName(spec);
export const needsNodePort = (spec: ServiceSpecJson): boolean => spec.type === 'NodePort' || spec.type === 'LoadBalancer';
export const needsHealthCheck = (spec: ServiceSpecJson): boolean => spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';
export const isExternallyAccessible = (spec: ServiceSpecJson): boolean =>
  spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0);
export const needsInternalTrafficPolicy = (spec: ServiceSpecJson): boolean =>
  spec.type === 'NodePort' || spec.type === 'LoadBalancer' || spec.type === 'ClusterIP';

/** The `spec.clusterIPs` of a Service as strings. */
export const clusterIPsOf = (spec: ServiceSpecJson): string[] => (Array.isArray(spec.clusterIPs) ? spec.clusterIPs.map(String) : []);

/** Field errors of a (defaulted) Service, create or update. */
export function validateService(svc: KubeObject): FieldError[] {
  const spec = specOf(svc);
  const errs = validateObjectMeta(svc.metadata, nameIsDNS1035Label);
  const ports = objectsOf(spec.ports);
  const type = stringOf(spec.type);
  if (ports.length === 0 && !isHeadless(spec) && type !== 'ExternalName') errs.push(fieldErrors.required('spec.ports'));
  const clusterIPs = clusterIPsOf(spec);
  if ((type === 'LoadBalancer' || type === 'NodePort') && isHeadless(spec)) {
    errs.push(fieldErrors.invalid('spec.clusterIPs[0]', clusterIPs[0] ?? 'None', `may not be set to 'None' for ${type} services`));
  }
  if (type === 'ExternalName') {
    if (clusterIPs.length > 0) errs.push(fieldErrors.forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    if (Array.isArray(spec.ipFamilies) && spec.ipFamilies.length > 0) errs.push(fieldErrors.forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
    if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null) errs.push(fieldErrors.forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
    // The CNAME may end with a dot to mark it fully qualified.
    const cname = stringOf(spec.externalName).replace(/\.$/, '');
    if (cname.length > 0) for (const msg of isDNS1123Subdomain(cname)) errs.push(fieldErrors.invalid('spec.externalName', cname, msg));
    else errs.push(fieldErrors.required('spec.externalName'));
  }

  const names = new Set<string>();
  ports.forEach((port, i) => errs.push(...validateServicePort(port, ports.length > 1, names, `spec.ports[${i}]`)));
  if (isJsonObject(spec.selector)) errs.push(...validateLabels(spec.selector, 'spec.selector'));

  const affinity = stringOf(spec.sessionAffinity);
  if (affinity === '') errs.push(fieldErrors.required('spec.sessionAffinity'));
  else if (!['ClientIP', 'None'].includes(affinity)) errs.push(fieldErrors.notSupported('spec.sessionAffinity', affinity, ['ClientIP', 'None']));
  if (affinity === 'ClientIP') errs.push(...validateClientIPAffinity(spec.sessionAffinityConfig));
  else if (affinity === 'None' && spec.sessionAffinityConfig !== undefined && spec.sessionAffinityConfig !== null) {
    errs.push(fieldErrors.forbidden('spec.sessionAffinityConfig', 'must not be set when session affinity is None'));
  }

  errs.push(...validateClusterIPsRelatedFields(spec));
  (Array.isArray(spec.externalIPs) ? spec.externalIPs : []).forEach((ip, i) => {
    if (!isIPAddress(String(ip))) errs.push(fieldErrors.invalid(`spec.externalIPs[${i}]`, String(ip), invalidIPMessage));
  });
  if (type === '') errs.push(fieldErrors.required('spec.type'));
  else if (!['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'].includes(type)) {
    errs.push(fieldErrors.notSupported('spec.type', type, ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']));
  }
  if (type === 'ClusterIP') {
    ports.forEach((port, i) => {
      if (typeof port.nodePort === 'number' && port.nodePort !== 0) errs.push(fieldErrors.forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  ports.forEach((port, i) => {
    if (typeof port.nodePort !== 'number' || port.nodePort === 0) return;
    const key = `${stringOf(port.protocol)}/${port.nodePort}`;
    if (nodePorts.has(key)) errs.push(fieldErrors.duplicate(`spec.ports[${i}].nodePort`, port.nodePort));
    nodePorts.add(key);
  });
  const servicePorts = new Set<string>();
  ports.forEach((port, i) => {
    const protocol = stringOf(port.protocol);
    const number = typeof port.port === 'number' ? port.port : 0;
    const key = `${protocol}/${number}`;
    if (servicePorts.has(key)) {
      // Upstream reports the (protocol, port) key struct with Go's %#v.
      const rendered = `core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${number}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`;
      errs.push(fieldErrors.duplicate(`spec.ports[${i}]`, new GoValue(rendered)));
    }
    servicePorts.add(key);
  });
  if (Array.isArray(spec.loadBalancerSourceRanges) && spec.loadBalancerSourceRanges.length > 0 && type !== 'LoadBalancer') {
    errs.push(fieldErrors.forbidden('spec.LoadBalancerSourceRanges', "may only be used when `type` is 'LoadBalancer'"));
  }
  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts !== null && type !== 'LoadBalancer') {
    errs.push(fieldErrors.forbidden('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"));
  }
  if (type === 'LoadBalancer' && (spec.allocateLoadBalancerNodePorts === undefined || spec.allocateLoadBalancerNodePorts === null)) {
    errs.push(fieldErrors.required('allocateLoadBalancerNodePorts'));
  }
  errs.push(...validateExternalTrafficPolicy(spec));
  if (spec.internalTrafficPolicy === undefined || spec.internalTrafficPolicy === null) {
    if (needsInternalTrafficPolicy(spec)) errs.push(fieldErrors.required('spec.internalTrafficPolicy'));
  } else if (!['Cluster', 'Local'].includes(String(spec.internalTrafficPolicy))) {
    errs.push(fieldErrors.notSupported('spec.internalTrafficPolicy', spec.internalTrafficPolicy, ['Cluster', 'Local']));
  }
  return errs;
}

function validateServicePort(port: JsonObject, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = stringOf(port.name);
  if (requireName && name.length === 0) {
    errs.push(fieldErrors.required(`${path}.name`));
  } else if (name.length > 0) {
    for (const msg of isDNS1123Label(name)) errs.push(fieldErrors.invalid(`${path}.name`, name, msg));
    if (names.has(name)) errs.push(fieldErrors.duplicate(`${path}.name`, name));
    else names.add(name);
  }
  const number = typeof port.port === 'number' ? port.port : 0;
  for (const msg of isValidPortNum(number)) errs.push(fieldErrors.invalid(`${path}.port`, number, msg));
  errs.push(...validateEnum(port.protocol, `${path}.protocol`, supportedPortProtocols));
  errs.push(...validatePortNumOrName(port.targetPort, `${path}.targetPort`));
  return errs;
}

function validateClientIPAffinity(config: unknown): FieldError[] {
  const path = 'spec.sessionAffinityConfig';
  const detail = 'when session affinity type is ClientIP';
  if (!isJsonObject(config)) return [fieldErrors.required(path, detail)];
  if (!isJsonObject(config.clientIP)) return [fieldErrors.required(`${path}.clientIP`, detail)];
  const timeout = config.clientIP.timeoutSeconds;
  if (typeof timeout !== 'number') return [fieldErrors.required(`${path}.clientIP.timeoutSeconds`, detail)];
  if (timeout <= 0 || timeout > 86400) return [fieldErrors.invalid(`${path}.clientIP.timeoutSeconds`, timeout, 'must be greater than 0 and less than 86400')];
  return [];
}

function validateExternalTrafficPolicy(spec: ServiceSpecJson): FieldError[] {
  const errs: FieldError[] = [];
  const policy = stringOf(spec.externalTrafficPolicy);
  if (!isExternallyAccessible(spec)) {
    if (policy !== '') errs.push(fieldErrors.invalid('spec.externalTrafficPolicy', policy, 'may only be set for externally-accessible services'));
  } else if (policy === '') {
    errs.push(fieldErrors.required('spec.externalTrafficPolicy'));
  } else if (!['Cluster', 'Local'].includes(policy)) {
    errs.push(fieldErrors.notSupported('spec.externalTrafficPolicy', policy, ['Cluster', 'Local']));
  }
  const healthCheck = typeof spec.healthCheckNodePort === 'number' ? spec.healthCheckNodePort : 0;
  if (!needsHealthCheck(spec)) {
    if (healthCheck !== 0) {
      errs.push(fieldErrors.invalid('spec.healthCheckNodePort', healthCheck, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
    }
  } else if (healthCheck === 0) {
    errs.push(fieldErrors.required('spec.healthCheckNodePort'));
  } else {
    for (const msg of isValidPortNum(healthCheck)) errs.push(fieldErrors.invalid('spec.healthCheckNodePort', healthCheck, msg));
  }
  return errs;
}

/** ClusterIP formats and IP families on a cluster that serves IPv4 only. */
function validateClusterIPsRelatedFields(spec: ServiceSpecJson): FieldError[] {
  if (isExternalName(spec)) return [];
  const errs: FieldError[] = [];
  const clusterIPs = clusterIPsOf(spec);
  const policy = spec.ipFamilyPolicy;
  if (policy !== undefined && policy !== null && !['PreferDualStack', 'RequireDualStack', 'SingleStack'].includes(String(policy))) {
    errs.push(fieldErrors.notSupported('spec.ipFamilyPolicy', policy, ['PreferDualStack', 'RequireDualStack', 'SingleStack']));
  }
  const families = Array.isArray(spec.ipFamilies) ? spec.ipFamilies.map(String) : [];
  families.forEach((family, i) => {
    if (!['IPv4', 'IPv6'].includes(family)) errs.push(fieldErrors.notSupported(`spec.ipFamilies[${i}]`, family, ['IPv4', 'IPv6']));
  });
  clusterIPs.forEach((ip, i) => {
    if (ip === 'None') {
      if (i > 0) errs.push(fieldErrors.invalid(`spec.clusterIPs[${i}]`, ip, "may not be 'None' when `clusterIPs[0]` is not 'None'"));
      return;
    }
    if (!isIPAddress(ip)) errs.push(fieldErrors.invalid(`spec.clusterIPs[${i}]`, ip, invalidIPMessage));
  });
  if (errs.length > 0) return errs;
  if (clusterIPs.length > 0 && stringOf(spec.clusterIP) !== clusterIPs[0]) {
    errs.push(fieldErrors.invalid('spec.clusterIPs', goValue.stringSlice(clusterIPs), 'first value must match `clusterIP`'));
  }
  const headlessSelectorless = isHeadless(spec) && !(isJsonObject(spec.selector) && Object.keys(spec.selector).length > 0);
  if (policy === 'SingleStack' && clusterIPs.length === 2) {
    errs.push(fieldErrors.invalid('spec.ipFamilyPolicy', policy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified"));
  }
  if (policy === 'SingleStack' && families.length === 2) {
    errs.push(fieldErrors.invalid('spec.ipFamilyPolicy', policy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified"));
  }
  if (headlessSelectorless) return errs;
  clusterIPs.forEach((ip, i) => {
    if (ip !== 'None' && !isIPv4Address(ip)) errs.push(fieldErrors.invalid(`spec.clusterIPs[${i}]`, goValue.stringSlice(clusterIPs), 'IPv6 is not configured on this cluster'));
  });
  if (policy === 'RequireDualStack') errs.push(fieldErrors.invalid('spec.ipFamilyPolicy', policy, 'this cluster is not configured for dual-stack services'));
  families.forEach((family, i) => {
    if (family === 'IPv6') errs.push(fieldErrors.invalid(`spec.ipFamilies[${i}]`, family, 'not configured on this cluster'));
  });
  return errs;
}
