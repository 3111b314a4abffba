export { createDiscovery, type Discovery, type DiscoveryOptions } from './create-discovery.js';
export { jsonContentType, type DiscoveryResponse } from './discovery-response.js';
export {
  aggregatedDiscoveryContentType,
  negotiateAggregatedDiscovery,
  type AggregatedDiscoveryVersion,
} from './aggregated-discovery-media-type.js';
export { versionInfo, type VersionInfo } from './version-info.js';
export { defaultKubernetesVersion } from './kubernetes-version.js';
export { healthResponse, type HealthEndpoint, type HealthResponse } from './health-response.js';
