import { mkdir } from 'node:fs/promises';
import type { Environment } from '../cli-context.js';
import { exitCodes, knownExitCodes, type ExitCode } from '../exit-codes.js';
import { resolveKubeconfigPath } from '../kubeconfig/kubeconfig-path.js';
import { mergeKubeconfig, readKubeconfigFile, updateKubeconfigFile } from '../kubeconfig/merge-kubeconfig.js';
import { errorPrefix, MinikError } from '../minik-error.js';
import type { Output } from '../output.js';
import { kubeconfigEntry } from '../profile.js';
import {
  readRunningState,
  readStateFile,
  resolveStatePaths,
  type IsMinikProcess,
} from '../state/cluster-state.js';
import { alreadyRunning } from './already-running.js';
import { readLogTail } from './read-log-tail.js';
import type { ProcessExit, SpawnDaemon } from './spawn-daemon.js';
import { daemonArguments, type StartOptions } from './start-options.js';
import { printStartBanner, printStartSummary } from './start-summary.js';
import { waitUntilReady } from './wait-until-ready.js';

/** What {@link startDetached} needs from the process. */
export interface DetachedDeps {
  output: Output;
  env: Environment;
  homeDir: string;
  /** The Node.js binary and this CLI's script, to re-run as `start --foreground`. */
  execPath: string;
  cliEntry: string;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  isMinikProcess: IsMinikProcess;
  spawnDaemon: SpawnDaemon;
  probeReady: (url: string) => Promise<boolean>;
  assertCanListen: (host: string, port: number) => Promise<void>;
  readyTimeoutMs?: number;
}

const defaultReadyTimeoutMs = 10_000;
const pollIntervalMs = 100;

async function logDetails(logFile: string): Promise<string[]> {
  const tail = await readLogTail(logFile);
  if (tail.length === 0) return [`📄  Nothing was logged to ${logFile}.`];
  return [`📄  Last lines of ${logFile}:`, ...tail.map((line) => `    ${line}`)];
}

/**
 * The error of a cluster process that died before it was ready. When it reported an error of its
 * own (a busy port, a cluster started meanwhile), that error and its exit code are passed on.
 */
async function exitedError(exit: ProcessExit, logFile: string): Promise<MinikError> {
  if (exit.error) {
    return new MinikError(`could not start the cluster process: ${exit.error.message}`, exitCodes.failure);
  }
  const details = await logDetails(logFile);
  const reported = (await readLogTail(logFile, 200))
    .filter((line) => line.includes(errorPrefix))
    .at(-1)
    ?.split(errorPrefix)[1];
  // Exit code 1 is an unexpected error: its first line says nothing, the log tail says more.
  if (
    reported !== undefined &&
    exit.code !== null &&
    exit.code !== exitCodes.failure &&
    knownExitCodes.has(exit.code)
  ) {
    return new MinikError(reported, exit.code as ExitCode, details);
  }
  const how = exit.signal === null ? `with code ${String(exit.code)}` : `on ${exit.signal}`;
  return new MinikError(
    `the cluster process exited ${how} before it was ready`,
    exitCodes.controlPlaneError,
    details,
  );
}

/**
 * `minik start`: runs `minik start --foreground` as a detached process logging to a file under
 * $MINIK_HOME, waits until it has recorded its state and answers /readyz, then configures
 * kubectl and prints the summary. Returns the exit code.
 */
export async function startDetached(options: StartOptions, deps: DetachedDeps): Promise<number> {
  const paths = resolveStatePaths(deps.env, deps.homeDir);
  const kubeconfigPath = resolveKubeconfigPath(deps.env, deps.homeDir);

  const running = await readRunningState(paths, deps.isMinikProcess);
  if (running) throw alreadyRunning(running);
  printStartBanner(deps.output, options.kubernetesVersion);
  // Fail on an unreadable kubeconfig or a busy port before starting anything.
  mergeKubeconfig(
    await readKubeconfigFile(kubeconfigPath),
    kubeconfigEntry('http://127.0.0.1'),
    kubeconfigPath,
  );
  if (options.port !== 0) await deps.assertCanListen(options.host, options.port);

  await mkdir(paths.home, { recursive: true });
  const daemon = await deps.spawnDaemon({
    command: deps.execPath,
    args: [deps.cliEntry, ...daemonArguments(options, paths.logFile)],
    logFile: paths.logFile,
    cwd: paths.home,
    env: deps.env,
  });
  const timeoutMs = deps.readyTimeoutMs ?? defaultReadyTimeoutMs;
  const readiness = await waitUntilReady({
    pid: daemon.pid,
    exited: daemon.exited,
    readState: async () => {
      const file = await readStateFile(paths);
      return file.kind === 'present' ? file.state : undefined;
    },
    probeReady: deps.probeReady,
    now: deps.now,
    sleep: deps.sleep,
    timeoutMs,
    pollIntervalMs,
  });
  switch (readiness.kind) {
    case 'exited':
      throw await exitedError(readiness.exit, paths.logFile);
    case 'timeout':
      // Do not leave a half-started cluster holding the port.
      daemon.kill('SIGTERM');
      throw new MinikError(
        `the API server was not ready within ${timeoutMs / 1000}s`,
        exitCodes.controlPlaneTimeout,
        await logDetails(paths.logFile),
      );
    case 'ready': {
      const { state } = readiness;
      await updateKubeconfigFile(kubeconfigPath, (text) =>
        mergeKubeconfig(text, kubeconfigEntry(state.url), kubeconfigPath),
      );
      printStartSummary(deps.output, { url: state.url, nodes: state.nodes });
      return 0;
    }
  }
}
