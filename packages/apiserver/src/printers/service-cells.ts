import type { Service, ServicePort } from '@minik/types';
import { formatLabels } from './format-labels.js';
import { ageOf } from './human-duration.js';

// Upstream clips load-balancer addresses to this many characters outside wide output.
const loadBalancerWidth = 16;

/** Load-balancer ingress IPs (or hostnames), sorted and de-duplicated, clipped unless wide. */
function loadBalancerAddresses(service: Service, wide: boolean): string {
  const addresses = new Set<string>();
  for (const ingress of service.status?.loadBalancer?.ingress ?? []) {
    if (ingress.ip) addresses.add(ingress.ip);
    else if (ingress.hostname) addresses.add(ingress.hostname);
  }
  const joined = [...addresses].sort().join(',');
  return !wide && joined.length > loadBalancerWidth ? `${joined.slice(0, loadBalancerWidth - 3)}...` : joined;
}

/**
 * The External-IP cell (upstream's getServiceExternalIP). The server always prints wide tables,
 * so its cells are never clipped; `wide: false` is kept for parity with client-side printing.
 */
export function serviceExternalIP(service: Service, wide: boolean): string {
  const externalIPs = service.spec?.externalIPs ?? [];
  switch (service.spec?.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lbAddresses = loadBalancerAddresses(service, wide);
      if (externalIPs.length > 0) return [...(lbAddresses === '' ? [] : lbAddresses.split(',')), ...externalIPs].join(',');
      return lbAddresses === '' ? '<pending>' : lbAddresses;
    }
    case 'ExternalName':
      return service.spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** The Port(s) cell: `80/TCP` or `80:30080/TCP` per port, comma-joined, `<none>` without ports. */
export function servicePorts(ports: readonly ServicePort[] | null | undefined): string {
  const text = (ports ?? [])
    .map((p) => (p.nodePort !== undefined && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}` : `${p.port}/${p.protocol ?? ''}`))
    .join(',');
  return text === '' ? '<none>' : text;
}

/** All cells of a service row: Name, Type, Cluster-IP, External-IP, Port(s), Age, Selector. */
export function serviceCells(service: Service, now: number): unknown[] {
  // Upstream reads clusterIPs[0]; a real server keeps clusterIP and clusterIPs in step, so fall
  // back to clusterIP for objects stored before clusterIPs was filled in.
  const clusterIP = service.spec?.clusterIPs?.[0] ?? service.spec?.clusterIP;
  return [
    service.metadata?.name ?? '',
    service.spec?.type ?? '',
    clusterIP === undefined || clusterIP === '' ? '<none>' : clusterIP,
    serviceExternalIP(service, true),
    servicePorts(service.spec?.ports),
    ageOf(service.metadata?.creationTimestamp, now),
    formatLabels(service.spec?.selector),
  ];
}
