/** Resolves with the first termination signal received; dispose() gives the signals their default behaviour back. */
export interface ShutdownListener {
  readonly received: Promise<NodeJS.Signals>;
  dispose(): void;
}

/**
 * Listens for SIGINT (Ctrl+C), SIGTERM (minik stop) and SIGHUP (terminal closed). Only the first
 * is caught: the listeners are removed then, so a second Ctrl+C kills a process stuck stopping.
 */
export function listenForShutdown(
  signals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'],
): ShutdownListener {
  let dispose = (): void => {};
  const received = new Promise<NodeJS.Signals>((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      dispose();
      resolve(signal);
    };
    for (const signal of signals) process.on(signal, onSignal);
    dispose = () => {
      for (const signal of signals) process.off(signal, onSignal);
    };
  });
  return { received, dispose: () => dispose() };
}
