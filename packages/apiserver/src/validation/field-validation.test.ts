import { builtinSchemas } from '@minik/types';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors/index.js';
import { checkFields, checkParsedFields, checkPatchDuplicates, fieldValidationOutcome, mergeFieldChecks } from './field-validation.js';
import { shapeOfDefinition } from './schema-shape.js';
import { pruneUnknownFields } from './value-walk.js';
import { warningHeaderValue } from './warning-header.js';
import { fieldValidationDirective } from './write-validation.js';

const deployment = 'io.k8s.api.apps.v1.Deployment';
const pod = 'io.k8s.api.core.v1.Pod';
const check = (typeName: string, text: string) => checkFields(builtinSchemas, typeName, text, JSON.parse(text));

describe('checkFields', () => {
  it('finds nothing in a valid object', () => {
    const text = JSON.stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web' }, annotations: { 'a/b': 'c' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '1' } } }] },
        },
      },
      status: {},
    });
    expect(check(deployment, text)).toEqual({ unknown: [], duplicates: [], errors: [] });
  });

  it('names unknown fields by their path, array items by index', () => {
    const text = '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"x","bogus":1},"spec":{"foo":{"deep":1},"template":{"spec":{"containers":[{"name":"a"},{"name":"b","bar":true}]}}},"top":1}';
    const result = check(deployment, text);
    expect(result.unknown).toEqual(['metadata.bogus', 'spec.foo', 'spec.template.spec.containers[1].bar', 'top']);
    expect(result.errors).toEqual([
      'unknown field "metadata.bogus"',
      'unknown field "spec.foo"',
      'unknown field "spec.template.spec.containers[1].bar"',
      'unknown field "top"',
    ]);
  });

  it('is case-sensitive, as upstream decodes', () => {
    expect(check(pod, '{"Metadata":{},"spec":{"Containers":[]}}').unknown).toEqual(['Metadata', 'spec.Containers']);
  });

  it('finds duplicate keys in the raw text, in document order with the unknown fields', () => {
    const text = '{"metadata":{"name":"a","name":"b","labels":{"x":"1","x":"2"}},"spec":{"foo":1,"containers":[{"name":"c","image":"i","image":"j"}]}}';
    const result = check(pod, text);
    expect(result.duplicates).toEqual(['metadata.name', 'metadata.labels.x', 'spec.containers[0].image']);
    expect(result.errors).toEqual([
      'duplicate field "metadata.name"',
      'duplicate field "metadata.labels.x"',
      'unknown field "spec.foo"',
      'duplicate field "spec.containers[0].image"',
    ]);
  });

  it('reports each message once', () => {
    expect(check(pod, '{"foo":1,"foo":2}').errors).toEqual(['unknown field "foo"']);
  });

  it('does not look inside opaque values (RawExtension, FieldsV1) or unknown subtrees', () => {
    const text = '{"metadata":{"managedFields":[{"manager":"m","fieldsV1":{"f:spec":{},"f:spec":{}}}]},"spec":{"x":{"a":1,"a":2}}}';
    expect(check(pod, text).errors).toEqual(['unknown field "spec.x"']);
  });

  it('handles escaped keys and strings', () => {
    const text = '{"metadata":{"annotations":{"a\\"b":"x\\\\y","a\\"b":"z"}},"spec":{"f\\u006fo":1}}';
    expect(check(pod, text).errors).toEqual(['duplicate field "metadata.annotations.a\\"b"', 'unknown field "spec.foo"']);
  });

  it('reports YAML duplicate keys the way go-yaml does, then the unknown fields', () => {
    const yaml = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\nspec:\n  foo: 1\n';
    const result = checkFields(builtinSchemas, pod, yaml, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'b' }, spec: { foo: 1 } });
    expect(result.errors).toEqual(['error converting YAML to JSON: yaml: unmarshal errors:\n  line 5: key "name" already set in map', 'unknown field "spec.foo"']);
  });

  it('has nothing to say about types without a schema', () => {
    expect(check('io.k8s.api.example.v1.Unknown', '{"foo":1}').errors).toEqual([]);
  });
});

