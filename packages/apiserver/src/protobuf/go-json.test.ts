import protobuf from 'protobufjs/minimal.js';
import { describe, expect, it } from 'vitest';
import { messageToJson } from './go-json.js';
import { decodeMessage } from './message-decoder.js';
import { messageDescriptor } from './message-registry.js';
import { defineMessages } from './message-schema.js';
import { toProtobufRoot } from './protobufjs-root.js';

const root = toProtobufRoot();
const encode = (type: string, value: Record<string, unknown>): Uint8Array => root.lookupType(type).encode(value).finish();
const json = (type: string, value: Record<string, unknown>) => messageToJson(decodeMessage(messageDescriptor(type), encode(type, value)));

// A holder for the time types, which no kind we decode carries as MicroTime.
const holder = defineMessages('test', {
  Times: `
    1 at meta.v1.Time
    2 micro meta.v1.MicroTime
    3 maybe *meta.v1.MicroTime?
  `,
}).get('test.Times')!;

function times(fields: (writer: protobuf.Writer) => protobuf.Writer): Record<string, unknown> {
  return messageToJson(decodeMessage(holder, fields(new protobuf.Writer()).finish()));
}
const timestamp = (seconds: number, nanos = 0) => encode('meta.v1.Time', { seconds, nanos });

describe('Go encoding/json emulation', () => {
  it('writes zero non-pointer scalars unless omitempty, and set pointers even when zero', () => {
    expect(json('core.v1.ContainerPort', { name: '', hostPort: 0, containerPort: 0, protocol: '' })).toEqual({ containerPort: 0 });
    expect(json('apps.v1.DeploymentSpec', { replicas: 0, paused: false, minReadySeconds: 0 })).toMatchObject({ replicas: 0 });
    expect(json('apps.v1.DeploymentSpec', { replicas: 0 })).not.toHaveProperty('paused');
  });

  it('writes unset pointers and nil slices without omitempty as null', () => {
    expect(json('core.v1.GRPCAction', { port: 9000 })).toEqual({ port: 9000, service: null });
    expect(json('core.v1.PodSpec', {})).toEqual({ containers: null });
    expect(json('core.v1.TypedLocalObjectReference', { kind: 'VolumeSnapshot', name: 's' })).toEqual({ apiGroup: null, kind: 'VolumeSnapshot', name: 's' });
    expect(json('core.v1.ProjectedVolumeSource', {})).toEqual({ sources: null });
  });

  it('always writes non-pointer structs, omitempty or not', () => {
    expect(json('core.v1.Container', { name: 'c' })).toEqual({ name: 'c', resources: {} });
    expect(json('core.v1.Service', {})).toEqual({ metadata: { creationTimestamp: null }, spec: {}, status: { loadBalancer: {} } });
  });

  it('inlines embedded structs', () => {
    expect(json('core.v1.Volume', { name: 'v', volumeSource: { secret: { secretName: 's', defaultMode: 0 } } })).toEqual({
      name: 'v',
      secret: { secretName: 's', defaultMode: 0 },
    });
    expect(json('core.v1.EphemeralContainer', { ephemeralContainerCommon: { name: 'debug', image: 'busybox' }, targetContainerName: 'app' })).toEqual({
      name: 'debug',
      image: 'busybox',
      resources: {},
      targetContainerName: 'app',
    });
  });

  it('sorts map keys by their bytes, as Go does', () => {
    expect(Object.keys(json('core.v1.ConfigMap', { data: { b: '1', a: '2', B: '3' } }).data as object)).toEqual(['B', 'a', 'b']);
  });

  it('writes IntOrString as its number or string', () => {
    expect(json('core.v1.TCPSocketAction', { port: { type: 0, intVal: 80 } })).toEqual({ port: 80 });
    expect(json('core.v1.TCPSocketAction', { port: { type: 1, strVal: 'http' } })).toEqual({ port: 'http' });
    expect(json('core.v1.TCPSocketAction', {})).toEqual({ port: 0 });
    expect(() => json('core.v1.TCPSocketAction', { port: { type: 2 } })).toThrow('impossible IntOrString.Type');
  });

  it('writes Quantity as its string, and the zero Quantity as "0"', () => {
    expect(json('core.v1.EmptyDirVolumeSource', { sizeLimit: { string: '500Mi' } })).toEqual({ sizeLimit: '500Mi' });
    expect(json('core.v1.EmptyDirVolumeSource', { sizeLimit: {} })).toEqual({ sizeLimit: '0' });
    expect(() => json('core.v1.EmptyDirVolumeSource', { sizeLimit: { string: '' } })).toThrow(/^quantities must match/);
  });

  it('writes Time in RFC 3339 seconds and MicroTime with microseconds; the zero time is null', () => {
    expect(times((w) => w.uint32(0x0a).bytes(timestamp(1700000000, 123456789)).uint32(0x12).bytes(timestamp(1700000000, 123456789)))).toEqual({
      at: '2023-11-14T22:13:20Z',
      micro: '2023-11-14T22:13:20.123456Z',
    });
    // An empty Time is Go's zero time: null. Only a message that says seconds=0 is the epoch.
    expect(times((w) => w.uint32(0x0a).bytes(new Uint8Array()).uint32(0x1a).bytes(new Uint8Array()))).toEqual({ at: null, micro: null, maybe: null });
    expect(times((w) => w.uint32(0x0a).bytes(timestamp(0)))).toEqual({ at: '1970-01-01T00:00:00Z', micro: null });
    expect(times((w) => w.uint32(0x0a).bytes(timestamp(-62135596800)))).toEqual({ at: null, micro: null });
    expect(times((w) => w)).toEqual({ at: null, micro: null });
  });

  it('writes FieldsV1 as the JSON it holds', () => {
    const entry = { manager: 'kubectl', operation: 'Update', fieldsType: 'FieldsV1', fieldsV1: { raw: Buffer.from('{"f:data":{".":{}}}') }, time: { seconds: 1 } };
    expect(json('meta.v1.ManagedFieldsEntry', entry)).toEqual({
      manager: 'kubectl',
      operation: 'Update',
      time: '1970-01-01T00:00:01Z',
      fieldsType: 'FieldsV1',
      fieldsV1: { 'f:data': { '.': {} } },
    });
    expect(() => json('meta.v1.ManagedFieldsEntry', { fieldsV1: { raw: Buffer.from('{') } })).toThrow(/^json: error calling MarshalJSON for type \*v1.FieldsV1/);
  });
});
