import type { Container, Node, Pod, Taint } from '@minik/types';
import { parseQuantity } from '../resources/strategies/quantity.js';
import { deepFreeze } from '../util/deep-freeze.js';

/** Resource amounts in the units the scheduler compares: millicores, bytes, counts. */
export interface Resources {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  /** Extended resources (nvidia.com/gpu, hugepages-2Mi, …) by name. */
  scalar: Record<string, number>;
}

/** What a node offers and what its pods already take, as the scheduler's NodeInfo. */
export interface NodeInfo {
  readonly name: string;
  readonly node: Readonly<Node>;
  /** Pods bound to the node that still hold resources (not Succeeded or Failed). */
  readonly pods: readonly Readonly<Pod>[];
  readonly allocatable: Resources & { pods: number };
  /** Sum of the pods' requests. */
  readonly requested: Resources;
  /** The same with upstream's defaults for pods that request nothing (scoring only). */
  readonly nonZeroRequested: Resources;
  /*
   * Flat copies of what the filters and scores read for every node of every cycle. With 5,000
   * nodes, reaching a node's numbers through node/allocatable/requested was one cache miss per
   * object: memory latency, not arithmetic, was most of a cycle (bench/ S4).
   */
  /** spec.unschedulable (cordoned). */
  readonly unschedulable: boolean;
  /** spec.taints (empty when none). */
  readonly taints: readonly Taint[];
  /** allocatable − requested, for pods, CPU, memory and ephemeral storage. */
  readonly freePods: number;
  readonly freeMilliCPU: number;
  readonly freeMemory: number;
  readonly freeEphemeralStorage: number;
  /** allocatable and nonZeroRequested CPU and memory, as the resource scores read them. */
  readonly allocatableMilliCPU: number;
  readonly allocatableMemory: number;
  readonly nonZeroMilliCPU: number;
  readonly nonZeroMemory: number;
  /** The node's pods per controller ({@link ownerKeyOf}), which PodTopologySpread spreads against. */
  readonly podsByOwner: ReadonlyMap<string, number>;
}

const noTaints: readonly Taint[] = Object.freeze([]);

/** schedutil.DefaultMilliCPURequest and DefaultMemoryRequest: what a pod without requests counts as when scoring. */
export const defaultMilliCPURequest = 100;
export const defaultMemoryRequest = 200 * 1024 * 1024;

const empty = (): Resources => ({ milliCPU: 0, memory: 0, ephemeralStorage: 0, scalar: {} });

function quantity(value: string | number | undefined, unit: 'milli' | 'unit'): number {
  if (value === undefined) return 0;
  const nanos = parseQuantity(value);
  if (nanos === undefined) return 0;
  return unit === 'milli' ? Number((nanos + 999_999n) / 1_000_000n) : Number((nanos + 999_999_999n) / 1_000_000_000n);
}

/** A resource list (requests, allocatable) in scheduler units. */
export function resourcesOf(list: Readonly<Record<string, string | number>> | undefined): Resources {
  const out = empty();
  for (const [name, value] of Object.entries(list ?? {})) {
    if (name === 'cpu') out.milliCPU = quantity(value, 'milli');
    else if (name === 'memory') out.memory = quantity(value, 'unit');
    else if (name === 'ephemeral-storage') out.ephemeralStorage = quantity(value, 'unit');
    else if (name !== 'pods') out.scalar[name] = quantity(value, 'unit');
  }
  return out;
}

function add(a: Resources, b: Resources): Resources {
  const scalar = { ...a.scalar };
  for (const [k, v] of Object.entries(b.scalar)) scalar[k] = (scalar[k] ?? 0) + v;
  return { milliCPU: a.milliCPU + b.milliCPU, memory: a.memory + b.memory, ephemeralStorage: a.ephemeralStorage + b.ephemeralStorage, scalar };
}

function addInto(total: Resources, b: Resources): void {
  total.milliCPU += b.milliCPU;
  total.memory += b.memory;
  total.ephemeralStorage += b.ephemeralStorage;
  for (const k in b.scalar) total.scalar[k] = (total.scalar[k] ?? 0) + b.scalar[k]!;
}

function max(a: Resources, b: Resources): Resources {
  const scalar = { ...a.scalar };
  for (const [k, v] of Object.entries(b.scalar)) scalar[k] = Math.max(scalar[k] ?? 0, v);
  return { milliCPU: Math.max(a.milliCPU, b.milliCPU), memory: Math.max(a.memory, b.memory), ephemeralStorage: Math.max(a.ephemeralStorage, b.ephemeralStorage), scalar };
}

const requestsOf = (c: Readonly<Container>): Resources => resourcesOf(c.resources?.requests as Record<string, string> | undefined);

/** What the scheduler derives from a pod: its requests (plain and non-zero) and its controller. */
interface PodFacts {
  readonly requests: Resources;
  readonly nonZeroRequests: Resources;
  readonly ownerKey: string | undefined;
}

// Stored pods are frozen: what they request and who owns them cannot change, so it is worked out
// once per pod, not once per node and plugin of every cycle (quantities parse through BigInt).
const factsByPod = new WeakMap<object, PodFacts>();
// A scheduling cycle asks about the same pod for every node it looks at.
let lastPod: object | undefined;
let lastFacts: PodFacts | undefined;

// Pods of one controller have the same facts: one frozen copy serves them all (100,000 pods kept
// two resource lists and an owner key each).
let factsByValue = new Map<string, PodFacts>();
const maxSharedFacts = 4_096;

