import type { KubeObject, Node, Pod, PodCondition } from '@minik/types';
import { bindPod } from '../api/handlers/subresource-handlers.js';
import type { InProcessClient } from '../client/in-process-client.js';
import { Controller, objectKey, splitKey } from '../controllers/runtime/index.js';
import { ApiError } from '../errors/index.js';
import { EventBroadcaster, type EventsV1Recorder } from '../controllers/events/event-recorder.js';
import type { StoreEvent } from '../store/index.js';
import type { Clock, TimerHandle } from '../util/clock.js';
import { deepEqual } from '../util/deep-equal.js';
import { rfc3339 } from '../util/time.js';
import { fitErrorMessage } from './fit-error.js';
import type { FilterPlugin, FilterStatus, ScorePlugin } from './framework.js';
import { holdsResources, nodeInfos, type NodeInfo } from './node-info.js';
import { SchedulerCache } from './scheduler-cache.js';
import { nodeAffinity, nodeAffinityScore } from './plugins/node-affinity.js';
import { nodeName } from './plugins/node-name.js';
import { nodePorts } from './plugins/node-ports.js';
import { balancedAllocation, leastAllocated, nodeResourcesFit } from './plugins/node-resources-fit.js';
import { nodeUnschedulable } from './plugins/node-unschedulable.js';
import { podTopologySpread } from './plugins/pod-topology-spread.js';
import { taintToleration, taintTolerationScore } from './plugins/taint-toleration.js';

const podRef = { apiVersion: 'v1', kind: 'Pod' };
const nodeRef = { apiVersion: 'v1', kind: 'Node' };

/** The scheduler's name in pods' spec.schedulerName and in its events. */
export const defaultSchedulerName = 'default-scheduler';

/** The default profile's Filter plugins, in upstream's order. */
export const defaultFilters: readonly FilterPlugin[] = [nodeUnschedulable, nodeName, taintToleration, nodeAffinity, nodePorts, nodeResourcesFit];
/** The default profile's Score plugins with their weights. */
export const defaultScores: readonly ScorePlugin[] = [taintTolerationScore, nodeAffinityScore, leastAllocated, podTopologySpread, balancedAllocation];

/** What the scheduler needs. */
export interface SchedulerOptions {
  client: InProcessClient;
  clock: Clock;
  /** The cluster's name, for the reporting instance (`default-scheduler-minik`). */
  instance?: string;
  filters?: readonly FilterPlugin[];
  scores?: readonly ScorePlugin[];
  /** podMaxInUnschedulablePodsDuration: unschedulable pods are retried at least this often (5 min). */
  unschedulableRetryMs?: number;
  /** The cluster's event sink; the scheduler records through the events.k8s.io-style recorder. */
  events?: EventBroadcaster;
  onError?: (error: unknown) => void;
}

// minFeasibleNodesToFind and minFeasibleNodesPercentageToFind of kube-scheduler.
const minFeasibleNodesToFind = 100;
const minFeasibleNodesPercentageToFind = 5;

/**
 * How many feasible nodes a cycle looks for before scoring (numFeasibleNodesToFind in upstream's
 * pkg/scheduler/schedule_one.go, with the default adaptive percentageOfNodesToScore): every node
 * below 100, else 50% minus 1% per 125 nodes, at least 5%, at least 100 nodes.
 */
export function numFeasibleNodesToFind(allNodes: number): number {
  if (allNodes < minFeasibleNodesToFind) return allNodes;
  const percentage = Math.max(minFeasibleNodesPercentageToFind, 50 - Math.trunc(allNodes / 125));
  const nodes = Math.trunc((allNodes * percentage) / 100);
  return nodes < minFeasibleNodesToFind ? minFeasibleNodesToFind : nodes;
}

/** The outcome of one scheduling cycle. */
export type ScheduleResult = { node: string } | { unschedulable: string };

/**
 * The default scheduler: binds each pending pod (no spec.nodeName, schedulerName
 * default-scheduler) to the best feasible node through the binding subresource, writing
 * `Scheduled` / `FailedScheduling` events and the PodScheduled condition as kube-scheduler does.
 * Unschedulable pods are retried when nodes change or pods go away.
 */
export class Scheduler {
  readonly #client: InProcessClient;
  readonly #clock: Clock;
  readonly #filters: readonly FilterPlugin[];
  readonly #scores: readonly ScorePlugin[];
  readonly #events: EventsV1Recorder;
  readonly #queue: Controller;
  readonly #unschedulable = new Set<string>();
  readonly #options: SchedulerOptions;
  #watches: { stop(): void }[] = [];
  #flushTimer: TimerHandle | undefined;
  /** Nodes and their pods, kept from the watches while the scheduler runs. */
  readonly #cache = new SchedulerCache();
  #cacheLive = false;
  /** Where the next cycle starts looking when it samples nodes (nextStartNodeIndex). */
  #nextStartNodeIndex = 0;

