import { createHash } from 'node:crypto';

/** The `/version` body (k8s.io/apimachinery/pkg/version.Info). */
export interface VersionInfo {
  major: string;
  minor: string;
  gitVersion: string;
  gitCommit: string;
  gitTreeState: 'clean';
  buildDate: string;
  goVersion: string;
  compiler: 'gc';
  platform: 'linux/amd64';
}

// `v1.33.1`, optionally with a semver pre-release or build suffix (`v1.33.0-rc.1`, `v1.30.2+k3s1`).
const versionPattern = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

// Go toolchain of each minor's first release; clients only display it.
const goVersionByMinor: Readonly<Record<string, string>> = {
  '27': 'go1.20.3',
  '28': 'go1.20.7',
  '29': 'go1.21.5',
  '30': 'go1.22.2',
  '31': 'go1.22.5',
  '32': 'go1.23.3',
  '33': 'go1.24.2',
};
const latestGoVersion = 'go1.24.2';

// Fixed, so that `kubectl version -o json` output is reproducible across runs.
const buildDate = '2025-05-15T08:27:33Z';

/**
 * The `/version` body for a Kubernetes version such as `v1.33.1`. The kubectl dispatcher picks its
 * binary from `minor`, so `major`/`minor` come straight from the version; the commit is a hash of
 * it (40 hex digits, the same on every run). Throws on anything but a `vMAJOR.MINOR.PATCH` string.
 */
export function versionInfo(kubernetesVersion: string): VersionInfo {
  const match = versionPattern.exec(kubernetesVersion);
  const major = match?.[1];
  const minor = match?.[2];
  if (major === undefined || minor === undefined) {
    throw new Error(`invalid Kubernetes version ${JSON.stringify(kubernetesVersion)}: expected the form v1.33.1`);
  }
  return {
    major,
    minor,
    gitVersion: kubernetesVersion,
    gitCommit: createHash('sha1').update(kubernetesVersion).digest('hex'),
    gitTreeState: 'clean',
    buildDate,
    goVersion: goVersionByMinor[minor] ?? latestGoVersion,
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}
