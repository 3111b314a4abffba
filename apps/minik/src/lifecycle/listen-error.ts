import { createServer } from 'node:net';
import { exitCodes } from '../exit-codes.js';
import { MinikError } from '../minik-error.js';

/** Turns the error of listening on host:port into the message the user sees. */
export function listenError(error: unknown, host: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EADDRINUSE':
      return new MinikError(
        `port ${port} is already in use on ${host}: choose another with --port`,
        exitCodes.hostConflict,
        [],
        { cause: error },
      );
    case 'EACCES':
      return new MinikError(
        `permission denied to listen on ${host}:${port}: ports below 1024 need privileges; choose another with --port`,
        exitCodes.hostPermission,
        [],
        { cause: error },
      );
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new MinikError(
        `cannot listen on ${host}: no such address on this machine; choose another with --host`,
        exitCodes.hostConfig,
        [],
        { cause: error },
      );
    default:
      return error;
  }
}

/**
 * Fails with the same message the cluster process would give when host:port cannot be listened
 * on, so a detached start reports a busy port at once instead of through the process's log.
 */
export async function assertCanListen(host: string, port: number): Promise<void> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(listenError(error, host, port)));
    server.listen({ host, port, exclusive: true }, () => resolve());
  });
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
