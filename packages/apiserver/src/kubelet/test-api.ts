import type { KubeObject, ResourceDefinition } from '@minik/types';
import { builtinResources } from '@minik/types';
import type { ApiContext } from '../api/api-context.js';
import { createObject } from '../api/object-writes.js';
import { InProcessClient } from '../client/in-process-client.js';
import { nodeInternalIP, nodeObject, nodePodCIDR } from '../cluster/node-object.js';
import { ResourceRegistry } from '../resources/resource-registry.js';
import { createStrategyContext } from '../resources/strategy-context.js';
import { strategyFor } from '../resources/strategy-table.js';
import { MemoryStore } from '../store/index.js';
import type { Clock } from '../util/clock.js';
import type { IdSource } from '../util/ids.js';
import { rfc3339 } from '../util/time.js';

/** Deterministic ids: uid-1, uid-2, …; suffixes from a counter. */
export function sequentialIds(): IdSource {
  let uid = 0;
  let suffix = 0;
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  return {
    uid: () => `00000000-0000-4000-8000-${String(++uid).padStart(12, '0')}`,
    suffix: (n) => {
      let value = suffix++;
      let out = '';
      for (let i = 0; i < n; i++) {
        out = alphabet[value % alphabet.length] + out;
        value = Math.floor(value / alphabet.length);
      }
      return out;
    },
  };
}

/** A bare API (store, registry, strategies) with namespaces and nodes, for unit tests of the simulation. */
export function testApi(clock: Clock, options: { nodes?: number; kubernetesVersion?: string; capacity?: Partial<Record<'cpu' | 'memory' | 'pods' | 'ephemeral-storage', string>> } = {}): {
  context: ApiContext;
  client: InProcessClient;
  nodes: { name: string; podCIDR: string; internalIP: string }[];
} {
  const store = new MemoryStore();
  const registry = new ResourceRegistry(builtinResources);
  const context: ApiContext = {
    store,
    registry,
    strategyFor: (def: ResourceDefinition) => strategyFor(def.group, def.kind),
    strategyContext: createStrategyContext(clock),
    clock,
    ids: sequentialIds(),
  };
  const client = new InProcessClient(context);
  const create = (obj: KubeObject): void => {
    const def = registry.byKind(obj.apiVersion ?? 'v1', obj.kind ?? '')!;
    createObject(context, def, obj, obj.metadata.namespace, { dryRun: false, fieldManager: undefined, fieldValidation: 'Strict' });
  };
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  const nodes = [];
  const version = options.kubernetesVersion ?? 'v1.33.1';
  const capacity = { cpu: '2', memory: '4015852Ki', pods: '110', 'ephemeral-storage': '61202244Ki', ...options.capacity };
  for (let i = 0; i < (options.nodes ?? 1); i++) {
    const name = i === 0 ? 'minik' : `minik-m${String(i + 1).padStart(2, '0')}`;
    create(nodeObject({ name, index: i, kubeletVersion: version, controlPlane: i === 0, capacity }, rfc3339(clock.now())));
    nodes.push({ name, podCIDR: nodePodCIDR(i), internalIP: nodeInternalIP(i) });
  }
  return { context, client, nodes };
}
