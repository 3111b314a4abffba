import type { PodTemplateSpec } from '@minik/types';
import { semanticForm } from '../../resources/strategies/semantic-equality.js';
import { nameSuffixAlphabet } from '../../util/ids.js';

/** The label (and selector key) that ties a ReplicaSet and its pods to one pod template. */
export const podTemplateHashLabel = 'pod-template-hash';

/**
 * controller.ComputeHash: FNV-32a over the pod template (plus the collision count, little-endian)
 * printed in decimal and mapped onto the name-suffix alphabet (rand.SafeEncodeString). Upstream
 * hashes Go's `%#v` dump; minik hashes the template's canonical JSON with zero values dropped,
 * so templates Kubernetes considers equal get equal hashes and `rollout undo` finds its
 * ReplicaSet again.
 */
export function podTemplateHash(template: PodTemplateSpec | undefined, collisionCount?: number): string {
  const text = JSON.stringify(semanticForm(template ?? {}) ?? {});
  let hash = 0x811c9dc5;
  const mix = (byte: number): void => {
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  };
  for (const byte of new TextEncoder().encode(text)) mix(byte);
  if (collisionCount !== undefined) {
    for (let i = 0; i < 4; i++) mix((collisionCount >>> (8 * i)) & 0xff);
  }
  return safeEncode(String(hash >>> 0));
}

// rand.SafeEncodeString: each byte picks alphanums[byte % len], so digits map to "45…9bcdf".
function safeEncode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += nameSuffixAlphabet[text.charCodeAt(i) % nameSuffixAlphabet.length];
  return out;
}
