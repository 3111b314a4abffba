import type { FieldDefinition, FieldType, ObjectDefinition, SchemaDefinitions } from './schema-types.js';

/** The patch strategies and merge key of one field (upstream's PatchMeta). */
export interface PatchMeta {
  strategies: readonly string[];
  mergeKey: string;
}

/**
 * What strategic merge patch asks of a schema (upstream's LookupPatchMeta): the sub-schema and
 * patch metadata of a map-valued or list-valued field.
 */
export interface PatchSchema {
  lookupForStruct(key: string): { schema: PatchSchema; meta: PatchMeta };
  /** For a list field the sub-schema is the element type's. */
  lookupForSlice(key: string): { schema: PatchSchema; meta: PatchMeta };
  /** The Go kind name upstream prints in "cannot merge lists without merge key for <name>". */
  readonly name: string;
}

const noMeta: PatchMeta = { strategies: [], mergeKey: '' };

/** Splits `merge,retainKeys` the way upstream splits the struct tag (tolerating spaces). */
function strategiesOf(value: string | undefined): readonly string[] {
  if (value === undefined || value === '') return [];
  return value.split(',').map((s) => s.trim());
}

function metaOf(def: FieldDefinition): PatchMeta {
  if (def.type.kind === 'array') return { strategies: strategiesOf(def.type.patchStrategy), mergeKey: def.type.patchMergeKey ?? '' };
  return { strategies: strategiesOf(def.patchStrategy), mergeKey: '' };
}

/**
 * Patch metadata read from the project's schema definitions, the equivalent of upstream's
 * PatchMetaFromStruct over the Go types. Fields the schema does not know are looked up as
 * free-form values (merged as maps, replaced as lists) rather than failing: upstream never sees
 * them because decoding drops unknown fields before a patch is applied.
 */
export class SchemaPatchMeta implements PatchSchema {
  constructor(
    private readonly schemas: SchemaDefinitions,
    private readonly type: FieldType | undefined,
  ) {}

  /** The patch schema of a definition by name, e.g. `io.k8s.api.apps.v1.Deployment`. */
  static of(schemas: SchemaDefinitions, name: string): SchemaPatchMeta {
    return new SchemaPatchMeta(schemas, { kind: 'ref', name });
  }

  get name(): string {
    const resolved = this.resolve();
    if (resolved === undefined) return 'interface';
    if ('fields' in resolved) return 'struct';
    return resolved.kind === 'map' ? 'map' : resolved.kind === 'array' ? 'slice' : 'interface';
  }

  private resolve(): ObjectDefinition | FieldType | undefined {
    if (this.type?.kind === 'ref') return this.schemas.get(this.type.name);
    return this.type;
  }

  private child(type: FieldType | undefined): SchemaPatchMeta {
    return new SchemaPatchMeta(this.schemas, type);
  }

  lookupForStruct(key: string): { schema: PatchSchema; meta: PatchMeta } {
    const resolved = this.resolve();
    if (resolved !== undefined && 'fields' in resolved) {
      const field = resolved.fields[key];
      return field ? { schema: this.child(field.type), meta: metaOf(field) } : { schema: this.child(undefined), meta: noMeta };
    }
    if (resolved?.kind === 'map') return { schema: this.child(resolved.values), meta: noMeta };
    return { schema: this.child(undefined), meta: noMeta };
  }

  lookupForSlice(key: string): { schema: PatchSchema; meta: PatchMeta } {
    const { schema, meta } = this.lookupForStruct(key);
    const type = (schema as SchemaPatchMeta).type;
    return { schema: type?.kind === 'array' ? this.child(type.items) : schema, meta };
  }
}
