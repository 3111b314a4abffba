import type { SchemaDefinitions } from '@minik/types';
import { ApiError, badRequest } from '../errors/index.js';
import { NotJson, scanJson } from './json-strict-scan.js';
import { shapeOfDefinition } from './schema-shape.js';
import { StrictErrors } from './strict-errors.js';
import { walkUnknownFields } from './value-walk.js';
import { strictErrorWarnings, yamlDuplicateKeys } from './yaml-duplicate-keys.js';

/** The strict decoding errors of one body: unknown and duplicate field paths, and every message in order. */
export interface FieldCheckResult {
  /** Unknown field paths, e.g. `spec.template.spec.containers[0].bar`. */
  unknown: string[];
  /** Duplicate field paths, e.g. `metadata.name`. */
  duplicates: string[];
  /** The strict errors as upstream words and orders them (`unknown field "spec.foo"`, …). */
  errors: string[];
}

/** `fieldValidation` query values. */
export type FieldValidationMode = 'Strict' | 'Warn' | 'Ignore';

/**
 * Finds the fields of a body that upstream's strict decoder reports: fields the type does not have
 * and keys given twice. JSON bodies are scanned as text in document order (JSON.parse hides
 * duplicates); YAML bodies report duplicate keys as go-yaml does, then the unknown fields of the
 * parsed value. A type without a schema has nothing to report.
 */
export function checkFields(schemas: SchemaDefinitions, typeName: string, rawBody: string, parsed: unknown): FieldCheckResult {
  const errors = new StrictErrors();
  const shape = shapeOfDefinition(schemas, typeName);
  if (shape) {
    try {
      scanJson(rawBody, schemas, shape, errors);
    } catch (error) {
      if (!(error instanceof NotJson)) throw error;
      const fresh = new StrictErrors();
      const yamlError = yamlDuplicateKeys(rawBody);
      if (yamlError !== undefined) fresh.other(yamlError);
      walkUnknownFields(parsed, schemas, shape, fresh);
      return result(fresh);
    }
  }
  return result(errors);
}

/**
 * The duplicate keys of a JSON merge or strategic merge patch body. Upstream decodes the patch into
 * an untyped map first (kjson.UnmarshalStrict), so only duplicates can show up there; the unknown
 * fields come from the patched object (see {@link checkParsedFields}).
 */
export function checkPatchDuplicates(rawPatch: string): FieldCheckResult {
  const errors = new StrictErrors();
  try {
    scanJson(rawPatch, new Map(), { kind: 'untyped' }, errors);
  } catch (error) {
    if (!(error instanceof NotJson)) throw error;
  }
  return result(errors);
}

/** The unknown fields of an already decoded value, e.g. an object after a patch was applied. */
export function checkParsedFields(schemas: SchemaDefinitions, typeName: string, value: unknown): FieldCheckResult {
  const errors = new StrictErrors();
  const shape = shapeOfDefinition(schemas, typeName);
  if (shape) walkUnknownFields(value, schemas, shape, errors);
  return result(errors);
}

/** Several checks of one request, in order (patch duplicates, then the patched object's unknown fields). */
export function mergeFieldChecks(...checks: readonly FieldCheckResult[]): FieldCheckResult {
  const merged = new StrictErrors();
  for (const check of checks) for (const message of check.errors) merged.other(message);
  return {
    unknown: checks.flatMap((c) => c.unknown),
    duplicates: checks.flatMap((c) => c.duplicates),
    errors: merged.messages,
  };
}

function result(errors: StrictErrors): FieldCheckResult {
  return { unknown: errors.unknown, duplicates: errors.duplicates, errors: errors.messages };
}

/** Identifies the decoded body in create and update errors; patches have no such prefix. */
export interface DecodeTarget {
  /** The kind the body declared (or the endpoint's). */
  kind: string;
  /** The version of the body's apiVersion, e.g. `v1`. */
  version: string;
  /** The kind the endpoint decodes into. */
  endpointKind?: string;
}

/**
 * What fieldValidation does with the strict errors of a write (k8s.io/apiserver handlers create.go,
 * update.go, patch.go):
 * - Strict: a 400 BadRequest, `Deployment in version "v1" cannot be handled as a Deployment: strict
 *   decoding error: unknown field "spec.foo", duplicate field "metadata.name"` for create and update,
 *   and just `strict decoding error: …` for patches;
 * - Warn: one warning per error, sent as `Warning: 299 - "unknown field \"spec.foo\""` headers;
 * - Ignore: nothing (the decoder is not even strict then).
 * Returns the error to throw, or the warnings (empty when there is nothing to say).
 */
export function fieldValidationOutcome(mode: FieldValidationMode, result: FieldCheckResult, target?: DecodeTarget): ApiError | string[] {
  if (mode === 'Ignore' || result.errors.length === 0) return [];
  if (mode === 'Warn') return result.errors.flatMap(strictErrorWarnings);
  const strict = `strict decoding error: ${result.errors.join(', ')}`;
  if (!target) return badRequest(strict);
  return badRequest(`${target.kind} in version ${JSON.stringify(target.version)} cannot be handled as a ${target.endpointKind ?? target.kind}: ${strict}`);
}

/** Whether an outcome is an error to throw. */
export const isFieldValidationError = (outcome: ApiError | string[]): outcome is ApiError => outcome instanceof ApiError;
