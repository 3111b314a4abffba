/** The node count of a running cluster, from minik's node admin API; undefined if it does not answer. */
export async function countNodes(url: string): Promise<number | undefined> {
  try {
    const res = await fetch(`${url}/minik/v1/nodes`, { signal: AbortSignal.timeout(2000) });
    if (!res.ok) return undefined;
    const body = (await res.json()) as { items?: unknown[] };
    return Array.isArray(body.items) ? body.items.length : undefined;
  } catch {
    return undefined;
  }
}