describe('patch checks', () => {
  it('finds duplicate keys of a merge patch body anywhere, and unknown fields of the patched object', () => {
    const dups = checkPatchDuplicates('{"spec":{"replicas":1,"replicas":2,"$setElementOrder/containers":[{"name":"a","name":"b"}]}}');
    expect(dups.errors).toEqual(['duplicate field "spec.replicas"', 'duplicate field "spec.$setElementOrder/containers[0].name"']);
    const unknown = checkParsedFields(builtinSchemas, deployment, { spec: { foo: 1, template: { spec: { containers: [{ name: 'a', bar: 1 }] } } } });
    expect(mergeFieldChecks(dups, unknown).errors).toEqual([
      'duplicate field "spec.replicas"',
      'duplicate field "spec.$setElementOrder/containers[0].name"',
      'unknown field "spec.foo"',
      'unknown field "spec.template.spec.containers[0].bar"',
    ]);
  });
});

describe('fieldValidationOutcome', () => {
  const result = check(deployment, '{"metadata":{"name":"a","name":"b"},"spec":{"foo":1}}');

  it('Strict: 400 with upstream’s create/update wording', () => {
    const outcome = fieldValidationOutcome('Strict', result, { kind: 'Deployment', version: 'v1' });
    expect(outcome).toBeInstanceOf(ApiError);
    const error = outcome as ApiError;
    expect(error.code).toBe(400);
    expect(error.reason).toBe('BadRequest');
    expect(error.message).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: duplicate field "metadata.name", unknown field "spec.foo"',
    );
  });

  it('Strict: the bare strict decoding error for patches', () => {
    expect((fieldValidationOutcome('Strict', result) as ApiError).message).toBe('strict decoding error: duplicate field "metadata.name", unknown field "spec.foo"');
  });

  it('Warn: one warning per error, YAML duplicates one per line', () => {
    expect(fieldValidationOutcome('Warn', result)).toEqual(['duplicate field "metadata.name"', 'unknown field "spec.foo"']);
    const yaml = { unknown: [], duplicates: [], errors: ['error converting YAML to JSON: yaml: unmarshal errors:\n  line 3: key "a" already set in map\n  line 7: key "b" already set in map'] };
    expect(fieldValidationOutcome('Warn', yaml)).toEqual(['line 3: key "a" already set in map', 'line 7: key "b" already set in map']);
  });

  it('Ignore, or nothing found: nothing', () => {
    expect(fieldValidationOutcome('Ignore', result)).toEqual([]);
    expect(fieldValidationOutcome('Strict', { unknown: [], duplicates: [], errors: [] })).toEqual([]);
  });

  it('an absent or empty fieldValidation means Warn on the server', () => {
    expect(fieldValidationDirective(new URLSearchParams(), 'Strict')).toBe('Warn');
    expect(fieldValidationDirective(new URLSearchParams('fieldValidation='), 'Strict')).toBe('Warn');
    expect(fieldValidationDirective(new URLSearchParams('fieldValidation=Strict'), 'Strict')).toBe('Strict');
  });
});

describe('warnings and pruning', () => {
  it('formats Warning headers as upstream does', () => {
    expect(warningHeaderValue(['unknown field "spec.foo"', 'unknown field "spec.foo"', 'x\\y'])).toBe('299 - "unknown field \\"spec.foo\\"", 299 - "x\\\\y"');
    expect(warningHeaderValue([])).toBeUndefined();
  });

  it('drops unknown fields and keeps everything else', () => {
    const obj = {
      apiVersion: 'apps/v1',
      metadata: { name: 'a', bogus: 1, labels: { keep: 'me' } },
      spec: { foo: 1, replicas: 1, template: { spec: { containers: [{ name: 'c', bar: 2 }] } } },
    };
    pruneUnknownFields(obj, builtinSchemas, shapeOfDefinition(builtinSchemas, deployment)!);
    expect(obj).toEqual({ apiVersion: 'apps/v1', metadata: { name: 'a', labels: { keep: 'me' } }, spec: { replicas: 1, template: { spec: { containers: [{ name: 'c' }] } } } });
  });
});
