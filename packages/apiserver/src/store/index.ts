export type * from './store.js';
export { MemoryStore } from './memory-store.js';
export type { MemoryStoreOptions } from './memory-store.js';
export { assertPreconditions } from './preconditions.js';
