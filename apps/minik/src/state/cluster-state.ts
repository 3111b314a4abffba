import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Environment } from '../cli-context.js';

/** What a running cluster process records about itself, written once it listens. */
export interface ClusterState {
  pid: number;
  url: string;
  host: string;
  port: number;
  nodes: number;
  kubernetesVersion: string;
  /** RFC 3339. */
  startedAt: string;
  /** Where the process's output goes; absent for a cluster started with --foreground in a terminal. */
  logFile?: string;
}

/** Files under $MINIK_HOME. */
export interface StatePaths {
  home: string;
  stateFile: string;
  logFile: string;
}

/** Whether `pid` is a live minik cluster process (see process-probe.ts). */
export type IsMinikProcess = (pid: number) => Promise<boolean>;

/** $MINIK_HOME, default ~/.minik (minikube: $MINIKUBE_HOME, default ~/.minikube). */
export function resolveStatePaths(env: Environment, homeDir: string): StatePaths {
  const home = env['MINIK_HOME'] || join(homeDir, '.minik');
  return { home, stateFile: join(home, 'cluster.json'), logFile: join(home, 'cluster.log') };
}

function isClusterState(value: unknown): value is ClusterState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Record<string, unknown>;
  return (
    Number.isInteger(state['pid']) &&
    typeof state['url'] === 'string' &&
    typeof state['host'] === 'string' &&
    typeof state['port'] === 'number' &&
    typeof state['nodes'] === 'number' &&
    typeof state['kubernetesVersion'] === 'string' &&
    typeof state['startedAt'] === 'string' &&
    (state['logFile'] === undefined || typeof state['logFile'] === 'string')
  );
}

/** The recorded state: `missing`, `corrupt` (unreadable JSON, wrong shape) or the state itself. */
export type StateFile = { kind: 'missing' } | { kind: 'corrupt' } | { kind: 'present'; state: ClusterState };

/** Reads the state file as it is, without checking the process. */
export async function readStateFile(paths: StatePaths): Promise<StateFile> {
  let text: string;
  try {
    text = await readFile(paths.stateFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  try {
    const value: unknown = JSON.parse(text);
    return isClusterState(value) ? { kind: 'present', state: value } : { kind: 'corrupt' };
  } catch {
    return { kind: 'corrupt' };
  }
}

/**
 * The state of the cluster that is running now, or undefined. A state file left behind by a
 * process that is gone (killed, crashed, machine rebooted) or that cannot be read is removed, so
 * the next start does not trip over it.
 */
export async function readRunningState(
  paths: StatePaths,
  isMinikProcess: IsMinikProcess,
): Promise<ClusterState | undefined> {
  const file = await readStateFile(paths);
  if (file.kind === 'missing') return undefined;
  if (file.kind === 'present' && (await isMinikProcess(file.state.pid))) return file.state;
  await removeStateFile(paths, file.kind === 'present' ? file.state.pid : undefined);
  return undefined;
}

/**
 * Records a newly started cluster. Exclusive and atomic: the JSON is written to a temporary file
 * and hard-linked into place, which fails if the state file already exists, so of two clusters
 * started at once only one is recorded and readers never see half a file. Returns false when a
 * state file was already there.
 */
export async function createStateFile(paths: StatePaths, state: ClusterState): Promise<boolean> {
  await mkdir(paths.home, { recursive: true });
  const temporary = `${paths.stateFile}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, paths.stateFile);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temporary, { force: true });
  }
}

/**
 * Removes the state file if it still describes process `pid` (or is unreadable), so a process
 * never removes the record of a cluster started after it. Without `pid`, removes it if corrupt.
 */
export async function removeStateFile(paths: StatePaths, pid?: number): Promise<void> {
  const file = await readStateFile(paths);
  if (file.kind === 'missing') return;
  if (file.kind === 'present' && file.state.pid !== pid) return;
  await rm(paths.stateFile, { force: true });
}
