import { AggregateCliError, CommandUsageError } from '../cli/cli-error.js';
import type { CommandContext } from '../cli/command.js';
import { StatusError } from '../client/api-error.js';
import { createResourcePrinter, namePrinter } from '../printers/resource-printer.js';
import { outputChoice } from '../commands/print-flags.js';
import { dryRunStrategy, dryRunSuffix } from '../resource/dry-run.js';
import { findTargets } from '../resource/targets.js';
import { createObject } from '../resource/write.js';
import { lastAppliedAnnotation, withLastApplied } from '../apply/last-applied.js';

/** kubectl's --validate values to the fieldValidation query parameter. */
export function fieldValidation(value: string): string {
  switch (value) {
    case 'true':
    case 'strict':
    case '':
      return 'Strict';
    case 'warn':
      return 'Warn';
    case 'false':
    case 'ignore':
      return 'Ignore';
    default:
      throw new CommandUsageError(`invalid - validate option "${value}"; must be one of: strict (or true), warn, ignore (or false)`);
  }
}

/** kubectl create -f: POST every object of the manifests. */
export async function runCreateFromFiles(ctx: CommandContext): Promise<void> {
  const f = ctx.flags;
  if (f.getStrings('filename').length === 0) {
    throw new CommandUsageError('must specify one of -f and -k');
  }
  const dryRun = dryRunStrategy(f, (t) => ctx.streams.err.write(t));
  const { targets } = await findTargets(ctx, { args: ctx.args, fetch: false });
  const output = outputChoice(f);
  const printer = output.format === '' ? undefined : await createResourcePrinter(output, { showManagedFields: f.getBool('show-managed-fields'), allowMissingKeys: f.getBool('allow-missing-template-keys') });
  const client = await ctx.factory.client();
  const errors: unknown[] = [];
  for (const target of targets) {
    const object = f.getBool('save-config') ? withLastApplied(target.object, target.namespace) : target.object;
    void lastAppliedAnnotation;
    let result = object;
    try {
      if (dryRun !== 'client') {
        result = await createObject(client, target.mapping, target.namespace, object, {
          fieldManager: f.getString('field-manager'),
          fieldValidation: fieldValidation(f.getString('validate')),
          dryRun,
        });
      }
    } catch (error) {
      errors.push(error instanceof StatusError ? new StatusError({ ...error.status, message: `error when creating "${target.source}": ${error.message}` }) : error);
      continue;
    }
    if (printer) printer.print(result, ctx.streams.out);
    else namePrinter(`created${dryRunSuffix(dryRun)}`).print({ ...result, kind: target.object['kind'], apiVersion: target.object['apiVersion'] }, ctx.streams.out);
  }
  if (errors.length > 0) throw new AggregateCliError(errors);
}
