import type { Container, Pod } from '@minik/types';
import { describe, expect, it } from 'vitest';
import { AppRegistry } from '../apps/app-registry.js';
import { parseImageReference } from '../apps/image-reference.js';
import { ManualClock } from '../util/manual-clock.js';
import { ContainerRuntime, historyOf } from './container-runtime.js';

const container = (name: string): Container => ({ name, image: 'example.com/probe:1' });
const pod: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'shop', uid: 'u-1' }, spec: { containers: [container('app'), container('side')] } };

describe('container runtime', () => {
  it("keeps a name's current and previous container, each name apart, and stops what runs", () => {
    const apps = new AppRegistry().register({
      name: 'probe',
      description: 'test',
      matches: (image) => image.repository.endsWith('probe'),
      start: (context) => ({ ports: [8080], handle: () => ({ status: 200, headers: {}, body: context.container.name }) }),
    });
    const runtime = new ContainerRuntime(new ManualClock(), apps);
    const sandbox = runtime.createSandbox(pod, '10.244.1.7');
    const image = parseImageReference('example.com/probe:1')!;
    const side = runtime.start(sandbox, pod, container('side'), image, 0);
    const started = [0, 1, 2].map((attempt) => {
      const record = runtime.start(sandbox, pod, container('app'), image, attempt);
      if (attempt < 2) runtime.stop(record, 1, 'Error');
      return record;
    });
    expect(historyOf(sandbox, 'app')).toEqual([started[1], started[2]]);
    expect(historyOf(sandbox, 'side')).toEqual([side]);
    expect(historyOf(sandbox, 'none')).toBeUndefined();
    // The first running container listening on the port answers.
    expect(runtime.dial('u-1', 8080, { method: 'GET', path: '/', query: '', headers: {}, body: undefined, port: 8080, scheme: 'http', clientIP: '10.0.0.1', hostIP: '10.244.1.7' })).toMatchObject({ kind: 'answered', response: { body: 'side' } });
    runtime.removeSandbox('u-1');
    expect([side, ...started].map((r) => [r.exitCode, r.reason])).toEqual([
      [137, 'Error'],
      [1, 'Error'],
      [1, 'Error'],
      [137, 'Error'],
    ]);
  });
});
