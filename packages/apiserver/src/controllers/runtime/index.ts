export { Controller } from './work-queue.js';
export type { ControllerOptions, Reconciler, ReconcileResult } from './work-queue.js';
export { objectKey, splitKey } from './object-key.js';
