import { describe, expect, it } from 'vitest';
import { configMapCells } from './config-map-cells.js';
import { leaseCells } from './lease-cells.js';
import { namespaceCells } from './namespace-cells.js';
import { secretCells } from './secret-cells.js';
import { serviceAccountCells } from './service-account-cells.js';
import { ago, hour, now } from './test-clock.js';

const metadata = { name: 'x', creationTimestamp: ago(26 * hour) };

describe('cells of the simple kinds', () => {
  it('namespace: phase', () => {
    expect(namespaceCells({ metadata, status: { phase: 'Active' } }, now)).toEqual(['x', 'Active', '26h']);
  });

  it('config map: data plus binaryData keys', () => {
    expect(configMapCells({ metadata, data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } }, now)).toEqual(['x', 3, '26h']);
    expect(configMapCells({ metadata }, now)).toEqual(['x', 0, '26h']);
  });

  it('secret: type and data keys', () => {
    expect(secretCells({ metadata, type: 'Opaque', data: { password: 'cGFzcw==' } }, now)).toEqual(['x', 'Opaque', 1, '26h']);
  });

  it('service account: number of secrets', () => {
    expect(serviceAccountCells({ metadata }, now)).toEqual(['x', 0, '26h']);
    expect(serviceAccountCells({ metadata, secrets: [{ name: 'token' }] }, now)).toEqual(['x', 1, '26h']);
  });

  it('lease: holder, empty when unheld', () => {
    expect(leaseCells({ metadata, spec: { holderIdentity: 'node-1' } }, now)).toEqual(['x', 'node-1', '26h']);
    expect(leaseCells({ metadata, spec: {} }, now)).toEqual(['x', '', '26h']);
  });
});
