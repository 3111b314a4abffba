export { decodeProtobufObject, protobufMediaType, type ProtobufTarget } from './decode-protobuf-object.js';
export { messageRegistry, protobufKinds } from './message-registry.js';
