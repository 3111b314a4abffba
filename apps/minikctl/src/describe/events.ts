import type { RestClient } from '../client/rest-client.js';
import { goQueryEscape } from '../client/rest-client.js';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer.js';
import { since } from './describe-format.js';
import { goSort } from '../printers/go-sort.js';

/** A core/v1 Event, as describe reads it. */
export interface EventItem {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string };
  source?: { component?: string };
  reportingComponent?: string;
  reportingController?: string;
}

/** The events about an object (kubectl's field selector on involvedObject). */
export async function eventsFor(
  client: RestClient,
  involved: { name: string; namespace?: string; kind?: string; uid?: string },
  allNamespaces = false,
): Promise<EventItem[]> {
  const selector = [
    `involvedObject.name=${involved.name}`,
    `involvedObject.namespace=${involved.namespace ?? ''}`,
    ...(involved.kind ? [`involvedObject.kind=${involved.kind}`] : []),
    ...(involved.uid ? [`involvedObject.uid=${involved.uid}`] : []),
  ].join(',');
  void goQueryEscape;
  const path = allNamespaces || !involved.namespace ? '/api/v1/events' : `/api/v1/namespaces/${involved.namespace}/events`;
  try {
    const list = await client.json<{ items?: EventItem[] }>({ path, query: { fieldSelector: selector, limit: '500' }, accept: 'application/json, */*' });
    return list.items ?? [];
  } catch {
    return [];
  }
}

/** DescribeEvents: the Events table, oldest last-timestamp first. */
export function describeEvents(events: EventItem[], w: PrefixWriter, now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const time = (t: string | null | undefined): number => (t ? Date.parse(t) : -Infinity);
  // sort.Sort(SortableEvents): not stable, so events of the same second come out in Go's order.
  const sorted = [...events];
  goSort(sorted, (a, b) => time(a.lastTimestamp) < time(b.lastTimestamp));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
    let interval: string;
    if (e.series) interval = `${since(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    else interval = first;
    const source = e.source?.component || e.reportingController || e.reportingComponent || '';
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}
