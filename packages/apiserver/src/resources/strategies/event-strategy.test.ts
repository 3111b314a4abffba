import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@minik/types';
import { eventsV1EventStrategy } from './event-strategy.js';

// A core/v1 event as events.k8s.io/v1 shows it: legacy fields set, no eventTime.
const legacy: KubeObject = {
  apiVersion: 'events.k8s.io/v1',
  kind: 'Event',
  metadata: { name: 'web.1', namespace: 'default' },
  regarding: { kind: 'Pod', namespace: 'default', name: 'web' },
  reason: 'Scheduled',
  note: 'Successfully assigned default/web to minik',
  type: 'Normal',
  deprecatedSource: { component: 'default-scheduler' },
  deprecatedCount: 1,
  eventTime: null,
};

describe('events.k8s.io/v1 Event updates', () => {
  it('accept metadata changes on an event written through core/v1', () => {
    const labelled = { ...legacy, metadata: { ...legacy.metadata, labels: { a: 'b' } } };
    expect(eventsV1EventStrategy.validateUpdate!(labelled, legacy)).toEqual([]);
  });

  it('reject changes to immutable fields', () => {
    const changed = { ...legacy, note: 'something else' };
    expect(eventsV1EventStrategy.validateUpdate!(changed, legacy).map((e) => e.message)).toEqual(['note: Invalid value: "something else": field is immutable']);
  });
});
