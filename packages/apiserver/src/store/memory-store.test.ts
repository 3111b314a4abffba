import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@minik/types';
import { ApiError } from '../errors/index.js';
import { MemoryStore } from './memory-store.js';
import type { StoreEvent } from './store.js';

const pods = { group: '', plural: 'pods' };
const deployments = { group: 'apps', plural: 'deployments' };
const pod = (name: string, namespace = 'default', extra: Partial<KubeObject> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace },
  ...extra,
});

function reasonOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof ApiError ? `${error.code} ${error.reason}: ${error.message}` : String(error);
  }
  return undefined;
}

describe('MemoryStore', () => {
  it('stamps one global, increasing revision into resourceVersion', () => {
    const store = new MemoryStore();
    const a = store.create(pods, pod('a'));
    const d = store.create(deployments, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'default' } });
    const a2 = store.update(pods, { ...pod('a'), spec: { x: 1 } });
    expect([a.object.metadata.resourceVersion, d.object.metadata.resourceVersion, a2.object.metadata.resourceVersion]).toEqual(['1', '2', '3']);
    expect(store.revision).toBe(3);
    expect(JSON.parse(a2.json)).toEqual(a2.object);
  });

  it('rejects duplicate names and missing objects with upstream errors', () => {
    const store = new MemoryStore();
    store.create(pods, pod('a'));
    expect(reasonOf(() => store.create(pods, pod('a')))).toBe('409 AlreadyExists: pods "a" already exists');
    expect(reasonOf(() => store.update(deployments, { metadata: { name: 'x', namespace: 'default' } }))).toBe(
      '404 NotFound: deployments.apps "x" not found',
    );
    expect(reasonOf(() => store.delete(pods, 'default', 'nope'))).toBe('404 NotFound: pods "nope" not found');
  });

  it('answers a stale resourceVersion with 409 Conflict and keeps the stored object', () => {
    const store = new MemoryStore();
    store.create(pods, pod('a'));
    store.update(pods, pod('a', 'default', { spec: { v: 2 } }));
    expect(reasonOf(() => store.update(pods, pod('a', 'default', { spec: { v: 3 } }), { resourceVersion: '1' }))).toBe(
      '409 Conflict: Operation cannot be fulfilled on pods "a": the object has been modified; please apply your changes to the latest version and try again',
    );
    expect(store.get(pods, 'default', 'a')?.object.spec).toEqual({ v: 2 });
  });

  it('never lets a caller mutate stored state', () => {
    const store = new MemoryStore();
    const input = pod('a', 'default', { spec: { containers: [{ name: 'c' }] } });
    const stored = store.create(pods, input);
    (input.spec as { containers: { name: string }[] }).containers[0]!.name = 'changed';
    expect(() => {
      (stored.object.metadata as { name: string }).name = 'x';
    }).toThrow(TypeError);
    expect(store.get(pods, 'default', 'a')?.object.spec).toEqual({ containers: [{ name: 'c' }] });
  });

  it('lists sorted by namespace then name, per namespace or across all', () => {
    const store = new MemoryStore();
    for (const [ns, n] of [['b', 'z'], ['a', 'y'], ['b', 'a'], ['a', 'x']] as const) store.create(pods, pod(n, ns));
    expect(store.list(pods).items.map((s) => `${s.object.metadata.namespace}/${s.object.metadata.name}`)).toEqual(['a/x', 'a/y', 'b/a', 'b/z']);
    expect(store.list(pods, 'b').items.map((s) => s.object.metadata.name)).toEqual(['a', 'z']);
    expect(store.list(pods, 'c').items).toEqual([]);
  });

  it('delivers changes to watchers of the resource and namespace, with the deletion revision on DELETED', () => {
    const store = new MemoryStore();
    const seen: string[] = [];
    const w = store.watch(pods, { namespace: 'default' }, (e) => seen.push(`${e.type} ${e.name} ${e.stored.object.metadata.resourceVersion}`));
    store.create(pods, pod('a'));
    store.create(pods, pod('other', 'kube-system'));
    store.create(deployments, { metadata: { name: 'd', namespace: 'default' } });
    store.update(pods, pod('a'));
    store.delete(pods, 'default', 'a');
    w.stop();
    store.create(pods, pod('b'));
    expect(seen).toEqual(['ADDED a 1', 'MODIFIED a 4', 'DELETED a 5']);
  });

  it('resumes a watch from retained history and answers 410 Expired beyond it', () => {
    const store = new MemoryStore({ historySize: 3 });
    for (const n of ['a', 'b', 'c', 'd', 'e']) store.create(pods, pod(n));
    const resumed: StoreEvent[] = [];
    store.watch(pods, { afterRevision: 3 }, (e) => resumed.push(e)).stop();
    expect(resumed.map((e) => e.name)).toEqual(['d', 'e']);
    expect(store.oldestWatchableRevision).toBe(2);
    expect(reasonOf(() => store.watch(pods, { afterRevision: 1 }, () => {}))).toBe('410 Expired: too old resource version: 1 (5)');
  });

  it('keeps delivering to other watchers when one listener throws', () => {
    const store = new MemoryStore();
    const seen: string[] = [];
    store.watch(pods, {}, () => {
      throw new Error('broken client');
    });
    store.watch(pods, {}, (e) => seen.push(e.name));
    store.create(pods, pod('a'));
    store.create(pods, pod('b'));
    expect(seen).toEqual(['a', 'b']);
  });

  it('checks uid preconditions', () => {
    const store = new MemoryStore();
    store.create(pods, pod('a', 'default', { metadata: { name: 'a', namespace: 'default', uid: 'u1' } }));
    expect(reasonOf(() => store.delete(pods, 'default', 'a', { uid: 'u2' }))).toMatch(/^409 Conflict: .*Precondition failed: UID in precondition: u2/);
    expect(store.delete(pods, 'default', 'a', { uid: 'u1' }).object.metadata.name).toBe('a');
  });
});

