/** minikctl's own release. */
export const minikctlVersion = '0.1.0';

/**
 * The client version minikctl reports. It speaks the API as kubectl 1.33 does, so it reports that
 * Kubernetes client version (version skew warnings compare against it); the build fields name
 * minikctl itself.
 */
export const clientVersion = {
  major: '1',
  minor: '33',
  gitVersion: 'v1.33.1',
  gitCommit: `minikctl-${minikctlVersion}`,
  gitTreeState: 'clean',
  buildDate: '2026-01-01T00:00:00Z',
  goVersion: `node${process.versions.node}`,
  compiler: 'minikctl',
  platform: `${process.platform}/${process.arch === 'x64' ? 'amd64' : process.arch}`,
} as const;
