import { AggregateCliError, CommandUsageError } from '../cli/cli-error.js';
import type { CommandContext } from '../cli/command.js';
import { isNotFound, StatusError } from '../client/api-error.js';
import { createResourcePrinter, namePrinter } from '../printers/resource-printer.js';
import { outputChoice } from '../commands/print-flags.js';
import { fieldValidation } from '../create/run-create-files.js';
import { dryRunStrategy, dryRunSuffix } from '../resource/dry-run.js';
import { getResource } from '../resource/fetch.js';
import { findTargets } from '../resource/targets.js';
import { createObject, patchObject } from '../resource/write.js';
import { computeApplyPatch } from './apply-patch.js';
import { lastAppliedAnnotation, withLastApplied } from './last-applied.js';

function sourced(error: unknown, verb: string, source: string | undefined): unknown {
  if (!source || !(error instanceof StatusError)) return error;
  return new StatusError({ ...error.status, message: `error when ${verb} "${source}": ${error.message}` });
}

/**
 * kubectl apply: creates missing objects (with the last-applied annotation), patches existing
 * ones with the three-way difference of last-applied, manifest and live object (a strategic merge
 * patch for kinds with a schema, a JSON merge patch otherwise), and reports
 * created / configured / unchanged. `--server-side` sends an apply patch instead.
 */
export async function runApply(ctx: CommandContext): Promise<void> {
  const f = ctx.flags;
  if (f.getStrings('filename').length === 0) throw new CommandUsageError('must specify one of -f and -k');
  const dryRun = dryRunStrategy(f, (t) => ctx.streams.err.write(t));
  const validation = fieldValidation(f.getString('validate'));
  const { targets } = await findTargets(ctx, { args: ctx.args, fetch: false });
  const output = outputChoice(f);
  const printer = output.format === '' ? undefined : await createResourcePrinter(output, { showManagedFields: f.getBool('show-managed-fields'), allowMissingKeys: f.getBool('allow-missing-template-keys') });
  const client = await ctx.factory.client();
  const serverSide = f.getBool('server-side');
  const errors: unknown[] = [];
  const report = (result: Record<string, unknown>, manifest: Record<string, unknown>, operation: string): void => {
    if (printer) printer.print(result, ctx.streams.out);
    else namePrinter(`${operation}${dryRunSuffix(dryRun)}`).print({ ...result, kind: manifest['kind'], apiVersion: manifest['apiVersion'] }, ctx.streams.out);
  };
  for (const target of targets) {
    const manifest = target.object;
    try {
      if (serverSide) {
        const body = { ...manifest, metadata: { ...((manifest['metadata'] ?? {}) as object), ...(target.namespace ? { namespace: target.namespace } : {}) } };
        const result =
          dryRun === 'client'
            ? manifest
            : await patchObject(client, target.mapping, target.namespace, target.name, JSON.stringify(body), 'application/apply-patch+yaml', {
                fieldManager: f.changed('field-manager') ? f.getString('field-manager') : 'kubectl',
                fieldValidation: validation,
                force: f.getBool('force-conflicts'),
                dryRun,
              });
        report(result, manifest, 'serverside-applied');
        continue;
      }
      const modified = withLastApplied(manifest, target.namespace);
      let live: Record<string, unknown> | undefined;
      try {
        live = await getResource(client, target.mapping, target.namespace, target.name);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
      if (!live) {
        const result =
          dryRun === 'client'
            ? modified
            : await createObject(client, target.mapping, target.namespace, modified, { fieldManager: f.getString('field-manager'), fieldValidation: validation, dryRun }).catch(
                (error: unknown) => {
                  throw sourced(error, 'creating', target.source);
                },
              );
        report(result, manifest, 'created');
        continue;
      }
      // kubectl neither warns nor computes a patch on a client dry run: the object is "configured".
      if (dryRun === 'client') {
        report(live, manifest, 'configured');
        continue;
      }
      const annotations = ((live['metadata'] as { annotations?: Record<string, string> } | undefined)?.annotations ?? {}) as Record<string, string>;
      const original = annotations[lastAppliedAnnotation];
      if (!original) {
        ctx.streams.err.write(
          `Warning: resource ${target.mapping.resource}/${target.name} is missing the ${lastAppliedAnnotation} annotation which is required by minikctl apply. minikctl apply should only be used on resources created declaratively by either minikctl create --save-config or minikctl apply. The missing annotation will be patched automatically.\n`,
        );
      }
      const patch = computeApplyPatch(target.mapping, original, modified, live, target.source);
      // kubectl sends nothing when the patch is empty and reports the object unchanged.
      if (patch.body === '{}') {
        report(live, manifest, 'unchanged');
        continue;
      }
      const result = await patchObject(client, target.mapping, target.namespace, target.name, patch.body, patch.contentType, {
        fieldManager: f.getString('field-manager'),
        fieldValidation: validation,
        dryRun,
      }).catch((error: unknown) => {
        throw sourced(error, 'patching', target.source);
      });
      report(result, manifest, 'configured');
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length > 0) throw new AggregateCliError(errors);
}
