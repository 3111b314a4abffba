import type { Command } from '../cli/command.js';
import { setImageCommand } from './set-image.js';

/** `minikctl set`. */
export const setCommand: Command = {
  name: 'set',
  group: 'Basic Commands (Beginner):',
  short: 'Set specific features on objects',
  long: `Configure application resources.

 These commands help you make changes to existing application resources.`,
  use: 'set SUBCOMMAND',
  subcommands: [setImageCommand],
};
