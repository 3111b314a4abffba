import { setFlagsFromString } from 'node:v8';

/**
 * The V8 flag a process that serves a cluster runs with: after each full collection the heap may
 * grow to twice what survived it, as Go's default GOGC=100 lets kube-apiserver's heap grow.
 *
 * V8's own policy lets a heap on a machine with gigabytes of memory grow up to four times what is
 * live while allocation is fast, as it is while a big cluster rolls out; a full collection then
 * frees only the pages left empty, and the superseded object versions of a rollout die scattered
 * over all of them. With 100,000 pods Running that kept about 1.8 times the live heap (RSS
 * 1,050–1,130 MiB); with this flag, 1.45 times (about 900 MiB) and the rollout takes as long.
 */
export const serverHeapPolicyFlag = '--heap-growing-percent=100';

/**
 * Applies {@link serverHeapPolicyFlag} to this process and returns what gives V8 back its own
 * policy. `minik start` calls it in the process that runs the cluster; a program that embeds a
 * long-lived cluster may call it too. It changes how the whole process's heap grows, so a library
 * does not call it on its own: `startCluster()` leaves the host process as it is.
 *
 * A growing factor Node was started with (`node --heap-growing-percent=N`) is left as it is.
 *
 * Restore it once the cluster has stopped, before the process exits: V8 rejects a code cache made
 * under other flags than its own, so a CLI that writes its code cache at exit would otherwise write
 * one that the next start rejects (and write it again at every exit).
 */
export function applyServerHeapPolicy(): () => void {
  // Node started with its own growing factor (`node --heap-growing-percent=N`): that one stays.
  if (process.execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg))) return () => {};
  // V8 reads the flag at each full collection, so setting it after start-up takes effect.
  setFlagsFromString(serverHeapPolicyFlag);
  return () => setFlagsFromString('--heap-growing-percent=0');
}
