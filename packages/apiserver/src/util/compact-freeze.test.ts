import { describe, expect, it } from 'vitest';
import { frozenJsonCopy } from './compact-freeze.js';

describe('frozenJsonCopy', () => {
  it('gives what a JSON round trip gives, frozen all the way down', () => {
    const source = {
      kind: 'Pod',
      metadata: { name: 'web', labels: { app: 'web' }, annotations: undefined, 10: 'ten', 2: 'two' },
      spec: { containers: [{ name: 'c', args: ['a', undefined, () => 1] }], nodeName: undefined, fn: () => 1 },
      status: { startTime: new Date(0), ratio: Number.NaN, big: Infinity, ok: true, zero: 0, none: null, empty: {} },
    };
    const copy = frozenJsonCopy(source);
    expect(copy).toEqual(JSON.parse(JSON.stringify(source)));
    expect(JSON.stringify(copy)).toBe(JSON.stringify(source));
    expect(Object.isFrozen(copy.spec.containers[0]!.args)).toBe(true);
    expect(Object.isFrozen(copy.status.empty)).toBe(true);
  });

  it('never shares objects, not even empty ones, between or within copies', () => {
    const shared = {};
    const a = frozenJsonCopy({ x: shared, y: shared });
    const b = frozenJsonCopy({ x: shared, y: shared });
    expect(new Set([a.x, a.y, b.x, b.y, shared]).size).toBe(5);
  });

  it('keeps a key named __proto__ as an own property, as JSON.parse does', () => {
    const source = JSON.parse('{"data":{"__proto__":"x","a":"b"},"spec":{"__proto__":{"y":1}}}') as Record<string, Record<string, unknown>>;
    const copy = frozenJsonCopy(source);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(source));
    expect(Object.getPrototypeOf(copy.spec)).toBe(Object.prototype);
  });

  it('refuses a BigInt as JSON.stringify does', () => {
    expect(() => frozenJsonCopy({ n: 1n })).toThrow(TypeError);
  });

  it('shares what most pods repeat (labels, owner references, containers, tolerations, conditions, host IPs) between objects', () => {
    const pod = (name: string) => ({
      metadata: { name, ownerReferences: [{ kind: 'ReplicaSet', name: 'web-1', uid: 'u1', controller: true }], labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] }], tolerations: [{ key: 'k', operator: 'Exists' }], nodeName: name },
      status: { conditions: [{ type: 'Ready', status: 'True' }], podIP: name, hostIPs: [{ ip: '10.0.0.1' }] },
    });
    const [a, b] = [frozenJsonCopy(pod('a')), frozenJsonCopy(pod('b'))];
    expect(a).toEqual(pod('a'));
    expect(b.metadata.ownerReferences).toBe(a.metadata.ownerReferences);
    expect(b.spec.containers).toBe(a.spec.containers);
    expect(b.spec.tolerations).toBe(a.spec.tolerations);
    expect(b.status.conditions).toBe(a.status.conditions);
    expect(b.status.hostIPs).toBe(a.status.hostIPs);
    expect(b.metadata.labels).toBe(a.metadata.labels);
    expect(b.metadata).not.toBe(a.metadata);
    // Only at those places: a Deployment's template is copied, and so is a list that differs.
    const template = { spec: { template: { spec: { containers: [{ name: 'web' }] } } } };
    expect(frozenJsonCopy(template).spec.template.spec.containers).not.toBe(frozenJsonCopy(template).spec.template.spec.containers);
    expect(frozenJsonCopy({ ...pod('c'), status: { conditions: [{ type: 'Ready', status: 'False' }] } }).status.conditions).not.toBe(a.status.conditions);
    // Right after a copy shared a value, the same labels in another key order are not that value.
    const ordered = frozenJsonCopy({ metadata: { labels: { app: 'web', tier: 'front' } } }).metadata.labels;
    expect(frozenJsonCopy({ metadata: { labels: { app: 'web', tier: 'front' } } }).metadata.labels).toBe(ordered);
    const reordered = frozenJsonCopy({ metadata: { labels: { tier: 'front', app: 'web' } } }).metadata.labels;
    expect(reordered).not.toBe(ordered);
    expect(Object.keys(reordered)).toEqual(['tier', 'app']);
  });

  it("shares the state of a pod's one container, its empty last state and security context, never twice in a pod", () => {
    const status = (name: string) => ({ name, containerID: `simulated://${name}`, state: { running: { startedAt: '2024-01-01T00:00:00Z' } }, lastState: {} });
    const pod = (...names: string[]) => ({ spec: { securityContext: {} }, status: { containerStatuses: names.map(status), initContainerStatuses: names.map(status) } });
    const [a, b] = [frozenJsonCopy(pod('a')), frozenJsonCopy(pod('b'))];
    expect(b).toEqual(pod('b'));
    expect(b.status.containerStatuses[0]!.state).toBe(a.status.containerStatuses[0]!.state);
    expect(b.status.containerStatuses[0]!.lastState).toBe(a.status.containerStatuses[0]!.lastState);
    expect(b.spec.securityContext).toBe(a.spec.securityContext);
    expect(b.status.containerStatuses[0]).not.toBe(a.status.containerStatuses[0]);
    // Two containers started alike have equal states: each pod keeps its own, and init containers too.
    const two = frozenJsonCopy(pod('c', 'd'));
    const states = [...two.status.containerStatuses, ...two.status.initContainerStatuses, ...a.status.initContainerStatuses].flatMap((s) => [s.state, s.lastState]);
    expect(new Set([...states, a.status.containerStatuses[0]!.state, a.status.containerStatuses[0]!.lastState]).size).toBe(states.length + 2);
  });

  it("shares what an Event repeats: its source, the object it is about and its single managedFields entry", () => {
    const event = (reason: string, message: string) => ({
      metadata: { name: `web.${reason}`, managedFields: [{ manager: 'kubelet', operation: 'Update', fieldsV1: { 'f:count': {}, 'f:message': {} } }] },
      involvedObject: { kind: 'Pod', name: 'web', fieldPath: 'spec.containers{web}' },
      reason,
      message,
      source: { component: 'kubelet', host: 'node-1' },
    });
    const [created, started] = [frozenJsonCopy(event('Created', 'Created container: web')), frozenJsonCopy(event('Started', 'Started container web'))];
    expect(started).toEqual(event('Started', 'Started container web'));
    expect(started.source).toBe(created.source);
    expect(started.involvedObject).toBe(created.involvedObject);
    expect(started.metadata.managedFields).toBe(created.metadata.managedFields);
    expect(started.metadata).not.toBe(created.metadata);
  });

  describe('managedFields', () => {
    const controllerFields = { 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } }, 'f:spec': { 'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:image': {} } }, 'f:dnsPolicy': {} } };
    const kubeletFields = (ip: string) => ({
      'f:status': { 'f:conditions': { 'k:{"type":"Ready"}': { '.': {}, 'f:status': {} } }, 'f:phase': {}, 'f:podIPs': { '.': {}, [`k:{"ip":"${ip}"}`]: { '.': {}, 'f:ip': {} } } },
    });
    const pod = (ip: string) => ({
      metadata: {
        name: `web-${ip}`,
        managedFields: [
          { manager: 'kube-controller-manager', operation: 'Update', fieldsType: 'FieldsV1', fieldsV1: structuredClone(controllerFields) },
          { manager: 'kubelet', operation: 'Update', subresource: 'status', fieldsType: 'FieldsV1', fieldsV1: kubeletFields(ip) },
        ],
      },
    });

    it('shares equal field sets between objects, and the second-level subtrees of sets that differ', () => {
      const [a, b] = [frozenJsonCopy(pod('10.0.0.1')), frozenJsonCopy(pod('10.0.0.2'))];
      expect(a).toEqual(pod('10.0.0.1'));
      expect(JSON.stringify(b)).toBe(JSON.stringify(pod('10.0.0.2')));
      const [ca, cb] = [a.metadata.managedFields[0]!, b.metadata.managedFields[0]!];
      expect(ca.fieldsV1).toBe(cb.fieldsV1);
      // Equal entries (a ReplicaSet's pods created in one second) are one entry; another time is another.
      expect(ca).toBe(cb);
      const later = pod('10.0.0.3');
      Object.assign(later.metadata.managedFields[0]!, { time: '2024-01-01T00:00:01Z' });
      const cc = frozenJsonCopy(later).metadata.managedFields[0]!;
      expect(cc).not.toBe(ca);
      expect(cc.fieldsV1).toBe(ca.fieldsV1);
      expect(cc).toEqual(later.metadata.managedFields[0]);
      const [ka, kb] = [a.metadata.managedFields[1]!.fieldsV1, b.metadata.managedFields[1]!.fieldsV1] as ReturnType<typeof kubeletFields>[];
      expect(ka).not.toBe(kb);
      expect(ka!['f:status']['f:conditions']).toBe(kb!['f:status']['f:conditions']);
      expect(ka!['f:status']['f:podIPs']).not.toBe(kb!['f:status']['f:podIPs']);
      expect(Object.isFrozen(ka!['f:status']['f:podIPs'])).toBe(true);
    });

    it('never shares a set or a part of one twice within one object', () => {
      const twice = {
        metadata: {
          managedFields: [
            { manager: 'a', fieldsV1: structuredClone(controllerFields) },
            { manager: 'b', fieldsV1: structuredClone(controllerFields) },
            { manager: 'c', fieldsV1: { 'f:spec': structuredClone(controllerFields['f:spec']) } },
          ],
        },
      };
      const copy = frozenJsonCopy(twice);
      expect(copy).toEqual(twice);
      const [a, b, c] = copy.metadata.managedFields.map((e) => e.fieldsV1) as [typeof controllerFields, typeof controllerFields, Pick<typeof controllerFields, 'f:spec'>];
      expect(a).not.toBe(b);
      expect(a['f:spec']['f:containers']).not.toBe(b['f:spec']['f:containers']);
      expect(c['f:spec']['f:containers']).not.toBe(a['f:spec']['f:containers']);
      expect(c['f:spec']['f:containers']).not.toBe(b['f:spec']['f:containers']);
    });

    it('copies only metadata.managedFields that way; malformed entries as any value', () => {
      const odd = { spec: { managedFields: [{ fieldsV1: { 'f:a': { 'f:b': {} } } }] }, metadata: { managedFields: [null, 'x', { fieldsV1: [1] }, { fieldsV1: { 'f:a': { 'f:b': { 'f:c': undefined } } } }] } };
      const [one, two] = [frozenJsonCopy(odd), frozenJsonCopy(odd)];
      expect(one).toEqual(JSON.parse(JSON.stringify(odd)));
      expect(one.spec.managedFields[0]!.fieldsV1).not.toBe(two.spec.managedFields[0]!.fieldsV1);
      expect(one.metadata.managedFields[3]).toEqual({ fieldsV1: { 'f:a': { 'f:b': {} } } });
    });
  });
});
