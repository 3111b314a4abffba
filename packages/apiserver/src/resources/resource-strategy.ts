import type { KubeObject } from '@minik/types';
import type { FieldError } from '../errors/index.js';

/** Cluster-wide services a strategy may call while defaulting (allocators, the clock). */
export interface StrategyContext {
  /** The current time as an RFC 3339 string with second precision. */
  now(): string;
  /** A free ClusterIP from the service CIDR (10.96.0.0/12). */
  allocateClusterIP(): string;
  /** A free NodePort in 30000–32767. */
  allocateNodePort(): number;
}

/**
 * Per-kind behaviour of the generic verbs, keyed by kind in the strategy table. Every hook works
 * on a private, writable copy of the object and may mutate it. Absent hooks mean "nothing to do".
 */
export interface ResourceStrategy {
  /** Apply the defaults a real API server sets on create (and again after every update). */
  applyDefaults?(obj: KubeObject, ctx: StrategyContext): void;
  /** Field errors of a new object (name rules included); empty when valid. */
  validateCreate?(obj: KubeObject): FieldError[];
  /** Field errors of an update against the stored object (immutable fields); empty when valid. */
  validateUpdate?(obj: KubeObject, old: KubeObject): FieldError[];
  /** Release what a deleted object held (ClusterIPs, NodePorts). */
  onDelete?(obj: KubeObject): void;
}
