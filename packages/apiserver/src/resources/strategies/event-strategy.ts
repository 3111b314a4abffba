import type { KubeObject } from '@minik/types';
import { fieldErrors, type FieldError } from '../../errors/index.js';
import { deepEqual } from '../../util/deep-equal.js';
import type { ResourceStrategy } from '../resource-strategy.js';
import { validateObjectMeta } from './metadata-validation.js';
import { isDNS1123Subdomain, isQualifiedName, nameIsDNSSubdomain } from './name-validation.js';
import { isJsonObject, stringOf, type JsonObject } from './object-fields.js';

/**
 * Events, kept deliberately light because minik's own controllers write them. core/v1 Events get
 * only upstream's legacy checks (no name rule); events.k8s.io/v1 Events get the strict ones.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/apis/core/validation/events.go
 */

const lengthLimit = 128;
const noteLengthLimit = 1024;

/** How the two API versions name the fields legacyValidateEvent looks at. */
interface EventFields {
  involvedObject: string;
  reportingController: string;
  message: string;
}

const coreFields: EventFields = { involvedObject: 'involvedObject', reportingController: 'reportingComponent', message: 'message' };
const eventsV1Fields: EventFields = { involvedObject: 'regarding', reportingController: 'reportingController', message: 'note' };

/** core/v1 Event; Go prints its zero timestamps as null and its empty reporting fields as "". */
export const coreEventStrategy: ResourceStrategy = {
  applyDefaults(obj) {
    for (const key of ['involvedObject', 'source']) if (!isJsonObject(obj[key])) obj[key] = {};
    for (const key of ['firstTimestamp', 'lastTimestamp', 'eventTime']) if (obj[key] === undefined) obj[key] = null;
    for (const key of ['reportingComponent', 'reportingInstance']) if (typeof obj[key] !== 'string') obj[key] = '';
  },
  validateCreate: (obj) => legacyValidateEvent(obj, coreFields),
  validateUpdate: (obj) => legacyValidateEvent(obj, coreFields),
};

/** events.k8s.io/v1 Event. */
export const eventsV1EventStrategy: ResourceStrategy = {
  validateCreate: (obj) => [...legacyValidateEvent(obj, eventsV1Fields), ...strictValidateEvent(obj)],
  // Updates get the legacy rules plus immutability (upstream ValidateEventUpdate): events written
  // through core/v1 must stay updatable through events.k8s.io/v1 (they share one storage).
  validateUpdate: (obj, old) => [...legacyValidateEvent(obj, eventsV1Fields), ...immutableEventFields(obj, old)],
};

/** The events.k8s.io/v1 fields an update may not change. */
const immutableV1Fields = [
  'regarding',
  'reason',
  'note',
  'deprecatedSource',
  'deprecatedFirstTimestamp',
  'deprecatedLastTimestamp',
  'deprecatedCount',
  'type',
  'eventTime',
  'action',
  'related',
  'reportingController',
  'reportingInstance',
] as const;

function immutableEventFields(obj: KubeObject, old: KubeObject): FieldError[] {
  return immutableV1Fields
    .filter((field) => !deepEqual(obj[field] ?? null, old[field] ?? null))
    .map((field) => fieldErrors.invalid(field, obj[field] ?? null, 'field is immutable'));
}

const isSet = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

function legacyValidateEvent(obj: KubeObject, names: EventFields): FieldError[] {
  const errs: FieldError[] = [];
  const namespace = obj.metadata.namespace ?? '';
  const involved: JsonObject = isJsonObject(obj[names.involvedObject]) ? (obj[names.involvedObject] as JsonObject) : {};
  const involvedNamespace = stringOf(involved.namespace);
  const mismatch = (): FieldError => fieldErrors.invalid('involvedObject.namespace', involvedNamespace, 'does not match event.namespace');
  if (!isSet(obj.eventTime)) {
    // Old-style events: the namespaces must agree ("default" is accepted for cluster-scoped objects).
    if (involvedNamespace === '') {
      if (namespace !== '' && namespace !== 'default') errs.push(mismatch());
    } else if (namespace !== involvedNamespace) {
      errs.push(mismatch());
    }
  } else {
    if (involvedNamespace === '' && namespace !== 'default' && namespace !== 'kube-system') errs.push(mismatch());
    const controller = stringOf(obj[names.reportingController]);
    if (controller === '') errs.push(fieldErrors.required(names.reportingController));
    for (const msg of isQualifiedName(controller)) errs.push(fieldErrors.invalid(names.reportingController, controller, msg));
    const instance = stringOf(obj.reportingInstance);
    if (instance === '') errs.push(fieldErrors.required('reportingInstance'));
    if (instance.length > lengthLimit) errs.push(fieldErrors.invalid('reportingInstance', '', `can have at most ${lengthLimit} characters`));
    for (const key of ['action', 'reason']) {
      const value = stringOf(obj[key]);
      if (value === '') errs.push(fieldErrors.required(key));
      if (value.length > lengthLimit) errs.push(fieldErrors.invalid(key, '', `can have at most ${lengthLimit} characters`));
    }
    if (stringOf(obj[names.message]).length > noteLengthLimit) {
      errs.push(fieldErrors.invalid('message', '', `can have at most ${noteLengthLimit} characters`));
    }
  }
  for (const msg of isDNS1123Subdomain(namespace)) errs.push(fieldErrors.invalid('namespace', namespace, msg));
  return errs;
}

// Creation through events.k8s.io/v1 must use the new fields only.
function strictValidateEvent(obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, nameIsDNSSubdomain);
  if (!isSet(obj.eventTime)) errs.push(fieldErrors.required('eventTime'));
  const type = stringOf(obj.type);
  if (type !== 'Normal' && type !== 'Warning') errs.push(fieldErrors.invalid('type', '', `has invalid value: ${type}`));
  if (isSet(obj.deprecatedFirstTimestamp)) errs.push(fieldErrors.invalid('firstTimestamp', '', 'needs to be unset'));
  if (isSet(obj.deprecatedLastTimestamp)) errs.push(fieldErrors.invalid('lastTimestamp', '', 'needs to be unset'));
  if (typeof obj.deprecatedCount === 'number' && obj.deprecatedCount !== 0) errs.push(fieldErrors.invalid('count', '', 'needs to be unset'));
  const source = isJsonObject(obj.deprecatedSource) ? obj.deprecatedSource : {};
  if (isSet(source.component) || isSet(source.host)) errs.push(fieldErrors.invalid('source', '', 'needs to be unset'));
  return errs;
}
