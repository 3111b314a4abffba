/**
 * The msw entry point (`@minik/apiserver/msw`), separate so that msw stays an optional peer
 * dependency of the main entry.
 */
export { createHandlers } from './adapters/msw-handlers.js';
export type { HandlesApiRequests, MswHandlerOptions } from './adapters/msw-handlers.js';
