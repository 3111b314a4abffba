import { httpJson } from '../support/http.js';
import { openWatch } from '../support/watch-stream.js';

/** What the S3 client process is told (JSON in argv[2]). */
export interface RolloutWatchConfig {
  url: string;
  namespace: string;
  name: string;
  replicas: number;
  timeoutMs: number;
}

/** What it reports back over IPC. */
export interface RolloutWatchResult {
  ms?: number;
  running: number;
  error?: string;
}

// S3's client, in its own process as kubectl would be: it opens a watch of the Deployment's pods
// that are Running, POSTs the Deployment, and times until it has seen every pod Running. Reading
// in another process matters: a client that shares the server's event loop cannot read while the
// server works, and the server drops watchers that fall too far behind (as upstream does).
const config = JSON.parse(process.argv[2] ?? '{}') as RolloutWatchConfig;
const base = `${config.url}/api/v1/namespaces/${config.namespace}/pods`;
const result = await run().catch((error: unknown) => ({ running: 0, error: String(error) }) satisfies RolloutWatchResult);
process.send?.(result, () => process.exit(0));

async function run(): Promise<RolloutWatchResult> {
  const list = await httpJson<{ metadata: { resourceVersion: string } }>(`${base}?limit=1`);
  const running = new Set<string>();
  let finish: (r: RolloutWatchResult) => void = () => {};
  const finished = new Promise<RolloutWatchResult>((resolve) => (finish = resolve));
  let t0 = 0;
  // Only transitions into Running reach this watcher (a field-selected watch sends ADDED when a pod starts matching).
  const watch = openWatch(
    `${base}?watch=1&resourceVersion=${list.metadata.resourceVersion}&labelSelector=${encodeURIComponent(`app=${config.name}`)}&fieldSelector=${encodeURIComponent('status.phase=Running')}`,
    (line) => {
      if (!line.startsWith('{"type":"ADDED"')) return;
      running.add((JSON.parse(line) as { object: { metadata: { name: string } } }).object.metadata.name);
      if (running.size === config.replicas) finish({ ms: performance.now() - t0, running: running.size });
    },
    { accept: 'application/json' },
    () => finish({ running: running.size, error: 'the server closed the watch' }),
  );
  await watch.ready;
  t0 = performance.now();
  await httpJson(`${config.url}/apis/apps/v1/namespaces/${config.namespace}/deployments`, 'POST', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: config.name },
    spec: {
      replicas: config.replicas,
      selector: { matchLabels: { app: config.name } },
      template: { metadata: { labels: { app: config.name } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } },
    },
  });
  const timer = setTimeout(() => finish({ running: running.size, error: `only ${running.size}/${config.replicas} Running after ${config.timeoutMs / 1000} s` }), config.timeoutMs);
  const outcome = await finished;
  clearTimeout(timer);
  watch.close();
  return outcome;
}
