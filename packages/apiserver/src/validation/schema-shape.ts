import type { FieldType, ObjectDefinition, SchemaDefinitions } from '@minik/types';

/**
 * What a decoder expects at one place of a document, as Go's typed JSON decoding sees it: a struct
 * (known field names), a map (any key, typed values), a slice, a value whose content is opaque
 * (scalars, RawExtension, FieldsV1 decode through custom unmarshalers with no strict checks), or an
 * untyped `map[string]interface{}` tree (patch bodies), where only duplicate keys are reported.
 */
export type Shape =
  | { kind: 'struct'; def: ObjectDefinition }
  | { kind: 'map'; values: FieldType }
  | { kind: 'slice'; items: FieldType }
  | { kind: 'opaque' }
  | { kind: 'untyped' };

const opaque: Shape = { kind: 'opaque' };

/** Shapes by schema and field type: the walks ask for one per field of every body. */
const shapes = new WeakMap<SchemaDefinitions, WeakMap<FieldType, Shape>>();

/** The shape a field type decodes as. Unknown definition names are opaque (nothing to check). */
export function shapeOf(schemas: SchemaDefinitions, type: FieldType): Shape {
  let known = shapes.get(schemas);
  if (known === undefined) shapes.set(schemas, (known = new WeakMap()));
  let shape = known.get(type);
  if (shape === undefined) known.set(type, (shape = newShape(schemas, type)));
  return shape;
}

function newShape(schemas: SchemaDefinitions, type: FieldType): Shape {
  switch (type.kind) {
    case 'ref': {
      const def = schemas.get(type.name);
      return def ? { kind: 'struct', def } : opaque;
    }
    case 'array':
      return { kind: 'slice', items: type.items };
    case 'map':
      return { kind: 'map', values: type.values };
    default:
      return opaque;
  }
}

/** The shape of a top-level definition, or undefined when the schema has no such type. */
export function shapeOfDefinition(schemas: SchemaDefinitions, typeName: string): Shape | undefined {
  const def = schemas.get(typeName);
  return def ? { kind: 'struct', def } : undefined;
}

/** Field paths as upstream's strict decoder prints them: `spec.containers[0].name`. */
export const childPath = (parent: string, key: string): string => (parent === '' ? key : `${parent}.${key}`);
export const indexPath = (parent: string, index: number): string => `${parent}[${index}]`;
