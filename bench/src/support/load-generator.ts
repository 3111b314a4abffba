import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A load run's outcome, from autocannon's JSON report. */
export interface LoadResult {
  requestsPerSecond: number;
  latencyP50: number;
  latencyP99: number;
  total: number;
  non2xx: number;
  errors: number;
}

/** Options of one load run. */
export interface LoadOptions {
  connections: number;
  durationSeconds: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

/**
 * Runs autocannon in its own process (so the load generator never shares the server's event
 * loop) with keep-alive connections, and reads its JSON report.
 */
export function runLoad(url: string, options: LoadOptions): Promise<LoadResult> {
  const cli = require.resolve('autocannon/autocannon.js');
  const args = [cli, '-j', '-n', '-c', String(options.connections), '-d', String(options.durationSeconds), '-m', options.method ?? 'GET'];
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push('-H', `${name}=${value}`);
  if (options.body !== undefined) args.push('-b', options.body);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}: ${Buffer.concat(err).toString('utf8').slice(0, 500)}`));
      const report = JSON.parse(Buffer.concat(out).toString('utf8')) as {
        requests: { average: number; total: number };
        latency: { p50: number; p99: number };
        non2xx: number;
        errors: number;
        duration: number;
      };
      resolve({
        requestsPerSecond: report.requests.total / report.duration,
        latencyP50: report.latency.p50,
        latencyP99: report.latency.p99,
        total: report.requests.total,
        non2xx: report.non2xx,
        errors: report.errors,
      });
    });
  });
}
