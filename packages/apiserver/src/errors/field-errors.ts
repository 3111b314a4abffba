import type { FieldError } from './api-error.js';

/**
 * A bad value already rendered the way upstream prints it: Go's `%#v` of a map, slice or struct
 * (`map[string]string{"app":"web"}`, `[]string{"10.96.0.5"}`), as 1.27–1.33 servers do.
 */
export class GoValue {
  constructor(readonly text: string) {}
}

/**
 * Builders for field errors with upstream's message wording
 * (k8s.io/apimachinery/pkg/util/validation/field/errors.go).
 */
export const fieldErrors = {
  required(field: string, detail = ''): FieldError {
    return { type: 'FieldValueRequired', field, message: `${field}: Required value${detail ? `: ${detail}` : ''}` };
  },
  invalid(field: string, value: unknown, detail: string): FieldError {
    return { type: 'FieldValueInvalid', field, message: `${field}: Invalid value: ${formatValue(value)}${detail ? `: ${detail}` : ''}` };
  },
  notSupported(field: string, value: unknown, supported: readonly string[]): FieldError {
    const list = supported.map((s) => JSON.stringify(s)).join(', ');
    return { type: 'FieldValueNotSupported', field, message: `${field}: Unsupported value: ${formatValue(value)}: supported values: ${list}` };
  },
  duplicate(field: string, value: unknown): FieldError {
    return { type: 'FieldValueDuplicate', field, message: `${field}: Duplicate value: ${formatValue(value)}` };
  },
  forbidden(field: string, detail: string): FieldError {
    return { type: 'FieldValueForbidden', field, message: `${field}: Forbidden: ${detail}` };
  },
  notFound(field: string, value: unknown): FieldError {
    return { type: 'FieldValueNotFound', field, message: `${field}: Not found: ${formatValue(value)}` };
  },
  tooLong(field: string, max: number): FieldError {
    return { type: 'FieldValueTooLong', field, message: `${field}: Too long: may not be more than ${max} bytes` };
  },
};

/** Values print as Go's %q for strings and %v (JSON-ish) for the rest, as upstream's messages do. */
function formatValue(value: unknown): string {
  if (value instanceof GoValue) return value.text;
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
