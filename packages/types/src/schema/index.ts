export type { FieldDefinition, FieldType, ListMergeRules, ObjectDefinition, SchemaDefinitions } from './schema-types.js';
export { builtinSchemas, schemaNameFor } from './builtin-schemas.js';
export { SchemaPatchMeta, type PatchMeta, type PatchSchema } from './patch-meta.js';
