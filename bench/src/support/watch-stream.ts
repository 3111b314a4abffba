import { request, type ClientRequest } from 'node:http';

/** An open watch: `ready` resolves once the server answered 200; `close()` ends it. */
export interface WatchStream {
  ready: Promise<void>;
  close(): void;
}

/**
 * Opens a chunked watch (`?watch=1`) on its own connection and calls `onLine` with each line,
 * unparsed (callers parse only what they need); `onEnd` when the server ends it first.
 */
export function openWatch(url: string, onLine: (line: string) => void, headers: Record<string, string> = { accept: 'application/json' }, onEnd?: () => void): WatchStream {
  let req: ClientRequest | undefined;
  const closeHooks: (() => void)[] = [];
  const ready = new Promise<void>((resolve, reject) => {
    req = request(url, { headers, agent: false }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`watch ${url}: ${res.statusCode}`));
        res.resume();
        return;
      }
      resolve();
      let pending = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        pending += chunk;
        let newline = pending.indexOf('\n');
        while (newline >= 0) {
          const line = pending.slice(0, newline);
          pending = pending.slice(newline + 1);
          if (line.length > 0) onLine(line);
          newline = pending.indexOf('\n');
        }
      });
      res.on('error', () => {});
      let closing = false;
      res.on('close', () => {
        if (!closing) onEnd?.();
      });
      closeHooks.push(() => (closing = true));
    });
    req.on('error', (error) => reject(error));
    req.end();
  });
  ready.catch(() => {});
  return {
    ready,
    close: () => {
      for (const hook of closeHooks) hook();
      req?.destroy();
    },
  };
}
