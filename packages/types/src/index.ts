export * from './json-merge-patch.js';
export * from './meta.js';
export * from './own-property.js';
export * from './models.js';
export * from './registry/index.js';
export * from './schema/index.js';
export * from './strategic-merge/index.js';
