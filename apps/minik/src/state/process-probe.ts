import { readFile } from 'node:fs/promises';

/**
 * Whether `pid` is still a minik cluster process. `kill(pid, 0)` says whether the pid is alive;
 * since pids are reused after a crash or reboot, on Linux the command line must also still be a
 * `start --foreground` one, so `minik stop` never signals an unrelated process.
 */
export async function isMinikProcess(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch {
    // ESRCH: gone. EPERM: someone else's process, so not the one we started.
    return false;
  }
  if (process.platform !== 'linux') return true;
  try {
    const commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    return commandLine.split('\0').some((argument) => argument.startsWith('--foreground'));
  } catch {
    return false;
  }
}
