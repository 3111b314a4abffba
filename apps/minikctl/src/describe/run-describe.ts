import { AggregateCliError, CliError } from '../cli/cli-error.js';
import type { CommandContext } from '../cli/command.js';
import { isNotFound, StatusError } from '../client/api-error.js';
import { getResource, listItems, listResource } from '../resource/fetch.js';
import { findTargets, type Target } from '../resource/targets.js';
import { selectResources } from '../resource/resource-args.js';
import type { DescribeContext } from './describe-context.js';
import { describeDeployment } from './describe-deployment.js';
import { describeGeneric } from './describe-generic.js';
import { describeNode } from './describe-node.js';
import { describePod } from './describe-pod.js';
import { describeReplicaSet } from './describe-replica-set.js';
import { describeService } from './describe-service.js';

/**
 * kubectl describe: one description per object (named, by name prefix, by selector, or all of a
 * type), separated by blank lines, with the kind's describer or the generic one.
 */
export async function runDescribe(ctx: CommandContext): Promise<void> {
  const f = ctx.flags;
  const { namespace } = await ctx.factory.namespace();
  const client = await ctx.factory.client();
  const allNamespaces = f.getBool('all-namespaces');
  const selector = f.getString('selector');
  let targets: Target[] = [];
  const errors: unknown[] = [];
  if (f.getStrings('filename').length > 0) {
    const found = await findTargets(ctx, { args: ctx.args, fetch: true });
    targets = found.targets;
    errors.push(...found.errors);
  } else {
    if (ctx.args.length === 0) throw new CliError('You must specify the type of resource to describe. Use "minikctl api-resources" for a complete list of supported resources.');
    const selection = await selectResources(ctx.factory, ctx.args);
    for (const request of selection.requests) {
      const ns = request.mapping.namespaced ? (allNamespaces ? undefined : namespace) : undefined;
      if (request.name) {
        try {
          targets.push({ mapping: request.mapping, namespace: ns, name: request.name, object: await getResource(client, request.mapping, ns ?? namespace, request.name) });
        } catch (error) {
          if (!isNotFound(error)) {
            errors.push(error);
            continue;
          }
          // kubectl describe also accepts a name prefix.
          const all = listItems(await listResource(client, request.mapping, { namespace: ns, labelSelector: selector || undefined }));
          const matches = all.filter((o) => String((o['metadata'] as { name?: string }).name).startsWith(request.name!));
          if (matches.length === 0) errors.push(error);
          for (const o of matches) targets.push({ mapping: request.mapping, namespace: ns, name: String((o['metadata'] as { name?: string }).name), object: o });
        }
      } else {
        const all = listItems(await listResource(client, request.mapping, { namespace: ns, labelSelector: selector || undefined }));
        for (const o of all) targets.push({ mapping: request.mapping, namespace: ns, name: String((o['metadata'] as { name?: string }).name), object: o });
      }
    }
    if (targets.length === 0 && errors.length === 0) {
      ctx.streams.err.write(selection.requests.every((r) => r.mapping.namespaced) && !allNamespaces ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n');
      return;
    }
  }
  const dctx: DescribeContext = { client, factory: ctx.factory, now: Date.now(), showEvents: f.getBool('show-events') };
  let first = true;
  for (const target of targets) {
    let text: string;
    try {
      switch (target.mapping.group === '' || target.mapping.group === 'apps' ? target.mapping.kind : '') {
        case 'Pod':
          text = await describePod(dctx, target.object);
          break;
        case 'Deployment':
          text = await describeDeployment(dctx, target.object);
          break;
        case 'ReplicaSet':
          text = await describeReplicaSet(dctx, target.object);
          break;
        case 'Node':
          text = await describeNode(dctx, target.object, target.mapping);
          break;
        case 'Service':
          text = await describeService(dctx, target.object);
          break;
        default:
          text = await describeGeneric(dctx, target.object);
      }
    } catch (error) {
      errors.push(error instanceof StatusError ? error : error);
      continue;
    }
    ctx.streams.out.write(first ? text : `\n\n${text}`);
    first = false;
  }
  if (errors.length > 0) throw new AggregateCliError(errors);
}
