/** Whether the API server at `url` answers GET /readyz with 200, within `timeoutMs`. */
export async function probeReadyz(url: string, timeoutMs = 2_000): Promise<boolean> {
  try {
    const response = await fetch(new URL('/readyz', url), { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}
