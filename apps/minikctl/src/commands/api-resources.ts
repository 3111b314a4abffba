import { CliError } from '../cli/cli-error.js';
import type { Command } from '../cli/command.js';

/** `minikctl api-resources`: the resources discovery reports, as kubectl prints them. */
export const apiResourcesCommand: Command = {
  name: 'api-resources',
  group: 'Other Commands:',
  short: 'Print the supported API resources on the server',
  long: 'Print the supported API resources on the server.',
  example: `  # Print the supported API resources
  minikctl api-resources
  
  # Print the supported API resources with more information
  minikctl api-resources -o wide
  
  # Print the supported API resources sorted by a column
  minikctl api-resources --sort-by=name
  
  # Print the supported namespaced resources
  minikctl api-resources --namespaced=true
  
  # Print the supported non-namespaced resources
  minikctl api-resources --namespaced=false
  
  # Print the supported API resources with a specific APIGroup
  minikctl api-resources --api-group=rbac.authorization.k8s.io`,
  use: 'api-resources [flags]',
  flags(f) {
    f.string('api-group', undefined, '', 'Limit to resources in the specified API group.')
      .bool('cached', undefined, false, 'Use the cached list of resources if available.')
      .stringSlice('categories', undefined, [], 'Limit to resources that belong to the specified categories.')
      .bool('namespaced', undefined, true, 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.')
      .bool('no-headers', undefined, false, "When using the default or custom-column output format, don't print headers (default print headers).")
      .string('output', 'o', '', 'Output format. One of: (wide, name).')
      .string('sort-by', undefined, '', "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'.")
      .stringSlice('verbs', undefined, [], 'Limit to resources that support the specified verbs.');
  },
  async run(ctx) {
    const f = ctx.flags;
    const output = f.getString('output');
    if (output !== '' && output !== 'wide' && output !== 'name') throw new CliError(`--output ${output} is not available`);
    const sortBy = f.getString('sort-by');
    if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') throw new CliError(`--sort-by accepts only name or kind`);
    // Fresh discovery unless --cached, as kubectl invalidates its cache for this command.
    if (!f.getBool('cached')) await ctx.factory.refreshDiscovery();
    const resolver = await ctx.factory.resolver();
    const groupFilter = f.getString('api-group');
    const verbs = f.getStrings('verbs');
    const categories = f.getStrings('categories');
    const namespacedSet = f.changed('namespaced');
    const namespaced = f.getBool('namespaced');
    const seenGroups = new Map<string, string>();
    let rows = resolver.all.filter((m) => {
      // Only the preferred (first listed) version of each group, like ServerPreferredResources.
      const preferred = seenGroups.get(m.group) ?? (seenGroups.set(m.group, m.version), m.version);
      if (preferred !== m.version) return false;
      if (groupFilter && m.group !== groupFilter) return false;
      if (namespacedSet && m.namespaced !== namespaced) return false;
      if (verbs.length > 0 && !verbs.every((v) => m.verbs.includes(v))) return false;
      if (categories.length > 0 && !categories.every((c) => m.categories.includes(c))) return false;
      return true;
    });
    rows = [...rows].sort((a, b) => {
      if (sortBy === 'name') return a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0;
      if (sortBy === 'kind') return a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0;
      if (a.group !== b.group) return a.group < b.group ? -1 : 1;
      return a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0;
    });
    if (output === 'name') {
      for (const m of rows) ctx.streams.out.write(`${m.group === '' ? m.resource : `${m.resource}.${m.group}`}\n`);
      return;
    }
    const { TabWriter } = await import('../printers/tab-writer.js');
    const w = new TabWriter(ctx.streams.out);
    if (!f.getBool('no-headers')) w.write(output === 'wide' ? 'NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND\tVERBS\tCATEGORIES\n' : 'NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND\n');
    for (const m of rows) {
      const apiVersion = m.group === '' ? m.version : `${m.group}/${m.version}`;
      const cells = [m.resource, m.shortNames.join(','), apiVersion, String(m.namespaced), m.kind];
      if (output === 'wide') cells.push(m.verbs.join(','), m.categories.join(','));
      w.write(`${cells.join('\t')}\n`);
    }
    w.flush();
  },
};
