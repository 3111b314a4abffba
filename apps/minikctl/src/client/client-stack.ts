/**
 * Everything a command that talks to a server needs, loaded with one dynamic import (one chunk
 * to read and compile instead of several: start-up time matters).
 */
export { loadKubeconfig } from './kubeconfig.js';
export { resolveClientConfig } from './client-config.js';
export { createRestClient } from './rest-client.js';
export { Discovery } from './discovery.js';
export { ResourceResolver, unknownResourceError } from './resource-resolver.js';
