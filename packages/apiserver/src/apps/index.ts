export { AppRegistry, builtinApps } from './app-registry.js';
export { parseImageReference, imageID, statusImage, shortRepository } from './image-reference.js';
export type { ImageReference } from './image-reference.js';
export type { AppProcess, AppRequest, AppResponse, AppStartContext, SigtermBehaviour, SimulatedApp } from './simulated-app.js';
export { textResponse } from './simulated-app.js';
