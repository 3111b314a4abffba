import type { KubeObject, ResourceDefinition } from '@minik/types';
import { groupVersionOf } from '@minik/types';
import { parse as parseYaml } from 'yaml';
import { ApiError, badRequest, unrecognizedBody } from '../errors/index.js';
import { goJsonKind } from '../patch/patch-errors.js';
import { decodeProtobufObject, protobufMediaType } from '../protobuf/index.js';
import { parseJsonAsGo } from '../util/go-json-syntax.js';
import type { ApiRequest } from './request.js';

const unsupportedBody = (): ApiError =>
  new ApiError(
    'UnsupportedMediaType',
    'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf',
  );

/** The media type of a request body, without parameters. */
export function mediaTypeOf(req: ApiRequest): string {
  return (req.header('content-type') ?? 'application/json').split(';')[0]!.trim().toLowerCase();
}

/** Parses a JSON or YAML document; throws the decode error's message (encoding/json's for JSON). */
export function parseDocument(req: ApiRequest, mediaType = mediaTypeOf(req)): unknown {
  const bytes = req.body ?? new Uint8Array();
  const text = new TextDecoder().decode(bytes);
  if (mediaType === 'application/yaml' || mediaType.endsWith('+yaml')) return parseYaml(text, { uniqueKeys: false });
  return parseJsonAsGo(text, bytes);
}

/**
 * The serializer's first read of a body, for its apiVersion and kind only (runtime/serializer/json
 * SimpleMetaFactory.Interpret), into an anonymous struct: its errors name that struct's Go type.
 */
const typeMetaStruct = 'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';

function typeMetaError(value: unknown): string | undefined {
  if (value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) return `json: cannot unmarshal ${goJsonKind(value)} into Go value of type ${typeMetaStruct}`;
  for (const field of ['apiVersion', 'kind'] as const) {
    const found = (value as Record<string, unknown>)[field];
    if (found !== undefined && found !== null && typeof found !== 'string') return `json: cannot unmarshal ${goJsonKind(found)} into Go struct field .${field} of type string`;
  }
  return undefined;
}

/**
 * A YAML body is converted to JSON first (sigs.k8s.io/yaml): `error converting YAML to JSON: yaml:
 * line 1: …`. The reason after the line is the YAML parser's own words, not go-yaml's.
 */
function yamlConversionError(error: unknown): string {
  const message = (error as Error).message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
  return `error converting YAML to JSON: yaml: ${line === undefined ? '' : `line ${line}: `}${message}`;
}

/**
 * Decodes a create/update body into an object of the endpoint's kind, with upstream's 400s for
 * malformed input and for a kind or apiVersion that does not belong to the endpoint.
 */
export function decodeObject(req: ApiRequest, def: ResourceDefinition, expectedKind = def.kind, expectedApiVersion = groupVersionOf(def)): KubeObject {
  const mediaType = mediaTypeOf(req);
  if (mediaType !== 'application/json' && mediaType !== 'application/yaml' && mediaType !== protobufMediaType) throw unsupportedBody();
  let value: unknown;
  if (mediaType === protobufMediaType) {
    // kubectl 1.32+ typed creates send protobuf; it decodes to what a JSON client sends, then goes the same way.
    value = decodeProtobufObject(req.body ?? new Uint8Array(), { apiVersion: expectedApiVersion, kind: expectedKind });
  } else {
    const body = req.body ?? new Uint8Array();
    try {
      value = parseDocument(req, mediaType);
    } catch (error) {
      const why = mediaType === 'application/yaml' ? yamlConversionError(error) : `couldn't get version/kind; json parse error: ${(error as Error).message}`;
      throw unrecognizedBody(expectedKind, why, body);
    }
    const typeError = typeMetaError(value);
    if (typeError) throw unrecognizedBody(expectedKind, `couldn't get version/kind; json parse error: ${typeError}`, body);
  }
  // Go decodes `null` into the object as nothing at all: an object without a name.
  const obj = (value ?? {}) as Record<string, unknown>;
  const apiVersion = typeof obj.apiVersion === 'string' && obj.apiVersion !== '' ? obj.apiVersion : expectedApiVersion;
  const kind = typeof obj.kind === 'string' && obj.kind !== '' ? obj.kind : expectedKind;
  if (apiVersion !== expectedApiVersion) {
    throw badRequest(`the API version in the data (${apiVersion}) does not match the expected API version (${expectedApiVersion})`);
  }
  if (kind !== expectedKind) {
    const version = apiVersion.includes('/') ? apiVersion.split('/')[1] : apiVersion;
    throw badRequest(`${kind} in version "${version}" cannot be handled as a ${expectedKind}: no kind "${kind}" is registered for version "${apiVersion}"`);
  }
  const metadata = obj.metadata ?? {};
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw badRequest(`${kind} in version "${def.version}" cannot be handled as a ${expectedKind}: json: cannot unmarshal ${goJsonKind(metadata)} into Go struct field ${expectedKind}.metadata of type v1.ObjectMeta`);
  }
  return { ...obj, apiVersion, kind, metadata: { ...(metadata as KubeObject['metadata']) } };
}
