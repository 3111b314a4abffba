import type { KubeObject } from '@minik/types';
import { ApiError, fieldErrors, invalid, type FieldError } from '../../errors/index.js';
import { AllocationError, allocatorContext, allocatorsOf, createServiceAllocators, type ServiceAllocators } from '../allocators.js';
import type { ResourceStrategy, StrategyContext } from '../resource-strategy.js';
import { uniqueErrors } from './field-error-list.js';
import { goValue } from './go-syntax.js';
import { isIPv4Address } from './ip-validation.js';
import { validateObjectMetaUpdate } from './metadata-validation.js';
import { cloneJson, defaultField, ensureObject, isJsonObject, objectsOf, stringOf, type JsonObject } from './object-fields.js';
import {
  clusterIPsOf,
  isExternallyAccessible,
  isExternalName,
  isHeadless,
  needsClusterIP,
  needsHealthCheck,
  needsInternalTrafficPolicy,
  needsNodePort,
  specOf,
  validateService,
  type ServiceSpecJson,
} from './service-validation.js';

const serviceTarget = { group: '', plural: 'services', kind: 'Service' } as const;

/**
 * core/v1 Service: SetDefaults_Service, ClusterIP / IP family / NodePort allocation
 * (pkg/registry/core/service/storage/alloc.go), ValidateService and ValidateServiceUpdate.
 *
 * The strategy is shared by every cluster of the process: each request works on the allocators of
 * its StrategyContext (see allocatorContext), or on pools kept per context object when the context
 * was built some other way (its own allocate functions are then not used). Validation and
 * onDelete find the pools again through the object (same instance, or its uid once stored).
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/registry/core/service/strategy.go
 */
export function createServiceStrategy(): ResourceStrategy {
  const byAllocators = new WeakMap<ServiceAllocators, ServiceAllocation>();
  const byContext = new WeakMap<StrategyContext, StrategyContext>();
  const byObject = new WeakMap<KubeObject, ServiceAllocation>();
  const byUid = new Map<string, ServiceAllocation>();
  let fallback: ServiceAllocation | undefined;

  const forAllocators = (allocators: ServiceAllocators): ServiceAllocation => {
    let allocation = byAllocators.get(allocators);
    if (allocation === undefined) {
      allocation = createServiceAllocation(allocators);
      byAllocators.set(allocators, allocation);
    }
    return allocation;
  };
  // A context not made by allocatorContext gets pools of its own, used through a stand-in context
  // so that random picks, reserved addresses and releases all go through the same allocators.
  const backedContext = (ctx: StrategyContext): StrategyContext => {
    if (allocatorsOf(ctx) !== undefined) return ctx;
    let backed = byContext.get(ctx);
    if (backed === undefined) {
      backed = allocatorContext(createServiceAllocators(), () => ctx.now());
      byContext.set(ctx, backed);
    }
    return backed;
  };
  const forObject = (...objs: KubeObject[]): ServiceAllocation => {
    for (const obj of objs) {
      const found = byObject.get(obj) ?? byUid.get(obj.metadata?.uid ?? '');
      if (found !== undefined) return found;
    }
    fallback ??= forAllocators(createServiceAllocators());
    return fallback;
  };
  const remember = (obj: KubeObject, allocation: ServiceAllocation, errors: FieldError[]): FieldError[] => {
    const uid = obj.metadata?.uid;
    if (errors.length === 0 && uid) byUid.set(uid, allocation);
    return errors;
  };

  return {
    applyDefaults(obj, ctx) {
      const backed = backedContext(ctx);
      const allocation = forAllocators(allocatorsOf(backed) ?? createServiceAllocators());
      byObject.set(obj, allocation);
      allocation.applyDefaults(obj, backed);
    },
    validateCreate(obj) {
      const allocation = forObject(obj);
      return remember(obj, allocation, allocation.validateCreate(obj));
    },
    validateUpdate(obj, old) {
      const allocation = forObject(obj, old);
      return remember(obj, allocation, allocation.validateUpdate(obj, old));
    },
    onDelete(obj) {
      forObject(obj).onDelete(obj);
      const uid = obj.metadata?.uid;
      if (uid && byUid.get(uid) !== undefined) byUid.delete(uid);
    },
  };
}

/** The Service rules bound to one cluster's allocators. */
type ServiceAllocation = Required<Pick<ResourceStrategy, 'applyDefaults' | 'validateCreate' | 'validateUpdate' | 'onDelete'>>;

