export {
  checkFields,
  checkParsedFields,
  checkPatchDuplicates,
  fieldValidationOutcome,
  isFieldValidationError,
  mergeFieldChecks,
  type DecodeTarget,
  type FieldCheckResult,
  type FieldValidationMode,
} from './field-validation.js';
export { pruneUnknownFields } from './value-walk.js';
export { warningHeaderValue } from './warning-header.js';
export { fieldValidationDirective, validateObjectBody, validatePatchedObject, withWarnings } from './write-validation.js';
