import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@minik/types';
import { ApiError } from '../../errors/index.js';
import { createStrategyTable } from '../strategy-table.js';
import { body, messages, noAllocationContext } from './test-context.js';

// `kubectl expose deployment web --type=NodePort --port=80` (protocol doc §8).
const exposeBody = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { creationTimestamp: null, labels: { app: 'web' }, name: 'web' },
  spec: { ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], selector: { app: 'web' }, type: 'NodePort' },
  status: { loadBalancer: {} },
};

let uids = 0;

/** A cluster's worth of Service strategy: deterministic allocators and a create/update/delete flow. */
function cluster() {
  const table = createStrategyTable({ random: () => 0 });
  const strategy = table.strategyFor('', 'Service');
  const ctx = table.context(() => '2024-05-01T10:00:00Z');
  const create = (json: unknown): { obj: KubeObject; errors: string[] } => {
    const obj = body(json);
    obj.metadata.namespace ??= 'default';
    obj.metadata.uid = `uid-${++uids}`;
    strategy.applyDefaults?.(obj, ctx);
    return { obj, errors: messages(strategy.validateCreate?.(obj)) };
  };
  const update = (next: KubeObject, old: KubeObject): { obj: KubeObject; errors: string[] } => {
    next.metadata.uid = old.metadata.uid;
    next.status = old.status;
    strategy.applyDefaults?.(next, ctx);
    return { obj: next, errors: messages(strategy.validateUpdate?.(next, old)) };
  };
  return { table, strategy, ctx, create, update };
}

const specOf = (obj: KubeObject): Record<string, unknown> => obj.spec as Record<string, unknown>;

describe('Service defaults', () => {
  it('defaults `kubectl expose --type=NodePort` like the real API server (protocol doc §4.8)', () => {
    const { create } = cluster();
    const { obj, errors } = create(exposeBody);
    expect(errors).toEqual([]);
    expect(obj.spec).toEqual({
      type: 'NodePort',
      selector: { app: 'web' },
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30086 }],
      clusterIP: '10.96.1.1',
      clusterIPs: ['10.96.1.1'],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
      externalTrafficPolicy: 'Cluster',
      sessionAffinity: 'None',
    });
    expect(obj.status).toEqual({ loadBalancer: {} });
  });

  it('defaults targetPort to port and protocol to TCP for a ClusterIP service', () => {
    const { create } = cluster();
    const { obj } = create({ metadata: { name: 'api' }, spec: { ports: [{ port: 8080 }], selector: { app: 'api' } } });
    expect(specOf(obj).ports).toEqual([{ port: 8080, protocol: 'TCP', targetPort: 8080 }]);
    expect(specOf(obj).type).toBe('ClusterIP');
    expect(specOf(obj).externalTrafficPolicy).toBeUndefined();
  });

  it('keeps headless services headless and allocates nothing', () => {
    const { strategy } = cluster();
    const withSelector = body({ metadata: { name: 'db' }, spec: { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 5432 }] } });
    strategy.applyDefaults?.(withSelector, noAllocationContext);
    expect(specOf(withSelector)).toMatchObject({ clusterIP: 'None', clusterIPs: ['None'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' });
    const selectorless = body({ metadata: { name: 'ext' }, spec: { clusterIP: 'None' } });
    strategy.applyDefaults?.(selectorless, noAllocationContext);
    expect(specOf(selectorless)).toMatchObject({ clusterIPs: ['None'], ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'RequireDualStack' });
    expect(messages(strategy.validateCreate?.(selectorless))).toEqual([]);
  });

  it('gives ExternalName services no ClusterIP and no IP families', () => {
    const { strategy } = cluster();
    const obj = body({ metadata: { name: 'db' }, spec: { type: 'ExternalName', externalName: 'db.example.com' } });
    strategy.applyDefaults?.(obj, noAllocationContext);
    expect(obj.spec).toEqual({ type: 'ExternalName', externalName: 'db.example.com', sessionAffinity: 'None' });
    expect(messages(strategy.validateCreate?.(obj))).toEqual([]);
  });

  it('shares one NodePort between the TCP and UDP flavours of a port and allocates a health-check port', () => {
    const { create } = cluster();
    const { obj, errors } = create({
      metadata: { name: 'dns' },
      spec: {
        type: 'LoadBalancer',
        externalTrafficPolicy: 'Local',
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP' },
          { name: 'dns-tcp', port: 53, protocol: 'TCP' },
        ],
      },
    });
    expect(errors).toEqual([]);
    const spec = specOf(obj);
    expect((spec.ports as { nodePort: number }[]).map((p) => p.nodePort)).toEqual([30086, 30086]);
    expect(spec.healthCheckNodePort).toBe(30087);
    expect(spec.allocateLoadBalancerNodePorts).toBe(true);
  });
});

