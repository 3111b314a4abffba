/**
 * A label map as upstream's labels.FormatLabels prints it: `k=v` pairs sorted by key and joined
 * by commas, `<none>` when empty (Service and ReplicationController selectors, node selectors).
 */
export function formatLabels(labels: Readonly<Record<string, string>> | null | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((key) => `${key}=${labels?.[key] ?? ''}`).join(',');
}
