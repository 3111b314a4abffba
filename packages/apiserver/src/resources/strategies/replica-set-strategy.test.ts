import { describe, expect, it } from 'vitest';
import { replicaSetStrategy } from './replica-set-strategy.js';
import { body, messages, noAllocationContext } from './test-context.js';

const rsBody = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'web-7d4b9c8f5', labels: { app: 'web', 'pod-template-hash': '7d4b9c8f5' } },
  spec: {
    selector: { matchLabels: { app: 'web', 'pod-template-hash': '7d4b9c8f5' } },
    template: {
      metadata: { labels: { app: 'web', 'pod-template-hash': '7d4b9c8f5' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
    },
  },
};

describe('replicaSetStrategy', () => {
  it('defaults replicas, the template and a zero status', () => {
    const obj = body(rsBody);
    replicaSetStrategy.applyDefaults?.(obj, noAllocationContext);
    const spec = obj.spec as { replicas: number; template: { metadata: unknown; spec: Record<string, unknown> } };
    expect(spec.replicas).toBe(1);
    expect(spec.template.metadata).toEqual({ labels: rsBody.spec.template.metadata.labels, creationTimestamp: null });
    expect(spec.template.spec).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30 });
    expect((spec.template.spec.containers as { imagePullPolicy: string }[])[0]?.imagePullPolicy).toBe('Always');
    expect(obj.status).toEqual({ replicas: 0 });
    expect(messages(replicaSetStrategy.validateCreate?.(obj))).toEqual([]);
  });

  it('shares the selector rules of Deployments', () => {
    const obj = body(rsBody);
    (obj.spec as { selector: unknown }).selector = { matchLabels: { app: 'api' } };
    replicaSetStrategy.applyDefaults?.(obj, noAllocationContext);
    expect(messages(replicaSetStrategy.validateCreate?.(obj))).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web", "pod-template-hash":"7d4b9c8f5"}: `selector` does not match template `labels`',
    ]);
  });

  it('keeps the selector immutable', () => {
    const stored = body(rsBody);
    replicaSetStrategy.applyDefaults?.(stored, noAllocationContext);
    const next = body(stored);
    (next.spec as { selector: { matchExpressions?: unknown } }).selector.matchExpressions = [{ key: 'app', operator: 'Exists' }];
    expect(messages(replicaSetStrategy.validateUpdate?.(next, stored))).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "pod-template-hash":"7d4b9c8f5"}, MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"app", Operator:"Exists", Values:[]string(nil)}}}: field is immutable',
    ]);
  });
});
