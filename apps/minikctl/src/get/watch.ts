import type { Table } from '@minik/types';
import { CliError } from '../cli/cli-error.js';
import { resourcePath } from '../client/resource-resolver.js';
import { watchEvents } from '../client/watch-stream.js';
import type { ResourcePrinter } from '../printers/resource-printer.js';
import { HumanReadablePrinter } from '../printers/table-printer.js';
import { TabWriter } from '../printers/tab-writer.js';
import { getResource, isTable, listItems, listResource, tableAccept } from '../resource/fetch.js';
import type { ResourceSelection } from '../resource/resource-args.js';
import type { GetDeps, GetOptions } from './run-get.js';

/**
 * `get -w` / `--watch-only`: prints the current state (unless watch-only), then every change
 * from the list's resourceVersion (a single object is watched through a metadata.name field
 * selector and its synthetic first ADDED event is skipped), until the server ends the stream.
 */
export async function watchResources(o: GetOptions, deps: GetDeps, selection: ResourceSelection, human: boolean, printer: ResourcePrinter | undefined): Promise<void> {
  const mappings = new Set(selection.requests.map((r) => `${r.mapping.group}/${r.mapping.resource}`));
  if (mappings.size > 1 || selection.requests.length > 1) {
    throw new CliError('watch is only supported on individual resources and resource collections - more than 1 resource was found');
  }
  const request = selection.requests[0];
  if (!request) throw new CliError('you must provide one or more resources by argument or filename');
  const { mapping, name } = request;
  const client = await deps.factory.client();
  const accept = human ? tableAccept : 'application/json';
  const namespace = mapping.namespaced ? (o.allNamespaces && !name ? undefined : o.namespace) : undefined;
  const initial = name
    ? await getResource(client, mapping, namespace, name, accept)
    : await listResource(client, mapping, { namespace, labelSelector: o.labelSelector, fieldSelector: o.fieldSelector, chunkSize: o.chunkSize, accept });
  const isList = !name;
  const rv = isList ? String((initial['metadata'] as { resourceVersion?: string } | undefined)?.resourceVersion ?? '') : '0';

  const writer = new TabWriter(deps.out);
  const tablePrinter = new HumanReadablePrinter({
    wide: o.output.format === 'wide',
    noHeaders: o.noHeaders,
    withNamespace: o.allNamespaces && mapping.namespaced,
    showLabels: o.showLabels,
    columnLabels: o.labelColumns,
  });
  const now = deps.now ?? Date.now;
  const print = (obj: Record<string, unknown>, eventType?: string): void => {
    if (human) {
      if (isTable(obj)) tablePrinter.printTable(obj as Table, writer, o.outputWatchEvents ? eventType : undefined);
      else tablePrinter.printObject(obj, writer, now(), o.outputWatchEvents ? eventType : undefined);
      writer.flush();
    } else if (o.outputWatchEvents) {
      printer!.print({ type: eventType, object: obj }, deps.out);
    } else printer!.print(obj, deps.out);
  };

  if (!o.watchOnly) {
    if (human || !isList) print(initial, o.outputWatchEvents ? 'ADDED' : undefined);
    else for (const item of listItems(initial)) print(item, o.outputWatchEvents ? 'ADDED' : undefined);
  }
  // Watches started from a single object begin with a synthetic ADDED event; it was printed above.
  let outputObjects = isList;

  const res = await client.stream({
    path: resourcePath(mapping, namespace),
    query: {
      fieldSelector: name ? `metadata.name=${name}` : o.fieldSelector || undefined,
      labelSelector: name ? undefined : o.labelSelector || undefined,
      resourceVersion: rv || undefined,
      watch: 'true',
    },
    accept,
    target: { group: mapping.group, resource: mapping.resource, name },
    signal: deps.signal,
  });
  for await (const event of watchEvents(res, deps.signal)) {
    if (outputObjects) print(event.object, event.type);
    outputObjects = true;
  }
}
