import type { KubeObject } from '@minik/types';

/**
 * What a fresh minikube runs in kube-system, as simulated stand-ins: CoreDNS (a Deployment behind
 * the kube-dns Service, so `kubectl cluster-info` lists it as on minikube) and the static
 * control-plane pods, mirrored in the API as the kubelet mirrors static pods. None of them does
 * anything: minik itself is the API server, scheduler and controller manager.
 */

const controlPlaneTolerations = [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }];

/** The kube-dns Service at 10.96.0.10, the cluster's DNS address. */
export function kubeDnsService(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: '10.96.0.10',
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
    },
  };
}

/** The CoreDNS Deployment kubeadm installs (one replica on minikube). */
export function coreDnsDeployment(): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-dns' } },
        spec: {
          priorityClassName: 'system-cluster-critical',
          serviceAccountName: 'coredns',
          tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, ...controlPlaneTolerations],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          containers: [
            {
              name: 'coredns',
              image: 'registry.k8s.io/coredns/coredns:v1.12.0',
              args: ['-conf', '/etc/coredns/Corefile'],
              ports: [
                { name: 'dns', containerPort: 53, protocol: 'UDP' },
                { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
                { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
              ],
              resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
            },
          ],
        },
      },
    },
  };
}

/** The ServiceAccount CoreDNS runs as. */
export function coreDnsServiceAccount(): KubeObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'coredns', namespace: 'kube-system' } };
}

/** One static control-plane pod as its mirror pod appears in the API (owned by its Node). */
export function controlPlaneMirrorPod(component: 'etcd' | 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler', node: { name: string; uid: string }, kubernetesVersion: string): KubeObject {
  const image = component === 'etcd' ? 'registry.k8s.io/etcd:3.5.21-0' : `registry.k8s.io/${component}:${kubernetesVersion}`;
  const requests: Record<string, Record<string, string>> = {
    etcd: { cpu: '100m', memory: '100Mi' },
    'kube-apiserver': { cpu: '250m' },
    'kube-controller-manager': { cpu: '200m' },
    'kube-scheduler': { cpu: '100m' },
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${component}-${node.name}`,
      namespace: 'kube-system',
      labels: { component, tier: 'control-plane' },
      annotations: { 'kubernetes.io/config.mirror': `minik-simulated-${component}`, 'kubernetes.io/config.source': 'file' },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.name, uid: node.uid, controller: true }],
    },
    spec: {
      nodeName: node.name,
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      priority: 2000001000,
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
      containers: [{ name: component, image, resources: { requests: requests[component]! } }],
    },
  };
}

/** The control-plane components that run as static pods on the first node. */
export const controlPlaneComponents = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'] as const;
