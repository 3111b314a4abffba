import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@minik/types';
import { deploymentStrategy } from './deployment-strategy.js';
import { body, messages, noAllocationContext } from './test-context.js';

// `kubectl create deployment web --image=nginx:1.25 --replicas=2 --port=80` (protocol doc §8).
const createDeploymentBody = {
  kind: 'Deployment',
  apiVersion: 'apps/v1',
  metadata: { name: 'web', creationTimestamp: null, labels: { app: 'web' } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { creationTimestamp: null, labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80 }], resources: {} }] },
    },
    strategy: {},
  },
  status: {},
};

const defaulted = (json: unknown): KubeObject => {
  const obj = body(json);
  deploymentStrategy.applyDefaults?.(obj, noAllocationContext);
  return obj;
};

const withSpec = (change: (spec: Record<string, unknown>) => void): KubeObject => {
  const json = body(createDeploymentBody);
  change(json.spec as Record<string, unknown>);
  return defaulted(json);
};

describe('deploymentStrategy.applyDefaults', () => {
  it('defaults the `kubectl create deployment` body, `strategy: {}` included', () => {
    const obj = defaulted(createDeploymentBody);
    expect(obj.spec).toEqual({
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { creationTimestamp: null, labels: { app: 'web' } },
        spec: {
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
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    });
    expect(obj.status).toEqual({});
  });

  it('defaults replicas to 1 and leaves a Recreate strategy alone', () => {
    const obj = withSpec((spec) => {
      delete spec.replicas;
      spec.strategy = { type: 'Recreate' };
    });
    expect((obj.spec as Record<string, unknown>).replicas).toBe(1);
    expect((obj.spec as Record<string, unknown>).strategy).toEqual({ type: 'Recreate' });
  });

  it('keeps explicit rolling-update values', () => {
    const obj = withSpec((spec) => {
      spec.strategy = { rollingUpdate: { maxSurge: 1 } };
    });
    expect((obj.spec as Record<string, unknown>).strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' } });
  });
});

describe('deploymentStrategy.validateCreate', () => {
  const validate = (obj: KubeObject): string[] => messages(deploymentStrategy.validateCreate?.(obj));

  it('accepts the defaulted `kubectl create deployment` body', () => {
    expect(validate(defaulted(createDeploymentBody))).toEqual([]);
  });

  it('requires the selector to match the template labels', () => {
    const obj = withSpec((spec) => {
      spec.selector = { matchLabels: { app: 'api' } };
    });
    expect(validate(obj)).toEqual(['spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`']);
  });

  it('requires a selector (and then nothing matches)', () => {
    const obj = withSpec((spec) => {
      delete spec.selector;
    });
    expect(validate(obj)).toEqual([
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
  });

  it('rejects an empty selector', () => {
    const obj = withSpec((spec) => {
      spec.selector = {};
    });
    expect(validate(obj)).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    ]);
  });

  it('checks replicas, the template and the rolling update', () => {
    const obj = withSpec((spec) => {
      spec.replicas = -1;
      spec.strategy = { rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } };
      const template = spec.template as { spec: Record<string, unknown> };
      template.spec.containers = [{ name: 'nginx' }];
      template.spec.restartPolicy = 'Never';
    });
    expect(validate(obj)).toEqual([
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'spec.template.spec.containers[0].image: Required value',
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0%: may not be 0 when `maxSurge` is 0',
    ]);
  });

  it('reports a bad selector operator once, without matching the template', () => {
    const obj = withSpec((spec) => {
      spec.selector = { matchExpressions: [{ key: 'app', operator: 'Is', values: ['web'] }] };
    });
    expect(validate(obj)).toEqual([
      'spec.selector.matchExpressions[0].operator: Invalid value: "Is": not a valid selector operator',
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"app", Operator:"Is", Values:[]string{"web"}}}}: invalid label selector',
    ]);
  });
});

describe('deploymentStrategy.validateUpdate', () => {
  const stored = defaulted(createDeploymentBody);

  it('allows scaling and new images', () => {
    const next = body(stored);
    const spec = next.spec as { replicas: number; template: { spec: { containers: { image: string }[] } } };
    spec.replicas = 5;
    const container = spec.template.spec.containers[0];
    if (container) container.image = 'nginx:1.26';
    expect(messages(deploymentStrategy.validateUpdate?.(next, stored))).toEqual([]);
  });

  it('keeps spec.selector immutable', () => {
    const next = body(stored);
    const spec = next.spec as { selector: unknown; template: { metadata: { labels: Record<string, string> } } };
    spec.selector = { matchLabels: { app: 'web2' } };
    spec.template.metadata.labels = { app: 'web2' };
    expect(messages(deploymentStrategy.validateUpdate?.(next, stored))).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });
});
