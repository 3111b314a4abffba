import type { Endpoints } from '@minik/types';
import { ageOf } from './human-duration.js';

// Upstream lists at most this many endpoints before summarising the rest.
const maxListed = 3;

/** `host:port` with IPv6 hosts bracketed, like Go's net.JoinHostPort. */
function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * The Endpoints cell (upstream's formatEndpoints): ready addresses × ports as `ip:port` (bare IPs
 * for a subset without ports), the first three comma-joined then ` + N more...`; `<none>` without
 * subsets.
 */
export function formatEndpoints(endpoints: Endpoints): string {
  const subsets = endpoints.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const subset of subsets) {
    const addresses = subset.addresses ?? [];
    const ports = subset.ports ?? [];
    // Headless services may have no ports: list the addresses alone.
    const entries = ports.length === 0 ? [addresses.map((a) => a.ip)] : ports.map((p) => addresses.map((a) => joinHostPort(a.ip, p.port)));
    for (const group of entries) {
      count += group.length;
      for (const entry of group) {
        if (list.length === maxListed) {
          more = true;
          break;
        }
        list.push(entry);
      }
    }
  }
  const joined = list.join(',');
  return more ? `${joined} + ${count - maxListed} more...` : joined;
}

/** All cells of an endpoints row: Name, Endpoints, Age. */
export function endpointsCells(endpoints: Endpoints, now: number): unknown[] {
  return [endpoints.metadata?.name ?? '', formatEndpoints(endpoints), ageOf(endpoints.metadata?.creationTimestamp, now)];
}
