import { AggregateCliError, CliError, CommandUsageError } from '../cli/cli-error.js';
import type { CommandContext } from '../cli/command.js';
import { kindPrefix } from '../client/resource-resolver.js';
import { createResourcePrinter, namePrinter } from '../printers/resource-printer.js';
import { outputChoice } from '../commands/print-flags.js';
import { dryRunStrategy, dryRunSuffix } from '../resource/dry-run.js';
import { findTargets } from '../resource/targets.js';
import { patchObject } from '../resource/write.js';

/** What differs between `label` and `annotate`. */
export interface LabelKind {
  field: 'labels' | 'annotations';
  /** `labeled` / `annotated`. */
  past: string;
  /** `not labeled` / `not annotated`. */
  notPast: string;
  fieldManager: string;
}

const labelKeyPattern = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;

/** kubectl's GetResourcesAndPairs: leading resource words, then `key=value` and `key-` pairs. */
function splitPairs(args: readonly string[], verb: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  let first = true;
  for (const arg of args) {
    const isPair = arg.includes('=') || arg.endsWith('-');
    if (isPair) {
      first = false;
      pairs.push(arg);
    } else {
      if (!first) throw new CommandUsageError(`all resources must be specified before ${verb} changes: ${arg}`);
      resources.push(arg);
    }
  }
  return { resources, pairs };
}

/**
 * kubectl label / annotate: applies `key=value` and `key-` changes to the objects named, with a
 * JSON merge patch of the metadata map, refusing to overwrite without --overwrite.
 */
export async function runLabel(ctx: CommandContext, kind: LabelKind): Promise<void> {
  const f = ctx.flags;
  const verb = kind.field === 'labels' ? 'label' : 'annotation';
  const { resources, pairs } = splitPairs(ctx.args, verb);
  const list = f.getBool('list');
  if (pairs.length === 0 && !list) throw new CommandUsageError(`at least one ${verb} update is required`);
  const add: Record<string, string> = {};
  const remove: string[] = [];
  for (const pair of pairs) {
    if (pair.endsWith('-') && !pair.includes('=')) {
      remove.push(pair.slice(0, -1));
      continue;
    }
    const eq = pair.indexOf('=');
    const key = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    if (kind.field === 'labels' && (!labelKeyPattern.test(key) || (value !== '' && !/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(value)))) {
      throw new CliError(`invalid label spec: ${pair}`);
    }
    add[key] = value;
  }
  const dryRun = dryRunStrategy(f, (t) => ctx.streams.err.write(t));
  const { targets, errors } = await findTargets(ctx, {
    args: resources,
    selector: f.getString('selector') || undefined,
    fieldSelector: f.lookup('field-selector') ? f.getString('field-selector') || undefined : undefined,
    all: f.getBool('all'),
    allNamespaces: f.getBool('all-namespaces'),
    fetch: true,
  });
  const output = outputChoice(f);
  const printer = output.format === '' ? undefined : await createResourcePrinter(output, { allowMissingKeys: f.getBool('allow-missing-template-keys'), showManagedFields: f.getBool('show-managed-fields') });
  const client = await ctx.factory.client();
  const resourceVersion = f.getString('resource-version');
  for (const target of targets) {
    const metadata = (target.object['metadata'] ?? {}) as Record<string, unknown>;
    const current = (metadata[kind.field] ?? {}) as Record<string, string>;
    if (list) {
      for (const key of Object.keys(current).sort()) ctx.streams.out.write(`${key}=${current[key]}\n`);
      continue;
    }
    if (!f.getBool('overwrite')) {
      for (const key of Object.keys(add)) {
        if (key in current && current[key] !== add[key]) {
          throw new CliError(`'${key}' already has a value (${current[key]}), and --overwrite is false`);
        }
      }
    }
    const changes: Record<string, string | null> = {};
    for (const [key, value] of Object.entries(add)) if (current[key] !== value) changes[key] = value;
    for (const key of remove) {
      if (key in current) changes[key] = null;
      else if (kind.field === 'labels') ctx.streams.err.write(`label "${key}" not found.\n`);
    }
    const patchMeta: Record<string, unknown> = {};
    if (Object.keys(changes).length > 0) patchMeta[kind.field] = changes;
    if (resourceVersion) patchMeta['resourceVersion'] = resourceVersion;
    const prefix = `${kindPrefix(target.mapping)}/${target.name}`;
    if (Object.keys(patchMeta).length === 0) {
      if (printer) printer.print(target.object, ctx.streams.out);
      else ctx.streams.out.write(`${prefix} ${kind.notPast}\n`);
      continue;
    }
    let result = target.object;
    if (dryRun !== 'client') {
      result = await patchObject(client, target.mapping, target.namespace, target.name, { metadata: patchMeta }, 'application/merge-patch+json', {
        fieldManager: f.getString('field-manager'),
        dryRun,
      });
    }
    if (printer) printer.print(result, ctx.streams.out);
    else namePrinter(`${kind.past}${dryRunSuffix(dryRun)}`).print({ ...result, kind: target.mapping.kind, apiVersion: result['apiVersion'] ?? target.object['apiVersion'] }, ctx.streams.out);
  }
  if (errors.length > 0) throw new AggregateCliError(errors);
}
