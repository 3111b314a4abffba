import { cloneJson } from '../../util/clone-json.js';
/**
 * The JSON of each kind's zero-valued Go struct. Upstream compares against these when it records
 * which fields a write set: on create the "old" object is `New()` of the kind, and a live object
 * always carries its non-pointer structs (`spec`, `status`, `template` …) even when empty. Those
 * are therefore never "added" as a whole, which is why `f:spec` has no `.` entry while a pointer
 * struct or map such as `f:rollingUpdate` or `f:labels` does.
 */

type Zero = Readonly<Record<string, unknown>>;

const meta = { creationTimestamp: null };
const podTemplate = { metadata: meta, spec: { containers: null } };

const byKind: Readonly<Record<string, Zero>> = {
  '/Pod': { spec: { containers: null }, status: {} },
  '/PodTemplate': { template: podTemplate },
  '/ReplicationController': { spec: {}, status: { replicas: 0 } },
  '/Service': { spec: {}, status: { loadBalancer: {} } },
  '/Namespace': { spec: {}, status: {} },
  '/Node': {
    spec: {},
    status: {
      daemonEndpoints: { kubeletEndpoint: { Port: 0 } },
      nodeInfo: {
        machineID: '',
        systemUUID: '',
        bootID: '',
        kernelVersion: '',
        osImage: '',
        containerRuntimeVersion: '',
        kubeletVersion: '',
        kubeProxyVersion: '',
        operatingSystem: '',
        architecture: '',
      },
    },
  },
  '/PersistentVolumeClaim': { spec: { resources: {} }, status: {} },
  '/PersistentVolume': { spec: {}, status: {} },
  '/Event': {
    involvedObject: {},
    source: {},
    firstTimestamp: null,
    lastTimestamp: null,
    eventTime: null,
    reportingComponent: '',
    reportingInstance: '',
  },
  '/ResourceQuota': { spec: {}, status: {} },
  '/LimitRange': { spec: { limits: null } },
  'apps/Deployment': { spec: { selector: null, template: podTemplate, strategy: {} }, status: {} },
  'apps/ReplicaSet': { spec: { selector: null, template: podTemplate }, status: { replicas: 0 } },
  'apps/StatefulSet': { spec: { selector: null, template: podTemplate, updateStrategy: {} }, status: { replicas: 0, availableReplicas: 0 } },
  'apps/DaemonSet': {
    spec: { selector: null, template: podTemplate, updateStrategy: {} },
    status: { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 },
  },
  'apps/ControllerRevision': { data: null, revision: 0 },
  'batch/Job': { spec: { template: podTemplate }, status: {} },
  'batch/CronJob': { spec: { schedule: '', jobTemplate: { metadata: meta, spec: { template: podTemplate } } }, status: {} },
  'autoscaling/HorizontalPodAutoscaler': { spec: { scaleTargetRef: { kind: '', name: '' }, maxReplicas: 0 }, status: { currentReplicas: 0, desiredReplicas: 0 } },
  'policy/PodDisruptionBudget': { spec: {}, status: { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 } },
  'authentication.k8s.io/SelfSubjectReview': { status: { userInfo: {} } },
  'authorization.k8s.io/SelfSubjectAccessReview': { spec: {}, status: { allowed: false } },
  'authorization.k8s.io/SelfSubjectRulesReview': { spec: {}, status: { resourceRules: null, nonResourceRules: null, incomplete: false } },
  'coordination.k8s.io/Lease': { spec: {} },
  'discovery.k8s.io/EndpointSlice': { addressType: '', endpoints: null },
  'events.k8s.io/Event': { eventTime: null },
  'networking.k8s.io/Ingress': { spec: {}, status: { loadBalancer: {} } },
  'rbac.authorization.k8s.io/Role': { rules: null },
  'rbac.authorization.k8s.io/ClusterRole': { rules: null },
  'rbac.authorization.k8s.io/RoleBinding': { roleRef: { apiGroup: '', kind: '', name: '' } },
  'rbac.authorization.k8s.io/ClusterRoleBinding': { roleRef: { apiGroup: '', kind: '', name: '' } },
  'scheduling.k8s.io/PriorityClass': { value: 0 },
  'storage.k8s.io/StorageClass': { provisioner: '' },
};

/** The zero-valued object of a kind (at least `metadata.creationTimestamp: null`). */
export function zeroObject(group: string, kind: string): Record<string, unknown> {
  return cloneJson({ metadata: meta, ...(byKind[`${group}/${kind}`] ?? {}) });
}

/**
 * The value as upstream's typed object would serialise it: the zero object's structs filled in
 * under what the value has, so that comparing two values sees the same always-present parts.
 */
export function withZeroStructs(zero: unknown, value: unknown): unknown {
  if (value === undefined) return cloneJson(zero);
  const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isMap(zero) || !isMap(value)) return value;
  const out: Record<string, unknown> = { ...value };
  for (const [key, z] of Object.entries(zero)) {
    if (!Object.hasOwn(value, key)) out[key] = cloneJson(z);
    else if (isMap(z) && isMap(value[key])) out[key] = withZeroStructs(z, value[key]);
  }
  return out;
}
