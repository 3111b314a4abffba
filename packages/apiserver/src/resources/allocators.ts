/**
 * Cluster-wide allocators for Service ClusterIPs and NodePorts, modelled on upstream's bitmap
 * allocators: random picks come from the upper part of the range first, leaving a lower "static
 * band" for explicitly requested values (KEP-3070 / KEP-3668). Allocations may carry an owner
 * (`namespace/name`) so that a Service re-asserting its own IP on update is not a clash.
 * https://github.com/kubernetes/kubernetes/tree/v1.33.1/pkg/registry/core/service/ipallocator
 * https://github.com/kubernetes/kubernetes/tree/v1.33.1/pkg/registry/core/service/portallocator
 */

import type { StrategyContext } from './resource-strategy.js';

/** Why an allocation failed; `message` is upstream's error text. */
export type AllocationFailure = 'AlreadyAllocated' | 'NotInRange' | 'Full';

/** An allocation that could not be made. */
export class AllocationError extends Error {
  constructor(
    readonly reason: AllocationFailure,
    message: string,
  ) {
    super(message);
    this.name = 'AllocationError';
  }
}

/** Options shared by both allocators. */
export interface AllocatorOptions {
  /** Uniform random numbers in [0, 1); inject a seeded one for deterministic tests. */
  random?: () => number;
}

/** Integer offsets 0…size-1 with owners, random allocation preferring offsets ≥ staticBand. */
class OffsetAllocator {
  private readonly held = new Map<number, string | undefined>();

  constructor(
    readonly size: number,
    staticBand: number,
    private readonly random: () => number,
    private readonly neverRandom: ReadonlySet<number> = new Set(),
  ) {
    this.staticBand = Math.min(staticBand, size);
  }

  private readonly staticBand: number;

  get used(): number {
    return this.held.size;
  }

  has(offset: number): boolean {
    return this.held.has(offset);
  }

  ownerOf(offset: number): string | undefined {
    return this.held.get(offset);
  }

  /** Upstream's randomScanStrategyWithOffset: a random start, scanning forward with wrap-around. */
  next(owner: string | undefined): number | undefined {
    const upper = this.size - this.staticBand;
    const pick = (count: number, base: number): number | undefined => {
      if (count <= 0) return undefined;
      const start = Math.floor(this.random() * count) % count;
      for (let i = 0; i < count; i++) {
        const at = base + ((start + i) % count);
        if (!this.held.has(at) && !this.neverRandom.has(at)) return at;
      }
      return undefined;
    };
    const at = pick(upper, this.staticBand) ?? pick(this.staticBand, 0);
    if (at !== undefined) this.held.set(at, owner);
    return at;
  }

  /** Takes `offset`; false when another owner holds it. An ownerless holding is adopted. */
  take(offset: number, owner: string | undefined): boolean {
    if (this.held.has(offset)) {
      const current = this.held.get(offset);
      if (current === undefined && owner !== undefined) this.held.set(offset, owner);
      else if (current !== owner) return false;
      return true;
    }
    this.held.set(offset, owner);
    return true;
  }

  release(offset: number): boolean {
    return this.held.delete(offset);
  }

  reset(entries: Iterable<readonly [number, string | undefined]>): void {
    this.held.clear();
    for (const [offset, owner] of entries) this.held.set(offset, owner);
  }
}

/** The first IP of the service range, which the `kubernetes` Service in `default` always gets. */
export const kubernetesServiceIP = '10.96.0.1';
/** The conventional kube-dns ClusterIP (the tenth address of the range). */
export const clusterDNSIP = '10.96.0.10';
/** The default service CIDR, as kubeadm and minikube configure it. */
export const defaultServiceCIDR = '10.96.0.0/12';

function ipv4ToNumber(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (m === null) return undefined;
  const octets = m.slice(1).map(Number);
  if (octets.some((o) => o > 255)) return undefined;
  return octets.reduce((acc, o) => acc * 256 + o, 0);
}

function numberToIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/**
 * ClusterIPs from an IPv4 service CIDR (default 10.96.0.0/12). The network and broadcast
 * addresses are never used; 10.96.0.1 and 10.96.0.10 are only handed out when asked for.
 */
export class ClusterIPAllocator {
  readonly cidr: string;
  private readonly first: number;
  private readonly offsets: OffsetAllocator;

  constructor(options: AllocatorOptions & { cidr?: string } = {}) {
    this.cidr = options.cidr ?? defaultServiceCIDR;
    const [address = '', prefixText = ''] = this.cidr.split('/');
    const network = ipv4ToNumber(address);
    const prefix = Number(prefixText);
    if (network === undefined || !Number.isInteger(prefix) || prefix < 8 || prefix > 30) throw new Error(`unsupported service CIDR ${this.cidr}`);
    const rangeSize = 2 ** (32 - prefix);
    this.first = network + 1;
    // calculateRangeOffset: min(max(16, size/16), 256) addresses kept for static allocation.
    const staticBand = rangeSize < 16 ? 0 : Math.min(Math.max(16, Math.floor(rangeSize / 16)), 256);
    const reserved = new Set([kubernetesServiceIP, clusterDNSIP].map((ip) => (ipv4ToNumber(ip) ?? 0) - this.first));
    this.offsets = new OffsetAllocator(rangeSize - 2, staticBand, options.random ?? Math.random, reserved);
  }

  /** A free IP, picked at random; throws `range is full` when none is left. */
  allocateNext(owner?: string): string {
    const offset = this.offsets.next(owner);
    if (offset === undefined) throw new AllocationError('Full', 'range is full');
    return numberToIPv4(this.first + offset);
  }

  /** Takes a requested IP; throws when it is outside the range or held by another owner. */
  allocate(ip: string, owner?: string): void {
    const offset = this.offsetOf(ip);
    if (offset === undefined) {
      throw new AllocationError('NotInRange', `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${this.cidr}`);
    }
    if (!this.offsets.take(offset, owner)) throw new AllocationError('AlreadyAllocated', 'provided IP is already allocated');
  }

  /**
   * Reserves the `kubernetes` Service's IP (the first of the range) and returns it. Without an
   * owner the reservation is adopted by the first Service that asks for that IP.
   */
  allocateKubernetesServiceIP(owner?: string): string {
    const ip = numberToIPv4(this.first);
    this.allocate(ip, owner);
    return ip;
  }

  /** Frees an IP; false when it was not allocated. */
  release(ip: string): boolean {
    const offset = this.offsetOf(ip);
    return offset !== undefined && this.offsets.release(offset);
  }

  isAllocated(ip: string): boolean {
    const offset = this.offsetOf(ip);
    return offset !== undefined && this.offsets.has(offset);
  }

  /** The owner an IP was allocated for, if any. */
  ownerOf(ip: string): string | undefined {
    const offset = this.offsetOf(ip);
    return offset === undefined ? undefined : this.offsets.ownerOf(offset);
  }

  /** True when `ip` is a usable address of the range. */
  contains(ip: string): boolean {
    return this.offsetOf(ip) !== undefined;
  }

  /** How many IPs are allocated. */
  get used(): number {
    return this.offsets.used;
  }

  /**
   * Replaces the allocation table with what the stored Services hold, like upstream's repair
   * controller; this also frees anything leaked by creates that failed after defaulting.
   */
  repair(held: Iterable<readonly [ip: string, owner: string | undefined]>): void {
    const entries: [number, string | undefined][] = [];
    for (const [ip, owner] of held) {
      const offset = this.offsetOf(ip);
      if (offset !== undefined) entries.push([offset, owner]);
    }
    this.offsets.reset(entries);
  }

  private offsetOf(ip: string): number | undefined {
    const n = ipv4ToNumber(ip);
    if (n === undefined) return undefined;
    const offset = n - this.first;
    return offset >= 0 && offset < this.offsets.size ? offset : undefined;
  }
}

/** The default NodePort range (`--service-node-port-range`). */
export const defaultNodePortRange = { min: 30000, max: 32767 } as const;