  constructor(options: SchedulerOptions) {
    this.#options = options;
    this.#client = options.client;
    this.#clock = options.clock;
    this.#filters = options.filters ?? defaultFilters;
    this.#scores = options.scores ?? defaultScores;
    const instance = `${defaultSchedulerName}-${options.instance ?? 'minik'}`;
    this.#events = (options.events ?? new EventBroadcaster(options.client, options.clock)).newEventsV1Recorder(defaultSchedulerName, instance, options.client);
    this.#queue = new Controller(
      { name: defaultSchedulerName, reconcile: (key) => this.#scheduleKey(key) },
      { clock: options.clock, onError: (_, __, error) => options.onError?.(error) },
    );
  }

  start(): void {
    this.#watches = [
      this.#client.watch(podRef, (event) => this.#onPod(event)),
      this.#client.watch(nodeRef, (event) => this.#onNode(event)),
    ];
    const pods = this.#client.list<Pod & KubeObject>(podRef);
    this.#cache.fill(this.#client.list<Node & KubeObject>(nodeRef), pods);
    this.#cacheLive = true;
    this.#queue.start();
    for (const pod of pods) if (this.#wants(pod)) this.#queue.enqueue(objectKey(pod.metadata.namespace, pod.metadata.name ?? ''));
    this.#scheduleFlush();
  }

