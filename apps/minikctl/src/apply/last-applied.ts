import { goJsonStringify } from '../printers/go-json.js';

/** The annotation client-side apply keeps the applied manifest in. */
export const lastAppliedAnnotation = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * The manifest as kubectl applies it: its namespace filled in, and its own JSON (sorted keys, Go
 * escaping, trailing newline, `annotations: {}` when it had none) in the last-applied annotation.
 */
export function withLastApplied(object: Record<string, unknown>, namespace?: string): Record<string, unknown> {
  const metadata = { ...((object['metadata'] ?? {}) as Record<string, unknown>) };
  if (namespace && !metadata['namespace']) metadata['namespace'] = namespace;
  const annotations = { ...((metadata['annotations'] ?? {}) as Record<string, string>) };
  delete annotations[lastAppliedAnnotation];
  const recorded = { ...object, metadata: { ...metadata, annotations } };
  const text = `${goJsonStringify(recorded, '')}\n`;
  return { ...object, metadata: { ...metadata, annotations: { ...annotations, [lastAppliedAnnotation]: text } } };
}
