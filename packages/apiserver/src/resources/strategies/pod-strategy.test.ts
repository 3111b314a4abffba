import { describe, expect, it } from 'vitest';
import { ApiError } from '../../errors/index.js';
import { podStrategy } from './pod-strategy.js';
import { body, messages, noAllocationContext } from './test-context.js';
import type { KubeObject } from '@minik/types';

// The body `kubectl run nginx --image=nginx:1.25 --port=80` sends (protocol doc §8).
const kubectlRunBody = {
  kind: 'Pod',
  apiVersion: 'v1',
  metadata: { name: 'nginx', creationTimestamp: null, labels: { run: 'nginx' } },
  spec: {
    containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80 }], resources: {} }],
    restartPolicy: 'Always',
    dnsPolicy: 'ClusterFirst',
  },
  status: {},
};

const defaulted = (json: unknown): KubeObject => {
  const obj = body(json);
  podStrategy.applyDefaults?.(obj, noAllocationContext);
  return obj;
};

const pod = (spec: Record<string, unknown>, name = 'p'): KubeObject => defaulted({ metadata: { name, namespace: 'default' }, spec });

describe('podStrategy.applyDefaults', () => {
  it('defaults `kubectl run` to what a real API server stores (protocol doc §4.8)', () => {
    const obj = defaulted(kubectlRunBody);
    expect(obj.spec).toEqual({
      containers: [
        {
          name: 'nginx',
          image: 'nginx:1.25',
          imagePullPolicy: 'IfNotPresent',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    });
    expect(obj.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    expect(obj.metadata).toEqual(kubectlRunBody.metadata);
  });

  it('is idempotent, so defaulting again after an update changes nothing', () => {
    const once = defaulted(kubectlRunBody);
    const twice = body(once);
    podStrategy.applyDefaults?.(twice, noAllocationContext);
    expect(twice).toEqual(once);
  });

  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.25', 'IfNotPresent'],
    ['registry.local:5000/team/app', 'Always'],
    ['registry.local:5000/team/app:v1', 'IfNotPresent'],
    ['nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'IfNotPresent'],
    ['nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'Always'],
  ])('imagePullPolicy for %s is %s', (image, policy) => {
    const obj = pod({ containers: [{ name: 'c', image }] });
    expect((obj.spec as { containers: { imagePullPolicy: string }[] }).containers[0]?.imagePullPolicy).toBe(policy);
  });

  it('keeps tolerations that already cover not-ready/unreachable', () => {
    const obj = pod({ containers: [{ name: 'c', image: 'x' }], tolerations: [{ operator: 'Exists' }] });
    expect((obj.spec as { tolerations: unknown[] }).tolerations).toEqual([{ operator: 'Exists' }]);
  });

  it('computes the QoS class from requests and limits (requests default to limits)', () => {
    const guaranteed = pod({ containers: [{ name: 'c', image: 'x', resources: { limits: { cpu: '500m', memory: '128Mi' } } }] });
    expect(guaranteed.status).toEqual({ phase: 'Pending', qosClass: 'Guaranteed' });
    expect((guaranteed.spec as { containers: { resources: unknown }[] }).containers[0]?.resources).toEqual({
      limits: { cpu: '500m', memory: '128Mi' },
      requests: { cpu: '500m', memory: '128Mi' },
    });
    const burstable = pod({ containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '0.5' } } }] });
    expect(burstable.status).toEqual({ phase: 'Pending', qosClass: 'Burstable' });
    const mixed = pod({ containers: [{ name: 'c', image: 'x', resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1000m', memory: '1024Mi' } } }] });
    expect(mixed.status).toEqual({ phase: 'Pending', qosClass: 'Guaranteed' });
  });

  it('keeps the status of a stored Pod', () => {
    const obj = defaulted({ metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x' }] }, status: { phase: 'Running', qosClass: 'BestEffort', podIP: '10.244.0.5' } });
    expect(obj.status).toEqual({ phase: 'Running', qosClass: 'BestEffort', podIP: '10.244.0.5' });
  });

  it('fills probe, volume and env defaults', () => {
    const obj = pod({
      containers: [
        {
          name: 'c',
          image: 'x',
          livenessProbe: { httpGet: { port: 8080 } },
          env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
          volumeMounts: [{ name: 'data', mountPath: '/data' }],
        },
      ],
      volumes: [{ name: 'data' }, { name: 'cfg', configMap: { name: 'cfg' } }],
    });
    const spec = obj.spec as { containers: Record<string, unknown>[]; volumes: unknown[] };
    expect(spec.containers[0]?.livenessProbe).toEqual({
      httpGet: { port: 8080, path: '/', scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
    expect(spec.containers[0]?.env).toEqual([{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName', apiVersion: 'v1' } } }]);
    expect(spec.volumes).toEqual([
      { name: 'data', emptyDir: {} },
      { name: 'cfg', configMap: { name: 'cfg', defaultMode: 420 } },
    ]);
  });

  it('rejects a malformed quantity while decoding, with a 400', () => {
    const obj = body({ metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x', resources: { limits: { cpu: 'lots' } } }] } });
    let caught: unknown;
    try {
      podStrategy.applyDefaults?.(obj, noAllocationContext);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ApiError);
    expect((caught as ApiError).code).toBe(400);
    expect((caught as ApiError).message).toBe(
      `Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
    );
  });
});

describe('podStrategy.validateCreate', () => {
  const validate = (obj: KubeObject): string[] => messages(podStrategy.validateCreate?.(obj));

  it('accepts the defaulted `kubectl run` Pod', () => {
    expect(validate(defaulted(kubectlRunBody))).toEqual([]);
  });

  it('requires a name', () => {
    expect(validate(defaulted({ metadata: {}, spec: { containers: [{ name: 'c', image: 'x' }] } }))).toEqual([
      'metadata.name: Required value: name or generateName is required',
    ]);
  });

  it('requires a DNS-1123 subdomain name', () => {
    expect(validate(pod({ containers: [{ name: 'c', image: 'x' }] }, 'Web_1'))).toEqual([
      `metadata.name: Invalid value: "Web_1": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ]);
  });

  it('requires at least one container', () => {
    expect(validate(pod({}))).toEqual(['spec.containers: Required value']);
  });

  it('requires container images and DNS-1123 label names, unique', () => {
    expect(validate(pod({ containers: [{ name: 'web', image: '' }, { name: 'web', image: 'x' }, { name: 'Side.Car', image: 'x' }] }))).toEqual([
      'spec.containers[0].image: Required value',
      'spec.containers[1].name: Duplicate value: "web"',
      `spec.containers[2].name: Invalid value: "Side.Car": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    ]);
  });

  it('checks restartPolicy, dnsPolicy and ports', () => {
    expect(
      validate(
        pod({
          containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 70000 }, { containerPort: 0, protocol: 'HTTP' }] }],
          restartPolicy: 'Sometimes',
          dnsPolicy: 'Cluster',
        }),
      ),
    ).toEqual([
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.containers[0].ports[1].containerPort: Required value',
      'spec.containers[0].ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      'spec.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
    ]);
  });

  it('checks volume mounts against volumes and requests against limits', () => {
    expect(
      validate(
        pod({
          containers: [
            { name: 'c', image: 'x', volumeMounts: [{ name: 'missing', mountPath: '/m' }], resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } },
          ],
        }),
      ),
    ).toEqual([
      'spec.containers[0].volumeMounts[0].name: Not found: "missing"',
      'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
    ]);
  });

  it('checks label keys and values', () => {
    const obj = defaulted({ metadata: { name: 'p', labels: { 'a/b/c': 'ok', app: 'not ok' } }, spec: { containers: [{ name: 'c', image: 'x' }] } });
    expect(validate(obj)).toEqual([
      `metadata.labels: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      `metadata.labels: Invalid value: "not ok": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ]);
  });
});

describe('podStrategy.validateUpdate', () => {
  const stored = defaulted(kubectlRunBody);
  const update = (change: (spec: Record<string, unknown>) => void): string[] => {
    const next = body(stored);
    change(next.spec as Record<string, unknown>);
    podStrategy.applyDefaults?.(next, noAllocationContext);
    return messages(podStrategy.validateUpdate?.(next, stored));
  };
  const containers = (spec: Record<string, unknown>): Record<string, unknown>[] => spec.containers as Record<string, unknown>[];

  it('allows changing images, adding tolerations and lowering activeDeadlineSeconds', () => {
    expect(
      update((spec) => {
        const first = containers(spec)[0];
        if (first) first.image = 'nginx:1.26';
        (spec.tolerations as unknown[]).push({ key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' });
        spec.activeDeadlineSeconds = 60;
      }),
    ).toEqual([]);
  });

  it('forbids changing anything else', () => {
    const errors = update((spec) => {
      const first = containers(spec)[0];
      if (first) first.ports = [{ containerPort: 8080 }];
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^spec: Forbidden: pod updates may not change fields other than `spec\.containers\[\*\]\.image`,`spec\.initContainers\[\*\]\.image`,`spec\.activeDeadlineSeconds`,`spec\.tolerations` \(only additions to existing tolerations\),`spec\.terminationGracePeriodSeconds` \(allow it to be set to 1 if it was previously negative\)\n/,
    );
  });

  it('forbids adding or removing containers', () => {
    expect(update((spec) => containers(spec).push({ name: 'side', image: 'busybox' }))).toEqual([
      'spec.containers: Forbidden: pod updates may not add or remove containers',
    ]);
  });

  it('forbids removing tolerations and clearing images', () => {
    expect(
      update((spec) => {
        // A changed operator still tolerates the taint, so admission does not add it back.
        (spec.tolerations as unknown[])[0] = { key: 'node.kubernetes.io/not-ready', operator: 'Equal', value: 'x', effect: 'NoExecute' };
      }),
    ).toEqual(['spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds']);
    expect(
      update((spec) => {
        const first = containers(spec)[0];
        if (first) first.image = '';
      }),
    ).toEqual(['spec.containers[0].image: Required value']);
  });

  it('accepts a metadata-only change', () => {
    const next = body(stored);
    next.metadata.labels = { run: 'nginx', tier: 'web' };
    expect(messages(podStrategy.validateUpdate?.(next, stored))).toEqual([]);
  });
});
