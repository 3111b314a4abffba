import { readFileSync } from 'node:fs';
import protobuf from 'protobufjs/minimal.js';
import { builtinResources } from '@minik/types';
import { describe, expect, it } from 'vitest';
import { decodeObject } from '../api/body-decoder.js';
import type { ApiRequest } from '../api/request.js';
import { ApiError } from '../errors/index.js';
import { decodeProtobufObject } from './decode-protobuf-object.js';
import { toProtobufRoot } from './protobufjs-root.js';

const root = toProtobufRoot();
const magic = [0x6b, 0x38, 0x73, 0x00];

/** `k8s\0` + runtime.Unknown{typeMeta, raw}, as apimachinery's protobuf serializer writes it. */
function envelope(apiVersion: string, kind: string, raw: Uint8Array): Uint8Array {
  const unknown = root.lookupType('runtime.Unknown').encode({ typeMeta: { apiVersion, kind }, raw, contentEncoding: '', contentType: '' }).finish();
  return Uint8Array.from([...magic, ...unknown]);
}

/** Encodes `value` (protobuf-shaped) as message `type` and wraps it in the envelope. */
function body(apiVersion: string, kind: string, type: string, value: Record<string, unknown>): Uint8Array {
  return envelope(apiVersion, kind, root.lookupType(type).encode(value).finish());
}

const fixture = (name: string): Buffer => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

