import type { EndpointSlice } from '@minik/types';
import { ageOf } from './human-duration.js';

const maxListed = 3;

/** The first three entries comma-joined then ` + N more...`; `<unset>` when there are none (upstream's listWithMoreString). */
function listWithMore(entries: readonly string[]): string {
  const joined = entries.slice(0, maxListed).join(',');
  if (entries.length > maxListed) return `${joined} + ${entries.length - maxListed} more...`;
  return joined === '' ? '<unset>' : joined;
}

/** All cells of an endpoint slice row: Name, AddressType, Ports, Endpoints, Age. */
export function endpointSliceCells(slice: EndpointSlice, now: number): unknown[] {
  // A port without a number means "all ports": upstream prints its name, or `*`.
  const ports = (slice.ports ?? []).map((p) => (p.port !== undefined && p.port !== null ? String(p.port) : (p.name ?? '*')));
  const addresses = (slice.endpoints ?? []).flatMap((e) => e.addresses ?? []);
  return [slice.metadata?.name ?? '', slice.addressType ?? '', listWithMore(ports), listWithMore(addresses), ageOf(slice.metadata?.creationTimestamp, now)];
}
