import type { SimulatedKubelet } from '../kubelet/simulated-kubelet.js';

/** How the API server reaches nodes: the simulated kubelet of each node (the pod network behind it). */
export interface NodeNetwork {
  /** The kubelet of a node; undefined when the simulation runs none for it. */
  kubelet(nodeName: string): SimulatedKubelet | undefined;
  /** The address the API server's connections come from (the control-plane node's IP). */
  readonly apiserverIP: string;
}
