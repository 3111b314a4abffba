import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@minik/types';
import { coreEventToEventsV1, eventsV1EventAlias, eventsV1EventToCore } from './event-conversion.js';

const metadata = {
  name: 'web-1.17d6a4b0c2a1f3e5',
  namespace: 'default',
  uid: '6f1c0d1e-0000-4000-8000-000000000001',
  resourceVersion: '42',
  creationTimestamp: '2025-01-01T00:00:00Z',
  labels: { app: 'web' },
  annotations: { note: 'kept' },
  managedFields: [{ manager: 'kube-scheduler', operation: 'Update', apiVersion: 'events.k8s.io/v1' }],
};
const pod = { kind: 'Pod', namespace: 'default', name: 'web-1', uid: 'u-1', apiVersion: 'v1', resourceVersion: '40', fieldPath: 'spec.containers{web}' };
const node = { kind: 'Node', name: 'minik', uid: 'u-2', apiVersion: 'v1' };

/** A core/v1 Event with every field set. */
const fullCore: KubeObject = {
  kind: 'Event',
  apiVersion: 'v1',
  metadata,
  involvedObject: pod,
  reason: 'Scheduled',
  message: 'Successfully assigned default/web-1 to minik',
  source: { component: 'default-scheduler', host: 'minik' },
  firstTimestamp: '2025-01-01T00:00:00Z',
  lastTimestamp: '2025-01-01T00:05:00Z',
  count: 3,
  type: 'Normal',
  eventTime: '2025-01-01T00:00:00.123456Z',
  series: { count: 2, lastObservedTime: '2025-01-01T00:04:00.000001Z' },
  action: 'Binding',
  related: node,
  reportingComponent: 'default-scheduler',
  reportingInstance: 'default-scheduler-minik',
};

/** The same event as events.k8s.io/v1 shows it. */
const fullV1: KubeObject = {
  kind: 'Event',
  apiVersion: 'events.k8s.io/v1',
  metadata,
  eventTime: '2025-01-01T00:00:00.123456Z',
  series: { count: 2, lastObservedTime: '2025-01-01T00:04:00.000001Z' },
  reportingController: 'default-scheduler',
  reportingInstance: 'default-scheduler-minik',
  action: 'Binding',
  reason: 'Scheduled',
  regarding: pod,
  related: node,
  note: 'Successfully assigned default/web-1 to minik',
  type: 'Normal',
  deprecatedSource: { component: 'default-scheduler', host: 'minik' },
  deprecatedFirstTimestamp: '2025-01-01T00:00:00Z',
  deprecatedLastTimestamp: '2025-01-01T00:05:00Z',
  deprecatedCount: 3,
};