/**
 * Upstream allocates after validation and rolls back on failure; here allocation happens while
 * defaulting, so values allocated for a request stay "pending" until its validation passes and are
 * released if it fails. On update, values missing from the new object (a `replace` without
 * clusterIP) are taken from the stored one, as upstream's patchAllocatedValues does.
 */
function createServiceAllocation(allocators: ServiceAllocators): ServiceAllocation {
  const { clusterIPs, nodePorts } = allocators;
  const pendingIPs = new Set<string>();
  const pendingPorts = new Set<number>();
  // The pending values picked at random because the client left the field empty: on update these
  // give way to the stored values (a requested value is kept, and validated).
  const autoIPs = new Set<string>();
  const autoPorts = new Set<number>();
  const forgetIP = (ip: string): boolean => {
    autoIPs.delete(ip);
    return pendingIPs.delete(ip);
  };
  const forgetPort = (port: number): boolean => {
    autoPorts.delete(port);
    return pendingPorts.delete(port);
  };

  // The object's uid (set before defaulting, kept on update) tells a Service re-asserting its own
  // values from a second object of the same name, e.g. a duplicate create (upstream: 422, not 409).
  const ownerOf = (svc: KubeObject): string => svc.metadata?.uid ?? `${svc.metadata?.namespace ?? ''}/${svc.metadata?.name ?? ''}`;

  /** Releases what a request allocated for `spec` and has not committed yet. */
  const releasePending = (spec: ServiceSpecJson): void => {
    for (const ip of clusterIPsOf(spec)) {
      if (forgetIP(ip)) clusterIPs.release(ip);
    }
    for (const port of nodePortsOf(spec)) {
      if (forgetPort(port)) nodePorts.release(port);
    }
  };

  /** Marks what `spec` holds as committed to `owner`. */
  const commit = (spec: ServiceSpecJson, owner: string): void => {
    for (const ip of clusterIPsOf(spec)) {
      if (forgetIP(ip) || clusterIPs.ownerOf(ip) === undefined) tryTake(() => clusterIPs.allocate(ip, owner));
    }
    for (const port of nodePortsOf(spec)) {
      if (forgetPort(port) || nodePorts.ownerOf(port) === undefined) tryTake(() => nodePorts.allocate(port, owner));
    }
  };

  /** Errors for requested values that were not reserved for this request and are taken or out of range. */
  const allocationErrors = (spec: ServiceSpecJson, owner: string, previous: ServiceSpecJson | undefined): FieldError[] => {
    const errs: FieldError[] = [];
    const ips = clusterIPsOf(spec);
    const oldIPs = previous === undefined ? [] : clusterIPsOf(previous);
    for (const ip of ips) {
      if (ip === 'None' || !isIPv4Address(ip) || pendingIPs.has(ip) || oldIPs.includes(ip)) continue;
      const problem = !clusterIPs.contains(ip)
        ? `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${clusterIPs.cidr}`
        : clusterIPs.isAllocated(ip) && clusterIPs.ownerOf(ip) !== owner
          ? 'provided IP is already allocated'
          : undefined;
      if (problem !== undefined) errs.push(fieldErrors.invalid('spec.clusterIPs', goValue.stringSlice(ips), `failed to allocate IP ${ip}: ${problem}`));
    }
    const oldPorts = previous === undefined ? [] : nodePortsOf(previous);
    objectsOf(spec.ports).forEach((port, i) => {
      const value = typeof port.nodePort === 'number' ? port.nodePort : 0;
      if (value === 0 || pendingPorts.has(value) || oldPorts.includes(value)) return;
      const problem = portProblem(value, owner);
      if (problem !== undefined) errs.push(fieldErrors.invalid(`spec.ports[${i}].nodePort`, value, problem));
    });
    return errs;
  };

  const portProblem = (port: number, owner: string): string | undefined => {
    if (!nodePorts.contains(port)) return `provided port is not in the valid range. The range of valid ports is ${nodePorts.min}-${nodePorts.max}`;
    if (nodePorts.isAllocated(port) && nodePorts.ownerOf(port) !== owner) return 'provided port is already allocated';
    return undefined;
  };

  return {
    applyDefaults(obj, ctx) {
      const spec = ensureObject(obj, 'spec');
      applyServiceDefaults(spec);
      normalizeClusterIPs(spec);
      initIPFamilyFields(spec);
      const owner = ownerOf(obj);
      const fresh: { ips: string[]; ports: number[] } = { ips: [], ports: [] };
      try {
        allocateClusterIP(spec, owner, ctx, fresh);
        allocateNodePorts(spec, owner, ctx, fresh);
      } catch (err) {
        for (const ip of fresh.ips) if (forgetIP(ip)) clusterIPs.release(ip);
        for (const port of fresh.ports) if (forgetPort(port)) nodePorts.release(port);
        throw translateAllocationError(err, obj);
      }
      const status = ensureObject(obj, 'status');
      if (!isJsonObject(status.loadBalancer)) status.loadBalancer = {};
    },

    validateCreate(obj) {
      const spec = specOf(obj);
      const owner = ownerOf(obj);
      const errs = uniqueErrors([...validateService(obj), ...allocationErrors(spec, owner, undefined)]);
      if (errs.length > 0) releasePending(spec);
      else commit(spec, owner);
      return errs;
    },

    validateUpdate(obj, old) {
      const spec = ensureObject(obj, 'spec');
      const oldSpec = specOf(old);
      const owner = ownerOf(obj);
      patchAllocatedValues(spec, oldSpec);
      const dropped = dropTypeDependentFields(spec, oldSpec);
      const errs = uniqueErrors([
        ...validateObjectMetaUpdate(obj.metadata),
        ...validateClusterIPsUnchanged(spec, oldSpec),
        ...validateService(obj),
        ...allocationErrors(spec, owner, oldSpec),
      ]);
      if (errs.length > 0) {
        releasePending(spec);
        return errs;
      }
      commit(spec, owner);
      // What the stored Service held and the new one no longer does goes back to the pools.
      const keptIPs = clusterIPsOf(spec);
      for (const ip of [...clusterIPsOf(oldSpec), ...dropped.ips]) if (ip !== 'None' && !keptIPs.includes(ip)) clusterIPs.release(ip);
      const keptPorts = nodePortsOf(spec);
      for (const port of [...nodePortsOf(oldSpec), ...dropped.ports]) if (!keptPorts.includes(port)) nodePorts.release(port);
      return errs;
    },

    // Also called when a create fails after defaulting: only what this object holds is released.
    onDelete(obj) {
      const spec = specOf(obj);
      const owner = ownerOf(obj);
      for (const ip of clusterIPsOf(spec)) {
        const holder = clusterIPs.ownerOf(ip);
        if (holder !== undefined && holder !== owner) continue;
        forgetIP(ip);
        clusterIPs.release(ip);
      }
      for (const port of nodePortsOf(spec)) {
        const holder = nodePorts.ownerOf(port);
        if (holder !== undefined && holder !== owner) continue;
        forgetPort(port);
        nodePorts.release(port);
      }
    },
  };

  function allocateClusterIP(spec: JsonObject, owner: string, ctx: StrategyContext, fresh: { ips: string[] }): void {
    if (!needsClusterIP(spec) || isHeadless(spec)) return;
    const requested = stringOf(spec.clusterIP);
    if (requested === '') {
      // A new client that sent clusterIPs without clusterIP gets a validation error instead.
      if (clusterIPsOf(spec).length > 0) return;
      let ip = allocateOrFail('a serviceIP', () => ctx.allocateClusterIP());
      // A context not backed by this strategy's allocator may hand out an IP that is taken here.
      if (!takes(() => clusterIPs.allocate(ip, owner))) ip = allocateOrFail('a serviceIP', () => clusterIPs.allocateNext(owner));
      pendingIPs.add(ip);
      autoIPs.add(ip);
      fresh.ips.push(ip);
      spec.clusterIP = ip;
      spec.clusterIPs = [ip];
      return;
    }
    if (!isIPv4Address(requested) || !clusterIPs.contains(requested)) return; // reported by validation
    if (!clusterIPs.isAllocated(requested)) {
      clusterIPs.allocate(requested, owner);
      pendingIPs.add(requested);
      fresh.ips.push(requested);
      return;
    }
    const holder = clusterIPs.ownerOf(requested);
    if (holder !== undefined && holder !== owner && !pendingIPs.has(requested)) {
      const ips = clusterIPsOf(spec);
      throw new AllocationFieldError(
        fieldErrors.invalid('spec.clusterIPs', goValue.stringSlice(ips), `failed to allocate IP ${requested}: provided IP is already allocated`),
      );
    }
  }

  /** initNodePorts: ports sharing a port number share a NodePort; requested values are honoured. */
  function allocateNodePorts(spec: JsonObject, owner: string, ctx: StrategyContext, fresh: { ports: number[] }): void {
    if (needsNodePort(spec)) {
      const shouldAllocate = spec.type === 'NodePort' || spec.allocateLoadBalancerNodePorts !== false;
      const ports = objectsOf(spec.ports);
      const byServicePort = new Map<unknown, number>();
      ports.forEach((port, i) => {
        const current = typeof port.nodePort === 'number' ? port.nodePort : 0;
        if (current === 0 && !shouldAllocate) return;
        const shared = byServicePort.get(port.port);
        if (shared === undefined) {
          const requested = current !== 0 ? current : (ports.find((p) => p.port === port.port && typeof p.nodePort === 'number' && p.nodePort !== 0)?.nodePort as number | undefined);
          const value = requested !== undefined ? reservePort(requested, owner, `spec.ports[${i}].nodePort`, fresh) : nextPort(ctx, owner, fresh);
          port.nodePort = value;
          byServicePort.set(port.port, value);
        } else if (current === 0) {
          port.nodePort = shared;
        } else if (current !== shared) {
          reservePort(current, owner, `spec.ports[${i}].nodePort`, fresh);
        }
      });
    }
    if (needsHealthCheck(spec)) {
      const current = typeof spec.healthCheckNodePort === 'number' ? spec.healthCheckNodePort : 0;
      spec.healthCheckNodePort = current !== 0 ? reservePort(current, owner, 'spec.healthCheckNodePort', fresh) : nextPort(ctx, owner, fresh);
    }
  }

  function nextPort(ctx: StrategyContext, owner: string, fresh: { ports: number[] }): number {
    let port = allocateOrFail('a nodePort', () => ctx.allocateNodePort());
    if (!takes(() => nodePorts.allocate(port, owner))) port = allocateOrFail('a nodePort', () => nodePorts.allocateNext(owner));
    pendingPorts.add(port);
    autoPorts.add(port);
    fresh.ports.push(port);
    return port;
  }

  function reservePort(port: number, owner: string, path: string, fresh: { ports: number[] }): number {
    if (!nodePorts.contains(port)) return port; // reported by validation
    if (!nodePorts.isAllocated(port)) {
      nodePorts.allocate(port, owner);
      pendingPorts.add(port);
      fresh.ports.push(port);
      return port;
    }
    const holder = nodePorts.ownerOf(port);
    if (holder !== undefined && holder !== owner && !pendingPorts.has(port)) {
      throw new AllocationFieldError(fieldErrors.invalid(path, port, 'provided port is already allocated'));
    }
    return port;
  }

  /** patchAllocatedValues: keep the stored ClusterIP and NodePorts when the update leaves them out. */
  function patchAllocatedValues(spec: JsonObject, oldSpec: ServiceSpecJson): void {
    if (needsClusterIP(oldSpec) && needsClusterIP(spec) && !isHeadless(oldSpec)) {
      const oldIP = stringOf(oldSpec.clusterIP);
      const ip = stringOf(spec.clusterIP);
      if (oldIP !== '' && (ip === '' || (autoIPs.has(ip) && pendingIPs.has(ip) && ip !== oldIP))) {
        if (ip !== '' && forgetIP(ip)) clusterIPs.release(ip);
        spec.clusterIP = oldIP;
        spec.clusterIPs = cloneJson(clusterIPsOf(oldSpec));
      }
    }
    if (needsNodePort(oldSpec) && needsNodePort(spec)) {
      const oldPorts = objectsOf(oldSpec.ports);
      const newPorts = objectsOf(spec.ports);
      const byName = new Map(oldPorts.map((p) => [stringOf(p.name), typeof p.nodePort === 'number' ? p.nodePort : 0]));
      const used = new Set(nodePortsOf(oldSpec).filter((p) => newPorts.some((np) => np.nodePort === p && !pendingPorts.has(p))));
      for (const port of newPorts) {
        const current = typeof port.nodePort === 'number' ? port.nodePort : 0;
        const isFresh = current !== 0 && autoPorts.has(current) && pendingPorts.has(current) && !nodePortsOf(oldSpec).includes(current);
        if (current !== 0 && !isFresh) continue;
        const candidate = byName.get(stringOf(port.name)) ?? 0;
        if (candidate === 0 || used.has(candidate)) continue;
        if (isFresh && forgetPort(current)) nodePorts.release(current);
        port.nodePort = candidate;
        used.add(candidate);
      }
    }
    if (needsHealthCheck(oldSpec) && needsHealthCheck(spec)) {
      const oldPort = typeof oldSpec.healthCheckNodePort === 'number' ? oldSpec.healthCheckNodePort : 0;
      const current = typeof spec.healthCheckNodePort === 'number' ? spec.healthCheckNodePort : 0;
      if (oldPort !== 0 && (current === 0 || (autoPorts.has(current) && pendingPorts.has(current) && current !== oldPort))) {
        if (current !== 0 && forgetPort(current)) nodePorts.release(current);
        spec.healthCheckNodePort = oldPort;
      }
    }
  }
}

