import type { RestClient } from '../client/rest-client.js';
import { resourcePath, type ResourceMapping } from '../client/resource-resolver.js';
import type { DryRun } from './dry-run.js';

/** Options of a write request. */
export interface WriteOptions {
  fieldManager?: string;
  fieldValidation?: string;
  dryRun?: DryRun;
}

function writeQuery(options: WriteOptions): Record<string, string | undefined> {
  return {
    dryRun: options.dryRun === 'server' ? 'All' : undefined,
    fieldManager: options.fieldManager,
    fieldValidation: options.fieldValidation,
  };
}

/** POSTs an object to its collection (kubectl create/run/expose). */
export async function createObject(
  client: RestClient,
  mapping: ResourceMapping,
  namespace: string | undefined,
  object: unknown,
  options: WriteOptions = {},
): Promise<Record<string, unknown>> {
  return client.json({
    method: 'POST',
    path: resourcePath(mapping, namespace),
    query: writeQuery(options),
    body: JSON.stringify(object),
    accept: 'application/json, */*',
    target: { group: mapping.group, resource: mapping.resource },
  });
}

/** PATCHes an object (or a subresource) with the given patch type. */
export async function patchObject(
  client: RestClient,
  mapping: ResourceMapping,
  namespace: string | undefined,
  name: string,
  patch: unknown,
  contentType: 'application/merge-patch+json' | 'application/strategic-merge-patch+json' | 'application/json-patch+json' | 'application/apply-patch+yaml',
  options: WriteOptions & { subresource?: string; force?: boolean } = {},
): Promise<Record<string, unknown>> {
  return client.json({
    method: 'PATCH',
    path: resourcePath(mapping, namespace, name, options.subresource),
    query: { ...writeQuery(options), force: options.force === undefined ? undefined : String(options.force) },
    body: typeof patch === 'string' ? patch : JSON.stringify(patch),
    contentType,
    accept: 'application/json',
    target: { group: mapping.group, resource: mapping.resource, name },
  });
}

/** PUTs a whole object (kubectl replace, scale with preconditions). */
export async function replaceObject(
  client: RestClient,
  mapping: ResourceMapping,
  namespace: string | undefined,
  name: string,
  object: unknown,
  options: WriteOptions & { subresource?: string } = {},
): Promise<Record<string, unknown>> {
  return client.json({
    method: 'PUT',
    path: resourcePath(mapping, namespace, name, options.subresource),
    query: writeQuery(options),
    body: JSON.stringify(object),
    accept: 'application/json',
    target: { group: mapping.group, resource: mapping.resource, name },
  });
}

/** DELETEs an object with kubectl's DeleteOptions body. */
export async function deleteObject(
  client: RestClient,
  mapping: ResourceMapping,
  namespace: string | undefined,
  name: string,
  options: { propagationPolicy?: string; gracePeriodSeconds?: number; dryRun?: DryRun } = {},
): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = {};
  if (options.gracePeriodSeconds !== undefined) body['gracePeriodSeconds'] = options.gracePeriodSeconds;
  if (options.propagationPolicy) body['propagationPolicy'] = options.propagationPolicy;
  if (options.dryRun === 'server') body['dryRun'] = ['All'];
  return client.json({
    method: 'DELETE',
    path: resourcePath(mapping, namespace, name),
    body: JSON.stringify(body),
    accept: 'application/json',
    target: { group: mapping.group, resource: mapping.resource, name },
  });
}