  stop(): void {
    for (const watch of this.#watches) watch.stop();
    this.#watches = [];
    this.#cacheLive = false;
    this.#cache.clear();
    this.#queue.stop();
    if (this.#flushTimer) this.#clock.clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
  }

  /** The scheduling queue (to settle a cluster with). */
  get queue(): Controller {
    return this.#queue;
  }

  /** Resolves when no pod waits to be scheduled right now. */
  idle(): Promise<void> {
    return this.#queue.idle();
  }

  /** Runs one scheduling cycle for a pod: filter, score, bind (or record why not). */
  schedule(pod: Readonly<Pod>): ScheduleResult {
    const nodes = this.#nodeView();
    const count = nodes.count;
    const wanted = numFeasibleNodesToFind(count);
    // Evaluating every node, start at the first in name order (ties go to it); sampling, go
    // round-robin from where the last cycle stopped, as upstream's nextStartNodeIndex does.
    const sampling = wanted < count;
    const start = sampling ? this.#nextStartNodeIndex % count : 0;
    const statuses: FilterStatus[] = [];
    const feasible: NodeInfo[] = [];
    const filters = this.#filters.filter((plugin) => !plugin.skip?.(pod));
    let processed = 0;
    for (; processed < count && feasible.length < wanted; processed++) {
      const info = nodes.at((start + processed) % count);
      let status: FilterStatus | undefined;
      for (const plugin of filters) {
        status = plugin.filter(pod, info);
        if (status) break;
      }
      if (status) statuses.push(status);
      else feasible.push(info);
    }
    if (sampling) this.#nextStartNodeIndex = (start + processed) % count;
    if (feasible.length === 0) return { unschedulable: fitErrorMessage(pod, count, statuses) };
    return { node: this.#pick(pod, feasible).name };
  }

  /** The nodes with their pods: from the cache while running, else from a fresh list. */
  #nodeView(): { count: number; at(index: number): NodeInfo } {
    if (this.#cacheLive) return { count: this.#cache.nodeCount, at: (i) => this.#cache.infoAt(i) };
    const infos = nodeInfos(this.#client.list<Node & KubeObject>(nodeRef), this.#client.list<Pod & KubeObject>(podRef));
    return { count: infos.length, at: (i) => infos[i]! };
  }

  /** The feasible node with the highest weighted score; ties go to the first in name order. */
  #pick(pod: Readonly<Pod>, feasible: NodeInfo[]): NodeInfo {
    if (feasible.length === 1) return feasible[0]!;
    const totals = feasible.map(() => 0);
    for (const plugin of this.#scores) {
      if (plugin.skip?.(pod)) continue;
      const raw = feasible.map((info) => plugin.score(pod, info, feasible));
      const normalized = plugin.normalize ? plugin.normalize(raw) : raw;
      normalized.forEach((score, i) => (totals[i]! += score * plugin.weight));
    }
    let best = 0;
    for (let i = 1; i < feasible.length; i++) if (totals[i]! > totals[best]!) best = i;
    return feasible[best]!;
  }

  #wants(pod: Readonly<Pod & KubeObject>): boolean {
    return !pod.spec?.nodeName && !pod.metadata.deletionTimestamp && (pod.spec?.schedulerName ?? defaultSchedulerName) === defaultSchedulerName && holdsResources(pod);
  }

  #scheduleKey(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = this.#client.get<Pod & KubeObject>(podRef, namespace, name);
    if (!pod || !this.#wants(pod) || (pod.spec?.schedulingGates ?? []).length > 0) {
      this.#unschedulable.delete(key);
      return;
    }
    const result = this.schedule(pod);

    if ('node' in result) {
      try {
        bindPod(this.#client.context, this.#client.resource(podRef), namespace, name, result.node);
      } catch (error) {
        // Bound or deleted meanwhile: nothing left to do for this pod.
        if (error instanceof ApiError && (error.reason === 'Conflict' || error.reason === 'NotFound')) return;
        throw error;
      }
      this.#unschedulable.delete(key);
      this.#events.event(pod, undefined, 'Normal', 'Scheduled', 'Binding', `Successfully assigned ${namespace}/${name} to ${result.node}`);
      return;
    }
    this.#unschedulable.add(key);
    this.#markUnschedulable(pod, result.unschedulable);
    this.#events.event(pod, undefined, 'Warning', 'FailedScheduling', 'Scheduling', result.unschedulable);
  }

  /** PodScheduled=False, reason Unschedulable, with the FitError as message (the scheduler's status update). */
  #markUnschedulable(pod: Readonly<Pod & KubeObject>, message: string): void {
    const conditions = [...(pod.status?.conditions ?? [])];
    const old = conditions.find((c) => c.type === 'PodScheduled');
    const condition: PodCondition = {
      type: 'PodScheduled',
      status: 'False',
      lastProbeTime: null as unknown as string,
      lastTransitionTime: old?.status === 'False' && old.lastTransitionTime ? old.lastTransitionTime : rfc3339(this.#clock.now()),
      reason: 'Unschedulable',
      message,
    };
    if (old && deepEqual(old, condition)) return;
    const next = conditions.filter((c) => c.type !== 'PodScheduled');
    next.push(condition);
    this.#client.updateStatus(podRef, { apiVersion: 'v1', kind: 'Pod', metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace }, status: { ...pod.status, conditions: next } });
  }

  #onPod(event: StoreEvent): void {
    if (this.#cacheLive) this.#cache.onPod(event);
    const pod = event.stored.object as Pod & KubeObject;
    const key = objectKey(event.namespace, event.name);
    if (event.type !== 'DELETED' && this.#wants(pod)) {
      // A status write of our own (PodScheduled=False) does not need another attempt.
      const own = event.type === 'MODIFIED' && this.#unschedulable.has(key) && deepEqual((event.previous?.object as Pod | undefined)?.spec, pod.spec);
      if (!own) this.#queue.enqueue(key);
      return;
    }
    this.#unschedulable.delete(key);
    // A pod that leaves a node (deleted, finished) frees room: unschedulable pods get another try.
    const before = event.previous?.object as Pod | undefined;
    const freed = event.type === 'DELETED' ? !!pod.spec?.nodeName : !!pod.spec?.nodeName && (!holdsResources(pod) || !!pod.metadata.deletionTimestamp) && (before === undefined || holdsResources(before));
    if (freed) this.#retryUnschedulable();
  }

  #onNode(event: StoreEvent): void {
    if (this.#cacheLive) this.#cache.onNode(event);
    // Only changes that can make a pod fit matter (nodeSchedulingPropertiesChange).
    if (event.type === 'MODIFIED') {
      const before = event.previous?.object as Node | undefined;
      const after = event.stored.object as Node;
      const ready = (n: Node | undefined): string | undefined => n?.status?.conditions?.find((c) => c.type === 'Ready')?.status;
      const same =
        deepEqual(before?.spec, after.spec) &&
        deepEqual(before?.metadata?.labels, after.metadata?.labels) &&
        deepEqual(before?.status?.allocatable, after.status?.allocatable) &&
        ready(before) === ready(after);
      if (same) return;
    }
    this.#retryUnschedulable();
  }

  #retryUnschedulable(): void {
    for (const key of this.#unschedulable) this.#queue.enqueue(key);
  }

  #scheduleFlush(): void {
    const every = this.#options.unschedulableRetryMs ?? 300_000;
    this.#flushTimer = this.#clock.setTimeout(() => {
      this.#retryUnschedulable();
      this.#scheduleFlush();
    }, every);
  }
}
