import { describe, expect, it } from 'vitest';
import { infoOf, testNode, testPod } from '../test-objects.js';
import { nodePorts } from './node-ports.js';

const withHostPort = (name: string, port: number, node?: string) =>
  testPod(name, { ...(node ? { node } : {}), spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, hostPort: port }] }] } });

describe('NodePorts', () => {
  it('rejects a node whose hostPort is taken, for the same protocol', () => {
    expect(nodePorts.filter(withHostPort('p', 8080), infoOf(testNode('n'), [withHostPort('a', 8080, 'n')]))).toEqual({
      code: 'Unschedulable',
      reasons: ["node(s) didn't have free ports for the requested pod ports"],
    });
    expect(nodePorts.filter(withHostPort('p', 8081), infoOf(testNode('n'), [withHostPort('a', 8080, 'n')]))).toBeUndefined();
  });

  it('ignores pods without host ports', () => {
    expect(nodePorts.filter(testPod('p'), infoOf(testNode('n'), [withHostPort('a', 8080, 'n')]))).toBeUndefined();
  });
});
