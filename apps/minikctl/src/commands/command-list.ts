import type { Command } from '../cli/command.js';
import { clusterInfoCommand } from './cluster-info.js';
import { getCommand } from './get.js';
import { proxyCommand } from './proxy.js';
import { runCommand } from './run.js';
import { versionCommand } from './version.js';

/** Every command, in the order `minikctl --help` lists them within their groups. */
export const commands: readonly Command[] = [runCommand, getCommand, clusterInfoCommand, proxyCommand, versionCommand];

/** The root command: `minikctl` itself. */
export const rootCommand: Command = {
  name: 'minikctl',
  short: 'minikctl controls the Kubernetes cluster manager.',
  long: `minikctl controls the Kubernetes cluster manager.

 A kubectl-compatible client: it reads the same kubeconfig files and speaks to any Kubernetes API server, including minik.`,
  use: '[flags] [options]',
  subcommands: commands,
};
