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
const stringScalar: TypeNode = { kind: 'scalar', scalar: 'string' };
const numericScalar: TypeNode = { kind: 'scalar', scalar: 'numeric' };
const scalars: Partial<Record<FieldType['kind'], TypeNode>> = {
  string: stringScalar,
  time: stringScalar,
  bytes: stringScalar,
  integer: numericScalar,
  number: numericScalar,
  boolean: { kind: 'scalar', scalar: 'boolean' },
  'int-or-string': { kind: 'scalar', scalar: 'untyped' },
  quantity: { kind: 'scalar', scalar: 'untyped' },
  any: deduced,
};

/** Resolves the project's schema definitions into structured-merge-diff types. */
export class TypedSchema {
  constructor(readonly schemas: SchemaDefinitions) {}

  /** Resolved types by the schema's type objects, which never change: every write walks the same ones. */
  readonly #resolved = new WeakMap<FieldType, TypeNode>();

  /** The type of a field type; undefined (a field the schema does not declare) is deduced. */
  resolve(type: FieldType | undefined): TypeNode {
    if (type === undefined) return deduced;
    const scalar = scalars[type.kind];
    if (scalar !== undefined) return scalar;
    let node = this.#resolved.get(type);
    if (node === undefined) this.#resolved.set(type, (node = this.#resolveNew(type)));
    return node;
  }

  #resolveNew(type: FieldType): TypeNode {
    switch (type.kind) {
      case 'ref': {
        const def = this.schemas.get(type.name);
        if (!def || Object.keys(def.fields).length === 0) return deduced;
        return { kind: 'struct', def, atomic: def.mapType === 'atomic' };
      }
      case 'map':
        return { kind: 'map', values: type.values, atomic: type.mapType === 'atomic' };
      case 'array':
        return { kind: 'list', items: type.items, ...listRelationship(type) };
      default:
        return scalars[type.kind] ?? deduced;
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
