import type { KubeObject } from '@minik/types';
import { printerColumnsFor } from '@minik/types';
import { describe, expect, it } from 'vitest';
import { buildTable, tableRow } from './table.js';
import { ago, minute, now } from './test-clock.js';

const pod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'web-0',
    namespace: 'default',
    uid: 'u-1',
    resourceVersion: '42',
    creationTimestamp: ago(5 * minute),
    labels: { app: 'web' },
    managedFields: [{ manager: 'kubectl', operation: 'Update' }],
  },
  spec: { containers: [{ name: 'web', image: 'nginx' }], nodeName: 'node-1' },
  status: { phase: 'Succeeded' },
};

/** One plausible object of every kind with its own printer. */
const samples: Record<string, KubeObject> = {
  Pod: pod,
  Node: { metadata: { name: 'node-1' } },
  Namespace: { metadata: { name: 'default' }, status: { phase: 'Active' } },
  Service: { metadata: { name: 'web' }, spec: { type: 'ClusterIP', clusterIPs: ['10.96.0.1'] } },
  Endpoints: { metadata: { name: 'web' } },
  ConfigMap: { metadata: { name: 'cm' } },
  Secret: { metadata: { name: 's' }, type: 'Opaque' },
  ServiceAccount: { metadata: { name: 'default' } },
  Event: { metadata: { name: 'e' }, involvedObject: { kind: 'Pod', name: 'web' } },
  Deployment: { metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'web' } }, template: {} } },
  ReplicaSet: { metadata: { name: 'web-1' }, spec: { selector: { matchLabels: { app: 'web' } } } },
  Lease: { metadata: { name: 'node-1' }, spec: {} },
  EndpointSlice: { metadata: { name: 'web-abc' }, addressType: 'IPv4', endpoints: [] },
  ReplicationController: { metadata: { name: 'rc' }, spec: {} },
  StatefulSet: { metadata: { name: 'db' }, spec: {} },
  DaemonSet: { metadata: { name: 'agent' }, spec: {} },
};

describe('buildTable', () => {
  it('sends every column definition with exactly the five fields', () => {
    for (const kind of [...Object.keys(samples), 'Widget']) {
      const table = buildTable(kind, [], { now, includeObject: 'Metadata' });
      expect(table.columnDefinitions?.length).toBeGreaterThan(0);
      for (const column of table.columnDefinitions ?? []) {
        expect(Object.keys(column).sort()).toEqual(['description', 'format', 'name', 'priority', 'type']);
      }
    }
  });

  it.each(Object.entries(samples))('prints one cell per column for %s', (kind, obj) => {
    const table = buildTable(kind, [obj], { now, includeObject: 'None' });
    expect(table.rows?.[0]?.cells).toHaveLength(printerColumnsFor(kind).length);
  });

  it('is a meta.k8s.io/v1 Table with the list metadata it was given', () => {
    const table = buildTable('Pod', [pod], { now, includeObject: 'None', resourceVersion: '1042', continue: 'next', remainingItemCount: 2 });
    expect(table.kind).toBe('Table');
    expect(table.apiVersion).toBe('meta.k8s.io/v1');
    expect(table.metadata).toEqual({ resourceVersion: '1042', continue: 'next', remainingItemCount: 2 });
    expect(buildTable('Pod', [], { now, includeObject: 'None' })).toMatchObject({ metadata: {}, rows: [] });
  });

  it('puts PartialObjectMetadata with the full metadata in rows by default', () => {
    const row = buildTable('Pod', [pod], { now, includeObject: 'Metadata' }).rows?.[0];
    expect(row?.object).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: pod.metadata });
  });

  it('puts the whole object in rows for includeObject=Object and nothing for None', () => {
    expect(buildTable('Pod', [pod], { now, includeObject: 'Object' }).rows?.[0]?.object).toBe(pod);
    const row = buildTable('Pod', [pod], { now, includeObject: 'None' }).rows?.[0];
    expect(row).toBeDefined();
    expect(row && 'object' in row).toBe(false);
  });

  it('marks finished pods completed', () => {
    const row = buildTable('Pod', [pod], { now, includeObject: 'None' }).rows?.[0];
    expect(row?.cells.slice(0, 5)).toEqual(['web-0', '0/1', 'Succeeded', '0', '5m']);
    expect(row?.conditions).toEqual([{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }]);
    const running = { ...pod, status: { phase: 'Running' } };
    expect(buildTable('Pod', [running], { now, includeObject: 'None' }).rows?.[0]).not.toHaveProperty('conditions');
  });

  it('prints NAME and CREATED AT for kinds without a printer', () => {
    const widget: KubeObject = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', creationTimestamp: '2024-05-01T10:20:30Z' } };
    const table = buildTable('Widget', [widget, { metadata: { name: 'new' } }], { now, includeObject: 'None' });
    expect(table.columnDefinitions?.map((c) => [c.name, c.type, c.format])).toEqual([
      ['Name', 'string', 'name'],
      ['Created At', 'date', ''],
    ]);
    expect(table.rows?.map((r) => r.cells)).toEqual([
      ['w', '2024-05-01T10:20:30Z'],
      ['new', '0001-01-01T00:00:00Z'],
    ]);
  });

  it('uses the given column definitions', () => {
    const columns = [{ name: 'Name', type: 'string' as const, format: 'name', description: 'n', priority: 0 }];
    expect(buildTable('Widget', [], { now, includeObject: 'None', columns }).columnDefinitions).toEqual(columns);
  });

  it('does not hand out the registry column definitions', () => {
    const table = buildTable('Pod', [], { now, includeObject: 'None' });
    const first = table.columnDefinitions?.[0];
    if (first !== undefined) first.name = 'changed';
    expect(printerColumnsFor('Pod')[0]?.name).toBe('Name');
  });
});

describe('printerColumnsFor', () => {
  it('lists upstream pod columns with wide ones at priority 1', () => {
    expect(printerColumnsFor('Pod').map((c) => `${c.name}:${c.type}:${c.priority}`)).toEqual([
      'Name:string:0',
      'Ready:string:0',
      'Status:string:0',
      'Restarts:string:0',
      'Age:string:0',
      'IP:string:1',
      'Node:string:1',
      'Nominated Node:string:1',
      'Readiness Gates:string:1',
    ]);
  });

  it('falls back to NAME/CREATED AT for unknown kinds, even ones named like Object members', () => {
    expect(printerColumnsFor('constructor').map((c) => c.name)).toEqual(['Name', 'Created At']);
  });
});

describe('tableRow', () => {
  it('builds the single row of a watch event table', () => {
    const row = tableRow('Namespace', { metadata: { name: 'dev', creationTimestamp: ago(minute) }, status: { phase: 'Active' } }, now, 'Metadata');
    expect(row.cells).toEqual(['dev', 'Active', '60s']);
    expect(row.object).toMatchObject({ kind: 'PartialObjectMetadata', metadata: { name: 'dev' } });
  });
});
