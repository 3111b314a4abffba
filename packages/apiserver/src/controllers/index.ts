export { startControllers, controllerNames } from './controller-manager/controller-manager.js';
export type { ControllerManager, ControllerManagerOptions, ControllerName } from './controller-manager/controller-manager.js';
export { settleQueues } from './controller-manager/settle.js';
export { EventBroadcaster } from './events/event-recorder.js';
export type { EventRecorder, EventsV1Recorder, EventSource, EventSubject, EventType } from './events/event-recorder.js';
export { realisticTiming, simulatedTiming } from './shared/controller-timing.js';
export type { ControllerTiming } from './shared/controller-timing.js';
export type { ManagedController } from './shared/controller-base.js';
export { podTemplateHash } from './deployment/pod-template-hash.js';
