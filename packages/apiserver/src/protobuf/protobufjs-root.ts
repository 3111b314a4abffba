import protobuf from 'protobufjs/light.js';
import { messageRegistry } from './message-registry.js';
import type { FieldDescriptor } from './message-schema.js';

/**
 * A protobufjs reflection Root built from our message tables (every message under its package,
 * e.g. `core.v1.Container`), for encoding test vectors and any future protobuf writer.
 */
export function toProtobufRoot(): protobuf.Root {
  const root = new protobuf.Root();
  for (const descriptor of messageRegistry.values()) {
    const pkg = descriptor.fullName.slice(0, -descriptor.name.length - 1);
    const type = new protobuf.Type(descriptor.name);
    for (const field of descriptor.fields) type.add(toField(field));
    root.define(pkg).add(type);
  }
  root.resolveAll();
  return root;
}

function toField(field: FieldDescriptor): protobuf.FieldBase {
  const type = typeof field.type === 'string' ? field.type : `.${field.type.message}`;
  if (field.cardinality === 'map') return new protobuf.MapField(field.name, field.number, 'string', type);
  return new protobuf.Field(field.name, field.number, type, field.cardinality === 'repeated' ? 'repeated' : 'optional');
}
