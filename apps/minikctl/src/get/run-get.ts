import type { Table } from '@minik/types';
import { AggregateCliError, CliError, CommandUsageError } from '../cli/cli-error.js';
import type { Output } from '../cli/command.js';
import { isNotFound } from '../client/api-error.js';
import type { Factory } from '../client/factory.js';
import { kindPrefix, type ResourceMapping } from '../client/resource-resolver.js';
import { HumanReadablePrinter } from '../printers/table-printer.js';
import { TabWriter } from '../printers/tab-writer.js';
import { isHumanReadable, type OutputChoice } from '../printers/output-choice.js';
import type { ResourcePrinter } from '../printers/resource-printer.js';
import { getResource, isTable, listItems, listResource, tableAccept, type Fetched } from '../resource/fetch.js';
import { selectResources, type ResourceRequest } from '../resource/resource-args.js';

/** The flags of `get`, already parsed. */
export interface GetOptions {
  args: string[];
  output: OutputChoice;
  namespace: string;
  allNamespaces: boolean;
  labelSelector: string;
  fieldSelector: string;
  showLabels: boolean;
  labelColumns: string[];
  sortBy: string;
  noHeaders: boolean;
  watch: boolean;
  watchOnly: boolean;
  outputWatchEvents: boolean;
  chunkSize: number;
  showKind: boolean;
  ignoreNotFound: boolean;
  raw: string;
  allowMissingTemplateKeys: boolean;
  showManagedFields: boolean;
  serverPrint: boolean;
}

/** What `get` runs against. */
export interface GetDeps {
  factory: Factory;
  out: Output;
  err: Output;
  signal: AbortSignal;
  now?: () => number;
  /** `minikctl` in messages. */
  program?: string;
}

/** One fetched thing, with the resource it came from. */
export interface Info {
  mapping: ResourceMapping;
  object: Fetched;
}

/** An Output that remembers whether anything was written and can insert a blank line first. */
class TrackingOutput implements Output {
  written = 0;
  ready = false;
  constructor(private readonly out: Output) {}
  write(text: string): void {
    if (text.length > 0 && this.ready) {
      this.out.write('\n');
      this.ready = false;
    }
    this.written += text.length;
    this.out.write(text);
  }
}

/** kubectl get: fetches what the arguments name and prints it in the chosen format. */
export async function runGet(o: GetOptions, deps: GetDeps): Promise<void> {
  const program = deps.program ?? 'minikctl';
  if (o.raw) return rawGet(o, deps);
  if (o.showLabels && o.output.format !== '' && o.output.format !== 'wide') {
    throw new CliError(`--show-labels option cannot be used with ${o.output.format} printer`);
  }
  if (o.outputWatchEvents && !(o.watch || o.watchOnly)) {
    throw new CommandUsageError('--output-watch-events option can only be used with --watch or --watch-only');
  }
  const human = isHumanReadable(o.output) && o.serverPrint;
  const printer = human ? undefined : await (await import('../printers/resource-printer.js')).createResourcePrinter(o.output, { noHeaders: o.noHeaders, allowMissingKeys: o.allowMissingTemplateKeys, showManagedFields: o.showManagedFields });
  if (o.watch || o.watchOnly) {
    if (o.sortBy) deps.err.write('warning: --watch or --watch-only requested, --sort-by will be ignored\n');
  } else if (o.args.length === 0) {
    deps.err.write(`You must specify the type of resource to get. Use "${program} api-resources" for a complete list of supported resources.\n\n`);
    throw new CommandUsageError('Required resource not specified.');
  }
  const selection = await selectResources(deps.factory, o.args, program);
  if (o.watch || o.watchOnly) return (await import('./watch.js')).watchResources(o, deps, selection, human, printer);

  const client = await deps.factory.client();
  const sorting = o.sortBy !== '';
  const accept = human ? tableAccept : 'application/json';
  const infos: Info[] = [];
  const errors: unknown[] = [];
  const namespaceFor = (request: ResourceRequest): string | undefined =>
    request.mapping.namespaced ? (o.allNamespaces && !request.name ? undefined : o.namespace) : undefined;
  for (const request of selection.requests) {
    try {
      const object = request.name
        ? await getResource(client, request.mapping, namespaceFor(request), request.name, accept)
        : await listResource(client, request.mapping, {
            namespace: namespaceFor(request),
            labelSelector: o.labelSelector,
            fieldSelector: o.fieldSelector,
            chunkSize: sorting ? 0 : o.chunkSize,
            accept,
            query: human && sorting ? { includeObject: 'Object' } : undefined,
          });
      infos.push({ mapping: request.mapping, object });
    } catch (error) {
      if (o.ignoreNotFound && isNotFound(error)) continue;
      errors.push(error);
    }
  }
  const sorter = sorting ? await import('./sort-by.js') : undefined;
  if (!human) {
    printGeneric(o, deps, infos, selection.singleItemImplied, printer!, errors, sorter);
  } else {
    printHuman(o, deps, infos, errors, sorter);
  }
  if (errors.length > 0) throw new AggregateCliError(errors);
}

