export * from './api-error.js';
export { fieldErrors, GoValue } from './field-errors.js';
