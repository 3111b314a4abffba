import type { KubeObject } from '@minik/types';
import { badRequest, unrecognizedBody } from '../errors/index.js';
import { messageToJson } from './go-json.js';
import { decodeMessage, type DecodedMessage } from './message-decoder.js';
import { messageDescriptor, protobufKinds } from './message-registry.js';
import { ProtoDecodeError } from './wire-reader.js';

/** The media type kubectl 1.32+ and client-go's typed clients send built-in kinds in. */
export const protobufMediaType = 'application/vnd.kubernetes.protobuf';

// "k8s\0": the prefix apimachinery's protobuf serializer puts before every runtime.Unknown.
const magic = Uint8Array.of(0x6b, 0x38, 0x73, 0x00);

/** The endpoint's own apiVersion and kind: defaults for the envelope, and words for errors. */
export interface ProtobufTarget {
  readonly apiVersion: string;
  readonly kind: string;
}

interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/**
 * Decodes an `application/vnd.kubernetes.protobuf` body (the `k8s\0` envelope around a
 * runtime.Unknown whose `raw` is the object) into the JSON object a JSON client would have
 * sent, with apiVersion/kind from the envelope (defaulted from `target`, as upstream does).
 * Malformed input is a 400 worded like upstream's create handler words decode errors.
 */
export function decodeProtobufObject(body: Uint8Array, target?: ProtobufTarget): KubeObject {
  const expectedKind = target?.kind ?? 'Unknown';
  let envelope: DecodedMessage;
  try {
    envelope = decodeEnvelope(body);
  } catch (error) {
    throw unrecognizedBody(expectedKind, errorMessage(error), body);
  }
  const typeMeta = envelope.values.get(1) as DecodedMessage | undefined;
  const apiVersion = (typeMeta?.values.get(1) as string | undefined) ?? '';
  const kind = (typeMeta?.values.get(2) as string | undefined) ?? '';
  const gvk = withDefaults(parseGroupVersionKind(apiVersion, kind), target);
  const goTypeMeta = `runtime.TypeMeta{APIVersion:${JSON.stringify(apiVersion)}, Kind:${JSON.stringify(kind)}}`;
  if (gvk.kind === '') throw unrecognizedBody(expectedKind, `Object 'Kind' is missing in '${goTypeMeta}'`, body);
  if (gvk.version === '') throw unrecognizedBody(expectedKind, `Object 'apiVersion' is missing in '${goTypeMeta}'`, body);

  const resolvedApiVersion = gvk.group === '' ? gvk.version : `${gvk.group}/${gvk.version}`;
  const cannotHandle = (why: string) =>
    badRequest(`${gvk.kind} in version "${gvk.version}" cannot be handled as a ${target?.kind ?? gvk.kind}: ${why}`);
  const messageName = protobufKinds[resolvedApiVersion]?.[gvk.kind];
  if (messageName === undefined) throw cannotHandle(`no kind "${gvk.kind}" is registered for version "${resolvedApiVersion}"`);
  const raw = (envelope.values.get(2) as Uint8Array | undefined) ?? new Uint8Array();
  try {
    const object = messageToJson(decodeMessage(messageDescriptor(messageName), raw));
    // TypeMeta is inlined first in every Go object: kind, then apiVersion.
    return { kind: gvk.kind, apiVersion: resolvedApiVersion, ...object } as unknown as KubeObject;
  } catch (error) {
    throw cannotHandle(errorMessage(error));
  }
}

/** Checks the prefix and reads the runtime.Unknown behind it (runtime/serializer/protobuf). */
function decodeEnvelope(body: Uint8Array): DecodedMessage {
  if (body.length === 0) throw new ProtoDecodeError('empty data');
  if (body.length < magic.length || magic.some((byte, i) => body[i] !== byte)) {
    throw new ProtoDecodeError(`provided data does not appear to be a protobuf message, expected prefix [${magic.join(' ')}]`);
  }
  if (body.length === magic.length) throw new ProtoDecodeError('empty body');
  return decodeMessage(messageDescriptor('runtime.Unknown'), body.subarray(magic.length));
}

/** schema.FromAPIVersionAndKind: an unparseable apiVersion leaves only the kind. */
function parseGroupVersionKind(apiVersion: string, kind: string): GroupVersionKind {
  const parts = apiVersion.split('/');
  if (apiVersion === '') return { group: '', version: '', kind };
  if (parts.length === 1) return { group: '', version: apiVersion, kind };
  if (parts.length === 2) return { group: parts[0]!, version: parts[1]!, kind };
  return { group: '', version: '', kind };
}

/** copyKindDefaults: an empty kind or version comes from the endpoint's. */
function withDefaults(gvk: GroupVersionKind, target: ProtobufTarget | undefined): GroupVersionKind {
  if (!target) return gvk;
  const defaults = parseGroupVersionKind(target.apiVersion, target.kind);
  return {
    kind: gvk.kind === '' ? defaults.kind : gvk.kind,
    ...(gvk.version === '' && defaults.version !== '' ? { group: defaults.group, version: defaults.version } : { group: gvk.group, version: gvk.version }),
  };
}

function errorMessage(error: unknown): string {
  if (error instanceof ProtoDecodeError) return error.message;
  throw error;
}
