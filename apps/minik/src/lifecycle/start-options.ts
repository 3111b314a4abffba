import { exitCodes } from '../exit-codes.js';
import { MinikError } from '../minik-error.js';

/** Validated options of `minik start`. */
export interface StartOptions {
  nodes: number;
  /** 0 picks a free port. */
  port: number;
  host: string;
  /** Always of the form v1.x.y. */
  kubernetesVersion: string;
  /** Set only for the detached cluster process: the file its output is redirected to. */
  logFile?: string;
}

/** Flags of `minik start` as yargs parsed them. */
export interface StartFlags {
  nodes: number;
  port: number;
  host: string;
  kubernetesVersion: string;
  logFile?: string | undefined;
}

function usage(message: string): MinikError {
  return new MinikError(message, exitCodes.programUsage, ['💡  See "minik start --help".']);
}

/**
 * Validates the flags of `minik start`. Like minikube, a version without its leading "v"
 * ("1.33.1") is accepted and normalised.
 */
export function parseStartOptions(flags: StartFlags): StartOptions {
  if (!Number.isInteger(flags.nodes) || flags.nodes < 1) {
    throw usage(`invalid --nodes ${String(flags.nodes)}: the cluster needs at least 1 node`);
  }
  if (!Number.isInteger(flags.port) || flags.port < 0 || flags.port > 65_535) {
    throw usage(`invalid --port ${String(flags.port)}: expected 0 (any free port) to 65535`);
  }
  if (flags.host.trim() === '') throw usage('invalid --host: expected an address such as 127.0.0.1');
  const match = /^v?(1\.\d+\.\d+)$/.exec(flags.kubernetesVersion);
  if (!match) {
    throw usage(
      `invalid --kubernetes-version "${flags.kubernetesVersion}": expected the form v1.x.y, e.g. v1.33.1`,
    );
  }
  return {
    nodes: flags.nodes,
    port: flags.port,
    host: flags.host,
    kubernetesVersion: `v${match[1] ?? ''}`,
    ...(flags.logFile === undefined ? {} : { logFile: flags.logFile }),
  };
}

/** The arguments that re-run this CLI as the detached cluster process. */
export function daemonArguments(options: StartOptions, logFile: string): string[] {
  return [
    'start',
    '--foreground',
    '--nodes',
    String(options.nodes),
    '--port',
    String(options.port),
    '--host',
    options.host,
    '--kubernetes-version',
    options.kubernetesVersion,
    '--log-file',
    logFile,
  ];
}