/** Runs `decode` and returns the ApiError it throws. */
function decodeError(decode: () => unknown): ApiError {
  try {
    decode();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a decode error');
}

describe('real kubectl 1.33 bodies', () => {
  const typedCreates = [
    'create-deployment',
    'create-namespace',
    'create-configmap',
    'create-secret-generic',
    'create-service-clusterip',
    'create-serviceaccount',
    'create-job',
    'create-token',
  ];

  it.each(typedCreates)('%s decodes to exactly the JSON kubectl 1.27 sends for the same command', (name) => {
    const decoded = decodeProtobufObject(new Uint8Array(fixture(`${name}.kubectl-1.33.pb`)));
    // Same keys in the same order: the Go struct order encoding/json writes.
    expect(JSON.stringify(decoded)).toBe(fixture(`${name}.kubectl-1.27.json`).toString().trim());
  });

  it('autoscale sends an autoscaling/v2 HorizontalPodAutoscaler', () => {
    expect(decodeProtobufObject(new Uint8Array(fixture('autoscale.kubectl-1.33.pb')))).toEqual({
      kind: 'HorizontalPodAutoscaler',
      apiVersion: 'autoscaling/v2',
      metadata: { name: 'web', creationTimestamp: null },
      spec: {
        scaleTargetRef: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' },
        minReplicas: 1,
        maxReplicas: 3,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
      },
      status: { desiredReplicas: 0, currentMetrics: null },
    });
  });
});

describe('every kind kubectl sends as protobuf', () => {
  const meta = { name: 'x', namespace: 'default', creationTimestamp: {} };
  const expectedMeta = { name: 'x', namespace: 'default', creationTimestamp: null };

  it('Namespace', () => {
    const value = { metadata: { name: 'team-a', labels: { b: '2', a: '1' } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } };
    expect(decodeProtobufObject(body('v1', 'Namespace', 'core.v1.Namespace', value))).toEqual({
      kind: 'Namespace',
      apiVersion: 'v1',
      metadata: { name: 'team-a', creationTimestamp: null, labels: { a: '1', b: '2' } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  });

  it('ConfigMap, with binaryData as base64', () => {
    const value = { metadata: meta, data: { a: 'b' }, binaryData: { bin: Uint8Array.of(1, 2, 3) }, immutable: false };
    expect(decodeProtobufObject(body('v1', 'ConfigMap', 'core.v1.ConfigMap', value))).toEqual({
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: expectedMeta,
      immutable: false,
      data: { a: 'b' },
      binaryData: { bin: 'AQID' },
    });
  });

  it('Secret, with data bytes as base64 and an empty value as ""', () => {
    const value = { metadata: meta, data: { k: Buffer.from('v'), bin: Uint8Array.of(0, 255), empty: new Uint8Array() }, stringData: { s: 't' }, type: 'Opaque' };
    expect(decodeProtobufObject(body('v1', 'Secret', 'core.v1.Secret', value))).toEqual({
      kind: 'Secret',
      apiVersion: 'v1',
      metadata: expectedMeta,
      data: { bin: 'AP8=', empty: '', k: 'dg==' },
      stringData: { s: 't' },
      type: 'Opaque',
    });
  });

  it('Service, with IntOrString target ports and defaulted-looking pointers kept', () => {
    const value = {
      metadata: meta,
      spec: {
        ports: [
          { name: 'http', protocol: 'TCP', port: 80, targetPort: { type: 1, strVal: 'web' }, nodePort: 0, appProtocol: '' },
          { name: 'metrics', protocol: 'TCP', port: 9090, targetPort: { type: 0, intVal: 9091 } },
        ],
        selector: { app: 'web' },
        type: 'ClusterIP',
        sessionAffinity: 'ClientIP',
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        internalTrafficPolicy: 'Cluster',
        publishNotReadyAddresses: false,
      },
    };
    expect(decodeProtobufObject(body('v1', 'Service', 'core.v1.Service', value))).toEqual({
      kind: 'Service',
      apiVersion: 'v1',
      metadata: expectedMeta,
      spec: {
        ports: [
          { name: 'http', protocol: 'TCP', appProtocol: '', port: 80, targetPort: 'web' },
          { name: 'metrics', protocol: 'TCP', port: 9090, targetPort: 9091 },
        ],
        selector: { app: 'web' },
        type: 'ClusterIP',
        sessionAffinity: 'ClientIP',
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        internalTrafficPolicy: 'Cluster',
      },
      status: { loadBalancer: {} },
    });
  });

  it('ServiceAccount, keeping a false pointer', () => {
    const value = { metadata: meta, secrets: [{ name: 't' }], imagePullSecrets: [{ name: 'reg' }], automountServiceAccountToken: false };
    expect(decodeProtobufObject(body('v1', 'ServiceAccount', 'core.v1.ServiceAccount', value))).toEqual({
      kind: 'ServiceAccount',
      apiVersion: 'v1',
      metadata: expectedMeta,
      secrets: [{ name: 't' }],
      imagePullSecrets: [{ name: 'reg' }],
      automountServiceAccountToken: false,
    });
  });

  it('Pod, with inlined volume sources and probe handlers, quantities, times and scheduling', () => {
    const value = {
      metadata: {
        name: 'web-0',
        namespace: 'default',
        generateName: '',
        generation: 0,
        labels: { app: 'web' },
        annotations: { note: 'hi' },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: 'u-1', controller: true }],
        creationTimestamp: { seconds: 1700000000, nanos: 5 },
        deletionGracePeriodSeconds: 0,
      },
      spec: {
        volumes: [
          { name: 'cfg', volumeSource: { configMap: { localObjectReference: { name: 'x' }, items: [{ key: 'a', path: 'a.txt' }], defaultMode: 420 } } },
          { name: 'tmp', volumeSource: { emptyDir: { sizeLimit: { string: '1Gi' } } } },
        ],
        containers: [
          {
            name: 'app',
            image: 'nginx:1.25',
            command: ['nginx'],
            ports: [{ containerPort: 80, protocol: 'TCP', hostPort: 0, name: '' }],
            env: [
              { name: 'A', value: 'b' },
              { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
              { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
              { name: 'KEY', valueFrom: { secretKeyRef: { localObjectReference: { name: 's' }, key: 'k', optional: true } } },
            ],
            resources: { limits: { memory: { string: '128Mi' }, cpu: { string: '500m' } }, requests: { cpu: { string: '250m' } } },
            livenessProbe: { handler: { tcpSocket: { port: { type: 0, intVal: 8080 } } }, initialDelaySeconds: 0 },
            readinessProbe: { handler: { httpGet: { path: '/healthz', port: { type: 1, strVal: 'http' } } }, periodSeconds: 5 },
            lifecycle: { preStop: { sleep: { seconds: 5 } } },
            terminationMessagePath: '/dev/termination-log',
            imagePullPolicy: 'IfNotPresent',
            securityContext: { capabilities: { drop: ['ALL'] }, runAsNonRoot: false },
            stdin: false,
            tty: false,
          },
        ],
        restartPolicy: 'Always',
        terminationGracePeriodSeconds: 0,
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        hostNetwork: false,
        securityContext: { supplementalGroups: [1, 2], fsGroup: 2000 },
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }] },
          },
        },
        tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 30 }],
        priority: 0,
      },
      status: {
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'True', lastProbeTime: {}, lastTransitionTime: { seconds: 1700000002 } }],
        startTime: { seconds: 1700000001 },
      },
    };
    expect(decodeProtobufObject(body('v1', 'Pod', 'core.v1.Pod', value))).toEqual({
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: {
        name: 'web-0',
        namespace: 'default',
        creationTimestamp: '2023-11-14T22:13:20Z',
        deletionGracePeriodSeconds: 0,
        labels: { app: 'web' },
        annotations: { note: 'hi' },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: 'u-1', controller: true }],
      },
      spec: {
        volumes: [
          { name: 'cfg', configMap: { name: 'x', items: [{ key: 'a', path: 'a.txt' }], defaultMode: 420 } },
          { name: 'tmp', emptyDir: { sizeLimit: '1Gi' } },
        ],
        containers: [
          {
            name: 'app',
            image: 'nginx:1.25',
            command: ['nginx'],
            ports: [{ containerPort: 80, protocol: 'TCP' }],
            env: [
              { name: 'A', value: 'b' },
              { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
              // A non-pointer Quantity: Go writes its zero value.
              { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '0' } } },
              { name: 'KEY', valueFrom: { secretKeyRef: { name: 's', key: 'k', optional: true } } },
            ],
            resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '250m' } },
            livenessProbe: { tcpSocket: { port: 8080 } },
            readinessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 5 },
            lifecycle: { preStop: { sleep: { seconds: 5 } } },
            terminationMessagePath: '/dev/termination-log',
            imagePullPolicy: 'IfNotPresent',
            securityContext: { capabilities: { drop: ['ALL'] }, runAsNonRoot: false },
          },
        ],
        restartPolicy: 'Always',
        terminationGracePeriodSeconds: 0,
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        securityContext: { supplementalGroups: [1, 2], fsGroup: 2000 },
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }] },
          },
        },
        tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 30 }],
        priority: 0,
      },
      status: {
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2023-11-14T22:13:22Z' }],
        startTime: '2023-11-14T22:13:21Z',
      },
    });
  });

  it('Deployment: a zero replicas pointer stays, an unset selector is null, IntOrString percentages', () => {
    const value = {
      metadata: meta,
      spec: {
        replicas: 0,
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'i' }] } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: { type: 1, strVal: '25%' }, maxSurge: { type: 0, intVal: 1 } } },
        minReadySeconds: 0,
        revisionHistoryLimit: 10,
        paused: false,
        progressDeadlineSeconds: 600,
      },
    };
    expect(decodeProtobufObject(body('apps/v1', 'Deployment', 'apps.v1.Deployment', value))).toEqual({
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: expectedMeta,
      spec: {
        replicas: 0,
        selector: null,
        template: { metadata: { creationTimestamp: null, labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'i', resources: {} }] } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: 1 } },
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
      },
      status: {},
    });
  });

  it('Job, with a pod failure policy whose unset fields Go writes as null', () => {
    const value = {
      metadata: meta,
      spec: {
        parallelism: 1,
        completions: 3,
        backoffLimit: 0,
        completionMode: 'Indexed',
        podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [1, 2] } }] },
        template: { spec: { containers: [{ name: 'j', image: 'busybox' }], restartPolicy: 'Never' } },
      },
      status: { active: 0, completedIndexes: '' },
    };
    expect(decodeProtobufObject(body('batch/v1', 'Job', 'batch.v1.Job', value))).toEqual({
      kind: 'Job',
      apiVersion: 'batch/v1',
      metadata: expectedMeta,
      spec: {
        parallelism: 1,
        completions: 3,
        podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { containerName: null, operator: 'In', values: [1, 2] }, onPodConditions: null }] },
        backoffLimit: 0,
        template: { metadata: { creationTimestamp: null }, spec: { containers: [{ name: 'j', image: 'busybox', resources: {} }], restartPolicy: 'Never' } },
        completionMode: 'Indexed',
      },
      status: {},
    });
  });

  it('TokenRequest', () => {
    const value = { metadata: {}, spec: { audiences: ['api'], expirationSeconds: 600, boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: 'p', uid: 'u' } } };
    expect(decodeProtobufObject(body('authentication.k8s.io/v1', 'TokenRequest', 'authentication.v1.TokenRequest', value))).toEqual({
      kind: 'TokenRequest',
      apiVersion: 'authentication.k8s.io/v1',
      metadata: { creationTimestamp: null },
      spec: { audiences: ['api'], expirationSeconds: 600, boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: 'p', uid: 'u' } },
      status: { token: '', expirationTimestamp: null },
    });
  });

  it('HorizontalPodAutoscaler autoscaling/v1', () => {
    const value = {
      metadata: meta,
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' }, minReplicas: 1, maxReplicas: 3, targetCPUUtilizationPercentage: 50 },
    };
    expect(decodeProtobufObject(body('autoscaling/v1', 'HorizontalPodAutoscaler', 'autoscaling.v1.HorizontalPodAutoscaler', value))).toEqual({
      kind: 'HorizontalPodAutoscaler',
      apiVersion: 'autoscaling/v1',
      metadata: expectedMeta,
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' }, minReplicas: 1, maxReplicas: 3, targetCPUUtilizationPercentage: 50 },
      status: { currentReplicas: 0, desiredReplicas: 0 },
    });
  });

  it('HorizontalPodAutoscaler autoscaling/v2, with quantities and behavior', () => {
    const value = {
      metadata: meta,
      spec: {
        scaleTargetRef: { kind: 'Deployment', name: 'web' },
        maxReplicas: 5,
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } },
          { type: 'Pods', pods: { metric: { name: 'rps' }, target: { type: 'AverageValue', averageValue: { string: '100m' } } } },
        ],
        behavior: { scaleDown: { stabilizationWindowSeconds: 300, policies: [{ type: 'Percent', value: 10, periodSeconds: 60 }] } },
      },
    };
    expect(decodeProtobufObject(body('autoscaling/v2', 'HorizontalPodAutoscaler', 'autoscaling.v2.HorizontalPodAutoscaler', value))).toEqual({
      kind: 'HorizontalPodAutoscaler',
      apiVersion: 'autoscaling/v2',
      metadata: expectedMeta,
      spec: {
        scaleTargetRef: { kind: 'Deployment', name: 'web' },
        maxReplicas: 5,
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } },
          { type: 'Pods', pods: { metric: { name: 'rps' }, target: { type: 'AverageValue', averageValue: '100m' } } },
        ],
        behavior: { scaleDown: { stabilizationWindowSeconds: 300, policies: [{ type: 'Percent', value: 10, periodSeconds: 60 }] } },
      },
      status: { desiredReplicas: 0, currentMetrics: null },
    });
  });
});

