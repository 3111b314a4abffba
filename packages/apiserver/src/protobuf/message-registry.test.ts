import { describe, expect, it } from 'vitest';
import { messageDescriptor, messageRegistry, protobufKinds } from './message-registry.js';
import { defineMessages, messageTypeOf } from './message-schema.js';
import { toProtobufRoot } from './protobufjs-root.js';

describe('the message tables', () => {
  it('reference only described messages', () => {
    const missing = [...messageRegistry.values()].flatMap((message) =>
      message.fields.flatMap((field) => {
        const type = messageTypeOf(field);
        return type !== undefined && !messageRegistry.has(type) ? [`${message.fullName}.${field.name} -> ${type}`] : [];
      }),
    );
    expect(missing).toEqual([]);
  });

  it('give every protobuf kind a message with metadata as field 1', () => {
    for (const kinds of Object.values(protobufKinds)) {
      for (const name of Object.values(kinds)) {
        expect(messageDescriptor(name).byNumber.get(1), name).toMatchObject({ name: 'metadata', type: { message: 'meta.v1.ObjectMeta' } });
      }
    }
  });

  it('inline only struct fields, and never reuse a JSON name inside one object', () => {
    for (const message of messageRegistry.values()) {
      const names = message.fields.flatMap((field) => (field.inline ? messageDescriptor(messageTypeOf(field)!).fields.map((f) => f.name) : [field.name]));
      expect(new Set(names).size, message.fullName).toBe(names.length);
    }
  });

  it('build a protobufjs Root that resolves every type', () => {
    const root = toProtobufRoot();
    expect(root.lookupType('core.v1.PodSpec').fields.containers?.resolvedType?.fullName).toBe('.core.v1.Container');
  });

  it('reject a field number used twice and an unparseable line', () => {
    expect(() => defineMessages('test', { Twice: '1 a string\n1 b string' })).toThrow('field number 1 used twice');
    expect(() => defineMessages('test', { Bad: '1 a' })).toThrow('cannot parse field "1 a"');
  });
});
