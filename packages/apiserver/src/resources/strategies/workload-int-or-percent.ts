import { fieldErrors, type FieldError } from '../../errors/index.js';
import { goValue } from './go-syntax.js';
import { validateNonnegative } from './replica-set-template-validation.js';

/** ValidatePositiveIntOrPercent: a non-negative integer or a `<digits>%` string. */
export function validatePositiveIntOrPercent(value: unknown, path: string): FieldError[] {
  if (typeof value === 'string') {
    if (/^[0-9]+%$/.test(value)) return [];
    return [
      fieldErrors.invalid(
        path,
        goValue.intOrString(value),
        "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
      ),
    ];
  }
  return validateNonnegative(value, path);
}

/** IsNotMoreThan100Percent: a percentage over 100 is refused (integers are not checked). */
export function validateNotMoreThan100Percent(value: unknown, path: string): FieldError[] {
  if (typeof value === 'string' && /^[0-9]+%$/.test(value) && parseInt(value, 10) > 100) {
    return [fieldErrors.invalid(path, goValue.intOrString(value), 'must not be greater than 100%')];
  }
  return [];
}

/**
 * ValidatePositiveIntOrPercent plus IsNotMoreThan100Percent, as the DaemonSet and StatefulSet
 * rolling update parameters are checked.
 */
export function validateIntOrPercent(value: unknown, path: string): FieldError[] {
  const errs = validatePositiveIntOrPercent(value, path);
  return errs.length > 0 ? errs : validateNotMoreThan100Percent(value, path);
}
