import type { ResourceDefinition, SchemaDefinitions, SubresourceDefinition } from '@minik/types';
import { schemaNameFor } from '@minik/types';
import {
  deleteCollectionParameters,
  deleteParameters,
  listParameters,
  parameters,
  patchParameters,
  writeParameters,
} from './openapi-parameters.js';
import { patchSchemaName, schemaRef, type GvkExtension, type OpenApiSchema } from './openapi-schemas.js';

/** One path item: operations by method plus path-level parameters. */
export type PathItem = Record<string, unknown>;

const metaV1 = 'io.k8s.apimachinery.pkg.apis.meta.v1.';
export const statusSchemaName = `${metaV1}Status`;
export const deleteOptionsSchemaName = `${metaV1}DeleteOptions`;
export const watchEventSchemaName = `${metaV1}WatchEvent`;
export const apiResourceListSchemaName = `${metaV1}APIResourceList`;

const objectMediaTypes = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];
const listMediaTypes = [...objectMediaTypes, 'application/json;stream=watch', 'application/vnd.kubernetes.protobuf;stream=watch'];
const watchMediaTypes = listMediaTypes;
/** The patch types every built-in kind accepts (strategic merge patch only exists for built-ins). */
export const patchMediaTypes = ['application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json'];

const content = (mediaTypes: readonly string[], schemaName: string): Record<string, unknown> =>
  Object.fromEntries(mediaTypes.map((m) => [m, { schema: schemaRef(schemaName) }]));

const ok = (mediaTypes: readonly string[], schemaName: string, codes: readonly string[] = ['200']): Record<string, unknown> => {
  const responses: Record<string, unknown> = {};
  const descriptions: Record<string, string> = { '200': 'OK', '201': 'Created', '202': 'Accepted' };
  for (const code of codes) responses[code] = { description: descriptions[code], content: content(mediaTypes, schemaName) };
  responses['401'] = { description: 'Unauthorized' };
  return responses;
};

/** `CoreV1`, `AppsV1`, `CoordinationV1` — the group-version part of upstream's operation ids. */
export function operationGroupVersion(group: string, version: string): string {
  const groupPart = group === '' ? 'core' : group.replace(/\.k8s\.io$/, '');
  const words = groupPart.split('.').map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  return words.join('') + version.charAt(0).toUpperCase() + version.slice(1);
}

/** `core_v1`, `apps_v1` — the operation tag. */
export function operationTag(group: string, version: string): string {
  const groupPart = group === '' ? 'core' : group.replace(/\.k8s\.io$/, '');
  const [first = '', ...rest] = groupPart.split('.');
  return [first, ...rest.map((w) => w.charAt(0).toUpperCase() + w.slice(1))].join('') + '_' + version;
}