describe('Event conversion between core/v1 and events.k8s.io/v1', () => {
  it('maps every core/v1 field to its events.k8s.io/v1 name', () => {
    expect(coreEventToEventsV1(fullCore)).toEqual(fullV1);
  });

  it('maps every events.k8s.io/v1 field to its core/v1 name', () => {
    expect(eventsV1EventToCore(fullV1)).toEqual(fullCore);
  });

  it('round-trips both ways without losing a field', () => {
    expect(eventsV1EventToCore(coreEventToEventsV1(fullCore))).toEqual(fullCore);
    expect(coreEventToEventsV1(eventsV1EventToCore(fullV1))).toEqual(fullV1);
  });

  it('leaves metadata untouched (the same object), changing only apiVersion and kind', () => {
    const v1 = coreEventToEventsV1(fullCore);
    expect(v1.metadata).toBe(fullCore.metadata);
    expect([v1.apiVersion, v1.kind]).toEqual(['events.k8s.io/v1', 'Event']);
    const core = eventsV1EventToCore(fullV1);
    expect(core.metadata).toBe(fullV1.metadata);
    expect([core.apiVersion, core.kind]).toEqual(['v1', 'Event']);
  });

  it('renders a legacy core event as a real server shows it through events.k8s.io/v1', () => {
    // What client-go's record.EventRecorder writes: no eventTime, no series, empty reporting fields.
    const legacy: KubeObject = {
      kind: 'Event',
      apiVersion: 'v1',
      metadata: { name: 'web.1', namespace: 'default' },
      involvedObject: { kind: 'Deployment', namespace: 'default', name: 'web' },
      reason: 'ScalingReplicaSet',
      message: 'Scaled up replica set web-abc to 1',
      source: { component: 'deployment-controller' },
      firstTimestamp: '2025-01-01T00:00:00Z',
      lastTimestamp: '2025-01-01T00:00:00Z',
      count: 1,
      type: 'Normal',
      eventTime: null,
      reportingComponent: '',
      reportingInstance: '',
    };
    expect(coreEventToEventsV1(legacy)).toEqual({
      kind: 'Event',
      apiVersion: 'events.k8s.io/v1',
      metadata: { name: 'web.1', namespace: 'default' },
      eventTime: null,
      reason: 'ScalingReplicaSet',
      regarding: { kind: 'Deployment', namespace: 'default', name: 'web' },
      note: 'Scaled up replica set web-abc to 1',
      type: 'Normal',
      deprecatedSource: { component: 'deployment-controller' },
      deprecatedFirstTimestamp: '2025-01-01T00:00:00Z',
      deprecatedLastTimestamp: '2025-01-01T00:00:00Z',
      deprecatedCount: 1,
    });
    // Go-shaped on both sides, so the trip back is exact.
    expect(eventsV1EventToCore(coreEventToEventsV1(legacy))).toEqual(legacy);
  });

  it('renders a new-style event as a real server shows it through core/v1', () => {
    const created: KubeObject = {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: 'e', namespace: 'default' },
      eventTime: '2025-01-01T00:00:00.000000Z',
      reportingController: 'example.com/ctl',
      reportingInstance: 'ctl-1',
      action: 'Poke',
      reason: 'Poked',
      regarding: { kind: 'Pod', namespace: 'default', name: 'p' },
      type: 'Warning',
    };
    expect(eventsV1EventToCore(created)).toEqual({
      kind: 'Event',
      apiVersion: 'v1',
      metadata: { name: 'e', namespace: 'default' },
      involvedObject: { kind: 'Pod', namespace: 'default', name: 'p' },
      reason: 'Poked',
      source: {},
      firstTimestamp: null,
      lastTimestamp: null,
      type: 'Warning',
      eventTime: '2025-01-01T00:00:00.000000Z',
      action: 'Poke',
      reportingComponent: 'example.com/ctl',
      reportingInstance: 'ctl-1',
    });
  });

  it('fills the zero values Go prints for absent structs and timestamps', () => {
    const bare = { metadata: { name: 'x', namespace: 'default' } };
    expect(coreEventToEventsV1(bare)).toEqual({
      kind: 'Event',
      apiVersion: 'events.k8s.io/v1',
      metadata: bare.metadata,
      eventTime: null,
      regarding: {},
      deprecatedSource: {},
      deprecatedFirstTimestamp: null,
      deprecatedLastTimestamp: null,
    });
    expect(eventsV1EventToCore(bare)).toEqual({
      kind: 'Event',
      apiVersion: 'v1',
      metadata: bare.metadata,
      involvedObject: {},
      source: {},
      firstTimestamp: null,
      lastTimestamp: null,
      eventTime: null,
      reportingComponent: '',
      reportingInstance: '',
    });
  });

  it('converts series with each version’s omitempty rules', () => {
    const core = { metadata: { name: 'x' }, series: { lastObservedTime: '2025-01-01T00:00:00.000000Z' } };
    expect(coreEventToEventsV1(core).series).toEqual({ count: 0, lastObservedTime: '2025-01-01T00:00:00.000000Z' });
    expect(eventsV1EventToCore({ metadata: { name: 'x' }, series: { count: 0, lastObservedTime: null } }).series).toEqual({ lastObservedTime: null });
  });

  it('drops fields neither struct has, as decoding into the Go type does', () => {
    expect(coreEventToEventsV1({ ...fullCore, bogus: 1 })).not.toHaveProperty('bogus');
    expect(eventsV1EventToCore({ ...fullV1, involvedObject: pod })).toEqual(fullCore);
  });

  it('is the store alias of events.k8s.io events onto core events', () => {
    expect(eventsV1EventAlias.alias).toEqual({ group: 'events.k8s.io', plural: 'events' });
    expect(eventsV1EventAlias.storage).toEqual({ group: '', plural: 'events' });
    expect(eventsV1EventAlias.toStorage(fullV1)).toEqual(fullCore);
    expect(eventsV1EventAlias.fromStorage(fullCore)).toEqual(fullV1);
  });
});
