export * from './api-error.js';
export { fieldErrors, GoValue } from './field-errors.js';
export { unrecognizedBody } from './unrecognized-body.js';
