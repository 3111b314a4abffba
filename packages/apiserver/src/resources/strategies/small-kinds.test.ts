import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@minik/types';
import type { ResourceStrategy } from '../resource-strategy.js';
import { configMapStrategy } from './config-map-strategy.js';
import { endpointSliceStrategy } from './endpoint-slice-strategy.js';
import { endpointsStrategy } from './endpoints-strategy.js';
import { coreEventStrategy, eventsV1EventStrategy } from './event-strategy.js';
import { leaseStrategy } from './lease-strategy.js';
import { namespaceStrategy } from './namespace-strategy.js';
import { nodeStrategy } from './node-strategy.js';
import { secretStrategy } from './secret-strategy.js';
import { body, messages, noAllocationContext } from './test-context.js';

const defaulted = (strategy: ResourceStrategy, json: unknown): KubeObject => {
  const obj = body(json);
  strategy.applyDefaults?.(obj, noAllocationContext);
  return obj;
};
const created = (strategy: ResourceStrategy, json: unknown): string[] => messages(strategy.validateCreate?.(defaulted(strategy, json)));

describe('Namespace', () => {
  it('gets the name label, the kubernetes finalizer and phase Active', () => {
    const obj = defaulted(namespaceStrategy, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
    expect(obj.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'team-a' });
    expect(obj.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(obj.status).toEqual({ phase: 'Active' });
    expect(messages(namespaceStrategy.validateCreate?.(obj))).toEqual([]);
  });

  it('keeps emptied finalizers and a Terminating phase', () => {
    const obj = defaulted(namespaceStrategy, { metadata: { name: 'x' }, spec: { finalizers: [] }, status: { phase: 'Terminating' } });
    expect(obj.spec).toEqual({ finalizers: [] });
    expect(obj.status).toEqual({ phase: 'Terminating' });
  });

  it('needs a DNS-1123 label name', () => {
    expect(created(namespaceStrategy, { metadata: { name: 'team.a' } })).toEqual(['metadata.name: Invalid value: "team.a": must not contain dots']);
  });
});

describe('Node', () => {
  it('copies capacity to allocatable and fills the struct fields Go always prints', () => {
    const obj = defaulted(nodeStrategy, { metadata: { name: 'node-1' }, status: { capacity: { cpu: '2', pods: '110' } } });
    expect(obj.spec).toEqual({});
    expect(obj.status).toEqual({
      capacity: { cpu: '2', pods: '110' },
      allocatable: { cpu: '2', pods: '110' },
      daemonEndpoints: { kubeletEndpoint: { Port: 0 } },
      nodeInfo: {
        machineID: '',
        systemUUID: '',
        bootID: '',
        kernelVersion: '',
        osImage: '',
        containerRuntimeVersion: '',
        kubeletVersion: '',
        kubeProxyVersion: '',
        operatingSystem: '',
        architecture: '',
      },
    });
  });

  it('validates taints', () => {
    expect(
      created(nodeStrategy, {
        metadata: { name: 'node-1' },
        spec: { taints: [{ key: 'dedicated', effect: 'NoSchedule' }, { key: 'dedicated', value: 'x', effect: 'NoSchedule' }, { key: 'a', effect: 'Never' }] },
      }),
    ).toEqual([
      'spec.taints[1]: Duplicate value: core.Taint{Key:"dedicated", Value:"x", Effect:"NoSchedule", TimeAdded:<nil>}: taints must be unique by key and effect pair',
      'spec.taints[2].effect: Unsupported value: "Never": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ]);
  });
});

describe('ConfigMap', () => {
  it('validates keys and freezes immutable data', () => {
    expect(created(configMapStrategy, { metadata: { name: 'cfg' }, data: { 'a b': '1', ok: '2' }, binaryData: { ok: 'eA==' } })).toEqual([
      `data[a b]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
      'data[ok]: Invalid value: "ok": duplicate of key present in binaryData',
    ]);
    const stored = defaulted(configMapStrategy, { metadata: { name: 'cfg' }, data: { a: '1' }, immutable: true });
    const next = body(stored);
    next.data = { a: '2' };
    expect(messages(configMapStrategy.validateUpdate?.(next, stored))).toEqual(['data: Forbidden: field is immutable when `immutable` is set']);
  });
});

describe('Secret', () => {
  it('defaults type Opaque and folds stringData into data', () => {
    const obj = defaulted(secretStrategy, { metadata: { name: 's' }, data: { a: 'YQ==' }, stringData: { password: 'hunter2' } });
    expect(obj.type).toBe('Opaque');
    expect(obj.data).toEqual({ a: 'YQ==', password: 'aHVudGVyMg==' });
    expect(obj.stringData).toBeUndefined();
  });

  it('requires the keys of typed secrets and keeps the type immutable', () => {
    expect(created(secretStrategy, { metadata: { name: 'tls' }, type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==' } })).toEqual([
      'data[tls.key]: Required value',
    ]);
    const stored = defaulted(secretStrategy, { metadata: { name: 's' }, type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==', 'tls.key': 'eA==' } });
    const next = body(stored);
    delete next.type;
    secretStrategy.applyDefaults?.(next, noAllocationContext);
    expect(messages(secretStrategy.validateUpdate?.(next, stored))).toEqual(['type: Invalid value: "Opaque": field is immutable']);
  });
});

describe('Endpoints and EndpointSlices', () => {
  it('default port protocols and check addresses', () => {
    const obj = defaulted(endpointsStrategy, { metadata: { name: 'web' }, subsets: [{ addresses: [{ ip: '10.244.0.5' }, { ip: 'pod-a' }], ports: [{ port: 80 }] }] });
    expect((obj.subsets as { ports: unknown[] }[])[0]?.ports).toEqual([{ port: 80, protocol: 'TCP' }]);
    expect(messages(endpointsStrategy.validateCreate?.(obj))).toEqual([
      'subsets[0].addresses[1].ip: Invalid value: "pod-a": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ]);
  });

  it('default slice ports and require a supported, immutable addressType', () => {
    const obj = defaulted(endpointSliceStrategy, { metadata: { name: 'web-abcde' }, addressType: 'IPv4', ports: [{ port: 80 }], endpoints: [] });
    expect(obj.ports).toEqual([{ port: 80, name: '', protocol: 'TCP' }]);
    expect(messages(endpointSliceStrategy.validateCreate?.(obj))).toEqual([]);
    expect(created(endpointSliceStrategy, { metadata: { name: 'x' } })).toEqual(['addressType: Required value']);
    const next = body(obj);
    next.addressType = 'IPv6';
    expect(messages(endpointSliceStrategy.validateUpdate?.(next, obj))).toEqual(['addressType: Invalid value: "IPv6": field is immutable']);
  });
});

describe('Lease', () => {
  it('needs a positive duration', () => {
    expect(created(leaseStrategy, { metadata: { name: 'node-1' }, spec: { holderIdentity: 'node-1', leaseDurationSeconds: 0 } })).toEqual([
      'spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0',
    ]);
  });
});

describe('Events', () => {
  const coreEvent = {
    metadata: { name: 'web-0.17c1a2b3c4d5e6f7', namespace: 'default' },
    involvedObject: { kind: 'Pod', namespace: 'default', name: 'web-0', uid: 'u' },
    reason: 'Scheduled',
    message: 'Successfully assigned default/web-0 to node-1',
    type: 'Normal',
    source: { component: 'default-scheduler' },
    count: 1,
  };

  it('core/v1 events print their zero fields like Go and only need matching namespaces', () => {
    const obj = defaulted(coreEventStrategy, coreEvent);
    expect(obj).toMatchObject({ eventTime: null, firstTimestamp: null, lastTimestamp: null, reportingComponent: '', reportingInstance: '' });
    expect(messages(coreEventStrategy.validateCreate?.(obj))).toEqual([]);
    const elsewhere = body(coreEvent);
    (elsewhere.involvedObject as { namespace: string }).namespace = 'kube-system';
    expect(created(coreEventStrategy, elsewhere)).toEqual(['involvedObject.namespace: Invalid value: "kube-system": does not match event.namespace']);
  });

  it('events.k8s.io/v1 events need eventTime and the reporting fields', () => {
    expect(
      created(eventsV1EventStrategy, { metadata: { name: 'e', namespace: 'default' }, regarding: { namespace: 'default' }, type: 'Normal' }),
    ).toEqual(['eventTime: Required value']);
    expect(
      created(eventsV1EventStrategy, {
        metadata: { name: 'e', namespace: 'default' },
        regarding: { namespace: 'default' },
        eventTime: '2024-05-01T10:00:00.000000Z',
        reportingController: 'minik/kubelet',
        reportingInstance: 'node-1',
        action: 'Pulling',
        reason: 'Pulling',
        type: 'Normal',
      }),
    ).toEqual([]);
  });
});
