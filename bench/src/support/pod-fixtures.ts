import type { InProcessClient } from '@minik/apiserver';
import type { KubeObject } from '@minik/types';

const podRef = { apiVersion: 'v1', kind: 'Pod' };
const nodeRef = { apiVersion: 'v1', kind: 'Node' };

/** A pod as a Deployment's template makes it: one nginx container with requests, a label, bound to `nodeName` if given. */
export function benchPod(name: string, namespace: string, options: { nodeName?: string; labels?: Record<string, string> } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels: options.labels ?? { app: 'bench' } },
    spec: {
      ...(options.nodeName ? { nodeName: options.nodeName } : {}),
      containers: [{ name: 'web', image: 'nginx:1.25', ports: [{ containerPort: 80 }], resources: { requests: { cpu: '10m', memory: '16Mi' } } }],
    },
  };
}

/** A Running, Ready pod status as the kubelet reports it (what `kubectl get pods` then prints). */
export function runningStatus(index: number, nodeIP: string, startTime: string): Record<string, unknown> {
  const condition = (type: string) => ({ type, status: 'True', lastProbeTime: null, lastTransitionTime: startTime });
  return {
    phase: 'Running',
    conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(condition),
    hostIP: nodeIP,
    hostIPs: [{ ip: nodeIP }],
    podIP: `10.244.${(index >> 8) & 255}.${(index & 255) + 1}`,
    podIPs: [{ ip: `10.244.${(index >> 8) & 255}.${(index & 255) + 1}` }],
    startTime,
    containerStatuses: [
      {
        name: 'web',
        state: { running: { startedAt: startTime } },
        lastState: {},
        ready: true,
        restartCount: 0,
        image: 'docker.io/library/nginx:1.25',
        imageID: 'docker.io/library/nginx@sha256:a484819eb60211f5299034ac80f6a681b06f89e65866ce91f356ed7c72af059c',
        containerID: `containerd://${index.toString(16).padStart(64, '0')}`,
        started: true,
      },
    ],
    qosClass: 'Burstable',
  };
}

/**
 * Writes `count` Running pods into `namespace` through the in-process API (create, then the
 * status a kubelet would report), for clusters that run without the simulation.
 */
export function seedRunningPods(client: InProcessClient, namespace: string, count: number, options: { nodeName?: string; prefix?: string; labels?: Record<string, string> } = {}): void {
  const nodeName = options.nodeName ?? 'minik';
  const startTime = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  for (let i = 0; i < count; i++) {
    const name = `${options.prefix ?? 'web'}-${String(i).padStart(5, '0')}`;
    client.create(podRef, benchPod(name, namespace, { nodeName, ...(options.labels ? { labels: options.labels } : {}) }));
    client.updateStatus(podRef, { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, status: runningStatus(i, '192.168.49.2', startTime) } as KubeObject);
  }
}

/** A Ready node without a kubelet behind it (for scheduler runs: upstream's scheduler_perf uses such fake nodes). */
export function benchNode(name: string, options: { cpu?: string; memory?: string; pods?: string } = {}): KubeObject {
  const capacity = { cpu: options.cpu ?? '4', memory: options.memory ?? '32Gi', pods: options.pods ?? '110', 'ephemeral-storage': '100Gi' };
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' } },
    spec: {},
    status: {
      capacity,
      allocatable: capacity,
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: now, lastTransitionTime: now }],
      nodeInfo: { kubeletVersion: 'v1.33.1', operatingSystem: 'linux', architecture: 'amd64', containerRuntimeVersion: 'containerd://1.7.27' },
    },
  };
}

/** Creates a fake node through the in-process API. */
export function createBenchNode(client: InProcessClient, name: string, options?: Parameters<typeof benchNode>[1]): void {
  client.create(nodeRef, benchNode(name, options));
}
