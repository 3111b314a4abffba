export { FaultInjector } from './fault-injector.js';
export type { Fault, FaultSpec } from './fault-injector.js';
