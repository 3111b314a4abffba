import { Agent, request, type IncomingMessage } from 'node:http';
import { openWatch } from '../support/watch-stream.js';

/** What the S7 load process is told (JSON in argv[2]). */
export interface WatchLoadConfig {
  url: string;
  namespace: string;
  resourceVersion: string;
  /** Node names: one watcher each, with fieldSelector spec.nodeName (as a kubelet watches). */
  nodeWatchers: string[];
  /** Pods written round-robin. */
  pods: string[];
  writesPerSecond: number;
  /** Writes at the same rate before timing starts (JIT, connections), not counted. */
  warmupMs: number;
  durationMs: number;
  /** Adds a watcher of every pod that never reads its stream. */
  stalled: boolean;
}

/** What it reports back over IPC. */
export interface WatchLoadResult {
  latencies: number[];
  expectedEvents: number;
  receivedEvents: number;
  writes: number;
  writeErrors: number;
  /** What the failed writes got: an HTTP status or an error code, with how many. */
  writeErrorKinds: Record<string, number>;
  writeLatencies: number[];
  achievedWritesPerSecond: number;
  stalledClosedByServer: boolean | undefined;
}

// S7's client side, in its own process so that its parsing never shares a CPU queue with the
// server: opens the watchers, writes at a fixed rate, and times each write → event (one clock).
const config = JSON.parse(process.argv[2] ?? '{}') as WatchLoadConfig;
const agent = new Agent({ keepAlive: true, maxSockets: 32 });
const sent = new Map<number, number>();
const latencies: number[] = [];
const writeLatencies: number[] = [];
let received = 0;
let writeErrors = 0;
const writeErrorKinds: Record<string, number> = {};
function writeFailed(kind: string): void {
  writeErrors++;
  writeErrorKinds[kind] = (writeErrorKinds[kind] ?? 0) + 1;
}

const podsUrl = `${config.url}/api/v1/namespaces/${config.namespace}/pods`;
const onLine = (line: string): void => {
  const event = JSON.parse(line) as { type: string; object: { metadata?: { annotations?: Record<string, string> } } };
  const seq = Number(event.object.metadata?.annotations?.['bench/seq'] ?? NaN);
  const at = sent.get(seq);
  if (at === undefined) return;
  received++;
  latencies.push(performance.now() - at);
};
const watchUrl = (selector?: string): string =>
  `${podsUrl}?watch=1&resourceVersion=${config.resourceVersion}${selector ? `&fieldSelector=${encodeURIComponent(selector)}` : ''}`;
const watches = [openWatch(watchUrl(), onLine), ...config.nodeWatchers.map((node) => openWatch(watchUrl(`spec.nodeName=${node}`), onLine))];

let stalledRes: IncomingMessage | undefined;
let stalledReq: ReturnType<typeof request> | undefined;
if (config.stalled) {
  await new Promise<void>((resolve, reject) => {
    stalledReq = request(watchUrl(), { agent: false }, (res) => {
      // Never read: the server's socket buffers fill and its backlog grows.
      res.pause();
      stalledRes = res;
      resolve();
    });
    stalledReq.on('error', reject);
    stalledReq.end();
  });
}

/**
 * Whether the server closed the stalled watch: a paused socket notices only once it reads again,
 * so read what is queued and see whether the stream ends (it would stay open if still held).
 */
function stalledWatchEnded(res: IncomingMessage): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), 5_000);
    res.on('error', () => {});
    res.on('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
    res.resume();
  });
}
await Promise.all(watches.map((w) => w.ready));

function write(seq: number, timed: boolean): void {
  const pod = config.pods[seq % config.pods.length]!;
  // Warm-up writes carry negative numbers: their events are not timed.
  const body = JSON.stringify({ metadata: { annotations: { 'bench/seq': String(timed ? seq : -seq - 1) } } });
  const t0 = performance.now();
  if (timed) sent.set(seq, t0);
  const req = request(`${podsUrl}/${pod}`, { method: 'PATCH', agent, headers: { 'content-type': 'application/merge-patch+json', accept: 'application/json' } }, (res) => {
    res.resume();
    res.on('end', () => {
      if (!timed) return;
      if (res.statusCode !== 200) writeFailed(`HTTP ${res.statusCode}`);
      writeLatencies.push(performance.now() - t0);
    });
  });
  req.on('error', (error: NodeJS.ErrnoException) => {
    if (timed) writeFailed(error.code ?? error.message);
  });
  req.end(body);
}

/** Writes at the configured rate for `ms`, spread over 1 ms ticks (bursts would queue at the server and time the queue), catching up if a tick runs late; returns how many. */
function writeFor(ms: number, timed: boolean): Promise<number> {
  const start = performance.now();
  const total = Math.floor((ms / 1000) * config.writesPerSecond);
  let seq = 0;
  return new Promise<number>((resolve) => {
    const tick = (): void => {
      const elapsed = performance.now() - start;
      const due = Math.min(Math.floor((elapsed / 1000) * config.writesPerSecond), total);
      while (seq < due) write(seq++, timed);
      if (elapsed >= ms) resolve(seq);
      else setTimeout(tick, 1);
    };
    tick();
  });
}

await writeFor(config.warmupMs, false);
await new Promise((r) => setTimeout(r, 200));
const start = performance.now();
const seq = await writeFor(config.durationMs, true);
const writeSeconds = (performance.now() - start) / 1000;
// Let the last events arrive.
await new Promise((r) => setTimeout(r, 1_000));
for (const w of watches) w.close();
const stalledClosed = stalledRes ? await stalledWatchEnded(stalledRes) : undefined;
stalledReq?.destroy();
agent.destroy();
const result: WatchLoadResult = {
  latencies,
  expectedEvents: seq * 2,
  receivedEvents: received,
  writes: seq,
  writeErrors,
  writeErrorKinds,
  writeLatencies,
  achievedWritesPerSecond: seq / writeSeconds,
  stalledClosedByServer: stalledClosed,
};
process.send?.(result, () => process.exit(0));
