/**
 * Process exit codes. The numbers are minikube's (pkg/minikube/reason/exitcodes.go) so that
 * scripts written against minikube read them the same way.
 */
export const exitCodes = {
  ok: 0,
  /** ExFailure: an unexpected error. */
  failure: 1,
  /** ExProgramConflict: a cluster is already running. */
  programConflict: 11,
  /** ExProgramUsage: bad command-line options. */
  programUsage: 14,
  /** ExProgramConfig: an unreadable kubeconfig or state file. */
  programConfig: 18,
  /** ExHostConflict: the port is already in use. */
  hostConflict: 31,
  /** ExHostPermission: not allowed to listen on that address or port. */
  hostPermission: 37,
  /** ExHostConfig: the address to listen on does not exist on this machine. */
  hostConfig: 38,
  /** ExGuestNotRunning: the command needs a running cluster. */
  guestNotRunning: 83,
  /** ExGuestNotFound: no node of that name. */
  guestNotFound: 85,
  /** ExControlPlaneError: the cluster process died before it was ready. */
  controlPlaneError: 100,
  /** ExControlPlaneTimeout: the API server did not become ready in time. */
  controlPlaneTimeout: 102,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** Every exit code `minik` chooses itself (status codes 1-7 aside). */
export const knownExitCodes: ReadonlySet<number> = new Set(Object.values(exitCodes));
