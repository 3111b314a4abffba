import { createHash } from 'node:crypto';

/**
 * Upstream's `storageVersionHash` of an APIResource: the first 8 bytes of sha256("group/version/kind"),
 * base64-encoded (k8s.io/apiserver/pkg/endpoints/discovery/storageversionhash.go). Clients only
 * compare it for changes, but real values cost nothing (`/v1/Pod` → `xPOwRZ+Yhw8=`).
 */
export function storageVersionHash(group: string, version: string, kind: string): string {
  return createHash('sha256').update(`${group}/${version}/${kind}`).digest().subarray(0, 8).toString('base64');
}
