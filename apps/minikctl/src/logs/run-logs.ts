import { CliError, CommandUsageError } from '../cli/cli-error.js';
import type { CommandContext } from '../cli/command.js';
import { isNotFound, StatusError } from '../client/api-error.js';
import { parseGoDuration } from '../cli/flag-set.js';
import { listItems, listResource } from '../resource/fetch.js';
import { resourcePath } from '../client/resource-resolver.js';

interface PodItem {
  metadata: { name: string; namespace?: string; annotations?: Record<string, string>; creationTimestamp?: string };
  spec?: { containers?: { name: string }[]; initContainers?: { name: string }[]; ephemeralContainers?: { name: string }[] };
  status?: { phase?: string };
}

/**
 * kubectl logs: finds the pod (a pod name, TYPE/NAME of a workload, or -l), picks the container
 * (-c, the default-container annotation, else the first, saying so when there are several), and
 * copies the log stream to stdout.
 */
export async function runLogs(ctx: CommandContext): Promise<void> {
  const f = ctx.flags;
  const { namespace } = await ctx.factory.namespace();
  const client = await ctx.factory.client();
  const selector = f.getString('selector');
  if (ctx.args.length === 0 && !selector) throw new CommandUsageError(`expected POD, TYPE/NAME, or a label selector`);
  if (ctx.args.length > 0 && selector) throw new CliError('only a selector (-l) or a POD name is allowed');
  if (ctx.args.length > 2) throw new CommandUsageError('expected POD, TYPE/NAME, or a label selector');
  let pods: PodItem[];
  const podsMapping = await ctx.factory.mapping('pods');
  if (selector) {
    pods = listItems(await listResource(client, podsMapping, { namespace, labelSelector: selector })) as unknown as PodItem[];
    if (pods.length === 0) {
      ctx.streams.err.write(`No resources found in ${namespace} namespace.\n`);
      return;
    }
  } else {
    const arg = ctx.args[0]!;
    const [type, name] = arg.includes('/') ? (arg.split('/', 2) as [string, string]) : ['pods', arg];
    const mapping = await ctx.factory.mapping(type);
    let obj: Record<string, unknown>;
    try {
      obj = await client.json({ path: resourcePath(mapping, namespace, name), accept: 'application/json, */*', target: { group: mapping.group, resource: mapping.resource, name } });
    } catch (error) {
      if (isNotFound(error) && mapping.resource === 'pods') {
        throw new CliError(`error from server (NotFound): pods "${name}" not found in namespace "${namespace}"`);
      }
      throw error;
    }
    if (mapping.kind === 'Pod') pods = [obj as unknown as PodItem];
    else {
      const spec = (obj['spec'] ?? {}) as { selector?: { matchLabels?: Record<string, string> } | Record<string, string> };
      const sel = 'matchLabels' in (spec.selector ?? {}) ? (spec.selector as { matchLabels?: Record<string, string> }).matchLabels : (spec.selector as Record<string, string> | undefined);
      const labelSelector = Object.entries(sel ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
      const found = listItems(await listResource(client, podsMapping, { namespace, labelSelector })) as unknown as PodItem[];
      if (found.length === 0) throw new CliError(`timed out waiting for the condition`);
      // kubectl picks the newest active pod first; with several it says which one it used.
      const sorted = [...found].sort((a, b) => String(b.metadata.creationTimestamp).localeCompare(String(a.metadata.creationTimestamp)));
      if (found.length > 1) ctx.streams.err.write(`Found ${found.length} pods, using pod/${sorted[0]!.metadata.name}\n`);
      pods = [sorted[0]!];
    }
  }
  const tail = f.getInt('tail') === -1 && selector ? 10 : f.getInt('tail');
  const query: Record<string, string | undefined> = {
    follow: f.getBool('follow') ? 'true' : undefined,
    previous: f.getBool('previous') ? 'true' : undefined,
    timestamps: f.getBool('timestamps') ? 'true' : undefined,
    tailLines: tail >= 0 ? String(tail) : undefined,
    limitBytes: f.getInt('limit-bytes') > 0 ? String(f.getInt('limit-bytes')) : undefined,
    sinceTime: f.getString('since-time') || undefined,
  };
  if (f.getString('since')) {
    const ms = parseGoDuration(f.getString('since'));
    if (ms === undefined) throw new CliError(`invalid argument "${f.getString('since')}" for "--since" flag: time: invalid duration "${f.getString('since')}"`);
    query['sinceSeconds'] = String(Math.max(1, Math.ceil(ms / 1000)));
  }
  const requests: { pod: PodItem; container: string }[] = [];
  for (const pod of pods) {
    const containers = (pod.spec?.containers ?? []).map((c) => c.name);
    const all = [...(pod.spec?.initContainers ?? []).map((c) => c.name), ...containers, ...(pod.spec?.ephemeralContainers ?? []).map((c) => c.name)];
    if (f.getBool('all-containers')) {
      for (const c of all) requests.push({ pod, container: c });
      continue;
    }
    let container = f.getString('container') || ctx.args[1];
    if (!container) {
      const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
      if (annotated && containers.includes(annotated)) container = annotated;
      else {
        container = containers[0];
        if (containers.length > 1) ctx.streams.err.write(`Defaulted container "${container}" out of: ${all.join(', ')}\n`);
      }
    } else if (!all.includes(container)) {
      throw new CliError(`container ${container} is not valid for pod ${pod.metadata.name}`);
    }
    if (container) requests.push({ pod, container });
  }
  const prefix = f.getBool('prefix');
  for (const { pod, container } of requests) {
    const res = await client.stream({
      path: `/api/v1/namespaces/${pod.metadata.namespace ?? namespace}/pods/${pod.metadata.name}/log`,
      query: { ...query, container },
      accept: 'application/json, */*',
      target: { resource: 'pods', name: pod.metadata.name },
      signal: ctx.signal,
    }).catch((error: unknown) => {
      if (error instanceof StatusError) throw error;
      throw error;
    });
    let pending = '';
    const label = `[pod/${pod.metadata.name}/${container}] `;
    try {
      for await (const chunk of res) {
        const text = (chunk as Buffer).toString('utf8');
        if (!prefix) {
          ctx.streams.out.write(text);
          continue;
        }
        pending += text;
        let nl: number;
        while ((nl = pending.indexOf('\n')) >= 0) {
          ctx.streams.out.write(`${label}${pending.slice(0, nl + 1)}`);
          pending = pending.slice(nl + 1);
        }
      }
    } catch (error) {
      if (!ctx.signal.aborted) throw error;
    }
    if (prefix && pending) ctx.streams.out.write(`${label}${pending}`);
  }
}
