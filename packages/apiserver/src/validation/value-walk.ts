import type { SchemaDefinitions } from '@minik/types';
import { childPath, indexPath, shapeOf, type Shape } from './schema-shape.js';
import type { StrictErrors } from './strict-errors.js';

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Reports the unknown fields of an already parsed value (a YAML body, or the result of applying a
 * patch), in key order. Duplicate keys cannot be seen here; the raw text scan reports those.
 */
export function walkUnknownFields(value: unknown, schemas: SchemaDefinitions, shape: Shape, errors: StrictErrors, path = ''): void {
  walk(value, schemas, shape, errors, path === '' ? [] : [path]);
}

/** `at`: the path so far as keys and indexes, made into text only for an error (most bodies have none). */
function walk(value: unknown, schemas: SchemaDefinitions, shape: Shape, errors: StrictErrors, at: (string | number)[]): void {
  if (shape.kind === 'struct' && isPlainObject(value)) {
    const fields = shape.def.fields;
    for (const key of Object.keys(value)) {
      at.push(key);
      if (Object.hasOwn(fields, key)) walk(value[key], schemas, shapeOf(schemas, fields[key]!.type), errors, at);
      else errors.unknownField(pathText(at));
      at.pop();
    }
  } else if (shape.kind === 'map' && isPlainObject(value)) {
    const values = shapeOf(schemas, shape.values);
    for (const key of Object.keys(value)) {
      at.push(key);
      walk(value[key], schemas, values, errors, at);
      at.pop();
    }
  } else if (shape.kind === 'slice' && Array.isArray(value)) {
    const items = shapeOf(schemas, shape.items);
    for (let index = 0; index < value.length; index++) {
      at.push(index);
      walk(value[index], schemas, items, errors, at);
      at.pop();
    }
  }
}

function pathText(at: readonly (string | number)[]): string {
  let text = '';
  for (const part of at) text = typeof part === 'number' ? indexPath(text, part) : childPath(text, part);
  return text;
}

/**
 * Drops the fields the schema does not know, in place. Upstream decodes every body into Go structs,
 * so unknown fields never reach storage whatever fieldValidation says (Ignore and Warn drop them
 * silently or with a warning; Strict rejects the request before).
 */
export function pruneUnknownFields(value: unknown, schemas: SchemaDefinitions, shape: Shape): void {
  if (shape.kind === 'struct' && isPlainObject(value)) {
    const fields = shape.def.fields;
    for (const key of Object.keys(value)) {
      if (Object.hasOwn(fields, key)) pruneUnknownFields(value[key], schemas, shapeOf(schemas, fields[key]!.type));
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
