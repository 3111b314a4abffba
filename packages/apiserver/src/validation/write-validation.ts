import type { KubeObject, ResourceDefinition, SchemaDefinitions } from '@minik/types';
import { builtinSchemas, schemaNameFor } from '@minik/types';
import type { ApiResponse } from '../api/request.js';
import {
  checkFields,
  checkParsedFields,
  checkPatchDuplicates,
  fieldValidationOutcome,
  isFieldValidationError,
  mergeFieldChecks,
  type FieldCheckResult,
  type FieldValidationMode,
} from './field-validation.js';
import { shapeOfDefinition } from './schema-shape.js';
import { pruneUnknownFields } from './value-walk.js';
import { warningHeaderValue } from './warning-header.js';

// The glue the write handlers call: check a body per fieldValidation, drop what the schema does not
// know (upstream never stores unknown fields), and hand back the warnings to send.

/**
 * The directive in force: an absent or empty `fieldValidation` means Warn on the server (upstream's
 * handlers/rest.go fieldValidation); kubectl only rejects unknown fields because it sends Strict.
 */
export function fieldValidationDirective(query: URLSearchParams, parsed: FieldValidationMode): FieldValidationMode {
  return (query.get('fieldValidation') ?? '') === '' ? 'Warn' : parsed;
}

/** Media types whose bodies carry field names the strict decoder checks (protobuf cannot). */
const checkedMediaTypes = new Set(['application/json', 'application/yaml']);

function apply(outcome: ReturnType<typeof fieldValidationOutcome>): string[] {
  if (isFieldValidationError(outcome)) throw outcome;
  return outcome;
}

function prune(schemas: SchemaDefinitions, typeName: string, obj: unknown): void {
  const shape = shapeOfDefinition(schemas, typeName);
  if (shape) pruneUnknownFields(obj, schemas, shape);
}

/**
 * Field validation of a create or update body (already decoded into `obj`): throws the Strict
 * error, prunes unknown fields and returns the Warn-mode warnings.
 */
export function validateObjectBody(
  def: ResourceDefinition,
  mode: FieldValidationMode,
  body: { mediaType: string; text: string },
  obj: KubeObject,
  schemas: SchemaDefinitions = builtinSchemas,
): string[] {
  const typeName = schemaNameFor(def.group, def.version, def.kind);
  if (typeName === undefined || !checkedMediaTypes.has(body.mediaType)) return [];
  let warnings: string[] = [];
  if (mode !== 'Ignore') {
    const result = checkFields(schemas, typeName, body.text, obj);
    const apiVersion = obj.apiVersion ?? def.version;
    const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
    warnings = apply(fieldValidationOutcome(mode, result, { kind: obj.kind ?? def.kind, version, endpointKind: def.kind }));
  }
  prune(schemas, typeName, obj);
  return warnings;
}

/**
 * Field validation of a patch: duplicate keys of merge and strategic merge patch bodies, then the
 * unknown fields of the patched object (k8s.io/apiserver patch.go). Server-side apply reports its
 * own errors. Throws the Strict error, prunes and returns the Warn-mode warnings.
 */
export function validatePatchedObject(
  def: ResourceDefinition,
  mode: FieldValidationMode,
  patch: { mediaType: string; text: string },
  patched: unknown,
  schemas: SchemaDefinitions = builtinSchemas,
): string[] {
  const typeName = schemaNameFor(def.group, def.version, def.kind);
  if (typeName === undefined) return [];
  let warnings: string[] = [];
  // Server-side apply reports unknown fields itself (`.spec.foo: field not declared in schema`).
  if (mode !== 'Ignore' && patch.mediaType !== 'application/apply-patch+yaml') {
    const checks: FieldCheckResult[] = [];
    if (patch.mediaType === 'application/merge-patch+json' || patch.mediaType === 'application/strategic-merge-patch+json') {
      checks.push(checkPatchDuplicates(patch.text));
    }
    checks.push(checkParsedFields(schemas, typeName, patched));
    warnings = apply(fieldValidationOutcome(mode, mergeFieldChecks(...checks)));
  }
  prune(schemas, typeName, patched);
  return warnings;
}

/** Adds the `Warning` header for warnings to a response. */
export function withWarnings<T extends ApiResponse>(response: T, warnings: readonly string[]): T {
  const value = warningHeaderValue(warnings);
  if (value !== undefined) response.headers['warning'] = value;
  return response;
}
