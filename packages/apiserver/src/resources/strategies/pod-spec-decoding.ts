import type { PodSpec } from '@minik/types';
import { badRequest } from '../../errors/index.js';
import { allContainers } from './pod-spec-defaults.js';
import { isJsonObject, type JsonObject } from './object-fields.js';
import { parseQuantity, quantityFormatError } from './quantity.js';

/**
 * Upstream decodes resource quantities while reading the request body, so a malformed one is a
 * 400 BadRequest (`Pod in version "v1" cannot be handled as a Pod: quantities must match …`)
 * before any validation runs.
 */
export function assertDecodableQuantities(spec: PodSpec | undefined, kind: string, version: string): void {
  if (spec === undefined) return;
  const lists: unknown[] = [];
  for (const container of allContainers(spec)) {
    const resources = (container as unknown as JsonObject).resources;
    if (isJsonObject(resources)) lists.push(resources.requests, resources.limits);
  }
  const podResources = (spec as unknown as JsonObject).resources;
  if (isJsonObject(podResources)) lists.push(podResources.requests, podResources.limits);
  for (const list of lists) {
    if (!isJsonObject(list)) continue;
    for (const value of Object.values(list)) {
      const ok = (typeof value === 'string' || typeof value === 'number') && parseQuantity(value) !== undefined;
      if (!ok) throw badRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: ${quantityFormatError}`);
    }
  }
}
