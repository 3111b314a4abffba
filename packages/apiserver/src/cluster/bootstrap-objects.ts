import type { KubeObject } from '@minik/types';

/** The namespaces every fresh cluster has. */
export const systemNamespaces = ['default', 'kube-node-lease', 'kube-public', 'kube-system'] as const;

/** The kube-root-ca.crt ConfigMap that kube-controller-manager publishes into every namespace. */
export function rootCAConfigMap(namespace: string, caPem: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'kube-root-ca.crt', namespace, annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } },
    data: { 'ca.crt': caPem },
  };
}

/** The `default` ServiceAccount the service account controller creates in every namespace. */
export function defaultServiceAccount(namespace: string): KubeObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } };
}

/** The `kubernetes` Service in `default`, fronting the API server at 10.96.0.1:443. */
export function kubernetesService(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      clusterIP: '10.96.0.1',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 8443 }],
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
  };
}

/** The Endpoints of the `kubernetes` Service: the control-plane node's address. */
export function kubernetesEndpoints(apiserverIP: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: apiserverIP }], ports: [{ name: 'https', port: 8443, protocol: 'TCP' }] }],
  };
}

/** The `kubernetes` EndpointSlice the API server's endpoint reconciler keeps beside the Endpoints. */
export function kubernetesEndpointSlice(apiserverIP: string): KubeObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [apiserverIP], conditions: { ready: true } }],
    ports: [{ name: 'https', port: 8443, protocol: 'TCP' }],
  };
}

// A placeholder CA bundle: the simulated API server speaks plain HTTP and has no real CA.
export const simulatedCAPem = '-----BEGIN CERTIFICATE-----\nMINIK-SIMULATED-CLUSTER-HAS-NO-REAL-CA\n-----END CERTIFICATE-----\n';
