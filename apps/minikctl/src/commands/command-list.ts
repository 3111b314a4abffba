import type { Command } from '../cli/command.js';
import { annotateCommand } from './annotate.js';
import { apiResourcesCommand } from './api-resources.js';
import { applyCommand } from './apply.js';
import { clusterInfoCommand } from './cluster-info.js';
import { configCommand } from './config/config.js';
import { cordonCommand, uncordonCommand } from './cordon.js';
import { createCommand } from './create.js';
import { deleteCommand } from './delete.js';
import { describeCommand } from './describe.js';
import { exposeCommand } from './expose.js';
import { getCommand } from './get.js';
import { labelCommand } from './label.js';
import { logsCommand } from './logs.js';
import { proxyCommand } from './proxy.js';
import { rolloutCommand } from './rollout.js';
import { runCommand } from './run.js';
import { scaleCommand } from './scale.js';
import { setCommand } from './set.js';
import { versionCommand } from './version.js';

/** Every command, in the order `minikctl --help` lists them within their groups. */
export const commands: readonly Command[] = [
  createCommand,
  exposeCommand,
  runCommand,
  setCommand,
  getCommand,
  deleteCommand,
  rolloutCommand,
  scaleCommand,
  clusterInfoCommand,
  cordonCommand,
  uncordonCommand,
  describeCommand,
  logsCommand,
  proxyCommand,
  applyCommand,
  labelCommand,
  annotateCommand,
  apiResourcesCommand,
  configCommand,
  versionCommand,
];

/** The root command: `minikctl` itself. */
export const rootCommand: Command = {
  name: 'minikctl',
  short: 'minikctl controls the Kubernetes cluster manager.',
  long: `minikctl controls the Kubernetes cluster manager.

 A kubectl-compatible client: it reads the same kubeconfig files and speaks to any Kubernetes API server, including minik.`,
  use: '[flags] [options]',
  subcommands: commands,
};
