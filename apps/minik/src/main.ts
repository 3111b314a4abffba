import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import type { CliContext } from './cli-context.js';
import { deleteCommand } from './commands/delete.js';
import { kubeconfigCommand } from './commands/kubeconfig.js';
import { nodeCommand } from './commands/node.js';
import { startCommand } from './commands/start.js';
import { statusCommand } from './commands/status.js';
import { stopCommand } from './commands/stop.js';
import { exitCodes } from './exit-codes.js';
import { describeFailure, MinikError } from './minik-error.js';
import { createStreamOutput } from './output.js';
import { minikVersion } from './version.js';

async function run(argv: string[]): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const context: CliContext = {
    output: createStreamOutput(process.stdout, process.stderr),
    env: process.env,
    homeDir: homedir(),
    execPath: process.execPath,
    cliEntry: resolve(process.argv[1] ?? 'minik'),
    pid: process.pid,
    now: () => Date.now(),
    sleep: (ms) => sleep(ms),
    setExitCode: (code) => {
      exitCode = code;
    },
  };
  const cli = yargs(argv)
    .scriptName('minik')
    .usage(
      '$0 <command> [options]\n\nRun a simulated Kubernetes cluster that kubectl talks to, like minikube.',
    )
    .version(minikVersion)
    .help()
    .alias('help', 'h')
    // Unwrapped, as cobra prints help: cliui 8 (yargs 17) breaks words at the wrap width.
    .wrap(null)
    .strict()
    .demandCommand(1, 'Specify a command.')
    .recommendCommands()
    .exitProcess(false)
    .fail((message, error, instance) => {
      // Errors thrown by command handlers pass through; yargs' own (YError) are usage errors.
      if (error && error.name !== 'YError') throw error;
      instance.showHelp();
      throw new MinikError(message || error?.message || 'invalid usage', exitCodes.programUsage);
    })
    // Every command, in the order `minik --help` lists them.
    .command(startCommand(context))
    .command(stopCommand(context))
    .command(statusCommand(context))
    .command(deleteCommand(context))
    .command(kubeconfigCommand(context))
    .command(nodeCommand(context));
  skipHelpCache(cli);
  await cli.parseAsync();
  return exitCode;
}

/** yargs' internal usage object (the same one for every command context). */
interface YargsUsage {
  cacheHelpMessage(): void;
}

/**
 * After starting a command's handler, yargs renders that command's whole help text in case a
 * later failure wants to show it (command.js → usage.cacheHelpMessage). minik shows help only for
 * usage errors, which yargs reports before any handler runs, so the text was never used; building
 * it cost 20 ms of every `minik start` (bench/ S1). yargs renders help afresh when asked.
 */
function skipHelpCache(cli: object): void {
  const internal = (cli as { getInternalMethods?: () => { getUsageInstance?: () => YargsUsage } }).getInternalMethods?.();
  const usage = internal?.getUsageInstance?.();
  if (usage) usage.cacheHelpMessage = () => {};
}

/** Waits until what was written to stdout and stderr has been handed to the OS. */
async function flush(): Promise<void> {
  await Promise.all(
    [process.stdout, process.stderr].map(
      (stream) => new Promise<void>((done) => stream.write('', () => done())),
    ),
  );
}

async function main(): Promise<void> {
  let exitCode: number;
  try {
    exitCode = await run(hideBin(process.argv));
  } catch (error) {
    const failure = describeFailure(error);
    if (failure.lines.length > 0) process.stderr.write(`\n${failure.lines.join('\n')}\n`);
    exitCode = failure.exitCode;
  }
  await flush();
  // The only exit of the CLI: with the code of the command, even if a stray handle is left open.
  process.exit(exitCode);
}

void main();
