import { AggregateCliError, CliError, CommandUsageError } from '../cli/cli-error.js';
import type { CommandContext } from '../cli/command.js';
import { createResourcePrinter, namePrinter } from '../printers/resource-printer.js';
import { outputChoice } from '../commands/print-flags.js';
import { dryRunStrategy, dryRunSuffix } from '../resource/dry-run.js';
import { findTargets } from '../resource/targets.js';
import { createObject } from '../resource/write.js';
import { parseLabels } from '../run/run-objects.js';

interface Port {
  name?: string;
  containerPort?: number;
  port?: number;
  protocol?: string;
  targetPort?: number | string;
}

/** The selector of what is exposed: pod labels, a service's selector, a workload's matchLabels. */
function selectorOf(kind: string, object: Record<string, unknown>): Record<string, string> {
  const spec = (object['spec'] ?? {}) as Record<string, unknown>;
  switch (kind) {
    case 'Pod':
      return ((object['metadata'] as { labels?: Record<string, string> }).labels ?? {}) as Record<string, string>;
    case 'Service':
    case 'ReplicationController':
      return (spec['selector'] ?? {}) as Record<string, string>;
    default: {
      const selector = (spec['selector'] ?? {}) as { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
      if (selector.matchExpressions && selector.matchExpressions.length > 0) {
        throw new CliError(`couldn't convert expressions - "${JSON.stringify(selector.matchExpressions)}" to map-based selector format`);
      }
      return selector.matchLabels ?? {};
    }
  }
}

/** The ports to reuse: the containers' ports (pod template or pod), or a service's ports. */
function portsOf(kind: string, object: Record<string, unknown>): Port[] {
  const spec = (object['spec'] ?? {}) as Record<string, unknown>;
  if (kind === 'Service') return (spec['ports'] as Port[] | undefined) ?? [];
  const podSpec = (kind === 'Pod' ? spec : ((spec['template'] as { spec?: unknown } | undefined)?.spec ?? {})) as { containers?: { ports?: Port[] }[] };
  return (podSpec.containers ?? []).flatMap((c) => c.ports ?? []);
}

/** kubectl expose: builds the Service (its generator's field order) and creates it. */
export async function runExpose(ctx: CommandContext): Promise<void> {
  const f = ctx.flags;
  const dryRun = dryRunStrategy(f, (t) => ctx.streams.err.write(t));
  const { targets, errors } = await findTargets(ctx, { args: ctx.args, fetch: true });
  const output = outputChoice(f);
  const printer = output.format === '' ? undefined : await createResourcePrinter(output, { typedJson: true, showManagedFields: f.getBool('show-managed-fields'), allowMissingKeys: f.getBool('allow-missing-template-keys') });
  const client = await ctx.factory.client();
  const serviceMapping = await ctx.factory.mapping('services');
  for (const target of targets) {
    const kind = target.mapping.kind;
    if (!['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet'].includes(kind)) {
      throw new CliError(`cannot expose a ${kind}`);
    }
    const selector = f.getString('selector') ? parseLabels(f.getString('selector')) : selectorOf(kind, target.object);
    if (Object.keys(selector).length === 0) throw new CliError(`couldn't retrieve selectors via --selector flag or introspection: the ${kind} has no labels`);
    const protocol = f.getString('protocol') || undefined;
    let ports: { name?: string; port: number; protocol: string; targetPort: number | string }[];
    const targetPortFlag = f.getString('target-port');
    const targetPort = (p: number): number | string => (targetPortFlag === '' ? p : /^[0-9]+$/.test(targetPortFlag) ? Number(targetPortFlag) : targetPortFlag);
    if (f.getString('port')) {
      const port = Number(f.getString('port'));
      if (!Number.isInteger(port)) throw new CliError(`invalid port ${f.getString('port')}`);
      ports = [{ port, protocol: protocol ?? 'TCP', targetPort: targetPort(port) }];
    } else {
      const found = portsOf(kind, target.object);
      if (found.length === 0) throw new CommandUsageError("couldn't find port via --port flag or introspection");
      ports = found.map((p, i) => {
        const number = kind === 'Service' ? p.port! : p.containerPort!;
        const entry: { name?: string; port: number; protocol: string; targetPort: number | string } = {
          port: number,
          protocol: protocol ?? p.protocol ?? 'TCP',
          targetPort: kind === 'Service' ? (targetPortFlag ? targetPort(number) : (p.targetPort ?? number)) : targetPort(number),
        };
        if (found.length > 1) return { name: p.name || `port-${i + 1}`, ...entry };
        return entry;
      });
    }
    const labels = f.getString('labels') ? parseLabels(f.getString('labels')) : ((target.object['metadata'] as { labels?: Record<string, string> }).labels ?? undefined);
    const metadata: Record<string, unknown> = { creationTimestamp: null };
    if (labels && Object.keys(labels).length > 0) metadata['labels'] = labels;
    metadata['name'] = f.getString('name') || target.name;
    const spec: Record<string, unknown> = { ports, selector };
    if (f.getString('cluster-ip')) spec['clusterIP'] = f.getString('cluster-ip');
    if (f.getString('external-ip')) spec['externalIPs'] = [f.getString('external-ip')];
    if (f.getString('load-balancer-ip')) spec['loadBalancerIP'] = f.getString('load-balancer-ip');
    if (f.getString('session-affinity')) spec['sessionAffinity'] = f.getString('session-affinity');
    if (f.getString('type')) spec['type'] = f.getString('type');
    const service = { apiVersion: 'v1', kind: 'Service', metadata, spec, status: { loadBalancer: {} } };
    const result =
      dryRun === 'client'
        ? service
        : await createObject(client, serviceMapping, target.namespace, service, { fieldManager: f.getString('field-manager'), dryRun });
    if (printer) printer.print(result, ctx.streams.out);
    else namePrinter(`exposed${dryRunSuffix(dryRun)}`).print({ ...result, kind: 'Service', apiVersion: 'v1' }, ctx.streams.out);
  }
  if (errors.length > 0) throw new AggregateCliError(errors);
}