type Sorter = typeof import('./sort-by.js');

function printHuman(o: GetOptions, deps: GetDeps, infos: Info[], errors: unknown[], sorter: Sorter | undefined): void {
  const printWithKind = o.showKind || new Set(infos.map((i) => `${i.mapping.group}/${i.mapping.kind}`)).size > 1;
  if (sorter) for (const info of infos) if (isTable(info.object)) sorter.sortTableRows(info.object, o.sortBy);
  const tracking = new TrackingOutput(deps.out);
  const writer = new TabWriter(tracking);
  let printer: HumanReadablePrinter | undefined;
  let lastMapping: ResourceMapping | undefined;
  let allNamespaced = !o.allNamespaces;
  const now = deps.now?.() ?? Date.now();
  for (const info of infos) {
    allNamespaced = allNamespaced && info.mapping.namespaced;
    if (!printer || !lastMapping || lastMapping.resource !== info.mapping.resource || lastMapping.group !== info.mapping.group) {
      writer.flush();
      writer.resetRememberedWidths();
      if (lastMapping && !o.noHeaders && tracking.written > 0) tracking.ready = true;
      printer = new HumanReadablePrinter({
        wide: o.output.format === 'wide',
        noHeaders: o.noHeaders,
        withNamespace: o.allNamespaces && info.mapping.namespaced,
        showLabels: o.showLabels,
        columnLabels: o.labelColumns,
        kindPrefix: printWithKind ? kindPrefix(info.mapping) : undefined,
      });
      lastMapping = info.mapping;
    }
    if (isTable(info.object)) printer.printTable(info.object as Table, writer);
    else printer.printObject(info.object, writer, now);
  }
  writer.flush();
  if (tracking.written === 0 && !o.ignoreNotFound && errors.length === 0) {
    deps.err.write(allNamespaced ? `No resources found in ${o.namespace} namespace.\n` : 'No resources found\n');
  }
}

/** kubectl's printGeneric: one object as itself, anything else as a `kind: List`. */
function printGeneric(o: GetOptions, deps: GetDeps, infos: Info[], singleItemImplied: boolean, printer: ResourcePrinter, errors: unknown[], sorter: Sorter | undefined): void {
  if (infos.length === 0 && o.ignoreNotFound) return;
  if (singleItemImplied && infos.length === 1 && !Array.isArray(infos[0]!.object['items'])) {
    if (errors.length > 0) return;
    printer.print(infos[0]!.object, deps.out);
    return;
  }
  if (singleItemImplied && errors.length > 0) return;
  let items: Record<string, unknown>[] = [];
  for (const info of infos) {
    if (Array.isArray(info.object['items'])) items.push(...listItems(info.object));
    else items.push(info.object);
  }
  if (sorter) items = sorter.sortObjects(items, o.sortBy);
  printer.print({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }, deps.out);
}

/** `get --raw /path`: the server's bytes, unchanged. */
async function rawGet(o: GetOptions, deps: GetDeps): Promise<void> {
  if (o.args.length > 0) throw new CliError('arguments may not be passed when --raw is specified');
  if (o.watch || o.watchOnly || o.labelSelector) {
    throw new CliError('--raw may not be specified with other flags that filter the server request or alter the output');
  }
  if (o.output.format !== '') throw new CommandUsageError('--raw and --output are mutually exclusive');
  const client = await deps.factory.client();
  const [path, query] = o.raw.split('?', 2) as [string, string | undefined];
  const res = await client.raw({ path, accept: 'application/json, */*', query: query ? Object.fromEntries(new URLSearchParams(query)) : undefined });
  if (res.status < 200 || res.status > 299) {
    const { responseError } = await import('../client/rest-client.js');
    throw responseError(res, 'GET', undefined);
  }
  deps.out.write(res.body.toString('utf8'));
}
