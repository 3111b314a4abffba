import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { apiRequestListener } from '../adapters/node-request.js';
import { kubeconfigFor } from './kubeconfig.js';
import { createClusterCore, type ClusterCore, type CreateClusterOptions } from './create-cluster.js';

/** Options of a cluster started in this process. */
export interface ClusterOptions extends CreateClusterOptions {
  /** Address to listen on; default 127.0.0.1. */
  host?: string;
  /** Port to listen on; 0 picks a free one; default 0. */
  port?: number;
}

/** A running cluster. */
export interface Cluster extends ClusterCore {
  /** Base URL of the API server, e.g. http://127.0.0.1:6443. */
  readonly url: string;
  /** A kubeconfig (YAML) whose current context points at this cluster. */
  readonly kubeconfig: string;
  /** Writes the kubeconfig to a file (created with mode 0600), e.g. for `KUBECONFIG=… kubectl`. */
  writeKubeconfig(path: string): void;
  /** Stops the server and everything the cluster runs; frees every socket and timer. */
  stop(): Promise<void>;
}

/** Starts a cluster listening on host:port. Rejects with the listen error (EADDRINUSE) when the port is busy. */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const host = options.host ?? '127.0.0.1';
  let address = `${host}:${options.port ?? 0}`;
  const core = createClusterCore({ ...options, serverAddress: () => address });
  // Express comes in with the first request outside the API, discovery, version and health paths.
  const server = createServer(apiRequestListener(core.handle, async () => (await import('../adapters/express-app.js')).createExpressApp(core.handle)));
  // kube-apiserver's timeouts (secure_serving.go). Go clients (kubectl, client-go) keep an idle
  // connection 90 s; with Node's 5 s the server closes it under them, and a write sent as it
  // closes fails with a reset or EOF that client-go does not retry.
  server.keepAliveTimeout = 90_000;
  server.headersTimeout = 32_000;
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await listen(server, options.port ?? 0, host);
  const { port } = server.address() as AddressInfo;
  address = `${host}:${port}`;
  let stopped: Promise<void> | undefined;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const kubeconfig = kubeconfigFor(url, core.name);
  return {
    ...core,
    url,
    kubeconfig,
    writeKubeconfig: (path) => writeFileSync(path, kubeconfig, { mode: 0o600 }),
    stop: () =>
      (stopped ??= new Promise<void>((resolve) => {
        // Controllers, scheduler and kubelets first: no timer or watch outlives the cluster.
        core.stop();
        server.close(() => resolve());
        // Watches and keep-alive connections would hold close() open: end them.
        for (const socket of sockets) socket.destroy();
      })),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
