import type { Factory } from '../client/factory.js';
import type { RestClient } from '../client/rest-client.js';
import { eventsFor, type EventItem } from './events.js';

/** A Kubernetes object as describe reads it. */
export type Obj = Record<string, any>;

/** What a describer needs. */
export interface DescribeContext {
  client: RestClient;
  factory: Factory;
  now: number;
  showEvents: boolean;
}

/** An object's metadata. */
export const meta = (o: Obj): Obj => (o['metadata'] ?? {}) as Obj;

/** `Kind/name` of the controlling owner, as `Controlled By:` shows. */
export function controllerOf(o: Obj): string | undefined {
  const ref = ((meta(o)['ownerReferences'] ?? []) as Obj[]).find((r) => r['controller']);
  return ref ? `${ref['kind']}/${ref['name']}` : undefined;
}

/** The events about an object, unless --show-events=false. */
export async function events(ctx: DescribeContext, o: Obj, kind?: string, allNamespaces = false): Promise<EventItem[] | undefined> {
  if (!ctx.showEvents) return undefined;
  const m = meta(o);
  return eventsFor(ctx.client, { name: m['name'], namespace: m['namespace'], kind, uid: m['uid'] }, allNamespaces);
}

