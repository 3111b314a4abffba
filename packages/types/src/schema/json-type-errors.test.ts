import { builtinSchemas } from './builtin-schemas.js';
import { describe, expect, it } from 'vitest';
import { firstJsonTypeError, firstMetadataTypeError, jsonTypeErrorMessage, unstructuredConversionMessage } from './json-type-errors.js';

const deployment = 'io.k8s.api.apps.v1.Deployment';
const pod = 'io.k8s.api.core.v1.Pod';
const secret = 'io.k8s.api.core.v1.Secret';
const message = (typeName: string, value: unknown): string | undefined => {
  const error = firstJsonTypeError(value, builtinSchemas, typeName);
  return error && jsonTypeErrorMessage(error);
};
const podWith = (container: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx', ...container }] } });

describe('firstJsonTypeError', () => {
  it('finds nothing in a well-typed object, nulls and unknown fields included', () => {
    const ok = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web' }, creationTimestamp: null, bogus: 12 },
      spec: {
        replicas: 2,
        paused: false,
        selector: { matchLabels: { app: 'web' } },
        strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }], resources: { limits: { cpu: 1, memory: '1Gi' } }, foo: [1] }] },
        },
      },
    };
    expect(firstJsonTypeError(ok, builtinSchemas, deployment)).toBeUndefined();
  });

  it('words a scalar of the wrong JSON type as encoding/json does: innermost struct, path without indexes, Go type', () => {
    expect(message(deployment, { spec: { replicas: 'x' } })).toBe('json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32');
    expect(message(deployment, { spec: { template: { spec: { containers: [{ name: 'c' }, { env: [{ name: 'PORT', value: 8080 }] }] } } } })).toBe(
      'json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string',
    );
    expect(message(pod, podWith({ stdin: 'yes' }))).toBe('json: cannot unmarshal string into Go struct field Container.spec.containers.stdin of type bool');
    expect(message(pod, podWith({ command: ['sh', 1] }))).toBe('json: cannot unmarshal number into Go struct field Container.spec.containers.command of type string');
  });

  it('names map values by their map field, and the Go types of structs, lists and maps', () => {
    expect(message(pod, { metadata: { labels: { tier: 1 } } })).toBe('json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string');
    expect(message(pod, { metadata: 'web' })).toBe('json: cannot unmarshal string into Go struct field Pod.metadata of type v1.ObjectMeta');
    expect(message(pod, { spec: { containers: { name: 'c' } } })).toBe('json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container');
    expect(message(pod, { metadata: { labels: ['a'] } })).toBe('json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string');
    expect(message(pod, podWith({ resources: { limits: 'lots' } }))).toBe('json: cannot unmarshal string into Go struct field ResourceRequirements.spec.containers.resources.limits of type v1.ResourceList');
  });

  it('names a number that is no integer of the type with its value', () => {
    expect(message(deployment, { spec: { replicas: 1.5 } })).toBe('json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32');
    expect(message(deployment, { spec: { replicas: 3_000_000_000 } })).toBe('json: cannot unmarshal number 3000000000 into Go struct field DeploymentSpec.spec.replicas of type int32');
    expect(message(pod, { spec: { activeDeadlineSeconds: 3_000_000_000 } })).toBeUndefined();
  });

  it('follows the types with their own JSON decoding: IntOrString, Time, bytes; Quantity reports its own errors', () => {
    expect(message(deployment, { spec: { strategy: { rollingUpdate: { maxSurge: true } } } })).toBe(
      'json: cannot unmarshal bool into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32',
    );
    expect(message(pod, { metadata: { creationTimestamp: 5 } })).toBe('json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string');
    expect(message(secret, { data: { a: 5 } })).toBe('json: cannot unmarshal number into Go struct field Secret.data of type []uint8');
    expect(message(secret, { data: { a: [104, 105] } })).toBeUndefined();
    expect(message(pod, podWith({ resources: { limits: { cpu: true } } }))).toBeUndefined();
  });

  it('checks an object\'s metadata alone as kubectl does before sending it', () => {
    const error = firstMetadataTypeError({ name: 'x', annotations: { port: 80 } }, builtinSchemas);
    expect(error && jsonTypeErrorMessage(error)).toBe('json: cannot unmarshal number into Go struct field ObjectMeta.metadata.annotations of type string');
    expect(firstMetadataTypeError({ name: 'x', labels: { a: 'b' } }, builtinSchemas)).toBeUndefined();
  });

  it('reports the first mismatch in document order', () => {
    expect(message(deployment, { spec: { paused: 'no', replicas: 'x' } })).toBe('json: cannot unmarshal string into Go struct field DeploymentSpec.spec.paused of type bool');
  });
});

describe('unstructuredConversionMessage', () => {
  const converter = (typeName: string, value: unknown) => unstructuredConversionMessage(firstJsonTypeError(value, builtinSchemas, typeName)!);

  it('words mismatches as runtime.DefaultUnstructuredConverter does', () => {
    expect(converter(deployment, { spec: { replicas: 'x' } })).toBe('unrecognized type: int32');
    expect(converter(deployment, { spec: { replicas: 1.5 } })).toBe('cannot convert float64 to int32');
    expect(converter(pod, { metadata: { labels: { tier: 1 } } })).toBe('cannot convert int64 to string');
    expect(converter(pod, { metadata: { labels: { tier: 1.5 } } })).toBe('unrecognized type: string');
    expect(converter(pod, podWith({ stdin: 'yes' }))).toBe('unrecognized type: bool');
    expect(converter(pod, { metadata: 'web' })).toBe('cannot restore struct from: string');
    expect(converter(pod, { spec: { containers: { name: 'c' } } })).toBe('cannot restore slice from map');
    expect(converter(pod, { metadata: { labels: [1] } })).toBe('cannot restore map from slice');
    expect(converter(deployment, { spec: { strategy: { rollingUpdate: { maxSurge: true } } } })).toBe('json: cannot unmarshal bool into Go value of type int32');
    expect(converter(pod, { metadata: { creationTimestamp: 5 } })).toBe('json: cannot unmarshal number into Go value of type string');
  });
});
