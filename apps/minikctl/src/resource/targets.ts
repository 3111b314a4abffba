import { CliError, CommandUsageError } from '../cli/cli-error.js';
import type { CommandContext } from '../cli/command.js';
import { isNotFound } from '../client/api-error.js';
import type { ResourceMapping } from '../client/resource-resolver.js';
import { getResource, listItems, listResource } from './fetch.js';
import { readManifests } from './manifests.js';
import { selectResources } from './resource-args.js';

/** One object a command acts on. */
export interface Target {
  mapping: ResourceMapping;
  namespace: string | undefined;
  name: string;
  /** The live object (fetched), or the manifest for `-f` when not fetched. */
  object: Record<string, unknown>;
  /** The `-f` source, for error messages. */
  source?: string;
}

export { addFilenameFlags } from './filename-flags.js';

/** How to find the targets of a command. */
export interface TargetOptions {
  args: readonly string[];
  selector?: string;
  fieldSelector?: string;
  all?: boolean;
  allNamespaces?: boolean;
  /** Fetch each named object (label, describe); list-based targets always come with their objects. */
  fetch: boolean;
  /** NotFound errors are dropped instead of collected. */
  ignoreNotFound?: boolean;
}

/**
 * kubectl's resource builder for commands that act on objects: `-f` manifests, `TYPE NAME…`,
 * `TYPE/NAME…`, or `TYPE` with `-l`/`--all` (listing). Errors for single objects are collected
 * (kubectl's ContinueOnError) and returned with the targets found.
 */
export async function findTargets(ctx: CommandContext, options: TargetOptions): Promise<{ targets: Target[]; errors: unknown[] }> {
  const { namespace, explicit } = await ctx.factory.namespace();
  const client = await ctx.factory.client();
  const targets: Target[] = [];
  const errors: unknown[] = [];
  const filenames = ctx.flags.lookup('filename') ? ctx.flags.getStrings('filename') : [];
  if (filenames.length > 0) {
    if (options.args.length > 0) throw new CommandUsageError('Unexpected args: ' + JSON.stringify(options.args));
    const manifests = await readManifests(filenames, { recursive: ctx.flags.lookup('recursive') ? ctx.flags.getBool('recursive') : false, stdin: ctx.streams.in });
    for (const m of manifests) {
      const apiVersion = String(m.object['apiVersion']);
      const kind = String(m.object['kind']);
      const mapping = await ctx.factory.forKind(apiVersion, kind);
      if (!mapping) throw new CliError(`resource mapping not found for name: "${(m.object['metadata'] as { name?: string } | undefined)?.name ?? ''}" namespace: "" from "${m.source}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`);
      const meta = (m.object['metadata'] ?? {}) as { name?: string; namespace?: string };
      let ns: string | undefined;
      if (mapping.namespaced) {
        if (meta.namespace && explicit && meta.namespace !== namespace) {
          throw new CliError(
            `the namespace from the provided object "${meta.namespace}" does not match the namespace "${namespace}". You must pass '--namespace=${meta.namespace}' to perform this operation.`,
          );
        }
        ns = meta.namespace || namespace;
      }
      if (!options.fetch) {
        targets.push({ mapping, namespace: ns, name: meta.name ?? '', object: m.object, source: m.source });
        continue;
      }
      try {
        targets.push({ mapping, namespace: ns, name: meta.name ?? '', object: await getResource(client, mapping, ns, meta.name ?? ''), source: m.source });
      } catch (error) {
        if (!(options.ignoreNotFound && isNotFound(error))) errors.push(error);
      }
    }
    return { targets, errors };
  }
  const selection = await selectResources(ctx.factory, options.args);
  if (selection.requests.length === 0) throw new CommandUsageError('You must provide one or more resources by argument or filename.');
  for (const request of selection.requests) {
    const ns = request.mapping.namespaced ? (options.allNamespaces && !request.name ? undefined : namespace) : undefined;
    if (request.name) {
      if (!options.fetch) {
        targets.push({ mapping: request.mapping, namespace: ns, name: request.name, object: {} });
        continue;
      }
      try {
        targets.push({ mapping: request.mapping, namespace: ns, name: request.name, object: await getResource(client, request.mapping, ns, request.name) });
      } catch (error) {
        if (!(options.ignoreNotFound && isNotFound(error))) errors.push(error);
      }
      continue;
    }
    if (!options.selector && !options.all && !options.fieldSelector) {
      throw new CliError(`resource(s) were provided, but no name was specified`);
    }
    const list = await listResource(client, request.mapping, {
      namespace: ns,
      labelSelector: options.selector,
      fieldSelector: options.fieldSelector,
    });
    for (const item of listItems(list)) {
      const meta = (item['metadata'] ?? {}) as { name?: string; namespace?: string };
      targets.push({ mapping: request.mapping, namespace: request.mapping.namespaced ? meta.namespace : undefined, name: meta.name ?? '', object: item });
    }
  }
  return { targets, errors };
}
