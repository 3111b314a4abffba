import type { Pod } from '@minik/types';
import { describe, expect, it } from 'vitest';
import { AppRegistry } from '../apps/app-registry.js';
import { parseImageReference } from '../apps/image-reference.js';
import type { AppStartContext } from '../apps/simulated-app.js';
import { ManualClock } from '../util/manual-clock.js';
import { ContainerRuntime } from './container-runtime.js';

const pod: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-1', namespace: 'shop', uid: 'u-1' },
  spec: {
    nodeName: 'minik-m02',
    serviceAccountName: 'builder',
    containers: [
      {
        name: 'app',
        image: 'example.com/probe:1',
        env: [
          { name: 'GREETING', value: 'hi $(HOSTNAME) $(MISSING)' },
          { name: 'MY_NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
          { name: 'MY_SA', valueFrom: { fieldRef: { fieldPath: 'spec.serviceAccountName' } } },
          { name: 'MY_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
        ],
      },
    ],
  },
};

describe('container context', () => {
  it('gives an app the environment, its pod and log/after/now, also taken apart', () => {
    const clock = new ManualClock();
    let seen: AppStartContext | undefined;
    const apps = new AppRegistry().register({
      name: 'probe',
      description: 'test',
      matches: (image) => image.repository.endsWith('probe'),
      start(context) {
        seen = context;
        const { log, after, now } = context;
        log(`started at ${now()}`);
        after(1_000, () => log('a second later'));
        return { ports: [], handle: () => ({ status: 200, headers: {}, body: '' }) };
      },
    });
    const runtime = new ContainerRuntime(clock, apps);
    const sandbox = runtime.createSandbox(pod, '10.244.1.7');
    const record = runtime.start(sandbox, pod, pod.spec!.containers[0]!, parseImageReference('example.com/probe:1')!, 0);
    expect(seen!.env).toMatchObject({ HOSTNAME: 'web-1', GREETING: 'hi web-1 $(MISSING)', MY_NODE: 'minik-m02', MY_SA: 'builder', MY_IP: '10.244.1.7', KUBERNETES_SERVICE_HOST: '10.96.0.1' });
    expect(seen!.env).toBe(seen!.env);
    expect(seen!.pod).toEqual({ name: 'web-1', namespace: 'shop', uid: 'u-1', ip: '10.244.1.7', nodeName: 'minik-m02' });
    clock.advance(1_000);
    expect(record.log.entries.map((e) => e.text)).toEqual([`started at ${Date.UTC(2024, 0, 1)}`, 'a second later']);
  });

  it('runs no timer of a container that has stopped', () => {
    const clock = new ManualClock();
    const apps = new AppRegistry().register({
      name: 'probe',
      description: 'test',
      matches: (image) => image.repository.endsWith('probe'),
      start(context) {
        context.after(1_000, () => context.log('too late'));
        return { ports: [], handle: () => ({ status: 200, headers: {}, body: '' }) };
      },
    });
    const runtime = new ContainerRuntime(clock, apps);
    const sandbox = runtime.createSandbox(pod, '10.244.1.7');
    const record = runtime.start(sandbox, pod, pod.spec!.containers[0]!, parseImageReference('example.com/probe:1')!, 0);
    runtime.stop(record, 0, 'Completed');
    clock.advance(2_000);
    expect(record.log.entries).toEqual([]);
  });
});
