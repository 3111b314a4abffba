import type { Table } from '@minik/types';
import { StatusError } from '../client/api-error.js';
import type { RestClient } from '../client/rest-client.js';
import { resourcePath, type ResourceMapping } from '../client/resource-resolver.js';

/** The Accept header `kubectl get` sends for human-readable output: Table first, then JSON. */
export const tableAccept = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

/** A fetched object or collection, Table or plain JSON. */
export type Fetched = Record<string, unknown>;

/** How to list a collection. */
export interface ListOptions {
  /** Namespace to list in; undefined lists across all namespaces (or a cluster-scoped resource). */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** Page size (`--chunk-size`); 0 disables paging. */
  chunkSize?: number;
  accept?: string;
  /** Extra query parameters (`includeObject`, `resourceVersion`). */
  query?: Record<string, string>;
}

/** Whether a reply is a meta.k8s.io Table. */
export function isTable(obj: unknown): obj is Table {
  return typeof obj === 'object' && obj !== null && (obj as { kind?: string }).kind === 'Table' && String((obj as { apiVersion?: string }).apiVersion).startsWith('meta.k8s.io/');
}

/**
 * Lists a collection following `continue` tokens (kubectl's `--chunk-size`), merging the pages
 * into one list or Table.
 */
export async function listResource(client: RestClient, mapping: ResourceMapping, options: ListOptions): Promise<Fetched> {
  const path = resourcePath(mapping, mapping.namespaced ? options.namespace : undefined);
  const chunk = options.chunkSize ?? 500;
  let continueToken: string | undefined;
  let merged: Fetched | undefined;
  do {
    const query: Record<string, string | undefined> = {
      labelSelector: options.labelSelector || undefined,
      fieldSelector: options.fieldSelector || undefined,
      limit: chunk > 0 ? String(chunk) : undefined,
      continue: continueToken,
      ...options.query,
    };
    const page = await client
      .json<Fetched>({
        path,
        query,
        accept: options.accept ?? 'application/json',
        target: { group: mapping.group, resource: mapping.resource },
      })
      .catch((error: unknown) => {
        throw enhanceListError(error, mapping, options);
      });
    const meta = (page['metadata'] ?? {}) as { continue?: string };
    continueToken = meta.continue || undefined;
    if (!merged) merged = page;
    else if (isTable(merged) && isTable(page)) merged.rows = [...(merged.rows ?? []), ...(page.rows ?? [])];
    else merged['items'] = [...((merged['items'] as unknown[]) ?? []), ...((page['items'] as unknown[]) ?? [])];
    if (merged['metadata'] && typeof merged['metadata'] === 'object') {
      const m = merged['metadata'] as Record<string, unknown>;
      delete m['continue'];
      delete m['remainingItemCount'];
      if ((page['metadata'] as { resourceVersion?: string } | undefined)?.resourceVersion) {
        m['resourceVersion'] = (page['metadata'] as { resourceVersion?: string }).resourceVersion;
      }
    }
  } while (continueToken);
  return merged!;
}

/**
 * kubectl's EnhanceListError: a BadRequest or NotFound from a list names what was listed
 * (`Unable to list "apps/v1, Resource=deployments": …`).
 */
function enhanceListError(error: unknown, mapping: ResourceMapping, options: ListOptions): unknown {
  if (!(error instanceof StatusError) || (error.reason !== 'BadRequest' && error.reason !== 'NotFound')) return error;
  const subject = `${mapping.group}/${mapping.version}, Resource=${mapping.resource}`;
  const message =
    !options.labelSelector && !options.fieldSelector
      ? `Unable to list ${JSON.stringify(subject)}: ${error.message}`
      : `Unable to find ${JSON.stringify(subject)} that match label selector ${JSON.stringify(options.labelSelector ?? '')}, field selector ${JSON.stringify(options.fieldSelector ?? '')}: ${error.message}`;
  return new StatusError({ ...error.status, message });
}

/** Gets one object. */
export async function getResource(client: RestClient, mapping: ResourceMapping, namespace: string | undefined, name: string, accept = 'application/json'): Promise<Fetched> {
  return client.json<Fetched>({
    path: resourcePath(mapping, namespace, name),
    accept,
    target: { group: mapping.group, resource: mapping.resource, name },
  });
}

/** List items as kubectl decodes them: each with the list's apiVersion and its kind. */
export function listItems(list: Fetched): Record<string, unknown>[] {
  const items = (list['items'] as Record<string, unknown>[] | undefined) ?? [];
  const apiVersion = list['apiVersion'];
  const kind = typeof list['kind'] === 'string' ? list['kind'].replace(/List$/, '') : undefined;
  return items.map((item) => {
    if (item['apiVersion'] !== undefined && item['kind'] !== undefined) return item;
    return { apiVersion: item['apiVersion'] ?? apiVersion, kind: item['kind'] ?? kind, ...item };
  });
}
