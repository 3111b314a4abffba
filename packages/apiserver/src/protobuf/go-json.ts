import { emptyMessage, type DecodedMap, type DecodedMessage, type DecodedScalar, type DecodedValue } from './message-decoder.js';
import { messageDescriptor } from './message-registry.js';
import { messageTypeOf, type FieldDescriptor, type ScalarType } from './message-schema.js';
import { ProtoDecodeError } from './wire-reader.js';
import { setOwnProperty } from '@minik/types';

/**
 * Turns a decoded message into the JSON object Go's encoding/json writes for the same struct, so
 * a protobuf body becomes exactly what a JSON client (kubectl 1.27) would have sent:
 * - non-pointer scalars are written even when zero, unless the tag says omitempty;
 * - pointers are written when set (even to zero), omitted or null when unset;
 * - nil slices and maps are omitted (omitempty) or null;
 * - non-pointer structs are always written (omitempty never drops a struct), recursively;
 * - embedded structs are inlined; map keys are sorted;
 * - Time, MicroTime, IntOrString, Quantity, FieldsV1 and RawExtension use their MarshalJSON forms.
 */
export function messageToJson(message: DecodedMessage): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of message.descriptor.fields) writeField(out, field, message.values.get(field.number));
  return out;
}

function writeField(out: Record<string, unknown>, field: FieldDescriptor, value: DecodedValue | undefined): void {
  const type = messageTypeOf(field);
  if (field.inline) {
    Object.assign(out, messageToJson((value as DecodedMessage | undefined) ?? emptyMessage(messageDescriptor(type!))));
    return;
  }
  if (field.cardinality === 'repeated') {
    const items = (value as Array<DecodedScalar | DecodedMessage> | undefined) ?? [];
    if (items.length > 0) out[field.name] = items.map((item) => elementJson(field, item));
    else if (!field.omitEmpty) out[field.name] = null;
    return;
  }
  if (field.cardinality === 'map') {
    const map = (value as DecodedMap | undefined) ?? new Map();
    if (map.size > 0) {
      const object: Record<string, unknown> = {};
      for (const key of [...map.keys()].sort(compareGoStrings)) setOwnProperty(object, key, elementJson(field, map.get(key)!));
      out[field.name] = object;
    } else if (!field.omitEmpty) out[field.name] = null;
    return;
  }
  if (field.pointer) {
    if (value !== undefined) out[field.name] = elementJson(field, value as DecodedScalar | DecodedMessage);
    else if (!field.omitEmpty) out[field.name] = null;
    return;
  }
  if (type !== undefined) {
    out[field.name] = messageJson((value as DecodedMessage | undefined) ?? emptyMessage(messageDescriptor(type)));
    return;
  }
  const scalar = (value as DecodedScalar | undefined) ?? zeroOf(field.type as ScalarType);
  if (field.omitEmpty && isEmpty(scalar)) return;
  out[field.name] = scalarJson(scalar);
}

function elementJson(field: FieldDescriptor, value: DecodedScalar | DecodedMessage): unknown {
  return messageTypeOf(field) === undefined ? scalarJson(value as DecodedScalar) : messageJson(value as DecodedMessage);
}

function scalarJson(value: DecodedScalar): unknown {
  // []byte marshals as standard base64.
  return value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value;
}

function zeroOf(type: ScalarType): DecodedScalar {
  switch (type) {
    case 'string':
      return '';
    case 'bool':
      return false;
    case 'bytes':
      return new Uint8Array();
    default:
      return 0;
  }
}

function isEmpty(value: DecodedScalar): boolean {
  return value instanceof Uint8Array ? value.length === 0 : value === '' || value === 0 || value === false;
}

// Go sorts map keys by their bytes; UTF-16 order differs only for astral characters.
function compareGoStrings(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** The JSON of a message value, honouring the apimachinery types with custom marshalling. */
function messageJson(message: DecodedMessage): unknown {
  switch (message.descriptor.fullName) {
    case 'meta.v1.Time':
      return timeJson(message, false);
    case 'meta.v1.MicroTime':
      return timeJson(message, true);
    case 'intstr.IntOrString':
      return intOrStringJson(message);
    case 'resource.Quantity':
      return quantityJson(message);
    case 'meta.v1.FieldsV1':
    case 'runtime.RawExtension':
      return rawJson(message);
    default:
      return messageToJson(message);
  }
}

// time.Time{} is 0001-01-01T00:00:00Z, -62135596800 seconds from the Unix epoch.
const goZeroTimeSeconds = -62135596800;

/**
 * metav1.Time / MicroTime: an empty message is the zero time (JSON null, per Time.Unmarshal's
 * `len(data) == 0` case); otherwise RFC 3339 in UTC, to the second or the microsecond.
 */
function timeJson(message: DecodedMessage, micro: boolean): string | null {
  if (message.byteLength === 0) return null;
  const rawSeconds = (message.values.get(1) as number | undefined) ?? 0;
  const rawNanos = (message.values.get(2) as number | undefined) ?? 0;
  // time.Unix normalises nanoseconds outside [0, 1e9) into the seconds.
  const seconds = rawSeconds + Math.floor(rawNanos / 1e9);
  const nanos = ((rawNanos % 1e9) + 1e9) % 1e9;
  if (seconds === goZeroTimeSeconds && nanos === 0) return null;
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) throw new ProtoDecodeError(`Time.MarshalJSON: year outside of range [0,9999]`);
  const base = date.toISOString().slice(0, 19);
  return micro ? `${base}.${String(Math.floor(nanos / 1000)).padStart(6, '0')}Z` : `${base}Z`;
}

/** intstr.IntOrString marshals as its int (type 0) or string (type 1). */
function intOrStringJson(message: DecodedMessage): number | string {
  const type = (message.values.get(1) as number | undefined) ?? 0;
  if (type === 0) return (message.values.get(2) as number | undefined) ?? 0;
  if (type === 1) return (message.values.get(3) as string | undefined) ?? '';
  throw new ProtoDecodeError('impossible IntOrString.Type');
}

// resource.ParseQuantity's format check (k8s.io/apimachinery/pkg/api/resource/quantity.go).
const quantityPattern = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;

/**
 * resource.Quantity: Unmarshal parses the string (errors on a malformed one); the zero Quantity
 * marshals as "0". kubectl sends canonical strings, which are kept as they are.
 */
function quantityJson(message: DecodedMessage): string {
  const value = message.values.get(1) as string | undefined;
  if (value === undefined) return '0';
  if (!quantityPattern.test(value)) {
    throw new ProtoDecodeError(`quantities must match the regular expression '${quantityPattern.source}'`);
  }
  return value;
}

/** FieldsV1 and RawExtension marshal their raw bytes, which must be JSON; nil is null. */
function rawJson(message: DecodedMessage): unknown {
  const raw = message.values.get(1) as Uint8Array | undefined;
  if (raw === undefined) return null;
  try {
    return JSON.parse(new TextDecoder().decode(raw));
  } catch (error) {
    const goType = message.descriptor.fullName === 'runtime.RawExtension' ? 'runtime.RawExtension' : 'v1.FieldsV1';
    throw new ProtoDecodeError(`json: error calling MarshalJSON for type *${goType}: ${(error as Error).message}`);
  }
}