describe('MemoryStore list order and watch triggers', () => {
  it('keeps lists in namespace/name order across creates and deletes between lists', () => {
    const store = new MemoryStore();
    const names = () => store.list(pods).items.map((s) => `${s.object.metadata.namespace}/${s.object.metadata.name}`);
    store.create(pods, pod('m', 'b'));
    store.create(pods, pod('c', 'b'));
    expect(names()).toEqual(['b/c', 'b/m']);
    store.create(pods, pod('a', 'b'));
    store.create(pods, pod('z', 'a'));
    store.update(pods, pod('c', 'b', { spec: { v: 2 } }));
    expect(names()).toEqual(['a/z', 'b/a', 'b/c', 'b/m']);
    expect(store.list(pods).items[2]!.object.spec).toEqual({ v: 2 });
    store.delete(pods, 'a', 'z');
    store.delete(pods, 'b', 'c');
    expect(names()).toEqual(['b/a', 'b/m']);
    expect(store.list(pods, 'a').items).toEqual([]);
  });

  it('delivers to a triggered watcher only the events whose object has its value, before or after', () => {
    const store = new MemoryStore();
    const nodeOf = (obj: Readonly<KubeObject>): string => ((obj.spec as { nodeName?: string } | undefined)?.nodeName ?? '');
    const seen: string[] = [];
    const all: string[] = [];
    store.watch(pods, {}, (e) => all.push(`${e.type} ${e.name}`));
    const w = store.watch(pods, { trigger: { index: 'spec.nodeName', value: 'n1', valueOf: nodeOf } }, (e) => seen.push(`${e.type} ${e.name}`));
    store.create(pods, pod('a', 'default', { spec: { nodeName: 'n1' } }));
    store.create(pods, pod('b', 'default', { spec: { nodeName: 'n2' } }));
    store.create(pods, pod('c'));
    store.update(pods, pod('c', 'default', { spec: { nodeName: 'n1' } }));
    store.update(pods, pod('a', 'default', { spec: { nodeName: 'n2' } }));
    store.delete(pods, 'default', 'c');
    store.delete(pods, 'default', 'b');
    w.stop();
    store.create(pods, pod('d', 'default', { spec: { nodeName: 'n1' } }));
    expect(seen).toEqual(['ADDED a', 'MODIFIED c', 'MODIFIED a', 'DELETED c']);
    expect(all).toHaveLength(8);
    // Replayed history is filtered the same way.
    const replayed: string[] = [];
    store.watch(pods, { afterRevision: 0, trigger: { index: 'spec.nodeName', value: 'n2', valueOf: nodeOf } }, (e) => replayed.push(`${e.type} ${e.name}`)).stop();
    expect(replayed).toEqual(['ADDED b', 'MODIFIED a', 'DELETED b']);
  });
});
