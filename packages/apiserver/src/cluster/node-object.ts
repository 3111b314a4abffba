import type { KubeObject } from '@minik/types';

/** What a simulated node looks like: sizes and addresses. */
export interface NodeShape {
  name: string;
  index: number;
  kubeletVersion: string;
  controlPlane: boolean;
  capacity: { cpu: string; memory: string; pods: string; 'ephemeral-storage': string };
}

/** The node's InternalIP in the simulated node network (192.168.49.0/24, as minikube's docker driver). */
export const nodeInternalIP = (index: number): string => `192.168.49.${index + 2}`;

/** The node's pod CIDR: one /24 per node out of 10.244.0.0/16, as kubeadm/minikube allocate. */
export const nodePodCIDR = (index: number): string => `10.244.${index}.0/24`;

/** A Node object as a freshly registered kubelet reports it, Ready. */
export function nodeObject(shape: NodeShape, now: string): KubeObject {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': shape.name,
    'kubernetes.io/os': 'linux',
    'minikube.k8s.io/name': 'minik',
    'minikube.k8s.io/primary': String(shape.controlPlane),
  };
  if (shape.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const condition = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: now,
    lastTransitionTime: now,
    reason,
    message,
  });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: shape.name,
      labels,
      annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
    },
    spec: { podCIDR: nodePodCIDR(shape.index), podCIDRs: [nodePodCIDR(shape.index)] },
    status: {
      capacity: { ...shape.capacity, 'hugepages-1Gi': '0', 'hugepages-2Mi': '0' },
      allocatable: { ...shape.capacity, 'hugepages-1Gi': '0', 'hugepages-2Mi': '0' },
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      addresses: [
        { type: 'InternalIP', address: nodeInternalIP(shape.index) },
        { type: 'Hostname', address: shape.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: machineId(shape.name),
        systemUUID: machineId(`${shape.name}-uuid`),
        bootID: machineId(`${shape.name}-boot`),
        kernelVersion: 'simulated',
        osImage: 'minik simulated node',
        containerRuntimeVersion: 'simulated://0.1.0',
        kubeletVersion: shape.kubeletVersion,
        kubeProxyVersion: shape.kubeletVersion,
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
      images: [],
    },
  };
}

/** A stable 32-hex id derived from a name (nodes keep their identity across restarts). */
function machineId(seed: string): string {
  let h1 = 0x811c9dc5;
  let out = '';
  for (let round = 0; out.length < 32; round++) {
    for (const ch of `${seed}#${round}`) h1 = Math.imul(h1 ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += h1.toString(16).padStart(8, '0');
  }
  return out.slice(0, 32);
}
