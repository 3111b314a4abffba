import type { EndpointSubset } from '@minik/types';

/** core/v1 EndpointAddress. */
export type EndpointAddress = NonNullable<EndpointSubset['addresses']>[number];
/** core/v1 EndpointPort. */
export type EndpointPort = NonNullable<EndpointSubset['ports']>[number];

/** One pod's contribution before packing: its address, readiness and the ports it serves. */
export interface AddressEntry {
  address: EndpointAddress;
  ready: boolean;
  ports: readonly EndpointPort[];
}

/**
 * endpoints.RepackSubsets: addresses that serve the same set of ports share a subset; an address
 * is ready if any of its entries is. Addresses sort by IP (as strings) then pod uid; ports by
 * name and number, subsets by their ports (upstream sorts these by hashes).
 */
export function repackSubsets(entries: readonly AddressEntry[]): EndpointSubset[] {
  const addresses = new Map<string, { address: EndpointAddress; ready: boolean; ports: Map<string, EndpointPort> }>();
  for (const entry of entries) {
    const key = `${entry.address.ip}|${entry.address.targetRef?.uid ?? ''}`;
    const existing = addresses.get(key) ?? { address: entry.address, ready: false, ports: new Map() };
    existing.ready ||= entry.ready;
    for (const port of entry.ports) existing.ports.set(portKey(port), port);
    addresses.set(key, existing);
  }
  const subsets = new Map<string, { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }>();
  for (const entry of addresses.values()) {
    const ports = [...entry.ports.values()].sort(comparePorts);
    const key = ports.map(portKey).join(',');
    const subset = subsets.get(key) ?? { ports, ready: [], notReady: [] };
    (entry.ready ? subset.ready : subset.notReady).push(entry.address);
    subsets.set(key, subset);
  }
  return [...subsets.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, s]) => {
      const subset: EndpointSubset = {};
      if (s.ready.length > 0) subset.addresses = s.ready.sort(compareAddresses);
      if (s.notReady.length > 0) subset.notReadyAddresses = s.notReady.sort(compareAddresses);
      if (s.ports.length > 0) subset.ports = s.ports;
      return subset;
    });
}

const portKey = (p: EndpointPort): string => `${p.name ?? ''}/${p.port}/${p.protocol ?? ''}/${p.appProtocol ?? ''}`;

function comparePorts(a: EndpointPort, b: EndpointPort): number {
  return (a.name ?? '').localeCompare(b.name ?? '') || a.port - b.port || (a.protocol ?? '').localeCompare(b.protocol ?? '');
}

// LessEndpointAddress compares the IPs as strings (bytes), then the pods' uids.
function compareAddresses(a: EndpointAddress, b: EndpointAddress): number {
  return compareStrings(a.ip, b.ip) || compareStrings(a.targetRef?.uid ?? '', b.targetRef?.uid ?? '');
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