/** A field error raised while allocating, turned into a 422 once the object's name is known. */
class AllocationFieldError extends Error {
  constructor(readonly fieldError: FieldError) {
    super(fieldError.message);
  }
}

/** An exhausted range: upstream answers 500 `Internal error occurred: failed to allocate …`. */
class RangeFullError extends Error {}

function allocateOrFail<T>(what: string, allocate: () => T): T {
  try {
    return allocate();
  } catch (err) {
    if (err instanceof AllocationError) throw new RangeFullError(`failed to allocate ${what}: ${err.message}`);
    throw err;
  }
}

function translateAllocationError(err: unknown, obj: KubeObject): unknown {
  const name = obj.metadata?.name ?? '';
  if (err instanceof AllocationFieldError) return invalid(serviceTarget, name, [err.fieldError]);
  if (err instanceof RangeFullError) return new ApiError('InternalError', `Internal error occurred: ${err.message}`, { causes: [{ message: err.message }] });
  return err;
}

/** Runs an allocation; false when the value is held under another owner (or out of range). */
function takes(take: () => void): boolean {
  try {
    take();
    return true;
  } catch {
    return false;
  }
}

function tryTake(take: () => void): void {
  // Held under another owner already: leave it, validation reports clashes.
  takes(take);
}

/** The NodePorts (and health-check NodePort) a Service spec holds. */
function nodePortsOf(spec: ServiceSpecJson): number[] {
  const ports = objectsOf(spec.ports)
    .map((p) => (typeof p.nodePort === 'number' ? p.nodePort : 0))
    .filter((p) => p !== 0);
  if (typeof spec.healthCheckNodePort === 'number' && spec.healthCheckNodePort !== 0) ports.push(spec.healthCheckNodePort);
  return [...new Set(ports)];
}

