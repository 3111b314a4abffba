import { AggregateCliError, CliError } from '../cli/cli-error.js';
import type { Command } from '../cli/command.js';
import { kindPrefix } from '../client/resource-resolver.js';
import { addDryRunFlag, dryRunStrategy, dryRunSuffix } from '../resource/dry-run.js';
import { addFilenameFlags } from '../resource/filename-flags.js';
import { addPrintFlags } from './print-flags.js';

/** `minikctl scale`: sets replicas through the /scale subresource. */
export const scaleCommand: Command = {
  name: 'scale',
  group: 'Deploy Commands:',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  long: `Set a new size for a deployment, replica set, replication controller, or stateful set.

 Scale also allows users to specify one or more preconditions for the scale action.

 If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server.`,
  example: `  # Scale a replica set named 'foo' to 3
  minikctl scale --replicas=3 rs/foo
  
  # Scale a resource identified by type and name specified in "foo.yaml" to 3
  minikctl scale --replicas=3 -f foo.yaml
  
  # If the deployment named mysql's current size is 2, scale mysql to 3
  minikctl scale --current-replicas=2 --replicas=3 deployment/mysql
  
  # Scale the kubernetes-bootcamp deployment of the tutorial to 4 pods
  minikctl scale deployments/kubernetes-bootcamp --replicas=4`,
  use: 'scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)',
  requiredFlags: ['replicas'],
  flags(f) {
    addPrintFlags(f, 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).');
    addDryRunFlag(f);
    addFilenameFlags(f, 'identifying the resource to set a new size');
    f.bool('all', undefined, false, 'Select all resources in the namespace of the specified resource types')
      .int('current-replicas', undefined, -1, 'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.')
      .int('replicas', undefined, 0, 'The new desired number of replicas. Required.')
      .string('resource-version', undefined, '', 'Precondition for resource version. Requires that the current resource version match this value in order to scale.')
      .string('selector', 'l', '', "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.")
      .duration('timeout', undefined, 0, 'The length of time to wait before giving up on a scale operation, zero means don\'t wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).');
  },
  async run(ctx) {
    const f = ctx.flags;
    const replicas = f.getInt('replicas');
    if (replicas < 0) throw new CliError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    const dryRun = dryRunStrategy(f, (t) => ctx.streams.err.write(t));
    const { findTargets } = await import('../resource/targets.js');
    const { targets, errors } = await findTargets(ctx, { args: ctx.args, selector: f.getString('selector') || undefined, all: f.getBool('all'), fetch: true });
    const current = f.getInt('current-replicas');
    const resourceVersion = f.getString('resource-version');
    if (targets.length > 1 && (current !== -1 || resourceVersion)) {
      throw new CliError('cannot use --resource-version with multiple resources');
    }
    const client = await ctx.factory.client();
    const { patchObject, replaceObject } = await import('../resource/write.js');
    const { resourcePath } = await import('../client/resource-resolver.js');
    for (const target of targets) {
      if (!target.mapping.verbs.includes('patch') && !['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers'].includes(target.mapping.resource)) {
        throw new CliError(`cannot scale ${target.mapping.resource}`);
      }
      if (dryRun !== 'client') {
        if (current !== -1 || resourceVersion) {
          const scale = await client.json<Record<string, unknown>>({
            path: resourcePath(target.mapping, target.namespace, target.name, 'scale'),
            accept: 'application/json',
            target: { group: target.mapping.group, resource: target.mapping.resource, name: target.name },
          });
          const spec = (scale['spec'] ?? {}) as { replicas?: number };
          if (current !== -1 && (spec.replicas ?? 0) !== current) {
            throw new CliError(`Expected replicas to be ${current}, was ${spec.replicas ?? 0}`);
          }
          const meta = (scale['metadata'] ?? {}) as Record<string, unknown>;
          if (resourceVersion) meta['resourceVersion'] = resourceVersion;
          await replaceObject(client, target.mapping, target.namespace, target.name, { ...scale, metadata: meta, spec: { ...spec, replicas } }, { subresource: 'scale', dryRun });
        } else {
          await patchObject(client, target.mapping, target.namespace, target.name, { spec: { replicas } }, 'application/merge-patch+json', { subresource: 'scale', dryRun });
        }
      }
      ctx.streams.out.write(`${kindPrefix(target.mapping)}/${target.name} scaled${dryRunSuffix(dryRun)}\n`);
    }
    if (errors.length > 0) throw new AggregateCliError(errors);
  },
};
