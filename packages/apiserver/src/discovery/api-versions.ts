import type { APIVersions } from '@minik/types';

/**
 * The legacy `/api` document. `serverAddressByClientCIDRs` tells clients which address reaches the
 * server; one catch-all CIDR is what a single-endpoint server reports.
 */
export function buildApiVersions(versions: readonly string[], serverAddress: string): APIVersions {
  return {
    kind: 'APIVersions',
    versions: [...versions],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}
