import type { KubeObject, ResourceDefinition } from '@minik/types';
import { groupVersionOf } from '@minik/types';
import { ApiError, expired, notFound } from '../../errors/index.js';
import { buildTable, tableJson, tableRow } from '../../printers/index.js';
import type { StoredObject, StoreEvent } from '../../store/index.js';
import type { ApiContext } from '../api-context.js';
import { checkListResourceVersion, decodeContinue, encodeContinue, parseLimit, parseResourceVersion } from '../list-options.js';
import { negotiateRepresentation, parseIncludeObject, type Representation } from '../negotiation.js';
import { objectFilterOf, watchTriggerOf, type ObjectFilter } from '../object-filter.js';
import type { ApiRequest, ApiResponse, StreamSink } from '../request.js';
import { jsonBody, jsonText } from '../request.js';
import type { ResourceRequestInfo } from '../request-info.js';

const partialMetadata = (obj: Readonly<KubeObject>) => ({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata });

/** GET of one object, as the object, a one-row Table or PartialObjectMetadata. */
export function getObject(ctx: ApiContext, def: ResourceDefinition, info: ResourceRequestInfo, req: ApiRequest): ApiResponse {
  const representation = negotiateRepresentation(req.header('accept'), false);
  const stored = ctx.store.get(def, info.namespace ?? '', info.name!);
  if (!stored) throw notFound(def, info.name!);
  return renderOne(ctx, def, stored, representation, req.query);
}

/** Renders one stored object in the negotiated representation. */
export function renderOne(ctx: ApiContext, def: ResourceDefinition, stored: StoredObject, representation: Representation, query: URLSearchParams): ApiResponse {
  if (representation === 'table') {
    return jsonBody(200, buildTable(def.kind, [stored.object as KubeObject], { now: ctx.clock.now(), includeObject: parseIncludeObject(query), resourceVersion: String(stored.revision) }));
  }
  if (representation === 'partial-metadata') return jsonBody(200, partialMetadata(stored.object));
  return jsonText(200, stored.json);
}

/** LIST with selectors, paging and resourceVersion semantics. */
export function listObjects(ctx: ApiContext, def: ResourceDefinition, info: ResourceRequestInfo, req: ApiRequest): ApiResponse {
  const representation = negotiateRepresentation(req.header('accept'), true);
  const filter = objectFilterOf(def, req.query);
  const limit = parseLimit(req.query);
  const continueText = req.query.get('continue');
  const token = continueText ? decodeContinue(continueText) : undefined;
  if (!token) checkListResourceVersion(req.query, ctx.store.revision, ctx.store.oldestWatchableRevision);
  else if (token.rv < ctx.store.oldestWatchableRevision) {
    throw new ApiError(
      'Expired',
      'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
    );
  }

  const { items, revision } = ctx.store.list(def, info.namespace);
  let matching = filter ? items.filter((s) => filter(s.object)) : items;
  if (token) {
    const start = firstAfter(matching, token.start);
    matching = matching.slice(start);
  }
  const listRevision = token?.rv ?? revision;
  let continueToken: string | undefined;
  let remaining: number | undefined;
  if (limit !== undefined && matching.length > limit) {
    const last = matching[limit - 1]!.object.metadata;
    continueToken = encodeContinue({ rv: listRevision, start: `${last.namespace ?? ''}/${last.name ?? ''}` });
    // Upstream leaves remainingItemCount unset when selectors make the count unknowable.
    if (!filter) remaining = matching.length - limit;
    matching = matching.slice(0, limit);
  }
  const metadata = { resourceVersion: String(listRevision), ...(continueToken ? { continue: continueToken } : {}), ...(remaining !== undefined ? { remainingItemCount: remaining } : {}) };

  if (representation === 'table') {
    return jsonText(
      200,
      tableJson(def.kind, matching.map((s) => s.object as KubeObject), {
        now: ctx.clock.now(),
        includeObject: parseIncludeObject(req.query),
        resourceVersion: metadata.resourceVersion,
        continue: continueToken,
        remainingItemCount: remaining,
      }),
    );
  }
  if (representation === 'partial-metadata') {
    return jsonBody(200, { kind: 'PartialObjectMetadataList', apiVersion: 'meta.k8s.io/v1', metadata, items: matching.map((s) => partialMetadata(s.object)) });
  }
  // Items are the bytes serialised at write time: no per-request JSON work.
  const head = `{"kind":${JSON.stringify(`${def.kind}List`)},"apiVersion":${JSON.stringify(groupVersionOf(def))},"metadata":${JSON.stringify(metadata)},"items":[`;
  return jsonText(200, head + matching.map((s) => s.json).join(',') + ']}');
}