describe('Service allocation', () => {
  it('honours a requested ClusterIP and rejects a second Service asking for it', () => {
    const { create } = cluster();
    expect(create({ metadata: { name: 'a' }, spec: { clusterIP: '10.96.0.50', ports: [{ port: 80 }] } }).errors).toEqual([]);
    let caught: unknown;
    try {
      create({ metadata: { name: 'b' }, spec: { clusterIP: '10.96.0.50', ports: [{ port: 80 }] } });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ApiError);
    expect((caught as ApiError).code).toBe(422);
    expect((caught as ApiError).message).toBe(
      'Service "b" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.50"}: failed to allocate IP 10.96.0.50: provided IP is already allocated',
    );
  });

  it('rejects a ClusterIP outside the service range', () => {
    const { create } = cluster();
    expect(create({ metadata: { name: 'a' }, spec: { clusterIP: '192.168.0.1', ports: [{ port: 80 }] } }).errors).toEqual([
      'spec.clusterIPs: Invalid value: []string{"192.168.0.1"}: failed to allocate IP 192.168.0.1: the provided IP (192.168.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    ]);
  });

  it('rejects a NodePort that is taken or out of range', () => {
    const { create } = cluster();
    const spec = (nodePort: number) => ({ type: 'NodePort', ports: [{ port: 80, nodePort }] });
    expect(create({ metadata: { name: 'a' }, spec: spec(30080) }).errors).toEqual([]);
    expect(() => create({ metadata: { name: 'b' }, spec: spec(30080) })).toThrow(
      'Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    );
    expect(create({ metadata: { name: 'c' }, spec: spec(29999) }).errors).toEqual([
      'spec.ports[0].nodePort: Invalid value: 29999: provided port is not in the valid range. The range of valid ports is 30000-32767',
    ]);
  });

  it('releases what a Service holds on delete, and only that on a failed create', () => {
    const { create, strategy, table } = cluster();
    const { obj } = create(exposeBody);
    expect(table.clusterIPs.used).toBe(1);
    expect(table.nodePorts.used).toBe(1);
    // The generic handler calls onDelete for a create the store then refuses (e.g. AlreadyExists).
    const duplicate = create(exposeBody).obj;
    strategy.onDelete?.(duplicate);
    expect(table.clusterIPs.isAllocated(String(specOf(obj).clusterIP))).toBe(true);
    strategy.onDelete?.(obj);
    expect(table.clusterIPs.used).toBe(0);
    expect(table.nodePorts.used).toBe(0);
  });

  it('releases fresh allocations when validation fails', () => {
    const { create, table } = cluster();
    const { errors } = create({ metadata: { name: 'Bad' }, spec: { type: 'NodePort', ports: [{ port: 80 }] } });
    expect(errors).toHaveLength(1);
    expect(table.clusterIPs.used).toBe(0);
    expect(table.nodePorts.used).toBe(0);
  });
});

describe('Service validation', () => {
  const validate = (json: unknown): string[] => cluster().create(json).errors;

  it('requires a DNS-1035 label name', () => {
    expect(validate({ metadata: { name: '1web' }, spec: { ports: [{ port: 80 }] } })).toEqual([
      `metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    ]);
  });

  it('requires ports, and names when there are several', () => {
    expect(validate({ metadata: { name: 'web' }, spec: {} })).toEqual(['spec.ports: Required value']);
    expect(validate({ metadata: { name: 'web' }, spec: { ports: [{ port: 80 }, { port: 443 }] } })).toEqual([
      'spec.ports[0].name: Required value',
      'spec.ports[1].name: Required value',
    ]);
    expect(validate({ metadata: { name: 'web' }, spec: { ports: [{ name: 'http', port: 80 }, { name: 'http', port: 443 }] } })).toEqual([
      'spec.ports[1].name: Duplicate value: "http"',
    ]);
  });

  it('checks ports, types and ExternalName targets', () => {
    expect(validate({ metadata: { name: 'web' }, spec: { ports: [{ port: 0, targetPort: 'Http_Port' }] } })).toEqual([
      'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.ports[0].targetPort: Invalid value: "Http_Port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    ]);
    expect(validate({ metadata: { name: 'db' }, spec: { type: 'ExternalName' } })).toEqual(['spec.externalName: Required value']);
    expect(validate({ metadata: { name: 'web' }, spec: { type: 'Balanced', ports: [{ port: 80 }] } })).toEqual([
      'spec.type: Unsupported value: "Balanced": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ]);
  });
});

describe('Service updates', () => {
  it('keeps the allocated ClusterIP and NodePorts when a replace leaves them out', () => {
    const { create, update, table } = cluster();
    const stored = create(exposeBody).obj;
    const { obj, errors } = update(body(exposeBody), stored);
    expect(errors).toEqual([]);
    expect(specOf(obj).clusterIP).toBe(specOf(stored).clusterIP);
    expect(specOf(obj).ports).toEqual(specOf(stored).ports);
    expect(table.clusterIPs.used).toBe(1);
    expect(table.nodePorts.used).toBe(1);
  });

  it('refuses to change the ClusterIP', () => {
    const { create, update, table } = cluster();
    const stored = create(exposeBody).obj;
    const next = body(stored);
    specOf(next).clusterIP = '10.96.0.99';
    specOf(next).clusterIPs = ['10.96.0.99'];
    expect(update(next, stored).errors).toEqual(['spec.clusterIPs[0]: Invalid value: []string{"10.96.0.99"}: may not change once set']);
    expect(table.clusterIPs.isAllocated('10.96.0.99')).toBe(false);
  });

  it('releases the NodePorts of a NodePort service that becomes ClusterIP', () => {
    const { create, update, table } = cluster();
    const stored = create(exposeBody).obj;
    const next = body(stored);
    specOf(next).type = 'ClusterIP';
    const { obj, errors } = update(next, stored);
    expect(errors).toEqual([]);
    expect(specOf(obj).ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 80 }]);
    expect(specOf(obj).externalTrafficPolicy).toBeUndefined();
    expect(table.nodePorts.used).toBe(0);
  });

  it('accepts an unchanged object (the no-op write of a status update)', () => {
    const { create, update } = cluster();
    const stored = create(exposeBody).obj;
    const { obj, errors } = update(body(stored), stored);
    expect(errors).toEqual([]);
    expect(obj).toEqual(stored);
  });
});

describe('Service strategy across clusters', () => {
  it('keeps the pools of clusters with different contexts apart', () => {
    const strategy = createStrategyTable().strategyFor('', 'Service');
    const kubernetesService = (uid: string): KubeObject =>
      body({ metadata: { name: 'kubernetes', namespace: 'default', uid }, spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, targetPort: 8443 }] } });
    // Contexts built without allocatorContext (as a cluster wiring may do) each get their own pools.
    for (const [i, ctx] of [{ ...noAllocationContext }, { ...noAllocationContext }].entries()) {
      const obj = kubernetesService(`cluster-${i}`);
      strategy.applyDefaults?.(obj, ctx);
      expect(messages(strategy.validateCreate?.(obj))).toEqual([]);
    }
  });

  it('finds the pools of a stored Service again on delete', () => {
    const table = createStrategyTable({ random: () => 0 });
    const strategy = table.strategyFor('', 'Service');
    const obj = body({ metadata: { name: 'web', namespace: 'default', uid: 'u-1' }, spec: { ports: [{ port: 80 }] } });
    strategy.applyDefaults?.(obj, table.context());
    strategy.validateCreate?.(obj);
    expect(table.clusterIPs.used).toBe(1);
    strategy.onDelete?.(body(obj)); // the store hands back its own copy
    expect(table.clusterIPs.used).toBe(0);
  });
});
