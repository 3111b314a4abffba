import type { Node, Pod, Taint } from '@minik/types';
import { nodeInfos, type NodeInfo } from './node-info.js';

/** A Node for scheduler tests: 2 CPUs, 4 GiB, 110 pods unless told otherwise. */
export function testNode(name: string, options: { labels?: Record<string, string>; taints?: Taint[]; unschedulable?: boolean; allocatable?: Record<string, string> } = {}): Node {
  const allocatable = { cpu: '2', memory: '4Gi', pods: '110', 'ephemeral-storage': '50Gi', ...options.allocatable };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...options.labels } },
    spec: { ...(options.taints ? { taints: options.taints } : {}), ...(options.unschedulable ? { unschedulable: true } : {}) },
    status: { allocatable, capacity: allocatable },
  };
}

/** A Pod for scheduler tests, optionally bound to a node and owned by a controller. */
export function testPod(name: string, options: { node?: string; cpu?: string; memory?: string; owner?: string; spec?: Partial<NonNullable<Pod['spec']>> } = {}): Pod {
  const requests: Record<string, string> = {};
  if (options.cpu) requests['cpu'] = options.cpu;
  if (options.memory) requests['memory'] = options.memory;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      ...(options.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: options.owner, uid: `uid-${options.owner}`, controller: true }] } : {}),
    },
    spec: {
      containers: [{ name: 'c', image: 'nginx', ...(Object.keys(requests).length > 0 ? { resources: { requests } } : {}) }],
      ...(options.node ? { nodeName: options.node } : {}),
      ...options.spec,
    },
    status: { phase: options.node ? 'Running' : 'Pending' },
  };
}

/** The NodeInfo of one node with its pods. */
export function infoOf(node: Node, pods: Pod[] = []): NodeInfo {
  return nodeInfos([node], pods)[0]!;
}
