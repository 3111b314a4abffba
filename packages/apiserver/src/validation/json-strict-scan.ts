import type { SchemaDefinitions } from '@minik/types';
import { childPath, indexPath, shapeOf, type Shape } from './schema-shape.js';
import type { StrictErrors } from './strict-errors.js';

/** Thrown when the text is not one JSON document (the caller then falls back to the parsed value). */
export class NotJson extends Error {}

/**
 * Scans raw JSON text the way upstream's strict decoder walks it into the typed object, reporting
 * unknown and duplicate fields in document order. JSON.parse cannot be used for this: it keeps only
 * the last of duplicate keys.
 */
export function scanJson(text: string, schemas: SchemaDefinitions, shape: Shape, errors: StrictErrors): void {
  const scanner = new JsonScanner(text, schemas, errors);
  scanner.value(shape, '');
  scanner.ws();
  if (scanner.pos !== text.length) throw new NotJson('trailing data');
}

class JsonScanner {
  pos = 0;
  constructor(
    readonly text: string,
    readonly schemas: SchemaDefinitions,
    readonly errors: StrictErrors,
  ) {}

  ws(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos]!)) this.pos++;
  }

  value(shape: Shape, path: string): void {
    this.ws();
    const c = this.text[this.pos];
    if (c === '{') this.object(shape, path);
    else if (c === '[') this.array(shape, path);
    else if (c === '"') this.string();
    else this.literal();
  }

  object(shape: Shape, path: string): void {
    this.pos++; // {
    const seen = new Set<string>();
    this.ws();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      this.ws();
      if (this.text[this.pos] !== '"') throw new NotJson('expected key');
      const key = this.string();
      this.ws();
      if (this.text[this.pos] !== ':') throw new NotJson('expected colon');
      this.pos++;
      const keyPath = childPath(path, key);
      let next: Shape;
      switch (shape.kind) {
        case 'struct': {
          const field = Object.hasOwn(shape.def.fields, key) ? shape.def.fields[key] : undefined;
          if (field) {
            if (seen.has(key)) this.errors.duplicateField(keyPath);
            seen.add(key);
            next = shapeOf(this.schemas, field.type);
          } else {
            this.errors.unknownField(keyPath);
            next = { kind: 'opaque' };
          }
          break;
        }
        case 'map':
        case 'untyped':
          if (seen.has(key)) this.errors.duplicateField(keyPath);
          seen.add(key);
          next = shape.kind === 'map' ? shapeOf(this.schemas, shape.values) : shape;
          break;
        default:
          next = { kind: 'opaque' };
      }
      this.value(next, keyPath);
      this.ws();
      const c = this.text[this.pos++];
      if (c === '}') return;
      if (c !== ',') throw new NotJson('expected comma');
    }
  }

  array(shape: Shape, path: string): void {
    this.pos++; // [
    this.ws();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return;
    }
    for (let index = 0; ; index++) {
      const items: Shape = shape.kind === 'slice' ? shapeOf(this.schemas, shape.items) : shape.kind === 'untyped' ? shape : { kind: 'opaque' };
      this.value(items, indexPath(path, index));
      this.ws();
      const c = this.text[this.pos++];
      if (c === ']') return;
      if (c !== ',') throw new NotJson('expected comma');
    }
  }

  string(): string {
    const start = this.pos;
    this.pos++; // opening quote
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === '\\') this.pos += 2;
      else if (c === '"') {
        this.pos++;
        try {
          return JSON.parse(this.text.slice(start, this.pos)) as string;
        } catch {
          throw new NotJson('bad string');
        }
      } else this.pos++;
    }
    throw new NotJson('unterminated string');
  }

  literal(): void {
    const start = this.pos;
    while (this.pos < this.text.length && !',}] \t\n\r'.includes(this.text[this.pos]!)) this.pos++;
    if (this.pos === start) throw new NotJson('expected value');
  }
}