function sharedFacts(requests: Resources, nonZeroRequests: Resources, ownerKey: string | undefined): PodFacts {
  const key = JSON.stringify([requests, nonZeroRequests, ownerKey ?? null]);
  let facts = factsByValue.get(key);
  if (facts === undefined) {
    if (factsByValue.size >= maxSharedFacts) factsByValue = new Map();
    facts = { requests: deepFreeze(requests), nonZeroRequests: deepFreeze(nonZeroRequests), ownerKey };
    factsByValue.set(key, facts);
  }
  return facts;
}

function podFacts(pod: Readonly<Pod>): PodFacts {
  if (pod === lastPod) return lastFacts!;
  let facts = factsByPod.get(pod);
  if (!facts) {
    facts = sharedFacts(computePodRequests(pod, false), computePodRequests(pod, true), computeOwnerKey(pod));
    if (!Object.isFrozen(pod)) return facts;
    factsByPod.set(pod, facts);
  }
  lastPod = pod;
  lastFacts = facts;
  return facts;
}

/**
 * A pod's effective request (resourcehelper.PodRequests): the sum over app containers and
 * sidecars, at least the largest init container, plus the pod overhead. With `nonZero`, CPU and
 * memory that a container leaves unset count as upstream's defaults.
 */
export function podRequests(pod: Readonly<Pod>, nonZero = false): Resources {
  const facts = podFacts(pod);
  return nonZero ? facts.nonZeroRequests : facts.requests;
}

/** The pod's namespace and controller uid, as `+namespace/uid`; undefined without a controller. */
export function ownerKeyOf(pod: Readonly<Pod>): string | undefined {
  return podFacts(pod).ownerKey;
}

function computeOwnerKey(pod: Readonly<Pod>): string | undefined {
  const uid = pod.metadata?.ownerReferences?.find((o) => o.controller)?.uid;
  if (uid === undefined) return undefined;
  const namespace = pod.metadata?.namespace;
  return `${namespace === undefined ? '-' : `+${namespace}`}/${uid}`;
}

function computePodRequests(pod: Readonly<Pod>, nonZero: boolean): Resources {
  const withDefaults = (r: Resources): Resources =>
    nonZero ? { ...r, milliCPU: r.milliCPU || defaultMilliCPURequest, memory: r.memory || defaultMemoryRequest } : r;
  let sum = empty();
  for (const c of pod.spec?.containers ?? []) sum = add(sum, withDefaults(requestsOf(c)));
  let sidecars = empty();
  let initMax = empty();
  for (const c of pod.spec?.initContainers ?? []) {
    const r = withDefaults(requestsOf(c));
    if (c.restartPolicy === 'Always') {
      sidecars = add(sidecars, r);
      initMax = max(initMax, sidecars);
    } else {
      initMax = max(initMax, add(sidecars, r));
    }
  }
  let total = max(add(sum, sidecars), initMax);
  if (pod.spec?.overhead) total = add(total, resourcesOf(pod.spec.overhead as Record<string, string>));
  return total;
}

/** Whether a pod still holds its node's resources. */
export function holdsResources(pod: Readonly<Pod>): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed';
}

/** NodeInfo of every node, with the pods bound to it. */
export function nodeInfos(nodes: readonly Readonly<Node>[], pods: readonly Readonly<Pod>[]): NodeInfo[] {
  const byNode = new Map<string, Readonly<Pod>[]>();
  for (const pod of pods) {
    const name = pod.spec?.nodeName;
    if (!name || !holdsResources(pod)) continue;
    let list = byNode.get(name);
    if (!list) byNode.set(name, (list = []));
    list.push(pod);
  }
  return nodes.map((node) => nodeInfo(node, byNode.get(node.metadata?.name ?? '') ?? []));
}

/** The NodeInfo of one node with the pods bound to it that hold resources. */
export function nodeInfo(node: Readonly<Node>, pods: readonly Readonly<Pod>[]): NodeInfo {
  const requested = empty();
  const nonZeroRequested = empty();
  const podsByOwner = new Map<string, number>();
  // One pass over the pods (each fetched from memory once), summing in place.
  for (const pod of pods) {
    const facts = podFacts(pod);
    addInto(requested, facts.requests);
    addInto(nonZeroRequested, facts.nonZeroRequests);
    if (facts.ownerKey !== undefined) podsByOwner.set(facts.ownerKey, (podsByOwner.get(facts.ownerKey) ?? 0) + 1);
  }
  const allocatableList = (node.status?.allocatable ?? node.status?.capacity ?? {}) as Record<string, string>;
  const allocatable = { ...resourcesOf(allocatableList), pods: Number(allocatableList['pods'] ?? 110) };
  return {
    name: node.metadata?.name ?? '',
    node,
    pods,
    allocatable,
    requested,
    nonZeroRequested,
    unschedulable: node.spec?.unschedulable === true,
    taints: node.spec?.taints && node.spec.taints.length > 0 ? node.spec.taints : noTaints,
    freePods: allocatable.pods - pods.length,
    freeMilliCPU: allocatable.milliCPU - requested.milliCPU,
    freeMemory: allocatable.memory - requested.memory,
    freeEphemeralStorage: allocatable.ephemeralStorage - requested.ephemeralStorage,
    allocatableMilliCPU: allocatable.milliCPU,
    allocatableMemory: allocatable.memory,
    nonZeroMilliCPU: nonZeroRequested.milliCPU,
    nonZeroMemory: nonZeroRequested.memory,
    podsByOwner,
  };
}
