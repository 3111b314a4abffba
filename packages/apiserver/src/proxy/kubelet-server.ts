import type { KubeObject, Pod } from '@minik/types';
import type { CompleteResponse } from '../api/request.js';
import type { InProcessClient } from '../client/in-process-client.js';
import type { SimulatedKubelet } from '../kubelet/simulated-kubelet.js';

const text = (status: number, body: string): CompleteResponse => ({ status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body });
const json = (value: unknown): CompleteResponse => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });

/**
 * What a simulated kubelet's HTTPS server (port 10250) answers through `nodes/{name}/proxy`:
 * /healthz, /pods, /configz, /stats/summary and a few /metrics lines; Go's 404 for the rest.
 */
export function kubeletServer(kubelet: SimulatedKubelet, client: InProcessClient, method: string, path: string, now: number): CompleteResponse {
  if (method !== 'GET' && method !== 'HEAD') return text(405, 'Method Not Allowed\n');
  const pods = (): Readonly<Pod & KubeObject>[] => client.list<Pod & KubeObject>({ apiVersion: 'v1', kind: 'Pod' }, undefined, (p) => p.spec?.nodeName === kubelet.nodeName);
  switch (path.replace(/\/+$/, '') || '/') {
    case '/healthz':
      return text(200, 'ok');
    case '/pods':
      return json({ kind: 'PodList', apiVersion: 'v1', metadata: {}, items: pods() });
    case '/configz':
      return json({
        kubeletconfig: {
          enableServer: true,
          staticPodPath: '/etc/kubernetes/manifests',
          syncFrequency: '1m0s',
          address: '0.0.0.0',
          port: 10250,
          cgroupDriver: 'systemd',
          clusterDomain: 'cluster.local',
          clusterDNS: ['10.96.0.10'],
          maxPods: 110,
          nodeStatusUpdateFrequency: '10s',
          nodeStatusReportFrequency: '5m0s',
          nodeLeaseDurationSeconds: 40,
          containerRuntimeEndpoint: 'unix:///run/minik/simulated.sock',
          kind: 'KubeletConfiguration',
          apiVersion: 'kubelet.config.k8s.io/v1beta1',
        },
      });
    case '/stats/summary':
      return json({
        node: { nodeName: kubelet.nodeName, systemContainers: [], startTime: new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z') },
        pods: pods().map((pod) => ({
          podRef: { name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid },
          startTime: pod.status?.startTime,
          containers: (pod.status?.containerStatuses ?? []).map((c) => ({ name: c.name, startTime: c.state?.running?.startedAt ?? pod.status?.startTime })),
        })),
      });
    case '/metrics': {
      const running = pods().filter((p) => p.status?.phase === 'Running');
      return {
        status: 200,
        headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' },
        body: [
          '# HELP kubelet_running_pods [ALPHA] Number of pods that have a running pod sandbox',
          '# TYPE kubelet_running_pods gauge',
          `kubelet_running_pods ${running.length}`,
          '# HELP kubelet_running_containers [ALPHA] Number of containers currently running',
          '# TYPE kubelet_running_containers gauge',
          `kubelet_running_containers{container_state="running"} ${running.reduce((n, p) => n + (p.status?.containerStatuses ?? []).filter((c) => c.state?.running).length, 0)}`,
          '',
        ].join('\n'),
      };
    }
    default:
      return text(404, '404 page not found\n');
  }
}
