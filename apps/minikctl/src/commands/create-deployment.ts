import { CommandUsageError } from '../cli/cli-error.js';
import type { Command } from '../cli/command.js';
import { addDryRunFlag } from '../resource/dry-run.js';
import { addPrintFlags } from './print-flags.js';

/** A container name from an image: its last path segment without tag or digest, `_` as `-`, made unique. */
function containerNames(images: string[]): string[] {
  const seen = new Map<string, number>();
  return images.map((image) => {
    let name = image.split('/').pop()!;
    name = name.split(':')[0]!.split('@')[0]!.replace(/_/g, '-');
    const count = seen.get(name) ?? 0;
    seen.set(name, count + 1);
    return count === 0 ? name : `${name}-${count}`;
  });
}

/** `minikctl create deployment NAME --image=IMAGE`. */
export const createDeploymentCommand: Command = {
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  long: 'Create a deployment with the specified name.',
  example: `  # Create a deployment named my-dep that runs the busybox image
  minikctl create deployment my-dep --image=busybox
  
  # Create a deployment with a command
  minikctl create deployment my-dep --image=busybox -- date
  
  # Create a deployment named my-dep that runs the nginx image with 3 replicas
  minikctl create deployment my-dep --image=nginx --replicas=3
  
  # Create a deployment named my-dep that runs the busybox image and expose port 5701
  minikctl create deployment my-dep --image=busybox --port=5701`,
  use: 'create deployment NAME --image=image -- [COMMAND] [args...] [options]',
  requiredFlags: ['image'],
  flags(f) {
    addPrintFlags(f, 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).');
    addDryRunFlag(f);
    f.string('field-manager', undefined, 'kubectl-create', 'Name of the manager used to track field ownership.')
      .stringArray('image', undefined, [], 'Image names to run. A deployment can have multiple images set for multi-container pod.')
      .int('port', undefined, -1, 'The containerPort that this deployment exposes.')
      .int('replicas', 'r', 1, 'Number of replicas to create. Default is 1.');
  },
  async run(ctx) {
    const args = ctx.argsLenAtDash === -1 ? ctx.args : ctx.args.slice(0, ctx.argsLenAtDash);
    const command = ctx.argsLenAtDash === -1 ? [] : ctx.args.slice(ctx.argsLenAtDash);
    if (args.length !== 1) throw new CommandUsageError('exactly one NAME is required, got ' + args.length);
    const name = args[0]!;
    const images = ctx.flags.getStrings('image');
    if (images.length > 1 && command.length > 0) throw new CommandUsageError('cannot specify multiple --image options and command');
    const labels = { app: name };
    const names = containerNames(images);
    const port = ctx.flags.getInt('port');
    const containers = images.map((image, i) => {
      const c: Record<string, unknown> = { name: names[i], image };
      if (i === 0 && command.length > 0) c['command'] = command;
      if (port >= 0 && i === 0) c['ports'] = [{ containerPort: port }];
      c['resources'] = {};
      return c;
    });
    const object = {
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: { name, creationTimestamp: null, labels },
      spec: {
        replicas: ctx.flags.getInt('replicas'),
        selector: { matchLabels: labels },
        template: { metadata: { creationTimestamp: null, labels }, spec: { containers } },
        strategy: {},
      },
      status: {},
    };
    const { createGenerated } = await import('../create/run-create-object.js');
    await createGenerated(ctx, object, 'deployments.apps', 'deployment');
  },
};
