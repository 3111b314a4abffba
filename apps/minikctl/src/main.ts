import { homedir } from 'node:os';
import { runCli } from './cli/run-cli.js';
import { rootCommand } from './commands/command-list.js';

/** Waits until what was written to stdout and stderr has been handed to the OS. */
async function flush(): Promise<void> {
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise<void>((done) => stream.write('', () => done()))));
}

async function main(): Promise<void> {
  // A closed pipe (`minikctl get pods | head -1`) ends the program as SIGPIPE ends kubectl.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(141);
      throw error;
    });
  }
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
      out: process.stdout,
      err: process.stderr,
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
  await flush();
  // The only exit of the CLI: with the command's code, even if a stray handle is left open.
  process.exit(signalled ?? code);
}

void main();
