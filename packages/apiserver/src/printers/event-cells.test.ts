import type { Event } from '@minik/types';
import { describe, expect, it } from 'vitest';
import { eventCells } from './event-cells.js';
import { ago, minute, now, second } from './test-clock.js';

function event(overrides: Partial<Event>): Event {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'web.17d3a8c1f0e2b4a6', namespace: 'default', creationTimestamp: ago(10 * minute) },
    involvedObject: { kind: 'Pod', namespace: 'default', name: 'web', uid: 'u-1' },
    reason: 'Scheduled',
    message: 'Successfully assigned default/web to node-1',
    type: 'Normal',
    source: { component: 'default-scheduler' },
    ...overrides,
  };
}

describe('eventCells', () => {
  it('prints a core/v1 event with all wide cells', () => {
    const e = event({ firstTimestamp: ago(10 * minute), lastTimestamp: ago(2 * minute), count: 3 });
    expect(eventCells(e, now)).toEqual([
      '2m',
      'Normal',
      'Scheduled',
      'pod/web',
      '',
      'default-scheduler',
      'Successfully assigned default/web to node-1',
      '10m',
      3,
      'web.17d3a8c1f0e2b4a6',
    ]);
  });

  it('falls back to the first timestamp for Last Seen and to eventTime for First Seen', () => {
    expect(eventCells(event({ firstTimestamp: ago(90 * second) }), now).slice(0, 1)).toEqual(['90s']);
    const micro = event({ eventTime: '2024-06-01T11:59:00.123456Z', reportingComponent: 'kubelet', reportingInstance: 'node-1', source: {} });
    const cells = eventCells(micro, now);
    expect([cells[0], cells[5], cells[7], cells[8]]).toEqual(['59s', 'kubelet, node-1', '59s', 1]);
  });

  it('prints <unknown> without any timestamp', () => {
    const cells = eventCells(event({}), now);
    expect([cells[0], cells[7]]).toEqual(['<unknown>', '<unknown>']);
  });

  it('takes Last Seen and Count from a series', () => {
    const e = event({ eventTime: ago(30 * minute), series: { count: 7, lastObservedTime: ago(4 * minute) }, count: 2 });
    const cells = eventCells(e, now);
    expect([cells[0], cells[7], cells[8]]).toEqual(['4m', '30m', 7]);
  });

  it('prints source component and host, the subobject and a trimmed message', () => {
    const e = event({
      involvedObject: { kind: 'Pod', name: 'web', fieldPath: 'spec.containers{web}' },
      source: { component: 'kubelet', host: 'node-1' },
      message: '  Pulling image "nginx"\n',
      reason: 'Pulling',
    });
    const cells = eventCells(e, now);
    expect([cells[3], cells[4], cells[5], cells[6]]).toEqual(['pod/web', 'spec.containers{web}', 'kubelet, node-1', 'Pulling image "nginx"']);
  });

  it('prints the lowercased kind alone when the object has no name', () => {
    expect(eventCells(event({ involvedObject: { kind: 'ReplicaSet' } }), now)[3]).toBe('replicaset');
  });

  it('reads events.k8s.io/v1 events through their own field names', () => {
    const e = {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: 'web.1', namespace: 'default' },
      eventTime: ago(3 * minute),
      regarding: { kind: 'Deployment', name: 'web' },
      note: 'Scaled up replica set web-7d4b9c8f5 to 3',
      reason: 'ScalingReplicaSet',
      type: 'Normal',
      reportingController: 'deployment-controller',
      reportingInstance: '',
      deprecatedCount: 2,
      deprecatedLastTimestamp: ago(minute),
    } as unknown as Event;
    expect(eventCells(e, now)).toEqual([
      '60s',
      'Normal',
      'ScalingReplicaSet',
      'deployment/web',
      '',
      'deployment-controller',
      'Scaled up replica set web-7d4b9c8f5 to 3',
      '3m',
      2,
      'web.1',
    ]);
  });
});
