import { homedir } from 'node:os';
import { runCli } from './cli/run-cli.js';
import { rootCommand } from './commands/command-list.js';

/** A closed pipe (`minikctl get pods | head -1`) ends the program as SIGPIPE ends kubectl. */
function exitOnClosedPipe(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(141);
    throw error;
  });
  return stream;
}

/** Waits until what was written to the streams has been handed to the OS. */
async function flush(streams: readonly NodeJS.WriteStream[]): Promise<void> {
  await Promise.all(streams.map((stream) => new Promise<void>((done) => stream.write('', () => done()))));
}

async function main(): Promise<void> {
  const stdout = exitOnClosedPipe(process.stdout);
  // process.stderr is created on first use (3 ms of start-up): most runs never write to it.
  let stderr: NodeJS.WriteStream | undefined;
  let controller: AbortController | undefined;
  let signalled: number | undefined;
  // Ctrl+C stops long-running commands (get -w, proxy, logs -f) cleanly; a second one exits at once.
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.on(signal, () => {
      // Without a long-running command listening, there is nothing to stop gracefully.
      if (signalled !== undefined || !controller) process.exit(code);
      signalled = code;
      controller.abort();
    });
  }
  const code = await runCli(rootCommand, {
    argv: process.argv.slice(2),
    streams: {
      out: stdout,
      err: {
        write: (text: string) => (stderr ??= exitOnClosedPipe(process.stderr)).write(text),
      },
      // process.stdin opens a handle: only commands reading `-f -` touch it.
      get in() {
        return process.stdin;
      },
    },
    env: process.env,
    homeDir: homedir(),
    get signal() {
      return (controller ??= new AbortController()).signal;
    },
  });
  await flush(stderr ? [stdout, stderr] : [stdout]);
  // The only exit of the CLI: with the command's code, even if a stray handle is left open.
  process.exit(signalled ?? code);
}

void main();
