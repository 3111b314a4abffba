export * from './resource-definition.js';
export { builtinResources } from './builtin-resources.js';
export { printerColumnsFor } from './printer-columns.js';
