import type { KubeObject, OwnerReference } from '@minik/types';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreWatch } from '../../store/index.js';
import { cloneJson } from '../../util/clone-json.js';
import { kinds } from './kinds.js';
import { enqueueOwnersOf, ownerEventsListener, type OwnerEvents } from './owner-events.js';
import { testCluster, type TestCluster } from './test-cluster.js';

const statefulSetKind = { apiVersion: 'apps/v1', kind: 'StatefulSet' } as const;
type SetObject = KubeObject & { spec: { selector?: { matchLabels?: Record<string, string> } } };

const statefulSet = (namespace: string, name: string, app: string): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name, namespace },
  spec: {
    serviceName: name,
    selector: { matchLabels: { app } },
    template: { metadata: { labels: { app } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
  },
});

const controllerRef = (kind: string, name: string, apiVersion = 'apps/v1'): OwnerReference => ({ apiVersion, kind, name, uid: `uid-${name}`, controller: true });

const pod = (name: string, labels: Record<string, string>, ownerReferences?: OwnerReference[]): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', labels, ...(ownerReferences ? { ownerReferences } : {}) },
  spec: { containers: [{ name: 'c', image: 'nginx' }] },
});

describe('owner events', () => {
  let t: TestCluster;
  let watch: StoreWatch | undefined;
  let keys: string[];
  afterEach(() => {
    watch?.stop();
    t.stop();
  });

  const setup = (): OwnerEvents => {
    t = testCluster();
    keys = [];
    t.client.create(statefulSetKind, statefulSet('default', 'web', 'web'));
    t.client.create(statefulSetKind, statefulSet('default', 'web-too', 'web'));
    t.client.create(statefulSetKind, statefulSet('default', 'db', 'db'));
    t.client.create(statefulSetKind, statefulSet('kube-system', 'web', 'web'));
    return { client: t.client, queue: { enqueue: (key) => keys.push(key) }, ownerKind: statefulSetKind, selectorOf: (set) => (set as SetObject).spec.selector };
  };

  it('wakes only the controller a controlled pod names, whatever else selects it', () => {
    const events = setup();
    enqueueOwnersOf(events, pod('p', { app: 'web' }, [controllerRef('StatefulSet', 'db')]));
    expect(keys).toEqual(['default/db']);
  });

  it('matches the owner kind by group, ignoring the version', () => {
    const events = setup();
    enqueueOwnersOf(events, pod('p', { app: 'web' }, [controllerRef('StatefulSet', 'old', 'apps/v1beta2')]));
    expect(keys).toEqual(['default/old']);
  });

  it('wakes nothing for a pod controlled by another kind, even where selectors match', () => {
    const events = setup();
    enqueueOwnersOf(events, pod('p', { app: 'web' }, [controllerRef('ReplicaSet', 'rs')]));
    enqueueOwnersOf(events, pod('q', { app: 'web' }, [controllerRef('StatefulSet', 'other', 'example.com/v1')]));
    expect(keys).toEqual([]);
  });

  it('wakes every owner in the namespace whose selector matches an orphan', () => {
    const events = setup();
    // A non-controller owner reference leaves the pod an orphan.
    enqueueOwnersOf(events, pod('p', { app: 'web' }, [{ ...controllerRef('StatefulSet', 'db'), controller: false }]));
    expect(keys.sort()).toEqual(['default/web', 'default/web-too']);
  });

  it('reads selectors through selectorOf', () => {
    const events = setup();
    enqueueOwnersOf({ ...events, selectorOf: () => ({ matchLabels: { tier: 'x' } }) }, pod('p', { tier: 'x' }));
    expect(keys.sort()).toEqual(['default/db', 'default/web', 'default/web-too']);
  });

  it('as a watch listener, wakes the old and the new controller when the controller reference changes', () => {
    const events = setup();
    const listener = ownerEventsListener(events);
    const created = t.client.create(kinds.pod, pod('p', { app: 'web' }, [controllerRef('StatefulSet', 'web')]));
    watch = t.client.watch(kinds.pod, (event) => listener(event.stored.object, event));
    const next = cloneJson(created) as KubeObject;
    next.metadata.ownerReferences = [controllerRef('StatefulSet', 'db')];
    t.client.update(kinds.pod, next);
    expect(keys.sort()).toEqual(['default/db', 'default/web']);
  });

  it('as a watch listener, wakes the owners an orphan matched before and after a label change', () => {
    const events = setup();
    const listener = ownerEventsListener(events);
    const created = t.client.create(kinds.pod, pod('p', { app: 'web' }));
    watch = t.client.watch(kinds.pod, (event) => listener(event.stored.object, event));
    const next = cloneJson(created) as KubeObject;
    next.metadata.labels = { app: 'db' };
    t.client.update(kinds.pod, next);
    expect(keys.sort()).toEqual(['default/db', 'default/web', 'default/web-too']);
    keys.length = 0;
    t.client.delete(kinds.pod, 'default', 'p');
    expect(keys).toEqual(['default/db']);
  });
});
