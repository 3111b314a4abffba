/** The three health endpoints of a kube-apiserver. */
export type HealthEndpoint = 'healthz' | 'livez' | 'readyz';

/** A plain-text health answer, as upstream's handler writes it. */
export interface HealthResponse {
  contentType: 'text/plain; charset=utf-8';
  body: string;
}

/*
 * Upstream (k8s.io/apiserver/pkg/server/healthz) prints `[+]<check> ok` per check, then
 * `<endpoint> check passed`. A real kube-apiserver runs ping, log, etcd, etcd-readiness (readyz),
 * informer-sync (readyz), a list of poststarthook/<name> checks and shutdown (readyz). minik lists
 * only the checks that are true of an in-memory server answering the request:
 * - ping: always passes, by definition;
 * - log: upstream's check only proves log flushing is not stuck; minik logs in-process with
 *   nothing buffered to flush, so it holds trivially.
 * There is no etcd, no informer cache to sync and no post-start hook to report, and whether a
 * graceful shutdown is under way is the transport's knowledge, not this module's, so those are left
 * out rather than claimed.
 */
const checks = ['ping', 'log'] as const;

const verboseBodies: Readonly<Record<HealthEndpoint, string>> = {
  healthz: verboseBody('healthz'),
  livez: verboseBody('livez'),
  readyz: verboseBody('readyz'),
};

function verboseBody(endpoint: HealthEndpoint): string {
  return `${checks.map((check) => `[+]${check} ok\n`).join('')}${endpoint} check passed\n`;
}

/** The answer of `/healthz`, `/livez` or `/readyz`: `ok`, or the per-check lines with `?verbose`. */
export function healthResponse(endpoint: HealthEndpoint, verbose: boolean): HealthResponse {
  return { contentType: 'text/plain; charset=utf-8', body: verbose ? verboseBodies[endpoint] : 'ok' };
}