/** SetDefaults_Service. */
function applyServiceDefaults(spec: JsonObject): void {
  defaultField(spec, 'sessionAffinity', 'None');
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const config = isJsonObject(spec.sessionAffinityConfig) ? spec.sessionAffinityConfig : undefined;
    const clientIP = config !== undefined && isJsonObject(config.clientIP) ? config.clientIP : undefined;
    if (clientIP === undefined || typeof clientIP.timeoutSeconds !== 'number') spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  defaultField(spec, 'type', 'ClusterIP');
  for (const port of objectsOf(spec.ports)) {
    defaultField(port, 'protocol', 'TCP');
    if (port.targetPort === undefined || port.targetPort === null || port.targetPort === 0 || port.targetPort === '') port.targetPort = port.port;
  }
  if (isExternallyAccessible(spec)) defaultField(spec, 'externalTrafficPolicy', 'Cluster');
  if ((spec.internalTrafficPolicy === undefined || spec.internalTrafficPolicy === null) && needsInternalTrafficPolicy(spec)) {
    spec.internalTrafficPolicy = 'Cluster';
  }
  if (spec.type === 'LoadBalancer' && typeof spec.allocateLoadBalancerNodePorts !== 'boolean') spec.allocateLoadBalancerNodePorts = true;
}

