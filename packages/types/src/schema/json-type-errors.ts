import { isMap } from '../strategic-merge/go-values.js';
import type { FieldType, SchemaDefinitions } from './schema-types.js';

/**
 * A value whose JSON type its Go field cannot hold, as encoding/json's UnmarshalTypeError names it:
 * `json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`.
 */
export interface JsonTypeError {
  /** What the document had: `string`, `number`, `number 1.5`, `bool`, `array` or `object`. */
  value: string;
  /** The Go struct whose field was being decoded (the innermost one), e.g. `EnvVar`. */
  struct: string;
  /** The JSON field names from the root, without list indexes or map keys: `spec.template.spec.containers.env.value`. */
  field: string;
  /** The Go type, e.g. `int32`, `[]v1.Container`, `map[string]string`. */
  type: string;
  /** The value found and the schema type it was decoded as (for the patch converter's wording). */
  found: unknown;
  target: FieldType;
}

/** encoding/json's message for the error. */
export function jsonTypeErrorMessage(error: JsonTypeError): string {
  return `json: cannot unmarshal ${error.value} into Go struct field ${error.struct}.${error.field} of type ${error.type}`;
}

/**
 * The first value of a decoded body (in document order) that upstream's typed decoding rejects, or
 * undefined. Go's decoder saves the first mismatch and rejects the whole body with it, whatever
 * fieldValidation says: a number where a string belongs is never stored, nor turned into a default.
 * Fields the schema does not know are not looked into (the decoder skips them); null fits anything.
 */
export function firstJsonTypeError(value: unknown, schemas: SchemaDefinitions, typeName: string): JsonTypeError | undefined {
  const def = schemas.get(typeName);
  if (!def || !isMap(value)) return undefined;
  return new TypeWalk(schemas).struct(value, typeName, []);
}

/**
 * The first mistyped value of an object's metadata decoded as ObjectMeta: what kubectl checks on
 * its side before sending a manifest (`error: unable to decode "STDIN": json: cannot unmarshal …`).
 */
export function firstMetadataTypeError(metadata: unknown, schemas: SchemaDefinitions): JsonTypeError | undefined {
  return isMap(metadata) ? new TypeWalk(schemas).struct(metadata, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', ['metadata']) : undefined;
}

/** The JSON kind encoding/json names in the error. */
function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'number';
  return typeof value === 'string' ? 'string' : 'object';
}

const intRanges: Record<string, readonly [number, number]> = {
  uint8: [0, 255],
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [-(2 ** 63), 2 ** 63 - 1],
  int: [-(2 ** 63), 2 ** 63 - 1],
};

/** `v1.DeploymentSpec` for `io.k8s.api.apps.v1.DeploymentSpec`: the package's last element and the type. */
function goStructName(definitionName: string): string {
  const parts = definitionName.split('.');
  return parts.length >= 2 ? `${parts[parts.length - 2]}.${parts[parts.length - 1]}` : definitionName;
}

/** The Go type a field of this schema type decodes into, as reflect prints it. */
function goTypeName(type: FieldType): string {
  switch (type.kind) {
    case 'string':
      return 'string';
    case 'integer':
      return type.format ?? 'int';
    case 'number':
      return 'float64';
    case 'boolean':
      return 'bool';
    case 'time':
      return 'v1.Time';
    case 'bytes':
      return '[]uint8';
    case 'int-or-string':
      return 'intstr.IntOrString';
    case 'quantity':
      return 'resource.Quantity';
    case 'any':
      return 'runtime.RawExtension';
    case 'ref':
      return goStructName(type.name);
    case 'array':
      return `[]${goTypeName(type.items)}`;
    case 'map':
      // The one named map type the schema has: requests and limits are core/v1 ResourceLists.
      return type.values.kind === 'quantity' ? 'v1.ResourceList' : `map[string]${goTypeName(type.values)}`;
  }
}

/** A mismatch at `path`, inside the struct named `structName`. */
function mismatch(value: unknown, type: FieldType, structName: string, path: readonly string[], kind = jsonKind(value), goType = goTypeName(type)): JsonTypeError {
  return { value: kind, struct: structName, field: path.join('.'), type: goType, found: value, target: type };
}

/** Go struct names by definition name (`DeploymentSpec` for `io.k8s.api.apps.v1.DeploymentSpec`). */
const structNames = new Map<string, string>();

function structNameOf(definitionName: string): string {
  let name = structNames.get(definitionName);
  if (name === undefined) structNames.set(definitionName, (name = definitionName.slice(definitionName.lastIndexOf('.') + 1)));
  return name;
}

// Runs on every create, update and patch body: no closure or string is made unless a value is wrong.
class TypeWalk {
  constructor(private readonly schemas: SchemaDefinitions) {}

