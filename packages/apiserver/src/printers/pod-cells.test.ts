import type { ContainerStatus, Pod } from '@minik/types';
import { describe, expect, it } from 'vitest';
import { podCells, podRowConditions } from './pod-cells.js';
import { ago, minute, now } from './test-clock.js';

function pod(overrides: { spec?: Partial<NonNullable<Pod['spec']>>; status?: Pod['status']; metadata?: Partial<Pod['metadata']> } = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', creationTimestamp: ago(5 * minute), ...overrides.metadata },
    spec: { containers: [{ name: 'web', image: 'nginx:1.25' }], nodeName: 'node-1', ...overrides.spec },
    status: overrides.status ?? {},
  };
}

const running: ContainerStatus = {
  name: 'web',
  image: 'nginx:1.25',
  imageID: '',
  ready: true,
  started: true,
  restartCount: 0,
  state: { running: { startedAt: ago(4 * minute) } },
};

function waiting(reason: string, name = 'web'): ContainerStatus {
  return { name, image: 'nginx:1.25', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason } } };
}

function cellsOf(p: Pod): unknown[] {
  return podCells(p, now);
}

describe('podCells', () => {
  it('prints a running pod with all wide cells', () => {
    const p = pod({
      status: {
        phase: 'Running',
        podIP: '10.244.0.24',
        podIPs: [{ ip: '10.244.0.24' }],
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: [running],
      },
    });
    expect(cellsOf(p)).toEqual(['web', '1/1', 'Running', '0', '5m', '10.244.0.24', 'node-1', '<none>', '<none>']);
  });

  it('prints <none> for an unscheduled pod without IP', () => {
    const p = pod({ spec: { nodeName: undefined }, status: { phase: 'Pending' } });
    expect(cellsOf(p)).toEqual(['web', '0/1', 'Pending', '0', '5m', '<none>', '<none>', '<none>', '<none>']);
  });

  it.each(['ContainerCreating', 'ImagePullBackOff', 'ErrImagePull'])('shows the waiting reason %s', (reason) => {
    const p = pod({ status: { phase: 'Pending', containerStatuses: [waiting(reason)] } });
    expect(cellsOf(p).slice(1, 4)).toEqual(['0/1', reason, '0']);
  });

  it('shows CrashLoopBackOff with restarts and when the last one happened', () => {
    const status: ContainerStatus = {
      ...waiting('CrashLoopBackOff'),
      restartCount: 3,
      lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(5 * minute) } },
    };
    const p = pod({ metadata: { creationTimestamp: ago(20 * minute) }, status: { phase: 'Running', containerStatuses: [status] } });
    expect(cellsOf(p).slice(1, 5)).toEqual(['0/1', 'CrashLoopBackOff', '3 (5m ago)', '20m']);
  });

  it('prints bare restarts when no termination time is known', () => {
    const p = pod({ status: { phase: 'Running', containerStatuses: [{ ...running, restartCount: 2 }] } });
    expect(cellsOf(p)[3]).toBe('2');
  });

  it('sums restarts across containers and keeps the latest termination', () => {
    const a: ContainerStatus = { ...running, name: 'a', restartCount: 1, lastState: { terminated: { exitCode: 1, finishedAt: ago(30 * minute) } } };
    const b: ContainerStatus = { ...running, name: 'b', restartCount: 2, lastState: { terminated: { exitCode: 1, finishedAt: ago(2 * minute) } } };
    const p = pod({
      spec: { containers: [{ name: 'a' }, { name: 'b' }] },
      status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [a, b] },
    });
    expect(cellsOf(p).slice(1, 4)).toEqual(['2/2', 'Running', '3 (2m ago)']);
  });

  it('shows Completed for a succeeded pod and marks the row completed', () => {
    const done: ContainerStatus = { ...running, ready: false, started: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } };
    const p = pod({ status: { phase: 'Succeeded', containerStatuses: [done] } });
    expect(cellsOf(p).slice(1, 4)).toEqual(['0/1', 'Completed', '0']);
    expect(podRowConditions(p)).toEqual([
      { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
    ]);
  });

  it('marks failed pods completed too, and shows status.reason', () => {
    const p = pod({ status: { phase: 'Failed', reason: 'Evicted' } });
    expect(cellsOf(p)[2]).toBe('Evicted');
    expect(podRowConditions(p)).toEqual([{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }]);
    expect(podRowConditions(pod({ status: { phase: 'Running' } }))).toBeUndefined();
  });

  it('prints ExitCode:N and Signal:N for terminations without a reason', () => {
    const exit: ContainerStatus = { ...running, ready: false, state: { terminated: { exitCode: 137 } } };
    expect(cellsOf(pod({ status: { phase: 'Failed', containerStatuses: [exit] } }))[2]).toBe('ExitCode:137');
    const signal: ContainerStatus = { ...running, ready: false, state: { terminated: { exitCode: 0, signal: 9 } } };
    expect(cellsOf(pod({ status: { phase: 'Failed', containerStatuses: [signal] } }))[2]).toBe('Signal:9');
  });

  it('lets the first container with a reason win', () => {
    const p = pod({
      spec: { containers: [{ name: 'a' }, { name: 'b' }] },
      status: { phase: 'Pending', containerStatuses: [waiting('ImagePullBackOff', 'a'), waiting('ContainerCreating', 'b')] },
    });
    expect(cellsOf(p)[2]).toBe('ImagePullBackOff');
  });

  it('turns Completed back into Running or NotReady while another container runs', () => {
    const done: ContainerStatus = { ...running, name: 'job', ready: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } };
    const spec = { containers: [{ name: 'job' }, { name: 'web' }] };
    const ready = pod({ spec, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [done, running] } });
    expect(cellsOf(ready).slice(1, 3)).toEqual(['1/2', 'Running']);
    const notReady = pod({ spec, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }], containerStatuses: [done, running] } });
    expect(cellsOf(notReady).slice(1, 3)).toEqual(['1/2', 'NotReady']);
  });

  it('counts a running but unready container as not ready', () => {
    const p = pod({ status: { phase: 'Running', containerStatuses: [{ ...running, ready: false }] } });
    expect(cellsOf(p).slice(1, 3)).toEqual(['0/1', 'Running']);
  });

  describe('init containers', () => {
    const spec = { initContainers: [{ name: 'init' }] };

    it('shows Init:0/1 while the first init container runs', () => {
      const p = pod({
        spec,
        status: {
          phase: 'Pending',
          conditions: [{ type: 'Initialized', status: 'False' }],
          initContainerStatuses: [{ ...running, name: 'init', ready: false }],
          containerStatuses: [waiting('PodInitializing')],
        },
      });
      expect(cellsOf(p).slice(1, 4)).toEqual(['0/1', 'Init:0/1', '0']);
    });

    it('shows Init:N/M past completed init containers, PodInitializing counting as progress', () => {
      const done: ContainerStatus = { ...running, name: 'one', ready: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } };
      const p = pod({
        spec: { initContainers: [{ name: 'one' }, { name: 'two' }] },
        status: { phase: 'Pending', initContainerStatuses: [done, waiting('PodInitializing', 'two')] },
      });
      expect(cellsOf(p)[2]).toBe('Init:1/2');
    });

    it('shows Init:Error for a failed init container', () => {
      const failed: ContainerStatus = {
        ...running,
        name: 'init',
        ready: false,
        restartCount: 2,
        state: { terminated: { exitCode: 1, reason: 'Error' } },
        lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(minute) } },
      };
      const p = pod({ spec, status: { phase: 'Pending', initContainerStatuses: [failed], containerStatuses: [waiting('PodInitializing')] } });
      expect(cellsOf(p).slice(1, 4)).toEqual(['0/1', 'Init:Error', '2 (60s ago)']);
    });

    it('shows Init:ExitCode:N and Init:Signal:N without a reason', () => {
      const exit: ContainerStatus = { ...running, name: 'init', ready: false, state: { terminated: { exitCode: 2 } } };
      expect(cellsOf(pod({ spec, status: { phase: 'Pending', initContainerStatuses: [exit] } }))[2]).toBe('Init:ExitCode:2');
      const signal: ContainerStatus = { ...running, name: 'init', ready: false, state: { terminated: { exitCode: 2, signal: 15 } } };
      expect(cellsOf(pod({ spec, status: { phase: 'Pending', initContainerStatuses: [signal] } }))[2]).toBe('Init:Signal:15');
    });

    it('shows Init:<waiting reason>', () => {
      const p = pod({ spec, status: { phase: 'Pending', initContainerStatuses: [waiting('CrashLoopBackOff', 'init')] } });
      expect(cellsOf(p)[2]).toBe('Init:CrashLoopBackOff');
    });

    it('counts started sidecars (restartPolicy Always) in READY and lets the pod run', () => {
      const sidecar: ContainerStatus = { ...running, name: 'proxy', restartCount: 1 };
      const p = pod({
        spec: { initContainers: [{ name: 'proxy', restartPolicy: 'Always' }] },
        status: {
          phase: 'Running',
          conditions: [
            { type: 'Initialized', status: 'True' },
            { type: 'Ready', status: 'True' },
          ],
          initContainerStatuses: [sidecar],
          containerStatuses: [running],
        },
      });
      expect(cellsOf(p).slice(1, 4)).toEqual(['2/2', 'Running', '1']);
    });

    it('does not count a sidecar that has not started', () => {
      const sidecar: ContainerStatus = { ...waiting('ContainerCreating', 'proxy'), started: false };
      const p = pod({
        spec: { initContainers: [{ name: 'proxy', restartPolicy: 'Always' }] },
        status: { phase: 'Pending', initContainerStatuses: [sidecar], containerStatuses: [waiting('PodInitializing')] },
      });
      expect(cellsOf(p).slice(1, 3)).toEqual(['0/2', 'Init:ContainerCreating']);
    });
  });

  it('shows Terminating for a pod being deleted', () => {
    const p = pod({ metadata: { deletionTimestamp: ago(0) }, status: { phase: 'Running', containerStatuses: [running] } });
    expect(cellsOf(p)[2]).toBe('Terminating');
  });

  it('keeps the status of a finished pod being deleted', () => {
    const p = pod({ metadata: { deletionTimestamp: ago(0) }, status: { phase: 'Succeeded' } });
    expect(cellsOf(p)[2]).toBe('Succeeded');
  });

  it('shows Unknown for a pod of a lost node being deleted', () => {
    const p = pod({ metadata: { deletionTimestamp: ago(0) }, status: { phase: 'Running', reason: 'NodeLost', containerStatuses: [running] } });
    expect(cellsOf(p)[2]).toBe('Unknown');
  });

  it('shows SchedulingGated', () => {
    const p = pod({
      spec: { nodeName: undefined },
      status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] },
    });
    expect(cellsOf(p)[2]).toBe('SchedulingGated');
  });

  it('prints the nominated node and readiness gates', () => {
    const p = pod({
      spec: { readinessGates: [{ conditionType: 'example.com/lb' }, { conditionType: 'example.com/dns' }] },
      status: {
        phase: 'Running',
        nominatedNodeName: 'node-2',
        conditions: [
          { type: 'example.com/lb', status: 'True' },
          { type: 'example.com/dns', status: 'False' },
        ],
        containerStatuses: [running],
      },
    });
    expect(cellsOf(p).slice(7)).toEqual(['node-2', '1/2']);
  });

  it('prints <unknown> age without a creation timestamp', () => {
    const p = pod({ metadata: { creationTimestamp: undefined }, status: {} });
    expect(cellsOf(p)[4]).toBe('<unknown>');
  });
});
