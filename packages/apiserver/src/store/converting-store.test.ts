import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@minik/types';
import { eventsV1EventAlias } from '../conversions/event-conversion.js';
import { ApiError } from '../errors/index.js';
import { ConvertingStore, type ResourceAlias } from './converting-store.js';
import { MemoryStore } from './memory-store.js';
import type { StoreEvent } from './store.js';

const coreEvents = { group: '', plural: 'events' };
const v1Events = { group: 'events.k8s.io', plural: 'events' };
const pods = { group: '', plural: 'pods' };

const coreEvent = (name: string, message = 'Successfully assigned default/web to minik'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name, namespace: 'default', uid: `uid-${name}` },
  involvedObject: { kind: 'Pod', namespace: 'default', name: 'web' },
  reason: 'Scheduled',
  message,
  source: {},
  firstTimestamp: null,
  lastTimestamp: null,
  type: 'Normal',
  eventTime: '2025-01-01T00:00:00.000000Z',
  action: 'Binding',
  reportingComponent: 'default-scheduler',
  reportingInstance: 'default-scheduler-minik',
});

const v1Event = (name: string, note = 'poked'): KubeObject => ({
  apiVersion: 'events.k8s.io/v1',
  kind: 'Event',
  metadata: { name, namespace: 'default', uid: `uid-${name}` },
  eventTime: '2025-01-01T00:00:00.000000Z',
  reportingController: 'example.com/ctl',
  reportingInstance: 'ctl-1',
  action: 'Poke',
  reason: 'Poked',
  regarding: { kind: 'Pod', namespace: 'default', name: 'web' },
  note,
  type: 'Normal',
});

function setup() {
  const inner = new MemoryStore();
  return { inner, store: new ConvertingStore(inner, [eventsV1EventAlias]) };
}

function errorOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof ApiError ? `${error.code} ${error.reason}: ${error.message}` : String(error);
  }
  return undefined;
}

