import type { Command } from '../cli/command.js';
import type { FlagSet } from '../cli/flag-set.js';
import { addPrintFlags, outputChoice } from './print-flags.js';

/** `minikctl get`: list or fetch resources, printed as the server's tables or in a chosen format. */
export const getCommand: Command = {
  name: 'get',
  group: 'Basic Commands (Intermediate):',
  short: 'Display one or many resources',
  long: `Display one or many resources.

 Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace if you don't specify any namespace.

 By specifying the output as 'template' and providing a Go template as the value of the --template flag, you can filter the attributes of the fetched resources.

Use "minikctl api-resources" for a complete list of supported resources.`,
  example: `  # List all pods in ps output format
  minikctl get pods
  
  # List all pods in ps output format with more information (such as node name)
  minikctl get pods -o wide
  
  # List deployments in JSON output format, in the "v1" version of the "apps" API group
  minikctl get deployments.v1.apps -o json
  
  # List a single pod in JSON output format
  minikctl get -o json pod web-pod-13je7
  
  # Return only the phase value of the specified pod
  minikctl get -o template pod/web-pod-13je7 --template={{.status.phase}}
  
  # Print the name of every pod, one per line
  minikctl get pods -o go-template --template '{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}'
  
  # List resource information in custom columns
  minikctl get pod test-pod -o custom-columns=CONTAINER:.spec.containers[0].name,IMAGE:.spec.containers[0].image
  
  # List all replica sets and services together in ps output format
  minikctl get rs,services
  
  # List one or more resources by their type and names
  minikctl get rs/web service/frontend pods/web-pod-13je7
  
  # Watch pods labelled app=web as they change
  minikctl get pods -l app=web -w`,
  use: 'get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]',
  flags(f: FlagSet) {
    addPrintFlags(f, 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide). See custom columns [https://kubernetes.io/docs/reference/kubectl/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [https://kubernetes.io/docs/reference/kubectl/jsonpath/].');
    f.bool('all-namespaces', 'A', false, 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.')
      .int('chunk-size', undefined, 500, 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.')
      .string('field-selector', undefined, '', "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.")
      .bool('ignore-not-found', undefined, false, 'If the requested object does not exist the command will return exit code 0.')
      .stringSlice('label-columns', 'L', [], 'Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...')
      .bool('no-headers', undefined, false, "When using the default or custom-column output format, don't print headers (default print headers).")
      .bool('output-watch-events', undefined, false, 'Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events.')
      .string('raw', undefined, '', 'Raw URI to request from the server.  Uses the transport specified by the kubeconfig file.')
      .string('selector', 'l', '', "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.")
      .bool('server-print', undefined, true, 'If true, have the server return the appropriate table output. Supports extension APIs and CRDs.')
      .bool('show-kind', undefined, false, 'If present, list the resource type for the requested object(s).')
      .bool('show-labels', undefined, false, 'When printing, show all labels as the last column (default hide labels column)')
      .string('sort-by', undefined, '', "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string.")
      .bool('watch', 'w', false, 'After listing/getting the requested object, watch for changes.')
      .bool('watch-only', undefined, false, 'Watch for changes to the requested object(s), without listing/getting first.');
  },
  async run(ctx) {
    const f = ctx.flags;
    const raw = f.getString('raw');
    // Load the command's code while the kubeconfig is read: start-up time is mostly loading.
    const [{ runGet }, { namespace }] = await Promise.all([import('../get/run-get.js'), raw ? { namespace: '' } : ctx.factory.namespace()]);
    const output = outputChoice(f);
    // Custom columns, JSON and YAML print whole objects, so the server is not asked for a Table.
    const serverPrint = f.getBool('server-print') && !(output.format.includes('custom-columns') || output.format === 'yaml' || output.format.includes('json'));
    await runGet(
      {
        args: ctx.args,
        output,
        namespace,
        allNamespaces: f.getBool('all-namespaces'),
        labelSelector: f.getString('selector'),
        fieldSelector: f.getString('field-selector'),
        showLabels: f.getBool('show-labels'),
        labelColumns: f.getStrings('label-columns'),
        sortBy: f.getString('sort-by'),
        noHeaders: f.getBool('no-headers'),
        watch: f.getBool('watch'),
        watchOnly: f.getBool('watch-only'),
        outputWatchEvents: f.getBool('output-watch-events'),
        chunkSize: f.getInt('chunk-size'),
        showKind: f.getBool('show-kind'),
        ignoreNotFound: f.getBool('ignore-not-found'),
        raw,
        allowMissingTemplateKeys: f.getBool('allow-missing-template-keys'),
        showManagedFields: f.getBool('show-managed-fields'),
        serverPrint,
      },
      { factory: ctx.factory, out: ctx.streams.out, err: ctx.streams.err, signal: ctx.signal },
    );
  },
};
