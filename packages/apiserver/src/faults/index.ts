export { FaultInjector } from './fault-injector.js';
export type { Fault, FaultSpec } from './fault-injector.js';
export { faultAdminHandler, faultAdminPath } from './fault-admin-api.js';
