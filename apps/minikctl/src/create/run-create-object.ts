import { CliError } from '../cli/cli-error.js';
import type { CommandContext } from '../cli/command.js';
import { createResourcePrinter, namePrinter } from '../printers/resource-printer.js';
import { outputChoice } from '../commands/print-flags.js';
import { dryRunStrategy, dryRunSuffix } from '../resource/dry-run.js';
import { createObject } from '../resource/write.js';

/**
 * What `create deployment|namespace` share: POST the generated object (or print it with
 * --dry-run=client) and report `kind/name created`. Failures read
 * `failed to create deployment: …`, as kubectl's generators say.
 */
export async function createGenerated(ctx: CommandContext, object: Record<string, unknown>, resourceArg: string, what: string): Promise<void> {
  const f = ctx.flags;
  const dryRun = dryRunStrategy(f, (t) => ctx.streams.err.write(t));
  const output = outputChoice(f);
  const printer = output.format === '' ? undefined : await createResourcePrinter(output, { typedJson: true, showManagedFields: f.getBool('show-managed-fields'), allowMissingKeys: f.getBool('allow-missing-template-keys') });
  const mapping = await ctx.factory.mapping(resourceArg);
  const { namespace } = await ctx.factory.namespace();
  let result = object;
  if (dryRun !== 'client') {
    const client = await ctx.factory.client();
    try {
      result = await createObject(client, mapping, mapping.namespaced ? namespace : undefined, object, {
        fieldManager: f.getString('field-manager'),
        fieldValidation: 'Strict',
        dryRun,
      });
    } catch (error) {
      const { StatusError } = await import('../client/api-error.js');
      if (error instanceof StatusError) throw new CliError(`failed to create ${what}: ${error.message}`);
      throw error;
    }
  }
  if (printer) printer.print(result, ctx.streams.out);
  else namePrinter(`created${dryRunSuffix(dryRun)}`).print({ ...result, kind: object['kind'], apiVersion: object['apiVersion'] }, ctx.streams.out);
}