/** NodePorts from 30000–32767. */
export class NodePortAllocator {
  readonly min: number;
  readonly max: number;
  private readonly offsets: OffsetAllocator;

  constructor(options: AllocatorOptions & { min?: number; max?: number } = {}) {
    this.min = options.min ?? defaultNodePortRange.min;
    this.max = options.max ?? defaultNodePortRange.max;
    const size = this.max - this.min + 1;
    // calculateRangeOffset for ports: min(max(16, size/32), 128).
    const staticBand = size < 16 ? 0 : Math.min(Math.max(16, Math.floor(size / 32)), 128);
    this.offsets = new OffsetAllocator(size, staticBand, options.random ?? Math.random);
  }

  /** A free port, picked at random; throws `range is full` when none is left. */
  allocateNext(owner?: string): number {
    const offset = this.offsets.next(owner);
    if (offset === undefined) throw new AllocationError('Full', 'range is full');
    return this.min + offset;
  }

  /** Takes a requested port; throws when it is outside the range or held by another owner. */
  allocate(port: number, owner?: string): void {
    if (!this.contains(port)) {
      throw new AllocationError(
        'NotInRange',
        `provided port is not in the valid range. The range of valid ports is ${this.min}-${this.max}`,
      );
    }
    if (!this.offsets.take(port - this.min, owner)) throw new AllocationError('AlreadyAllocated', 'provided port is already allocated');
  }

  /** Frees a port; false when it was not allocated. */
  release(port: number): boolean {
    return this.contains(port) && this.offsets.release(port - this.min);
  }

  isAllocated(port: number): boolean {
    return this.contains(port) && this.offsets.has(port - this.min);
  }

  /** The owner a port was allocated for, if any. */
  ownerOf(port: number): string | undefined {
    return this.contains(port) ? this.offsets.ownerOf(port - this.min) : undefined;
  }

  contains(port: number): boolean {
    return Number.isInteger(port) && port >= this.min && port <= this.max;
  }

  /** How many ports are allocated. */
  get used(): number {
    return this.offsets.used;
  }

  /** Replaces the allocation table with what the stored Services hold (see ClusterIPAllocator). */
  repair(held: Iterable<readonly [port: number, owner: string | undefined]>): void {
    const entries: [number, string | undefined][] = [];
    for (const [port, owner] of held) if (this.contains(port)) entries.push([port - this.min, owner]);
    this.offsets.reset(entries);
  }
}

/** The two allocators of one cluster. */
export interface ServiceAllocators {
  clusterIPs: ClusterIPAllocator;
  nodePorts: NodePortAllocator;
}

/** Fresh allocators with the default ranges (10.96.0.0/12, 30000–32767). */
export function createServiceAllocators(options: AllocatorOptions = {}): ServiceAllocators {
  const random = options.random ? { random: options.random } : {};
  return { clusterIPs: new ClusterIPAllocator(random), nodePorts: new NodePortAllocator(random) };
}

const allocatorsKey = Symbol('minik.serviceAllocators');

/** RFC 3339 with second precision, as the API server stamps timestamps. */
const wallClock = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * A StrategyContext backed by `allocators`. The Service strategy finds the allocators through the
 * context, so it reserves requested values and releases deleted ones in the same pools.
 */
export function allocatorContext(allocators: ServiceAllocators, now: () => string = wallClock): StrategyContext {
  const ctx: StrategyContext = {
    now,
    allocateClusterIP: () => allocators.clusterIPs.allocateNext(),
    allocateNodePort: () => allocators.nodePorts.allocateNext(),
  };
  Object.defineProperty(ctx, allocatorsKey, { value: allocators, enumerable: false });
  return ctx;
}

/** The allocators behind a context made by {@link allocatorContext}, if it was. */
export function allocatorsOf(ctx: StrategyContext): ServiceAllocators | undefined {
  return (ctx as unknown as { [allocatorsKey]?: ServiceAllocators })[allocatorsKey];
}
