import type { KubeObject } from '@minik/types';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../util/deep-freeze.js';
import { buildTable } from './table.js';
import { tableJson } from './table-json.js';

const now = Date.parse('2024-01-01T01:00:00Z');
const pod = (name: string, ready: boolean): KubeObject =>
  deepFreeze({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: '2024-01-01T00:00:00Z', labels: { app: 'web' }, managedFields: [{ manager: 'kubectl', operation: 'Update' }] },
    spec: { nodeName: 'minik', containers: [{ name: 'web', image: 'nginx' }] },
    status: { phase: 'Running', podIP: '10.244.0.5', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }], containerStatuses: [{ name: 'web', ready, restartCount: 2, state: { running: { startedAt: '2024-01-01T00:10:00Z' } } }] },
  } as KubeObject);

describe('tableJson', () => {
  it('is JSON.stringify of buildTable, for every includeObject, with and without row conditions, twice over', () => {
    const pods = [pod('a', true), pod('b', false)];
    const configMaps = [deepFreeze({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default', creationTimestamp: '2024-01-01T00:00:00Z' }, data: { k: 'v' } } as KubeObject)];
    for (const includeObject of ['None', 'Metadata', 'Object'] as const) {
      for (const [kind, objects] of [['Pod', pods], ['ConfigMap', configMaps], ['Pod', []]] as const) {
        const options = { now, includeObject, resourceVersion: '42', continue: 'token', remainingItemCount: 7 };
        for (let i = 0; i < 2; i++) expect(tableJson(kind, objects, options)).toBe(JSON.stringify(buildTable(kind, objects as KubeObject[], options)));
      }
    }
    expect(tableJson('Pod', pods, { now, includeObject: 'None' })).toBe(JSON.stringify(buildTable('Pod', pods, { now, includeObject: 'None' })));
  });
});
