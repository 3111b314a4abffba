import { fieldErrors, type FieldError } from '../../errors/index.js';
import { goValue } from './go-syntax.js';
import { validateNonnegative } from './replica-set-template-validation.js';

/**
 * ValidatePositiveIntOrPercent plus IsNotMoreThan100Percent, as the DaemonSet and StatefulSet
 * rolling update parameters are checked.
 */
export function validateIntOrPercent(value: unknown, path: string): FieldError[] {
  if (typeof value === 'string') {
    if (!/^[0-9]+%$/.test(value)) {
      return [
        fieldErrors.invalid(
          path,
          goValue.intOrString(value),
          "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
        ),
      ];
    }
    return parseInt(value, 10) > 100 ? [fieldErrors.invalid(path, goValue.intOrString(value), 'must not be greater than 100%')] : [];
  }
  return validateNonnegative(value, path);
}
