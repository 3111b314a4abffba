import { createHash } from 'node:crypto';
import type { ObjectDefinition, ResourceDefinition, SchemaDefinitions } from '@minik/types';
import { apiResourceListSchemaName, deleteOptionsSchemaName, operationGroupVersion, operationTag, resourcePaths, watchEventSchemaName, type PathItem } from './openapi-paths.js';
import { componentSchemas, schemaRef, type GvkExtension } from './openapi-schemas.js';

/**
 * `/openapi/v2` media type. Not the `...spec.v2@v1.0+protobuf` form kubectl asks for: Go's media
 * type parser rejects the `@` and kubectl then fails to download the document.
 */
export const openApiV2ContentType = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

/** One served OpenAPI v3 document: the parsed value, its cached JSON text and its hash. */
export interface OpenApiV3Document {
  contentType: string;
  body: unknown;
  /** The serialised document, built once. */
  text: string;
  /** Upper-case hex SHA-512 of `text`, as upstream's ETag and `?hash=` (kube-openapi handler3). */
  hash: string;
}

/** The OpenAPI documents of a set of resources, each built on first use and then cached. */
export interface OpenApi {
  /** `/openapi/v2`: an empty `openapi_v2.Document` (0 bytes of protobuf is a valid document). */
  v2(): { contentType: string; body: Uint8Array };
  /** `/openapi/v3`: where each group-version document lives, with the hash of its current bytes. */
  v3Index(): { contentType: string; body: unknown };
  /** `/openapi/v3/<api/v1 | apis/group/version>`, or undefined for a group-version not served. */
  v3Document(groupVersionPath: string): OpenApiV3Document | undefined;
}

const gvPathOf = (group: string, version: string): string => (group === '' ? `api/${version}` : `apis/${group}/${version}`);

/**
 * Builds the OpenAPI v2/v3 documents upstream serves for the given resources from the schema
 * definitions: per group-version documents whose paths carry `x-kubernetes-group-version-kind`,
 * `x-kubernetes-action` and the write parameters (kubectl looks for `fieldValidation` on PATCH
 * to hand validation to the server) and whose schemas carry the patch and list annotations
 * (kubectl explain, client-side apply).
 */
export function createOpenApi(resources: readonly ResourceDefinition[], schemas: SchemaDefinitions): OpenApi {
  const groupVersions = new Map<string, ResourceDefinition[]>();
  for (const def of resources) {
    const key = gvPathOf(def.group, def.version);
    const list = groupVersions.get(key) ?? [];
    list.push(def);
    groupVersions.set(key, list);
  }
  // Option and envelope kinds are registered in every group-version (metav1.AddToGroupVersion), so
  // their definitions list all of them.
  const everyGv = [...new Set(resources.map((d) => `${d.group}\u0000${d.version}`))]
    .map((k) => k.split('\u0000') as [string, string])
    .sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
  const gvksOf = (def: ObjectDefinition): readonly GvkExtension[] => {
    if (def.name === deleteOptionsSchemaName || def.name === watchEventSchemaName) {
      const kind = def.name.slice(def.name.lastIndexOf('.') + 1);
      return everyGv.map(([group, version]) => ({ group, kind, version }));
    }
    return def.gvk ? [{ group: def.gvk.group, kind: def.gvk.kind, version: def.gvk.version }] : [];
  };

  const documents = new Map<string, OpenApiV3Document>();
  const build = (gvPath: string, defs: readonly ResourceDefinition[]): OpenApiV3Document => {
    const first = defs[0]!;
    const paths: Record<string, PathItem> = {};
    const roots = new Set<string>([apiResourceListSchemaName]);
    const base = `/${gvPath}/`;
    paths[base] = {
      get: {
        tags: [operationTag(first.group, first.version)],
        description: 'get available resources',
        operationId: `get${operationGroupVersion(first.group, first.version)}APIResources`,
        responses: {
          '200': {
            description: 'OK',
            content: Object.fromEntries(['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'].map((m) => [m, { schema: schemaRef(apiResourceListSchemaName) }])),
          },
          '401': { description: 'Unauthorized' },
        },
      },
    };
    for (const def of defs) {
      const { paths: defPaths, schemaNames } = resourcePaths(def, schemas);
      Object.assign(paths, defPaths);
      for (const name of schemaNames) roots.add(name);
    }
    const sortedPaths = Object.fromEntries(Object.keys(paths).sort().map((p) => [p, paths[p]]));
    const body = {
      openapi: '3.0.0',
      info: { title: 'Kubernetes', version: 'unversioned' },
      paths: sortedPaths,
      components: {
        schemas: componentSchemas(schemas, roots, gvksOf),
        securitySchemes: { BearerToken: { type: 'apiKey', description: 'Bearer Token authentication', name: 'authorization', in: 'header' } },
      },
      security: [{ BearerToken: [] }],
    };
    const text = JSON.stringify(body);
    return { contentType: 'application/json', body, text, hash: createHash('sha512').update(text).digest('hex').toUpperCase() };
  };
  const documentFor = (gvPath: string): OpenApiV3Document | undefined => {
    const cached = documents.get(gvPath);
    if (cached) return cached;
    const defs = groupVersions.get(gvPath);
    if (!defs) return undefined;
    const doc = build(gvPath, defs);
    documents.set(gvPath, doc);
    return doc;
  };
  let index: unknown;

  return {
    v2: () => ({ contentType: openApiV2ContentType, body: new Uint8Array(0) }),
    v3Index: () => {
      index ??= {
        paths: Object.fromEntries(
          [...groupVersions.keys()].sort().map((gvPath) => [gvPath, { serverRelativeURL: `/openapi/v3/${gvPath}?hash=${documentFor(gvPath)!.hash}` }]),
        ),
      };
      return { contentType: 'application/json', body: index };
    },
    v3Document: documentFor,
  };
}
