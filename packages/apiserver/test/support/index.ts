// What the end-to-end tests of the workspace share (exported as `@minik/apiserver/test-support`).
export * from './kubectl.js';
export * from './kubectl-cluster.js';
export * from './manifests.js';
export * from './merge-item-schema.js';
export * from './normalise-ages.js';
export * from './output.js';
export * from './table-text.js';
