import type { Endpoints, EndpointSlice } from '@minik/types';
import { describe, expect, it } from 'vitest';
import { endpointSliceCells } from './endpoint-slice-cells.js';
import { endpointsCells, formatEndpoints } from './endpoints-cells.js';
import { ago, minute, now } from './test-clock.js';

const metadata = { name: 'web', namespace: 'default', creationTimestamp: ago(5 * minute) };

describe('formatEndpoints', () => {
  it('prints <none> without subsets', () => {
    expect(formatEndpoints({ metadata })).toBe('<none>');
    expect(formatEndpoints({ metadata, subsets: [] })).toBe('<none>');
  });

  it('prints ip:port for every address and port', () => {
    const ep: Endpoints = { metadata, subsets: [{ addresses: [{ ip: '10.244.0.5' }, { ip: '10.244.0.6' }], ports: [{ port: 80 }] }] };
    expect(formatEndpoints(ep)).toBe('10.244.0.5:80,10.244.0.6:80');
  });

  it('prints the first three then how many more', () => {
    const ep: Endpoints = {
      metadata,
      subsets: [
        { addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }], ports: [{ port: 80 }, { port: 443 }] },
        { addresses: [{ ip: '10.0.0.3' }], ports: [{ port: 8080 }] },
      ],
    };
    expect(formatEndpoints(ep)).toBe('10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 2 more...');
  });

  it('does not summarise exactly three', () => {
    const ep: Endpoints = { metadata, subsets: [{ addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }, { ip: '10.0.0.3' }], ports: [{ port: 80 }] }] };
    expect(formatEndpoints(ep)).toBe('10.0.0.1:80,10.0.0.2:80,10.0.0.3:80');
  });

  it('prints bare IPs for a subset without ports and brackets IPv6', () => {
    const ep: Endpoints = {
      metadata,
      subsets: [{ addresses: [{ ip: '10.0.0.1' }] }, { addresses: [{ ip: 'fd00::1' }], ports: [{ port: 53, protocol: 'UDP' }] }],
    };
    expect(formatEndpoints(ep)).toBe('10.0.0.1,[fd00::1]:53');
  });

  it('prints nothing for subsets with only not-ready addresses', () => {
    const ep: Endpoints = { metadata, subsets: [{ notReadyAddresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }] }] };
    expect(endpointsCells(ep, now)).toEqual(['web', '', '5m']);
  });
});

describe('endpointSliceCells', () => {
  it('prints address type, ports and endpoints', () => {
    const slice: EndpointSlice = {
      metadata: { ...metadata, name: 'web-abc12' },
      addressType: 'IPv4',
      ports: [{ port: 80, name: 'http' }],
      endpoints: [{ addresses: ['10.244.0.5'] }, { addresses: ['10.244.0.6'] }],
    };
    expect(endpointSliceCells(slice, now)).toEqual(['web-abc12', 'IPv4', '80', '10.244.0.5,10.244.0.6', '5m']);
  });

  it('prints port names or * for ports without numbers, summarises past three, <unset> when empty', () => {
    const slice: EndpointSlice = {
      metadata,
      addressType: 'IPv6',
      ports: [{ port: 80 }, { name: 'https' }, {}, { port: 8080 }, { port: 9090 }],
      endpoints: [],
    };
    expect(endpointSliceCells(slice, now).slice(1, 4)).toEqual(['IPv6', '80,https,* + 2 more...', '<unset>']);
    expect(endpointSliceCells({ metadata, addressType: 'IPv4', endpoints: [{ addresses: ['a', 'b', 'c', 'd'] }] }, now).slice(2, 4)).toEqual([
      '<unset>',
      'a,b,c + 1 more...',
    ]);
  });
});
