import type { Environment } from '../cli-context.js';
import { exitCodes } from '../exit-codes.js';
import { MinikError } from '../minik-error.js';
import type { Output } from '../output.js';
import { profileName } from '../profile.js';
import { readRunningState, resolveStatePaths, type IsMinikProcess } from '../state/cluster-state.js';

/** The node admin API of a running cluster (see packages/apiserver/src/kubelet/node-admin-api.ts). */
export const nodeAdminPath = '/minik/v1/nodes';

/** A node as the admin API reports it. */
export interface SimulatedNode {
  name: string;
  internalIP: string;
  controlPlane: boolean;
  running: boolean;
}

/** What the `minik node` commands need from the process. */
export interface NodeCommandDeps {
  output: Output;
  env: Environment;
  homeDir: string;
  isMinikProcess: IsMinikProcess;
  fetch: typeof fetch;
}

/** `minik node …` actions, like `minikube node …`. */
export type NodeAction = 'list' | 'add' | 'stop' | 'start' | 'delete';

interface StatusBody {
  kind?: string;
  message?: string;
}

async function call<T>(deps: NodeCommandDeps, url: string, method: string, path: string): Promise<T> {
  let response: Response;
  try {
    response = await deps.fetch(new URL(path, url), { method, signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new MinikError(`${profileName} does not answer at ${url}: ${(error as Error).message}`, exitCodes.guestNotRunning, ['💡  Check it with "minik status".']);
  }
  const body = (await response.json().catch(() => ({}))) as T & StatusBody;
  if (!response.ok) {
    const code = response.status === 404 ? exitCodes.guestNotFound : exitCodes.failure;
    throw new MinikError(body.message ?? `${method} ${path} failed with ${response.status}`, code);
  }
  return body;
}

/** A node name as the user typed it: `minik-m02`, or its short form `m02`, as minikube accepts. */
function resolveName(nodes: readonly SimulatedNode[], name: string): string {
  if (nodes.some((n) => n.name === name)) return name;
  const long = `${profileName}-${name}`;
  if (nodes.some((n) => n.name === long)) return long;
  throw new MinikError(`retrieving node: Could not find node ${name}`, exitCodes.guestNotFound, ['💡  "minik node list" shows the nodes.']);
}

const shortName = (name: string): string => (name.startsWith(`${profileName}-`) ? name.slice(profileName.length + 1) : name);

/**
 * `minik node list|add|stop NAME|start NAME|delete NAME`: the node lifecycle of the running
 * cluster, through its admin API, with minikube's wording. Returns the exit code.
 */
export async function manageNodes(action: NodeAction, name: string | undefined, deps: NodeCommandDeps): Promise<number> {
  const state = await readRunningState(resolveStatePaths(deps.env, deps.homeDir), deps.isMinikProcess);
  if (!state) throw new MinikError(`${profileName} is not running`, exitCodes.guestNotRunning, ['💡  Start it with "minik start".']);
  const { url } = state;
  const list = async (): Promise<SimulatedNode[]> => (await call<{ items: SimulatedNode[] }>(deps, url, 'GET', nodeAdminPath)).items;
  switch (action) {
    case 'list':
      for (const node of await list()) deps.output.info(`${node.name}\t${node.internalIP}`);
      return 0;
    case 'add': {
      const used = new Set((await list()).map((n) => n.name));
      let next = 2;
      while (used.has(`${profileName}-m${String(next).padStart(2, '0')}`)) next++;
      deps.output.info(`😄  Adding node m${String(next).padStart(2, '0')} to cluster ${profileName} as [worker]`);
      const node = await call<SimulatedNode>(deps, url, 'POST', nodeAdminPath);
      deps.output.info(`🏄  Successfully added ${shortName(node.name)} to ${profileName}!`);
      return 0;
    }
    case 'stop': {
      const target = resolveName(await list(), name ?? '');
      deps.output.info(`✋  Stopping node "${target}"  ...`);
      await call(deps, url, 'POST', `${nodeAdminPath}/${encodeURIComponent(target)}/stop`);
      deps.output.info(`🛑  Successfully stopped node ${target}`);
      return 0;
    }
    case 'start': {
      const nodes = await list();
      const target = resolveName(nodes, name ?? '');
      const role = nodes.find((n) => n.name === target)?.controlPlane ? 'control-plane' : 'worker';
      deps.output.info(`👍  Starting "${target}" ${role} node in "${profileName}" cluster`);
      await call(deps, url, 'POST', `${nodeAdminPath}/${encodeURIComponent(target)}/start`);
      deps.output.info(`😄  Successfully started node ${target}!`);
      return 0;
    }
    case 'delete': {
      const nodes = await list();
      const target = resolveName(nodes, name ?? '');
      if (nodes.find((n) => n.name === target)?.controlPlane) throw new MinikError(`cannot delete the control-plane node "${target}"`, exitCodes.failure);
      deps.output.info(`🔥  Deleting node ${target} from cluster ${profileName}`);
      await call(deps, url, 'DELETE', `${nodeAdminPath}/${encodeURIComponent(target)}`);
      deps.output.info(`💀  Node ${target} was successfully deleted.`);
      return 0;
    }
  }
}
