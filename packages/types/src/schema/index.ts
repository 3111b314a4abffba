export type { FieldDefinition, FieldType, ListMergeRules, ObjectDefinition, SchemaDefinitions } from './schema-types.js';
export { builtinSchemas, schemaNameFor } from './builtin-schemas.js';
export { SchemaPatchMeta, type PatchMeta, type PatchSchema } from './patch-meta.js';
export { firstJsonTypeError, firstMetadataTypeError, jsonTypeErrorMessage, unstructuredConversionMessage, type JsonTypeError } from './json-type-errors.js';
