import { messageDescriptor } from './message-registry.js';
import { messageTypeOf, type FieldDescriptor, type MessageDescriptor, type ScalarType } from './message-schema.js';
import { ProtoDecodeError, WireReader, WireType } from './wire-reader.js';

// Go keeps a string's bytes and encoding/json replaces invalid UTF-8; so does a non-fatal decoder.
const utf8 = new TextDecoder();

/** A scalar as read off the wire (int64s as numbers: Kubernetes values stay far below 2^53). */
export type DecodedScalar = string | number | boolean | Uint8Array;

/** A map field: entries in arrival order, later duplicates replacing earlier ones. */
export type DecodedMap = Map<string, DecodedScalar | DecodedMessage>;

/** What one field holds after decoding. */
export type DecodedValue = DecodedScalar | DecodedMessage | Array<DecodedScalar | DecodedMessage> | DecodedMap;

/**
 * A decoded message: the fields present on the wire, by number. Absent fields are absent here,
 * so the JSON step can tell "unset" from "zero" the way Go's pointer fields do.
 */
export interface DecodedMessage {
  readonly descriptor: MessageDescriptor;
  readonly values: Map<number, DecodedValue>;
  /** Bytes this message arrived in (a Time in zero bytes is the zero time). */
  byteLength: number;
}

/** An empty message of a type, as Go's zero value of the struct. */
export function emptyMessage(descriptor: MessageDescriptor): DecodedMessage {
  return { descriptor, values: new Map(), byteLength: 0 };
}

/** Decodes one message; throws ProtoDecodeError with gogo-protobuf's wording when malformed. */
export function decodeMessage(descriptor: MessageDescriptor, bytes: Uint8Array): DecodedMessage {
  const message = emptyMessage(descriptor);
  mergeInto(message, bytes);
  return message;
}

/**
 * Reads `bytes` into `message`. Like gogo-protobuf's Unmarshal, a repeated occurrence of a
 * singular message field merges into it, a repeated scalar replaces it, and lists append.
 */
function mergeInto(message: DecodedMessage, bytes: Uint8Array): void {
  const { descriptor } = message;
  message.byteLength += bytes.length;
  const reader = new WireReader(bytes);
  while (reader.more) {
    const key = reader.key();
    if (key.wireType === WireType.endGroup) throw new ProtoDecodeError(`proto: ${descriptor.name}: wiretype end group for non-group`);
    if (key.fieldNumber <= 0) throw new ProtoDecodeError(`proto: ${descriptor.name}: illegal tag ${key.fieldNumber} (wire type ${key.raw})`);
    const field = descriptor.byNumber.get(key.fieldNumber);
    if (!field) {
      // Unknown fields (newer API versions, or fields we do not describe) are skipped, as upstream does.
      reader.skip(key.wireType);
      continue;
    }
    readField(message, field, key.wireType, reader);
  }
}

function readField(message: DecodedMessage, field: FieldDescriptor, wireType: number, reader: WireReader): void {
  const type = messageTypeOf(field);
  if (field.cardinality === 'map') {
    expectWireType(field, wireType, WireType.bytes);
    const map = (message.values.get(field.number) as DecodedMap | undefined) ?? new Map();
    const [key, value] = readMapEntry(field, reader.lengthDelimited());
    map.set(key, value);
    message.values.set(field.number, map);
    return;
  }
  if (type !== undefined) {
    expectWireType(field, wireType, WireType.bytes);
    const bytes = reader.lengthDelimited();
    if (field.cardinality === 'repeated') {
      list(message, field).push(decodeMessage(messageDescriptor(type), bytes));
      return;
    }
    let nested = message.values.get(field.number) as DecodedMessage | undefined;
    if (!nested) {
      nested = emptyMessage(messageDescriptor(type));
      message.values.set(field.number, nested);
    }
    mergeInto(nested, bytes);
    return;
  }
  const scalar = field.type as ScalarType;
  if (field.cardinality === 'repeated') {
    const values = list(message, field);
    if (isVarintType(scalar) && wireType === WireType.bytes) {
      // Packed encoding: gogo's decoders accept it for every repeated number.
      const packed = new WireReader(reader.lengthDelimited());
      while (packed.more) values.push(varintValue(scalar, packed.varint()));
      return;
    }
    values.push(readScalar(field, scalar, wireType, reader));
    return;
  }
  message.values.set(field.number, readScalar(field, scalar, wireType, reader));
}

function readScalar(field: FieldDescriptor, type: ScalarType, wireType: number, reader: WireReader): DecodedScalar {
  switch (type) {
    case 'string':
      expectWireType(field, wireType, WireType.bytes);
      return utf8.decode(reader.lengthDelimited());
    case 'bytes':
      expectWireType(field, wireType, WireType.bytes);
      return reader.lengthDelimited().slice();
    case 'double':
      expectWireType(field, wireType, WireType.fixed64);
      return reader.double();
    case 'int32':
    case 'int64':
    case 'bool':
      expectWireType(field, wireType, WireType.varint);
      return varintValue(type, reader.varint());
  }
}

/**
 * A map entry {1 key, 2 value}. gogo's generated map code reads both as length-delimited
 * without checking wire types, and leaves a missing key or value at its zero value.
 */
function readMapEntry(field: FieldDescriptor, bytes: Uint8Array): [string, DecodedScalar | DecodedMessage] {
  const reader = new WireReader(bytes);
  const type = messageTypeOf(field);
  let key = '';
  let value: DecodedScalar | DecodedMessage | undefined;
  while (reader.more) {
    const entryKey = reader.key();
    if (entryKey.fieldNumber === 1) key = utf8.decode(reader.lengthDelimited());
    else if (entryKey.fieldNumber === 2) {
      const payload = reader.lengthDelimited();
      if (type !== undefined) value = decodeMessage(messageDescriptor(type), payload);
      else value = field.type === 'bytes' ? payload.slice() : utf8.decode(payload);
    } else reader.skip(entryKey.wireType);
  }
  if (value === undefined) {
    if (type !== undefined) value = emptyMessage(messageDescriptor(type));
    else value = field.type === 'bytes' ? new Uint8Array() : '';
  }
  return [key, value];
}

function list(message: DecodedMessage, field: FieldDescriptor): Array<DecodedScalar | DecodedMessage> {
  let values = message.values.get(field.number) as Array<DecodedScalar | DecodedMessage> | undefined;
  if (!values) {
    values = [];
    message.values.set(field.number, values);
  }
  return values;
}

function expectWireType(field: FieldDescriptor, actual: number, expected: number): void {
  if (actual !== expected) throw new ProtoDecodeError(`proto: wrong wireType = ${actual} for field ${field.goName}`);
}

function isVarintType(type: ScalarType): type is 'int32' | 'int64' | 'bool' {
  return type === 'int32' || type === 'int64' || type === 'bool';
}

function varintValue(type: ScalarType, raw: bigint): DecodedScalar {
  // Go converts the uint64 varint with int32(v), int64(v) and v != 0.
  if (type === 'bool') return raw !== 0n;
  return Number(type === 'int32' ? BigInt.asIntN(32, raw) : BigInt.asIntN(64, raw));
}
