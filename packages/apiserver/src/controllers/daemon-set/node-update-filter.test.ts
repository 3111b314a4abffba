import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@minik/types';
import { isHeartbeatOnly } from './node-update-filter.js';

const node = (resourceVersion: string, ready: string, heartbeat: string, extra: Record<string, unknown> = {}): KubeObject =>
  ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'minik', resourceVersion, labels: { zone: 'a' }, managedFields: [{ manager: 'kubelet', time: heartbeat }] },
    spec: {},
    status: { conditions: [{ type: 'Ready', status: ready, lastHeartbeatTime: heartbeat, lastTransitionTime: '2026-01-01T00:00:00Z' }], ...extra },
  }) as KubeObject;

describe('isHeartbeatOnly', () => {
  it('ignores an update that only renews the heartbeat', () => {
    expect(isHeartbeatOnly(node('1', 'True', '2026-01-01T00:00:01Z'), node('2', 'True', '2026-01-01T00:00:02Z'))).toBe(true);
  });

  it('sees a condition status change, a label change and a status change outside conditions', () => {
    expect(isHeartbeatOnly(node('1', 'True', 't1'), node('2', 'False', 't2'))).toBe(false);
    const relabelled = node('2', 'True', 't2');
    relabelled.metadata.labels = { zone: 'b' };
    expect(isHeartbeatOnly(node('1', 'True', 't1'), relabelled)).toBe(false);
    expect(isHeartbeatOnly(node('1', 'True', 't1'), node('2', 'True', 't2', { images: [{ names: ['nginx'] }] }))).toBe(false);
  });
});
