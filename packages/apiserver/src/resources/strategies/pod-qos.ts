import type { PodSpec } from '@minik/types';
import { isJsonObject, objectsOf, type JsonObject } from './object-fields.js';
import { parseQuantity } from './quantity.js';

/** A Pod's quality-of-service class, as `status.qosClass` reports it. */
export type PodQOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const qosResources = ['cpu', 'memory'] as const;

/**
 * The QoS class from the regular and init containers' cpu/memory requests and limits: no positive
 * request or limit → BestEffort; every container limiting cpu and memory with requests equal to
 * limits → Guaranteed; anything else → Burstable.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/apis/core/helper/qos/qos.go
 */
export function computePodQOS(spec: PodSpec | undefined): PodQOSClass {
  const s = (spec ?? {}) as unknown as JsonObject;
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  let guaranteed = true;
  for (const container of [...objectsOf(s.containers), ...objectsOf(s.initContainers)]) {
    const resources = isJsonObject(container.resources) ? container.resources : {};
    accumulate(resources.requests, requests);
    const found = accumulate(resources.limits, limits);
    if (!qosResources.every((name) => found.has(name))) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, request] of requests) {
      if (limits.get(name) !== request) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

/** Adds the positive cpu/memory amounts of a resource list into `into`; returns the names seen. */
function accumulate(list: unknown, into: Map<string, bigint>): Set<string> {
  const found = new Set<string>();
  if (!isJsonObject(list)) return found;
  for (const name of qosResources) {
    const raw = list[name];
    if (typeof raw !== 'string' && typeof raw !== 'number') continue;
    const amount = parseQuantity(raw);
    if (amount === undefined || amount <= 0n) continue;
    found.add(name);
    into.set(name, (into.get(name) ?? 0n) + amount);
  }
  return found;
}
