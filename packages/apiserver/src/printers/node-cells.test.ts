import type { Node } from '@minik/types';
import { describe, expect, it } from 'vitest';
import { nodeCells, nodeRoles } from './node-cells.js';
import { ago, hour, now } from './test-clock.js';

function node(overrides: { labels?: Record<string, string>; spec?: Node['spec']; status?: Node['status'] } = {}): Node {
  return {
    metadata: { name: 'node-1', creationTimestamp: ago(3 * hour), labels: overrides.labels ?? {} },
    spec: overrides.spec ?? {},
    status: overrides.status ?? {},
  };
}

const nodeInfo = {
  machineID: 'm',
  systemUUID: 'u',
  bootID: 'b',
  kernelVersion: '6.1.0-minik',
  osImage: 'Debian GNU/Linux 12 (bookworm)',
  containerRuntimeVersion: 'containerd://1.7.13',
  kubeletVersion: 'v1.33.0',
  kubeProxyVersion: 'v1.33.0',
  operatingSystem: 'linux',
  architecture: 'amd64',
};

describe('nodeCells', () => {
  it('prints a ready control-plane node with all wide cells', () => {
    const n = node({
      labels: { 'node-role.kubernetes.io/control-plane': '' },
      status: {
        conditions: [
          { type: 'MemoryPressure', status: 'False' },
          { type: 'Ready', status: 'True' },
        ],
        addresses: [
          { type: 'Hostname', address: 'node-1' },
          { type: 'InternalIP', address: '10.0.0.10' },
        ],
        nodeInfo,
      },
    });
    expect(nodeCells(n, now)).toEqual([
      'node-1',
      'Ready',
      'control-plane',
      '3h',
      'v1.33.0',
      '10.0.0.10',
      '<none>',
      'Debian GNU/Linux 12 (bookworm)',
      '6.1.0-minik',
      'containerd://1.7.13',
    ]);
  });

  it.each([
    [[{ type: 'Ready', status: 'False' }], false, 'NotReady'],
    [[{ type: 'Ready', status: 'Unknown' }], false, 'NotReady'],
    [[], false, 'Unknown'],
    [[{ type: 'Ready', status: 'True' }], true, 'Ready,SchedulingDisabled'],
    [[], true, 'Unknown,SchedulingDisabled'],
  ])('conditions %j, unschedulable %s → %s', (conditions, unschedulable, expected) => {
    expect(nodeCells(node({ spec: { unschedulable }, status: { conditions } }), now)[1]).toBe(expected);
  });

  it('prints <none> roles, empty version and <unknown> system info for a bare node', () => {
    expect(nodeCells(node(), now)).toEqual(['node-1', 'Unknown', '<none>', '3h', '', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>']);
  });

  it('prints the external IP', () => {
    const n = node({ status: { addresses: [{ type: 'ExternalIP', address: '203.0.113.7' }, { type: 'ExternalIP', address: '203.0.113.8' }] } });
    expect(nodeCells(n, now)[6]).toBe('203.0.113.7');
  });
});

describe('nodeRoles', () => {
  it('collects role label suffixes and the kubernetes.io/role value, sorted and de-duplicated', () => {
    const n = node({
      labels: {
        'node-role.kubernetes.io/worker': '',
        'node-role.kubernetes.io/control-plane': 'true',
        'kubernetes.io/role': 'worker',
        'node-role.kubernetes.io/': '',
        'node.kubernetes.io/instance-type': 'm5.large',
      },
    });
    expect(nodeRoles(n)).toEqual(['control-plane', 'worker']);
  });

  it('ignores an empty kubernetes.io/role', () => {
    expect(nodeRoles(node({ labels: { 'kubernetes.io/role': '' } }))).toEqual([]);
  });
});