  /** The fields of a struct, in the document's key order. */
  struct(value: Record<string, unknown>, definitionName: string, path: string[]): JsonTypeError | undefined {
    const def = this.schemas.get(definitionName);
    if (!def) return undefined;
    const fields = def.fields;
    for (const key in value) {
      if (!Object.hasOwn(value, key) || !Object.hasOwn(fields, key)) continue;
      path.push(key);
      const error = this.value(value[key], fields[key]!.type, definitionName, path);
      path.pop();
      if (error) return error;
    }
    return undefined;
  }

  /** `owner`: the definition name of the struct whose field holds the value. */
  value(value: unknown, type: FieldType, owner: string, path: string[]): JsonTypeError | undefined {
    if (value === null || value === undefined) return undefined;
    switch (type.kind) {
      case 'ref':
        if (!this.schemas.has(type.name)) return undefined;
        return isMap(value) ? this.struct(value, type.name, path) : mismatch(value, type, structNameOf(owner), path);
      case 'array': {
        if (!Array.isArray(value)) return mismatch(value, type, structNameOf(owner), path);
        for (const item of value) {
          const error = this.value(item, type.items, owner, path);
          if (error) return error;
        }
        return undefined;
      }
      case 'map': {
        if (!isMap(value)) return mismatch(value, type, structNameOf(owner), path);
        for (const key in value) {
          if (!Object.hasOwn(value, key)) continue;
          const error = this.value(value[key], type.values, owner, path);
          if (error) return error;
        }
        return undefined;
      }
      case 'string':
        return typeof value === 'string' ? undefined : mismatch(value, type, structNameOf(owner), path);
      case 'boolean':
        return typeof value === 'boolean' ? undefined : mismatch(value, type, structNameOf(owner), path);
      case 'number':
        return typeof value === 'number' ? undefined : mismatch(value, type, structNameOf(owner), path);
      case 'integer':
        return integerError(value, type, goTypeName(type), owner, path);
      case 'int-or-string':
        // IntOrString's UnmarshalJSON: a JSON string is the string form, anything else decodes as int32.
        return typeof value === 'string' ? undefined : integerError(value, type, 'int32', owner, path);
      case 'time':
        // metav1.Time's UnmarshalJSON reads a Go string first.
        return typeof value === 'string' ? undefined : mismatch(value, type, structNameOf(owner), path, jsonKind(value), 'string');
      case 'bytes': {
        // []byte is base64 text, or a JSON array of bytes.
        if (typeof value === 'string') return undefined;
        if (!Array.isArray(value)) return mismatch(value, type, structNameOf(owner), path);
        for (const item of value) {
          const error = integerError(item, type, 'uint8', owner, path);
          if (error) return error;
        }
        return undefined;
      }
      case 'quantity':
      case 'any':
        // Quantity reports its own format errors; RawExtension takes any JSON.
        return undefined;
    }
  }
}

function integerError(value: unknown, type: FieldType, goType: string, owner: string, path: readonly string[]): JsonTypeError | undefined {
  if (typeof value !== 'number') return mismatch(value, type, structNameOf(owner), path, jsonKind(value), goType);
  const [min, max] = intRanges[goType] ?? intRanges.int!;
  // A number that is no integer of the type (1.5, 3000000000 for int32) is named with its text.
  if (Number.isInteger(value) && value >= min && value <= max) return undefined;
  return mismatch(value, type, structNameOf(owner), path, `number ${String(value)}`, goType);
}

/** The kind reflect gives a JSON value decoded into an unstructured map: int64, float64, string, bool, slice, map. */
function unstructuredKind(value: unknown): string {
  if (Array.isArray(value)) return 'slice';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int64' : 'float64';
  if (typeof value === 'boolean') return 'bool';
  return typeof value === 'string' ? 'string' : 'map';
}

/**
 * The same mismatch as runtime.DefaultUnstructuredConverter words it, which decodes a strategic
 * merge patch's result (k8s.io/apimachinery/pkg/runtime/converter.go fromUnstructured).
 */
export function unstructuredConversionMessage(error: JsonTypeError): string {
  const from = unstructuredKind(error.found);
  switch (error.target.kind) {
    case 'ref':
      return `cannot restore struct from: ${from}`;
    case 'array':
    case 'bytes':
      return `cannot restore slice from ${from}`;
    case 'map':
      return `cannot restore map from ${from}`;
    // Types with their own JSON decoding get the value as JSON, without a field context.
    case 'time':
      return `json: cannot unmarshal ${error.value} into Go value of type string`;
    case 'int-or-string':
      return `json: cannot unmarshal ${error.value} into Go value of type int32`;
    case 'string':
      // Go converts an integer to a string (as a rune) but the converter refuses to.
      return from === 'int64' ? 'cannot convert int64 to string' : 'unrecognized type: string';
    case 'integer':
      return from === 'float64' || from === 'int64' ? `cannot convert ${from} to ${error.type}` : `unrecognized type: ${error.type}`;
    default:
      return `unrecognized type: ${error.type}`;
  }
}
