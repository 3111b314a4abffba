import { shortRepository } from './image-reference.js';
import { planCommand, type CommandPlan } from './shell-command.js';
import type { AppProcess, AppStartContext, SimulatedApp } from './simulated-app.js';

// Images whose default command is a shell (busybox's `sh`, ubuntu's `bash`, …).
const shellImages = new Set(['busybox', 'bash', 'alpine', 'ubuntu', 'debian', 'centos', 'fedora', 'rockylinux', 'almalinux', 'amazonlinux', 'archlinux', 'opensuse/leap']);

/** The argv a container runs: its command and args, or the image's default shell. */
export function containerArgv(context: Pick<AppStartContext, 'container'>): string[] {
  const command = context.container.command ?? [];
  const args = context.container.args ?? [];
  return command.length > 0 ? [...command, ...args] : args.length > 0 ? [...args] : ['sh'];
}

/** A process following a command plan: its output, then its exit (or none). */
export function planProcess(context: AppStartContext, plan: CommandPlan): AppProcess {
  for (const { atMs, line } of plan.output) {
    if (atMs === 0) context.log(line);
    else if (atMs !== Infinity) context.after(atMs, () => context.log(line));
  }
  const repeat = plan.repeat;
  if (repeat) {
    const tick = (): void => {
      for (const line of repeat.lines) context.log(line);
      context.after(repeat.everyMs, tick);
    };
    context.after(repeat.startMs, tick);
  }
  return {
    // A shell answers no connections.
    ports: [],
    handle: () => ({ status: 502, headers: {}, body: '' }),
    // As PID 1 a shell or `sleep` has no SIGTERM handler, so the signal is ignored and the
    // container only dies at SIGKILL, when the grace period is over (the well-known 30 s delete).
    sigterm: 'ignore',
    ...(plan.exit ? { exit: plan.exit } : {}),
  };
}

/**
 * busybox, alpine, ubuntu and other base images: they run their command. Without one they run a
 * shell, which ends at once with no terminal attached (`kubectl run --image=busybox` goes to
 * Completed, then CrashLoopBackOff); with `stdin` and `tty` (`kubectl run -it`) it waits.
 */
export const shellApp: SimulatedApp = {
  name: 'shell',
  description:
    'busybox, alpine, ubuntu, debian, …: run their command (`echo`, `sleep`, `exit N`, `while true; do …; done` are simulated); with no command the shell exits at once unless `stdin`/`tty` are set',
  matches: (image) => shellImages.has(shortRepository(image)),
  imageSize: 2_155_116,
  start(context) {
    const argv = containerArgv(context);
    const waitsOnTerminal = context.container.stdin === true && (context.container.command ?? []).length === 0 && (context.container.args ?? []).length === 0;
    const plan = waitsOnTerminal ? { output: [] } : (planCommand(argv, context.env, context.now) ?? { output: [] });
    return planProcess(context, plan);
  },
};
