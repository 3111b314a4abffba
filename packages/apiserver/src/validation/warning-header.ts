/**
 * The `Warning` header value for warnings of a response: `299 - "text"` per warning (RFC 7234 warn
 * code 299, agent `-`), comma-separated as client-go's ParseWarningHeaders reads them; kubectl
 * prints each as `Warning: text`.
 */
export function warningHeaderValue(warnings: readonly string[]): string | undefined {
  const unique = [...new Set(warnings)];
  if (unique.length === 0) return undefined;
  return unique.map((text) => `299 - "${text.replace(/["\\]/g, '\\$&')}"`).join(', ');
}
