import type { Output } from '../cli/command.js';
import type { FlagSet } from '../cli/flag-set.js';
import { ConnectionError } from './api-error.js';
import type { ClientConfig, ConfigOverrides } from './client-config.js';
import type { Discovery, DiscoveryData } from './discovery.js';
import { createLogger, type Logger } from './klog.js';
import type { Kubeconfig } from './kubeconfig.js';
import type { ResourceMapping, ResourceResolver } from './resource-resolver.js';
import type { RestClient } from './rest-client.js';

/**
 * What commands build their work on, made once per run from the global flags (kubectl's
 * cmdutil.Factory): the kubeconfig, the REST client, discovery and resource name resolution.
 */
export interface Factory {
  readonly logger: Logger;
  /** The merged kubeconfig files. */
  kubeconfig(): Promise<Kubeconfig>;
  /** The effective connection settings. */
  clientConfig(): Promise<ClientConfig>;
  /** The namespace to work in and whether `-n` chose it. */
  namespace(): Promise<{ namespace: string; explicit: boolean }>;
  client(): Promise<RestClient>;
  discovery(): Promise<DiscoveryData>;
  resolver(): Promise<ResourceResolver>;
  /** Resolves a resource name, re-reading discovery once if cached data does not know it. */
  mapping(arg: string): Promise<ResourceMapping>;
  /** The resource of a kind from a manifest (`apps/v1`, `Deployment`), re-reading discovery once on a miss. */
  forKind(apiVersion: string, kind: string): Promise<ResourceMapping | undefined>;
  /** Drops cached discovery and asks the server again. */
  refreshDiscovery(): Promise<void>;
  /** Expands a category (`all`), or returns undefined when no resource belongs to it. */
  category(name: string): Promise<ResourceMapping[] | undefined>;
  /** Closes kept-alive connections. */
  close(): void;
}

/** Where the factory finds its inputs. */
export interface FactoryDeps {
  flags: FlagSet;
  env: Readonly<Record<string, string | undefined>>;
  homeDir: string;
  err: Output;
}

/** Builds a factory; everything is created on first use. */
export function createFactory({ flags, env, homeDir, err }: FactoryDeps): Factory {
  const logger = createLogger(flags.getInt('v'), err);
  let kubeconfig: Promise<Kubeconfig> | undefined;
  let config: Promise<ClientConfig> | undefined;
  let client: Promise<RestClient> | undefined;
  let discovery: Discovery | undefined;
  let resolver: { data: DiscoveryData; resolver: ResourceResolver } | undefined;

  const overrides = (): ConfigOverrides => {
    const text = (name: string): string | undefined => flags.getString(name) || undefined;
    return {
      context: text('context'),
      cluster: text('cluster'),
      user: text('user'),
      server: text('server'),
      token: text('token'),
      certificateAuthority: text('certificate-authority'),
      clientCertificate: text('client-certificate'),
      clientKey: text('client-key'),
      insecureSkipTlsVerify: flags.changed('insecure-skip-tls-verify') ? flags.getBool('insecure-skip-tls-verify') : undefined,
      tlsServerName: text('tls-server-name'),
      username: text('username'),
      password: text('password'),
      namespace: text('namespace'),
      requestTimeout: flags.getString('request-timeout'),
    };
  };

  const cacheDir = (): string | undefined => {
    if (flags.changed('cache-dir')) return flags.getString('cache-dir') || undefined;
    return env['KUBECACHEDIR'] || flags.getString('cache-dir');
  };

  const factory: Factory = {
    logger,
    kubeconfig: () =>
      (kubeconfig ??= import('./client-stack.js')
        .then(({ loadKubeconfig }) => loadKubeconfig({ explicitPath: flags.getString('kubeconfig') || undefined, env, homeDir }))
        .then((loaded) => {
          for (const file of loaded.files) logger.info(6, 'loader.go:402', `Config loaded from file:  ${file}`);
          return loaded;
        })),
    clientConfig: () =>
      (config ??= Promise.all([factory.kubeconfig(), import('./client-stack.js')]).then(([k, { resolveClientConfig }]) => resolveClientConfig(k, overrides()))),
    async namespace() {
      const c = await factory.clientConfig();
      return { namespace: c.namespace, explicit: c.explicitNamespace };
    },
    client: () => (client ??= Promise.all([factory.clientConfig(), import('./client-stack.js')]).then(([c, { createRestClient }]) => createRestClient(c, logger))),
    async discovery() {
      if (!discovery) {
        const { Discovery } = await import('./client-stack.js');
        discovery = new Discovery(await factory.client(), cacheDir(), logger);
      }
      return withDiscoveryRetries(() => discovery!.get(), logger);
    },
    async resolver() {
      const data = await factory.discovery();
      if (resolver?.data !== data) {
        const { ResourceResolver } = await import('./client-stack.js');
        resolver = { data, resolver: new ResourceResolver(data) };
      }
      return resolver.resolver;
    },
    async mapping(arg) {
      const found = (await factory.resolver()).find(arg);
      if (found) return found;
      if (!(await factory.discovery()).fresh) {
        await withDiscoveryRetries(() => discovery!.refresh(), logger);
        const again = (await factory.resolver()).find(arg);
        if (again) return again;
      }
      const { unknownResourceError } = await import('./client-stack.js');
      throw unknownResourceError(arg);
    },
    async forKind(apiVersion, kind) {
      const found = (await factory.resolver()).forKind(apiVersion, kind);
      if (found || (await factory.discovery()).fresh) return found;
      await withDiscoveryRetries(() => discovery!.refresh(), logger);
      return (await factory.resolver()).forKind(apiVersion, kind);
    },
    async refreshDiscovery() {
      await factory.discovery();
      if (!(await factory.discovery()).fresh) await withDiscoveryRetries(() => discovery!.refresh(), logger);
    },
    async category(name) {
      const members = (await factory.resolver()).category(name);
      return members.length > 0 ? members : undefined;
    },
    close() {
      void client?.then((c) => c.close(), () => undefined);
    },
  };
  return factory;
}

/**
 * kubectl tries the server's group list several times before giving up, logging each failure
 * (`couldn't get current server API group list: …`).
 */
async function withDiscoveryRetries<T>(fetch: () => Promise<T>, logger: Logger): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await fetch();
    } catch (error) {
      if (!(error instanceof ConnectionError)) throw error;
      lastError = error;
      logger.error('memcache.go:265', `"Unhandled Error" err="couldn't get current server API group list: ${error.message.replace(/"/g, '\\"')}"`);
    }
  }
  throw lastError;
}
