import type { KubeObject, ResourceDefinition } from '@minik/types';
import { groupVersionOf } from '@minik/types';
import { parse as parseYaml } from 'yaml';
import { ApiError, badRequest } from '../errors/index.js';
import { decodeProtobufObject, protobufMediaType } from '../protobuf/index.js';
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

/** Parses a JSON or YAML document; throws the decode error's message. */
export function parseDocument(req: ApiRequest, mediaType = mediaTypeOf(req)): unknown {
  const text = new TextDecoder().decode(req.body ?? new Uint8Array());
  if (mediaType === 'application/yaml' || mediaType.endsWith('+yaml')) return parseYaml(text, { uniqueKeys: false });
  return JSON.parse(text);
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
    try {
      value = parseDocument(req, mediaType);
    } catch (error) {
      throw badRequest(
        `the object provided is unrecognized (must be of type ${expectedKind}): couldn't get version/kind; json parse error: ${(error as Error).message}`,
      );
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest(`the object provided is unrecognized (must be of type ${expectedKind}): couldn't get version/kind; json parse error: expected an object`);
  }
  const obj = value as Record<string, unknown>;
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
    const found = Array.isArray(metadata) ? 'array' : typeof metadata === 'boolean' ? 'bool' : typeof metadata;
    throw badRequest(`${kind} in version "${def.version}" cannot be handled as a ${expectedKind}: json: cannot unmarshal ${found} into Go struct field ${expectedKind}.metadata of type v1.ObjectMeta`);
  }
  return { ...obj, apiVersion, kind, metadata: { ...(metadata as KubeObject['metadata']) } };
}
