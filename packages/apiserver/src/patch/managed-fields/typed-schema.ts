import type { FieldType, ObjectDefinition, SchemaDefinitions } from '@minik/types';

/**
 * A type as structured-merge-diff sees it (schema.Atom): a scalar, a struct (a map with declared
 * fields), a map with one element type, a list (atomic, a set, or associative by key fields), or a
 * deduced type for free-form values (maps granular, lists atomic).
 */
export type TypeNode =
  | { readonly kind: 'scalar'; readonly scalar: 'numeric' | 'string' | 'boolean' | 'untyped' }
  | { readonly kind: 'struct'; readonly def: ObjectDefinition; readonly atomic: boolean }
  | { readonly kind: 'map'; readonly values: FieldType | undefined; readonly atomic: boolean }
  | { readonly kind: 'list'; readonly items: FieldType | undefined; readonly relationship: 'atomic' | 'set' | 'map'; readonly keys: readonly string[] }
  | { readonly kind: 'deduced' };

const deduced: TypeNode = { kind: 'deduced' };

/** Resolves the project's schema definitions into structured-merge-diff types. */
export class TypedSchema {
  constructor(readonly schemas: SchemaDefinitions) {}

  /** The type of a field type; undefined (a field the schema does not declare) is deduced. */
  resolve(type: FieldType | undefined): TypeNode {
    if (type === undefined) return deduced;
    switch (type.kind) {
      case 'string':
      case 'time':
      case 'bytes':
        return { kind: 'scalar', scalar: 'string' };
      case 'integer':
      case 'number':
        return { kind: 'scalar', scalar: 'numeric' };
      case 'boolean':
        return { kind: 'scalar', scalar: 'boolean' };
      case 'int-or-string':
      case 'quantity':
        return { kind: 'scalar', scalar: 'untyped' };
      case 'ref': {
        const def = this.schemas.get(type.name);
        if (!def || Object.keys(def.fields).length === 0) return deduced;
        return { kind: 'struct', def, atomic: def.mapType === 'atomic' };
      }
      case 'map':
        return { kind: 'map', values: type.values, atomic: type.mapType === 'atomic' };
      case 'array':
        return { kind: 'list', items: type.items, ...listRelationship(type) };
      case 'any':
        return deduced;
    }
  }

  /** The type of a whole kind by definition name. */
  root(name: string): FieldType {
    return { kind: 'ref', name };
  }
}

/**
 * Lists follow `x-kubernetes-list-type`; without one, upstream's schema conversion makes a
 * `patchStrategy: merge` list associative (keyed by its merge key, a set when it has none) and
 * every other list atomic.
 */
function listRelationship(type: Extract<FieldType, { kind: 'array' }>): { relationship: 'atomic' | 'set' | 'map'; keys: readonly string[] } {
  if (type.listType === 'map') return { relationship: 'map', keys: type.listMapKeys ?? [] };
  if (type.listType === 'set') return { relationship: 'set', keys: [] };
  if (type.listType === 'atomic') return { relationship: 'atomic', keys: [] };
  const merges = (type.patchStrategy ?? '').split(',').some((s) => s.trim() === 'merge');
  if (!merges) return { relationship: 'atomic', keys: [] };
  return type.patchMergeKey ? { relationship: 'map', keys: [type.patchMergeKey] } : { relationship: 'set', keys: [] };
}