/** NormalizeClusterIPs: an old client's singular clusterIP initialises the plural field. */
function normalizeClusterIPs(spec: JsonObject): void {
  const ip = stringOf(spec.clusterIP);
  if (ip !== '' && clusterIPsOf(spec).length === 0) spec.clusterIPs = [ip];
}

/** initIPFamilyFields for a single-stack IPv4 cluster. */
function initIPFamilyFields(spec: JsonObject): void {
  if (isExternalName(spec)) return;
  const selectorless = !(isJsonObject(spec.selector) && Object.keys(spec.selector).length > 0);
  if (spec.ipFamilyPolicy === undefined || spec.ipFamilyPolicy === null) {
    // Headless services without a selector default to dual-stack, even on single-stack clusters.
    spec.ipFamilyPolicy = isHeadless(spec) && selectorless ? 'RequireDualStack' : 'SingleStack';
  }
  const families = Array.isArray(spec.ipFamilies) ? spec.ipFamilies.map(String) : [];
  clusterIPsOf(spec).forEach((ip, i) => {
    if (ip === 'None' || i < families.length) return;
    if (isIPv4Address(ip)) families.push('IPv4');
  });
  if (families.length === 0) families.push('IPv4');
  if (isHeadless(spec) && selectorless && families.length < 2 && spec.ipFamilyPolicy !== 'SingleStack') {
    families.push(families[0] === 'IPv4' ? 'IPv6' : 'IPv4');
  }
  spec.ipFamilies = families;
}

