import type { IncomingMessage } from 'node:http';
import type { WatchEvent } from '@minik/types';

/**
 * The events of a watch response: one JSON document per line (Kubernetes' JSON watch framing),
 * yielded as they arrive. Ends when the server closes the stream or `signal` aborts.
 */
export async function* watchEvents(res: IncomingMessage, signal?: AbortSignal): AsyncGenerator<WatchEvent<Record<string, unknown>>> {
  let buffer = '';
  const onAbort = (): void => {
    res.destroy();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    res.setEncoding('utf8');
    for await (const chunk of res) {
      buffer += chunk as string;
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        if (line !== '') yield JSON.parse(line) as WatchEvent<Record<string, unknown>>;
      }
    }
    if (buffer.trim() !== '') yield JSON.parse(buffer) as WatchEvent<Record<string, unknown>>;
  } catch (error) {
    if (signal?.aborted) return;
    if ((error as NodeJS.ErrnoException).code === 'ECONNRESET' || (error as Error).message === 'aborted') return;
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