function firstAfter(items: readonly StoredObject[], key: string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const m = items[mid]!.object.metadata;
    if (`${m.namespace ?? ''}/${m.name ?? ''}` <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Options of a watch stream. */
interface WatchPlan {
  afterRevision: number | undefined;
  sendInitial: boolean;
  bookmarks: boolean;
  timeoutMs: number | undefined;
}

function planWatch(ctx: ApiContext, query: URLSearchParams): WatchPlan {
  const rvText = query.get('resourceVersion') ?? '';
  const sendInitialEvents = query.get('sendInitialEvents');
  const rv = rvText === '' ? undefined : parseResourceVersion(rvText);
  const timeout = query.get('timeoutSeconds');
  const timeoutMs = timeout !== null && Number(timeout) > 0 ? Number(timeout) * 1000 : undefined;
  // Unset or "0": synthetic ADDED for the current state, then changes (upstream watch semantics).
  const sendInitial = sendInitialEvents === 'true' || rv === undefined || rv === 0;
  const afterRevision = sendInitial || rv === undefined ? undefined : rv;
  if (afterRevision !== undefined && afterRevision < ctx.store.oldestWatchableRevision) throw expired(afterRevision, ctx.store.revision);
  return { afterRevision, sendInitial, bookmarks: query.get('allowWatchBookmarks') === 'true', timeoutMs };
}

/** Watch: a chunked stream of one JSON event per line (ADDED/MODIFIED/DELETED/BOOKMARK/ERROR). */
export function watchObjects(ctx: ApiContext, def: ResourceDefinition, info: ResourceRequestInfo, req: ApiRequest): ApiResponse {
  const representation = negotiateRepresentation(req.header('accept'), true);
  const includeObject = representation === 'table' ? parseIncludeObject(req.query) : 'Metadata';
  const filter = objectFilterOf(def, req.query, info.name);
  const trigger = watchTriggerOf(def, req.query, info.name);
  const plan = planWatch(ctx, req.query);
  const initialEventsEnd = req.query.get('sendInitialEvents') === 'true';
  return {
    status: 200,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-cache, private' },
    stream: (sink: StreamSink) => {
      let columnsSent = false;
      const encode = (type: string, stored: StoredObject): string => {
        if (representation === 'object') return `{"type":"${type}","object":${stored.json}}\n`;
        if (representation === 'partial-metadata') return JSON.stringify({ type, object: partialMetadata(stored.object) }) + '\n';
        const table = buildTable(def.kind, [], { now: ctx.clock.now(), includeObject, resourceVersion: String(stored.revision) });
        table.rows = [tableRow(def.kind, stored.object as KubeObject, ctx.clock.now(), includeObject)];
        // Upstream sends the column definitions with the first event only.
        if (columnsSent) table.columnDefinitions = null;
        columnsSent = true;
        return JSON.stringify({ type, object: table }) + '\n';
      };
      const bookmark = (revision: number, annotations?: Record<string, string>): string =>
        JSON.stringify({ type: 'BOOKMARK', object: { kind: def.kind, apiVersion: groupVersionOf(def), metadata: { resourceVersion: String(revision), ...(annotations ? { annotations } : {}) } } }) + '\n';

      let lastRevision = ctx.store.revision;
      if (plan.sendInitial) {
        for (const stored of ctx.store.list(def, info.namespace).items) if (!filter || filter(stored.object)) sink.write(encode('ADDED', stored));
        if (initialEventsEnd && plan.bookmarks) sink.write(bookmark(lastRevision, { 'k8s.io/initial-events-end': 'true' }));
      }
      const onEvent = (event: StoreEvent): void => {
        lastRevision = event.revision;
        const type = transition(event, filter);
        if (type) sink.write(encode(type, event.stored));
      };
      let watch;
      try {
        watch = ctx.store.watch(def, { afterRevision: plan.afterRevision, namespace: info.namespace, ...(trigger ? { trigger } : {}) }, onEvent);
      } catch (error) {
        sink.write(JSON.stringify({ type: 'ERROR', object: (error as { toStatus?: () => unknown }).toStatus?.() }) + '\n');
        sink.end();
        return () => {};
      }
      const timers = [] as ReturnType<ApiContext['clock']['setTimeout']>[];
      let closed = false;
      const close = (): void => {
        if (closed) return;
        closed = true;
        watch.stop();
        for (const t of timers) ctx.clock.clearTimeout(t);
      };
      if (plan.timeoutMs !== undefined) {
        timers.push(ctx.clock.setTimeout(() => {
          close();
          sink.end();
        }, plan.timeoutMs));
      }
      if (plan.bookmarks) {
        const tick = (): void => {
          if (closed) return;
          sink.write(bookmark(lastRevision));
          timers.push(ctx.clock.setTimeout(tick, bookmarkIntervalMs));
        };
        timers.push(ctx.clock.setTimeout(tick, bookmarkIntervalMs));
      }
      return close;
    },
  };
}

// Upstream sends bookmarks about once a minute; that is often enough for informers to resume.
const bookmarkIntervalMs = 60_000;

/** The event a filtered watcher sees: objects moving into or out of the selection are ADDED/DELETED. */
function transition(event: StoreEvent, filter: ObjectFilter): 'ADDED' | 'MODIFIED' | 'DELETED' | undefined {
  if (!filter) return event.type;
  const now = filter(event.stored.object);
  if (event.type !== 'MODIFIED') return now ? event.type : undefined;
  const before = event.previous ? filter(event.previous.object) : false;
  if (now) return before ? 'MODIFIED' : 'ADDED';
  return before ? 'DELETED' : undefined;
}
