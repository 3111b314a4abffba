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
  /** 'fast' (default): self-healing within seconds; 'realistic': upstream's timings. */
  speed: 'fast' | 'realistic';
  /** Seed for generated names and UIDs. */
  seed?: string;
  /** Append every request as a JSON line to this file. */
  auditLog?: string;
  /** Faults to inject from the start, each a FaultSpec in JSON. */
  faults: string[];
}

/** Flags of `minik start` as yargs parsed them. */
export interface StartFlags {
  nodes: number;
  port: number;
  host: string;
  kubernetesVersion: string;
  logFile?: string | undefined;
  realisticTiming?: boolean | undefined;
  seed?: string | undefined;
  auditLog?: string | undefined;
  fault?: readonly string[] | undefined;
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
  const faults = [...(flags.fault ?? [])];
  for (const fault of faults) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(fault);
    } catch {
      parsed = undefined;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw usage(`invalid --fault ${fault}: expected a JSON object such as '{"verb":"list","resource":"pods","status":503,"times":1}'`);
    }
  }
  return {
    nodes: flags.nodes,
    port: flags.port,
    host: flags.host,
    kubernetesVersion: `v${match[1] ?? ''}`,
    ...(flags.logFile === undefined ? {} : { logFile: flags.logFile }),
    speed: flags.realisticTiming ? 'realistic' : 'fast',
    ...(flags.seed === undefined ? {} : { seed: flags.seed }),
    ...(flags.auditLog === undefined ? {} : { auditLog: flags.auditLog }),
    faults,
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
    ...(options.speed === 'realistic' ? ['--realistic-timing'] : []),
    ...(options.seed === undefined ? [] : ['--seed', options.seed]),
    ...(options.auditLog === undefined ? [] : ['--audit-log', options.auditLog]),
    ...options.faults.flatMap((fault) => ['--fault', fault]),
  ];
}