interface OperationSpec {
  verb: string;
  action: string;
  description: string;
  gvk: GvkExtension;
  parameters?: readonly OpenApiSchema[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
}

function operation(ctx: { opGroupVersion: string; tag: string }, spec: OperationSpec & { idSuffix: string }): Record<string, unknown> {
  const op: Record<string, unknown> = {
    tags: [ctx.tag],
    description: spec.description,
    operationId: `${spec.verb}${ctx.opGroupVersion}${spec.idSuffix}`,
  };
  if (spec.parameters && spec.parameters.length > 0) op.parameters = spec.parameters;
  if (spec.requestBody !== undefined) op.requestBody = spec.requestBody;
  op.responses = spec.responses;
  op['x-kubernetes-action'] = spec.action;
  op['x-kubernetes-group-version-kind'] = spec.gvk;
  return op;
}

const bodyOf = (schemaName: string): unknown => ({ content: { '*/*': { schema: schemaRef(schemaName) } }, required: true });
const patchBody = { content: Object.fromEntries(patchMediaTypes.map((m) => [m, { schema: schemaRef(patchSchemaName) }])), required: true };
const deleteBody = { content: { '*/*': { schema: schemaRef(deleteOptionsSchemaName) } } };

/** The kind a subresource answers with, and its definition name. */
function subresourceKind(def: ResourceDefinition, sub: SubresourceDefinition): { gvk: GvkExtension; schemaName: string | undefined } {
  const group = sub.group ?? def.group;
  const version = sub.version ?? def.version;
  return { gvk: { group, kind: sub.kind, version }, schemaName: schemaNameFor(group, version, sub.kind) };
}

/**
 * The paths upstream documents for one resource: collection and item operations, the
 * all-namespaces list, the deprecated watch paths and the subresources. Empty when the kind has no
 * schema (nothing to describe).
 */
export function resourcePaths(def: ResourceDefinition, schemas: SchemaDefinitions): { paths: Record<string, PathItem>; schemaNames: string[] } {
  const kindSchema = schemaNameFor(def.group, def.version, def.kind);
  if (kindSchema === undefined || !schemas.has(kindSchema)) return { paths: {}, schemaNames: [] };
  const listSchema = schemaNameFor(def.group, def.version, `${def.kind}List`);
  const schemaNames = [kindSchema, statusSchemaName, deleteOptionsSchemaName, watchEventSchemaName, patchSchemaName];
  if (listSchema) schemaNames.push(listSchema);
  const ctx = { opGroupVersion: operationGroupVersion(def.group, def.version), tag: operationTag(def.group, def.version) };
  const gvk: GvkExtension = { group: def.group, kind: def.kind, version: def.version };
  const base = def.group === '' ? `/api/${def.version}` : `/apis/${def.group}/${def.version}`;
  const ns = def.namespaced ? 'Namespaced' : '';
  const scopePrefix = def.namespaced ? `${base}/namespaces/{namespace}` : base;
  const scopeParams = def.namespaced ? [parameters.namespace] : [];
  const can = (verb: string): boolean => def.verbs.includes(verb as never);
  const paths: Record<string, PathItem> = {};
  const plural = def.plural;
  const kind = def.kind;

  const collection: PathItem = {};
  if (can('list') && listSchema) {
    collection.get = operation(ctx, {
      verb: 'list',
      idSuffix: `${ns}${kind}`,
      action: 'list',
      description: `list or watch objects of kind ${kind}`,
      gvk,
      parameters: listParameters,
      responses: ok(listMediaTypes, listSchema),
    });
  }
  if (can('create')) {
    collection.post = operation(ctx, {
      verb: 'create',
      idSuffix: `${ns}${kind}`,
      action: 'post',
      description: `create ${article(kind)} ${kind}`,
      gvk,
      parameters: writeParameters,
      requestBody: bodyOf(kindSchema),
      responses: ok(objectMediaTypes, kindSchema, ['200', '201', '202']),
    });
  }
  if (can('deletecollection')) {
    collection.delete = operation(ctx, {
      verb: 'deleteCollection',
      idSuffix: `${ns}${kind}`,
      action: 'deletecollection',
      description: `delete collection of ${kind}`,
      gvk,
      parameters: deleteCollectionParameters,
      requestBody: deleteBody,
      responses: ok(objectMediaTypes, statusSchemaName),
    });
  }
  if (Object.keys(collection).length > 0) paths[`${scopePrefix}/${plural}`] = { ...collection, parameters: [...scopeParams, parameters.pretty] };

  const item: PathItem = {};
  if (can('get')) {
    item.get = operation(ctx, { verb: 'read', idSuffix: `${ns}${kind}`, action: 'get', description: `read the specified ${kind}`, gvk, responses: ok(objectMediaTypes, kindSchema) });
  }
  if (can('update')) {
    item.put = operation(ctx, {
      verb: 'replace',
      idSuffix: `${ns}${kind}`,
      action: 'put',
      description: `replace the specified ${kind}`,
      gvk,
      parameters: writeParameters,
      requestBody: bodyOf(kindSchema),
      responses: ok(objectMediaTypes, kindSchema, ['200', '201']),
    });
  }
  if (can('patch')) {
    item.patch = operation(ctx, {
      verb: 'patch',
      idSuffix: `${ns}${kind}`,
      action: 'patch',
      description: `partially update the specified ${kind}`,
      gvk,
      parameters: patchParameters,
      requestBody: patchBody,
      responses: ok(objectMediaTypes, kindSchema, ['200', '201']),
    });
  }
  if (can('delete')) {
    item.delete = operation(ctx, {
      verb: 'delete',
      idSuffix: `${ns}${kind}`,
      action: 'delete',
      description: `delete ${article(kind)} ${kind}`,
      gvk,
      parameters: deleteParameters,
      requestBody: deleteBody,
      responses: ok(objectMediaTypes, statusSchemaName, ['200', '202']),
    });
  }
  const itemPath = `${scopePrefix}/${plural}/{name}`;
  const itemParams = [parameters.name, ...scopeParams, parameters.pretty];
  if (Object.keys(item).length > 0) paths[itemPath] = { ...item, parameters: itemParams };

  if (def.namespaced && can('list') && listSchema) {
    paths[`${base}/${plural}`] = {
      get: operation(ctx, {
        verb: 'list',
        idSuffix: `${kind}ForAllNamespaces`,
        action: 'list',
        description: `list or watch objects of kind ${kind}`,
        gvk,
        responses: ok(listMediaTypes, listSchema),
      }),
      parameters: [...listParameters, parameters.pretty],
    };
  }
  if (can('watch')) {
    const watchOp = (idSuffix: string, action: 'watch' | 'watchlist', description: string): Record<string, unknown> =>
      operation(ctx, { verb: 'watch', idSuffix, action, description, gvk, responses: ok(watchMediaTypes, watchEventSchemaName) });
    const watchParams = [...listParameters, parameters.pretty];
    const watchBase = def.namespaced ? `${base}/watch/namespaces/{namespace}` : `${base}/watch`;
    paths[`${watchBase}/${plural}`] = {
      get: watchOp(`${ns}${kind}List`, 'watchlist', `watch individual changes to a list of ${kind}. deprecated: use the 'watch' parameter with a list operation instead.`),
      parameters: [...scopeParams, ...watchParams],
    };
    paths[`${watchBase}/${plural}/{name}`] = {
      get: watchOp(
        `${ns}${kind}`,
        'watch',
        `watch changes to an object of kind ${kind}. deprecated: use the 'watch' parameter with a list operation instead, filtered to a single item with the 'fieldSelector' parameter.`,
      ),
      parameters: [parameters.name, ...scopeParams, ...watchParams],
    };
    if (def.namespaced) {
      paths[`${base}/watch/${plural}`] = {
        get: watchOp(`${kind}ListForAllNamespaces`, 'watchlist', `watch individual changes to a list of ${kind}. deprecated: use the 'watch' parameter with a list operation instead.`),
        parameters: watchParams,
      };
    }
  }

  for (const sub of def.subresources ?? []) {
    if (sub.name === 'log' || sub.name === 'proxy') {
      Object.assign(paths, streamingSubresourcePaths(ctx, def, sub, itemPath, itemParams));
      continue;
    }
    const { gvk: subGvk, schemaName } = subresourceKind(def, sub);
    if (schemaName === undefined) continue;
    schemaNames.push(schemaName);
    const suffix = `${ns}${kind}${sub.name.charAt(0).toUpperCase()}${sub.name.slice(1)}`;
    const subItem: PathItem = {};
    const has = (verb: string): boolean => sub.verbs.includes(verb as never);
    if (has('get')) {
      subItem.get = operation(ctx, { verb: 'read', idSuffix: suffix, action: 'get', description: `read ${sub.name} of the specified ${kind}`, gvk: subGvk, responses: ok(objectMediaTypes, schemaName) });
    }
    if (has('create')) {
      subItem.post = operation(ctx, {
        verb: 'create',
        idSuffix: suffix,
        action: 'post',
        description: `create ${sub.name} of ${article(kind)} ${kind}`,
        gvk: subGvk,
        parameters: writeParameters,
        requestBody: bodyOf(schemaName),
        responses: ok(objectMediaTypes, schemaName, ['200', '201', '202']),
      });
    }
    if (has('update')) {
      subItem.put = operation(ctx, {
        verb: 'replace',
        idSuffix: suffix,
        action: 'put',
        description: `replace ${sub.name} of the specified ${kind}`,
        gvk: subGvk,
        parameters: writeParameters,
        requestBody: bodyOf(schemaName),
        responses: ok(objectMediaTypes, schemaName, ['200', '201']),
      });
    }
    if (has('patch')) {
      subItem.patch = operation(ctx, {
        verb: 'patch',
        idSuffix: suffix,
        action: 'patch',
        description: `partially update ${sub.name} of the specified ${kind}`,
        gvk: subGvk,
        parameters: patchParameters,
        requestBody: patchBody,
        responses: ok(objectMediaTypes, schemaName, ['200', '201']),
      });
    }
    if (Object.keys(subItem).length > 0) paths[`${itemPath}/${sub.name}`] = { ...subItem, parameters: itemParams };
  }
  return { paths, schemaNames };
}

function article(kind: string): string {
  return /^[AEIOU]/.test(kind) ? 'an' : 'a';
}

const textResponse = (): Record<string, unknown> => ({
  '200': { description: 'OK', content: { '*/*': { schema: { type: 'string' } } } },
  '401': { description: 'Unauthorized' },
});

const logParameters: readonly OpenApiSchema[] = [
  ['container', 'string', 'The container for which to stream logs. Defaults to only container if there is one container in the pod.'],
  ['follow', 'boolean', 'Follow the log stream of the pod. Defaults to false.'],
  ['insecureSkipTLSVerifyBackend', 'boolean', "insecureSkipTLSVerifyBackend indicates that the apiserver should not confirm the validity of the serving certificate of the backend it is connecting to."],
  ['limitBytes', 'integer', 'If set, the number of bytes to read from the server before terminating the log output.'],
  ['previous', 'boolean', 'Return previous terminated container logs. Defaults to false.'],
  ['sinceSeconds', 'integer', 'A relative time in seconds before the current time from which to show logs.'],
  ['stream', 'string', 'Specify which container log stream to return to the client. Acceptable values are "All", "Stdout" and "Stderr". If not specified, "All" is used.'],
  ['tailLines', 'integer', 'If set, the number of lines from the end of the logs to show.'],
  ['timestamps', 'boolean', 'If true, add an RFC3339 or RFC3339Nano timestamp at the beginning of every line of log output. Defaults to false.'],
].map(([name, type, description]) => ({ name, in: 'query', description, schema: { type, uniqueItems: true } }));

/**
 * `pods/log` (a text stream of the Pod GVK) and the `proxy` connect operations, which answer with
 * whatever the backend sends and are described by the `*ProxyOptions` kinds.
 */
function streamingSubresourcePaths(
  ctx: { opGroupVersion: string; tag: string },
  def: ResourceDefinition,
  sub: SubresourceDefinition,
  itemPath: string,
  itemParams: readonly OpenApiSchema[],
): Record<string, PathItem> {
  const ns = def.namespaced ? 'Namespaced' : '';
  if (sub.name === 'log') {
    const get = operation(ctx, {
      verb: 'read',
      idSuffix: `${ns}${def.kind}Log`,
      action: 'get',
      description: `read log of the specified ${def.kind}`,
      gvk: { group: def.group, kind: def.kind, version: def.version },
      parameters: logParameters,
      responses: textResponse(),
    });
    return { [`${itemPath}/log`]: { get, parameters: itemParams } };
  }
  const gvk: GvkExtension = { group: sub.group ?? def.group, kind: sub.kind, version: sub.version ?? def.version };
  const connect = (withPath: boolean): PathItem => {
    const item: PathItem = {};
    for (const method of ['delete', 'get', 'head', 'options', 'patch', 'post', 'put']) {
      item[method] = operation(ctx, {
        verb: `connect${method.charAt(0).toUpperCase()}${method.slice(1)}`,
        idSuffix: `${ns}${def.kind}Proxy${withPath ? 'WithPath' : ''}`,
        action: 'connect',
        description: `connect ${method.toUpperCase()} requests to proxy of ${def.kind}`,
        gvk,
        responses: textResponse(),
      });
    }
    const pathParam = { name: 'path', in: withPath ? 'path' : 'query', description: 'Path is the URL path to use for the current proxy request to pod.', schema: { type: 'string', uniqueItems: true } };
    item.parameters = withPath ? [itemParams[0]!, ...itemParams.slice(1, -1), { ...pathParam, required: true }] : [...itemParams.slice(0, -1), pathParam];
    return item;
  };
  return { [`${itemPath}/proxy`]: connect(false), [`${itemPath}/proxy/{path}`]: connect(true) };
}