describe('ConvertingStore', () => {
  it('reads an event written through core/v1 through events.k8s.io/v1, same revision', () => {
    const { store } = setup();
    const written = store.create(coreEvents, coreEvent('a'));
    const read = store.get(v1Events, 'default', 'a')!;
    expect(read.revision).toBe(written.revision);
    expect(read.object).toMatchObject({
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: written.object.metadata,
      note: 'Successfully assigned default/web to minik',
      regarding: { kind: 'Pod', namespace: 'default', name: 'web' },
      reportingController: 'default-scheduler',
    });
    expect(read.object).not.toHaveProperty('message');
    expect(JSON.parse(read.json)).toEqual(read.object);
    expect(Object.isFrozen(read.object)).toBe(true);
    expect(Object.isFrozen(read.object.regarding)).toBe(true);
  });

  it('reads an event written through events.k8s.io/v1 through core/v1, stored in the core shape', () => {
    const { inner, store } = setup();
    const written = store.create(v1Events, v1Event('b'));
    expect(written.object).toMatchObject({ apiVersion: 'events.k8s.io/v1', note: 'poked', metadata: { resourceVersion: '1' } });
    const core = store.get(coreEvents, 'default', 'b')!;
    expect(core).toBe(inner.get(coreEvents, 'default', 'b'));
    expect(core.object).toMatchObject({ apiVersion: 'v1', message: 'poked', involvedObject: { name: 'web' }, reportingComponent: 'example.com/ctl' });
    expect(inner.list(v1Events).items).toEqual([]);
  });

  it('lists the same objects, in the same order, through both resources', () => {
    const { store } = setup();
    store.create(coreEvents, coreEvent('b'));
    store.create(v1Events, v1Event('a'));
    const core = store.list(coreEvents, 'default');
    const v1 = store.list(v1Events);
    expect(v1.revision).toBe(core.revision);
    expect(v1.items.map((s) => [s.object.metadata.name, s.revision])).toEqual(core.items.map((s) => [s.object.metadata.name, s.revision]));
    expect(v1.items.map((s) => s.object.apiVersion)).toEqual(['events.k8s.io/v1', 'events.k8s.io/v1']);
  });

  it('converts each stored revision once, however often it is read', () => {
    let conversions = 0;
    const counting: ResourceAlias = { ...eventsV1EventAlias, fromStorage: (obj) => (conversions++, eventsV1EventAlias.fromStorage(obj)) };
    const store = new ConvertingStore(new MemoryStore(), [counting]);
    store.create(coreEvents, coreEvent('a'));
    const first = store.get(v1Events, 'default', 'a');
    expect(store.get(v1Events, 'default', 'a')).toBe(first);
    expect(store.list(v1Events).items[0]).toBe(first);
    expect(conversions).toBe(1);
    // Core reads never convert.
    store.get(coreEvents, 'default', 'a');
    store.list(coreEvents);
    expect(conversions).toBe(1);
  });

  it('names the storage an alias shares, and every other resource as its own', () => {
    const { store } = setup();
    expect(store.storageOf(v1Events)).toEqual(coreEvents);
    expect(store.storageOf(coreEvents)).toEqual(coreEvents);
    expect(store.storageOf(pods)).toEqual(pods);
  });

  it('passes other resources straight through', () => {
    const { inner, store } = setup();
    const created = store.create(pods, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' } });
    expect(created).toBe(inner.get(pods, 'default', 'p'));
    expect(store.get(pods, 'default', 'p')).toBe(created);
    expect(store.revision).toBe(inner.revision);
    expect(store.oldestWatchableRevision).toBe(inner.oldestWatchableRevision);
  });

  it('updates through either resource, honouring resourceVersion preconditions across both', () => {
    const { store } = setup();
    const created = store.create(coreEvents, coreEvent('a'));
    const viaV1 = { ...structuredClone(store.get(v1Events, 'default', 'a')!.object), note: 'edited' } as KubeObject;
    const updated = store.update(v1Events, viaV1, { resourceVersion: String(created.revision) });
    expect(updated.object).toMatchObject({ note: 'edited', metadata: { resourceVersion: String(updated.revision) } });
    expect(store.get(coreEvents, 'default', 'a')!.object.message).toBe('edited');
    // The first revision is stale now, through either API.
    expect(errorOf(() => store.update(v1Events, viaV1, { resourceVersion: String(created.revision) }))).toBe(
      '409 Conflict: Operation cannot be fulfilled on events.events.k8s.io "a": the object has been modified; please apply your changes to the latest version and try again',
    );
    expect(errorOf(() => store.update(coreEvents, coreEvent('a'), { resourceVersion: String(created.revision) }))).toBe(
      '409 Conflict: Operation cannot be fulfilled on events "a": the object has been modified; please apply your changes to the latest version and try again',
    );
    expect(errorOf(() => store.update(v1Events, viaV1, { uid: 'other' }))).toBe(
      '409 Conflict: Operation cannot be fulfilled on events.events.k8s.io "a": Precondition failed: UID in precondition: other, UID in object meta: uid-a',
    );
    expect(store.get(coreEvents, 'default', 'a')!.revision).toBe(updated.revision);
  });

  it('names the alias in NotFound and AlreadyExists, as upstream names the requested resource', () => {
    const { store } = setup();
    store.create(coreEvents, coreEvent('a'));
    expect(errorOf(() => store.create(v1Events, v1Event('a')))).toBe('409 AlreadyExists: events.events.k8s.io "a" already exists');
    expect(errorOf(() => store.update(v1Events, v1Event('nope')))).toBe('404 NotFound: events.events.k8s.io "nope" not found');
    expect(errorOf(() => store.delete(v1Events, 'default', 'nope'))).toBe('404 NotFound: events.events.k8s.io "nope" not found');
    const error = (() => {
      try {
        store.delete(v1Events, 'default', 'nope');
      } catch (e) {
        return e as ApiError;
      }
    })();
    expect(error?.details).toEqual({ name: 'nope', group: 'events.k8s.io', kind: 'events' });
  });

  it('deletes through one resource, seen as DELETED by the watchers of both', () => {
    const { store } = setup();
    store.create(v1Events, v1Event('a'));
    const seen: StoreEvent[] = [];
    const coreSeen: StoreEvent[] = [];
    store.watch(v1Events, {}, (e) => seen.push(e));
    store.watch(coreEvents, { namespace: 'default' }, (e) => coreSeen.push(e));
    const removed = store.delete(coreEvents, 'default', 'a');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ type: 'DELETED', resource: v1Events, namespace: 'default', name: 'a', revision: removed.revision });
    expect(seen[0]!.stored.object).toMatchObject({ apiVersion: 'events.k8s.io/v1', note: 'poked', metadata: { resourceVersion: String(removed.revision) } });
    expect(coreSeen.map((e) => [e.type, e.resource, e.stored.object.apiVersion])).toEqual([['DELETED', coreEvents, 'v1']]);
    expect(store.get(v1Events, 'default', 'a')).toBeUndefined();
    // And the other way round, with preconditions.
    const again = store.create(coreEvents, coreEvent('b'));
    expect(errorOf(() => store.delete(v1Events, 'default', 'b', { resourceVersion: '1' }))).toMatch(/^409 Conflict: Operation cannot be fulfilled on events\.events\.k8s\.io "b"/);
    store.delete(v1Events, 'default', 'b', { resourceVersion: String(again.revision), uid: 'uid-b' });
    expect(coreSeen.map((e) => [e.type, e.name])).toEqual([['DELETED', 'a'], ['ADDED', 'b'], ['DELETED', 'b']]);
  });

  it('converts watch events of the alias, previous state included, and replays history converted', () => {
    const { store } = setup();
    const created = store.create(coreEvents, coreEvent('a', 'first'));
    const seen: StoreEvent[] = [];
    const watch = store.watch(v1Events, { afterRevision: 0 }, (e) => seen.push(e));
    store.update(coreEvents, coreEvent('a', 'second'));
    watch.stop();
    store.update(coreEvents, coreEvent('a', 'third'));
    expect(seen.map((e) => [e.type, e.revision, e.stored.object.note, e.previous?.object.note])).toEqual([
      ['ADDED', created.revision, 'first', undefined],
      ['MODIFIED', created.revision + 1, 'second', 'first'],
    ]);
    expect(seen[1]!.resource).toEqual(v1Events);
    expect(seen[1]!.previous!.revision).toBe(created.revision);
    expect(Object.isFrozen(seen[1]!.stored.object)).toBe(true);
  });

  it('rejects an alias stored under another alias', () => {
    const loop: ResourceAlias = { ...eventsV1EventAlias, alias: { group: 'x', plural: 'events' }, storage: v1Events };
    expect(() => new ConvertingStore(new MemoryStore(), [eventsV1EventAlias, loop])).toThrow(/itself an alias/);
  });
});
