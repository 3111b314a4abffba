import protobuf from 'protobufjs/minimal.js';
import { describe, expect, it } from 'vitest';
import { messageToJson } from './go-json.js';
import { decodeMessage } from './message-decoder.js';
import { messageDescriptor } from './message-registry.js';
import { toProtobufRoot } from './protobufjs-root.js';

const root = toProtobufRoot();
const encode = (type: string, value: Record<string, unknown>): Uint8Array => root.lookupType(type).encode(value).finish();
const concat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((part) => [...part]));
const json = (type: string, bytes: Uint8Array): Record<string, unknown> => messageToJson(decodeMessage(messageDescriptor(type), bytes));

describe('decodeMessage', () => {
  it('skips unknown fields of every wire type, groups included, at any depth', () => {
    const unknown = new protobuf.Writer()
      .uint32((100 << 3) | 0).int64(-1)
      .uint32((101 << 3) | 1).fixed64(7)
      .uint32((102 << 3) | 2).bytes(Uint8Array.of(1, 2, 3))
      .uint32((103 << 3) | 3).uint32((1 << 3) | 0).uint32(5).uint32((104 << 3) | 3).uint32((104 << 3) | 4).uint32((103 << 3) | 4)
      .uint32((105 << 3) | 5).fixed32(9)
      .finish();
    const metadata = concat(encode('meta.v1.ObjectMeta', { name: 'x' }), unknown);
    const bytes = concat(unknown, new protobuf.Writer().uint32(0x0a).bytes(metadata).finish(), unknown);
    expect(json('core.v1.ConfigMap', bytes)).toEqual({ metadata: { name: 'x', creationTimestamp: null } });
  });

  it('merges a repeated singular message, keeps the last scalar, appends to lists', () => {
    const first = encode('core.v1.ConfigMap', { metadata: { name: 'a', finalizers: ['one'], labels: { k: '1' } } });
    const second = encode('core.v1.ConfigMap', { metadata: { name: 'b', namespace: 'ns', finalizers: ['two'], labels: { k: '2', l: '3' } } });
    expect(json('core.v1.ConfigMap', concat(first, second))).toEqual({
      metadata: { name: 'b', namespace: 'ns', creationTimestamp: null, labels: { k: '2', l: '3' }, finalizers: ['one', 'two'] },
    });
  });

  it('reads repeated numbers packed or not, as gogo-protobuf accepts both', () => {
    const unpacked = new protobuf.Writer().uint32((4 << 3) | 0).int64(1).uint32((4 << 3) | 0).int64(2).finish();
    const packed = new protobuf.Writer().uint32((4 << 3) | 2).fork().int64(3).int64(-4).ldelim().finish();
    expect(json('core.v1.PodSecurityContext', concat(unpacked, packed))).toEqual({ supplementalGroups: [1, 2, 3, -4] });
  });

  it('converts varints as Go does: int32 and int64 two’s complement, any non-zero bool true', () => {
    const bytes = new protobuf.Writer()
      .uint32((1 << 3) | 0).int64(-5) // exitCode int32, sent as a 10-byte negative varint
      .uint32((2 << 3) | 0).int32(-1)
      .finish();
    expect(json('core.v1.ContainerStateTerminated', bytes)).toMatchObject({ exitCode: -5, signal: -1 });
    const stdin = new protobuf.Writer().uint32((16 << 3) | 0).uint32(2).finish();
    expect(json('core.v1.Container', stdin)).toMatchObject({ stdin: true });
    const seconds = new protobuf.Writer().uint32((1 << 3) | 0).int64(-3).finish();
    expect(json('core.v1.SleepAction', seconds)).toEqual({ seconds: -3 });
  });

  it('gives map entries without a value their zero value and lets a later key win', () => {
    const entry = (key: string | undefined, value?: Uint8Array) => {
      const writer = new protobuf.Writer();
      if (key !== undefined) writer.uint32(0x0a).string(key);
      if (value) writer.uint32(0x12).bytes(value);
      return writer.finish();
    };
    const limits = new protobuf.Writer()
      .uint32(0x0a).bytes(entry('cpu'))
      .uint32(0x0a).bytes(entry('memory', encode('resource.Quantity', { string: '1Gi' })))
      .uint32(0x0a).bytes(entry('memory', encode('resource.Quantity', { string: '2Gi' })))
      .uint32(0x0a).bytes(entry(undefined, encode('resource.Quantity', { string: '1' })))
      .finish();
    expect(json('core.v1.ResourceRequirements', limits)).toEqual({ limits: { '': '1', cpu: '0', memory: '2Gi' } });
  });

  it('replaces invalid UTF-8 as Go’s encoding/json does', () => {
    const bytes = new protobuf.Writer().uint32(0x0a).bytes(Uint8Array.of(0x61, 0xff, 0x62)).finish();
    expect(json('core.v1.LocalObjectReference', bytes)).toEqual({ name: 'a\uFFFDb' });
  });
});
