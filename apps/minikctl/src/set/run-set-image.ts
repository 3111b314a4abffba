import { AggregateCliError, CliError, CommandUsageError } from '../cli/cli-error.js';
import type { CommandContext } from '../cli/command.js';
import { createResourcePrinter, namePrinter } from '../printers/resource-printer.js';
import { outputChoice } from '../commands/print-flags.js';
import { dryRunStrategy, dryRunSuffix } from '../resource/dry-run.js';
import { findTargets } from '../resource/targets.js';
import { patchObject } from '../resource/write.js';
import { podSpecPath } from './pod-spec-path.js';

/**
 * kubectl set image: changes the named containers' images (or all with `*`) and sends the
 * strategic merge patch kubectl sends (`$setElementOrder/containers` plus the changed entries).
 */
export async function runSetImage(ctx: CommandContext): Promise<void> {
  const f = ctx.flags;
  const resources: string[] = [];
  const images: Record<string, string> = {};
  for (const arg of ctx.args) {
    const eq = arg.indexOf('=');
    if (eq > 0) images[arg.slice(0, eq)] = arg.slice(eq + 1);
    else if (Object.keys(images).length > 0) throw new CommandUsageError(`all resources must be specified before image changes: ${arg}`);
    else resources.push(arg);
  }
  if (Object.keys(images).length === 0) throw new CommandUsageError('at least one image update is required');
  const dryRun = dryRunStrategy(f, (t) => ctx.streams.err.write(t));
  const { targets, errors } = await findTargets(ctx, { args: resources, selector: f.getString('selector') || undefined, all: f.getBool('all'), fetch: true });
  const output = outputChoice(f);
  const printer = output.format === '' ? undefined : await createResourcePrinter(output, { showManagedFields: f.getBool('show-managed-fields'), allowMissingKeys: f.getBool('allow-missing-template-keys') });
  const client = await ctx.factory.client();
  for (const target of targets) {
    const path = podSpecPath(target.mapping.kind);
    if (!path) throw new CliError(`error: ${target.mapping.resource}/${target.name} does not have a pod template`);
    let podSpec: Record<string, unknown> = target.object;
    for (const key of path) podSpec = (podSpec[key] ?? {}) as Record<string, unknown>;
    const lists: { field: 'initContainers' | 'containers'; containers: { name: string; image?: string }[] }[] = [
      { field: 'initContainers', containers: (podSpec['initContainers'] as { name: string; image?: string }[] | undefined) ?? [] },
      { field: 'containers', containers: (podSpec['containers'] as { name: string; image?: string }[] | undefined) ?? [] },
    ];
    const patchSpec: Record<string, unknown> = {};
    for (const [name, image] of Object.entries(images)) {
      let found = false;
      for (const list of lists) {
        for (const c of list.containers) {
          if (name !== '*' && c.name !== name) continue;
          found = true;
          if (c.image === image) continue;
          const changes = (patchSpec[list.field] as { image: string; name: string }[] | undefined) ?? [];
          changes.push({ image, name: c.name });
          patchSpec[list.field] = changes;
          patchSpec[`$setElementOrder/${list.field}`] = list.containers.map((x) => ({ name: x.name }));
        }
      }
      if (!found) ctx.streams.err.write(`error: unable to find container named "${name}"\n`);
    }
    if (Object.keys(patchSpec).length === 0) continue;
    // Go's json.Marshal of the computed patch sorts keys: $setElementOrder first.
    const sortedSpec = Object.fromEntries(Object.keys(patchSpec).sort().map((k) => [k, patchSpec[k]]));
    let patch: Record<string, unknown> = sortedSpec;
    for (const key of [...path].reverse()) patch = { [key]: patch };
    const result =
      dryRun === 'client'
        ? target.object
        : await patchObject(client, target.mapping, target.namespace, target.name, patch, 'application/strategic-merge-patch+json', {
            fieldManager: f.getString('field-manager'),
            dryRun,
          });
    if (printer) printer.print(result, ctx.streams.out);
    else namePrinter(`image updated${dryRunSuffix(dryRun)}`).print({ ...result, kind: target.mapping.kind, apiVersion: result['apiVersion'] ?? target.object['apiVersion'] }, ctx.streams.out);
  }
  if (errors.length > 0) throw new AggregateCliError(errors);
}
