import { CliError } from '../cli/cli-error.js';
import type { Command } from '../cli/command.js';
import { defaultAcceptHosts, defaultAcceptPaths, defaultRejectMethods, defaultRejectPaths } from '../proxy/request-filter.js';

/** `minikctl proxy`: a local door into the API server, as `kubectl proxy`. */
export const proxyCommand: Command = {
  name: 'proxy',
  group: 'Troubleshooting and Debugging Commands:',
  short: 'Run a proxy to the Kubernetes API server',
  long: `Creates a proxy server or application-level gateway between localhost and the Kubernetes API server. It also allows serving static content over specified HTTP path. All incoming data enters through one port and gets forwarded to the remote Kubernetes API server port, except for the path matching the static content path.`,
  example: `  # To proxy all of the Kubernetes API and nothing else
  minikctl proxy --api-prefix=/
  
  # To proxy only part of the Kubernetes API and also some static files
  # You can get pods info with 'curl localhost:8001/api/v1/pods'
  minikctl proxy --www=/my/files --www-prefix=/static/ --api-prefix=/api/
  
  # To proxy the entire Kubernetes API at a different root
  # You can get pods info with 'curl localhost:8001/custom/api/v1/pods'
  minikctl proxy --api-prefix=/custom/
  
  # Run a proxy to the Kubernetes API server on port 5000
  minikctl proxy --port=5000
  
  # Run a proxy to the Kubernetes API server on an arbitrary local port
  # The chosen port for the server will be output to stdout
  minikctl proxy --port=0
  
  # Reach a pod through the API server, as the Kubernetes Basics tutorial does
  curl http://localhost:8001/api/v1/namespaces/default/pods/$POD_NAME/proxy/`,
  use: 'proxy [--port=PORT] [--www=static-dir] [--www-prefix=prefix] [--api-prefix=prefix]',
  flags(f) {
    f.string('accept-hosts', undefined, defaultAcceptHosts, 'Regular expression for hosts that the proxy should accept.')
      .string('accept-paths', undefined, defaultAcceptPaths, 'Regular expression for paths that the proxy should accept.')
      .string('address', undefined, '127.0.0.1', 'The IP address on which to serve on.')
      .string('api-prefix', undefined, '/', 'Prefix to serve the proxied API under.')
      .bool('append-server-path', undefined, false, 'If true, enables automatic path appending of the kube context server path to each request.')
      .bool('disable-filter', undefined, false, 'If true, disable request filtering in the proxy. This is dangerous, and can leave you vulnerable to XSRF attacks, when used with an accessible port.')
      .duration('keepalive', undefined, 0, 'keepalive specifies the keep-alive period for an active network connection. Set to 0 to disable keepalive.')
      .int('port', 'p', 8001, 'The port on which to run the proxy. Set to 0 to pick a random port.')
      .string('reject-methods', undefined, defaultRejectMethods, 'Regular expression for HTTP methods that the proxy should reject (example --reject-methods=\'POST,PUT,PATCH\'). ')
      .string('reject-paths', undefined, defaultRejectPaths, 'Regular expression for paths that the proxy should reject. Paths specified here will be rejected even accepted by --accept-paths.')
      .string('unix-socket', 'u', '', 'Unix socket on which to run the proxy.')
      .string('www', 'w', '', 'Also serve static files from the given directory under the specified prefix.')
      .string('www-prefix', 'P', '/static/', 'Prefix to serve static files under, if static file directory is specified.');
  },
  async run(ctx) {
    const f = ctx.flags;
    const { startProxy } = await import('../proxy/proxy-server.js');
    const { regexpList } = await import('../proxy/request-filter.js');
    let apiPrefix = f.getString('api-prefix');
    if (!apiPrefix.endsWith('/')) apiPrefix = `${apiPrefix}/`;
    let wwwPrefix = f.getString('www-prefix');
    if (!wwwPrefix.endsWith('/')) wwwPrefix = `${wwwPrefix}/`;
    const client = await ctx.factory.client();
    const disableFilter = f.getBool('disable-filter');
    if (disableFilter) {
      if (f.getString('unix-socket') === '') ctx.streams.err.write('W0000 Request filter disabled, your proxy is vulnerable to XSRF attacks, please be cautious\n');
    }
    let proxy;
    try {
      proxy = await startProxy(
        {
          address: f.getString('address'),
          port: f.getInt('port'),
          unixSocket: f.getString('unix-socket') || undefined,
          apiPrefix,
          www: f.getString('www') || undefined,
          wwwPrefix,
          appendServerPath: f.getBool('append-server-path'),
          filter: disableFilter
            ? undefined
            : {
                acceptPaths: regexpList(f.getString('accept-paths')),
                rejectPaths: regexpList(f.getString('reject-paths')),
                acceptHosts: regexpList(f.getString('accept-hosts')),
                rejectMethods: regexpList(f.getString('reject-methods')),
              },
        },
        client,
        ctx.factory.logger,
      );
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      if (e.code === 'EADDRINUSE') throw new CliError(`listen tcp ${f.getString('address')}:${f.getInt('port')}: bind: address already in use`);
      throw error;
    }
    ctx.streams.out.write(`Starting to serve on ${proxy.address}\n`);
    await new Promise<void>((resolve) => {
      if (ctx.signal.aborted) resolve();
      ctx.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    await proxy.close();
  },
};
