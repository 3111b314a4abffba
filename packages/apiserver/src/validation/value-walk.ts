import type { SchemaDefinitions } from '@minik/types';
import { childPath, indexPath, shapeOf, type Shape } from './schema-shape.js';
import type { StrictErrors } from './strict-errors.js';

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Reports the unknown fields of an already parsed value (a YAML body, or the result of applying a
 * patch), in key order. Duplicate keys cannot be seen here; the raw text scan reports those.
 */
export function walkUnknownFields(value: unknown, schemas: SchemaDefinitions, shape: Shape, errors: StrictErrors, path = ''): void {
  if (shape.kind === 'struct' && isPlainObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      const field = Object.hasOwn(shape.def.fields, key) ? shape.def.fields[key] : undefined;
      if (field) walkUnknownFields(child, schemas, shapeOf(schemas, field.type), errors, childPath(path, key));
      else errors.unknownField(childPath(path, key));
    }
  } else if (shape.kind === 'map' && isPlainObject(value)) {
    const values = shapeOf(schemas, shape.values);
    for (const [key, child] of Object.entries(value)) walkUnknownFields(child, schemas, values, errors, childPath(path, key));
  } else if (shape.kind === 'slice' && Array.isArray(value)) {
    const items = shapeOf(schemas, shape.items);
    value.forEach((child, index) => walkUnknownFields(child, schemas, items, errors, indexPath(path, index)));
  }
}

/**
 * Drops the fields the schema does not know, in place. Upstream decodes every body into Go structs,
 * so unknown fields never reach storage whatever fieldValidation says (Ignore and Warn drop them
 * silently or with a warning; Strict rejects the request before).
 */
export function pruneUnknownFields(value: unknown, schemas: SchemaDefinitions, shape: Shape): void {
  if (shape.kind === 'struct' && isPlainObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      const field = Object.hasOwn(shape.def.fields, key) ? shape.def.fields[key] : undefined;
      if (field) pruneUnknownFields(child, schemas, shapeOf(schemas, field.type));
      else delete value[key];
    }
  } else if (shape.kind === 'map' && isPlainObject(value)) {
    const values = shapeOf(schemas, shape.values);
    for (const child of Object.values(value)) pruneUnknownFields(child, schemas, values);
  } else if (shape.kind === 'slice' && Array.isArray(value)) {
    const items = shapeOf(schemas, shape.items);
    for (const child of value) pruneUnknownFields(child, schemas, items);
  }
}
