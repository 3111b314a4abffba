import type { FieldDefinition, FieldType, ObjectDefinition, SchemaDefinitions } from '@minik/types';

/** An OpenAPI 3.0 schema object, as plain JSON. */
export type OpenApiSchema = Record<string, unknown>;

const meta = 'io.k8s.apimachinery.pkg.apis.meta.v1.';
const timeName = `${meta}Time`;
const microTimeName = `${meta}MicroTime`;
const quantityName = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const intOrStringName = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
/** The request body type of every PATCH operation. */
export const patchSchemaName = `${meta}Patch`;

/**
 * The named types that are not objects. Upstream documents them as definitions of their own; the
 * kubectl explain templates print `<string>` for a ref to a string type and the type's name
 * (`<Quantity>`, `<IntOrString>`) for one without a single type.
 */
const intrinsicSchemas: Readonly<Record<string, OpenApiSchema>> = {
  [timeName]: {
    description: 'Time is a wrapper around time.Time which supports correct marshaling to YAML and JSON.  Wrappers are provided for many of the factory methods that the time package offers.',
    type: 'string',
    format: 'date-time',
  },
  [microTimeName]: {
    description: 'MicroTime is version of Time with microsecond level precision.',
    type: 'string',
    format: 'date-time',
  },
  [quantityName]: {
    description:
      "Quantity is a fixed-point representation of a number. It provides convenient marshaling/unmarshaling in JSON and YAML, in addition to String() and AsInt64() accessors. The serialization format is: <quantity> ::= <signedNumber><suffix> (e.g. '100m', '1Gi', '2').",
    oneOf: [{ type: 'string' }, { type: 'number' }],
  },
  [intOrStringName]: {
    description:
      'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.',
    format: 'int-or-string',
    oneOf: [{ type: 'integer' }, { type: 'string' }],
  },
  [patchSchemaName]: {
    description: 'Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.',
    type: 'object',
  },
};

/** `#/components/schemas/<name>` */
export const schemaRef = (name: string): OpenApiSchema => ({ $ref: `#/components/schemas/${name}` });

/** The schema of a value of a field type (without the field's own description). */
function typeSchema(type: FieldType): OpenApiSchema {
  switch (type.kind) {
    case 'string': {
      const schema: OpenApiSchema = { type: 'string' };
      if (type.format !== undefined) schema.format = type.format;
      if (type.enum !== undefined) schema.enum = [...type.enum];
      return schema;
    }
    case 'integer':
      return type.format === undefined ? { type: 'integer' } : { type: 'integer', format: type.format };
    case 'number':
      return { type: 'number', format: type.format ?? 'double' };
    case 'boolean':
      return { type: 'boolean' };
    case 'int-or-string':
      return schemaRef(intOrStringName);
    case 'quantity':
      return schemaRef(quantityName);
    case 'time':
      return schemaRef(type.micro ? microTimeName : timeName);
    case 'bytes':
      return { type: 'string', format: 'byte' };
    case 'ref':
      return schemaRef(type.name);
    case 'array': {
      const schema: OpenApiSchema = { type: 'array', items: typeSchema(type.items) };
      if (type.listType !== undefined) schema['x-kubernetes-list-type'] = type.listType;
      if (type.listMapKeys !== undefined) schema['x-kubernetes-list-map-keys'] = [...type.listMapKeys];
      if (type.patchMergeKey !== undefined) schema['x-kubernetes-patch-merge-key'] = type.patchMergeKey;
      if (type.patchStrategy !== undefined) schema['x-kubernetes-patch-strategy'] = type.patchStrategy;
      return schema;
    }
    case 'map': {
      const schema: OpenApiSchema = { type: 'object', additionalProperties: typeSchema(type.values) };
      if (type.mapType !== undefined) schema['x-kubernetes-map-type'] = type.mapType;
      return schema;
    }
    case 'any':
      return { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  }
}

/** A property: refs are wrapped in a single-element allOf so the property can carry its description. */
function propertySchema(field: FieldDefinition): OpenApiSchema {
  const inner = typeSchema(field.type);
  const schema: OpenApiSchema = typeof inner.$ref === 'string' ? { allOf: [inner] } : inner;
  if (field.description !== undefined) schema.description = field.description;
  if (field.patchStrategy !== undefined) schema['x-kubernetes-patch-strategy'] = field.patchStrategy;
  return schema;
}

/** A GVK as the `x-kubernetes-group-version-kind` extension lists it. */
export interface GvkExtension {
  group: string;
  kind: string;
  version: string;
}

/** The component schema of an object definition. */
export function objectSchema(def: ObjectDefinition, gvks: readonly GvkExtension[]): OpenApiSchema {
  const schema: OpenApiSchema = {};
  if (def.description !== undefined) schema.description = def.description;
  schema.type = 'object';
  const properties: Record<string, OpenApiSchema> = {};
  const required: string[] = [];
  for (const name of Object.keys(def.fields).sort()) {
    const field = def.fields[name]!;
    properties[name] = propertySchema(field);
    if (field.required) required.push(name);
  }
  schema.properties = properties;
  if (required.length > 0) schema.required = required;
  if (gvks.length > 0) schema['x-kubernetes-group-version-kind'] = gvks.map((g) => ({ group: g.group, kind: g.kind, version: g.version }));
  if (def.mapType !== undefined) schema['x-kubernetes-map-type'] = def.mapType;
  return schema;
}

function refsOf(type: FieldType, out: string[]): void {
  switch (type.kind) {
    case 'ref':
      out.push(type.name);
      break;
    case 'array':
      refsOf(type.items, out);
      break;
    case 'map':
      refsOf(type.values, out);
      break;
    case 'int-or-string':
      out.push(intOrStringName);
      break;
    case 'quantity':
      out.push(quantityName);
      break;
    case 'time':
      out.push(type.micro ? microTimeName : timeName);
      break;
    default:
  }
}

/**
 * The `components.schemas` of a document: every definition reachable from the roots, each named
 * type once. `gvksOf` supplies a definition's `x-kubernetes-group-version-kind` list.
 */
export function componentSchemas(
  schemas: SchemaDefinitions,
  roots: Iterable<string>,
  gvksOf: (def: ObjectDefinition) => readonly GvkExtension[],
): Record<string, OpenApiSchema> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const def = schemas.get(name);
    if (!def) continue;
    const refs: string[] = [];
    for (const field of Object.values(def.fields)) refsOf(field.type, refs);
    queue.push(...refs);
  }
  const out: Record<string, OpenApiSchema> = {};
  for (const name of [...seen].sort()) {
    const def = schemas.get(name);
    if (def) out[name] = objectSchema(def, gvksOf(def));
    else if (intrinsicSchemas[name]) out[name] = intrinsicSchemas[name];
  }
  return out;
}
