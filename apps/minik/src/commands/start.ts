import type { Argv, CommandModule } from 'yargs';
import type { CliContext } from '../cli-context.js';
import { defaultKubernetesVersion, profileName } from '../profile.js';

function builder(yargs: Argv) {
  return yargs
    .options({
      nodes: { type: 'number', default: 1, describe: 'Number of simulated nodes' },
      port: { type: 'number', default: 6443, describe: 'Port of the API server (0 picks a free one)' },
      host: { type: 'string', default: '127.0.0.1', describe: 'Address the API server listens on' },
      'kubernetes-version': {
        type: 'string',
        default: defaultKubernetesVersion,
        describe: 'Kubernetes version the cluster reports (v1.x.y)',
      },
      foreground: {
        type: 'boolean',
        default: false,
        describe: 'Run the cluster in this process until Ctrl+C instead of in the background',
      },
      'realistic-timing': {
        type: 'boolean',
        default: false,
        describe: "Use upstream's timings (node grace period, 300 s tolerations, pod start-up) instead of fast ones",
      },
      seed: { type: 'string', describe: 'Seed generated names and UIDs so that runs repeat exactly' },
      'audit-log': { type: 'string', describe: 'Append every request (time, verb, resource, status, duration) as JSON lines to this file' },
      fault: {
        type: 'string',
        array: true,
        describe: 'Inject a fault (JSON FaultSpec); repeatable. Also at runtime: POST /minik/v1/faults',
      },
      // Set by `minik start` on the detached process it spawns: it logs there and leaves kubectl alone.
      'log-file': { type: 'string', hidden: true },
    })
    .example('$0 start', `Start "${profileName}" in the background on http://127.0.0.1:6443`)
    .example('$0 start --nodes 3', 'Start a cluster with three nodes: minik, minik-m02, minik-m03')
    .example('$0 start --port 0', 'Use any free port (see "minik status" for the URL)')
    .example('$0 start --kubernetes-version v1.32.0', 'Report another Kubernetes version')
    .example('$0 start --foreground', 'Run attached to the terminal; Ctrl+C stops it')
    .example('$0 start --realistic-timing', "Take upstream's time to notice a dead node and evict its pods")
    .example('$0 start --audit-log requests.jsonl', 'Record every request the cluster serves')
    .example(`$0 start --fault '{"verb":"list","resource":"pods","status":503,"times":1}'`, 'Fail the first pod list with 503');
}

type StartArgs = ReturnType<typeof builder> extends Argv<infer T> ? T : never;

/** `minik start`: starts the cluster (detached unless --foreground) and points kubectl at it. */
export function startCommand(context: CliContext): CommandModule<object, StartArgs> {
  return {
    command: 'start',
    describe: 'Start a simulated Kubernetes cluster and configure kubectl for it',
    builder,
    handler: async (argv) => {
      const { parseStartOptions } = await import('../lifecycle/start-options.js');
      const { isMinikProcess } = await import('../state/process-probe.js');
      const options = parseStartOptions({
        nodes: argv.nodes,
        port: argv.port,
        host: argv.host,
        kubernetesVersion: argv.kubernetesVersion,
        logFile: argv.logFile,
        realisticTiming: argv.realisticTiming,
        seed: argv.seed,
        auditLog: argv.auditLog,
        fault: argv.fault?.map(String),
      });
      if (argv.foreground) {
        const { listenForShutdown } = await import('../lifecycle/shutdown-signals.js');
        const shutdown = listenForShutdown();
        try {
          const { runForeground } = await import('../lifecycle/run-foreground.js');
          const { startCluster, applyServerHeapPolicy } = await import('@minik/apiserver');
          // This process is the cluster's server from here on: its heap grows as a server's should.
          // V8's own policy is back before the process exits, so the code cache written at exit
          // is made under the flags the next start has (V8 rejects one made under others).
          const restoreHeapPolicy = applyServerHeapPolicy();
          try {
            context.setExitCode(
              await runForeground(options, { ...context, startCluster, isMinikProcess, shutdown }),
            );
          } finally {
            restoreHeapPolicy();
          }
        } finally {
          shutdown.dispose();
        }
        return;
      }
      const { startDetached } = await import('../lifecycle/start-detached.js');
      const { spawnDaemon } = await import('../lifecycle/spawn-daemon.js');
      const { probeReadyz } = await import('../lifecycle/probe-readyz.js');
      const { assertCanListen } = await import('../lifecycle/listen-error.js');
      context.setExitCode(
        await startDetached(options, {
          ...context,
          isMinikProcess,
          spawnDaemon,
          probeReady: (url) => probeReadyz(url),
          assertCanListen,
        }),
      );
    },
  };
}
