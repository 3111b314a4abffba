import type { Container } from '@minik/types';
import type { ImageReference } from './image-reference.js';

/** An HTTP request as it reaches a simulated container (through the API server's proxy). */
export interface AppRequest {
  readonly method: string;
  /** Path with its leading slash, still percent-encoded. */
  readonly path: string;
  /** The raw query string without `?` ('' when none). */
  readonly query: string;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array | undefined;
  readonly port: number;
  readonly scheme: 'http' | 'https';
  /** Where the connection comes from (the API server's node address). */
  readonly clientIP: string;
  /** The address the client dialled: the pod IP. */
  readonly hostIP: string;
}

/** What a simulated container answers. */
export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

/** What a container process knows when it starts. */
export interface AppStartContext {
  readonly image: ImageReference;
  readonly container: Readonly<Container>;
  readonly pod: { readonly name: string; readonly namespace: string; readonly uid: string; readonly ip: string; readonly nodeName: string };
  /** HOSTNAME and the container's literal env values. */
  readonly env: Readonly<Record<string, string>>;
  /** How many times this container restarted before (0 for the first run). */
  readonly restartCount: number;
  /** Current time on the cluster clock, in ms since the epoch. */
  now(): number;
  /** Writes one line to the container's stdout (a trailing newline is added). */
  log(line: string): void;
  /** Runs `fn` after `ms` on the cluster clock, unless the container has stopped by then. */
  after(ms: number, fn: () => void): void;
}

/** How a process reacts to SIGTERM: exits promptly (the default), or only dies at SIGKILL. */
export type SigtermBehaviour = 'exit' | 'ignore';

/** A running simulated process. */
export interface AppProcess {
  /** Ports it accepts connections on; 'any' answers on every port. */
  readonly ports: readonly number[] | 'any';
  /** Answers one request; only called for a port it listens on. */
  handle(request: AppRequest): AppResponse;
  readonly sigterm?: SigtermBehaviour;
  /** When the process ends on its own: after `afterMs` with `exitCode`. */
  readonly exit?: { readonly afterMs: number; readonly exitCode: number };
  /** Called when SIGTERM arrives (log a shutdown line). */
  onSigterm?(): void;
}

/**
 * A simulated application, chosen by image. Register more with {@link AppRegistry.register}.
 * `tags`, when given, are the only tags that exist (any other is a failed pull, as
 * `kubernetes-bootcamp:v10` in module 6 of the tutorial).
 */
export interface SimulatedApp {
  readonly name: string;
  /** One line for the README table: what the image does when simulated. */
  readonly description: string;
  matches(image: ImageReference): boolean;
  readonly tags?: readonly string[];
  /** Compressed size the `Pulled` event reports, in bytes. */
  readonly imageSize?: number;
  start(context: AppStartContext): AppProcess;
}

/** A plain-text HTTP response. */
export function textResponse(status: number, body: string, contentType = 'text/plain; charset=utf-8'): AppResponse {
  return { status, headers: { 'content-type': contentType }, body };
}