/** validateUpgradeDowngradeClusterIPs: the primary ClusterIP never changes once set. */
function validateClusterIPsUnchanged(spec: ServiceSpecJson, oldSpec: ServiceSpecJson): FieldError[] {
  if (isExternalName(spec) || isExternalName(oldSpec)) return [];
  if (isHeadless(spec) && isHeadless(oldSpec)) return [];
  const ips = clusterIPsOf(spec);
  const oldIPs = clusterIPsOf(oldSpec);
  const errs: FieldError[] = [];
  if (ips.length === oldIPs.length) {
    oldIPs.forEach((ip, i) => {
      if (ip !== ips[i]) errs.push(fieldErrors.invalid(`spec.clusterIPs[${i}]`, goValue.stringSlice(ips), 'may not change once set'));
    });
  } else if (oldIPs.length > ips.length) {
    if (ips.length === 0) errs.push(fieldErrors.invalid('spec.clusterIPs[0]', goValue.stringSlice(ips), 'primary clusterIP can not be unset'));
  } else if (oldIPs.length > 0 && ips[0] !== oldIPs[0]) {
    errs.push(fieldErrors.invalid('spec.clusterIPs[0]', goValue.stringSlice(ips), 'may not change once set'));
  }
  return errs;
}

/**
 * dropTypeDependentFields: on a type change, fields the new type cannot have are cleared when the
 * client left them as they were. Returns what was cleared, to be released.
 */
function dropTypeDependentFields(spec: JsonObject, oldSpec: ServiceSpecJson): { ips: string[]; ports: number[] } {
  const dropped = { ips: [] as string[], ports: [] as number[] };
  const same = (key: string): boolean => JSON.stringify(spec[key]) === JSON.stringify(oldSpec[key]);
  if (needsClusterIP(oldSpec) && !needsClusterIP(spec)) {
    if (same('clusterIP') && same('clusterIPs')) {
      dropped.ips.push(...clusterIPsOf(spec));
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (same('ipFamilies')) delete spec.ipFamilies;
    if (same('ipFamilyPolicy')) delete spec.ipFamilyPolicy;
  }
  if (needsNodePort(oldSpec) && !needsNodePort(spec)) {
    const oldPorts = objectsOf(oldSpec.ports).map((p) => p.nodePort ?? 0);
    const newPorts = objectsOf(spec.ports).map((p) => p.nodePort ?? 0);
    if (JSON.stringify(oldPorts) === JSON.stringify(newPorts)) {
      for (const port of objectsOf(spec.ports)) {
        if (typeof port.nodePort === 'number' && port.nodePort !== 0) dropped.ports.push(port.nodePort);
        delete port.nodePort;
      }
    }
  }
  if (needsHealthCheck(oldSpec) && !needsHealthCheck(spec) && same('healthCheckNodePort')) {
    if (typeof spec.healthCheckNodePort === 'number') dropped.ports.push(spec.healthCheckNodePort);
    delete spec.healthCheckNodePort;
  }
  if (needsInternalTrafficPolicy(oldSpec) && !needsInternalTrafficPolicy(spec) && same('internalTrafficPolicy')) delete spec.internalTrafficPolicy;
  if (isExternallyAccessible(oldSpec) && !isExternallyAccessible(spec) && same('externalTrafficPolicy')) delete spec.externalTrafficPolicy;
  if (oldSpec.type === 'LoadBalancer' && spec.type !== 'LoadBalancer' && same('allocateLoadBalancerNodePorts')) delete spec.allocateLoadBalancerNodePorts;
  return dropped;
}
