import { CliError, CommandUsageError } from '../cli/cli-error.js';
import type { CommandContext } from '../cli/command.js';
import { createResourcePrinter, namePrinter } from '../printers/resource-printer.js';
import { dryRunStrategy, dryRunSuffix } from '../resource/dry-run.js';
import { createObject } from '../resource/write.js';
import { outputChoice } from '../commands/print-flags.js';
import { buildDeployment, buildPod, buildService, parseEnv, parseLabels, validateImage, type ContainerSpec } from './run-objects.js';

/** Deep-merges `--overrides` JSON into the generated object (RFC 7386 merge patch). */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...(target as object) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/**
 * kubectl run: builds a Deployment (restart Always, the legacy generator the Kubernetes Basics
 * lesson used) or a Pod (restart Never/OnFailure, today's behaviour), optionally a Service for it,
 * and creates them (or prints them with --dry-run=client).
 */
export async function runRun(ctx: CommandContext): Promise<void> {
  const f = ctx.flags;
  const args = ctx.argsLenAtDash === -1 ? ctx.args : ctx.args.slice(0, ctx.argsLenAtDash);
  const extra = ctx.argsLenAtDash === -1 ? ctx.args.slice(1) : ctx.args.slice(ctx.argsLenAtDash);
  if (args.length === 0) throw new CommandUsageError('NAME is required for run');
  const name = args[0]!;
  const image = f.getString('image');
  validateImage(image);
  const restart = f.getString('restart');
  if (restart !== 'Always' && restart !== 'OnFailure' && restart !== 'Never') throw new CommandUsageError(`invalid restart policy: ${restart}`);
  const replicas = f.getInt('replicas');
  if (restart !== 'Always' && replicas !== 1) throw new CommandUsageError(`--restart=${restart} requires that --replicas=1, found ${replicas}`);
  const dryRun = dryRunStrategy(f, (t) => ctx.streams.err.write(t));
  const port = f.getString('port');
  if (f.getBool('expose') && port === '') throw new CommandUsageError('--port must be set when exposing a service');
  const portNumber = port === '' ? undefined : Number(port);
  if (port !== '' && (!/^[0-9]+$/.test(port) || portNumber! < 1 || portNumber! > 65535)) {
    throw new CliError(`strconv.Atoi: parsing ${JSON.stringify(port)}: invalid syntax`);
  }
  const labels = f.getString('labels') === '' ? { run: name } : parseLabels(f.getString('labels'));
  const annotations: Record<string, string> = {};
  for (const a of f.getStrings('annotations')) {
    const eq = a.indexOf('=');
    if (eq <= 0) throw new CliError(`invalid annotation spec: ${a}`);
    annotations[a.slice(0, eq)] = a.slice(eq + 1);
  }
  const container: ContainerSpec = {
    name,
    image,
    port: portNumber,
    env: parseEnv(f.getStrings('env')),
    command: f.getBool('command') ? extra : undefined,
    args: f.getBool('command') ? undefined : extra.length > 0 ? extra : undefined,
    imagePullPolicy: f.getString('image-pull-policy') || undefined,
    privileged: f.getBool('privileged'),
  };
  let object: Record<string, unknown> =
    restart === 'Always'
      ? buildDeployment({ name, labels, annotations, replicas, container })
      : buildPod({ name, labels, annotations, restartPolicy: restart, container });
  if (f.getString('overrides')) {
    let overrides: unknown;
    try {
      overrides = JSON.parse(f.getString('overrides'));
    } catch (error) {
      throw new CliError(`error parsing --overrides: ${(error as Error).message}`);
    }
    object = mergePatch(object, overrides) as Record<string, unknown>;
  }
  const { namespace } = await ctx.factory.namespace();
  const output = outputChoice(f);
  const printer = output.format === '' ? undefined : await createResourcePrinter(output, { typedJson: true, showManagedFields: f.getBool('show-managed-fields'), allowMissingKeys: f.getBool('allow-missing-template-keys') });
  const emit = async (obj: Record<string, unknown>, kindArg: string, operation: string): Promise<void> => {
    const mapping = await ctx.factory.mapping(kindArg);
    let result = obj;
    if (dryRun !== 'client') {
      const client = await ctx.factory.client();
      result = await createObject(client, mapping, namespace, obj, { fieldManager: f.getString('field-manager'), dryRun });
    }
    if (printer) printer.print(result, ctx.streams.out);
    else namePrinter(`${operation}${dryRunSuffix(dryRun)}`).print(result.kind ? result : { ...result, kind: obj['kind'], apiVersion: obj['apiVersion'] }, ctx.streams.out);
  };
  if (f.getBool('expose')) {
    await emit(buildService({ name, labels, selector: labels, port: portNumber! }), 'services', 'created');
  }
  await emit(object, restart === 'Always' ? 'deployments.apps' : 'pods', 'created');
}
