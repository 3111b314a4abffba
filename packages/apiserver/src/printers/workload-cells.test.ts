import type { Deployment, ReplicaSet, ReplicationController } from '@minik/types';
import { describe, expect, it } from 'vitest';
import { daemonSetCells } from './daemon-set-cells.js';
import { deploymentCells } from './deployment-cells.js';
import { replicaSetCells } from './replica-set-cells.js';
import { replicationControllerCells } from './replication-controller-cells.js';
import { statefulSetCells } from './stateful-set-cells.js';
import { ago, minute, now } from './test-clock.js';

const template = {
  metadata: { labels: { app: 'web' } },
  spec: {
    containers: [
      { name: 'nginx', image: 'nginx:1.25' },
      { name: 'sidecar', image: 'busybox' },
    ],
  },
};
const metadata = { name: 'web', namespace: 'default', creationTimestamp: ago(5 * minute) };

describe('deploymentCells', () => {
  it('prints ready/desired, up-to-date, available and the wide cells', () => {
    const deployment: Deployment = {
      metadata,
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template },
      status: { replicas: 3, readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
    };
    expect(deploymentCells(deployment, now)).toEqual(['web', '2/3', 3, 2, '5m', 'nginx,sidecar', 'nginx:1.25,busybox', 'app=web']);
  });

  it('prints zeros before the controller reports status, defaulting replicas to 1', () => {
    const deployment: Deployment = { metadata, spec: { selector: { matchLabels: { app: 'web' } }, template } };
    expect(deploymentCells(deployment, now).slice(1, 4)).toEqual(['0/1', 0, 0]);
  });

  it('prints set-based selectors canonically, an empty one as empty and a broken one as <invalid>', () => {
    const base: Deployment = { metadata, spec: { selector: {}, template } };
    expect(deploymentCells(base, now)[7]).toBe('');
    const sets: Deployment = {
      metadata,
      spec: { selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['b', 'a'] }] }, template },
    };
    expect(deploymentCells(sets, now)[7]).toBe('app=web,env in (a,b)');
    const broken: Deployment = { metadata, spec: { selector: { matchExpressions: [{ key: 'env', operator: 'Near' }] }, template } };
    expect(deploymentCells(broken, now)[7]).toBe('<invalid>');
  });
});

describe('replicaSetCells', () => {
  it('prints desired, current and ready as integers and the selector', () => {
    const rs: ReplicaSet = {
      metadata: { ...metadata, name: 'web-7d4b9c8f5' },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web', 'pod-template-hash': '7d4b9c8f5' } }, template },
      status: { replicas: 3, readyReplicas: 1 },
    };
    expect(replicaSetCells(rs, now)).toEqual([
      'web-7d4b9c8f5',
      3,
      3,
      1,
      '5m',
      'nginx,sidecar',
      'nginx:1.25,busybox',
      'app=web,pod-template-hash=7d4b9c8f5',
    ]);
  });

  it('prints <none> for an empty selector', () => {
    const rs: ReplicaSet = { metadata, spec: { replicas: 0, selector: {}, template }, status: { replicas: 0 } };
    expect(replicaSetCells(rs, now).slice(1, 4)).toEqual([0, 0, 0]);
    expect(replicaSetCells(rs, now)[7]).toBe('<none>');
  });
});

describe('replicationControllerCells', () => {
  it('prints the map selector', () => {
    const rc: ReplicationController = { metadata, spec: { replicas: 2, selector: { app: 'web' }, template }, status: { replicas: 2, readyReplicas: 2 } };
    expect(replicationControllerCells(rc, now)).toEqual(['web', 2, 2, 2, '5m', 'nginx,sidecar', 'nginx:1.25,busybox', 'app=web']);
  });

  it('prints empty container cells without a template', () => {
    const rc: ReplicationController = { metadata, spec: { replicas: 1 }, status: { replicas: 0 } };
    expect(replicationControllerCells(rc, now)).toEqual(['web', 1, 0, 0, '5m', '', '', '<none>']);
  });
});

describe('statefulSetCells', () => {
  it('prints ready/desired', () => {
    expect(statefulSetCells({ metadata, spec: { replicas: 3, template }, status: { readyReplicas: 1 } }, now)).toEqual([
      'web',
      '1/3',
      '5m',
      'nginx,sidecar',
      'nginx:1.25,busybox',
    ]);
  });
});

describe('daemonSetCells', () => {
  it('prints the scheduling counts, node selector and selector', () => {
    const ds = {
      metadata,
      spec: { selector: { matchLabels: { app: 'web' } }, template: { spec: { ...template.spec, nodeSelector: { 'kubernetes.io/os': 'linux' } } } },
      status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 },
    };
    expect(daemonSetCells(ds, now)).toEqual(['web', 3, 3, 2, 3, 2, 'kubernetes.io/os=linux', '5m', 'nginx,sidecar', 'nginx:1.25,busybox', 'app=web']);
  });

  it('prints <none> without a node selector', () => {
    expect(daemonSetCells({ metadata, spec: { template: { spec: { containers: [] } } } }, now)[6]).toBe('<none>');
  });
});
