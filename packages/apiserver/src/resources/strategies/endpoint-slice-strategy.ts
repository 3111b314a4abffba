import type { KubeObject } from '@minik/types';
import { fieldErrors, type FieldError } from '../../errors/index.js';
import type { ResourceStrategy } from '../resource-strategy.js';
import { validateEnum } from './container-validation.js';
import { uniqueErrors } from './field-error-list.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './metadata-validation.js';
import { isDNS1123Label, nameIsDNSSubdomain } from './name-validation.js';
import { objectsOf, stringOf } from './object-fields.js';
import { supportedPortProtocols } from './port-validation.js';

const supportedAddressTypes = ['FQDN', 'IPv4', 'IPv6'] as const;

/**
 * discovery.k8s.io/v1 EndpointSlice: port names default to "" and protocols to TCP
 * (SetDefaults_EndpointPort); addressType is required, supported and immutable.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/apis/discovery/validation/validation.go
 */
export const endpointSliceStrategy: ResourceStrategy = {
  applyDefaults(obj) {
    for (const port of objectsOf(obj.ports)) {
      if (typeof port.name !== 'string') port.name = '';
      if (typeof port.protocol !== 'string' || port.protocol === '') port.protocol = 'TCP';
    }
  },
  validateCreate(obj) {
    return [...validateObjectMeta(obj.metadata, nameIsDNSSubdomain), ...validateAddressType(obj), ...validatePorts(obj)];
  },
  validateUpdate(obj, old) {
    const errs = [...validateObjectMetaUpdate(obj.metadata), ...validateObjectMeta(obj.metadata, nameIsDNSSubdomain), ...validateAddressType(obj), ...validatePorts(obj)];
    if (stringOf(obj.addressType) !== stringOf(old.addressType)) errs.push(fieldErrors.invalid('addressType', stringOf(obj.addressType), 'field is immutable'));
    return uniqueErrors(errs);
  },
};

function validateAddressType(obj: KubeObject): FieldError[] {
  return validateEnum(obj.addressType, 'addressType', supportedAddressTypes);
}

function validatePorts(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  objectsOf(obj.ports).forEach((port, i) => {
    const path = `ports[${i}]`;
    const name = stringOf(port.name);
    if (name !== '') for (const msg of isDNS1123Label(name)) errs.push(fieldErrors.invalid(`${path}.name`, name, msg));
    if (names.has(name)) errs.push(fieldErrors.duplicate(`${path}.name`, name));
    else names.add(name);
    errs.push(...validateEnum(port.protocol, `${path}.protocol`, supportedPortProtocols));
  });
  return errs;
}
