import type { Command } from '../cli/command.js';
import { rolloutHistoryCommand } from './rollout-history.js';
import { rolloutStatusCommand } from './rollout-status.js';
import { rolloutUndoCommand } from './rollout-undo.js';

/** `minikctl rollout`. */
export const rolloutCommand: Command = {
  name: 'rollout',
  group: 'Deploy Commands:',
  short: 'Manage the rollout of a resource',
  long: `Manage the rollout of one or many resources.
        
 Valid resource types include:

  *  deployments`,
  example: `  # Rollback to the previous deployment
  minikctl rollout undo deployment/abc
  
  # Check the rollout status of a deployment
  minikctl rollout status deployment/abc`,
  use: 'rollout SUBCOMMAND',
  subcommands: [rolloutHistoryCommand, rolloutStatusCommand, rolloutUndoCommand],
};