describe('the envelope', () => {
  const raw = root.lookupType('core.v1.ConfigMap').encode({ metadata: { name: 'x' } }).finish();

  it('takes an empty kind or apiVersion from the endpoint, as copyKindDefaults does', () => {
    const decoded = decodeProtobufObject(envelope('', '', raw), { apiVersion: 'v1', kind: 'ConfigMap' });
    expect(decoded).toMatchObject({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'x' } });
  });

  it('keeps the kind the envelope names, for the caller to compare with the endpoint', () => {
    const decoded = decodeProtobufObject(envelope('v1', 'ConfigMap', raw), { apiVersion: 'apps/v1', kind: 'Deployment' });
    expect(decoded).toMatchObject({ kind: 'ConfigMap', apiVersion: 'v1' });
  });
});

describe('malformed bodies are 400 BadRequest', () => {
  const target = { apiVersion: 'v1', kind: 'ConfigMap' };
  const decodeWith = (bytes: Uint8Array | number[]) => () => decodeProtobufObject(Uint8Array.from(bytes), target);

  it.each([
    ['an empty body', [], 'empty data (<empty>)'],
    ['a body without the k8s prefix', [...Buffer.from('{"kind":"ConfigMap"}')], 'provided data does not appear to be a protobuf message, expected prefix [107 56 115 0] ({"kind":"ConfigMap"})'],
    ['a bare prefix', magic, 'empty body (6b387300)'],
    ['a truncated envelope', [...magic, 0x0a, 0x05, 0x0a], 'unexpected EOF (6b3873000a050a)'],
    ['a field number 0 in the envelope', [...magic, 0x00], 'proto: Unknown: illegal tag 0 (wire type 0) (6b38730000)'],
    ['an end-group key in the envelope', [...magic, 0x0c], 'proto: Unknown: wiretype end group for non-group (6b3873000c)'],
    ['typeMeta sent as a varint', [...magic, 0x08, 0x01], 'proto: wrong wireType = 0 for field TypeMeta (6b3873000801)'],
    ['an 11-byte varint', [...magic, 0x28, ...Array<number>(10).fill(0xff), 0x01], 'proto: integer overflow (6b38730028ffffffffffffffffffff01)'],
  ])('%s', (_, bytes, why) => {
    const error = decodeError(decodeWith(bytes));
    expect(error.reason).toBe('BadRequest');
    expect(error.code).toBe(400);
    expect(error.message).toBe(`the object provided is unrecognized (must be of type ConfigMap): ${why}`);
  });

  it('summarises long bodies to their first 30 bytes', () => {
    const bytes = [0x01, ...Array<number>(40).fill(0x02)];
    expect(decodeError(decodeWith(bytes)).message).toBe(
      `the object provided is unrecognized (must be of type ConfigMap): provided data does not appear to be a protobuf message, expected prefix [107 56 115 0] (01${'02'.repeat(29)} ...)`,
    );
  });

  it('a kind with no registered message', () => {
    const error = decodeError(() => decodeProtobufObject(envelope('v1', 'Widget', new Uint8Array()), target));
    expect(error.message).toBe('Widget in version "v1" cannot be handled as a ConfigMap: no kind "Widget" is registered for version "v1"');
  });

  it.each([
    ['a truncated object', [0x0a, 0x05, 0x0a, 0x01], 'unexpected EOF'],
    ['a string sent as a varint', [0x0a, 0x02, 0x08, 0x01], 'proto: wrong wireType = 0 for field Name'],
    ['a field number 0 inside metadata', [0x0a, 0x01, 0x00], 'proto: ObjectMeta: illegal tag 0 (wire type 0)'],
    ['an unknown field of an unknown wire type', [0xa7, 0x06], 'proto: illegal wireType 7'],
    ['a known field of the wrong wire type', [0x0b], 'proto: wrong wireType = 3 for field Metadata'],
    ['an end-group key', [0x0c], 'proto: ConfigMap: wiretype end group for non-group'],
    ['a map sent as a varint', [0x10, 0x01], 'proto: wrong wireType = 0 for field Data'],
    ['an over-long length', [0x12, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01], 'proto: negative length found during unmarshaling'],
  ])('%s inside raw', (_, raw, why) => {
    const error = decodeError(() => decodeProtobufObject(envelope('v1', 'ConfigMap', Uint8Array.from(raw)), target));
    expect(error.code).toBe(400);
    expect(error.message).toBe(`ConfigMap in version "v1" cannot be handled as a ConfigMap: ${why}`);
  });

  it('a malformed quantity, as resource.ParseQuantity rejects it', () => {
    const pod = root.lookupType('core.v1.Pod').encode({ spec: { containers: [{ name: 'c', resources: { limits: { cpu: { string: 'lots' } } } }] } }).finish();
    const error = decodeError(() => decodeProtobufObject(envelope('v1', 'Pod', pod), { apiVersion: 'v1', kind: 'Pod' }));
    expect(error.message).toBe(
      `Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
    );
  });

  it('an envelope without a kind when the endpoint gives none', () => {
    const error = decodeError(() => decodeProtobufObject(envelope('v1', '', new Uint8Array())));
    expect(error.message).toMatch(/^the object provided is unrecognized \(must be of type Unknown\): Object 'Kind' is missing in 'runtime.TypeMeta\{APIVersion:"v1", Kind:""\}' \(6b387300/);
  });
});

describe('create and update bodies (decodeObject)', () => {
  const configMaps = builtinResources.find((def) => def.kind === 'ConfigMap')!;
  const deployments = builtinResources.find((def) => def.kind === 'Deployment')!;
  const request = (bytes: Uint8Array): ApiRequest => ({
    method: 'POST',
    path: '/api/v1/namespaces/default/configmaps',
    query: new URLSearchParams(),
    header: (name) => (name === 'content-type' ? 'application/vnd.kubernetes.protobuf' : undefined),
    body: bytes,
    signal: new AbortController().signal,
  });
  const configMap = body('v1', 'ConfigMap', 'core.v1.ConfigMap', { metadata: { name: 'x' }, data: { a: 'b' } });

  it('accept protobuf and hand on the same object JSON would give', () => {
    expect(decodeObject(request(configMap), configMaps)).toEqual({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'x', creationTimestamp: null }, data: { a: 'b' } });
  });

  it('reject a protobuf object of another kind with the JSON path message', () => {
    expect(decodeError(() => decodeObject(request(configMap), deployments)).message).toBe(
      'the API version in the data (v1) does not match the expected API version (apps/v1)',
    );
  });
});

it('uses protobufjs writers the same way gogo-protobuf encodes (sanity check of the vector helper)', () => {
  // Field 1 (metadata) length-delimited, holding field 1 (name) = "x".
  const manual = new protobuf.Writer().uint32(0x0a).fork().uint32(0x0a).string('x').ldelim().finish();
  expect([...manual]).toEqual([...root.lookupType('core.v1.ConfigMap').encode({ metadata: { name: 'x' } }).finish()]);
});
