import type { KubeObject } from '@minik/types';
import { fieldErrors, type FieldError } from '../../errors/index.js';
import type { ResourceStrategy } from '../resource-strategy.js';
import { validateEnum } from './container-validation.js';
import { uniqueErrors } from './field-error-list.js';
import { invalidIPMessage, isIPAddress } from './ip-validation.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './metadata-validation.js';
import { isDNS1123Label, isDNS1123Subdomain, nameIsDNSSubdomain } from './name-validation.js';
import { defaultField, objectsOf, stringOf } from './object-fields.js';
import { isValidPortNum, supportedPortProtocols } from './port-validation.js';

/**
 * core/v1 Endpoints: port protocols default to TCP (SetDefaults_Endpoints); addresses must be IPs,
 * ports valid and named when there are several.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/apis/core/validation/validation.go
 */
export const endpointsStrategy: ResourceStrategy = {
  applyDefaults(obj) {
    for (const subset of objectsOf(obj.subsets)) for (const port of objectsOf(subset.ports)) defaultField(port, 'protocol', 'TCP');
  },
  validateCreate(obj) {
    return [...validateObjectMeta(obj.metadata, nameIsDNSSubdomain), ...validateSubsets(obj)];
  },
  validateUpdate(obj) {
    return uniqueErrors([...validateObjectMetaUpdate(obj.metadata), ...validateObjectMeta(obj.metadata, nameIsDNSSubdomain), ...validateSubsets(obj)]);
  },
};

function validateSubsets(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  objectsOf(obj.subsets).forEach((subset, s) => {
    const path = `subsets[${s}]`;
    for (const key of ['addresses', 'notReadyAddresses']) {
      objectsOf(subset[key]).forEach((address, a) => {
        const aPath = `${path}.${key}[${a}]`;
        const ip = stringOf(address.ip);
        if (!isIPAddress(ip)) errs.push(fieldErrors.invalid(`${aPath}.ip`, ip, invalidIPMessage));
        const hostname = stringOf(address.hostname);
        if (hostname !== '') for (const msg of isDNS1123Label(hostname)) errs.push(fieldErrors.invalid(`${aPath}.hostname`, hostname, msg));
        const nodeName = stringOf(address.nodeName);
        if (nodeName !== '') for (const msg of isDNS1123Subdomain(nodeName)) errs.push(fieldErrors.invalid(`${aPath}.nodeName`, nodeName, msg));
      });
    }
    const ports = objectsOf(subset.ports);
    ports.forEach((port, p) => {
      const pPath = `${path}.ports[${p}]`;
      const name = stringOf(port.name);
      if (ports.length > 1 && name === '') errs.push(fieldErrors.required(`${pPath}.name`));
      else if (name !== '') for (const msg of isDNS1123Label(name)) errs.push(fieldErrors.invalid(`${pPath}.name`, name, msg));
      const number = typeof port.port === 'number' ? port.port : 0;
      for (const msg of isValidPortNum(number)) errs.push(fieldErrors.invalid(`${pPath}.port`, number, msg));
      errs.push(...validateEnum(port.protocol, `${pPath}.protocol`, supportedPortProtocols));
    });
  });
  return errs;
}
