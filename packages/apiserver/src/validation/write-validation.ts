import type { KubeObject, ResourceDefinition, SchemaDefinitions } from '@minik/types';
import { builtinSchemas, firstJsonTypeError, jsonTypeErrorMessage, schemaNameFor, unstructuredConversionMessage, type JsonTypeError } from '@minik/types';
import type { ApiResponse } from '../api/request.js';
import { ApiError, badRequest, fieldErrors } from '../errors/index.js';
import { goJsonMarshal, goPrintValue } from '../util/go-format.js';
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
  def: Pick<ResourceDefinition, 'group' | 'version' | 'kind'>,
  mode: FieldValidationMode,
  body: { mediaType: string; text: string },
  obj: KubeObject,
  schemas: SchemaDefinitions = builtinSchemas,
): string[] {
  const typeName = schemaNameFor(def.group, def.version, def.kind);
  if (typeName === undefined || !checkedMediaTypes.has(body.mediaType)) return [];
  const apiVersion = obj.apiVersion ?? def.version;
  const target = { kind: obj.kind ?? def.kind, version: apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion, endpointKind: def.kind };
  // The typed decoding fails before strict checking starts, in every fieldValidation mode.
  const typeError = firstJsonTypeError(obj, schemas, typeName);
  if (typeError) throw badRequest(`${target.kind} in version ${JSON.stringify(target.version)} cannot be handled as a ${target.endpointKind}: ${jsonTypeErrorMessage(typeError)}`);
  let warnings: string[] = [];
  if (mode !== 'Ignore') warnings = apply(fieldValidationOutcome(mode, checkFields(schemas, typeName, body.text, obj), target));
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
  const typeError = firstJsonTypeError(patched, schemas, typeName);
  if (typeError) throw patchedTypeError(patch, patched, typeError);
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

/**
 * A patch whose result the typed object cannot hold: 422 with the error on the `patch` field, no
 * kind and no name (k8s.io/apiserver patch.go). A JSON or merge patch shows the patched document and
 * encoding/json's message; a strategic merge patch shows the patch itself and the converter's.
 */
function patchedTypeError(patch: { mediaType: string; text: string }, patched: unknown, typeError: JsonTypeError): ApiError {
  const cause =
    patch.mediaType === 'application/strategic-merge-patch+json'
      ? fieldErrors.invalid('patch', goPrintValue(parsedPatch(patch.text)), unstructuredConversionMessage(typeError))
      : fieldErrors.invalid('patch', goJsonMarshal(patched), jsonTypeErrorMessage(typeError));
  return new ApiError('Invalid', ` "" is invalid: ${cause.message}`, {
    causes: [{ reason: cause.type, message: cause.message.slice(cause.field.length + 2), field: cause.field }],
  });
}

function parsedPatch(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Adds the `Warning` header for warnings to a response. */
export function withWarnings<T extends ApiResponse>(response: T, warnings: readonly string[]): T {
  const value = warningHeaderValue(warnings);
  if (value !== undefined) response.headers['warning'] = value;
  return response;
}
